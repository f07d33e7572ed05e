"""Small helpers shared by the test modules."""

from bs4 import BeautifulSoup
from wagtail.models import Page

from multilingual.languages import LANGUAGE_CODES
from multilingual.links import page_url


def html(response):
    return BeautifulSoup(response.content, "html.parser")


def live_pages():
    return list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))


def every_page_in_every_language():
    """(page, language, relative URL) for every live page of the site."""
    return [
        (page, language, page_url(page, language))
        for page in live_pages()
        for language in LANGUAGE_CODES
    ]
