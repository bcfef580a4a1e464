"""Where documents show: the meeting's page by type, a session's page, the agenda's markers, the personal page,
the printed programme's end, and a session's calendar event."""
import re
from datetime import date, datetime

import icalendar
import pytest

from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.registrations import register_participant
from tests.integration.browsing import text_of
from tests.integration.document_support import pdf_bytes, put_document


@pytest.fixture
def seoul(make):
    meeting = make.meeting(first_day=date(2021, 10, 18), last_day=date(2021, 10, 18))
    panel = make.session(meeting, "Border management panel", datetime(2021, 10, 18, 9))
    ids = {
        "programme": put_document(meeting, title="Provisional programme", kind=DocumentKind.PROGRAMME,
                                  files={"en": ("programme.pdf", pdf_bytes("programme"))}).id,
        "concept": put_document(meeting, title="Concept note", kind=DocumentKind.CONCEPT_NOTE, files={
            "en": ("concept-note.pdf", pdf_bytes("en")), "ko": ("개념 노트.pdf", pdf_bytes("ko"))}).id,
        "visas": put_document(meeting, title="Visa letter template", kind=DocumentKind.INFORMATION_NOTE,
                              visibility=DocumentVisibility.PARTICIPANTS).id,
        "slides": put_document(meeting, title="Slides", kind=DocumentKind.PRESENTATION, session=panel,
                               files={"en": ("slides.pdf", pdf_bytes("slides"))}).id,
        "statement": put_document(meeting, title="Statement", kind=DocumentKind.STATEMENT, session=panel,
                                  files={"fr": ("déclaration.pdf", pdf_bytes("fr"))}).id,
        "speaking notes": put_document(meeting, title="Speaking notes", kind=DocumentKind.OTHER, session=panel,
                                       visibility=DocumentVisibility.PARTICIPANTS).id,
    }
    registration = register_participant(meeting, make.person(meeting, "Damien Thuriaux"),
                                        role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.IN_ROOM})
    token = issue_personal_token(registration, actor=None)
    db.session.commit()
    return ids, panel.id, token


def test_the_meeting_page_lists_its_public_documents_by_type_with_their_languages(client, seoul):
    page = text_of(client.get("/events/test-meeting/"))
    documents = page[page.index("Documents Concept note"):page.index("All public documents")]
    assert documents == ("Documents Concept note Concept note English (PDF, 577 bytes) · 한국어 (PDF, 577 bytes) "
                         "Programme Provisional programme English (PDF, 584 bytes) ")
    assert "Visa letter" not in page


def test_the_agenda_marks_a_session_with_its_count_of_documents(client, seoul):
    _, panel, _ = seoul
    for address in ("/events/test-meeting/", "/events/test-meeting/days/2021-10-18"):
        html = client.get(address).get_data(as_text=True)
        assert re.search(rf'href="/events/test-meeting/sessions/{panel}#documents">2 documents<', html), address


def test_a_sessions_page_lists_its_public_documents(client, seoul):
    ids, panel, _ = seoul
    response = client.get(f"/events/test-meeting/sessions/{panel}")
    page = text_of(response)
    assert ("Documents Slides Presentation English (PDF, 581 bytes) Statement Statement Français (PDF, 577 bytes)"
            in page)
    assert "Speaking notes" not in page
    assert f'href="/events/test-meeting/documents/{ids["statement"]}/fr"' in response.get_data(as_text=True)


def test_the_personal_page_shows_what_the_participant_may_read_at_their_own_addresses(client, seoul):
    ids, _, token = seoul
    response = client.get(f"/my/{token}")
    page, html = text_of(response), response.get_data(as_text=True)
    assert "Visa letter template" in page and "Speaking notes" in page and "Concept note" in page
    assert f'href="/my/{token}/documents/{ids["visas"]}/en"' in html
    assert f'href="/my/{token}/documents.zip"' in html
    assert client.get(f"/my/{token}/documents/{ids['visas']}/en").status_code == 200


def test_the_printed_programme_ends_with_the_public_documents_and_their_addresses(client, seoul):
    ids, _, _ = seoul
    page = text_of(client.get("/events/test-meeting/programme"))
    assert page[page.index("Documents Provisional"):] == (
        f"Documents Provisional programme (Programme): English http://localhost/events/test-meeting/documents/"
        f"{ids['programme']}/en Concept note (Concept note): English "
        f"http://localhost/events/test-meeting/documents/{ids['concept']}/en ; 한국어 "  # a tag ends before the ;
        f"http://localhost/events/test-meeting/documents/{ids['concept']}/ko All of them, with the sessions' "
        f"documents: http://localhost/events/test-meeting/documents.zip")


def test_a_sessions_calendar_event_links_its_page_and_attaches_its_public_files(client, seoul):
    ids, panel, token = seoul
    for address in (f"/events/test-meeting/sessions/{panel}.ics", "/events/test-meeting/calendar.ics",
                    f"/my/{token}/calendar.ics"):
        calendar = icalendar.Calendar.from_ical(client.get(address).get_data())
        event = next(each for each in calendar.walk("VEVENT") if each["SUMMARY"] == "Border management panel")
        assert str(event["URL"]) == f"http://localhost/events/test-meeting/sessions/{panel}"
        attached = event["ATTACH"] if isinstance(event["ATTACH"], list) else [event["ATTACH"]]
        assert [(str(each), each.params["FMTTYPE"]) for each in attached] == [
            (f"http://localhost/events/test-meeting/documents/{ids['slides']}/en", "application/pdf"),
            (f"http://localhost/events/test-meeting/documents/{ids['statement']}/fr", "application/pdf"),
        ]
