"""CSV files for spreadsheet programs, written so that no cell is taken for a formula (OWASP, CSV injection)."""
import csv
import io
from collections.abc import Iterable, Sequence

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
