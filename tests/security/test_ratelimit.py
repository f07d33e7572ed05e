"""masis.operations.ratelimit: a per-address limit on Django's cache, for the contact form."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from masis.operations.client_ip import client_ip
from masis.operations.ratelimit import RateLimit

factory = RequestFactory()


def request_from(address, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return factory.post("/fr/contact/", REMOTE_ADDR=address, **extra)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_flood_from_one_address_is_refused_after_the_limit():
    limit = RateLimit("contact-test", limit=3, period=3600)
    now = 1_800_000_000
    results = [limit.hit(request_from("203.0.113.7"), now=now + i) for i in range(5)]
    assert results == [True, True, True, False, False]


def test_other_visitors_are_not_affected():
    limit = RateLimit("contact-test", limit=2, period=3600)
    now = 1_800_000_000
    for _ in range(3):
        limit.hit(request_from("203.0.113.7"), now=now)
    assert limit.hit(request_from("198.51.100.20"), now=now)


def test_the_limit_resets_with_the_next_window():
    limit = RateLimit("contact-test", limit=1, period=600)
    start = 1_800_000_000 - 1_800_000_000 % 600
    assert limit.hit(request_from("203.0.113.7"), now=start)
    assert not limit.hit(request_from("203.0.113.7"), now=start + 599)
    assert limit.hit(request_from("203.0.113.7"), now=start + 600)
    assert limit.retry_after(now=start + 599) == 1


def test_scopes_are_counted_separately():
    contact = RateLimit("contact-test", limit=1, period=600)
    other = RateLimit("newsletter-test", limit=1, period=600)
    assert contact.hit(request_from("203.0.113.7"), now=0)
    assert other.hit(request_from("203.0.113.7"), now=0)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "10.0.0.1"),  # no proxy trusted: X-Forwarded-For is ignored
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # a forged left part is ignored
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (1, None, "10.0.0.1"),
    ],
)
def test_client_address_trusts_only_the_configured_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from("10.0.0.1", forwarded)) == expected


def test_public_forms_accept_only_posts_from_our_own_pages():
    from django.http import HttpResponse

    from masis.operations.csrf import same_origin_post

    view = same_origin_post(lambda request: HttpResponse("sent"))
    ours = {"HTTP_ORIGIN": "http://testserver"}
    assert view(factory.post("/fr/contact/", **ours)).status_code == 200
    referer = {"HTTP_REFERER": "http://testserver/fr/contact/"}
    assert view(factory.post("/fr/contact/", **referer)).status_code == 200
    for forged in (
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/fr/contact/"},
        {},
    ):
        assert view(factory.post("/fr/contact/", **forged)).status_code == 403, forged
    assert view(factory.get("/fr/contact/")).status_code == 200
