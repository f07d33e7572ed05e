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


def forget_cached_content():
    """Every cache emptied, this process's copies included: the next visit computes all."""
    from django.core.cache import caches

    from masis.caching.near import forget_everything

    for cache in caches.all():
        cache.clear()
    forget_everything()


def queries_cold_and_warm(client, url):
    """SQL queries of the first visit to ``url`` after a content change, which computes the
    lists, counts and facets, and of the next one, which finds them kept."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masis.caching.invalidation import bump_version

    counts = []
    bump_version()
    for _visit in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(queries))
    return tuple(counts)
