"""Shaping a meeting's sessions into the agenda people read: days, and items nested in blocks."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from planner.domain.intervals import last_moment
from planner.domain.timezones import local_day
from planner.domain.vocabulary import Choice, Role


class Scheduled(Protocol):
    id: int
    parent_id: int | None
    starts_at: datetime
    ends_at: datetime | None


@dataclass
class AgendaItem:
    session: Scheduled
    children: list[AgendaItem] = field(default_factory=list)


@dataclass
class AgendaDay:
    """The sessions that start on ``day`` in the reader's zone, and the meeting's own days they belong to."""

    day: date
    items: list[AgendaItem]
    meeting_days: list[date] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.items


def nest(sessions: Iterable[Scheduled]) -> list[AgendaItem]:
    """Sessions as a forest: each one under the block that contains it, in time order.

    A session whose block is not among ``sessions`` (another day, a hidden draft)
    stands on its own rather than disappearing.
    """
    ordered = sorted(sessions, key=lambda s: (s.starts_at, -_length(s), s.id))
    items = {session.id: AgendaItem(session) for session in ordered}
    roots: list[AgendaItem] = []
    for session in ordered:
        parent = items.get(session.parent_id) if session.parent_id is not None else None
        (parent.children if parent else roots).append(items[session.id])
    return roots


def agenda_days(
    sessions: Iterable[Scheduled], zone_name: str, days: Sequence[date], *, meeting_zone: str | None = None,
) -> list[AgendaDay]:
    """One entry for each of ``days`` (and any other day a session falls on), with the
    sessions that start on it in ``zone_name``, the zone the reader reads.

    Read from far away, one of the reader's days can hold sessions of two meeting days,
    and a meeting day can spill over two of the reader's; each entry names the meeting
    days (in ``meeting_zone``, by default the same zone) its sessions belong to.
    """
    meeting_zone = meeting_zone or zone_name
    sessions = list(sessions)
    by_id = {session.id: session for session in sessions}
    by_day: dict[date, list[Scheduled]] = {day: [] for day in days}
    for session in sessions:
        # An item goes on its outermost block's day: a break after the reader's midnight stays in its block.
        by_day.setdefault(local_day(_outermost(session, by_id).starts_at, zone_name), []).append(session)
    return [
        AgendaDay(day, nest(by_day[day]), sorted({local_day(s.starts_at, meeting_zone) for s in by_day[day]}))
        for day in sorted(by_day)
    ]


def _outermost(session: Scheduled, by_id: dict) -> Scheduled:
    seen = {session.id}
    while session.parent_id in by_id and session.parent_id not in seen:
        session = by_id[session.parent_id]
        seen.add(session.id)
    return session


def _length(session: Scheduled) -> float:
    # A block comes before what starts with it; an item without an end holds nothing and comes after.
    return (last_moment(session.starts_at, session.ends_at) - session.starts_at).total_seconds()


class Assignment(Protocol):
    role: Choice
    position: int
    person: object


def role_groups(assignments: Iterable[Assignment], vocabulary: type[Choice] = Role,
                ) -> list[tuple[Choice, list[Assignment]]]:
    """Holders by role, roles in agenda order (chair first, rapporteur last), holders in their listed order.

    Each holder keeps the person and what else its role says (on whose behalf they speak). The bureau's
    offices (``OfficerRole``) are grouped the same way.
    """
    ordered = sorted(assignments, key=lambda assignment: assignment.position)
    groups = [(role, [a for a in ordered if a.role == role]) for role in vocabulary]
    return [(role, holders) for role, holders in groups if holders]
