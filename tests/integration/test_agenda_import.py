"""An agenda drafted in a spreadsheet, imported: every row checked first (one bad row imports nothing and the page
names its row and column), new rooms and people listed in a preview and added only once it is confirmed."""
import io
from datetime import date, time

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from planner.domain.timezones import to_local
from planner.extensions import db
from planner.models import Meeting, Person, Room, Session
from tests.integration.browsing import flashes_of, form_of, submit, text_of

SLUG = "egm-2021"
PAGE = f"/events/{SLUG}/organise/agenda-import"
HEADER = ["day", "start", "end", "title", "kind", "room", "parent", "speakers", "chairs", "moderators", "description"]


@pytest.fixture
def organiser(browser, seed):
    """The organiser of a meeting in Seoul, 18–19 October 2021, with one room and one person already."""
    with seed() as make:
        meeting = make.meeting(slug=SLUG, title="EGM 2021", first_day=date(2021, 10, 18), last_day=date(2021, 10, 19))
        make.room(meeting, "Plenary hall")
        make.person(meeting, "Kim Min-ji")
        make.organiser("owner@example.org", meetings=[meeting])
    return browser("owner@example.org")


def workbook(*rows) -> bytes:
    book = Workbook()
    for row in [HEADER, *rows]:
        book.active.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, content: bytes, filename: str = "agenda.xlsx"):
    return submit(client, PAGE, {"file": (io.BytesIO(content), filename)}, content_type="multipart/form-data")


def stored(app) -> list[tuple]:
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.slug == SLUG))
        sessions = db.session.scalars(select(Session).order_by(Session.starts_at, Session.id)).all()
        return [(s.title, to_local(s.starts_at, meeting.timezone).strftime("%a %H:%M"),
                 to_local(s.ends_at, meeting.timezone).strftime("%H:%M") if s.ends_at else "", s.kind.value, s.room.name if s.room else None,
                 s.parent.title if s.parent else None, [(r.role.value, r.person.name) for r in s.roles])
                for s in sessions]


GOOD_ROWS = [
    (date(2021, 10, 18), time(9), time(10), "Opening session", "Opening", "Plenary hall", "", "Chang Wook-jin; Kim Min-ji",
     "Kim Min-ji", "", "Welcome"),
    (1, "10:00", "12:30", "Working session 1", "working", "Room B", "", "Brian Finlay", "", "Lee Ji-ho", ""),
    ("2021-10-18", "10:45", "11:00", "Coffee break", "break", "Room B", "row 3", "", "", "", ""),
    (2, "09:00", "10:00", "Closing", "closing", "Plenary hall", "", "", "Kim Min-ji", "", ""),
]


def test_a_spreadsheet_is_previewed_writing_nothing_then_imported_once_confirmed(app, organiser, stored_rows):
    before = stored_rows()
    preview = upload(organiser, workbook(*GOOD_ROWS))
    assert preview.status_code == 200
    page = text_of(preview)
    assert "Import 4 sessions from agenda.xlsx?" in page
    assert "New rooms (1) Room B" in page
    assert "New people (3) Chang Wook-jin Lee Ji-ho Brian Finlay" in page
    assert stored_rows() == before

    confirm = form_of(preview, "/agenda-import/confirm")
    response = organiser.post(confirm.action, data=confirm.values())
    assert response.location == f"/events/{SLUG}/organise/sessions/"
    assert flashes_of(organiser.get(response.location)) == [
        "Imported the agenda from agenda.xlsx: 4 sessions, 1 new room, 3 new people."]
    assert stored(app) == [
        ("Opening session", "Mon 09:00", "10:00", "opening", "Plenary hall", None,
         [("chair", "Kim Min-ji"), ("speaker", "Chang Wook-jin"), ("speaker", "Kim Min-ji")]),
        ("Working session 1", "Mon 10:00", "12:30", "working", "Room B", None,
         [("moderator", "Lee Ji-ho"), ("speaker", "Brian Finlay")]),
        ("Coffee break", "Mon 10:45", "11:00", "break", "Room B", "Working session 1", []),
        ("Closing", "Tue 09:00", "10:00", "closing", "Plenary hall", None, [("chair", "Kim Min-ji")]),
    ]
    with app.app_context():
        assert sorted(db.session.scalars(select(Person.name))) == ["Brian Finlay", "Chang Wook-jin", "Kim Min-ji",
                                                                  "Lee Ji-ho"]


def test_one_bad_row_imports_nothing_and_its_row_and_column_are_named(organiser, stored_rows):
    before = stored_rows()
    rows = [*GOOD_ROWS[:2], ("2021-10-18", "25:00", "11:00", "Coffee break", "pause", "Room B", "", "", "", "", ""),
            GOOD_ROWS[3]]
    response = upload(organiser, workbook(*rows))
    assert response.status_code == 400
    page = text_of(response)
    assert "Nothing was imported." in page
    assert "Row 4, start: “25:00” is not a time; write it as 09:00." in page
    assert "Row 4, kind: “pause” is not a kind of session; use one of opening, remarks, panel, working, " \
           "bilateral, roundtable, break, lunch, reception, closing." in page
    assert stored_rows() == before


