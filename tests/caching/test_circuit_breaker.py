"""masis.caching.backends: a Redis that is hung or refuses connections costs a process one short
timeout per interval, not one per cache call; one warning when the breaker opens, one when it
closes; what counts in the cache (the rate limit) lets visitors through meanwhile."""

import logging
import time

from django.core.cache import caches
from django.test import RequestFactory

from masis.caching.backends import CircuitBreakerRedisCache
from masis.caching.invalidation import VERSION_KEY
from masis.operations.ratelimit import RateLimit

from ..servers import SilentListener, closed_port, redis_server

TIMEOUTS = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}


def cache_at(url):
    return CircuitBreakerRedisCache(url, {"OPTIONS": TIMEOUTS})


def every_kind_of_call(cache):
    """What the site asks of its cache, with what each gives while Redis is out of reach."""
    return [
        cache.get("page", "default") == "default",
        cache.get_many(["version", "page"]) == {},
        cache.set("page", "content", 60) is False,
        cache.add("counter", 0, 60) is False,
        cache.incr("counter") is None,
        cache.delete("page") is False,
        cache.has_key("page") is False,
    ]


def warnings_of(caplog):
    return [r for r in caplog.records if r.name == "masis.caching.backends"]


def test_a_hung_redis_is_called_once_per_interval(settings, caplog):
    settings.CACHE_CIRCUIT_BREAKER_SECONDS = 60
    with SilentListener() as redis_that_never_answers:
        cache = cache_at(f"redis://127.0.0.1:{redis_that_never_answers.port}/0")
        started = time.monotonic()
        for _ in range(50):
            assert all(every_kind_of_call(cache))
        assert time.monotonic() - started < 2  # one 0.25 s timeout, not 350 of them
        assert redis_that_never_answers.connections == 1
    (record,) = warnings_of(caplog)
    assert record.levelno == logging.WARNING and record.exc_info is None
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_a_refused_redis_costs_no_traceback_per_call(settings, caplog):
    settings.CACHE_CIRCUIT_BREAKER_SECONDS = 60
    cache = cache_at(f"redis://127.0.0.1:{closed_port()}/0")
    for _ in range(50):
        assert all(every_kind_of_call(cache))
    assert len(warnings_of(caplog)) == 1
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


def test_once_redis_answers_again_it_is_used_and_cached_pages_are_forgotten(settings, caplog):
    settings.CACHE_CIRCUIT_BREAKER_SECONDS = 0.3
    port = closed_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "masis.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": url,
            "OPTIONS": TIMEOUTS,
        },
    }
    cache = caches["default"]
    assert cache.get("page") is None  # down: the breaker opens
    with redis_server(port):
        cache.get_many([])  # warms nothing: Redis is not called while the breaker is open
        assert cache.set("page", "content", 60) is False
        time.sleep(0.4)
        cache.set(VERSION_KEY, 7, None)  # the first call through: it answers
        assert cache.get("page") is None
        # A change made while Redis was out of reach could not be recorded: the pages it
        # kept from before are forgotten (the content version moved on).
        assert cache.get(VERSION_KEY) == 8
        assert cache.set("page", "content", 60) is True and cache.get("page") == "content"
        cache.close()
    messages = [r.getMessage() for r in warnings_of(caplog)]
    assert len(messages) == 2, messages
    assert "unavailable" in messages[0] and "answers again" in messages[1]


def test_the_rate_limit_lets_visitors_through_when_the_cache_cannot_count(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "masis.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": TIMEOUTS,
        },
    }
    limit = RateLimit("contact-test", limit=1, period=3600)
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    assert all(limit.hit(request) for _ in range(5))
