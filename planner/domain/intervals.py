"""Spans of time: whether two overlap, and which of a meeting's days a span touches; items without an end."""
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from planner.domain.timezones import day_span


def overlaps(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    """Whether two half-open spans [start, end) share some time; touching ends do not count.

    Someone who left at 10:00 did not attend the session that began at 10:00.
    """
    return start < other_end and other_start < end


def days_touched(start: datetime, end: datetime | None, days: Iterable[date], zone_name: str) -> set[date]:
    """The ``days`` (in ``zone_name``) during which some of [start, end) falls (or the moment ``start``)."""
    return {day for day in days if share_time(start, end, *day_span(day, zone_name))}


# An agenda item may have no end ("12:30 Close", "18:30 Reception"): it is a point in time, held by a span
# that contains that moment, at the same time as another point at the same moment.

def last_moment(starts_at: datetime, ends_at: datetime | None) -> datetime:
    """Where an item's time ends: its end, or for an item without one, its start."""
    return starts_at if ends_at is None else ends_at


def share_time(start: datetime, end: datetime | None, other_start: datetime, other_end: datetime | None) -> bool:
    """Whether two items happen at once: spans as in ``overlaps``, a point inside a span from its start up to
    (not at) its end, two points when they are the same moment."""
    if end is None and other_end is None:
        return start == other_start
    if end is None:
        return other_start <= start < other_end
    if other_end is None:
        return start <= other_start < end
    return overlaps(start, end, other_start, other_end)


def lies_within(start: datetime, end: datetime | None, outer_start: datetime, outer_end: datetime | None) -> bool:
    """Whether an item fits inside a block: a block without an end holds only what starts and stops with it."""
    if outer_end is None:
        return end is None and start == outer_start
    return outer_start <= start and last_moment(start, end) <= outer_end


def shifted(instant: datetime | None, by: timedelta) -> datetime | None:
    """An end moved with its start; no end stays none."""
    return None if instant is None else instant + by
