from datetime import date

import pytest

from planner.domain.registration_csv import MAX_ROWS, read_participants
from planner.domain.spreadsheets import CsvProblems
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole

DAYS = [date(2021, 10, 18), date(2021, 10, 19)]


def read(text: str):
    return read_participants(text.encode("utf-8"), DAYS)


def problems_of(text: str):
    with pytest.raises(CsvProblems) as raised:
        read(text)
    return raised.value.problems


def test_a_good_file_gives_typed_rows_with_per_day_modes():
    rows = read("Name,Role,Email,Institution,institution_kind,home_timezone,2021-10-18,2021-10-19\n"
                "Chang Wook-jin,delegate,chang@example.org,MOFA,,Asia/Seoul,room,online\n"
                "Damien Thuriaux,Expert,,IOM,international,Europe/Zurich,online,\n")
    assert [(r.line, r.name, r.role, r.email, r.institution, r.institution_kind, r.home_timezone, r.days)
            for r in rows] == [
        (2, "Chang Wook-jin", ParticipantRole.DELEGATE, "chang@example.org", "MOFA", None, "Asia/Seoul",
         {DAYS[0]: DayMode.IN_ROOM, DAYS[1]: DayMode.ONLINE}),
        (3, "Damien Thuriaux", ParticipantRole.EXPERT, "", "IOM", InstitutionKind.INTERNATIONAL, "Europe/Zurich",
         {DAYS[0]: DayMode.ONLINE, DAYS[1]: DayMode.ABSENT}),
    ]


def test_every_bad_row_and_field_is_reported_and_nothing_is_returned():
    assert problems_of("name,role,email,2021-10-18\n"
                       "Kim,delegate,kim@example.org,room\n"
                       ",speaker,not-an-email,sometimes\n"
                       "Lee,observer,lee@example.org,online\n") == [
        (3, "name", "A name is required."),
        (3, "role", "Give delegate, expert, observer, staff or press."),
        (3, "email", "“not-an-email” is not an email address."),
        (3, "2021-10-18", "Give room, online or absent."),
    ]


def test_the_header_must_name_the_required_and_only_known_columns():
    assert problems_of("name,colour,2021-10-25\nKim,blue,room\n") == [
        (1, "colour", "Unknown column; see the list of columns."),
        (1, "2021-10-25", "This day is not a day of the meeting."),
        (1, "role", "The header has no “role” column."),
    ]


def test_the_same_email_twice_is_a_problem_on_the_second_row():
    assert problems_of("name,role,email\nKim,delegate,kim@example.org\nKim M.,expert,KIM@example.org\n") == [
        (3, "email", "KIM@example.org is also on row 2."),
    ]


@pytest.mark.parametrize("data, message", [
    (b"", "The file is empty; the first line must name the columns."),
    (b"name,role\n", "The file has no participants."),
    ("name,role\nK\xf6nig,expert\n".encode("latin-1"), "This row is not UTF-8 text: save the file as CSV in UTF-8 "
                                                      "encoding."),
    (b"x" * 2_000_001, "The file is larger than 2 MB; import at most 5000 participants a file."),
])
def test_unreadable_files_get_one_clear_message(data, message):
    with pytest.raises(CsvProblems) as raised:
        read_participants(data, DAYS)
    assert [text for _, _, text in raised.value.problems] == [message]


def test_more_than_the_row_limit_is_refused_with_the_limit():
    text = "name,role\n" + "".join(f"Participant {number},expert\n" for number in range(MAX_ROWS + 1))
    with pytest.raises(CsvProblems) as refused:
        read_participants(text.encode(), [])
    assert refused.value.problems == [(MAX_ROWS + 2, "file", "The file has more than 5000 participants; import at "
                                                             "most 5000 a file.")]
    assert len(read_participants(text.encode().rsplit(b"Participant", 1)[0], [])) == MAX_ROWS


def test_a_nul_byte_or_text_that_is_not_utf8_is_named_by_its_row():
    with pytest.raises(CsvProblems) as nul:
        read_participants(b"name,role\nKim,expert\nLee\x00,expert\n", [])
    assert nul.value.problems == [(3, "row", "This row holds a NUL character; save the file as CSV text.")]
    with pytest.raises(CsvProblems) as latin:
        read_participants("name,role\nKim,expert\nMüller,expert\n".encode("latin-1"), [])
    assert latin.value.problems == [(3, "file", "This row is not UTF-8 text: save the file as CSV in UTF-8 encoding.")]
