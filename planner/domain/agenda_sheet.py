"""Reading an agenda drafted in a spreadsheet (.xlsx or .csv): every row checked before anything is imported.

Columns (header names, any order, case-insensitive; the template shows them with examples):

- ``day`` (required): the date (2021-10-18, or a date cell), or the meeting's day number (1, 2, …)
- ``start`` (required) and ``end``: wall-clock times in the meeting's zone, 09:00 or time cells
- ``title`` (required), ``kind`` (opening, remarks, panel, working, bilateral, roundtable, break, lunch,
  reception, closing; or their labels, "Working session"), ``room`` (a room's name, new ones added)
- ``parent``: the session this one sits inside, by its title, or by its row ("row 4", or "4")
- ``speakers``, ``chairs``, ``moderators``: names separated by semicolons or line breaks, as people write them
- ``description``
"""
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from planner.domain.spreadsheets import CsvProblems, utf8_text
from planner.domain.vocabulary import Role, SessionKind
from planner.domain.wording import _, ngettext

MAX_BYTES = 1_000_000
MAX_ROWS = 2_000
COLUMNS = ("day", "start", "end", "title", "kind", "room", "parent", "speakers", "chairs", "moderators",
           "description")
REQUIRED = ("day", "start", "title")
ROLE_COLUMNS = {"chairs": Role.CHAIR, "moderators": Role.MODERATOR, "speakers": Role.SPEAKER}
TIME = re.compile(r"^(\d{1,2})[:.h](\d{2})$")
ROW_REFERENCE = re.compile(r"^(?:row\s*)?(\d+)$", re.IGNORECASE)
NAME_SEPARATOR = re.compile(r"\s*[;\n]\s*")
# The template's rows: what a secretariat's draft looks like.
EXAMPLE_ROWS = (
    ("1", "09:00", "10:00", "Opening session", "opening", "Plenary hall", "", "Chang Wook-jin; Jane Doe", "Kim Min-ji",
     "", "Welcome and opening remarks"),
    ("1", "10:00", "12:30", "Working session 1: border management", "working", "Plenary hall", "", "Brian Finlay",
     "", "Lee Ji-ho", ""),
    ("1", "10:45", "11:00", "Coffee break", "break", "Plenary hall", "Working session 1: border management", "", "",
     "", ""),
    ("1", "12:30", "14:00", "Lunch", "lunch", "Restaurant", "", "", "", "", ""),
    ("1", "17:00", "", "Close of the day", "closing", "Plenary hall", "", "", "", "", ""),
)


@dataclass(frozen=True)
class AgendaRow:
    line: int  # the spreadsheet's row number; the header is row 1
    day: date
    start: time
    end: time | None
    title: str
    kind: SessionKind
    room: str
    parent: str  # a title, or "row N"; resolved against the other rows and the meeting's sessions
    parent_line: int | None
    people: tuple[tuple[Role, str], ...]
    description: str


