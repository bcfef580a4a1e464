"""Warnings an organiser should see before a mistake reaches participants.

Plain values in, a list of conflicts out: the editor, the conflicts page and the API
all ask here. Only impossible data (an end before the start) is refused elsewhere;
everything found here is a warning.
"""
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.domain.headcounts import DayHeadcount, count_session
from planner.domain.intervals import last_moment, share_time
from planner.domain.timezones import day_span, local_day, to_local
from planner.domain.vocabulary import AttendanceMode, SessionStatus
from planner.domain.wording import Moment, _, ngettext

PERSON_DOUBLE_BOOKED = "person_double_booked"
ROOM_DOUBLE_BOOKED = "room_double_booked"
OUTSIDE_MEETING_DAYS = "outside_meeting_days"
CROSSES_MIDNIGHT = "crosses_midnight"
IN_PERSON_IN_ONLINE_ROOM = "in_person_in_online_room"
OVER_CAPACITY = "over_capacity"
SPEAKER_ONLINE = "speaker_online"


@dataclass(frozen=True)
class SessionFacts:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime | None  # an item without an end is a point in time
    room_id: int | None
    parent_id: int | None
    attendance_mode: AttendanceMode
    status: SessionStatus
    person_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class RoomFacts:
    id: int
    name: str
    capacity: int | None
    online_only: bool


@dataclass(frozen=True)
class Conflict:
    kind: str
    message: str
    session_ids: tuple[int, ...]
    person_id: int | None = None
    room_id: int | None = None


@dataclass
class MeetingFacts:
    zone: str
    first_day: date
    last_day: date
    sessions: Sequence[SessionFacts]
    rooms: Mapping[int, RoomFacts]
    person_names: Mapping[int, str]
    attendance: Mapping[date, DayHeadcount] = field(default_factory=dict)


def find_conflicts(meeting: MeetingFacts) -> list[Conflict]:
    live = [s for s in meeting.sessions if s.status is not SessionStatus.CANCELLED]
    parents = {s.id: s.parent_id for s in meeting.sessions}
    conflicts = [
        *_double_bookings(live, parents, meeting),
        *_timing(live, meeting),
        *_rooms(live, meeting),
        *_attendance(live, meeting),
    ]
    return sorted(conflicts, key=lambda c: (_first_start(c, live), c.kind, c.session_ids))


def _first_start(conflict: Conflict, sessions: Sequence[SessionFacts]) -> datetime:
    starts = {s.id: s.starts_at for s in sessions}
    return min(starts[i] for i in conflict.session_ids)


def _nested(a: SessionFacts, b: SessionFacts, parents: Mapping[int, int | None]) -> bool:
    """Whether one session sits (at any depth) inside the other: then overlapping is the point."""
    return _is_inside(a.id, b.id, parents) or _is_inside(b.id, a.id, parents)


def _is_inside(inner: int, outer: int, parents: Mapping[int, int | None]) -> bool:
    seen = set()
    current = parents.get(inner)
    while current is not None and current not in seen:
        if current == outer:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def overlapping_pairs(sessions: Iterable[SessionFacts]) -> Iterable[tuple[SessionFacts, SessionFacts]]:
    """Pairs that share some time, found by a sweep over start times rather than by trying every pair.

    An item without an end is a point in time: it meets what runs at that moment, and what starts with it.
    """
    ordered = sorted(sessions, key=lambda s: (s.starts_at, last_moment(s.starts_at, s.ends_at), s.id))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1:]:
            if second.starts_at > first.starts_at and second.starts_at >= last_moment(first.starts_at, first.ends_at):
                break
            if share_time(first.starts_at, first.ends_at, second.starts_at, second.ends_at):
                yield first, second


def _span(session: SessionFacts, zone: str) -> Moment:
    starts = to_local(session.starts_at, zone)
    ends = None if session.ends_at is None else to_local(session.ends_at, zone)
    english = f"{starts:%a %d %b %H:%M}" if ends is None else f"{starts:%a %d %b %H:%M}–{ends:%H:%M}"
    return Moment(english, "span", starts, ends)


def _day(moment: datetime, zone: str) -> Moment:
    day = to_local(moment, zone).date()
    return Moment(f"{day:%a %d %b}", "day", day)


def _someone(meeting: "MeetingFacts", person_id: int) -> str:
    return meeting.person_names.get(person_id) or _("Someone")


