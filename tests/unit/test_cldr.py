from datetime import time

import pytest
from babel import Locale

from planner.domain.cldr import city_of, clock_time, written_size


@pytest.mark.parametrize("zone, tag, city", [
    ("Asia/Seoul", "ko", "서울"), ("Asia/Seoul", "fr", "Séoul"),
    # The tz database renamed these; CLDR keeps their cities under the first names (Asia/Calcutta, Europe/Kiev).
    ("Asia/Kolkata", "ko", "콜카타"), ("America/Argentina/Buenos_Aires", "ko", "부에노스 아이레스"),
    ("Europe/Kyiv", "ru", "Киев"),
    # No city in CLDR: the tz database's name, as English readers get it.
    ("America/Coyhaique", "ko", "Coyhaique"),
])
def test_a_zone_is_named_by_its_city_in_the_readers_language(zone, tag, city):
    assert city_of(zone, Locale.parse(tag)) == city


@pytest.mark.parametrize("tag, morning, evening", [
    ("ko", "오전 9:30", "오후 9:00"), ("ar", "9:30 ص", "9:00 م"), ("fr", "09:30", "21:00"), ("zh_Hans", "09:30", "21:00"),
])
def test_a_time_is_written_with_the_day_periods_people_write(tag, morning, evening):
    locale = Locale.parse(tag)
    assert (clock_time(time(9, 30), locale), clock_time(time(21), locale)) == (morning, evening)


@pytest.mark.parametrize("size, tag, written", [
    (812, "fr", "812\u202fo"), (24 * 1024, "ru", "24 кБ"), (int(3.4 * 1024 * 1024), "fr", "3,4\u202fMo"),
    (5 * 1024 ** 3, "fr", "5\u202fGo"), (0, "fr", "0\u202fo"),
])
def test_a_files_size_takes_the_languages_units_and_decimal_sign(size, tag, written):
    # French sets a narrow no-break space between a number and its unit.
    assert written_size(size, Locale.parse(tag)) == written
