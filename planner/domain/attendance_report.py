"""Who was expected and who came: registered against actual, for the meeting, each day and each session.

In the room means checked in at the door that day (check-in is per day, so a
session's in-room figure is its day's). Online means the platform's report shows
the person connected for some of that time. Everything is counted in people, never
in rows: someone who reconnected five times is one person online, and someone
checked in who also joined online is one person attending.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from datetime import date, datetime

from planner.domain.intervals import days_touched, last_moment, share_time
from planner.domain.timezones import local_day, to_local
from planner.domain.vocabulary import N_, DayMode, InstitutionKind

NO_INSTITUTION = "none"
UNMATCHED = "unmatched"
ALL = "all"
KINDS: tuple[str, ...] = (*(kind.value for kind in InstitutionKind), NO_INSTITUTION, UNMATCHED)
KIND_LABELS: dict[str, str] = {
    **{kind.value: kind.label for kind in InstitutionKind},
    NO_INSTITUTION: N_("No institution"),
    UNMATCHED: N_("Not matched to a registration"),
    ALL: N_("All"),
}


@dataclass(frozen=True)
class Participant:
    registration_id: int
    institution_id: int | None
    institution_kind: str  # an InstitutionKind value, or NO_INSTITUTION
    modes: Mapping[date, DayMode]


@dataclass(frozen=True)
class OnlineSpan:
    """One connection in the platform's report: a registration's, or an unmatched ``identity``'s."""

    registration_id: int | None
    identity: str  # who an unmatched row stands for (its email, else its name), to count people not rows
    joined_at: datetime
    left_at: datetime


@dataclass(frozen=True)
class SessionSlot:
    id: int
    title: str
    starts_at: datetime
    ends_at: datetime | None


@dataclass(frozen=True)
class Figures:
    """People (and their institutions) registered and actually attending in one scope.

    Over the whole meeting someone can be registered in the room one day and online
    another, so ``registered`` counts people, not the sum of the two.
    """

    registered_in_room: int = 0
    registered_online: int = 0
    registered: int = 0
    checked_in: int = 0
    joined_online: int = 0
    attended: int = 0
    institutions_registered: int = 0
    institutions_attended: int = 0


@dataclass(frozen=True)
class Breakdown:
    total: Figures
    by_kind: dict[str, Figures]  # every kind of KINDS, in that order

    def kinds_present(self) -> list[tuple[str, Figures]]:
        return [(kind, figures) for kind, figures in self.by_kind.items() if figures != Figures()]


@dataclass(frozen=True)
class DayFigures:
    day: date
    breakdown: Breakdown


@dataclass(frozen=True)
class SessionFigures:
    session: SessionSlot
    day: date
    breakdown: Breakdown


@dataclass(frozen=True)
class AttendanceReport:
    meeting: Breakdown
    days: list[DayFigures]
    sessions: list[SessionFigures]


Attendee = tuple[str, int | str]  # ("registration", id) or ("unmatched", identity)


def attendance_report(
    participants: Iterable[Participant], check_ins: Iterable[tuple[int, date]], spans: Iterable[OnlineSpan],
    sessions: Iterable[SessionSlot], days: Sequence[date], zone_name: str,
) -> AttendanceReport:
    people = {p.registration_id: p for p in participants}
    checked_in_on: dict[date, set[int]] = defaultdict(set)
    for registration_id, day in check_ins:
        checked_in_on[day].add(registration_id)
    spans_on: dict[date, list[OnlineSpan]] = defaultdict(list)
    for span in spans:
        for day in days_touched(span.joined_at, span.left_at, days, zone_name):
            spans_on[day].append(span)
    in_room_on: dict[date, set[int]] = defaultdict(set)
    online_on: dict[date, set[int]] = defaultdict(set)
    for participant in people.values():
        for day, mode in participant.modes.items():
            if mode is DayMode.IN_ROOM:
                in_room_on[day].add(participant.registration_id)
            elif mode is DayMode.ONLINE:
                online_on[day].add(participant.registration_id)
    count = _Counter(people)

    def every_day(sets_by_day: Mapping[date, set]) -> set:
        return set().union(*(sets_by_day.get(day, set()) for day in days))

    meeting = count(every_day(in_room_on), every_day(online_on), every_day(checked_in_on),
                    {_attendee(span) for day in days for span in spans_on.get(day, [])})
    by_day = [
        DayFigures(day, count(in_room_on[day], online_on[day], checked_in_on[day],
                              {_attendee(span) for span in spans_on[day]}))
        for day in days
    ]
    by_session = []
    for session in sorted(sessions, key=lambda s: (s.starts_at, last_moment(s.starts_at, s.ends_at), s.id)):
        day = local_day(session.starts_at, zone_name)
        nearby = [span for touched in days_touched(session.starts_at, session.ends_at, days, zone_name)
                  for span in spans_on.get(touched, [])]
        online = {_attendee(span) for span in nearby
                  if share_time(session.starts_at, session.ends_at, span.joined_at, span.left_at)}
        by_session.append(SessionFigures(session, day, count(
            in_room_on.get(day, set()), online_on.get(day, set()), checked_in_on.get(day, set()), online,
        )))
    return AttendanceReport(meeting, by_day, by_session)


