"""A cache of built calendar files, in this process or, with ``PLANNER_REDIS_URL``, in Redis shared by workers.

Keys name what a file was built from (the meeting's feed state among it), so an entry is never
stale: an edit makes new keys, and old entries are only waste, which the size bound (in process)
or the expiry (in Redis) reclaims.
"""
import logging
import threading
from collections import OrderedDict
from typing import Protocol

from flask import Flask, current_app

log = logging.getLogger(__name__)


class Cache(Protocol):
    def get(self, key: str) -> bytes | None: ...

    def set(self, key: str, value: bytes) -> None: ...


class MemoryCache:
    """Least recently used entries go first once their bytes pass ``max_bytes``."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        # Gunicorn's threaded workers (and the development server) share one instance between threads.
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def set(self, key: str, value: bytes) -> None:
        if len(value) > self.max_bytes:
            return
        with self._lock:
            if (old := self._entries.pop(key, None)) is not None:
                self._size -= len(old)
            self._entries[key] = value
            self._size += len(value)
            while self._size > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._size -= len(evicted)


class RedisCache:
    """Entries shared by every worker; an unreachable Redis costs a rebuild, never an error page."""

    def __init__(self, url: str, *, expire_seconds: int):
        import redis  # only deployments that configure Redis need it loaded

        self._redis = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self._errors = redis.RedisError
        self.expire_seconds = expire_seconds

    def get(self, key: str) -> bytes | None:
        try:
            return self._redis.get(key)
        except self._errors as error:
            log.warning("Redis cache unavailable, building instead: %s", error)
            return None

    def set(self, key: str, value: bytes) -> None:
        try:
            self._redis.set(key, value, ex=self.expire_seconds)
        except self._errors as error:
            log.warning("Redis cache unavailable, not storing: %s", error)


def init_cache(app: Flask) -> None:
    if url := app.config.get("REDIS_URL"):
        cache: Cache = RedisCache(url, expire_seconds=app.config["FEED_CACHE_EXPIRE_SECONDS"])
    else:
        cache = MemoryCache(max_bytes=app.config["FEED_CACHE_MAX_BYTES"])
    app.extensions["planner_cache"] = cache


def feed_cache() -> Cache:
    return current_app.extensions["planner_cache"]
