"""CSV files for spreadsheet programs, written so that no cell is taken for a formula (OWASP, CSV injection);
and what reading one may find wrong."""
import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font

from planner.domain.wording import _


class CsvProblems(ValueError):
    """Every problem found in an imported file, as (row number, column, message); row 1 is the header. The
    messages are domain.wording Messages: English for the API, the reader's language on pages."""

    def __init__(self, problems: list[tuple[int, str, str]]):
        super().__init__(f"{len(problems)} problem(s) in the file")
        self.problems = problems


def utf8_text(data: bytes) -> str:
    """An uploaded CSV file's text, or the row where it stops being UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise CsvProblems([(line, "file", _("This row is not UTF-8 text: save the file as CSV in UTF-8 "
                                            "encoding."))]) from None


# A cell starting with one of these is read by Excel, LibreOffice and Google Sheets as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A text cell a spreadsheet shows as text: a leading apostrophe before what would start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    out = io.StringIO()
    # The byte-order mark lets spreadsheet programs read accented and Korean text as UTF-8.
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return out.getvalue()


def xlsx_bytes(header: Sequence[str], rows: Iterable[Sequence], *, title: str) -> bytes:
    """An Excel workbook of one sheet, the header in bold and frozen; every cell is text, so a value starting
    with "=" is shown as written and never run as a formula (no apostrophe needed, unlike CSV)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for number, values in enumerate([header, *rows], start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=number, column=column, value=value)
            cell.data_type = "s"
            if number == 1:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