def read_table(data: bytes, filename: str) -> list[list]:
    """The cells of the file's first sheet, row by row: text, or dates and times where a spreadsheet holds them."""
    if len(data) > MAX_BYTES:
        raise CsvProblems([(0, "file", _("The file is larger than %(size)d MB.", size=MAX_BYTES // 1_000_000))])
    name = filename.lower()
    if name.endswith(".xlsx"):
        return _xlsx_table(data)
    if name.endswith(".csv"):
        return _csv_table(data)
    raise CsvProblems([(0, "file", _("Upload an .xlsx (Excel) or .csv file."))])


def _xlsx_table(data: bytes) -> list[list]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise CsvProblems([(0, "file", _("This is not a readable .xlsx file: save it again from the spreadsheet "
                                         "as an Excel workbook, or as CSV."))]) from None
    try:
        sheet = workbook.worksheets[0]
        return [list(row) for _line, row in zip(range(MAX_ROWS + 2), sheet.iter_rows(values_only=True))]
    finally:
        workbook.close()


def _csv_table(data: bytes) -> list[list]:
    try:
        return [row for _line, row in zip(range(MAX_ROWS + 2), csv.reader(io.StringIO(utf8_text(data), newline="")))]
    except csv.Error as error:
        raise CsvProblems([(0, "file", _("This is not a readable CSV file (%(error)s).", error=str(error)))]) from None


def read_agenda(table: list[list], meeting_days: list[date]) -> list[AgendaRow]:
    """The agenda rows of ``table``, or every problem found in any of them."""
    if not table or not any(_text(cell) for cell in table[0]):
        raise CsvProblems([(1, "file", _("The file is empty; the first row must name the columns."))])
    header = [_text(cell).lower() for cell in table[0]]
    problems: list[tuple[int, str, str]] = [
        (1, column, _("“%(column)s” is not a column of an agenda; the columns are %(columns)s.", column=column,
                   columns=", ".join(COLUMNS)))
        for column in header if column and column not in COLUMNS]
    problems += [(1, column, _("The header has no “%(column)s” column.", column=column)) for column in REQUIRED if column not in header]
    if len(table) > MAX_ROWS + 1:
        problems.append((0, "file", ngettext("The file has more than %(num)d row; import the agenda in parts.",
                                                "The file has more than %(num)d rows; import the agenda in parts.",
                                                MAX_ROWS)))
    if problems:
        raise CsvProblems(problems)
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        values = {column: cells[index] if index < len(cells) else None for index, column in enumerate(header) if column}
        if not any(_text(value) for value in values.values()):
            continue  # a blank row between days
        row_problems: list[tuple[str, str]] = []
        row = _row(line, values, meeting_days, row_problems)
        problems += [(line, column, message) for column, message in row_problems]
        if row is not None:
            rows.append(row)
    if not rows and not problems:
        problems.append((2, "file", _("The file has no sessions under its header.")))
    problems += _unknown_parents(rows)
    if problems:
        raise CsvProblems(problems)
    return rows


def _row(line: int, values: dict, meeting_days: list[date], problems: list) -> AgendaRow | None:
    day = _day(values.get("day"), meeting_days, problems)
    start = _time(values.get("start"), "start", problems, required=True)
    end = _time(values.get("end"), "end", problems, required=False)
    if start is not None and end is not None and end <= start:
        problems.append(("end", _("The end must come after the start.")))
    title = _text(values.get("title"))
    if not title:
        problems.append(("title", _("Give the session a title.")))
    kind = _kind(values.get("kind"), problems)
    parent = _text(values.get("parent"))
    reference = ROW_REFERENCE.match(parent)
    parent_line = int(reference.group(1)) if reference else None
    if parent_line is not None and parent_line == line:
        problems.append(("parent", _("A session cannot sit inside itself.")))
    people = tuple((role, " ".join(name.split())) for column, role in ROLE_COLUMNS.items()
                   for name in NAME_SEPARATOR.split(_text(values.get(column), multiline=True)) if name)
    if problems:
        return None
    return AgendaRow(line=line, day=day, start=start, end=end, title=title, kind=kind, room=_text(values.get("room")),
                     parent=parent, parent_line=parent_line, people=people,
                     description=_text(values.get("description"), multiline=True))


def _unknown_parents(rows: list[AgendaRow]) -> list[tuple[int, str, str]]:
    lines = {row.line for row in rows}
    return [(row.line, "parent", _("There is no session in row %(row)d of the file.", row=row.parent_line))
            for row in rows if row.parent_line is not None and row.parent_line not in lines]


def _text(value, *, multiline: bool = False) -> str:
    """A cell as text; a single-line one with its white space folded (a cell's line breaks are typing)."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").strip()
    return text if multiline else " ".join(text.split())


def _day(value, meeting_days: list[date], problems: list) -> date | None:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        found = value
    else:
        text = _text(value)
        if not text:
            problems.append(("day", _("Give the day: its date (2021-10-18) or its number in the meeting (1, 2, …).")))
            return None
        if text.isdigit() or (isinstance(value, float) and value.is_integer()):
            number = int(float(text))
            if 1 <= number <= len(meeting_days):
                return meeting_days[number - 1]
            problems.append(("day", ngettext("The meeting has only %(num)d day; there is no day %(day)d.",
                                             "The meeting has days 1 to %(num)d; there is no day %(day)d.",
                                             len(meeting_days), day=number)))
            return None
        try:
            found = date.fromisoformat(text)
        except ValueError:
            problems.append(("day", _("“%(text)s” is not a date; write it as 2021-10-18, or the day's number.", text=text)))
            return None
    if found not in meeting_days:
        problems.append(("day", _("%(day)s is not a day of the meeting (%(first)s to %(last)s).", day=found.isoformat(),
                                first=meeting_days[0].isoformat(), last=meeting_days[-1].isoformat())))
        return None
    return found


def _time(value, column: str, problems: list, *, required: bool) -> time | None:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = _text(value)
    if not text:
        if required:
            problems.append((column, _("Give the start time, e.g. 09:00.")))
        return None
    match = TIME.match(text)
    if match and int(match.group(1)) < 24 and int(match.group(2)) < 60:
        return time(int(match.group(1)), int(match.group(2)))
    problems.append((column, _("“%(text)s” is not a time; write it as 09:00.", text=text)))
    return None


def _kind(value, problems: list) -> SessionKind | None:
    text = _text(value).lower()
    if not text:
        return SessionKind.WORKING
    for kind in SessionKind:
        if text in (kind.value, kind.label.lower()):
            return kind
    problems.append(("kind", _("“%(text)s” is not a kind of session; use one of %(kinds)s.", text=_text(value),
                               kinds=", ".join(kind.value for kind in SessionKind))))
    return None
