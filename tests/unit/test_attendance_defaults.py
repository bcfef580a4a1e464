"""A new registration's days, before the organiser says: as the meeting is held, absent on days without sessions."""
from datetime import date

from planner.domain.attendance_defaults import default_day_modes
from planner.domain.vocabulary import DayMode, MeetingFormat

FRI, SAT, MON = date(2021, 10, 15), date(2021, 10, 16), date(2021, 10, 18)


def test_days_follow_the_meetings_format_and_a_day_without_sessions_is_not_attended():
    assert default_day_modes([FRI, SAT, MON], [FRI, MON], MeetingFormat.IN_PERSON) == {
        FRI: DayMode.IN_ROOM, SAT: DayMode.ABSENT, MON: DayMode.IN_ROOM}
    assert default_day_modes([FRI, SAT], [FRI], MeetingFormat.ONLINE) == {FRI: DayMode.ONLINE, SAT: DayMode.ABSENT}
    assert default_day_modes([FRI], [FRI], MeetingFormat.HYBRID) == {FRI: DayMode.IN_ROOM}
