"""Laying out one day of a meeting as a grid: rooms across, time down, blocks placed in minutes."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from planner.domain.agenda import AgendaItem, nest
from planner.domain.intervals import last_moment
from planner.domain.timezones import day_span

SNAP_MINUTES = 5
EARLIEST_SHOWN = 7 * 60
LATEST_SHOWN = 19 * 60


@dataclass
class Block:
    session: object
    top: int  # minutes below the top of its container
    height: int  # minutes
    children: list[Block] = field(default_factory=list)


@dataclass
class Column:
    room_id: int | None
    blocks: list[Block]


@dataclass
class Layout:
    day: date
    first_minute: int
    last_minute: int
    columns: list[Column]

    @property
    def hours(self) -> list[int]:
        return list(range(self.first_minute // 60, (self.last_minute + 59) // 60))


def minutes_into_day(instant: datetime, day: date, zone_name: str) -> int:
    """Minutes since local midnight, counted in real elapsed time (so a 23-hour day ends at 1380)."""
    midnight, _ = day_span(day, zone_name)
    return int((instant - midnight).total_seconds() // 60)


def lay_out_day(day: date, zone_name: str, sessions: Sequence, room_ids: Sequence[int | None]) -> Layout:
    """Place the day's sessions; a session without a room gets the ``None`` column when asked for."""
    roots = nest(sessions)
    minutes = [(minutes_into_day(s.starts_at, day, zone_name),
                minutes_into_day(last_moment(s.starts_at, s.ends_at), day, zone_name)) for s in sessions]
    first = min([EARLIEST_SHOWN, *(start for start, _ in minutes)])
    last = max([LATEST_SHOWN, *(end for _, end in minutes)])
    first, last = max(0, first // 60 * 60), (last + 59) // 60 * 60
    columns = {room_id: Column(room_id, []) for room_id in room_ids}
    for item in roots:
        column = columns.get(item.session.room_id) or columns.setdefault(None, Column(None, []))
        column.blocks.append(_block(item, day, zone_name, first))
    return Layout(day, first, last, list(columns.values()))


def _block(item: AgendaItem, day: date, zone_name: str, origin: int) -> Block:
    start = minutes_into_day(item.session.starts_at, day, zone_name)
    # An item without an end is drawn as short as a block can be.
    end = minutes_into_day(last_moment(item.session.starts_at, item.session.ends_at), day, zone_name)
    return Block(item.session, start - origin, max(end - start, SNAP_MINUTES),
                 [_block(child, day, zone_name, start) for child in item.children])
