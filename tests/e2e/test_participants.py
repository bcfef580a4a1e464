"""An organiser registers participants in the browser and sees who will be in the room."""
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from planner.operations.registrations import register_participant
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


@pytest.fixture
def small_meeting(make):
    meeting = make.meeting(slug="egm", first_day=date(2021, 10, 18), last_day=date(2021, 10, 19))
    room = make.room(meeting, "Small room", capacity=1)
    make.session(meeting, "Working session", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room,
                 online_link="https://meet.example.org/monday")
    make.session(meeting, "Second day", datetime(2021, 10, 19, 9), datetime(2021, 10, 19, 10), room=room,
                 online_link="https://meet.example.org/tuesday")
    register_participant(meeting, make.person(meeting, "Kim Min-ji"), role=ParticipantRole.EXPERT,
                         days={date(2021, 10, 18): DayMode.IN_ROOM})
    organiser = create_organiser("organiser@example.org", PASSWORD)
    grant_role(meeting, organiser, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return meeting




def test_registering_someone_in_the_room_changes_the_headcounts_and_warns_of_capacity(page, live_server,
                                                                                      small_meeting, tmp_path):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/egm/organise/timetable/2021-10-18")
    expect(page.locator(".day-count")).to_have_text("1 in the room · 0 online this day")
    expect(page.locator(".no-conflicts")).to_be_visible()

    page.goto(f"{live_server}/events/egm/organise/participants/new")
    page.get_by_label("Name as written").fill("Damien Thuriaux")
    page.get_by_label("Takes part as").select_option(label="Expert")
    page.get_by_label("Mon 18 Oct").select_option(label="In the room")
    page.get_by_label("Tue 19 Oct").select_option(label="Online")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Registered Damien Thuriaux.")).to_be_visible()
    expect(page.locator(".headcounts tbody tr").nth(0).locator("td")).to_have_text(["2", "0"])
    expect(page.locator(".headcounts tbody tr").nth(1).locator("td")).to_have_text(["0", "1"])

    page.goto(f"{live_server}/events/egm/organise/timetable/2021-10-18")
    expect(page.locator(".day-count")).to_have_text("2 in the room · 0 online this day")
    expect(page.locator("#conflicts")).to_contain_text(
        "2 people attend in the room on Mon 18 Oct but Small room, where “Working session” is held, seats 1.")

    page.goto(f"{live_server}/events/egm/organise/participants/")
    bad_file = tmp_path / "participants.csv"
    bad_file.write_text("name,role,2021-10-18,2021-10-19\nLee Min-ho,expert,room,online\nPark,guest,online,\n")
    page.get_by_label("CSV file").set_input_files(str(bad_file))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("#import .form-problems")).to_contain_text("Nothing was imported.")
    expect(page.locator("#import .form-problems")).to_contain_text("Row 3, role:")
    expect(page.locator(".registrations tbody tr")).to_have_count(2)

    damien = page.locator(".registrations tbody tr", has=page.get_by_text("Damien Thuriaux"))
    damien.get_by_role("button", name="Personal address").click()
    address = page.locator(".flashes").inner_text().rsplit(": ", 1)[1].strip()
    page.get_by_role("button", name="Sign out").click()
    page.goto(address)
    expect(page.get_by_role("heading", name="Your agenda, Damien Thuriaux")).to_be_visible()
    expect(page.get_by_role("link", name="Join online")).to_have_count(1)
    expect(page.get_by_role("link", name="Join online")).to_have_attribute("href", "https://meet.example.org/tuesday")
