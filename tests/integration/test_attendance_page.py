"""The attendance report of a small meeting: registered against actual, on the page and in the CSV."""
import csv
import io
import re
from datetime import date

import pytest

from planner.extensions import db
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role

from tests.integration.presence_support import (  # noqa: F401  (fixtures)
    ZOOM_REPORT, csrf_token, organiser, outsider, small_meeting, text_of, upload,
)

REPORT = "/events/egm/organise/attendance"
HEADER = ["scope", "day", "session_id", "session", "starts_at", "ends_at", "institution_kind",
          "registered_in_room", "registered_online", "registered", "checked_in", "joined_online", "attended",
          "institutions_registered", "institutions_attended"]
FIGURES = HEADER[7:]


@pytest.fixture
def meeting_that_happened(client, organiser, small_meeting):
    """Monday: Chang, Kim and Jung checked in (Müller, expected, did not come); Tuesday: Chang and Park.
    Online, from the Zoom report: Thuriaux both days, Finlay (by name) Monday, Kim (by name) Tuesday, and
    an unmatched guest Monday."""
    for day, people in (("2021-10-18", ["chang", "kim", "jung"]), ("2021-10-19", ["chang", "park"])):
        desk = f"/events/egm/organise/check-in/{day}"
        for key in people:
            response = client.post(f"{desk}/{small_meeting.registration_id(key)}",
                                   data={"csrf_token": csrf_token(client, desk), "step": "check_in"})
            assert response.status_code == 302
    assert upload(client, ZOOM_REPORT).status_code == 302
    return small_meeting


def csv_rows(client) -> list[dict]:
    response = client.get(f"{REPORT}.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv" and response.mimetype_params["charset"] == "utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="egm-attendance.csv"'
    reader = csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == HEADER
    return list(reader)


def figures(row: dict) -> tuple[int, ...]:
    return tuple(int(row[name]) for name in FIGURES)


def find(rows, scope, kind="all", day="", session=""):
    [row] = [r for r in rows if (r["scope"], r["institution_kind"], r["day"], r["session"]) == (scope, kind, day,
                                                                                               session)]
    return row


def test_the_csv_gives_registered_and_actual_for_the_meeting_its_days_and_sessions(client, meeting_that_happened):
    rows = csv_rows(client)
    # in room, online, people registered | checked in, online, people attending | institutions registered, attended
    assert figures(find(rows, "meeting")) == (5, 3, 7, 4, 4, 7, 5, 5)
    assert figures(find(rows, "day", day="2021-10-18")) == (4, 2, 6, 3, 3, 6, 4, 4)
    assert figures(find(rows, "day", day="2021-10-19")) == (3, 2, 5, 2, 2, 4, 4, 4)
    assert figures(find(rows, "day", "government", day="2021-10-18")) == (3, 0, 3, 3, 0, 3, 2, 2)
    assert figures(find(rows, "day", "none", day="2021-10-18")) == (1, 0, 1, 0, 0, 0, 0, 0)
    assert figures(find(rows, "day", "unmatched", day="2021-10-18")) == (0, 0, 0, 0, 1, 1, 0, 0)
    opening = find(rows, "session", day="2021-10-18", session="Opening")
    assert (opening["starts_at"], opening["ends_at"]) == ("2021-10-18T09:00:00+09:00", "2021-10-18T10:00:00+09:00")
    assert figures(opening) == (4, 2, 6, 3, 2, 5, 4, 4)  # Thuriaux and Finlay online
    assert int(find(rows, "session", day="2021-10-18", session="Expert discussion: data")["joined_online"]) == 2
    assert int(find(rows, "session", day="2021-10-19", session="Expert discussion: airports")["joined_online"]) == 2
    assert int(find(rows, "session", day="2021-10-19", session="Closing")["joined_online"]) == 0
    # Breaks are not sessions anyone attends for the record; every scope has a row for everyone and each kind.
    assert "Coffee break" not in {r["session"] for r in rows}
    assert len(rows) == (1 + 2 + 4) * 10


def test_the_page_shows_the_same_figures_as_the_csv(client, meeting_that_happened):
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    meeting_total = re.search(r'<section id="meeting-figures">.*?<tr class="total" data-kind="all">(.*?)</tr>', html,
                              re.S).group(1)
    assert cells(meeting_total) == [5, 3, 7, 4, 4, 7, 5, 5]
    monday = re.search(r'<tr data-day="2021-10-18">(.*?)</tr>', html, re.S).group(1)
    assert cells(monday) == [4, 2, 6, 3, 3, 6, 4, 4]
    page = text_of(response)
    assert "Not matched to a registration 0 0 0 0 1 1 0 0" in page
    assert "09:00–10:00 Opening Attended: Government 3 · International organisation 1 · Think tank 1" in page


def cells(row_html: str) -> list[int]:
    return [int(value) for value in re.findall(r"<td[^>]*>(\d+)</td>", row_html)]


def test_a_meeting_nobody_registered_for_reports_zeros(client, organiser, make):
    empty = make.meeting(slug="empty", first_day=date(2021, 10, 18), last_day=date(2021, 10, 18))
    grant_role(empty, organiser, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    response = client.get("/events/empty/organise/attendance.csv")
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert [(row["scope"], row["day"], figures(row)) for row in rows if row["institution_kind"] == "all"] == [
        ("meeting", "", (0,) * 8), ("day", "2021-10-18", (0,) * 8)]
    assert "No sessions on the agenda yet" in text_of(client.get("/events/empty/organise/attendance"))


def test_only_the_meetings_organisers_see_its_attendance(client, outsider):
    assert client.get(REPORT).status_code == 403
    assert client.get(f"{REPORT}.csv").status_code == 403


def test_signed_out_people_are_sent_to_sign_in(client, small_meeting):
    for address in (REPORT, f"{REPORT}.csv"):
        response = client.get(address)
        assert response.status_code == 302 and response.location.startswith("/login")
