"""The timetable editor in Arabic, in Chromium: the page, its days and its rooms run right to left, the keyboard
moves a session to the room on the side the arrow points to and says so in Arabic; a screenshot for a person."""
from datetime import date, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.operations.team import grant_role
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
TIMETABLE = "/events/egm/organise/timetable/2021-10-18"
# Where a person looks at what the browser tests saw (git ignores it).
OUTPUT = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def editor(laptop, live_server, make):
    meeting = make.meeting(slug="egm", title="Border management EGM", first_day=date(2021, 10, 18),
                           last_day=date(2021, 10, 19), timezone="Asia/Seoul")
    make.room(meeting, "Room A", capacity=30)
    room_b = make.room(meeting, "Room B", capacity=12)
    make.session(meeting, "Customs data talk", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11), room=room_b)
    make.session(meeting, "Opening", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room_b)
    grant_role(meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()
    sign_in(laptop, live_server, "organiser@example.org", PASSWORD)
    laptop.goto(f"{live_server}{TIMETABLE}?lang=ar")
    return laptop


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None
    return found


def column(page, room):
    return page.locator(".room-column", has=page.locator("h3", has_text=room))


def slot(page, title):
    return page.locator(".slot", has=page.locator(":scope > .slot-title", has_text=title))


def test_the_timetable_in_arabic_runs_right_to_left_and_the_keyboard_speaks_arabic(editor):
    expect(editor.locator("html")).to_have_attribute("dir", "rtl")
    expect(editor.locator(".timetable-tools .button.primary")).to_have_text("إضافة جلسة")
    expect(column(editor, "Room A").locator("h3 small")).to_have_text("30 مقعدًا")

    # The first day at the right, the next to its left; the hours at the right edge of the grid, the first room
    # beside them, the second room to its left.
    days = editor.locator(".day-tabs a")
    assert box(days.nth(0))["x"] > box(days.nth(1))["x"]
    hours, room_a, room_b = box(editor.locator(".time-axis")), box(column(editor, "Room A")), box(column(editor, "Room B"))
    assert hours["x"] >= room_a["x"] + room_a["width"] - 1
    assert room_a["x"] >= room_b["x"] + room_b["width"] - 1
    # The hours down the side are written as the sessions' times are, in Arabic ("9:00 ص").
    expect(editor.locator(".time-axis span").first).to_contain_text("ص")
    OUTPUT.mkdir(exist_ok=True)
    editor.screenshot(path=str(OUTPUT / "timetable-ar.png"), full_page=True)

    # The right arrow goes to the room on the right (Room A), said in Arabic as it goes, then saved.
    talk = slot(editor, "Customs data talk")
    talk.focus()
    editor.keyboard.press("ArrowRight")
    status = editor.locator("#timetable-status")
    expect(status).to_contain_text("يُحفظ التغيير عند توقفك")
    expect(status).to_contain_text("Customs data talk")
    expect(status).to_contain_text("Room A")
    expect(status).to_contain_text("تم الحفظ: Customs data talk")
    moved = column(editor, "Room A").locator(slot(editor, "Customs data talk"))
    expect(moved).to_have_count(1)
    # The script writes the time as the server does, in Arabic ("10:00 ص–11:00 ص"), not a 24-hour English clock.
    shown = moved.locator(".slot-time").inner_text()
    assert "ص" in shown
    expect(status).to_have_text(f"تم الحفظ: Customs data talk، {shown}، Room A.")
    editor.screenshot(path=str(OUTPUT / "timetable-ar-moved.png"), full_page=True)
