"""The printed programme: which days go on paper, the rows each day prints, and the options.

It prints any selection of sessions (a whole meeting, one day, later one participant's
sessions) in the shape of the agenda: the days and nesting of ``domain.agenda``,
flattened into rows because paper is a table.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from planner.domain.agenda import AgendaItem, Scheduled, agenda_days
from planner.domain.calendars.readers import session_link
from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import N_, AttendanceMode, Choice, SessionKind


class Paper(Choice):
    """Sheet sizes; the value is also the CSS ``@page`` size keyword."""

    A4 = "a4", N_("A4")
    LETTER = "letter", N_("US Letter")


class Edition(Choice):
    PUBLIC = "public", N_("Public, without online links")
    INTERNAL = "internal", N_("Internal, with online links")


@dataclass(frozen=True)
class ProgrammeOptions:
    paper: Paper = Paper.A4
    descriptions: bool = True
    edition: Edition = Edition.PUBLIC


@dataclass(frozen=True)
class AttendanceKey:
    """How a printed row says how one attends: a mark that survives black-and-white print, and words (marked for
    the catalogues: the page shows them in the reader's language)."""

    mode: AttendanceMode
    mark: str
    word: str
    meaning: str


ATTENDANCE_KEYS = {
    key.mode: key
    for key in (
        AttendanceKey(AttendanceMode.IN_PERSON, "●", N_("In the room"), N_("in the room only")),
        AttendanceKey(AttendanceMode.HYBRID, "◐", N_("Hybrid"), N_("in the room and online")),
        AttendanceKey(AttendanceMode.ONLINE, "○", N_("Online"), N_("online only")),
    )
}


class Printable(Scheduled, Protocol):
    kind: SessionKind
    attendance_mode: AttendanceMode
    online_link: str
    online_link_public: bool


@dataclass(frozen=True)
class ProgrammeRow:
    session: Printable
    depth: int
    opens_block: bool

    @property
    def attendance(self) -> AttendanceKey:
        return ATTENDANCE_KEYS[self.session.attendance_mode]


@dataclass(frozen=True)
class ProgrammeDay:
    day: date
    rows: list[ProgrammeRow]


def programme_options(args: Mapping[str, str], *, default_paper: Paper = Paper.A4) -> ProgrammeOptions:
    """The options of a query string (``paper``, ``descriptions``, ``edition``); absent ones take defaults.

    ``default_paper`` is where a meeting's own preferred paper will come in.
    """
    return ProgrammeOptions(
        paper=_choice(args, "paper", Paper, default_paper),
        descriptions=_flag(args, "descriptions", default=True),
        edition=_choice(args, "edition", Edition, Edition.PUBLIC),
    )


def programme_days(
    sessions: Iterable[Printable], zone_name: str, days: Sequence[date], *, keep_empty_days: bool
) -> list[ProgrammeDay]:
    """The days to print, each with its rows: blocks followed by the items inside them, one level deeper.

    A whole programme leaves out days without sessions (nobody prints a blank
    Saturday); a day asked for by name is printed even when empty, to say so.
    """
    return [
        ProgrammeDay(agenda_day.day, _rows(agenda_day.items, depth=0))
        for agenda_day in agenda_days(sessions, zone_name, days)
        if keep_empty_days or not agenda_day.is_empty
    ]


def attendance_legend(days: Iterable[ProgrammeDay]) -> list[AttendanceKey]:
    """The ways of attending that the printed rows use, in a fixed order; breaks print none."""
    used = {row.session.attendance_mode for day in days for row in day.rows if not row.session.kind.is_pause}
    return [key for mode, key in ATTENDANCE_KEYS.items() if mode in used]


def online_link(session: Printable, edition: Edition, *, private_links: bool, meeting_link: str = "") -> str:
    """The join link the programme prints for ``session`` (its own, else the meeting's ``meeting_link``), or "".

    The public edition prints none. The internal edition prints the links the
    organiser made public, and the private ones only for a reader entitled to them.
    """
    link = session_link(session.online_link, attendance_mode=session.attendance_mode, meeting_link=meeting_link)
    if edition is Edition.PUBLIC or not link:
        return ""
    return link if session.online_link_public or private_links else ""


def _rows(items: list[AgendaItem], depth: int) -> list[ProgrammeRow]:
    rows: list[ProgrammeRow] = []
    for item in items:
        rows.append(ProgrammeRow(item.session, depth, opens_block=bool(item.children)))
        rows.extend(_rows(item.children, depth + 1))
    return rows


def _choice(args: Mapping[str, str], name: str, choices: type[Choice], default: Choice):
    given = args.get(name, "").strip().lower()
    if not given:
        return default
    try:
        return choices(given)
    except ValueError:
        allowed = " or ".join(f"“{choice.value}”" for choice in choices)
        raise InvalidInput(name, f"{name.capitalize()} must be {allowed}, not “{args[name]}”.") from None


def _flag(args: Mapping[str, str], name: str, *, default: bool) -> bool:
    given = args.get(name, "").strip()
    if not given:
        return default
    if given not in ("0", "1"):
        raise InvalidInput(name, f"{name.capitalize()} must be 1 (with) or 0 (without), not “{given}”.")
    return given == "1"
