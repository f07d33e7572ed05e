"""The page cache's key: what a visitor sends beyond what the page reads (a foreign Host, a
tracking parameter) neither changes what others are served nor fills the cache."""

import re

from masis.caching.invalidation import bump_version
from masis.multilingual.links import page_url
from timeline.models import CooperationEventPage, Theme

SITE_URL = "http://testserver"  # masis.settings.test
HOSTILE_HOSTS = ("127.0.0.1:4444", "localhost.", "LOCALHOST:80")
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>]+""")


def our_links(body):
    """The absolute URLs a response names on this machine's hosts (not the partners' sites,
    schema.org…)."""
    return [
        url
        for url in ABSOLUTE_URL.findall(body)
        if re.match(r"(?:https?:)?//(testserver|127\.0\.0\.1|localhost)", url, re.IGNORECASE)
    ]


def urls_that_print_links(seeded):
    event = CooperationEventPage.objects.live().first()
    timeline = page_url(event.get_parent().specific, "fr")
    return [
        "/fr/",
        "/en/masis/",
        timeline,
        page_url(event, "hy"),
        timeline + "feed/",
        timeline + "feed/atom/",
        timeline + "calendar/",
        "/sitemap.xml",
        "/robots.txt",
    ]


def test_a_foreign_host_never_changes_what_visitors_receive(client, seeded, own_redis):
    for url in urls_that_print_links(seeded):
        for host in HOSTILE_HOSTS:
            bump_version()  # as after a publication: the hostile request fills the cache
            hostile = client.get(url, HTTP_HOST=host)
            assert hostile.status_code == 200, (url, host)
            assert hostile["X-Page-Cache"] == "miss"
            visitor = client.get(url)
            assert visitor["X-Page-Cache"] == "hit", (url, host)
            body = visitor.content.decode().replace("\r\n ", "")  # iCalendar's folded lines
            assert "4444" not in body and "localhost" not in body.lower(), (url, host)
            links = our_links(body)
            assert links, url
            assert all(link.startswith(SITE_URL + "/") for link in links), (url, host, links)
        # What a visitor gets after the hostile requests is what they get on a fresh cache.
        bump_version()
        fresh = client.get(url)
        assert fresh["X-Page-Cache"] == "miss"
        assert fresh.content == visitor.content, url


def test_links_follow_site_url_not_the_request(client, seeded, settings):
    settings.SITE_URL = "https://jumelage-masis.example.org"
    settings.ALLOWED_HOSTS = ["testserver"]
    body = client.get("/fr/masis/").content.decode()
    assert '<link rel="canonical" href="https://jumelage-masis.example.org/fr/masis/">' in body
    assert 'hreflang="hy" href="https://jumelage-masis.example.org/hy/' in body
    assert "http://testserver" not in body
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://jumelage-masis.example.org/sitemap.xml" in robots
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>https://jumelage-masis.example.org/fr/</loc>" in sitemap
    assert "testserver" not in sitemap
    calendar = client.get(page_url(CooperationEventPage.objects.live().first().get_parent(), "fr")
                          + "calendar/").content.decode()  # fmt: skip
    assert "@jumelage-masis.example.org" in calendar and "testserver" not in calendar


def test_tracking_parameters_make_no_new_cache_entries(client, seeded, own_redis):
    timeline = page_url(CooperationEventPage.objects.live().first().get_parent(), "fr")
    assert client.get(timeline)["X-Page-Cache"] == "miss"
    entries = own_redis.dbsize()
    for number in range(200):
        response = client.get(f"{timeline}?utm_source=newsletter-{number}&fbclid={number}")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"
    assert own_redis.dbsize() == entries


def test_the_parameters_a_page_reads_make_its_key_in_any_order(client, seeded, own_redis):
    timeline = page_url(CooperationEventPage.objects.live().first().get_parent(), "fr")
    theme = Theme.objects.filter(events__live=True).first()
    year = CooperationEventPage.objects.live().with_theme(theme).first().start_date.year
    filtered = client.get(f"{timeline}?year={year}&theme={theme.slug}")
    assert filtered["X-Page-Cache"] == "miss"
    same = client.get(f"{timeline}?utm_medium=email&theme={theme.slug}&year={year}")
    assert same["X-Page-Cache"] == "hit"
    assert same.content == filtered.content
    # Another value of a parameter the page reads is another page.
    assert client.get(f"{timeline}?year={year}")["X-Page-Cache"] == "miss"
