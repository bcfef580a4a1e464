"""Calendar files from plain values: feeds to subscribe to (PUBLISH) and invitations (REQUEST, CANCEL).

Every event keeps the session's UID for life and carries its SEQUENCE, so a client that
already holds it replaces it when a later copy arrives (RFC 5545, RFC 5546). Times are
written on the meeting's wall clock with its TZID, and the VTIMEZONE travels with them.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Protocol

from planner.domain.calendars.vtimezone import vtimezone
from planner.domain.calendars.words import ENGLISH, Words
from planner.domain.calendars.writer import duration, line, local, named, parameter, text, texts, utc
from planner.domain.timezones import local_day, to_local
from planner.domain.vocabulary import SessionStatus
from planner.domain.wording import _

PRODUCT_ID = "-//Planner//Planner meeting agendas//EN"
# Raise when the files change shape, so validators made from the data alone change too.
FORMAT_VERSION = 1
# How often subscribed clients should look again: changes on the day of a meeting matter.
REFRESH_INTERVAL = timedelta(hours=1)

PUBLISH, REQUEST, CANCEL = "PUBLISH", "REQUEST", "CANCEL"
END_CALENDAR = "END:VCALENDAR\r\n"


def _conference(words: Words) -> str:
    return named("CONFERENCE", {"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"], "LABEL": words.say(_("Join online"))})


@dataclass(frozen=True)
class RoleHolder:
    role: str  # as read in English, the vocabulary's label: "Chair", "Speaker"
    name: str  # with honorific: "Mr Chang Wook-jin"
    position: str = ""
    institution: str = ""
    on_behalf_of: str = ""

    def line(self, words: Words = ENGLISH) -> str:
        held = ", ".join(part for part in (self.name, self.position, self.institution) if part)
        if self.on_behalf_of:
            held = words.say(_("%(holder)s (on behalf of %(represented)s)", holder=held,
                               represented=self.on_behalf_of))
        return words.say(_("%(role)s: %(holder)s", role=words.label(self.role), holder=held))


@dataclass(frozen=True)
class Attachment:
    """A file the event links to (RFC 5545 ATTACH): its address and its media type."""

    url: str
    content_type: str


@dataclass(frozen=True)
class CalendarEntry:
    """One session as a calendar shows it, to one reader (``join_link`` is empty unless they may have it)."""

    uid: str
    sequence: int
    title: str
    starts_at: datetime  # aware instants
    ends_at: datetime | None  # none for an item without an end ("18:30 Reception")
    status: SessionStatus
    kind: str
    created: datetime
    last_modified: datetime
    thematic_area: str = ""
    location: str = ""
    description: str = ""
    people: tuple[RoleHolder, ...] = ()
    url: str = ""
    join_link: str = ""
    attachments: tuple[Attachment, ...] = ()

    @property
    def cancelled(self) -> bool:
        return self.status is SessionStatus.CANCELLED


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str
    role: str = "REQ-PARTICIPANT"  # RFC 5545 ROLE: CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT


@dataclass(frozen=True)
class Organizer:
    email: str
    name: str


class Written(Protocol):
    """Where events already written are kept, by what they were written from."""

    def get(self, key: Hashable) -> str | None: ...

    def set(self, key: Hashable, value: str) -> None: ...


def publish(entries: Sequence[CalendarEntry], *, zone_name: str, name: str, description: str = "",
            written: Written | None = None, words: Words = ENGLISH) -> bytes:
    """A feed or file to import or subscribe to.

    Each event's DTSTAMP is its last modification, not the time of the request, so an
    unchanged agenda gives the same bytes every time (and conditional requests work).
    """
    return feed([published_event(entry, zone_name, written, words) for entry in entries],
                zone="".join(_zone(entries, zone_name)), zone_name=zone_name, name=name, description=description)


def feed(events: Sequence[str], *, zone: str, zone_name: str, name: str, description: str = "") -> bytes:
    """A feed of events already written (``published_event``), with the VTIMEZONE they need (``zone_text``)."""
    lines = _calendar_head(PUBLISH)
    lines += [line("NAME", text(name)), line("X-WR-CALNAME", text(name))]
    if description:
        lines += [line("DESCRIPTION", text(description)), line("X-WR-CALDESC", text(description))]
    lines += [
        line("X-WR-TIMEZONE", text(zone_name)),
        line("REFRESH-INTERVAL", duration(REFRESH_INTERVAL), {"VALUE": "DURATION"}),
        line("X-PUBLISHED-TTL", duration(REFRESH_INTERVAL)),
        zone,
        *events,
        END_CALENDAR,
    ]
    return "".join(lines).encode()


def zone_text(zone_name: str, first_day: date, last_day: date) -> str:
    """The VTIMEZONE that events from ``first_day`` to ``last_day`` need."""
    return vtimezone(zone_name, first_day, last_day).to_ical().decode()


def invitation(entry: CalendarEntry, *, method: str, zone_name: str, organizer: Organizer, attendee: Attendee,
               stamp: datetime, words: Words = ENGLISH) -> bytes:
    """An iTIP message (RFC 5546) about one session for one attendee: REQUEST (new or updated) or CANCEL.

    ``stamp`` is when the message is sent; with SEQUENCE it tells clients which message is newest.
    """
    parameters = {"CN": attendee.name, "ROLE": attendee.role, "CUTYPE": "INDIVIDUAL"}
    if method == REQUEST:
        parameters |= {"PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"}
    people = [line("ORGANIZER", f"mailto:{organizer.email}", {"CN": organizer.name}),
              line("ATTENDEE", f"mailto:{attendee.email}", parameters)]
    lines = _calendar_head(method) + _zone([entry], zone_name) + _event(entry, zone_name, stamp=stamp, extra=people,
                                                                        words=words)
    lines.append(END_CALENDAR)
    return "".join(lines).encode()


def describe(entry: CalendarEntry, words: Words = ENGLISH) -> str:
    """The event's text: who chairs and speaks, what it is about, how to join, where to read more."""
    paragraphs = []
    if entry.cancelled:
        paragraphs.append(words.say(_("This session is cancelled.")))
    if entry.people:
        paragraphs.append("\n".join(holder.line(words) for holder in entry.people))
    if entry.description:
        paragraphs.append(entry.description)
    if entry.join_link:
        paragraphs.append(words.say(_("Join online: %(link)s", link=entry.join_link)))
    if entry.url:
        paragraphs.append(words.say(_("Agenda: %(link)s", link=entry.url)))
    return "\n\n".join(paragraphs)


