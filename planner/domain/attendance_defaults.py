"""How a new registration attends each day, before anyone says: as the meeting is held, and not at all on a day
with nothing on the agenda (a weekend between the working days)."""
from collections.abc import Iterable, Sequence
from datetime import date

from planner.domain.vocabulary import DayMode, MeetingFormat


def default_day_modes(days: Sequence[date], days_with_sessions: Iterable[date],
                      meeting_format: MeetingFormat) -> dict[date, DayMode]:
    held = DayMode.ONLINE if meeting_format is MeetingFormat.ONLINE else DayMode.IN_ROOM
    busy = set(days_with_sessions)
    return {day: held if day in busy else DayMode.ABSENT for day in days}
