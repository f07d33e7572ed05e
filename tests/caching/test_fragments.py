"""The lists of the town profile and the timeline, kept until the next content change
({% cache %} keyed on the shared content version): fewer queries on the next visit, never a
list older than the content."""

import datetime

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masis.caching.invalidation import bump_version
from masis.multilingual.links import page_url
from pages.models import TownProfilePage

from ..factories import add_event, timeline_page
from ..servers import closed_port


def visit(client, url):
    """(HTML, number of SQL queries) of a visit to ``url``."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def list_pages(language):
    return [
        page_url(TownProfilePage.objects.get(), language),
        page_url(timeline_page(), language),
        page_url(timeline_page(), language) + "?year=2024",
    ]


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_the_next_visit_reuses_the_lists_and_shows_the_same_page(client, seeded, language):
    for url in list_pages(language):
        client.get(url)  # what a process keeps for its lifetime (content types, site roots)
        bump_version()  # a change: the lists are built again
        first, first_queries = visit(client, url)
        again, again_queries = visit(client, url)
        assert again == first, url
        assert again_queries < first_queries, url


def test_a_published_event_is_listed_at_once(client, seeded):
    urls = list_pages("fr")
    for url in urls:
        client.get(url)
    event = add_event(
        "Rencontre des jeunes de Masis", start=datetime.date(2026, 11, 20), place="masis"
    )
    for url in urls[:2]:
        assert event.title in visit(client, url)[0], url
    event.unpublish()
    for url in urls[:2]:
        assert event.title not in visit(client, url)[0], url


def test_with_the_version_out_of_reach_nothing_is_kept(client, seeded, settings):
    # Redis refused: the content version is unknown, and a fragment kept under a guess could
    # outlive a change made meanwhile.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "masis.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        },
    }
    caches["fragments"].clear()
    for url in list_pages("fr"):
        first, first_queries = visit(client, url)
        again, again_queries = visit(client, url)
        assert (again, again_queries) == (first, first_queries), url


def test_a_content_version_lost_with_the_cache_never_brings_back_an_old_list(
    client, seeded, settings
):
    """Redis restarted empty (or flushed) forgets the content version. Numbered again from 1, it
    met the lists this process had kept under the same number before the change."""
    settings.PAGE_CACHE_ENABLED = True
    url = page_url(timeline_page(), "fr")
    cache.clear()  # the version is gone
    client.get(url)  # the list, kept under the version that starts then
    event = add_event("Rencontre des jeunes de Masis", start=datetime.date(2026, 11, 20))
    cache.clear()  # gone again, with the change it recorded
    assert event.title in visit(client, url)[0]
