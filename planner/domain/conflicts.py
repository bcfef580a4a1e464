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


def _span(session: SessionFacts, zone: str) -> str:
    starts = f"{to_local(session.starts_at, zone):%a %d %b %H:%M}"
    return starts if session.ends_at is None else f"{starts}–{to_local(session.ends_at, zone):%H:%M}"


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
                name = meeting.person_names.get(person_id, "Someone")
                yield Conflict(
                    PERSON_DOUBLE_BOOKED,
                    f"{name} is in “{first.title}” ({_span(first, meeting.zone)}) and in “{second.title}” "
                    f"({_span(second, meeting.zone)}) at the same time.",
                    (first.id, second.id), person_id=person_id,
                )
    for room_id, booked in by_room.items():
        for first, second in overlapping_pairs(booked):
            if not _nested(first, second, parents):
                yield Conflict(
                    ROOM_DOUBLE_BOOKED,
                    f"{meeting.rooms[room_id].name} holds “{first.title}” ({_span(first, meeting.zone)}) and "
                    f"“{second.title}” ({_span(second, meeting.zone)}) at the same time.",
                    (first.id, second.id), room_id=room_id,
                )


def _room_is_online(room_id: int, meeting: MeetingFacts) -> bool:
    room = meeting.rooms.get(room_id)
    return room is not None and room.online_only


def _timing(sessions, meeting: MeetingFacts) -> Iterable[Conflict]:
    opens, _ = day_span(meeting.first_day, meeting.zone)
    _, closes = day_span(meeting.last_day, meeting.zone)
    for session in sessions:
        ends = last_moment(session.starts_at, session.ends_at)
        if session.starts_at < opens or session.starts_at >= closes or ends > closes:
            yield Conflict(
                OUTSIDE_MEETING_DAYS,
                f"“{session.title}” ({_span(session, meeting.zone)}) falls outside the meeting's days, "
                f"{meeting.first_day:%d %b} to {meeting.last_day:%d %b %Y}.",
                (session.id,),
            )
        elif local_day(session.starts_at, meeting.zone) != local_day(ends, meeting.zone) and (
            to_local(ends, meeting.zone).time() != datetime.min.time()
        ):
            yield Conflict(
                CROSSES_MIDNIGHT,
                f"“{session.title}” ({_span(session, meeting.zone)}) runs past midnight.",
                (session.id,),
            )


def _rooms(sessions, meeting: MeetingFacts) -> Iterable[Conflict]:
    for session in sessions:
        room = meeting.rooms.get(session.room_id) if session.room_id is not None else None
        if room is not None and room.online_only and session.attendance_mode is not AttendanceMode.ONLINE:
            yield Conflict(
                IN_PERSON_IN_ONLINE_ROOM,
                f"“{session.title}” is attended {session.attendance_mode.label.lower()} but {room.name} "
                f"is online only.",
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
                f"{in_room} people attend in the room on {to_local(session.starts_at, meeting.zone):%a %d %b} "
                f"but {room.name}, where “{session.title}” is held, seats {room.capacity}.",
                (session.id,), room_id=room.id,
            )
        if session.attendance_mode is AttendanceMode.IN_PERSON:
            for person_id in sorted(session.person_ids & day.online_person_ids):
                yield Conflict(
                    SPEAKER_ONLINE,
                    f"{meeting.person_names.get(person_id, 'Someone')} takes part in “{session.title}”, which is "
                    f"in the room only, but attends {to_local(session.starts_at, meeting.zone):%a %d %b} online.",
                    (session.id,), person_id=person_id,
                )
