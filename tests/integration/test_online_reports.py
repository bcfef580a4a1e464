"""Importing an online platform's attendance report: all rows or none, matched to registrations, once."""
import io
from datetime import datetime, timezone

from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from planner.domain.platform_report import MAX_REPORT_BYTES
from planner.extensions import db
from planner.models import Change, CheckIn, OnlineAttendance, OnlineReport
from planner.operations.meetings import delete_person
from planner.operations.trash import purge_meeting
from planner.web.organise.online_reports import UPLOAD_LIMIT
from tests.integration.presence_support import (  # noqa: F401  (fixtures)
    IMPORT, MON, ZOOM_REPORT, csrf_token, organiser, outsider, small_meeting, text_of, upload,
)


def stored() -> list[tuple]:
    rows = db.session.scalars(select(OnlineAttendance).order_by(OnlineAttendance.line)).all()
    return [(row.line, row.name, row.registration.person.name if row.registration else None, row.matched_by)
            for row in rows]


def test_a_good_report_is_stored_and_matched_by_email_then_by_name(client, organiser):
    response = upload(client, ZOOM_REPORT)
    report = db.session.scalars(select(OnlineReport)).one()
    assert response.status_code == 302
    assert response.location == f"{IMPORT}/{report.id}"
    assert stored() == [
        (5, "Damien Thuriaux", "Damien Thuriaux", "email"),
        (6, "Damien Thuriaux", "Damien Thuriaux", "email"),
        (7, "Brian F (Brian Finlay)", "Brian Finlay", "name"),
        (8, "Guest 1234", None, ""),
        (9, "Minji Kim", "Kim Min-ji", "name"),
        (10, "Damien Thuriaux", "Damien Thuriaux", "email"),
    ]
    first = db.session.scalars(select(OnlineAttendance).order_by(OnlineAttendance.line)).first()
    # No offset in the file: read in Seoul, stored as the instant.
    assert (first.joined_at, first.left_at) == (datetime(2021, 10, 17, 23, 55, tzinfo=timezone.utc),
                                                datetime(2021, 10, 18, 1, 20, tzinfo=timezone.utc))
    page = text_of(client.get(response.location))
    assert "Imported 6 connections: 5 matched to registrations, 1 not matched." in page
    assert "Not matched (1) Line Name Email Connected Why 8 Guest 1234 — 2021-10-18 10:00–11:00 " \
           "No registration has this email or this name." in page
    assert "Minji Kim <minji.kim@gmail.example> Dr Kim Min-ji (by name)" in page
    history = db.session.scalars(select(Change).where(Change.entity == "onlinereport")).one()
    assert (history.user_id, history.summary) == (
        organiser.id, "Imported the online attendance report “zoom.csv”: 6 connections, 5 matched to registrations, "
                      "1 not matched")


def test_unmatched_connections_are_listed_on_the_import_page(client, organiser):
    upload(client, ZOOM_REPORT)
    page = text_of(client.get(IMPORT))
    assert "zoom.csv" in page
    assert "Not matched to a registration" in page
    assert "Guest 1234 — 2021-10-18 10:00–11:00 No registration has this email or this name." in page


def test_a_report_with_one_bad_row_imports_nothing_and_names_the_row(client, organiser):
    bad = ZOOM_REPORT.replace("10/18/2021 10:00:00 AM,10/18/2021 11:00:00 AM", "10/18/2021 10:00:00 AM,soon")
    response = upload(client, bad)
    assert response.status_code == 400
    page = text_of(response)
    assert "Nothing was imported. The file has a problem; correct it and import the file again." in page
    assert "Line 8, leave time: “soon” is not a date and time this import reads" in page
    assert db.session.scalars(select(OnlineReport)).all() == [] and stored() == []
    assert db.session.query(Change).filter(Change.entity == "onlinereport").count() == 0


def test_importing_the_same_report_twice_changes_nothing(client, organiser):
    upload(client, ZOOM_REPORT)
    again = upload(client, ZOOM_REPORT, filename="zoom-again.csv")
    assert again.status_code == 302
    assert "This file was already imported on" in text_of(client.get(again.location))
    assert db.session.query(OnlineReport).count() == 1 and len(stored()) == 6


def test_a_second_report_that_repeats_connections_stores_only_the_new_ones(client, organiser):
    upload(client, ZOOM_REPORT)
    later = ZOOM_REPORT + "Late Comer,late@example.org,10/19/2021 02:00:00 PM,10/19/2021 03:00:00 PM,60,Yes\n"
    response = upload(client, later.replace("User Email", "Email"), filename="zoom-full.csv")
    assert "Imported 1 connection: 0 matched to registrations, 1 not matched. 6 were already known and were " \
           "skipped." in text_of(client.get(response.location))
    assert len(stored()) == 7


def test_a_report_with_nothing_new_stores_no_report(client, organiser):
    upload(client, ZOOM_REPORT)
    reordered = ZOOM_REPORT.replace("Participants\n", "Participants\n\n")  # other bytes, same connections
    response = upload(client, reordered)
    assert response.location == IMPORT
    assert "All 6 connections in this file were already imported from another report; nothing changed." in text_of(
        client.get(IMPORT))
    assert db.session.query(OnlineReport).count() == 1


def test_times_are_read_in_the_zone_the_organiser_names(client, organiser):
    upload(client, "Name,Join time,Leave time\nChang Wook-jin,2021-10-17 20:00,2021-10-17 21:00\n",
           zone="America/New_York")
    row = db.session.scalars(select(OnlineAttendance)).one()
    assert row.joined_at == datetime(2021, 10, 18, 0, 0, tzinfo=timezone.utc)
    assert db.session.scalars(select(OnlineReport)).one().timezone == "America/New_York"


