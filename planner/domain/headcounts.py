"""Who is where: how many attend each day and each session in the room and online.

Participants register per day, not per session, so a session counts everyone who
attends its day in a way the session offers: the room for in-person and hybrid
sessions, online for online and hybrid ones.
"""
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.domain.timezones import local_day
from planner.domain.vocabulary import AttendanceMode, DayMode


@dataclass(frozen=True)
class Headcount:
    in_room: int = 0
    online: int = 0

    @property
    def total(self) -> int:
        return self.in_room + self.online


@dataclass(frozen=True)
class DayHeadcount(Headcount):
    online_person_ids: frozenset[int] = field(default=frozenset())


def count_days(attendance: Iterable[tuple[int, date, DayMode]]) -> dict[date, DayHeadcount]:
    """Per day, from (person id, day, mode) rows."""
    in_room: dict[date, int] = defaultdict(int)
    online: dict[date, set[int]] = defaultdict(set)
    for person_id, day, mode in attendance:
        if mode is DayMode.IN_ROOM:
            in_room[day] += 1
        elif mode is DayMode.ONLINE:
            online[day].add(person_id)
    return {
        day: DayHeadcount(in_room[day], len(online[day]), frozenset(online[day]))
        for day in sorted(set(in_room) | set(online))
    }


def count_session(starts_at: datetime, mode: AttendanceMode, zone: str,
                  days: Mapping[date, Headcount]) -> Headcount:
    day = days.get(local_day(starts_at, zone), Headcount())
    return Headcount(
        in_room=day.in_room if mode is not AttendanceMode.ONLINE else 0,
        online=day.online if mode is not AttendanceMode.IN_PERSON else 0,
    )
