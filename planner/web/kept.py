"""Answers kept under their meeting's state, as the calendar files are: built once per state of the meeting (and of
whatever else the answer is made from), then served from the answer cache (planner/cache.py: in this process, or
Redis for every worker) until the next edit.

A key holds everything an answer is made from: the code that writes it, the address it was asked at, the meeting's
version and feed state (every change through the operations moves it; see FeedState), the reader's language
(web.language; kept_page adds it, so no view can leave it out), and what the view names besides (the reader's zone,
a registration's version). So an entry is never stale: an edit makes new keys. What differs from reader to reader
inside a page (the account menu, flashed messages, a form with its CSRF token) is not kept: the kept page holds a
marker where it goes, and it is rendered afresh into each answer. Templates write the marker with
``per_reader_marker``, when ``g.keeping`` says the page is being kept.
"""
import functools
import hashlib
import re
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path

from flask import Flask, Response, current_app, g, render_template, request
from flask_login import current_user
from markupsafe import Markup
from werkzeug.http import is_resource_modified

from planner.cache import feed_cache, local_cache
from planner.models import Meeting
from planner.queries.calendars import FeedState
from planner.web.language import answer_of, reader_language

_MARKER = re.compile(r"<!--per-reader:([\w/.-]+)-->")


@functools.lru_cache(maxsize=4)
def code_generation(root: str) -> str:
    """What the code that writes answers looks like: a new release (or a changed template) makes new keys, so a
    shared Redis cache never serves a page written by the code before."""
    digest = hashlib.sha256()
    for folder in ("planner", "templates", "static"):
        for path in sorted((Path(root) / folder).rglob("*")):
            if path.is_file() and path.suffix != ".pyc":
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def state_tag(meeting: Meeting, state: FeedState, *varies) -> str:
    """The validator of an answer at this address made from ``meeting`` in ``state`` and ``varies``."""
    parts = (code_generation(str(Path(current_app.root_path).parent)), request.host_url, request.path, meeting.id,
             meeting.version, astuple(state), varies)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def kept(key: str, build: Callable[[], bytes], *, shared: bool = True) -> bytes:
    """The answer kept under ``key``, built first if need be. One reader's own (``shared=False``) is kept in this
    process only: in Redis, a copy a reader after each edit would take more memory than the work it saves."""
    cache = feed_cache() if shared else local_cache()
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body)
    return body


def per_reader_marker(template_name: str) -> Markup:
    return Markup(f"<!--per-reader:{template_name}-->")


def kept_page(meeting: Meeting, state: FeedState, template_name: str, *, varies: tuple,
              context: Callable[[], dict], fresh: dict | None = None, status: int = 200,
              shared: bool = True) -> Response:
    """The page ``template_name`` renders from ``context()`` (called only to build it), with the parts each
    reader gets afresh rendered from ``fresh``.

    A reader who is not signed in, on a page without a form of its own (``fresh`` is None), gets an ETag
    and 304 when nothing changed; a signed-in reader's page holds their name and a CSRF token, so it is
    always sent whole (the kept part saving the work), never revalidated. A page of one reader's own is not
    ``shared`` (see ``kept``).
    """
    answer_of(meeting)
    # Named here, not by each view: every kept page is written in its reader's language.
    tag = state_tag(meeting, state, reader_language().tag, *varies)
    revalidated = fresh is None and not current_user.is_authenticated and status == 200
    if revalidated and not is_resource_modified(request.environ, etag=tag):
        response = Response(status=304)
    else:
        page = kept(f"planner:page:{tag}", lambda: _render_kept(template_name, context()), shared=shared).decode()
        values = fresh or {}
        html = _MARKER.sub(lambda found: render_template(found.group(1), **values), page)
        response = Response(html, status=status, content_type="text/html; charset=utf-8")
    if revalidated:
        response.set_etag(tag)
    response.cache_control.no_cache = True
    if revalidated and meeting.published:
        response.cache_control.public = True
    else:
        response.cache_control.private = True
    return response


def kept_json(meeting: Meeting, state: FeedState, build: Callable[[], dict], *, varies: tuple,
              version: int | None = None) -> Response:
    """The JSON answer ``build()`` makes, kept under the meeting's state, with an ETag and 304 for every caller
    (an API answer holds nothing of its caller's beyond what ``varies`` names: the organiser's view, the zone).

    A record's answer (``version``) has the ETag ``"version.state"``: its version, which If-Match compares
    to refuse a lost update (api/responses.py), and the state of all the answer shows."""
    tag = state_tag(meeting, state, "json", *varies)
    etag = tag if version is None else f"{version}.{tag}"
    if not is_resource_modified(request.environ, etag=etag):
        response = Response(status=304)
    else:
        response = Response(kept(f"planner:json:{tag}", lambda: current_app.json.dumps(build()).encode()),
                            content_type="application/json")
    response.set_etag(etag)
    response.cache_control.no_cache = True
    return response


def _render_kept(template_name: str, context: dict) -> bytes:
    g.keeping = True
    try:
        return render_template(template_name, **context).encode()
    finally:
        g.keeping = False


def register(app: Flask) -> None:
    app.add_template_global(per_reader_marker)
