"""Reading an online platform's attendance report (Zoom, Teams, Webex…): a CSV of who joined and left when.

The whole file is read and checked before anything is kept: it is either all
readable, and becomes a list of rows, or it is refused with every problem found,
each naming its line and column. The rules are documented in docs/ATTENDANCE.md.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from planner.domain.names import email_key, fold
from planner.domain.timezones import NonexistentLocalTime, to_instant, to_local

MAX_REPORT_BYTES = 2 * 1024 * 1024
MAX_NAME_LENGTH = 200
MAX_EMAIL_LENGTH = 254
DELIMITERS = (",", ";", "\t")
# How far into the file the header row may be (platforms put a meeting summary above it).
HEADER_SEARCH_ROWS = 50

# Column headers, compared without case, spaces and underscores; the first listed is what we document.
NAME_HEADERS = ("name", "name (original name)", "full name", "participant", "participant name", "display name",
                "user name", "username", "attendee", "attendee name")
EMAIL_HEADERS = ("email", "user email", "e-mail", "email address", "e-mail address", "attendee email",
                 "participant email")
JOIN_HEADERS = ("join time", "joined", "join", "joined at", "first join", "first join time", "time joined")
LEAVE_HEADERS = ("leave time", "left", "leave", "left at", "last leave", "last leave time", "time left")

FIELD_NAME, FIELD_EMAIL, FIELD_JOIN, FIELD_LEAVE = "name", "email", "join time", "leave time"
TIME_EXAMPLES = "2021-10-18 09:30, 2021-10-18T09:30:00+09:00 or 10/18/2021 09:30:00 AM"

_SLASHED = re.compile(
    r"^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(m\.?)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReportRow:
    line: int
    name: str
    email: str
    joined_at: datetime
    left_at: datetime

    @property
    def fingerprint(self) -> str:
        """The same attendance, however often it is imported: what duplicates are recognised by."""
        parts = (email_key(self.email), fold(self.name), self.joined_at.astimezone(timezone.utc).isoformat(),
                 self.left_at.astimezone(timezone.utc).isoformat())
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Problem:
    line: int | None  # None: the file as a whole
    field: str
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        where = f"Line {self.line}" if self.field == "file" else f"Line {self.line}, {self.field}"
        return f"{where}: {self.message}"


class UnreadableReport(ValueError):
    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_platform_report(data: bytes, zone_name: str) -> list[ReportRow]:
    """The rows of a report, times as UTC instants; times without an offset are read in ``zone_name``.

    Raises ``UnreadableReport`` listing every problem when any row cannot be read.
    """
    text = _decoded(data)
    header_index, delimiter, columns = _find_header(text)
    raw_rows = list(_data_rows(_records(text, delimiter), header_index, columns))
    if not raw_rows:
        raise UnreadableReport([Problem(None, "file", "There is a header row but no attendance rows under it.")])
    day_first = _writes_day_first(value for row in raw_rows for value in (row.join, row.leave))
    rows, problems = [], []
    for raw in raw_rows:
        row = _checked(raw, zone_name, day_first, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise UnreadableReport(problems)
    return rows


def _decoded(data: bytes) -> str:
    if not data.strip():
        raise UnreadableReport([Problem(None, "file", "The file is empty.")])
    if len(data) > MAX_REPORT_BYTES:
        raise UnreadableReport([Problem(None, "file", f"The file is larger than {MAX_REPORT_BYTES // 1024 // 1024} MB; "
                                                      "split it into smaller files.")])
    if data.startswith(b"PK\x03\x04"):
        raise UnreadableReport([Problem(None, "file", "This is a spreadsheet (.xlsx) or another zipped file, not CSV. "
                                                      "Save it as “CSV UTF-8” and import that.")])
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")  # Microsoft Teams writes its reports in UTF-16.
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise UnreadableReport([Problem(line, "file", "This line is not UTF-8 text. Save the file as “CSV UTF-8” "
                                                      "and import it again.")]) from None
    if not text.strip():
        raise UnreadableReport([Problem(None, "file", "The file is empty.")])
    if "\x00" in text:
        raise UnreadableReport([Problem(None, "file", "This is not a text file. Save the report as CSV and import "
                                                      "that.")])
    return text


def _header_name(cell: str) -> str:
    return " ".join(cell.replace("\ufeff", "").replace("_", " ").strip().strip('"').casefold().split())


def _columns(cells: Sequence[str]) -> dict[str, int] | None:
    """Which column holds which field, if these cells are a header row we understand."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = _header_name(cell)
        for field, accepted in ((FIELD_NAME, NAME_HEADERS), (FIELD_EMAIL, EMAIL_HEADERS),
                                (FIELD_JOIN, JOIN_HEADERS), (FIELD_LEAVE, LEAVE_HEADERS)):
            if name in accepted and field not in found:
                found[field] = index
    if FIELD_JOIN in found and FIELD_LEAVE in found and (FIELD_NAME in found or FIELD_EMAIL in found):
        return found
    return None


