"""VTIMEZONE definitions written from the zoneinfo data, in the form every common client reads correctly.

icalendar's own generated zones list all of a zone's summer-time changes on one RDATE line,
and ical.js (Thunderbird) reads only the first date of such a line: an hour off for every
later year. So each kind of change is written the way Outlook and Google write it, as a
yearly rule (``RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU``), and a change that follows no
yearly rule as an observance of its own. Only the years a calendar needs are described.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from planner.domain.timezones import zone

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Offset:
    """What a zone's clocks say at some instant: the offset from UTC, its abbreviation, summer time or not."""

    utcoffset: timedelta
    name: str
    dst: bool


@dataclass(frozen=True)
class Transition:
    at: datetime  # the UTC instant the clocks change
    before: Offset
    after: Offset

    @property
    def local_onset(self) -> datetime:
        """The wall-clock time of the change, read on the clocks before it, as RFC 5545 writes DTSTART."""
        return (self.at + self.before.utcoffset).replace(tzinfo=None)

    @property
    def kind(self) -> tuple[Offset, Offset]:
        return self.before, self.after


@dataclass(frozen=True)
class YearlyRule:
    month: int
    weekday: str  # "-1SU": the last Sunday; "2SU": the second Sunday
    onset: time

    def onset_in(self, year: int) -> datetime | None:
        """The rule's wall-clock time in ``year``; none when that month has no such day (a fifth Sunday)."""
        ordinal, day_name = int(self.weekday[:-2]), self.weekday[-2:]
        days = [day for day in range(1, calendar.monthrange(year, self.month)[1] + 1)
                if WEEKDAYS[date(year, self.month, day).weekday()] == day_name]
        if ordinal > len(days):
            return None
        return datetime.combine(date(year, self.month, days[ordinal - 1 if ordinal > 0 else ordinal]), self.onset)


@dataclass(frozen=True)
class Observance:
    """One STANDARD or DAYLIGHT part: from ``first`` on, repeating by ``rule`` (until ``until``, if given)."""

    first: Transition
    rule: YearlyRule | None = None
    until: datetime | None = None


def offset_at(zone_name: str, instant: datetime) -> Offset:
    local = instant.astimezone(zone(zone_name))
    return Offset(local.utcoffset(), local.tzname() or "", bool(local.dst()))


def transitions(zone_name: str, start: datetime, end: datetime) -> list[Transition]:
    """Every change of a zone's clocks between two instants, found to the second.

    zoneinfo has no public list of transitions, so the span is read day by day and each
    change is narrowed down by bisection (no zone changes its clocks twice in a day).
    """
    found = []
    step = timedelta(days=1)
    earlier, earlier_offset = start, offset_at(zone_name, start)
    while earlier < end:
        later = min(earlier + step, end)
        later_offset = offset_at(zone_name, later)
        if later_offset != earlier_offset:
            found.append(_narrow_down(zone_name, earlier, later, earlier_offset, later_offset))
        earlier, earlier_offset = later, later_offset
    return found


def _narrow_down(zone_name: str, low: datetime, high: datetime, before: Offset, after: Offset) -> Transition:
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) // 2
        if offset_at(zone_name, middle) == before:
            low = middle
        else:
            high = middle
    return Transition(high, before, after)


def observances(zone_name: str, first_year: int, last_year: int) -> list[Observance]:
    """The observances that define a zone from the year before ``first_year`` to the end of ``last_year``.

    Starting a year early gives every instant of the span an observance that began before it.
    A zone without changes in that time (Asia/Seoul) gets one observance with the offset in force.
    """
    start = datetime(first_year - 1, 1, 1, tzinfo=timezone.utc)
    end = datetime(last_year + 1, 1, 1, tzinfo=timezone.utc)
    changes = transitions(zone_name, start, end)
    result = []
    if not changes or changes[0].at.year >= first_year:
        in_force = offset_at(zone_name, start)
        result.append(Observance(Transition(start - in_force.utcoffset, in_force, in_force)))
    by_kind: dict[tuple[Offset, Offset], list[Transition]] = {}
    for change in changes:
        by_kind.setdefault(change.kind, []).append(change)
    for same_kind in by_kind.values():
        result.extend(_yearly_runs(zone_name, same_kind))
    return sorted(result, key=lambda observance: observance.first.at)