def test_a_row_the_agenda_refuses_is_named_too_and_nothing_is_written(organiser, stored_rows):
    """Rules the forms apply (within the meeting's days, inside its block) are the import's too."""
    before = stored_rows()
    rows = [GOOD_ROWS[1], ("2021-10-18", "12:00", "13:00", "Coffee break", "break", "Room B", "Working session 1",
                           "", "", "", "")]
    response = upload(organiser, workbook(*rows), "agenda.xlsx")
    assert response.status_code == 400
    assert "Row 3, parent: This does not fit inside “Working session 1”; adjust the times or choose another block." \
        in text_of(response)
    assert stored_rows() == before


def test_a_csv_agenda_and_the_templates_import_as_they_are(app, organiser):
    for kind in ("csv", "xlsx"):
        template = organiser.get(f"{PAGE}/template.{kind}")
        assert template.status_code == 200
        assert template.headers["Content-Disposition"] == f'attachment; filename="{SLUG}-agenda-template.{kind}"'
    sheet = load_workbook(io.BytesIO(organiser.get(f"{PAGE}/template.xlsx").data)).active
    assert [cell.value for cell in sheet[1]] == HEADER
    preview = upload(organiser, organiser.get(f"{PAGE}/template.csv").data, "template.csv")
    assert "Import 5 sessions from template.csv?" in text_of(preview)
    confirm = form_of(preview, "/agenda-import/confirm")
    organiser.post(confirm.action, data=confirm.values())
    assert [row[:6] for row in stored(app)] == [
        ("Opening session", "Mon 09:00", "10:00", "opening", "Plenary hall", None),
        ("Working session 1: border management", "Mon 10:00", "12:30", "working", "Plenary hall", None),
        ("Coffee break", "Mon 10:45", "11:00", "break", "Plenary hall", "Working session 1: border management"),
        ("Lunch", "Mon 12:30", "14:00", "lunch", "Restaurant", None),
        ("Close of the day", "Mon 17:00", "", "closing", "Plenary hall", None),
    ]


@pytest.mark.parametrize("content, filename, problem", [
    (b"PK\x03\x04 not really a workbook", "agenda.xlsx", "file: This is not a readable .xlsx file"),
    (b"day,start,title\n", "agenda.csv", "Row 2, file: The file has no sessions under its header."),
    (b"day,start,titel\n1,09:00,Opening\n", "agenda.csv", "Row 1, titel: “titel” is not a column of an agenda"),
    ("day,start,title\n1,09:00,Opening\n".encode("utf-16"), "agenda.csv", "file: This row is not UTF-8 text"),
    (b"day,start,title\n", "agenda.docx", "file: Upload an .xlsx (Excel) or .csv file."),
    (b"day,start,title\n7,09:00,Opening\n", "agenda.csv", "Row 2, day: The meeting has days 1 to 2; there is no day 7."),
    (b"day,start,title,parent\n1,09:00,Opening,Nothing\n", "agenda.csv",
     "Row 2, parent: No session in the file or the meeting is titled “Nothing”."),
])
def test_a_file_that_is_not_an_agenda_is_refused_naming_what_is_wrong(organiser, stored_rows, content, filename,
                                                                      problem):
    before = stored_rows()
    response = upload(organiser, content, filename)
    assert response.status_code == 400
    assert problem in text_of(response)
    assert stored_rows() == before


def test_people_added_meanwhile_are_not_added_twice_and_the_organiser_sees_the_new_preview(app, organiser, seed):
    preview = upload(organiser, workbook(GOOD_ROWS[1]))
    with seed() as make:
        make.person(db.session.scalar(select(Meeting).where(Meeting.slug == SLUG)), "Brian Finlay")
    confirm = form_of(preview, "/agenda-import/confirm")
    response = organiser.post(confirm.action, data=confirm.values())
    assert response.status_code == 409
    assert "New people (1) Lee Ji-ho" in text_of(response)
    assert stored(app) == []
    confirm = form_of(response, "/agenda-import/confirm")
    response = organiser.post(confirm.action, data=confirm.values())
    assert response.status_code == 302, text_of(response)
    assert [row[0] for row in stored(app)] == ["Working session 1"]
    with app.app_context():
        assert db.session.scalar(select(Room.name).where(Room.name == "Room B")) == "Room B"
        assert sorted(db.session.scalars(select(Person.name))) == ["Brian Finlay", "Kim Min-ji", "Lee Ji-ho"]
