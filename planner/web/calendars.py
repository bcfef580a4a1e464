"""Calendar files at the stable addresses: the whole meeting, a day, a session, and a participant's own feed.

Each answer carries an ETag and Last-Modified made from the meeting's feed state, read in the
same query that finds the meeting (or the registration), so a client asking again about an
unchanged agenda gets 304 after that one query; and a file is built once per state of its
meeting (each from the meeting's calendar, MeetingCalendar, written once per state), then served from the
feed cache until the next edit.
"""
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import astuple, dataclass, replace
from datetime import date

from flask import Blueprint, Response, abort, request, url_for
from flask_babel import gettext
from werkzeug.http import is_resource_modified

from planner.addresses import session_page_url
from planner.cache import event_texts, meeting_calendars
from planner.domain.calendars import (
    FORMAT_VERSION, Attachment, CalendarEntry, feed, join_link, published_event, zone_text,
)
from planner.domain.calendars.words import Words, words_in
from planner.domain.documents import Reader
from planner.domain.timezones import local_day
from planner.domain.vocabulary import DayMode
from planner.models import Meeting
from planner.queries.calendars import (
    FeedState, calendar_entry, calendar_sessions, meeting_with_feed_state, registration_with_feed_state, role_holders,
)
from planner.queries.documents import readable_documents
from planner.queries.listing import ListedSession
from planner.web.access import TRASHED, UNKNOWN_ADDRESS, meeting_day_or_404, readable_feed_or_abort
from planner.web.kept import kept
from planner.web.language import reader_language
from planner.web.presenters import long_date

calendars = Blueprint("calendars", __name__)


@calendars.get("/events/<slug>/calendar.ics")
def meeting_feed(slug: str):
    meeting, state = readable_feed_or_abort(meeting_with_feed_state(slug), slug)
    words = _reader_words()
    return _calendar_file(meeting, state, f"{slug}.ics", lambda: meeting_calendar(meeting, state).file(
        name=_meeting_name(meeting), description=meeting.title, words=words), words=words)


@calendars.get("/events/<slug>/days/<isodate:day>.ics")
def day_file(slug: str, day: date):
    meeting, state = readable_feed_or_abort(meeting_with_feed_state(slug), slug)
    meeting_day_or_404(meeting, day)
    words = _reader_words()
    return _calendar_file(meeting, state, f"{slug}-{day.isoformat()}.ics", lambda: meeting_calendar(
        meeting, state).file(lambda item: item.day == day, name=f"{_meeting_name(meeting)}, {long_date(day)}",
                             words=words), words=words)


@calendars.get("/events/<slug>/sessions/<int:session_id>.ics")
def session_file(slug: str, session_id: int):
    meeting, state = readable_feed_or_abort(meeting_with_feed_state(slug), slug)
    words = _reader_words()

    # Looked up only when the file is built: whether the session is shown changes the meeting's state.
    def build() -> bytes:
        calendar = meeting_calendar(meeting, state, unless_kept=session_id)
        if not calendar.holds(session_id):
            abort(404, description=gettext("This meeting has no such session."))
        return calendar.file(lambda item: item.session.id == session_id, name=_meeting_name(meeting), words=words)

    return _calendar_file(meeting, state, f"{slug}-session-{session_id}.ics", build, words=words)


@calendars.get("/my/<token>/calendar.ics")
def personal_feed(token: str):
    found = registration_with_feed_state(token)
    if found is not None and found[0].meeting.deleted_at is not None and found[0].meeting.published:
        abort(410, description=TRASHED)
    if found is None or not found[0].meeting.published:
        abort(404, description=UNKNOWN_ADDRESS)
    registration, state = found
    meeting = registration.meeting
    modes = {attendance.day: attendance.mode for attendance in registration.days}
    attended = {day for day, mode in modes.items() if mode in (DayMode.IN_ROOM, DayMode.ONLINE)}
    person_id = registration.person_id
    name = f"{_meeting_name(meeting)} — {registration.person.name}"
    # In the participant's own language when their registration names one; else as any reader's.
    words = words_in(registration.language) if registration.language else _reader_words()
    return _calendar_file(
        meeting, state, f"{meeting.slug}-personal.ics",
        lambda: meeting_calendar(meeting, state).file(
            lambda item: item.day in attended or person_id in item.holders, name=name,
            day_mode=lambda day: modes.get(day, DayMode.ABSENT), words=words),
        words=words,
        validators=(registration.id, registration.version, tuple(sorted((d, m.value) for d, m in modes.items()))),
        reader=f"registration-{registration.id}",
    )


@calendars.app_template_global()
def webcal_url(endpoint: str, **values) -> str:
    """The address calendar apps open to subscribe (webcal://), for a feed at ``endpoint``."""
    return "webcal://" + url_for(endpoint, _external=True, **values).split("://", 1)[1]


def _reader_words() -> Words:
    """Planner's words in the language web.language chooses (address, cookie, browser, the meeting's)."""
    return words_in(reader_language().tag)


def _meeting_name(meeting: Meeting) -> str:
    return meeting.short_name or meeting.title


@dataclass(frozen=True)
class CalendarItem:
    session: ListedSession
    day: date  # the meeting's day it starts on
    holders: frozenset[int]  # the people holding a role in it
    entry: CalendarEntry  # as the public reads it, without a join link
    first_day: date
    last_day: date


