"""A cache of built calendar files, in this process or, with ``PLANNER_REDIS_URL``, in Redis shared by workers.

Keys name what a file was built from (the meeting's feed state among it), so an entry is never
stale: an edit makes new keys, and old entries are only waste, which the size bound (in process)
or the expiry (in Redis) reclaims.
"""
import logging
import threading
from collections import OrderedDict
from typing import Hashable, Protocol

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


class InProcess:
    """The least recently used of ``max_entries`` values kept in this process, where they are faster to look up
    than to fetch or cannot travel (objects); ``max_entries`` 0 keeps nothing. For values whose keys name all
    they are made from, so they are never stale:

    - each calendar event's text, keyed by its CalendarEntry, zone and language: after an edit only the changed
      events are written again;
    - each meeting's calendar (web/calendars.py's MeetingCalendar), keyed by the meeting's state: after an edit
      it is made once, and every feed of the meeting is put together from it.
    """

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable):
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def set(self, key: Hashable, value) -> None:
        if not self.max_entries:
            return
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)


def init_cache(app: Flask) -> None:
    if url := app.config.get("REDIS_URL"):
        cache: Cache = RedisCache(url, expire_seconds=app.config["FEED_CACHE_EXPIRE_SECONDS"])
    else:
        cache = MemoryCache(max_bytes=app.config["FEED_CACHE_MAX_BYTES"])
    app.extensions["planner_cache"] = cache
    app.extensions["planner_local_cache"] = MemoryCache(max_bytes=app.config["FEED_CACHE_MAX_BYTES"])
    app.extensions["planner_event_texts"] = InProcess(max_entries=app.config["EVENT_TEXT_CACHE_ENTRIES"])
    app.extensions["planner_meeting_calendars"] = InProcess(max_entries=app.config["MEETING_CALENDAR_CACHE_ENTRIES"])


def feed_cache() -> Cache:
    return current_app.extensions["planner_cache"]


def local_cache() -> Cache:
    """Answers for one reader, kept in this process whether or not Redis is configured."""
    return current_app.extensions["planner_local_cache"]


def event_texts() -> InProcess:
    return current_app.extensions["planner_event_texts"]


def meeting_calendars() -> InProcess:
    return current_app.extensions["planner_meeting_calendars"]
