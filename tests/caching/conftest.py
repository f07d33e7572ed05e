import pytest
import redis
from django.core.cache import caches

from ..servers import redis_server


@pytest.fixture
def own_redis(settings):
    """The real page cache on a redis-server of the test's own, whose keys and commands it can
    count."""
    with redis_server() as url:
        settings.CACHES = {
            **settings.CACHES,
            "default": {
                "BACKEND": "masis.caching.backends.CircuitBreakerRedisCache",
                "LOCATION": url,
                "OPTIONS": settings.REDIS_CACHE_OPTIONS,
            },
        }
        settings.PAGE_CACHE_ENABLED = True
        settings.ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
        yield redis.Redis.from_url(url)
        caches["default"].close()