class MeetingCalendar:
    """Every event a meeting's calendar files can hold, for one state of the meeting.

    After an edit, the first file asked for builds it (one pass over the sessions, reusing the texts of the
    events that did not change); every other file, each participant's feed among them, is then put together
    from its texts without a query: a few per-participant choices (which sessions, which join links) and a join.
    It serves every language: each event's text is kept under the language of Planner's words in it.
    """

    def __init__(self, meeting: Meeting, sessions: Sequence[ListedSession], holders: dict[int, frozenset[int]],
                 attachments: dict[int, tuple[Attachment, ...]]):
        zone = self.zone_name = meeting.timezone
        self.meeting_link = meeting.online_link
        self.items = [
            CalendarItem(session, local_day(session.starts_at, zone), holders.get(session.id, frozenset()),
                         calendar_entry(session, meeting, url=session_page_url(meeting, session), join_link="",
                                        attachments=attachments.get(session.id, ())),
                         local_day(session.starts_at, zone), local_day(session.ends_at or session.starts_at, zone))
            for session in sessions
        ]
        self._ids = {item.session.id for item in self.items}
        self._texts: dict[tuple[int, str, str], str] = {}
        self._zones: dict[tuple[date, date], str] = {}

    def holds(self, session_id: int) -> bool:
        return session_id in self._ids

    def file(self, chosen: Callable[[CalendarItem], bool] = lambda item: True, *, name: str, description: str = "",
             day_mode: Callable[[date], DayMode | None] = lambda day: None, words: Words) -> bytes:
        items = [item for item in self.items if chosen(item)]
        events = [self._text(item, day_mode(item.day), words) for item in items]
        zone = self._zone(min(item.first_day for item in items), max(item.last_day for item in items)) if items else ""
        return feed(events, zone=zone, zone_name=self.zone_name, name=name, description=description)

    def _text(self, item: CalendarItem, day_mode: DayMode | None, words: Words) -> str:
        session = item.session
        link = join_link(session.online_link, attendance_mode=session.attendance_mode,
                         link_public=session.online_link_public, day_mode=day_mode, meeting_link=self.meeting_link)
        text = self._texts.get((session.id, link, words.language))
        if text is None:
            entry = replace(item.entry, join_link=link) if link else item.entry
            text = self._texts[session.id, link, words.language] = published_event(entry, self.zone_name,
                                                                                   event_texts(), words)
        return text

    def _zone(self, first: date, last: date) -> str:
        if (first, last) not in self._zones:
            self._zones[first, last] = zone_text(self.zone_name, first, last)
        return self._zones[first, last]


def meeting_calendar(meeting: Meeting, state: FeedState, *, unless_kept: int | None = None) -> MeetingCalendar:
    """The meeting's calendar in ``state``, kept in this process (it is a few hundred kilobytes of texts). A file
    of one session (``unless_kept``) uses it when it is kept, and otherwise reads that session alone."""
    # Its events link to the pages, so the address they were asked at is part of the key.
    key = (request.host_url, meeting.id, meeting.version, astuple(state))
    calendar = meeting_calendars().get(key)
    if calendar is None and unless_kept is not None:
        return MeetingCalendar(meeting, calendar_sessions(meeting, session_id=unless_kept), role_holders(meeting),
                               _attachments(meeting))
    if calendar is None:
        calendar = MeetingCalendar(meeting, calendar_sessions(meeting), role_holders(meeting), _attachments(meeting))
        meeting_calendars().set(key, calendar)
    return calendar


def _attachments(meeting: Meeting) -> dict[int, tuple[Attachment, ...]]:
    """Each session's public files, by their stable addresses (calendar files may travel anywhere)."""
    found: dict[int, list[Attachment]] = {}
    for document in readable_documents(meeting, Reader.PUBLIC):
        if document.session_id is None:
            continue
        for version in document.languages:
            stored = version.current.stored_file
            if stored is not None:
                found.setdefault(document.session_id, []).append(Attachment(url_for(
                    "documents.download", slug=meeting.slug, document_id=document.id, language=version.language,
                    _external=True), stored.content_type))
    return {session_id: tuple(each) for session_id, each in found.items()}


def _calendar_file(meeting: Meeting, state: FeedState, filename: str, build: Callable[[], bytes], *, words: Words,
                   validators: tuple = (), reader: str | None = None) -> Response:
    """The file, or 304; ``reader`` names whose private feed it is (none for a public one, or a draft's preview)."""
    # The file's name is in it, so that only a client that was sent this very file is answered 304; its language
    # too, so that a file kept in one language (under this ETag) is never served in another.
    etag = hashlib.sha256(repr((FORMAT_VERSION, filename, meeting.id, meeting.version, astuple(state), validators,
                                words.language)).encode()).hexdigest()[:32]
    last_modified = max(filter(None, (state.last_modified, meeting.updated_at)))
    if is_resource_modified(request.environ, etag=etag, last_modified=last_modified):
        if reader is not None:
            # Put together from the meeting's calendar in a few milliseconds: keeping each participant's file
            # for each state of the meeting would cost more memory (in Redis, hundreds of kilobytes a reader
            # after every edit) than it saves.
            body = build()
        else:
            # The file holds absolute links to the pages, so the address it was asked at is part of the key.
            body = kept(f"planner:feed:{request.host_url}:{filename}:{etag}", build)
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