def _yearly_runs(zone_name: str, same_kind: list[Transition]) -> list[Observance]:
    """Consecutive years in which a change falls by the same rule, each run as one observance."""
    runs: list[tuple[list[Transition], set[YearlyRule]]] = []
    for change in same_kind:
        rules = _rules_matching(change.local_onset)
        if runs:
            run, run_rules = runs[-1]
            if change.local_onset.year == run[-1].local_onset.year + 1 and run_rules & rules:
                run.append(change)
                run_rules &= rules
                continue
        runs.append(([change], rules))
    return [_observance(zone_name, run, rules, last=index == len(runs) - 1) for index, (run, rules) in enumerate(runs)]


def _rules_matching(onset: datetime) -> set[YearlyRule]:
    weekday = WEEKDAYS[onset.weekday()]
    rules = {YearlyRule(onset.month, f"{(onset.day - 1) // 7 + 1}{weekday}", onset.time())}
    if onset.day + 7 > calendar.monthrange(onset.year, onset.month)[1]:
        rules.add(YearlyRule(onset.month, f"-1{weekday}", onset.time()))
    return rules


def _observance(zone_name: str, run: list[Transition], rules: set[YearlyRule], *, last: bool) -> Observance:
    """The last run of a kind of change is left open when the zone keeps following its rule the next
    year, as Outlook writes a zone's current rule; any other run ends at its last change, and a
    one-off change has no rule at all."""
    final = run[-1]
    preferred = sorted(rules, key=lambda rule: (not rule.weekday.startswith("-"), rule.weekday))
    for rule in preferred if last else ():
        if _continues(zone_name, final, rule):
            return Observance(run[0], rule)
    if len(run) == 1:
        return Observance(run[0])
    # UNTIL is a UTC instant (RFC 5545), but vobject (dateutil) compares it with wall-clock times, so
    # east of Greenwich it would drop the last change. A day later keeps that change in for both
    # readings and lets no other in: the rule's next date is a year away.
    return Observance(run[0], preferred[0], until=final.at + timedelta(days=1))


def _continues(zone_name: str, last: Transition, rule: YearlyRule) -> bool:
    onset = rule.onset_in(last.local_onset.year + 1)
    if onset is None:
        return False
    instant = onset.replace(tzinfo=timezone.utc) - last.before.utcoffset
    return (offset_at(zone_name, instant - timedelta(seconds=1)) == last.before
            and offset_at(zone_name, instant) == last.after)


@lru_cache(maxsize=64)
def _cached_observances(zone_name: str, first_year: int, last_year: int) -> tuple[Observance, ...]:
    return tuple(observances(zone_name, first_year, last_year))


def vtimezone(zone_name: str, first_day: date, last_day: date) -> Timezone:
    """The VTIMEZONE for ``zone_name`` covering the years from ``first_day`` to ``last_day``."""
    component = Timezone()
    component.add("tzid", zone_name)
    for observance in _cached_observances(zone_name, first_day.year, last_day.year):
        change = observance.first
        part = TimezoneDaylight() if change.after.dst else TimezoneStandard()
        part.add("dtstart", change.local_onset)
        if observance.rule is not None:
            recurrence = {"freq": "yearly", "bymonth": observance.rule.month, "byday": observance.rule.weekday}
            if observance.until is not None:
                recurrence["until"] = observance.until
            part.add("rrule", recurrence)
        part.add("tzoffsetfrom", change.before.utcoffset)
        part.add("tzoffsetto", change.after.utcoffset)
        if change.after.name:
            part.add("tzname", change.after.name)
        component.add_component(part)
    return component
