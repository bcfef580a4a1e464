"""Reading a participants' CSV file: every row checked before anything is imported.

Columns (header names, any order, case-insensitive):

- ``name`` (required): as the person writes it, e.g. "Chang Wook-jin"
- ``role`` (required): delegate, expert, observer, staff or press
- ``honorific``, ``position``, ``email``, ``home_timezone`` (an IANA zone such as Europe/Zurich)
- ``language``: the one Planner writes to them in (en, fr, es, ru, zh-Hans, ar or ko); empty: the meeting's
- ``institution``: the name or acronym of one of the meeting's institutions, or a new name
- ``institution_kind``: government, international, regional, civil_society, think_tank, private or academia
  (for a new institution)
- one column per meeting day, headed ``YYYY-MM-DD``: ``room`` (or ``in_room``, ``in room``),
  ``online``, or ``absent`` (or empty)
"""
import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from planner.domain.languages import interface_language, unknown_language_message
from planner.domain.spreadsheets import CsvProblems, utf8_text
from planner.domain.timezones import is_known_zone, unknown_zone_message
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole
from planner.domain.wording import _, ngettext

MAX_BYTES = 2_000_000
# What one import writes in a few seconds, well inside a worker's timeout; a larger list goes in several files.
MAX_ROWS = 5_000
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DAY_MODES = {
    "room": DayMode.IN_ROOM, "in_room": DayMode.IN_ROOM, "in room": DayMode.IN_ROOM, "in the room": DayMode.IN_ROOM,
    "online": DayMode.ONLINE, "absent": DayMode.ABSENT, "": DayMode.ABSENT, "no": DayMode.ABSENT,
}
KNOWN_COLUMNS = {"name", "role", "honorific", "position", "email", "home_timezone", "language", "institution",
                 "institution_kind"}


@dataclass(frozen=True)
class ParticipantRow:
    line: int
    name: str
    role: ParticipantRole
    honorific: str
    position: str
    email: str
    home_timezone: str
    institution: str
    institution_kind: InstitutionKind | None
    days: dict[date, DayMode]
    language: str | None = None


def read_participants(data: bytes, meeting_days: list[date]) -> list[ParticipantRow]:
    """The rows of ``data`` (read up to just past MAX_BYTES: more is refused), or every problem found."""
    if len(data) > MAX_BYTES:
        raise CsvProblems([(0, "file", ngettext(
            "The file is larger than %(size)d MB; import at most %(num)d participant a file.",
            "The file is larger than %(size)d MB; import at most %(num)d participants a file.", MAX_ROWS,
            size=MAX_BYTES // 1_000_000))])
    reader = csv.reader(io.StringIO(utf8_text(data), newline=""))
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except (StopIteration, csv.Error):
        raise CsvProblems([(1, "file", _("The file is empty; the first line must name the columns."))]) from None
    problems: list[tuple[int, str, str]] = []
    day_columns = _day_columns(header, meeting_days, problems)
    for required in ("name", "role"):
        if required not in header:
            problems.append((1, required, _("The header has no “%(column)s” column.", column=required)))
    if problems:
        raise CsvProblems(problems)
    rows: list[ParticipantRow] = []
    seen_emails: dict[str, int] = {}
    participants = 0
    try:
        for line, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            participants += 1
            if participants > MAX_ROWS:
                raise CsvProblems([(line, "file", ngettext(
                    "The file has more than %(num)d participant; import at most %(num)d a file.",
                    "The file has more than %(num)d participants; import at most %(num)d a file.", MAX_ROWS))])
            if any("\x00" in cell for cell in cells):
                problems.append((line, "row", _("This row holds a NUL character; save the file as CSV text.")))
                continue
            if len(cells) > len(header):
                problems.append((line, "row", _("This row has more cells than the header has columns.")))
                continue
            values = dict(zip(header, (cell.strip() for cell in cells)))
            row = _row(line, values, day_columns, problems)
            if row is not None and row.email:
                if row.email.lower() in seen_emails:
                    problems.append((line, "email", _("%(email)s is also on row %(row)d.", email=row.email,
                                                      row=seen_emails[row.email.lower()])))
                seen_emails.setdefault(row.email.lower(), line)
            if row is not None:
                rows.append(row)
    except csv.Error as error:
        problems.append((reader.line_num, "row", _("The CSV cannot be read here: %(error)s.", error=str(error))))
    if problems:
        raise CsvProblems(problems)
    if not rows:
        raise CsvProblems([(2, "file", _("The file has no participants."))])
    return rows


def _day_columns(header: list[str], meeting_days: list[date], problems) -> dict[str, date]:
    columns = {}
    for name in header:
        if name in KNOWN_COLUMNS:
            continue
        try:
            day = date.fromisoformat(name) if len(name) == 10 else None
        except ValueError:
            day = None
        if day is None:
            problems.append((1, name or "(empty)", _("Unknown column; see the list of columns.")))
        elif day not in meeting_days:
            problems.append((1, name, _("This day is not a day of the meeting.")))
        else:
            columns[name] = day
    return columns


def _row(line: int, values: dict[str, str], day_columns: dict[str, date], problems) -> ParticipantRow | None:
    before = len(problems)
    name = values.get("name", "")
    if not name:
        problems.append((line, "name", _("A name is required.")))
    elif len(name) > 200:
        problems.append((line, "name", _at_most(200)))
    try:
        role = ParticipantRole(values.get("role", "").lower())
    except ValueError:
        role = None
        problems.append((line, "role", _("Give delegate, expert, observer, staff or press.")))
    email = values.get("email", "")
    if email and (not EMAIL.match(email) or len(email) > 254):
        problems.append((line, "email", _("“%(email)s” is not an email address.", email=email)))
    zone = values.get("home_timezone", "")
    if zone and not is_known_zone(zone):
        problems.append((line, "home_timezone", unknown_zone_message(zone)))
    language = interface_language(values.get("language", ""))
    if values.get("language") and language is None:
        problems.append((line, "language", unknown_language_message(values["language"])))
    kind_text = values.get("institution_kind", "").lower()
    kind = None
    if kind_text:
        try:
            kind = InstitutionKind(kind_text)
        except ValueError:
            problems.append((line, "institution_kind", _("Give one of: %(values)s.", values=", ".join(InstitutionKind))))
    for column, text in (("honorific", 20), ("position", 300), ("institution", 300)):
        if len(values.get(column, "")) > text:
            problems.append((line, column, _at_most(text)))
    days = {}
    for column, day in day_columns.items():
        mode = DAY_MODES.get(values.get(column, "").lower())
        if mode is None:
            problems.append((line, column, _("Give room, online or absent.")))
        else:
            days[day] = mode
    if len(problems) > before:
        return None
    return ParticipantRow(
        line=line, name=name, role=role, honorific=values.get("honorific", ""),
        position=values.get("position", ""), email=email, home_timezone=zone,
        institution=values.get("institution", ""), institution_kind=kind, days=days, language=language,
    )


def _at_most(length: int):
    return ngettext("At most %(num)d character.", "At most %(num)d characters.", length)
