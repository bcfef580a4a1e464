"""Spans of time: whether two overlap, and which of a meeting's days a span touches."""
from collections.abc import Iterable
from datetime import date, datetime

from planner.domain.timezones import day_span


def overlaps(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    """Whether two half-open spans [start, end) share some time; touching ends do not count.

    Someone who left at 10:00 did not attend the session that began at 10:00.
    """
    return start < other_end and other_start < end


def days_touched(start: datetime, end: datetime, days: Iterable[date], zone_name: str) -> set[date]:
    """The ``days`` (in ``zone_name``) during which some of [start, end) falls."""
    return {day for day in days if overlaps(start, end, *day_span(day, zone_name))}