def _find_header(text: str) -> tuple[int, str, dict[str, int]]:
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for index, cells in enumerate(reader):
                if index >= HEADER_SEARCH_ROWS:
                    break
                columns = _columns(cells)
                if columns is not None:
                    return index, delimiter, columns
        except csv.Error:
            continue
    first_line = text.strip().splitlines()[0][:120]
    raise UnreadableReport([Problem(None, "file", (
        "No header row found. The file needs columns for the name or the email, the join time and the leave time, "
        f"with a header such as “Name,Email,Join time,Leave time”. Its first line reads “{first_line}”."
    ))])


@dataclass(frozen=True)
class _RawRow:
    line: int
    name: str
    email: str
    join: str
    leave: str


def _records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on (a quoted value may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, previous_end = [], 0
    try:
        for cells in reader:
            records.append((previous_end + 1, cells))
            previous_end = reader.line_num
    except csv.Error as error:
        raise UnreadableReport([Problem(previous_end + 1, "file", f"This line cannot be read as CSV ({error}).")]) \
            from None
    return records


def _data_rows(records: list[tuple[int, list[str]]], header_index: int, columns: dict[str, int]):
    for line, cells in records[header_index + 1:]:
        if not any(cell.strip() for cell in cells):
            continue
        if (repeated := _columns(cells)) is not None:  # a second table with its own header
            columns = repeated
            continue

        def cell(field: str) -> str:
            position = columns.get(field)
            return cells[position].strip() if position is not None and position < len(cells) else ""

        yield _RawRow(line, cell(FIELD_NAME), cell(FIELD_EMAIL), cell(FIELD_JOIN), cell(FIELD_LEAVE))


def _checked(raw: _RawRow, zone_name: str, day_first: bool, problems: list[Problem]) -> ReportRow | None:
    found = len(problems)
    if not raw.name and not raw.email:
        problems.append(Problem(raw.line, FIELD_NAME, "Neither a name nor an email: one of them is needed to know "
                                                      "who attended."))
    if len(raw.name) > MAX_NAME_LENGTH:
        problems.append(Problem(raw.line, FIELD_NAME, f"The name is longer than {MAX_NAME_LENGTH} characters."))
    if len(raw.email) > MAX_EMAIL_LENGTH:
        problems.append(Problem(raw.line, FIELD_EMAIL, f"The email is longer than {MAX_EMAIL_LENGTH} characters."))
    joined = _instant(raw.join, FIELD_JOIN, raw.line, zone_name, day_first, problems)
    left = _instant(raw.leave, FIELD_LEAVE, raw.line, zone_name, day_first, problems)
    if joined is not None and left is not None and left < joined:
        problems.append(Problem(raw.line, FIELD_LEAVE, (
            f"The leave time ({to_local(left, zone_name):%Y-%m-%d %H:%M:%S}) comes before the join time "
            f"({to_local(joined, zone_name):%Y-%m-%d %H:%M:%S})."
        )))
    if len(problems) > found:
        return None
    return ReportRow(raw.line, raw.name, raw.email, joined, left)


def _instant(value: str, field: str, line: int, zone_name: str, day_first: bool,
             problems: list[Problem]) -> datetime | None:
    if not value:
        problems.append(Problem(line, field, f"The {field} is missing."))
        return None
    try:
        return parse_time(value, zone_name, day_first=day_first)
    except ValueError as error:
        problems.append(Problem(line, field, str(error)))
        return None


def parse_time(value: str, zone_name: str, *, day_first: bool = False) -> datetime:
    """An instant from the ways platforms write times; without an offset, a wall-clock time in ``zone_name``."""
    local = _parse_wall_clock_or_instant(value.strip(), day_first)
    if local.tzinfo is not None:
        return local.astimezone(timezone.utc)
    try:
        # A platform's report is what it is: a repeated hour is read as its first occurrence.
        return to_instant(local, zone_name, first_if_repeated=True)
    except NonexistentLocalTime as error:
        raise ValueError(str(error)) from None


def _parse_wall_clock_or_instant(value: str, day_first: bool) -> datetime:
    unreadable = ValueError(f"“{value}” is not a date and time this import reads; write it like {TIME_EXAMPLES}.")
    if (match := _SLASHED.match(value)) is None:
        if not re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}", value):
            raise unreadable
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise unreadable from None
    first, separator, second, year, hour, minute, second_of_minute, meridiem, _ = match.groups()
    day, month = (first, second) if day_first or separator == "." else (second, first)
    year_number = int(year) + (2000 if len(year) == 2 else 0)
    hour_number = int(hour)
    if meridiem:
        if not 1 <= hour_number <= 12:
            raise unreadable
        hour_number = hour_number % 12 + (12 if meridiem.lower() == "p" else 0)
    try:
        return datetime(year_number, int(month), int(day), hour_number, int(minute), int(second_of_minute or 0))
    except ValueError:
        raise unreadable from None


def _writes_day_first(values: Iterable[str]) -> bool:
    """Whether the file's slashed dates put the day first (18/10/2021) rather than the month (10/18/2021).

    Month first, as Zoom and Teams write by default, unless some date in the file
    can only be read day first; a file with both kinds gets its misfits reported.
    """
    day_first = month_first = False
    for value in values:
        match = _SLASHED.match(value.strip())
        if match is None or match.group(2) != "/":
            continue
        day_first |= int(match.group(1)) > 12
        month_first |= int(match.group(3)) > 12
    return day_first and not month_first
