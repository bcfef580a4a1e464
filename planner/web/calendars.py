"""Calendar files at the stable addresses: the whole meeting, a day, a session, and a participant's own feed.

Each answer carries an ETag and Last-Modified made from the meeting's feed state, read in the
same query that finds the meeting (or the registration), so a client asking again about an
unchanged agenda gets 304 after that one query; and a file is built once per state of its
meeting, then served from the feed cache until the next edit.
"""
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import astuple
from datetime import date

from flask import Blueprint, Response, abort, request, url_for
from werkzeug.http import is_resource_modified

from planner.addresses import session_page_url
from planner.cache import event_texts, feed_cache
from planner.domain.calendars import FORMAT_VERSION, join_link, publish
from planner.domain.timezones import local_day
from planner.domain.vocabulary import DayMode
from planner.models import Meeting, Registration, Session
from planner.queries.calendars import (
    FeedState, calendar_entry, calendar_session, calendar_sessions, personal_sessions,
    meeting_with_feed_state, registration_with_feed_state,
)
from planner.web.access import TRASHED, readable_feed_or_abort
from planner.web.presenters import long_date

calendars = Blueprint("calendars", __name__)


@calendars.get("/events/<slug>/calendar.ics")
def meeting_feed(slug: str):
    meeting, state = readable_feed_or_abort(meeting_with_feed_state(slug), slug)
    return _calendar_file(meeting, state, f"{slug}.ics", lambda: _publish(
        meeting, calendar_sessions(meeting), name=_meeting_name(meeting), description=meeting.title))


@calendars.get("/events/<slug>/days/<isodate:day>.ics")
def day_file(slug: str, day: date):
    meeting, state = readable_feed_or_abort(meeting_with_feed_state(slug), slug)
    if day not in meeting.days:
        abort(404, description=f"{day:%d %B %Y} is not a day of this meeting.")
    return _calendar_file(meeting, state, f"{slug}-{day.isoformat()}.ics", lambda: _publish(
        meeting, calendar_sessions(meeting, day=day), name=f"{_meeting_name(meeting)}, {long_date(day)}"))


@calendars.get("/events/<slug>/sessions/<int:session_id>.ics")
def session_file(slug: str, session_id: int):
    meeting, state = readable_feed_or_abort(meeting_with_feed_state(slug), slug)

    # Looked up only when the file is built: whether the session is shown changes the meeting's state.
    def build() -> bytes:
        session = calendar_session(meeting, session_id)
        if session is None:
            abort(404, description="This meeting has no such session.")
        return _publish(meeting, [session], name=_meeting_name(meeting))

    return _calendar_file(meeting, state, f"{slug}-session-{session_id}.ics", build)


@calendars.get("/my/<token>/calendar.ics")
def personal_feed(token: str):
    found = registration_with_feed_state(token)
    if found is not None and found[0].meeting.deleted_at is not None and found[0].meeting.published:
        abort(410, description=TRASHED)
    if found is None or not found[0].meeting.published:
        abort(404, description="This personal address is not valid, or no longer: ask the organisers for a new one.")
    registration, state = found
    meeting = registration.meeting
    days = tuple((attendance.day, attendance.mode.value) for attendance in registration.days)
    name = f"{_meeting_name(meeting)} — {registration.person.name}"
    return _calendar_file(
        meeting, state, f"{meeting.slug}-personal.ics",
        lambda: _publish(meeting, personal_sessions(registration), name=name, day_mode=_day_modes(registration)),
        validators=(registration.id, registration.version, days), reader=f"registration-{registration.id}",
    )


@calendars.app_template_global()
def webcal_url(endpoint: str, **values) -> str:
    """The address calendar apps open to subscribe (webcal://), for a feed at ``endpoint``."""
    return "webcal://" + url_for(endpoint, _external=True, **values).split("://", 1)[1]


def _meeting_name(meeting: Meeting) -> str:
    return meeting.short_name or meeting.title


def _day_modes(registration: Registration) -> Callable[[Session], DayMode]:
    meeting = registration.meeting
    return lambda session: registration.mode_on(local_day(session.starts_at, meeting.timezone))


def _publish(meeting: Meeting, sessions: Sequence[Session], *, name: str, description: str = "",
             day_mode: Callable[[Session], DayMode | None] = lambda session: None) -> bytes:
    entries = [
        calendar_entry(session, meeting, url=session_page_url(meeting, session), join_link=join_link(
            session.online_link, attendance_mode=session.attendance_mode, link_public=session.online_link_public,
            day_mode=day_mode(session), meeting_link=meeting.online_link))
        for session in sessions
    ]
    return publish(entries, zone_name=meeting.timezone, name=name, description=description, written=event_texts())


def _calendar_file(meeting: Meeting, state: FeedState, filename: str, build: Callable[[], bytes], *,
                   validators: tuple = (), reader: str | None = None) -> Response:
    """The file, or 304; ``reader`` names whose private feed it is (none for a public one, or a draft's preview)."""
    # The file's name is in it, so that only a client that was sent this very file is answered 304.
    etag = hashlib.sha256(repr((FORMAT_VERSION, filename, meeting.id, meeting.version, astuple(state), validators))
                          .encode()).hexdigest()[:32]
    last_modified = max(filter(None, (state.last_modified, meeting.updated_at)))
    if is_resource_modified(request.environ, etag=etag, last_modified=last_modified):
        # The file holds absolute links to the pages, so the address it was asked at is part of the key.
        key = f"planner:feed:{request.host_url}:{filename}:{reader or 'public'}:{etag}"
        body = feed_cache().get(key)
        if body is None:
            body = build()
            feed_cache().set(key, body)
        response = Response(body, content_type="text/calendar; charset=utf-8")
    else:
        response = Response(status=304)
    response.set_etag(etag)
    response.last_modified = last_modified
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Clients ask again each time (cheaply, with the ETag); a personal feed stays out of shared caches.
    response.cache_control.no_cache = True
    if reader is not None or not meeting.published:  # a draft's file is for its organisers' eyes only
        response.cache_control.private = True
    else:
        response.cache_control.public = True
    return response