def _double_bookings(sessions, parents, meeting: MeetingFacts) -> Iterable[Conflict]:
    by_person: dict[int, list[SessionFacts]] = defaultdict(list)
    by_room: dict[int, list[SessionFacts]] = defaultdict(list)
    for session in sessions:
        for person_id in session.person_ids:
            by_person[person_id].append(session)
        if session.room_id is not None and not _room_is_online(session.room_id, meeting):
            by_room[session.room_id].append(session)
    for person_id, theirs in by_person.items():
        for first, second in overlapping_pairs(theirs):
            if not _nested(first, second, parents):
                yield Conflict(
                    PERSON_DOUBLE_BOOKED,
                    _("%(name)s is in “%(first)s” (%(first_time)s) and in “%(second)s” (%(second_time)s) at the "
                      "same time.", name=_someone(meeting, person_id), first=first.title,
                      first_time=_span(first, meeting.zone), second=second.title,
                      second_time=_span(second, meeting.zone)),
                    (first.id, second.id), person_id=person_id,
                )
    for room_id, booked in by_room.items():
        for first, second in overlapping_pairs(booked):
            if not _nested(first, second, parents):
                yield Conflict(
                    ROOM_DOUBLE_BOOKED,
                    _("%(room)s holds “%(first)s” (%(first_time)s) and “%(second)s” (%(second_time)s) at the same "
                      "time.", room=meeting.rooms[room_id].name, first=first.title,
                      first_time=_span(first, meeting.zone), second=second.title,
                      second_time=_span(second, meeting.zone)),
                    (first.id, second.id), room_id=room_id,
                )


def _room_is_online(room_id: int, meeting: MeetingFacts) -> bool:
    room = meeting.rooms.get(room_id)
    return room is not None and room.online_only


def _timing(sessions, meeting: MeetingFacts) -> Iterable[Conflict]:
    opens = day_span(meeting.first_day, meeting.zone)[0]
    closes = day_span(meeting.last_day, meeting.zone)[1]
    for session in sessions:
        ends = last_moment(session.starts_at, session.ends_at)
        if session.starts_at < opens or session.starts_at >= closes or ends > closes:
            yield Conflict(
                OUTSIDE_MEETING_DAYS,
                _("“%(title)s” (%(time)s) falls outside the meeting's days, %(first_day)s to %(last_day)s.",
                  title=session.title, time=_span(session, meeting.zone),
                  first_day=Moment(f"{meeting.first_day:%d %b}", "day_month", meeting.first_day),
                  last_day=Moment(f"{meeting.last_day:%d %b %Y}", "day_month_year", meeting.last_day)),
                (session.id,),
            )
        elif local_day(session.starts_at, meeting.zone) != local_day(ends, meeting.zone) and (
            to_local(ends, meeting.zone).time() != datetime.min.time()
        ):
            yield Conflict(
                CROSSES_MIDNIGHT,
                _("“%(title)s” (%(time)s) runs past midnight.", title=session.title,
                  time=_span(session, meeting.zone)),
                (session.id,),
            )


def _rooms(sessions, meeting: MeetingFacts) -> Iterable[Conflict]:
    for session in sessions:
        room = meeting.rooms.get(session.room_id) if session.room_id is not None else None
        if room is not None and room.online_only and session.attendance_mode is not AttendanceMode.ONLINE:
            yield Conflict(
                IN_PERSON_IN_ONLINE_ROOM,
                _("“%(title)s” is attended in the room and online but %(room)s is online only.",
                  title=session.title, room=room.name) if session.attendance_mode is AttendanceMode.HYBRID else
                _("“%(title)s” is attended in the room but %(room)s is online only.", title=session.title,
                  room=room.name),
                (session.id,), room_id=room.id,
            )


def _attendance(sessions, meeting: MeetingFacts) -> Iterable[Conflict]:
    if not meeting.attendance:
        return
    for session in sessions:
        day = meeting.attendance.get(local_day(session.starts_at, meeting.zone))
        if day is None:
            continue
        room = meeting.rooms.get(session.room_id) if session.room_id is not None else None
        in_room = count_session(session.starts_at, session.attendance_mode, meeting.zone, meeting.attendance).in_room
        if room is not None and room.capacity is not None and in_room > room.capacity:
            yield Conflict(
                OVER_CAPACITY,
                ngettext("%(num)d person attends in the room on %(day)s but %(room)s, where “%(title)s” is held, "
                         "seats %(capacity)d.",
                         "%(num)d people attend in the room on %(day)s but %(room)s, where “%(title)s” is held, "
                         "seats %(capacity)d.", in_room, day=_day(session.starts_at, meeting.zone), room=room.name,
                         title=session.title, capacity=room.capacity),
                (session.id,), room_id=room.id,
            )
        if session.attendance_mode is AttendanceMode.IN_PERSON:
            for person_id in sorted(session.person_ids & day.online_person_ids):
                yield Conflict(
                    SPEAKER_ONLINE,
                    _("%(name)s takes part in “%(title)s”, which is in the room only, but attends %(day)s online.",
                      name=_someone(meeting, person_id), title=session.title,
                      day=_day(session.starts_at, meeting.zone)),
                    (session.id,), person_id=person_id,
                )