def summary(entry: CalendarEntry, words: Words = ENGLISH) -> str:
    # Outlook and Apple Calendar keep showing a cancelled event of a subscribed feed; the title says why.
    return words.say(_("Cancelled: %(title)s", title=entry.title)) if entry.cancelled else entry.title


def _calendar_head(method: str) -> list[str]:
    return ["BEGIN:VCALENDAR\r\n", line("PRODID", text(PRODUCT_ID)), "VERSION:2.0\r\n", "CALSCALE:GREGORIAN\r\n",
            line("METHOD", method)]


def _zone(entries: Sequence[CalendarEntry], zone_name: str) -> list[str]:
    if not entries:
        return []
    days = [local_day(instant, zone_name) for entry in entries for instant in (entry.starts_at, entry.ends_at)
            if instant is not None]
    return [zone_text(zone_name, min(days), max(days))]


def published_event(entry: CalendarEntry, zone_name: str, written: Written | None, words: Words = ENGLISH) -> str:
    # The entry holds everything the event is written from (its stamp is its last modification) but the language
    # of Planner's own words in it: a French event must never be served to an English reader.
    key = (entry, zone_name, words.language)
    text = written.get(key) if written is not None else None
    if text is None:
        text = "".join(_event(entry, zone_name, stamp=entry.last_modified, words=words))
        if written is not None:
            written.set(key, text)
    return text


def _event(entry: CalendarEntry, zone_name: str, *, stamp: datetime, extra: Sequence[str] = (),
           words: Words = ENGLISH) -> list[str]:
    lines = [
        "BEGIN:VEVENT\r\n",
        line("UID", text(entry.uid)),
        line("DTSTAMP", utc(stamp)),
        line("SEQUENCE", str(entry.sequence)),
        _moment("DTSTART", entry.starts_at, zone_name),
    ]
    # Without an end the event is DTSTART alone: RFC 5545 (3.6.1) reads it as taking no time, where
    # any DTEND or DURATION would state an end nobody gave.
    if entry.ends_at is not None:
        lines.append(_moment("DTEND", entry.ends_at, zone_name))
    lines += [
        line("SUMMARY", text(summary(entry, words))),
    ]
    if entry.location:
        lines.append(line("LOCATION", text(entry.location)))
    lines.append(line("DESCRIPTION", text(describe(entry, words))))
    if entry.url:
        lines.append(line("URL", entry.url))
    lines += [line("ATTACH", attachment.url, {"FMTTYPE": attachment.content_type})
              for attachment in entry.attachments]
    if categories := [label for label in (words.label(entry.kind), entry.thematic_area) if label]:
        lines.append(line("CATEGORIES", texts(categories)))
    lines += [
        line("STATUS", entry.status.name),
        line("CREATED", utc(entry.created)),
        line("LAST-MODIFIED", utc(entry.last_modified)),
    ]
    if entry.join_link:
        lines.append(line(_conference(words), entry.join_link))
    lines += extra
    lines.append("END:VEVENT\r\n")
    return lines


def _moment(name: str, instant: datetime, zone_name: str) -> str:
    moment = wall_clock(instant, zone_name)
    if moment.tzinfo is timezone.utc:
        return line(name, utc(moment))
    return line(f"{name};TZID={parameter(zone_name)}", local(moment))


def wall_clock(instant: datetime, zone_name: str) -> datetime:
    """The instant on the meeting's clock, or in UTC when the clocks show that time twice (the night
    they go back). RFC 5545 reads a repeated time as its first occurrence, ical.js as its second:
    only UTC means the same to every client."""
    local = to_local(instant, zone_name)
    if local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset():
        return instant.astimezone(timezone.utc)
    return local
