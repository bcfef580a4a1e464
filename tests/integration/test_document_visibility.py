"""Who may read which document, at every address documents are read at, for every kind of reader."""
import io
import zipfile
from datetime import date, datetime

import pytest
from sqlalchemy import select

from planner.domain.documents import DocumentVisibility
from planner.domain.vocabulary import DayMode, ParticipantRole, TeamRole
from planner.extensions import db
from planner.models import Meeting
from planner.operations.personal_tokens import issue_personal_token, revoke_personal_token
from planner.operations.registrations import register_participant
from planner.operations.team import grant_role
from tests.integration.document_support import pdf_bytes, put_document

PUBLIC, PARTICIPANTS, ORGANISERS = (DocumentVisibility.PUBLIC, DocumentVisibility.PARTICIPANTS,
                                    DocumentVisibility.ORGANISERS)
EVERYTHING = {"Public note", "Participants' note", "Organisers' note", "Public slides", "Draft session's slides"}
SEEN_BY_THE_PUBLIC = {"Public note", "Public slides"}
SEEN_BY_PARTICIPANTS = {"Public note", "Participants' note", "Public slides"}


@pytest.fixture
def world(make):
    """A meeting with a document of each kind of visibility, a session's and a draft session's, and readers."""
    meeting = make.meeting(first_day=date(2021, 10, 18), last_day=date(2021, 10, 18))
    panel = make.session(meeting, "Panel", datetime(2021, 10, 18, 9))
    draft = make.session(meeting, "Not yet announced", datetime(2021, 10, 18, 11), draft=True)
    ids = {}
    for title, visibility, session in [("Public note", PUBLIC, None), ("Participants' note", PARTICIPANTS, None),
                                       ("Organisers' note", ORGANISERS, None), ("Public slides", PUBLIC, panel),
                                       ("Draft session's slides", PUBLIC, draft)]:
        document = put_document(meeting, title=title, visibility=visibility, session=session,
                                files={"en": (f"{title}.pdf", pdf_bytes(title))})
        ids[title] = document.id
    registration = register_participant(meeting, make.person(meeting, "Damien Thuriaux"),
                                        role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.IN_ROOM})
    token = issue_personal_token(registration, actor=None)
    revoked = register_participant(meeting, make.person(meeting, "Former Participant"),
                                   role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.IN_ROOM})
    old_token = issue_personal_token(revoked, actor=None)
    revoke_personal_token(revoked, actor=None)
    make.organiser("stranger@example.org")
    door = make.organiser("door@example.org")
    grant_role(meeting, door, TeamRole.DOOR_STAFF, actor=None)
    make.organiser("organiser@example.org", meetings=[meeting])
    db.session.commit()
    return ids, token, old_token


def _readable(client, ids, prefix) -> set[str]:
    return {title for title, document_id in ids.items()
            if client.get(f"{prefix}/documents/{document_id}/en").status_code == 200}


def _pack(client, address) -> set[str] | int:
    response = client.get(address)
    if response.status_code != 200:
        return response.status_code
    with zipfile.ZipFile(io.BytesIO(response.get_data())) as pack:
        return {name.rsplit("/", 1)[-1].removesuffix(".pdf") for name in pack.namelist()}


@pytest.mark.parametrize("email, expected", [
    (None, SEEN_BY_THE_PUBLIC),
    ("stranger@example.org", SEEN_BY_THE_PUBLIC),
    ("door@example.org", SEEN_BY_THE_PUBLIC),
    ("organiser@example.org", EVERYTHING),
])
def test_the_public_addresses_give_each_reader_what_they_may_read(world, browser, email, expected):
    ids, _, _ = world
    client = browser(email)
    assert _readable(client, ids, "/events/test-meeting") == expected
    assert _pack(client, "/events/test-meeting/documents.zip") == expected


def test_a_personal_address_gives_the_participants_documents_and_a_revoked_one_nothing(world, client):
    ids, token, old_token = world
    assert _readable(client, ids, f"/my/{token}") == SEEN_BY_PARTICIPANTS
    assert _pack(client, f"/my/{token}/documents.zip") == SEEN_BY_PARTICIPANTS
    assert _readable(client, ids, f"/my/{old_token}") == set()
    assert _pack(client, f"/my/{old_token}/documents.zip") == 404


def test_a_draft_meetings_documents_are_its_organisers_only(world, browser, app):
    ids, token, _ = world
    with app.app_context():
        db.session.scalar(select(Meeting)).published = False
        db.session.commit()
    for client in (browser(None), browser("stranger@example.org"), browser("door@example.org")):
        assert _readable(client, ids, "/events/test-meeting") == set()
        assert _pack(client, "/events/test-meeting/documents.zip") == 404
    assert _readable(browser(None), ids, f"/my/{token}") == set()
    assert _readable(browser("organiser@example.org"), ids, "/events/test-meeting") == EVERYTHING


def test_a_document_of_another_meeting_is_not_found_through_this_ones_addresses(world, make, client):
    make.meeting(slug="other-meeting")
    ids, _, _ = world
    assert client.get(f"/events/other-meeting/documents/{ids['Public note']}/en").status_code == 404
    assert client.get(f"/events/test-meeting/documents/{ids['Public note']}/fr").status_code == 404


def test_private_documents_are_not_kept_by_shared_caches(world, browser):
    ids, token, _ = world
    public = browser(None).get(f"/events/test-meeting/documents/{ids['Public note']}/en")
    assert public.headers["Cache-Control"] == "no-cache"
    participants_note = ids["Participants' note"]
    personal = browser(None).get(f"/my/{token}/documents/{participants_note}/en")
    assert personal.headers["Cache-Control"] == "private, no-store"
    assert personal.headers["Referrer-Policy"] == "no-referrer"


def test_a_pack_holds_the_meetings_documents_at_its_top_and_each_sessions_in_a_folder(world, client, make):
    response = client.get("/events/test-meeting/documents.zip")
    assert response.headers["Content-Disposition"] == 'attachment; filename="test-meeting-documents.zip"'
    with zipfile.ZipFile(io.BytesIO(response.get_data())) as pack:
        assert pack.namelist() == ["Public note.pdf", "2021-10-18 0900 Panel/Public slides.pdf"]
        assert pack.read("Public note.pdf") == pdf_bytes("Public note")
        assert pack.testzip() is None
