"""The check-in desk's view of one day: who is registered, how, and whether they are in; and its counts."""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from planner.domain.vocabulary import DayMode


@dataclass(frozen=True)
class DoorLine:
    """One registered participant as the check-in desk sees them on one day."""

    registration_id: int
    name: str
    institution: str
    mode: DayMode
    checked_in_at: datetime | None
    checked_in_by: str
    search_text: str

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None


@dataclass(frozen=True)
class DoorCounts:
    checked_in: int
    expected: int  # registered to attend in the room that day
    unexpected: int  # checked in though registered online or not at all that day


def door_counts(lines: Sequence[DoorLine]) -> DoorCounts:
    return DoorCounts(
        checked_in=sum(1 for line in lines if line.checked_in),
        expected=sum(1 for line in lines if line.mode is DayMode.IN_ROOM),
        unexpected=sum(1 for line in lines if line.checked_in and line.mode is not DayMode.IN_ROOM),
    )
