"""The zone a reader sees times in, for pages and the API alike: ``?tz=`` > remembered cookie > meeting.

A valid ``?tz=`` is remembered in a cookie, so the no-JavaScript picker (a GET form) and
a link someone shares both carry over to the next page. static/zone-picker.js writes the
same cookie from the device's zone on a first visit.
"""
from flask import Flask, Response, g, request

from planner.domain.timezones import ReaderZone, choose_reader_zone
from planner.models import Meeting

COOKIE = "planner_tz"
REMEMBER_FOR = 365 * 24 * 60 * 60


def reader_zone(meeting: Meeting, *, remembered: bool = True) -> ReaderZone:
    """The reader's zone for ``meeting``; ``remembered=False`` ignores the cookie (the API answers the
    same to every client that sends the same address)."""
    choice = choose_reader_zone(
        meeting.timezone,
        requested=request.args.get("tz"),
        remembered=request.cookies.get(COOKIE) if remembered else None,
    )
    if remembered:
        g.reader_zone = choice
    return choice


def _remember(response: Response) -> Response:
    choice = g.pop("reader_zone", None)
    if choice is None:
        return response
    # The same address renders differently for readers with another cookie.
    response.vary.add("Cookie")
    if choice.source == "address":
        response.set_cookie(COOKIE, choice.name, max_age=REMEMBER_FOR, samesite="Lax", secure=request.is_secure)
    return response


def register(app: Flask) -> None:
    app.after_request(_remember)
