from datetime import date, datetime, timedelta, timezone

import pytest

from planner.domain.timezones import (
    NonexistentLocalTime, UnknownTimeZone, day_span, is_known_zone, local_day, to_instant, to_local,
    zone_description,
)

UTC = timezone.utc


def test_nine_in_zurich_the_day_after_the_switch_to_summer_time_is_seven_utc():
    assert to_instant(datetime(2000, 3, 27, 9, 0), "Europe/Zurich") == datetime(2000, 3, 27, 7, 0, tzinfo=UTC)


def test_nine_in_zurich_the_day_before_the_switch_is_eight_utc():
    assert to_instant(datetime(2000, 3, 25, 9, 0), "Europe/Zurich") == datetime(2000, 3, 25, 8, 0, tzinfo=UTC)


def test_the_spring_forward_day_has_twenty_three_hours():
    start, end = day_span(date(2000, 3, 26), "Europe/Zurich")
    assert (start, end - start) == (datetime(2000, 3, 25, 23, 0, tzinfo=UTC), timedelta(hours=23))


def test_the_fall_back_day_has_twenty_five_hours():
    start, end = day_span(date(2021, 10, 31), "Europe/Zurich")
    assert end - start == timedelta(hours=25)


def test_a_time_the_clocks_skip_is_refused_with_a_message():
    with pytest.raises(NonexistentLocalTime, match="2000-03-26 02:30 does not exist in Europe/Zurich"):
        to_instant(datetime(2000, 3, 26, 2, 30), "Europe/Zurich")


def test_a_time_the_clocks_show_twice_takes_the_summer_time_occurrence():
    assert to_instant(datetime(2021, 10, 31, 2, 30), "Europe/Zurich") == datetime(2021, 10, 31, 0, 30, tzinfo=UTC)


def test_an_instant_reads_as_local_wall_clock_time_with_its_offset():
    local = to_local(datetime(2000, 3, 27, 7, 0, tzinfo=UTC), "Europe/Zurich")
    assert local.isoformat() == "2000-03-27T09:00:00+02:00"


def test_early_morning_in_seoul_is_the_previous_day_in_utc_but_not_locally():
    instant = to_instant(datetime(2021, 10, 18, 0, 30), "Asia/Seoul")
    assert (instant.date(), local_day(instant, "Asia/Seoul")) == (date(2021, 10, 17), date(2021, 10, 18))


@pytest.mark.parametrize("name", ["Asia/Seoul", "Europe/Zurich", "UTC", "America/New_York"])
def test_real_zones_are_known(name):
    assert is_known_zone(name)


@pytest.mark.parametrize("name", ["", "Mars/Olympus_Mons", "../../etc/passwd", " Asia/Seoul", "asia\x00seoul"])
def test_made_up_zones_are_unknown(name):
    assert not is_known_zone(name)
    with pytest.raises(UnknownTimeZone):
        to_instant(datetime(2021, 1, 1, 9), name)


def test_the_zone_is_described_with_both_offsets_when_the_clocks_change_during_the_meeting():
    assert zone_description("Europe/Zurich", date(2021, 10, 29), date(2021, 11, 2)) == (
        "CEST, UTC+02:00, then CET, UTC+01:00"
    )
    assert zone_description("Asia/Seoul", date(2021, 10, 15), date(2021, 10, 22)) == "KST, UTC+09:00"


@pytest.mark.parametrize("name", ["Asia", "America/Argentina", "Europe/", "../zoneinfo/UTC", "UTC\x00", "Asia/Seoul "])
def test_a_folder_or_a_path_is_not_a_known_zone(name):
    assert is_known_zone(name) is False
