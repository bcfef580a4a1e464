from datetime import date, datetime, time, timedelta, timezone

import pytest

from planner.domain.timezones import (
    NonexistentLocalTime, ReaderZone, RepeatedLocalTime, UnknownTimeZone, choose_reader_zone, city_zone_names, clock_span, day_span,
    days_elsewhere, is_known_zone, local_day, suggested_zone, to_instant, to_local, unknown_zone_message, within_hours,
    zone, zone_city, zone_description,
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


def test_a_time_the_clocks_show_twice_is_refused_asking_for_its_offset():
    with pytest.raises(RepeatedLocalTime) as refused:
        to_instant(datetime(2000, 10, 29, 2, 30), "Europe/Zurich")
    assert str(refused.value) == (
        "2000-10-29 02:30 happens twice in Europe/Zurich: the clocks go back that night. Give it with its offset, "
        "2000-10-29T02:30+02:00 for the first time or 2000-10-29T02:30+01:00 for the second.")


def test_a_time_no_one_typed_that_the_clocks_show_twice_takes_the_summer_time_occurrence():
    assert to_instant(datetime(2021, 10, 31, 2, 30), "Europe/Zurich", first_if_repeated=True) == datetime(
        2021, 10, 31, 0, 30, tzinfo=UTC)


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


def in_zone(local: datetime, meeting_zone: str, reader_zone: str) -> str:
    return f"{to_local(to_instant(local, meeting_zone), reader_zone):%Y-%m-%d %H:%M}"


def test_nine_in_zurich_the_day_after_the_spring_switch_is_four_in_the_afternoon_in_seoul():
    assert in_zone(datetime(2000, 3, 27, 9), "Europe/Zurich", "Asia/Seoul") == "2000-03-27 16:00"
    assert in_zone(datetime(2000, 3, 28, 9), "Europe/Zurich", "Asia/Seoul") == "2000-03-28 16:00"


def test_nine_in_geneva_moves_an_hour_later_in_seoul_once_the_clocks_go_back():
    # Geneva keeps Swiss time, whose IANA zone is Europe/Zurich (there is no Europe/Geneva).
    assert in_zone(datetime(2021, 10, 29, 9), "Europe/Zurich", "Asia/Seoul") == "2021-10-29 16:00"
    assert in_zone(datetime(2021, 11, 1, 9), "Europe/Zurich", "Asia/Seoul") == "2021-11-01 17:00"


def test_nine_in_seoul_is_the_evening_before_in_new_york():
    assert in_zone(datetime(2021, 10, 18, 9), "Asia/Seoul", "America/New_York") == "2021-10-17 20:00"


def test_the_address_wins_over_the_remembered_zone_which_wins_over_the_meetings():
    assert choose_reader_zone("Asia/Seoul", requested="America/New_York", remembered="Europe/Zurich") == (
        ReaderZone("America/New_York", "Asia/Seoul", "address")
    )
    assert choose_reader_zone("Asia/Seoul", remembered="Europe/Zurich") == (
        ReaderZone("Europe/Zurich", "Asia/Seoul", "remembered")
    )
    assert choose_reader_zone("Asia/Seoul") == ReaderZone("Asia/Seoul", "Asia/Seoul", "meeting")


def test_an_unknown_zone_in_the_address_gives_the_meetings_zone_and_says_why():
    choice = choose_reader_zone("Asia/Seoul", requested="Mars/Olympus_Mons", remembered="Europe/Zurich")
    assert (choice.name, choice.source, choice.differs) == ("Asia/Seoul", "meeting", False)
    assert choice.problem == "“Mars/Olympus_Mons” is not a known IANA time zone, such as Europe/Zurich or Asia/Seoul."


def test_a_remembered_zone_that_is_no_zone_is_ignored_and_an_empty_address_counts_as_none():
    assert choose_reader_zone("Asia/Seoul", requested="", remembered="Nowhere/At_All") == (
        ReaderZone("Asia/Seoul", "Asia/Seoul", "meeting")
    )


def test_a_meetings_days_run_from_the_evening_before_in_new_york():
    assert days_elsewhere(date(2021, 10, 15), date(2021, 10, 22), "Asia/Seoul", "America/New_York") == (
        date(2021, 10, 14), date(2021, 10, 22)
    )


def test_the_picker_offers_cities_and_utc_but_not_legacy_aliases():
    names = city_zone_names()
    assert names[0] == "UTC"
    assert {"Asia/Seoul", "America/Argentina/Buenos_Aires", "Europe/Zurich"} <= set(names)
    assert not {"US/Eastern", "ROK", "EST5EDT", "Etc/GMT+5"} & set(names)
    assert zone_city("America/Argentina/Buenos_Aires") == "Buenos Aires"


def seoul_span(start: str, end: str) -> tuple[datetime, datetime]:
    day = date(2021, 10, 18)
    return (to_instant(datetime.combine(day, time.fromisoformat(start)), "Asia/Seoul"),
            to_instant(datetime.combine(day, time.fromisoformat(end)), "Asia/Seoul"))


@pytest.mark.parametrize("start, end, inside", [
    ("07:00", "08:00", True), ("21:00", "22:00", True), ("06:59", "08:00", False), ("21:30", "22:01", False),
    ("23:00", "23:59", False), ("01:00", "02:00", False),
])
def test_waking_hours_run_from_seven_to_ten_on_the_local_clock(start, end, inside):
    assert within_hours(*seoul_span(start, end), "Asia/Seoul") is inside


def test_a_session_running_past_local_midnight_is_outside_waking_hours():
    assert within_hours(*seoul_span("12:30", "14:00"), "America/New_York") is False  # 23:30–01:00
    assert within_hours(*seoul_span("06:00", "08:30"), "America/New_York") is True  # 17:00–19:30


def local(text: str, zone_name: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone(zone_name))


def test_a_clock_span_over_midnight_reads_from_the_late_evening_to_the_early_morning():
    spans = [(local("2021-10-18 02:00", "UTC"), local("2021-10-18 03:00", "UTC")),
             (local("2021-10-17 23:00", "UTC"), local("2021-10-18 00:30", "UTC")),
             (local("2021-10-18 05:00", "UTC"), local("2021-10-18 06:00", "UTC"))]
    assert clock_span(spans) == (time(23), time(6))
    assert clock_span([(local("2021-10-18 21:00", "UTC"), local("2021-10-18 23:00", "UTC"))]) == (time(21), time(23))
    assert clock_span([]) is None


def test_a_clock_span_ends_on_the_wall_clock_the_night_the_clocks_go_back():
    start = to_local(datetime(2021, 10, 30, 23, 0, tzinfo=UTC), "Europe/Zurich")  # 01:00 summer time
    end = to_local(datetime(2021, 10, 31, 3, 0, tzinfo=UTC), "Europe/Zurich")  # 04:00 winter time, 4 h later
    assert clock_span([(start, end)]) == (time(1), time(4))


@pytest.mark.parametrize("name", ["Asia", "America/Argentina", "Europe/", "../zoneinfo/UTC", "UTC\x00", "Asia/Seoul "])
def test_a_folder_or_a_path_is_not_a_known_zone(name):
    assert is_known_zone(name) is False


def test_the_picker_offers_current_names_only():
    names = city_zone_names()
    assert {"UTC", "Asia/Kolkata", "Europe/Kyiv", "Asia/Seoul"} <= set(names)
    assert not {"Asia/Calcutta", "Europe/Kiev", "US/Eastern", "ROK"} & set(names)


def test_a_mistyped_zone_gets_what_was_probably_meant():
    assert [suggested_zone(text) for text in ("Vienna", "new york", "Europe/Viena", "Nowhere")] == [
        "Europe/Vienna", "America/New_York", "Europe/Vienna", None]
    assert unknown_zone_message("Vienna") == "“Vienna” is not a known IANA time zone. Did you mean Europe/Vienna?"
