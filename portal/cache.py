"""The cache backend used with Redis (settings CACHES when REDIS_URL is set): Django's RedisCache,
except that a Redis that cannot be reached is a cache that keeps nothing, as Django's DummyCache:
``get`` answers the default, ``add`` answers True, ``set``/``delete``/``touch`` do nothing, ``incr``
and ``decr`` raise ValueError (the key "does not exist"). Pages, logins (throttle counters of
django-ratelimit, which then fail open) and registrations keep working through an outage.

After a failure the backend leaves Redis alone for ``retry_after`` seconds, so a Redis that hangs
costs one timeout, not one per cache call; the outage is logged as a warning at most once a minute.
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: Errors that mean "Redis is not there" (redis-py wraps socket errors in its own ConnectionError).
UNAVAILABLE = (RedisError, OSError)


class _Outage:
    """Per process: until when Redis is skipped, and when the outage was last logged."""

    retry_after = 5.0
    warn_every = 60.0

    def __init__(self):
        self.until = 0.0
        self.warned_at = None

    def active(self):
        return time.monotonic() < self.until

    def start(self, error):
        now = time.monotonic()
        self.until = now + self.retry_after
        if self.warned_at is None or now - self.warned_at >= self.warn_every:
            self.warned_at = now
            logger.warning("Redis cache unavailable (%s); serving pages without the cache", error)


outage = _Outage()


def _degrading(fallback):
    """Guard a cache method: while Redis is unavailable, answer ``fallback(*args, **kwargs)``."""

    def decorator(method):
        @wraps(method)
        def guarded(self, *args, **kwargs):
            if not outage.active():
                try:
                    return method(self, *args, **kwargs)
                except UNAVAILABLE as error:
                    outage.start(error)
            return fallback(*args, **kwargs)

        return guarded

    return decorator


def _answer(value):
    return lambda *args, **kwargs: value


def _default(key, default=None, version=None):
    return default


def _no_such_key(*args, **kwargs):
    raise ValueError("Key not found (the cache is unavailable).")


class DegradingRedisCache(RedisCache):
    """RedisCache that degrades to a no-op cache while Redis cannot be reached (see module docstring).
    ``get_or_set`` and ``decr`` go through the guarded ``get``/``add``/``incr``; the async methods
    through the sync ones."""

    get = _degrading(_default)(RedisCache.get)
    add = _degrading(_answer(True))(RedisCache.add)
    set = _degrading(_answer(None))(RedisCache.set)
    touch = _degrading(_answer(False))(RedisCache.touch)
    delete = _degrading(_answer(False))(RedisCache.delete)
    has_key = _degrading(_answer(False))(RedisCache.has_key)
    incr = _degrading(_no_such_key)(RedisCache.incr)
    get_many = _degrading(lambda *args, **kwargs: {})(RedisCache.get_many)
    set_many = _degrading(lambda *args, **kwargs: [])(RedisCache.set_many)
    delete_many = _degrading(_answer(None))(RedisCache.delete_many)
    clear = _degrading(_answer(False))(RedisCache.clear)
