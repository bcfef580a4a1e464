from datetime import date, datetime

from planner.domain.headcounts import DayHeadcount, Headcount, count_days, count_session
from planner.domain.timezones import to_instant
from planner.domain.vocabulary import AttendanceMode, DayMode

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)


def test_days_count_people_in_the_room_and_online_separately():
    days = count_days([(1, MONDAY, DayMode.IN_ROOM), (2, MONDAY, DayMode.ONLINE), (3, MONDAY, DayMode.IN_ROOM),
                       (1, TUESDAY, DayMode.ABSENT), (2, TUESDAY, DayMode.ONLINE)])
    assert days == {MONDAY: DayHeadcount(2, 1, frozenset({2})), TUESDAY: DayHeadcount(0, 1, frozenset({2}))}


def test_a_session_counts_its_day_in_the_ways_it_can_be_attended():
    days = {MONDAY: DayHeadcount(12, 5)}
    nine = to_instant(datetime(2021, 10, 18, 9), "Asia/Seoul")
    assert count_session(nine, AttendanceMode.HYBRID, "Asia/Seoul", days) == Headcount(12, 5)
    assert count_session(nine, AttendanceMode.IN_PERSON, "Asia/Seoul", days) == Headcount(12, 0)
    assert count_session(nine, AttendanceMode.ONLINE, "Asia/Seoul", days) == Headcount(0, 5)


def test_a_session_early_in_the_morning_counts_its_local_day_not_the_utc_one():
    early = to_instant(datetime(2021, 10, 18, 0, 30), "Asia/Seoul")
    assert count_session(early, AttendanceMode.HYBRID, "Asia/Seoul", {MONDAY: DayHeadcount(3, 1)}) == Headcount(3, 1)
