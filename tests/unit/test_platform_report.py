"""Reading online platforms' attendance reports: lenient about their shapes, strict about their rows."""
from datetime import datetime, timezone

import pytest

from planner.domain.platform_report import (
    MAX_REPORT_BYTES, Problem, ReportRow, UnreadableReport, parse_time, read_platform_report,
)

SEOUL = "Asia/Seoul"


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def problems_of(data: bytes, zone: str = SEOUL) -> list[Problem]:
    with pytest.raises(UnreadableReport) as refused:
        read_platform_report(data, zone)
    return refused.value.problems


def test_a_zoom_participants_report_with_its_summary_above_the_header_is_read():
    report = (
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants\n"
        "812 3456 7890,EGM Border Management,10/18/2021 08:55:00 AM,10/18/2021 05:10:00 PM,host@example.org,495,3\n"
        "\n"
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest\n"
        "Minji (Kim Min-ji),KIM@example.org,10/18/2021 09:02:11 AM,10/18/2021 12:01:00 PM,179,No\n"
        '"Finlay, Brian",,10/18/2021 01:00 PM,10/18/2021 12:30 PM,0,Yes\n'
    ).encode()
    with pytest.raises(UnreadableReport) as refused:
        read_platform_report(report, SEOUL)
    # The one bad row is named, with its line in the file and its column.
    assert [str(p) for p in refused.value.problems] == [
        "Line 6, leave time: The leave time (2021-10-18 12:30:00) comes before the join time (2021-10-18 13:00:00)."
    ]
    fixed = report.replace(b"12:30 PM,0", b"05:00 PM,240")
    assert read_platform_report(fixed, SEOUL) == [
        ReportRow(5, "Minji (Kim Min-ji)", "KIM@example.org", utc(2021, 10, 18, 0, 2, 11), utc(2021, 10, 18, 3, 1)),
        ReportRow(6, "Finlay, Brian", "", utc(2021, 10, 18, 4, 0), utc(2021, 10, 18, 8, 0)),
    ]


def test_a_teams_report_in_utf16_with_tabs_is_read():
    report = ("Name\tFirst Join\tLast Leave\tEmail\n"
              "Jung Ji-hun\t10/18/21, 9:02:11 AM\t10/18/21, 11:02:11 AM\tjung@example.org\n").encode("utf-16")
    assert read_platform_report(report, SEOUL) == [
        ReportRow(2, "Jung Ji-hun", "jung@example.org", utc(2021, 10, 18, 0, 2, 11), utc(2021, 10, 18, 2, 2, 11)),
    ]


def test_semicolons_a_utf8_bom_and_iso_times_with_and_without_offset():
    report = ("\ufeffName;Email;Join time;Leave time\n"
              "Müller;;2021-10-18T09:00:00+02:00;2021-10-18 10:00\n").encode()
    [row] = read_platform_report(report, "Europe/Zurich")
    assert (row.name, row.joined_at, row.left_at) == ("Müller", utc(2021, 10, 18, 7), utc(2021, 10, 18, 8))


def test_times_without_an_offset_are_read_in_the_given_zone():
    assert parse_time("2021-10-18 09:30", SEOUL) == utc(2021, 10, 18, 0, 30)
    assert parse_time("2021-10-18 09:30", "America/New_York") == utc(2021, 10, 18, 13, 30)
    assert parse_time("2021-10-18T09:30:00Z", SEOUL) == utc(2021, 10, 18, 9, 30)


def test_slashed_dates_are_month_first_unless_the_file_can_only_be_day_first():
    month_first = b"Name,Join time,Leave time\nA,05/10/2021 09:00,05/10/2021 10:00\n"
    assert read_platform_report(month_first, SEOUL)[0].joined_at == utc(2021, 5, 10, 0)
    day_first = b"Name,Join time,Leave time\nA,05/10/2021 09:00,05/10/2021 10:00\nB,18/10/2021 09:00,18/10/2021 10:00\n"
    assert [row.joined_at for row in read_platform_report(day_first, SEOUL)] == [
        utc(2021, 10, 5, 0), utc(2021, 10, 18, 0)]
    assert parse_time("18.10.2021 09:00", SEOUL) == utc(2021, 10, 18, 0)
    assert parse_time("10/18/2021 12:05 AM", SEOUL) == utc(2021, 10, 17, 15, 5)


def test_a_time_skipped_by_daylight_saving_is_refused():
    [problem] = problems_of(b"Name,Join time,Leave time\nA,2021-03-28 02:30,2021-03-28 04:00\n", "Europe/Zurich")
    assert (problem.line, problem.field) == (2, "join time")
    assert "does not exist in Europe/Zurich" in problem.message


def test_every_bad_row_is_reported_with_its_line_and_field():
    report = (
        "Name,Email,Join time,Leave time\n"
        "Good Person,good@example.org,2021-10-18 09:00,2021-10-18 10:00\n"
        ",,2021-10-18 09:00,2021-10-18 10:00\n"
        "Bad Time,,yesterday,2021-10-18 10:00\n"
        "No Leave,,2021-10-18 09:00,\n"
        "Backwards,,2021-10-18 11:00,2021-10-18 10:00\n"
    ).encode()
    assert [(p.line, p.field) for p in problems_of(report)] == [
        (3, "name"), (4, "join time"), (5, "leave time"), (6, "leave time"),
    ]


@pytest.mark.parametrize("data, message", [
    (b"", "The file is empty."),
    (b"\n\n  \n", "The file is empty."),
    (b"PK\x03\x04\x14\x00", "This is a spreadsheet (.xlsx) or another zipped file, not CSV."),
    (b"first,second\n1,2\n", "No header row found."),
    (b"Name,Join time,Leave time\n", "There is a header row but no attendance rows under it."),
    (b"x" * (MAX_REPORT_BYTES + 1), "The file is larger than 2 MB"),
])
def test_a_file_that_is_not_a_report_is_refused_with_a_reason(data, message):
    [problem] = problems_of(data)
    assert problem.line is None and problem.message.startswith(message)


def test_text_in_another_encoding_is_refused_naming_the_line():
    data = "Name,Join time,Leave time\nA,2021-10-18 09:00,2021-10-18 10:00\nMüller,2021-10-18 09:00,2021-10-18 10:00\n"
    [problem] = problems_of(data.encode("latin-1"))
    assert (problem.line, str(problem)) == (3, "Line 3: This line is not UTF-8 text. Save the file as “CSV UTF-8” "
                                               "and import it again.")


def test_the_same_attendance_has_the_same_fingerprint_however_it_is_written():
    [first] = read_platform_report(
        b"Name,Email,Join time,Leave time\nKim,KIM@x.org,2021-10-18 09:00,2021-10-18 10:00\n", SEOUL)
    [second] = read_platform_report(
        b"Email;Name;Join time;Leave time\nkim@x.org;kim;2021-10-18T00:00Z;2021-10-18T01:00Z\n", SEOUL)
    [third] = read_platform_report(
        b"Name,Email,Join time,Leave time\nKim,kim@x.org,2021-10-18 09:00,2021-10-18 10:01\n", SEOUL)
    assert first.fingerprint == second.fingerprint != third.fingerprint
