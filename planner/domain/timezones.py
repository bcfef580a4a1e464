"""Wall-clock times in a meeting's zone and the unambiguous instants behind them.

Every conversion between instants and wall clocks, whether in the meeting's zone or a
reader's, happens here.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from difflib import get_close_matches
from functools import lru_cache
from importlib.resources import files
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from babel.dates import get_timezone_name

from planner.domain.wording import Message, _


class UnknownTimeZone(ValueError):
    def __init__(self, name: str):
        self.message = _("“%(name)s” is not a known IANA time zone, such as Europe/Zurich or Asia/Seoul.", name=name)
        super().__init__(self.message)
        self.name = name


class NonexistentLocalTime(ValueError):
    """A wall-clock time skipped by a daylight-saving change, such as 02:30 on the spring-forward night."""


class RepeatedLocalTime(NonexistentLocalTime):
    """A wall-clock time the clocks show twice, such as 02:30 on the night they go back: which is meant
    is for the person who gave it to say, with its offset."""


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


# The regions under which tzdata files the cities people live in; the rest are legacy
# aliases (US/Eastern, ROK), POSIX rules (EST5EDT) and Etc/GMT+5, whose sign is inverted.
_CITY_REGIONS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian",
                 "Pacific")


@lru_cache(maxsize=1)
def city_zone_names() -> list[str]:
    """The zones worth offering in a picker: UTC and the current name of every place tzdata lists (zone.tab), so
    Asia/Kolkata and Europe/Kyiv, not their old names Asia/Calcutta and Europe/Kiev (which still work when typed)."""
    table = files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    names = {line.split("\t")[2] for line in table.splitlines() if line and not line.startswith("#")}
    return ["UTC"] + sorted(name for name in names if name in available_timezones())


def suggested_zone(text: str) -> str | None:
    """The zone someone probably meant by ``text``: a city's own name ("vienna"), or a near miss ("Europe/Viena")."""
    wanted = (text or "").strip().replace(" ", "_").lower()
    if not wanted:
        return None
    names = city_zone_names()
    by_city = {name.rsplit("/", 1)[-1].lower(): name for name in names}
    if wanted in by_city:
        return by_city[wanted]
    by_name = {name.lower(): name for name in names}
    close = get_close_matches(wanted, [*by_name, *by_city], n=1, cutoff=0.8)
    return (by_name.get(close[0]) or by_city[close[0]]) if close else None


def unknown_zone_message(text: str, example: str = "Europe/Zurich") -> Message:
    """What to tell someone who typed a zone that does not exist, with what they probably meant."""
    suggestion = suggested_zone(text)
    if suggestion:
        return _("“%(text)s” is not a known IANA time zone. Did you mean %(suggestion)s?", text=text,
                 suggestion=suggestion)
    return _("“%(text)s” is not a known IANA time zone, such as %(example)s.", text=text, example=example)


def zone_city(zone_name: str) -> str:
    """The place a zone is named after, as people write it: America/Argentina/Buenos_Aires → Buenos Aires."""
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")


@dataclass(frozen=True)
class ReaderZone:
    """The zone a reader sees times in, next to the meeting's own.

    ``source`` says where it came from: ``address`` (the ``tz`` parameter), ``remembered``
    (the reader's earlier choice) or ``meeting``. ``rejected`` holds a name from the address
    that is no zone; the reader then gets the meeting's zone and a message.
    """

    name: str
    meeting: str
    source: str
    rejected: str | None = None

    @property
    def differs(self) -> bool:
        return self.name != self.meeting

    @property
    def problem(self) -> Message | None:
        return UnknownTimeZone(self.rejected).message if self.rejected is not None else None


def choose_reader_zone(meeting_zone: str, *, requested: str | None = None, remembered: str | None = None) -> ReaderZone:
    """The address wins over the remembered choice, which wins over the meeting's zone.

    An empty ``requested`` counts as absent (a picker submitted blank). A remembered name
    that is no longer a zone (tzdata drops one now and then) is quietly ignored: the
    reader did not type it.
    """
    if requested:
        if is_known_zone(requested):
            return ReaderZone(requested, meeting_zone, "address")
        return ReaderZone(meeting_zone, meeting_zone, "meeting", rejected=requested)
    if remembered and is_known_zone(remembered):
        return ReaderZone(remembered, meeting_zone, "remembered")
    return ReaderZone(meeting_zone, meeting_zone, "meeting")


def to_instant(local: datetime, zone_name: str, *, first_if_repeated: bool = False) -> datetime:
    """The UTC instant at which a wall clock in ``zone_name`` shows ``local``.

    A time the clocks skip is refused. A time the clocks show twice (the night the clocks go back) is
    refused too, asking for its offset, unless ``first_if_repeated``: then it is the first, summer-time,
    occurrence (for times no one typed, such as a session kept at its wall clock in a new zone).
    """
    tz = zone(zone_name)
    aware = local.replace(tzinfo=tz, fold=0)
    instant = aware.astimezone(timezone.utc)
    if instant.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None, fold=0):
        raise NonexistentLocalTime(
            f"{local:%Y-%m-%d %H:%M} does not exist in {zone_name}: the clocks skip it for daylight saving."
        )
    later = local.replace(tzinfo=tz, fold=1)
    if not first_if_repeated and later.utcoffset() != aware.utcoffset():
        wall = f"{local:%Y-%m-%dT%H:%M}"
        raise RepeatedLocalTime(
            f"{local:%Y-%m-%d %H:%M} happens twice in {zone_name}: the clocks go back that night. Give it with "
            f"its offset, {wall}{_offset(aware)} for the first time or {wall}{_offset(later)} for the second."
        )
    return instant


