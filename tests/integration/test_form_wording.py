"""Forms that say what they mean: the slug named as the web address it makes, sensible defaults for a new
session, no "add the people" prompt for a break, and a skip link past the menus."""
from datetime import datetime

import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import Meeting

from tests.integration.browsing import errors_beside_fields, flashes_of, form_of, submit, text_of


@pytest.fixture
def alice(browser, seed):
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        make.organiser("alice@example.org", meetings=[meeting])
    return browser("alice@example.org")


def test_the_slug_is_called_a_web_address_and_shows_where_the_agenda_will_be(browser, seed):
    with seed() as make:
        make.organiser("admin@example.org", administrator=True)
    page = text_of(browser("admin@example.org").get("/organise/meetings/new"))
    assert "Web address (slug)" in page
    assert "The agenda will be at http://localhost/events/your-slug/" in page


def test_a_new_session_is_a_working_session_unless_told_otherwise(alice):
    assert form_of(alice.get("/events/owned/organise/sessions/new"), with_field="kind").values()["kind"] == "working"


def test_a_break_is_not_asked_for_its_chairs_and_speakers(alice):
    response = submit(alice, "/events/owned/organise/sessions/new?day=2021-10-18",
                      {"title": "Coffee", "kind": "break", "starts": "2021-10-18T10:30", "ends": "2021-10-18T10:45"},
                      with_field="title")
    assert response.headers["Location"] == "/events/owned/organise/timetable/2021-10-18"
    assert flashes_of(alice.get(response.headers["Location"])) == ["Added “Coffee”."]


def test_every_page_starts_with_a_link_past_the_menus(alice, client):
    for reader, address in [(client, "/"), (alice, "/events/owned/organise/")]:
        assert '<a class="skip-link" href="#content">Skip to the content</a>' in reader.get(address).get_data(
            as_text=True)


def test_edit_links_name_what_they_edit(alice, seed):
    with seed() as make:
        make.room(db.session.scalar(select(Meeting)), "Hall A")
    html = alice.get("/events/owned/organise/rooms/").get_data(as_text=True)
    assert 'Edit<span class="visually-hidden"> Hall A</span>' in html
    assert 'Delete<span class="visually-hidden"> Hall A</span>…' in html


def test_a_new_registration_skips_days_without_sessions(alice, seed):
    with seed() as make:
        make.session(db.session.scalar(select(Meeting)), "Opening", datetime(2021, 10, 18, 9))
    values = form_of(alice.get("/events/owned/organise/participants/new"), with_field="role").values()
    assert [values[f"day_2021_10_{day}"] for day in range(18, 23)] == ["in_room"] + ["absent"] * 4


def test_a_zone_field_offers_the_current_zone_names_and_a_typed_city_gets_a_suggestion(alice):
    html = alice.get("/events/owned/organise/edit").get_data(as_text=True)
    assert 'list="zone-names"' in html and '<option value="Europe/Kyiv">' in html
    assert '<option value="Europe/Kiev">' not in html
    response = submit(alice, "/events/owned/organise/edit", {"timezone": "Vienna"}, with_field="venue")
    assert errors_beside_fields(response) == {
        "timezone": ["“Vienna” is not a known IANA time zone. Did you mean Europe/Vienna?"]}
