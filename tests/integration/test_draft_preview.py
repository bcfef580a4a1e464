"""A draft meeting: its organisers preview the public pages, programme and calendar files, marked as a draft; the
public still gets 404. Publishing and unpublishing are a button and a page that says what changes."""
from datetime import datetime

import pytest

from planner.domain.vocabulary import MeetingFormat
from planner.extensions import db
from planner.models import Meeting
from tests.integration.browsing import flashes_of, submit, text_of

BAND = "Draft — only organisers see this."
PUBLIC = ["/events/draft/", "/events/draft/days/2021-10-18", "/events/draft/programme",
          "/events/draft/programme/2021-10-18", "/events/draft/institutions/"]
FILES = ["/events/draft/calendar.ics", "/events/draft/days/2021-10-18.ics"]


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="draft", title="Quiet meeting", published=False, format=MeetingFormat.HYBRID)
        session = make.session(meeting, "Opening", datetime(2021, 10, 18, 9))
        make.session(meeting, "Secret side event", datetime(2021, 10, 18, 11), draft=True)
        make.person(meeting, "Kim Min-ji")
        make.organiser("alice@example.org", meetings=[meeting])
        make.organiser("stranger@example.org")
        return dict(session=session.id)


def is_published(app) -> bool:
    with app.app_context():
        return db.session.scalar(db.select(Meeting.published).where(Meeting.slug == "draft"))


def test_the_organiser_previews_every_public_page_of_a_draft_marked_as_such(browser, ids):
    alice = browser("alice@example.org")
    for address in [*PUBLIC, f"/events/draft/sessions/{ids['session']}"]:
        response = alice.get(address)
        assert response.status_code == 200, address
        assert BAND in text_of(response), address
    agenda = text_of(alice.get("/events/draft/"))
    assert "Opening" in agenda and "Secret side event" not in agenda  # what the public will see, once published


def test_the_organiser_gets_a_drafts_calendar_files_kept_out_of_shared_caches(browser, ids):
    alice = browser("alice@example.org")
    for address in [*FILES, f"/events/draft/sessions/{ids['session']}.ics"]:
        response = alice.get(address)
        assert response.status_code == 200, address
        assert "SUMMARY:Opening" in response.get_data(as_text=True)
        assert "private" in response.headers["Cache-Control"] and "public" not in response.headers["Cache-Control"]


@pytest.mark.parametrize("who", [None, "stranger@example.org"])
def test_anyone_else_is_told_there_is_no_such_meeting(client, browser, ids, who):
    reader = browser(who) if who else client
    for address in [*PUBLIC, *FILES, f"/events/draft/sessions/{ids['session']}"]:
        assert reader.get(address).status_code == 404, address


def test_publishing_says_what_becomes_visible_asks_to_confirm_and_opens_the_pages(app, client, browser, ids):
    alice = browser("alice@example.org")
    assert "Publish…" in text_of(alice.get("/events/draft/organise/"))
    page = text_of(alice.get("/events/draft/organise/publish"))
    assert "Publish “Quiet meeting”?" in page
    assert "1 session (1 marked draft stay hidden)" in page
    assert not is_published(app)

    response = submit(alice, "/events/draft/organise/publish", action_contains="/publish")
    assert response.status_code == 302
    assert flashes_of(alice.get("/events/draft/organise/")) == ["Published “Quiet meeting”: anyone can now read it."]
    assert client.get("/events/draft/").status_code == 200
    assert BAND not in text_of(client.get("/events/draft/"))

    assert "Make “Quiet meeting” a draft again?" in text_of(alice.get("/events/draft/organise/publish"))
    submit(alice, "/events/draft/organise/publish", action_contains="/publish")
    assert client.get("/events/draft/").status_code == 404
    history = text_of(alice.get("/events/draft/organise/history"))
    assert "Published meeting “Quiet meeting”" in history and "Made meeting “Quiet meeting” a draft" in history


def test_a_stale_confirmation_changes_nothing(app, browser, ids):
    alice = browser("alice@example.org")
    response = submit(alice, "/events/draft/organise/publish", {"version": "0"}, action_contains="/publish")
    assert response.status_code == 302
    assert not is_published(app)
    assert flashes_of(alice.get("/events/draft/organise/publish")) == [
        "Someone changed the meeting meanwhile; check what it is now and confirm again."]


def test_editing_the_details_keeps_the_meeting_published_or_not(app, browser, ids):
    alice = browser("alice@example.org")
    submit(alice, "/events/draft/organise/publish", action_contains="/publish")
    submit(alice, "/events/draft/organise/edit", {"venue": "Seoul, Lotte Hotel"}, with_field="venue")
    assert is_published(app)


def test_the_overview_lists_what_is_missing(browser, ids):
    page = text_of(browser("alice@example.org").get("/events/draft/organise/"))
    assert "The meeting has no rooms yet. Add rooms" in page
    assert "2 sessions have no room." in page
    assert "1 person has no institution." in page
    assert "This hybrid meeting has no online link." in page
