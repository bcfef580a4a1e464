"""CSV exports: a cell that a spreadsheet would run as a formula is written as text, the rest as it is."""
import csv
import io

from planner.domain.spreadsheets import csv_text


def test_cells_starting_like_a_formula_are_written_as_text_and_the_rest_unchanged():
    rows = [["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTab", "Kim Min-ji", "a=b", 3, -4, None]]
    text = csv_text(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"], rows)
    assert text.startswith("\ufeff")
    read = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert read[1] == ["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTab", "Kim Min-ji", "a=b", "3", "-4", ""]
