from dataclasses import dataclass
from datetime import date, datetime, timezone

from planner.domain.agenda import agenda_days, nest
from planner.domain.timezones import to_instant


@dataclass
class Item:
    id: int
    starts_at: datetime
    ends_at: datetime
    parent_id: int | None = None


def seoul(day: int, hour: int, minute: int = 0) -> datetime:
    return to_instant(datetime(2021, 10, day, hour, minute), "Asia/Seoul")


def shape(items):
    return [(item.session.id, shape(item.children)) for item in items]


def test_a_break_sits_inside_its_working_block_and_the_rest_follow_in_time_order():
    block = Item(1, seoul(18, 9, 30), seoul(18, 12, 30))
    coffee = Item(2, seoul(18, 10, 45), seoul(18, 11), parent_id=1)
    lunch = Item(3, seoul(18, 12, 30), seoul(18, 14))
    opening = Item(4, seoul(18, 9), seoul(18, 9, 30))
    assert shape(nest([lunch, coffee, block, opening])) == [(4, []), (1, [(2, [])]), (3, [])]


def test_an_item_whose_block_is_missing_stands_on_its_own():
    orphan = Item(2, seoul(18, 10), seoul(18, 11), parent_id=99)
    assert shape(nest([orphan])) == [(2, [])]


def test_sessions_fall_on_the_meeting_day_they_start_on_in_its_zone_and_empty_days_stay():
    early = Item(1, seoul(18, 0, 30), seoul(18, 1))  # 17 October in UTC
    late = Item(2, seoul(19, 23), seoul(19, 23, 45))
    days = agenda_days([late, early], "Asia/Seoul", [date(2021, 10, 18), date(2021, 10, 19), date(2021, 10, 20)])
    assert [(day.day.day, shape(day.items)) for day in days] == [(18, [(1, [])]), (19, [(2, [])]), (20, [])]


def test_a_session_outside_the_meetings_days_still_shows_on_its_own_day():
    stray = Item(1, datetime(2021, 10, 25, 1, tzinfo=timezone.utc), datetime(2021, 10, 25, 2, tzinfo=timezone.utc))
    days = agenda_days([stray], "Asia/Seoul", [date(2021, 10, 18)])
    assert [day.day for day in days] == [date(2021, 10, 18), date(2021, 10, 25)]


def test_read_from_new_york_a_seoul_morning_falls_on_the_day_before_and_names_its_meeting_day():
    monday_morning = Item(1, seoul(18, 9), seoul(18, 10))  # 20:00 on Sunday in New York
    monday_afternoon = Item(2, seoul(18, 14), seoul(18, 15))  # 01:00 on Monday
    days = agenda_days([monday_morning, monday_afternoon], "America/New_York", [],
                       meeting_zone="Asia/Seoul")
    assert [(day.day, shape(day.items), day.meeting_days) for day in days] == [
        (date(2021, 10, 17), [(1, [])], [date(2021, 10, 18)]),
        (date(2021, 10, 18), [(2, [])], [date(2021, 10, 18)]),
    ]


def test_one_of_the_readers_days_can_hold_sessions_of_two_meeting_days():
    friday_evening = Item(1, seoul(15, 23), seoul(15, 23, 30))  # 16:00 on Friday in Zurich
    saturday_dawn = Item(2, seoul(16, 6, 30), seoul(16, 6, 45))  # 23:30 on Friday in Zurich
    saturday_morning = Item(3, seoul(16, 7), seoul(16, 8))  # 00:00 on Saturday in Zurich
    days = agenda_days([friday_evening, saturday_dawn, saturday_morning], "Europe/Zurich", [],
                       meeting_zone="Asia/Seoul")
    assert [(day.day.day, shape(day.items), day.meeting_days) for day in days] == [
        (15, [(1, []), (2, [])], [date(2021, 10, 15), date(2021, 10, 16)]),
        (16, [(3, [])], [date(2021, 10, 16)]),
    ]


def test_a_break_after_the_readers_midnight_stays_in_its_block_on_the_blocks_day():
    # Read on clocks where the block runs past midnight, the break starts on the next day.
    block = Item(1, seoul(18, 21), seoul(19, 0, 30))
    coffee = Item(2, seoul(19, 0), seoul(19, 0, 15), parent_id=1)
    days = agenda_days([block, coffee], "Asia/Seoul", [date(2021, 10, 18), date(2021, 10, 19)])
    assert [(day.day, shape(day.items)) for day in days] == [
        (date(2021, 10, 18), [(1, [(2, [])])]), (date(2021, 10, 19), [])]
