"""What the public sees: never a draft meeting or a draft session, nor a join link the organiser keeps private."""
from datetime import datetime

import pytest

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.operations.agenda import assign_role
from tests.integration.browsing import text_of


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        institution = make.institution(meeting, "Ministry of Justice")
        kim = make.person(meeting, "Kim Min-ji", institution=institution)
        block = make.session(meeting, "Working block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12),
                             online_link="https://meet.example.org/private")
        secret = make.session(meeting, "Secret side meeting", datetime(2021, 10, 18, 10),
                              datetime(2021, 10, 18, 11), parent=block, draft=True)
        open_talk = make.session(meeting, "Open talk", datetime(2021, 10, 18, 11), datetime(2021, 10, 18, 12),
                                 parent=block, online_link="https://meet.example.org/open", online_link_public=True)
        assign_role(secret, kim, Role.SPEAKER)
        db.session.commit()
        draft_meeting = make.meeting(slug="draft", title="Unannounced meeting", published=False)
        draft_person = make.person(draft_meeting, "Lee Ji-ho")
        draft_session = make.session(draft_meeting, "Unannounced session")
        make.organiser("owner@example.org", meetings=[meeting, draft_meeting])
        return dict(block=block.id, secret=secret.id, open=open_talk.id, kim=kim.id, institution=institution.id,
                    draft_person=draft_person.id, draft_session=draft_session.id)


def test_a_draft_session_appears_on_no_public_page(client, ids):
    pages = ["/events/owned/", "/events/owned/days/2021-10-18", f"/events/owned/sessions/{ids['block']}",
             f"/events/owned/people/{ids['kim']}", f"/events/owned/institutions/{ids['institution']}"]
    assert {url: "Secret side meeting" in text_of(client.get(url)) for url in pages} == {url: False for url in pages}
    assert client.get(f"/events/owned/sessions/{ids['secret']}").status_code == 404
    assert client.get(f"/api/v1/events/owned/sessions/{ids['secret']}").status_code == 404
    assert [s["title"] for s in client.get("/api/v1/events/owned").get_json()["sessions"]] == [
        "Working block", "Open talk"]


def test_the_organisers_see_their_draft_sessions(browser, ids):
    organiser = browser("owner@example.org")
    assert "Secret side meeting" in text_of(organiser.get("/events/owned/organise/timetable/2021-10-18"))
    assert organiser.get(f"/api/v1/events/owned/sessions/{ids['secret']}").get_json()["draft"] is True


def test_a_draft_meeting_is_not_found_anywhere_public(client, ids):
    addresses = ["/events/draft/", "/events/draft/days/2021-10-18", f"/events/draft/sessions/{ids['draft_session']}",
                 f"/events/draft/people/{ids['draft_person']}", "/events/draft/institutions/",
                 "/api/v1/events/draft", f"/api/v1/events/draft/sessions/{ids['draft_session']}"]
    assert {url: client.get(url).status_code for url in addresses} == {url: 404 for url in addresses}
    assert "Unannounced meeting" not in text_of(client.get("/"))
    assert [e["slug"] for e in client.get("/api/v1/events").get_json()["events"]] == ["owned"]


def test_the_organisers_of_a_draft_meeting_work_on_it(browser, ids):
    organiser = browser("owner@example.org")
    assert "Unannounced meeting" in text_of(organiser.get("/organise/"))
    assert organiser.get("/events/draft/organise/timetable/2021-10-18").status_code == 200
    assert organiser.get(f"/api/v1/events/draft/sessions/{ids['draft_session']}").status_code == 200


def test_a_join_link_reaches_the_public_only_when_the_organiser_made_it_public(client, browser, ids):
    block = client.get(f"/api/v1/events/owned/sessions/{ids['block']}").get_json()
    talk = client.get(f"/api/v1/events/owned/sessions/{ids['open']}").get_json()
    assert (block["online_link"], talk["online_link"]) == (None, "https://meet.example.org/open")
    assert "meet.example.org/private" not in client.get(f"/events/owned/sessions/{ids['block']}").get_data(as_text=True)
    assert 'href="https://meet.example.org/open"' in client.get(f"/events/owned/sessions/{ids['open']}").get_data(
        as_text=True)
    organiser = browser("owner@example.org")
    assert organiser.get(f"/api/v1/events/owned/sessions/{ids['block']}").get_json()["online_link"] == \
        "https://meet.example.org/private"