def _offset(moment: datetime) -> str:
    minutes = int(moment.utcoffset().total_seconds() // 60)
    hours, minutes = divmod(abs(minutes), 60)
    return f"{'+' if moment.utcoffset() >= timedelta() else '-'}{hours:02d}:{minutes:02d}"


def shifted_by_days(instant: datetime | None, days: int, zone_name: str) -> datetime | None:
    """``instant`` moved ``days`` later on the calendar at the same wall-clock time in ``zone_name``, whatever
    daylight saving does in between; a time the clocks skip on the new day is moved by whole days alone. No
    instant (an item without an end) stays none."""
    if instant is None:
        return None
    local = to_local(instant, zone_name).replace(tzinfo=None) + timedelta(days=days)
    try:
        return to_instant(local, zone_name, first_if_repeated=True)
    except NonexistentLocalTime:
        return instant + timedelta(days=days)


def days_moved(old_first_day: date, asked_first_day: date, *, same_weekdays: bool) -> int:
    """How many days a copy of a meeting moves it, to start on ``asked_first_day``: with ``same_weekdays``, on the
    first day from then on that falls on the old first day's weekday (Monday stays Monday)."""
    days = (asked_first_day - old_first_day).days
    return days + (-days) % 7 if same_weekdays else days


def to_local(instant: datetime, zone_name: str) -> datetime:
    return instant.astimezone(zone(zone_name))


def local_day(instant: datetime, zone_name: str) -> date:
    return to_local(instant, zone_name).date()


def days_later(starts_at: datetime, ends_at: datetime, zone_name: str) -> int:
    """On how many days after its start's a span ends, on the clocks of ``zone_name``: 21:30–00:30 ends one
    day later. An end at midnight closes the start's day (a session until 24:00) and counts as that day."""
    start = to_local(starts_at, zone_name)
    end = to_local(ends_at - timedelta(microseconds=1), zone_name)
    return max((end.date() - start.date()).days, 0)


def next_day_mark(starts_at: datetime, ends_at: datetime | None, zone_name: str) -> str:
    """" (+1 day)" after the end of a span that ends on a later day than it starts; nothing otherwise."""
    days = 0 if ends_at is None else days_later(starts_at, ends_at, zone_name)
    return "" if not days else f" (+{days} day{'s' if days > 1 else ''})"


def days_elsewhere(first_day: date, last_day: date, zone_name: str, other_zone: str) -> tuple[date, date]:
    """The dates in ``other_zone`` over which the days ``first_day``–``last_day`` of ``zone_name`` run."""
    start, _ = day_span(first_day, zone_name)
    _, end = day_span(last_day, zone_name)
    return local_day(start, other_zone), local_day(end - timedelta(microseconds=1), other_zone)


def day_span(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The instants at which ``day`` begins and ends in ``zone_name`` (23 or 25 hours on switch days)."""
    tz = zone(zone_name)
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(timezone.utc)
    return start, end


def zone_description(zone_name: str, first_day: date, last_day: date) -> str:
    """The zone's abbreviation and offset over a span of days, both when daylight saving changes in it.

    >>> zone_description("Europe/Zurich", date(2021, 10, 29), date(2021, 11, 2))
    'CEST, UTC+02:00, then CET, UTC+01:00'
    """
    return ", then ".join(zone_labels(zone_name, first_day, last_day))


def zone_labels(zone_name: str, first_day: date, last_day: date, locale: str | None = None) -> list[str]:
    """The zone's name and offset on each stretch of the span with the same: its abbreviation ("CEST, UTC+02:00"),
    or CLDR's name of it in ``locale`` ("heure d’été d’Europe centrale, UTC+02:00")."""
    tz = zone(zone_name)
    labels: list[str] = []
    day = first_day
    while day <= last_day:
        local = datetime.combine(day, time(12), tzinfo=tz)
        name = local.tzname() if locale is None else get_timezone_name(local, "long", locale=locale)
        label = f"{name}, {format_offset(local.utcoffset())}"
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1)
    return labels


def format_offset(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


# Hours at which a person can reasonably be asked to sit in a meeting at home.
WAKING_HOURS = (time(7), time(22))


def within_hours(starts_at: datetime, ends_at: datetime, zone_name: str) -> bool:
    """Whether the span, read on the clocks of ``zone_name``, lies inside the waking hours of a single day."""
    start, end = to_local(starts_at, zone_name), to_local(ends_at, zone_name)
    earliest, latest = WAKING_HOURS
    return start.date() == end.date() and earliest <= start.time() and end.time() <= latest


def clock_span(local_spans: Iterable[tuple[datetime, datetime]]) -> tuple[time, time] | None:
    """From the earliest start to the latest end of wall-clock spans, read as one night.

    Times are ordered round the clock from the middle of the waking hours, so that 23:00
    comes before 02:00 and a set of night-time spans reads "between 23:00 and 02:00"
    rather than "between 02:00 and 23:00".
    """
    earliest, latest = (_minutes(moment) for moment in WAKING_HOURS)
    pivot = (earliest + latest) // 2
    day = 24 * 60
    keyed = []
    for start, end in local_spans:
        key = (_minutes(start.time()) - pivot) % day
        # The distance between the two wall clocks, not the time elapsed: on the night the
        # clocks go back, 01:00–04:00 lasts four hours but still ends at 04:00.
        on_the_wall = end.replace(tzinfo=None) - start.replace(tzinfo=None)
        keyed.append((key, key + int(on_the_wall.total_seconds() // 60)))
    if not keyed:
        return None
    first = min(start for start, _ in keyed)
    last = max(end for _, end in keyed)
    return _clock((first + pivot) % day), _clock((last + pivot) % day)


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)
