"""Staff at the door, on a phone: search a name, tick them in, and see the count change."""
import re

import pytest
from playwright.sync_api import expect

from planner.extensions import db
from planner.models import CheckIn
from planner.operations.accounts import create_organiser
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from tests.integration.presence_support import MON, PASSWORD, build_small_meeting

pytestmark = pytest.mark.e2e

@pytest.fixture
def door_meeting(make):
    meeting = build_small_meeting(make)
    door = create_organiser("door@example.org", PASSWORD, name="Door Staff")
    grant_role(meeting.meeting, door, TeamRole.DOOR_STAFF, actor=None)
    db.session.commit()
    return meeting


def test_staff_find_a_participant_on_a_phone_and_check_them_in(phone, live_server, door_meeting):
    phone.goto(f"{live_server}/login")
    phone.get_by_label("Email").fill("door@example.org")
    phone.get_by_label("Password").fill(PASSWORD)
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("heading", name="My meetings")).to_be_visible()

    phone.goto(f"{live_server}/events/egm/organise/check-in/2021-10-18")
    counts = phone.locator("#door-counts")
    expect(counts).to_have_text("0 checked in of 4 expected in the room", use_inner_text=True)
    lines = phone.locator("#door-list .door-line:visible")
    expect(lines).to_have_count(7)

    phone.get_by_label("Search by name").press_sequentially("minji", delay=30)
    expect(lines).to_have_count(1)
    expect(lines.first).to_contain_text("Dr Kim Min-ji")
    button = phone.get_by_role("button", name="Check in Dr Kim Min-ji")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44  # a thumb can hit it
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # one column, nothing off the side

    button.tap()
    expect(counts).to_have_text("1 checked in of 4 expected in the room", use_inner_text=True)
    undo = phone.get_by_role("button", name="Undo check-in of Dr Kim Min-ji")
    expect(undo).to_have_attribute("aria-pressed", "true")
    expect(lines.first.locator(".door-status")).to_have_text(re.compile(r"Checked in \d\d:\d\d by Door Staff"))
    assert "q=minji" in phone.url  # saved in place: the page did not reload, the search stays
    kim = door_meeting.registration_id("kim")
    assert db.session.query(CheckIn).filter_by(registration_id=kim, day=MON).count() == 1

    undo.tap()
    expect(counts).to_have_text("0 checked in of 4 expected in the room", use_inner_text=True)
    expect(phone.get_by_role("button", name="Check in Dr Kim Min-ji")).to_have_attribute("aria-pressed", "false")
