"""django-redis's cache with a circuit breaker: a Redis that is down or hung costs a process one
timeout per interval, not one per cache call.

After a connection error or a timeout, the process stops calling Redis for
``CACHE_CIRCUIT_BREAKER_SECONDS``: every cache call answers at once as a miss (``get`` gives its
default, ``set`` and ``add`` store nothing, ``incr`` gives None). Then one call is let through; if
it succeeds, Redis is used again. The log gets one warning when the breaker opens and one when it
closes, never a traceback per call.

The breaker is shared by every cache object of the process that uses the same Redis location
(Django makes one per thread).
"""

import logging
import threading
import time

from django.conf import settings
from django.dispatch import Signal
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted, OSError)
DEFAULT_OPEN_SECONDS = 5

# Sent once Redis answers again after the breaker was open: cache writes were lost meanwhile
# (caching.invalidation then forgets every cached page, which may predate a change).
cache_recovered = Signal()


class CircuitBreaker:
    """Closed (calls go through), open (calls are skipped until ``retry_at``), or trying (one
    call is testing whether the service is back; the others are still skipped)."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.is_open = False
        self.trying = False
        self.retry_at = 0.0

    def allows_call(self):
        if not self.is_open:
            return True
        with self.lock:
            if self.trying or time.monotonic() < self.retry_at:
                return False
            self.trying = True
            return True

    def record_failure(self, error):
        open_seconds = getattr(settings, "CACHE_CIRCUIT_BREAKER_SECONDS", DEFAULT_OPEN_SECONDS)
        with self.lock:
            was_open = self.is_open
            self.is_open, self.trying = True, False
            self.retry_at = time.monotonic() + open_seconds
        if not was_open:
            logger.warning(
                "Cache %s unavailable (%s: %s): not used for %s s at a time until it answers.",
                self.name,
                type(error).__name__,
                error,
                open_seconds,
            )

    def record_success(self):
        if not self.is_open:
            return
        with self.lock:
            was_open = self.is_open
            self.is_open = self.trying = False
        if was_open:
            logger.warning("Cache %s answers again: in use.", self.name)
            cache_recovered.send(sender=CircuitBreaker, name=self.name)


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(location):
    with _breakers_lock:
        return _breakers.setdefault(location, CircuitBreaker(location))


class CircuitBreakerRedisCache(RedisCache):
    def __init__(self, server, params):
        options = {**params.get("OPTIONS", {}), "IGNORE_EXCEPTIONS": False}
        super().__init__(server, {**params, "OPTIONS": options})
        self.breaker = breaker_for(server if isinstance(server, str) else ",".join(server))

    def guarded(self, unavailable_result, method, *args, **kwargs):
        if not self.breaker.allows_call():
            return unavailable_result
        answered = True
        try:
            return method(*args, **kwargs)
        except UNAVAILABLE as error:
            answered = False
            self.breaker.record_failure(error)
            return unavailable_result
        finally:
            if answered:  # a result, or an error Redis answered with (incr of a missing key)
                self.breaker.record_success()

    # Django's cache API, each call guarded, with what a miss or a failed write returns.

    def get(self, key, default=None, version=None, client=None):
        return self.guarded(default, super().get, key, default, version, client)

    def get_many(self, *args, **kwargs):
        return self.guarded({}, super().get_many, *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self.guarded(False, super().has_key, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self.guarded(False, super().set, *args, **kwargs)

    def add(self, *args, **kwargs):
        return self.guarded(False, super().add, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self.guarded(list(data), super().set_many, data, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self.guarded(False, super().touch, *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self.guarded(None, super().incr, *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self.guarded(None, super().decr, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self.guarded(False, super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self.guarded(None, super().delete_many, *args, **kwargs)

    def clear(self):
        return self.guarded(None, super().clear)
