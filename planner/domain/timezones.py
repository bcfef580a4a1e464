"""Wall-clock times in a meeting's zone and the unambiguous instants behind them."""
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


class UnknownTimeZone(ValueError):
    def __init__(self, name: str):
        super().__init__(f"“{name}” is not a known IANA time zone, such as Europe/Zurich or Asia/Seoul.")
        self.name = name


class NonexistentLocalTime(ValueError):
    """A wall-clock time skipped by a daylight-saving change, such as 02:30 on the spring-forward night."""


@lru_cache(maxsize=None)
def zone(name: str) -> ZoneInfo:
    if not name or name != name.strip():
        raise UnknownTimeZone(name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder of zones, such as "Asia"
        raise UnknownTimeZone(name) from None


def is_known_zone(name: str) -> bool:
    try:
        zone(name)
    except UnknownTimeZone:
        return False
    return True


@lru_cache(maxsize=1)
def zone_names() -> list[str]:
    return sorted(available_timezones())


def to_instant(local: datetime, zone_name: str) -> datetime:
    """The UTC instant at which a wall clock in ``zone_name`` shows ``local``.

    A time the clocks skip is refused. A time the clocks show twice (the night the
    clocks go back) takes the first, summer-time, occurrence.
    """
    tz = zone(zone_name)
    aware = local.replace(tzinfo=tz, fold=0)
    instant = aware.astimezone(timezone.utc)
    if instant.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None, fold=0):
        raise NonexistentLocalTime(
            f"{local:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks skip it for daylight saving."
        )
    return instant


def to_local(instant: datetime, zone_name: str) -> datetime:
    return instant.astimezone(zone(zone_name))


def local_day(instant: datetime, zone_name: str) -> date:
    return to_local(instant, zone_name).date()


def day_span(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The instants at which ``day`` begins and ends in ``zone_name`` (23 or 25 hours on switch days)."""
    tz = zone(zone_name)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(timezone.utc)
    return start, end


def zone_description(zone_name: str, first_day: date, last_day: date) -> str:
    """The zone's abbreviation and offset over a span of days, both when daylight saving changes in it.

    >>> zone_description("Europe/Geneva", date(2021, 10, 29), date(2021, 11, 2))
    'CEST, UTC+02:00, then CET, UTC+01:00'
    """
    tz = zone(zone_name)
    labels: list[str] = []
    day = first_day
    while day <= last_day:
        local = datetime.combine(day, time(12), tzinfo=tz)
        label = f"{local.tzname()}, {format_offset(local.utcoffset())}"
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1)
    return ", then ".join(labels)


def format_offset(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"