def _attendee(span: OnlineSpan) -> Attendee:
    if span.registration_id is not None:
        return ("registration", span.registration_id)
    return ("unmatched", span.identity)


class _Counter:
    """Turns the sets of people in one scope into figures, in total and for each kind of institution."""

    def __init__(self, people: Mapping[int, Participant]):
        self.people = people

    def kind(self, attendee: Attendee) -> str:
        what, key = attendee
        participant = self.people.get(key) if what == "registration" else None
        return participant.institution_kind if participant is not None else UNMATCHED

    def institution(self, attendee: Attendee) -> int | None:
        what, key = attendee
        participant = self.people.get(key) if what == "registration" else None
        return participant.institution_id if participant is not None else None

    def __call__(self, in_room: set[int], online: set[int], checked_in: set[int],
                 joined: set[Attendee]) -> Breakdown:
        sets = {
            "in_room": {("registration", r) for r in in_room},
            "online": {("registration", r) for r in online},
            "checked_in": {("registration", r) for r in checked_in},
            "joined": set(joined),
        }
        total = self._figures(sets, lambda attendee: True)
        by_kind = {kind: self._figures(sets, lambda attendee, kind=kind: self.kind(attendee) == kind)
                   for kind in KINDS}
        return Breakdown(total, by_kind)

    def _figures(self, sets: Mapping[str, set[Attendee]], keep: Callable[[Attendee], bool]) -> Figures:
        kept = {name: {attendee for attendee in members if keep(attendee)} for name, members in sets.items()}
        registered = kept["in_room"] | kept["online"]
        attended = kept["checked_in"] | kept["joined"]
        return Figures(
            registered_in_room=len(kept["in_room"]), registered_online=len(kept["online"]), registered=len(registered),
            checked_in=len(kept["checked_in"]), joined_online=len(kept["joined"]), attended=len(attended),
            institutions_registered=self._institutions(registered), institutions_attended=self._institutions(attended),
        )

    def _institutions(self, attendees: set[Attendee]) -> int:
        return len({self.institution(a) for a in attendees} - {None})


CSV_HEADER = (
    "scope", "day", "session_id", "session", "starts_at", "ends_at", "institution_kind",
    "registered_in_room", "registered_online", "registered", "checked_in", "joined_online", "attended",
    "institutions_registered", "institutions_attended",
)


def report_rows(report: AttendanceReport, zone_name: str) -> list[tuple]:
    """The report as the rows of its CSV (header ``CSV_HEADER``): for the meeting, each day and each session,
    one row for everyone (institution_kind "all") and one for each kind of institution."""
    rows: list[tuple] = []

    def add(scope: str, day: date | None, session: SessionSlot | None, breakdown: Breakdown) -> None:
        where = (
            scope, day.isoformat() if day else "", session.id if session else "", session.title if session else "",
            to_local(session.starts_at, zone_name).isoformat() if session else "",
            to_local(session.ends_at, zone_name).isoformat() if session and session.ends_at else "",
        )
        for kind, figures in ((ALL, breakdown.total), *breakdown.by_kind.items()):
            rows.append((*where, kind, *astuple(figures)))

    add("meeting", None, None, report.meeting)
    for day in report.days:
        add("day", day.day, None, day.breakdown)
    for session in report.sessions:
        add("session", session.day, session.session, session.breakdown)
    return rows
