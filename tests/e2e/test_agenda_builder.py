"""An organiser builds the agenda in the browser: form, drag and drop, conflicts, sign-out."""
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.operations.agenda import assign_role
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


@pytest.fixture
def meeting_in_progress(make):
    meeting = make.meeting(slug="egm", title="Border management EGM", first_day=date(2021, 10, 18),
                           last_day=date(2021, 10, 19))
    make.room(meeting, "Room A")
    room_b = make.room(meeting, "Room B")
    kim = make.person(meeting, "Kim Min-ji", honorific="Dr")
    talk = make.session(meeting, "Customs data talk", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11),
                        room=room_b)
    assign_role(talk, kim, Role.SPEAKER)
    organiser = create_organiser("organiser@example.org", PASSWORD)
    grant_role(meeting, organiser, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return meeting




def slot(page, title):
    return page.locator(".slot", has=page.locator(".slot-title", has_text=title))


def scroll_to_grid(page):
    """Scroll the page to the timetable, whose edges would otherwise scroll it during a drag."""
    page.evaluate("window.scrollTo(0, document.getElementById('timetable').getBoundingClientRect().top"
                  " + window.scrollY - 16)")


def drag_to(page, title, room, hh_mm):
    """Drag a session's block so that it starts at ``hh_mm`` in ``room``'s column."""
    scroll_to_grid(page)
    block = slot(page, title)
    box = block.bounding_box()
    column = page.locator(".room-column", has=page.locator("h3", has_text=room)).locator(".room-track")
    track = column.bounding_box()
    timetable = page.locator("#timetable")
    first_minute = int(timetable.get_attribute("data-first-minute"))
    px = page.evaluate("parseFloat(getComputedStyle(document.getElementById('timetable')).getPropertyValue('--px'))")
    hours, minutes = map(int, hh_mm.split(":"))
    grab_x, grab_y = box["x"] + box["width"] / 2, box["y"] + 4
    target_y = track["y"] + (hours * 60 + minutes - first_minute) * px + 4
    target_x = track["x"] + track["width"] / 2
    page.mouse.move(grab_x, grab_y)
    page.mouse.down()
    page.mouse.move(grab_x, grab_y + 10, steps=3)
    page.mouse.move(target_x, target_y, steps=12)
    page.mouse.up()


def test_an_organiser_builds_moves_and_checks_a_session_in_the_browser(page, live_server, meeting_in_progress):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)

    page.goto(f"{live_server}/events/egm/organise/sessions/new?day=2021-10-18")
    page.get_by_label("Title").fill("Border data panel")
    page.get_by_label("Kind").select_option(label="Panel")
    page.get_by_label("Starts").fill("2021-10-18T09:00")
    page.get_by_label("Ends").fill("2021-10-18T09:30")
    page.get_by_label("Room").select_option(label="Room A")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Added “Border data panel”")).to_be_visible()
    page.get_by_label("Person").select_option(label="Dr Kim Min-ji")
    page.get_by_label("Role").select_option(label="Speaker")
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_text("Speaker: Dr Kim Min-ji")).to_be_visible()

    page.goto(f"{live_server}/events/egm/organise/timetable/2021-10-18")
    expect(page.locator(".no-conflicts")).to_be_visible()
    drag_to(page, "Border data panel", "Room B", "11:00")
    expect(page.locator("#timetable-status")).to_have_text("Saved: Border data panel, 11:00–11:30, Room B.")

    page.reload()
    moved = slot(page, "Border data panel")
    expect(moved.locator(".slot-time")).to_have_text("11:00–11:30")
    expect(page.locator(".room-column", has=page.locator("h3", has_text="Room B")).locator(moved)).to_have_count(1)

    drag_to(page, "Border data panel", "Room A", "10:15")
    expect(slot(page, "Border data panel").locator(".slot-time")).to_have_text("10:15–10:45")
    expect(page.locator("#conflicts")).to_contain_text(
        "Kim Min-ji is in “Customs data talk” (Mon 18 Oct 10:00–11:00) and in “Border data panel”"
    )

    page.get_by_role("button", name="Undo my last change").click()
    expect(slot(page, "Border data panel").locator(".slot-time")).to_have_text("11:00–11:30")
    expect(page.locator(".no-conflicts")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    page.goto(f"{live_server}/events/egm/organise/timetable/2021-10-18")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.goto(f"{live_server}/events/egm/")
    expect(page.get_by_text("Border data panel")).to_be_visible()
    expect(page.locator(".slot, .resize-handle, #undo")).to_have_count(0)
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)


def test_a_session_dragged_past_the_day_is_refused_with_a_message_and_stays(page, live_server, meeting_in_progress):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/egm/organise/timetable/2021-10-18")
    scroll_to_grid(page)
    block = slot(page, "Customs data talk")
    handle = block.locator(".resize-handle").bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + 2)
    page.mouse.down()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + 2 + 30 * 2.4, steps=8)
    page.mouse.up()
    expect(page.locator("#timetable-status")).to_have_text("Saved: Customs data talk, 10:00–11:30, Room B.")
    expect(slot(page, "Customs data talk").locator(".slot-time")).to_have_text("10:00–11:30")
