"""Registered participants are private: every public address shows only people holding a role in a published
session that goes ahead, no email address and no join link the organisers keep private."""
from datetime import date, datetime
import re
from html import unescape

import pytest

from planner.domain.documents import DocumentVisibility
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole, Role, SessionStatus
from planner.extensions import db
from planner.models import Document, Institution, Person, Session
from planner.operations.agenda import assign_role
from planner.operations.registrations import register_participant
from tests.integration.document_support import pdf_bytes, put_document

SLUG = "private-meeting"
DAYS = [date(2021, 10, 18), date(2021, 10, 19)]
# Everything below may be stored in the meeting, and none of it may reach a public address.
PRIVATE = [
    "Registered Only", "registered.only@example.org", "Draft Speaker", "Cancelled Speaker", "Private Institute",
    "speaker@example.org", "https://meet.example.org/private-link",
    "Visa letter for participants", "Organisers' briefing", "Draft side meeting notes", "visa-letter.pdf",
]
# Addresses for the signed-in (organisers, API clients with a token), for one participant (a secret address), or
# for accounts (signing in, joining a team), which show no meeting.
# Files (static ones, the favicon) hold no one's data; the rest here are not for the public.
NOT_PUBLIC = {"static", "favicon", "calendars.personal_feed", "api.directory_record", "api.conflicts",
              "api.headcounts", "api.registrations", "api.registration", "documents.personal_download",
              "documents.personal_pack"}
NOT_PUBLIC_BLUEPRINTS = ("organise.", "personal.", "auth.")


@pytest.fixture
def meeting_ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug=SLUG, first_day=DAYS[0], last_day=DAYS[-1])
        public_institution = make.institution(meeting, "Ministry of Justice")
        private_institute = make.institution(meeting, "Private Institute", InstitutionKind.THINK_TANK)
        make.institution(meeting, "Korea Coast Guard")
        speaker = make.person(meeting, "Kim Min-ji", email="speaker@example.org", institution=public_institution)
        talk = make.session(meeting, "Opening", datetime(2021, 10, 18, 9),
                            online_link="https://meet.example.org/private-link")
        draft = make.session(meeting, "Side meeting", datetime(2021, 10, 18, 11), draft=True)
        cancelled = make.session(meeting, "Called off", datetime(2021, 10, 19, 9), status=SessionStatus.CANCELLED)
        assign_role(talk, speaker, Role.SPEAKER)
        assign_role(draft, make.person(meeting, "Draft Speaker"), Role.SPEAKER)
        assign_role(cancelled, make.person(meeting, "Cancelled Speaker"), Role.SPEAKER)
        registered = make.person(meeting, "Registered Only", email="registered.only@example.org",
                                 institution=private_institute)
        for person in (registered, speaker):
            register_participant(meeting, person, role=ParticipantRole.DELEGATE, days={DAYS[0]: DayMode.ONLINE})
        put_document(meeting, title="Programme", session=talk)
        put_document(meeting, title="Visa letter for participants", visibility=DocumentVisibility.PARTICIPANTS,
                     files={"en": ("visa-letter.pdf", pdf_bytes("visa"))})
        put_document(meeting, title="Organisers' briefing", visibility=DocumentVisibility.ORGANISERS, session=talk)
        put_document(meeting, title="Draft side meeting notes", session=draft)
        db.session.commit()
        return {"speaker": speaker.id, "people": list(db.session.scalars(db.select(Person.id))),
                "institutions": list(db.session.scalars(db.select(Institution.id))),
                "sessions": list(db.session.scalars(db.select(Session.id))),
                "documents": list(db.session.scalars(db.select(Document.id)))}


def _addresses(app, ids) -> list[str]:
    """Every public address of the meeting, each with every id that can fill it; a new one is included unasked."""
    values = {"slug": [SLUG], "day": [day.isoformat() for day in DAYS], "session_id": ids["sessions"],
              "person_id": ids["people"], "institution_id": ids["institutions"], "document_id": ids["documents"],
              "language": ["en"], "kind": ["rooms", "institutions", "people", "officers"]}
    addresses = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NOT_PUBLIC or rule.endpoint.startswith(NOT_PUBLIC_BLUEPRINTS):
            continue
        filled = [rule.rule]
        for argument in rule.arguments:
            filled = [re.sub(rf"<(?:[a-z]+(?:\([^)]*\))?:)?{argument}>", str(value), address)
                      for address in filled for value in values[argument]]
        addresses += [address for address in filled if "<" not in address]
    return sorted(set(addresses))


def test_no_public_address_shows_a_registered_participant_an_email_or_a_private_link(app, client, meeting_ids):
    addresses = _addresses(app, meeting_ids)
    assert len(addresses) > 20
    answers = {address: client.get(address) for address in addresses}
    assert {a: r.status_code for a, r in answers.items() if r.status_code >= 500} == {}
    # Some answers are files (a document, a pack of them): read as text whatever their bytes.
    shown = {address: [text for text in PRIVATE if text in unescape(response.get_data().decode("utf-8", "replace"))]
             for address, response in answers.items()}
    assert {address: found for address, found in shown.items() if found} == {}
    assert answers[f"/events/{SLUG}/people/{meeting_ids['speaker']}"].status_code == 200


def test_a_private_persons_page_answers_exactly_like_one_that_does_not_exist(client, meeting_ids):
    private = [person for person in meeting_ids["people"] if person != meeting_ids["speaker"]]
    missing = client.get(f"/events/{SLUG}/people/999999")
    assert missing.status_code == 404
    for person in private:
        response = client.get(f"/events/{SLUG}/people/{person}")
        assert (response.status_code, response.get_data()) == (404, missing.get_data())


def test_the_public_directory_lists_the_speakers_and_the_institutions_the_organisers_listed(client, meeting_ids):
    body = client.get(f"/api/v1/events/{SLUG}").get_json()
    assert [person["name"] for person in body["people"]] == ["Kim Min-ji"]
    assert [institution["name"] for institution in body["institutions"]] == ["Korea Coast Guard", "Ministry of Justice"]