def test_connections_outside_the_meetings_days_are_imported_with_a_warning(client, organiser):
    response = upload(client, "Name,Join time,Leave time\nChang Wook-jin,2021-10-25 09:00,2021-10-25 10:00\n")
    assert "1 connection (line 2) falls outside the meeting's days and counts for none of them; check the time " \
           "zone." in text_of(client.get(response.location))


def test_files_that_are_not_reports_are_refused_with_a_clear_message(client, organiser):
    cases = {
        b"": "The file is empty.",
        "Name,Join time,Leave time\nMüller,2021-10-18 09:00,2021-10-18 10:00\n".encode("cp1252"):
            "Line 2: This line is not UTF-8 text.",
        b"PK\x03\x04 spreadsheet": "This is a spreadsheet (.xlsx) or another zipped file, not CSV.",
        b"Who,When\nKim,Monday\n": "No header row found.",
        b"Name,Join time,Leave time\n": "There is a header row but no attendance rows under it.",
    }
    for content, message in cases.items():
        response = upload(client, content)
        assert response.status_code == 400, content
        assert message in text_of(response), content
    assert db.session.query(OnlineReport).count() == 0


def test_a_file_over_2_mb_is_refused_with_a_message(client, organiser):
    line = "Someone,someone@example.org,2021-10-18 09:00,2021-10-18 10:00\n"
    huge = "Name,Email,Join time,Leave time\n" + line * (MAX_REPORT_BYTES // len(line) + 1)
    for content in (huge, huge * 3):
        response = upload(client, content)
        assert response.status_code == 400
        assert "The file is larger than 2 MB; split it into smaller files." in text_of(response)
    assert db.session.query(OnlineReport).count() == 0


def test_a_far_larger_upload_is_refused_unread_with_the_same_message(client, organiser):
    response = upload(client, b"x" * (UPLOAD_LIMIT + 1))
    assert response.status_code == 303 and response.location == IMPORT
    assert "The file is larger than 2 MB; split it into smaller files." in text_of(client.get(IMPORT))
    assert db.session.query(OnlineReport).count() == 0


def test_a_missing_file_or_unknown_zone_is_named_beside_its_field(client, organiser):
    response = client.post(IMPORT, data={"timezone": "Asia/Seoul", "csrf_token": csrf_token(client, IMPORT)},
                           content_type="multipart/form-data")
    assert response.status_code == 400 and "Choose the report file." in text_of(response)
    response = upload(client, ZOOM_REPORT, zone="Mars/Olympus")
    assert response.status_code == 400 and "“Mars/Olympus” is not a known IANA time zone" in text_of(response)
    assert db.session.query(OnlineReport).count() == 0


def test_an_upload_without_its_csrf_token_is_refused(client, organiser):
    response = upload(client, ZOOM_REPORT, token=False)
    assert response.status_code == 400
    assert db.session.query(OnlineReport).count() == 0


def test_removing_a_report_removes_its_connections(client, organiser):
    upload(client, ZOOM_REPORT)
    report = db.session.scalars(select(OnlineReport)).one()
    address = f"{IMPORT}/{report.id}/delete"
    assert "its 6 connections no longer count as online attendance" in text_of(client.get(address))
    response = client.post(address, data={"csrf_token": csrf_token(client, address)})
    assert response.status_code == 302
    assert db.session.query(OnlineReport).count() == 0 and stored() == []
    assert upload(client, ZOOM_REPORT).status_code == 302  # and it can be imported again
    assert len(stored()) == 6


def test_signed_out_people_are_sent_to_sign_in_before_importing(client, small_meeting):
    response = client.get(IMPORT)
    assert response.status_code == 302 and response.location.startswith("/login")


def test_someone_who_does_not_organise_the_meeting_cannot_import(client, outsider):
    assert client.get(IMPORT).status_code == 403
    boundary, body = encode_multipart({"report": FileStorage(io.BytesIO(ZOOM_REPORT.encode()), "zoom.csv"),
                                       "csrf_token": csrf_token(client, "/organise/tokens")})
    response = client.post(IMPORT, data=body, content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 403
    assert db.session.query(OnlineReport).count() == 0


def test_deleting_a_person_keeps_their_connections_as_unmatched_and_drops_their_check_ins(client, organiser,
                                                                                         small_meeting):
    upload(client, ZOOM_REPORT)
    thuriaux = small_meeting.registrations["thuriaux"]
    db.session.add(CheckIn(registration_id=thuriaux.id, day=MON))
    db.session.commit()
    delete_person(thuriaux.person, actor=organiser)
    db.session.commit()
    db.session.expire_all()
    assert [row[2] for row in stored()] == [None, None, "Brian Finlay", None, "Kim Min-ji", None]
    assert db.session.query(CheckIn).count() == 0


def test_deleting_a_meeting_deletes_its_check_ins_and_reports(client, organiser, small_meeting):
    upload(client, ZOOM_REPORT)
    db.session.add(CheckIn(registration_id=small_meeting.registration_id("kim"), day=MON))
    db.session.commit()
    purge_meeting(small_meeting.meeting, actor=organiser)
    db.session.commit()
    assert (db.session.query(CheckIn).count(), db.session.query(OnlineReport).count(),
            db.session.query(OnlineAttendance).count()) == (0, 0, 0)
