"""Small helpers shared by the test modules."""

from bs4 import BeautifulSoup
from wagtail.models import Page

from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url


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


def queries_for(client, url):
    """The number of SQL queries of a visit to ``url`` (which must answer 200)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
