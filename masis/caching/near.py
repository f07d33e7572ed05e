"""A copy, in each app process, of the pages it served lately and of the values kept until the
next change (``invalidation.until_next_change``): a hit needs no Redis round trip.

The round trip to Redis is most of a cached page's cost (measured: ~100 µs of ~220 µs). The
shared version (``caching.invalidation``) still decides what is fresh: every change increments
it in Redis and announces it on a pub/sub channel. Each process subscribes once, and before
serving from its own copy it reads the announcements that have arrived, with a zero-timeout
poll of the subscription's socket (a system call, not a round trip); any announcement empties
the copy. Redis writes the announcement to every subscriber in the same pass as its answer to
the PUBLISH, which comes before the editor's request returns: the announcement is in every
subscriber's socket before a visitor can ask for the changed page.

When the subscription cannot be trusted (never made, lost, reconnected), the copy is emptied
and requests go to Redis as before. Entries also expire after ``PAGE_NEAR_CACHE_SECONDS``, which
bounds what a silent network cut between one process and Redis could leave stale.
"""

import logging
import os
import threading
import time
import weakref

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from redis.exceptions import RedisError

from .invalidation import page_cache

logger = logging.getLogger(__name__)

CHANNEL = "page-cache:changes"
# After a failed subscription, requests go to Redis for this long before the next attempt.
RETRY_SECONDS = 5


def _redis_client():
    """The Redis client behind the page cache (django-redis), or None for any other backend."""
    client = getattr(page_cache(), "client", None)
    get_client = getattr(client, "get_client", None)
    return get_client(write=True) if get_client else None


def channel_name():
    return page_cache().make_key(CHANNEL)


class NearPages:
    def __init__(self, client):
        self.client = client
        self.pid = os.getpid()
        self.store = LocMemCache(
            f"masis-near-pages-{self.pid}-{id(self)}",  # its own store, not a shared one
            {
                "TIMEOUT": getattr(settings, "PAGE_NEAR_CACHE_SECONDS", 5),
                "OPTIONS": {"MAX_ENTRIES": getattr(settings, "PAGE_NEAR_CACHE_ENTRIES", 500)},
            },
        )
        self.subscription = None
        self.retry_at = 0.0
        self.lock = threading.Lock()
        # Counts the times the copy was emptied. A value computed while a change may have been
        # announced is not kept (set(..., since=the generation read before computing it)).
        self.generation = 0

    def _empty(self):
        self.generation += 1
        self.store.clear()

    def _subscribe(self):
        if time.monotonic() < self.retry_at:
            return False
        try:
            subscription = self.client.pubsub()
            subscription.subscribe(channel_name())
            # Wait for Redis's confirmation: from then on no announcement can be missed.
            confirmation = subscription.get_message(timeout=1)
            if not confirmation or confirmation["type"] != "subscribe":
                raise RedisError(f"no subscription confirmation: {confirmation!r}")
            # redis-py reconnects and resubscribes by itself; announcements made meanwhile
            # are lost, so a reconnection empties the copy.
            subscription.connection.register_connect_callback(self._reconnected)
        except RedisError as error:
            logger.warning("Page cache: no subscription to changes (%s); using Redis", error)
            self.retry_at = time.monotonic() + RETRY_SECONDS
            return False
        self.subscription = subscription
        return True

    def _reconnected(self, connection):
        self._empty()

    def _drop_subscription(self):
        self._empty()
        subscription, self.subscription = self.subscription, None
        self.retry_at = time.monotonic() + RETRY_SECONDS
        try:
            subscription.close()
        except (RedisError, OSError):
            pass

    def is_current(self):
        """Read the announcements that have arrived; True when the copy can be trusted."""
        with self.lock:
            if self.subscription is None and not self._subscribe():
                return False
            try:
                while (message := self.subscription.get_message(timeout=0)) is not None:
                    if message["type"] == "message":
                        self._empty()
            except (RedisError, OSError) as error:
                logger.warning("Page cache: subscription to changes lost (%s)", error)
                self._drop_subscription()
                return False
            return True

    def get(self, key):
        """The copy's value, or None; after a miss, ``generation`` is what to give ``set``."""
        return self.store.get(key) if self.is_current() else None

    def set(self, key, entry, since):
        """Keep ``entry``, computed since the copy's generation was ``since``, unless the copy
        was emptied meanwhile: then a change may have come after the entry was read."""
        with self.lock:
            if self.subscription is not None and self.generation == since:
                self.store.set(key, entry)

    def forget(self):
        with self.lock:
            self._empty()


# The page cache backend (settings may swap it) -> this process's copy of its pages, or None.
_near = weakref.WeakKeyDictionary()


def near_pages():
    """This process's copy, or None when the page cache is not on Redis (or it is turned off)."""
    if not getattr(settings, "PAGE_NEAR_CACHE_ENABLED", True):
        return None
    cache = page_cache()
    near = _near.get(cache, False)
    if near is False or (near is not None and near.pid != os.getpid()):
        client = _redis_client()
        near = _near[cache] = NearPages(client) if client is not None else None
    return near


def forget_everything():
    """Empty this process's copies (tests, or after clearing the shared cache by hand)."""
    for near in list(_near.values()):
        if near is not None:
            near.forget()


def announce_change(version):
    """Tell every process that the shared version is now ``version`` (after it was bumped)."""
    forget_everything()  # this process knows already, whatever the pub/sub delivery order
    client = _redis_client()
    if client is None:
        return
    try:
        client.publish(channel_name(), str(version))
    except RedisError as error:
        logger.warning("Page cache: change not announced (%s)", error)
