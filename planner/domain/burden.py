"""Who pays for a slot: each session read on the home clocks of the people who follow it online."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from planner.domain.agenda import Scheduled
from planner.domain.intervals import last_moment
from planner.domain.timezones import clock_span, is_known_zone, local_day, to_local, within_hours


@dataclass(frozen=True)
class OnlineParticipant:
    """Someone registered to follow one day online; ``zone`` is empty when they gave no home zone."""

    id: int
    name: str
    zone: str


@dataclass(frozen=True)
class ZoneTimes:
    """A session on the clocks of one home zone, and who reads it there."""

    zone: str
    starts: datetime
    ends: datetime  # the start again for an item without an end
    participants: tuple[OnlineParticipant, ...]
    outside_hours: bool


@dataclass(frozen=True)
class SessionBurden:
    session: Scheduled
    zones: tuple[ZoneTimes, ...]
    without_zone: tuple[OnlineParticipant, ...]

    @property
    def online_count(self) -> int:
        return sum(len(times.participants) for times in self.zones) + len(self.without_zone)

    @property
    def burdened(self) -> tuple[OnlineParticipant, ...]:
        return tuple(person for times in self.zones if times.outside_hours for person in times.participants)

    @property
    def burdened_span(self) -> tuple[time, time] | None:
        """From the earliest start to the latest end on the clocks of those outside their waking hours."""
        return clock_span((times.starts, times.ends) for times in self.zones if times.outside_hours)


@dataclass(frozen=True)
class DayBurden:
    """One meeting day: its sessions that can be followed online, and the day's totals."""

    day: date
    sessions: tuple[SessionBurden, ...]
    online_count: int

    @property
    def burdened_sessions(self) -> int:
        return sum(1 for item in self.sessions if item.burdened)

    @property
    def burdened_participants(self) -> int:
        return len({person.id for item in self.sessions for person in item.burdened})

    @property
    def burdened_attendances(self) -> int:
        return sum(len(item.burdened) for item in self.sessions)


def online_burden(
    sessions: Sequence[Scheduled], meeting_zone: str, days: Sequence[date],
    online: Mapping[date, Sequence[OnlineParticipant]],
) -> list[DayBurden]:
    """For each of ``days``, every session with its local times in each home zone of the day's
    online participants, each flagged when it falls outside 07:00–22:00 there.

    ``sessions`` are those an online participant can follow; everyone online on a meeting
    day (in ``meeting_zone``) is taken to follow all of that day's sessions.
    """
    by_day: dict[date, list[Scheduled]] = {day: [] for day in days}
    for session in sorted(sessions, key=lambda s: (s.starts_at, s.id)):
        by_day.setdefault(local_day(session.starts_at, meeting_zone), []).append(session)
    return [
        DayBurden(day, tuple(_session_burden(session, online.get(day, ())) for session in day_sessions),
                  len(online.get(day, ())))
        for day, day_sessions in sorted(by_day.items())
    ]


def _session_burden(session: Scheduled, participants: Sequence[OnlineParticipant]) -> SessionBurden:
    by_zone: dict[str, list[OnlineParticipant]] = {}
    without_zone = []
    for person in participants:
        # A zone stored before tzdata dropped it is as good as none: it cannot be read.
        if is_known_zone(person.zone):
            by_zone.setdefault(person.zone, []).append(person)
        else:
            without_zone.append(person)
    ends_at = last_moment(session.starts_at, session.ends_at)
    zones = [
        ZoneTimes(
            zone, to_local(session.starts_at, zone), to_local(ends_at, zone), tuple(people),
            not within_hours(session.starts_at, ends_at, zone),
        )
        for zone, people in by_zone.items()
    ]
    # East to west, as the day reaches them.
    zones.sort(key=lambda times: (-times.starts.utcoffset().total_seconds(), times.zone))
    return SessionBurden(session, tuple(zones), tuple(without_zone))
