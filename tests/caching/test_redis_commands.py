"""Redis commands per page: a page-cache miss costs at most 6, a hit at most 2, counted by a
redis-server of the test's own (``INFO commandstats``)."""

from masis.caching.invalidation import bump_version
from masis.multilingual.links import page_url

from ..helpers import live_pages

MAX_COMMANDS_FOR_A_MISS = 6
MAX_COMMANDS_FOR_A_HIT = 2
# Our own counting commands, not the site's.
NOT_COUNTED = {"cmdstat_info", "cmdstat_config|resetstat", "cmdstat_dbsize", "cmdstat_keys"}


def commands_of(server, client, url):
    """(response, number of Redis commands, {command: calls}) of a visit to ``url``."""
    server.config_resetstat()
    response = client.get(url)
    stats = server.info("commandstats")
    counted = {name: s["calls"] for name, s in stats.items() if name not in NOT_COUNTED}
    return response, sum(counted.values()), counted


def public_urls():
    """One URL of every public page type (in French), plus the views that are not pages."""
    by_type = {}
    for page in live_pages():
        by_type.setdefault(type(page).__name__, page_url(page, "fr"))
    timeline = by_type["TimelinePage"]
    return sorted(by_type.values()) + [
        timeline + "?year=2024",
        timeline + "feed/",
        timeline + "calendar/",
        "/fr/recherche/",
        "/sitemap.xml",
        "/robots.txt",
    ]


def test_a_miss_costs_at_most_six_commands_and_a_hit_two(client, seeded, own_redis):
    # A running site: the content version and Wagtail's site root paths are in the cache; a
    # change has just made every page a miss.
    urls = public_urls()
    for url in urls:
        client.get(url)
    bump_version()
    for url in urls:
        response, misses, detail = commands_of(own_redis, client, url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss", url
        assert misses <= MAX_COMMANDS_FOR_A_MISS, (url, detail)
        response, hits, detail = commands_of(own_redis, client, url)
        assert response["X-Page-Cache"] == "hit", url
        assert hits <= MAX_COMMANDS_FOR_A_HIT, (url, detail)
