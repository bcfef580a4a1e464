"""How a time and a place are written in a language other than English, from CLDR through Babel: the one place
pages (web.presenters) and calendar files and emails (domain.calendars.words) take them from."""
import re
from collections import defaultdict
from datetime import time
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from babel.dates import format_time
from babel.units import format_unit

from planner.domain.timezones import zone_city

# CLDR's abbreviated day periods are Latin in some languages (Korean "AM 10:00"); its wide ones are the
# language's own ("오전 10:00"), as people there write a time.
_DAY_PERIOD = re.compile(r"(?<![a'])a(?!a)")


@lru_cache(maxsize=64)
def _short_time_pattern(locale: Locale) -> str:
    return _DAY_PERIOD.sub("aaaa", locale.time_formats["short"].pattern)


def clock_time(moment: time, locale: Locale) -> str:
    """The locale's short time, 24-hour where the locale uses it: "10:00", "10:00 ص", "오전 10:00"."""
    return format_time(moment, _short_time_pattern(locale), locale=locale)


@lru_cache(maxsize=1)
def _older_names() -> dict[str, list[str]]:
    # CLDR keeps its cities under a zone's first name (Asia/Calcutta); the tz database renames (Asia/Kolkata).
    older = defaultdict(list)
    for old, current in get_global("zone_aliases").items():
        older[current].append(old)
    return older


@lru_cache(maxsize=4096)
def city_of(zone_name: str, locale: Locale) -> str:
    """The city a zone is named after, in the locale's language: "Séoul", "콜카타" for Asia/Kolkata; the tz
    database's own name where CLDR has none."""
    zones = locale.time_zones
    for name in (zone_name, *_older_names().get(zone_name, ())):
        if city := zones.get(name, {}).get("city"):
            return city
    return zone_city(zone_name)


_SIZE_UNITS = ((1024 ** 3, "digital-gigabyte", "#,##0.##"), (1024 ** 2, "digital-megabyte", "#,##0.#"),
               (1024, "digital-kilobyte", "#,##0"), (1, "digital-byte", "#,##0"))


def written_size(size: int, locale: Locale) -> str:
    """A file's size with the locale's units and decimal sign: "3,4 Mo", "3.4 م.ب", "812byte" (as CLDR writes
    Korean); the same steps as documents.size_text."""
    step, unit, pattern = next(found for found in _SIZE_UNITS if size >= found[0] or found[0] == 1)
    return format_unit(size / step, unit, length="short", format=pattern, locale=locale)
