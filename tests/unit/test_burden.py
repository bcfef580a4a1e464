from dataclasses import dataclass
from datetime import date, datetime, time

from planner.domain.burden import OnlineParticipant, online_burden
from planner.domain.timezones import to_instant

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)


@dataclass
class Item:
    id: int
    starts_at: datetime
    ends_at: datetime
    parent_id: int | None = None


def seoul_session(id: int, day: date, start: str, end: str) -> Item:
    return Item(id, to_instant(datetime.combine(day, time.fromisoformat(start)), "Asia/Seoul"),
                to_instant(datetime.combine(day, time.fromisoformat(end)), "Asia/Seoul"))


ZURICH_1 = OnlineParticipant(1, "Damien Thuriaux", "Europe/Zurich")
ZURICH_2 = OnlineParticipant(2, "Anna Keller", "Europe/Zurich")
NEW_YORK = OnlineParticipant(3, "Brian Finlay", "America/New_York")
TOKYO = OnlineParticipant(4, "Sato Yui", "Asia/Tokyo")
NO_ZONE = OnlineParticipant(5, "Jehangir Khan", "")


def local_times(item):
    return [(times.zone, f"{times.starts:%a %H:%M}", f"{times.ends:%H:%M}", times.outside_hours,
             [person.name for person in times.participants]) for times in item.zones]


def test_each_session_is_read_on_every_online_participants_home_clock_east_to_west():
    morning = seoul_session(1, MONDAY, "09:30", "12:30")
    [day] = online_burden([morning], "Asia/Seoul", [MONDAY], {MONDAY: [NEW_YORK, ZURICH_1, ZURICH_2, TOKYO, NO_ZONE]})
    [item] = day.sessions
    assert local_times(item) == [
        ("Asia/Tokyo", "Mon 09:30", "12:30", False, ["Sato Yui"]),
        ("Europe/Zurich", "Mon 02:30", "05:30", True, ["Damien Thuriaux", "Anna Keller"]),
        ("America/New_York", "Sun 20:30", "23:30", True, ["Brian Finlay"]),
    ]
    assert [person.name for person in item.without_zone] == ["Jehangir Khan"]
    assert (item.online_count, len(item.burdened), item.burdened_span) == (5, 3, (time(20, 30), time(5, 30)))


def test_only_the_days_online_participants_are_counted_for_its_sessions():
    monday = seoul_session(1, MONDAY, "14:00", "16:30")  # 07:00–09:30 in Zurich
    tuesday = seoul_session(2, TUESDAY, "09:30", "12:30")  # 02:30–05:30 in Zurich
    days = online_burden([tuesday, monday], "Asia/Seoul", [MONDAY, TUESDAY],
                         {MONDAY: [ZURICH_1], TUESDAY: [ZURICH_1, NEW_YORK]})
    assert [(day.day, [item.session.id for item in day.sessions], day.online_count) for day in days] == [
        (MONDAY, [1], 1), (TUESDAY, [2], 2),
    ]
    assert [len(item.burdened) for day in days for item in day.sessions] == [0, 2]
    assert days[0].sessions[0].burdened_span is None


def test_the_days_total_counts_people_once_and_every_attendance_outside_waking_hours():
    early = seoul_session(1, MONDAY, "09:30", "12:30")  # Zurich 02:30, New York 20:30 the day before
    late = seoul_session(2, MONDAY, "14:00", "16:30")  # Zurich 07:00, New York 01:00
    evening = seoul_session(3, MONDAY, "20:00", "21:00")  # Zurich 13:00, New York 07:00
    [day] = online_burden([early, late, evening], "Asia/Seoul", [MONDAY], {MONDAY: [ZURICH_1, NEW_YORK, TOKYO]})
    assert (day.burdened_participants, day.burdened_sessions, day.burdened_attendances, day.online_count) == (
        2, 2, 3, 3,
    )


def test_a_day_without_online_sessions_or_participants_is_still_listed():
    [day] = online_burden([], "Asia/Seoul", [MONDAY], {})
    assert (day.day, day.sessions, day.online_count, day.burdened_participants) == (MONDAY, (), 0, 0)


def test_a_home_zone_no_longer_known_counts_as_none_given():
    stale = OnlineParticipant(6, "Old Record", "Asia/Nowhere")
    [day] = online_burden([seoul_session(1, MONDAY, "09:00", "10:00")], "Asia/Seoul", [MONDAY], {MONDAY: [stale]})
    assert (day.sessions[0].zones, day.sessions[0].without_zone) == ((), (stale,))
