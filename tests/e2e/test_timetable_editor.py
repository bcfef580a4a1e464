"""The timetable editor on a 1366×768 laptop, page scrolled, driven with Playwright's real mouse and keyboard."""
import re
import time
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import SessionKind, TeamRole
from planner.extensions import db
from planner.models import Session
from planner.operations.accounts import create_organiser
from planner.operations.agenda import update_session
from planner.operations.team import grant_role
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
TIMETABLE = "/events/egm/organise/timetable/2021-10-18"


def wait_until(page, expression: str, seconds: float = 10) -> None:
    """Poll ``expression`` in the page. (Playwright's wait_for_function evaluates its text with eval, which the
    page's Content-Security-Policy forbids.)"""
    deadline = time.monotonic() + seconds
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {expression}"
        page.wait_for_timeout(50)


@pytest.fixture
def day(make):
    meeting = make.meeting(slug="egm", title="Border management EGM", first_day=date(2021, 10, 18),
                           last_day=date(2021, 10, 19), timezone="Asia/Seoul")
    make.room(meeting, "Room A")
    room_b = make.room(meeting, "Room B")
    ids = dict(
        talk=make.session(meeting, "Customs data talk", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11),
                          room=room_b).id,
        coffee=make.session(meeting, "Coffee break in the foyer", datetime(2021, 10, 18, 11),
                            datetime(2021, 10, 18, 11, 10), room=room_b, kind=SessionKind.BREAK).id,
    )
    make.session(meeting, "Opening", datetime(2021, 10, 18, 8), datetime(2021, 10, 18, 9), room=room_b)
    make.session(meeting, "Evening round-up", datetime(2021, 10, 18, 18), datetime(2021, 10, 18, 19), room=room_b)
    grant_role(meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return ids


def open_timetable(page, live_server):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(live_server + TIMETABLE)
    # The page scrolled down to the grid, as someone working in it has it.
    page.evaluate("window.scrollTo(0, document.getElementById('timetable').getBoundingClientRect().top"
                  " + window.scrollY - 16)")
    return page


@pytest.fixture
def editor(laptop, live_server, day):
    return open_timetable(laptop, live_server)


def slot(page, title):
    return page.locator(".slot", has=page.locator(":scope > .slot-title", has_text=title))


def column(page, room):
    return page.locator(".room-column", has=page.locator("h3", has_text=room))


def status(page):
    return page.locator("#timetable-status")


def y_of(page, room, hh_mm):
    """Where ``hh_mm`` is on the screen now, in ``room``'s column, as the page is scrolled at this moment."""
    track = column(page, room).locator(".room-track").bounding_box()
    first = int(page.locator("#timetable").get_attribute("data-first-minute"))
    px = page.evaluate("parseFloat(getComputedStyle(document.getElementById('timetable')).getPropertyValue('--px'))")
    hours, minutes = map(int, hh_mm.split(":"))
    return track["x"] + track["width"] / 2, track["y"] + (hours * 60 + minutes - first) * px


def grab(page, title):
    """Press on a session near its top and move far enough for it to become a drag."""
    box = slot(page, title).bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + 3
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x, y + 12, steps=3)
    return x, y + 12


def test_a_click_on_a_session_opens_it(editor, day):
    box = slot(editor, "Customs data talk").bounding_box()
    editor.mouse.click(box["x"] + box["width"] - 8, box["y"] + box["height"] - 14)
    expect(editor).to_have_url(re.compile(rf"/organise/sessions/{day['talk']}/edit$"))


def test_a_long_drag_scrolls_at_the_edge_and_lands_where_the_pointer_is(editor):
    grab(editor, "Customs data talk")
    x, _ = y_of(editor, "Room A", "10:00")
    editor.mouse.move(x, 760, steps=10)
    wait_until(editor, "(g => g.scrollTop + g.clientHeight >= g.scrollHeight - 1)"
                       "(document.getElementById('timetable'))")
    editor.mouse.move(*y_of(editor, "Room A", "16:30"), steps=4)
    editor.mouse.move(*y_of(editor, "Room A", "16:30"))
    editor.mouse.up()
    expect(status(editor)).to_have_text("Saved: Customs data talk, 16:30–17:30, Room A.")
    editor.reload()
    expect(column(editor, "Room A").locator(".slot")).to_have_count(1)
    expect(slot(editor, "Customs data talk").locator(".slot-time")).to_have_text("16:30–17:30")


def test_the_wheel_scrolls_during_a_drag_and_the_drop_follows(editor):
    grab(editor, "Customs data talk")
    editor.mouse.wheel(0, 400)
    wait_until(editor, "document.getElementById('timetable').scrollTop >= 300")
    editor.mouse.move(*y_of(editor, "Room B", "14:00"), steps=4)
    editor.mouse.up()
    expect(status(editor)).to_have_text("Saved: Customs data talk, 14:00–15:00, Room B.")


def test_escape_cancels_a_drag_and_puts_the_session_back(editor):
    x, y = grab(editor, "Customs data talk")
    editor.mouse.move(x - 200, y + 150, steps=5)
    expect(slot(editor, "Customs data talk").locator(".slot-time")).not_to_have_text("10:00–11:00")
    editor.keyboard.press("Escape")
    editor.mouse.up()
    expect(status(editor)).to_have_text("Put back: Customs data talk, 10:00–11:00, Room B.")
    expect(editor).to_have_url(re.compile(f"{TIMETABLE}$"))
    editor.reload()
    expect(column(editor, "Room B").locator(slot(editor, "Customs data talk"))).to_have_count(1)
    expect(slot(editor, "Customs data talk").locator(".slot-time")).to_have_text("10:00–11:00")


def test_a_session_is_moved_resized_and_opened_with_the_keyboard_alone(editor, day):
    talk = slot(editor, "Customs data talk")
    talk.focus()
    for key in ["ArrowDown", "ArrowDown", "ArrowDown", "ArrowLeft"]:
        editor.keyboard.press(key)
    expect(status(editor)).to_have_text(
        "Customs data talk: 10:15–11:15, Room A. Saved when you pause; Escape puts it back.")
    expect(status(editor)).to_have_text("Saved: Customs data talk, 10:15–11:15, Room A.")
    expect(slot(editor, "Customs data talk")).to_be_focused()

    editor.keyboard.press("Shift+ArrowDown")
    editor.keyboard.press("Shift+ArrowDown")
    expect(status(editor)).to_have_text("Saved: Customs data talk, 10:15–11:25, Room A.")

    editor.keyboard.press("Enter")
    expect(editor).to_have_url(re.compile(rf"/organise/sessions/{day['talk']}/edit$"))
    expect(editor.get_by_label("Ends")).to_have_value("2021-10-18T11:25")


def test_escape_puts_back_an_unsaved_keyboard_move(editor):
    slot(editor, "Customs data talk").focus()
    editor.keyboard.press("ArrowUp")
    editor.keyboard.press("Escape")
    expect(status(editor)).to_have_text("Put back: Customs data talk, 10:00–11:00, Room B.")
    editor.wait_for_timeout(1600)
    editor.reload()
    expect(slot(editor, "Customs data talk").locator(".slot-time")).to_have_text("10:00–11:00")


def test_undo_after_a_reload_takes_back_my_last_move(editor):
    slot(editor, "Customs data talk").focus()
    editor.keyboard.press("ArrowDown")
    expect(status(editor)).to_have_text("Saved: Customs data talk, 10:05–11:05, Room B.")
    editor.reload()
    editor.get_by_role("button", name="Undo my last change").click()
    expect(status(editor)).to_have_text("Undone: Changed session “Customs data talk”.")
    expect(slot(editor, "Customs data talk").locator(".slot-time")).to_have_text("10:00–11:00")
    expect(editor.get_by_role("button", name="Undo my last change")).to_be_disabled()


def test_headers_stay_in_view_short_sessions_keep_their_title_and_the_handle_shows_on_hover(editor):
    editor.locator("#timetable").evaluate("grid => { grid.scrollTop = 600; }")
    grid_top = editor.locator("#timetable").bounding_box()["y"]
    assert abs(column(editor, "Room B").locator("h3").bounding_box()["y"] - grid_top) < 2

    editor.locator("#timetable").evaluate("grid => { grid.scrollTop = 0; }")
    coffee = slot(editor, "Coffee break in the foyer")
    expect(coffee.locator(".slot-title")).to_be_visible()
    expect(coffee).to_have_attribute("title", "Coffee break in the foyer, 11:00–11:10")
    expect(coffee).to_have_accessible_name("Coffee break in the foyer, 11:00–11:10, Room B")

    handle = slot(editor, "Customs data talk").locator(".resize-handle")
    assert handle.evaluate("h => getComputedStyle(h).backgroundImage") == "none"
    slot(editor, "Customs data talk").hover()
    assert handle.evaluate("h => getComputedStyle(h).backgroundImage") != "none"


def test_the_sessions_list_shifts_the_chosen_sessions_in_one_change(editor, live_server):
    editor.goto(f"{live_server}/events/egm/organise/sessions/")
    editor.get_by_label("Choose Customs data talk, Mon 18 Oct 10:00–11:00").check()
    editor.get_by_label("Choose Coffee break in the foyer, Mon 18 Oct 11:00–11:10").check()
    editor.get_by_label("With the chosen sessions").select_option(label="Shift by some minutes")
    editor.get_by_label("Minutes (negative: earlier)").fill("45")
    editor.get_by_role("button", name="Apply to the chosen sessions").click()
    expect(editor.get_by_text("Shifted 2 sessions later by 45 minutes.")).to_be_visible()
    expect(editor.locator("tr", has_text="Customs data talk")).to_contain_text("10:45–11:45")
    expect(editor.locator("tr", has_text="Coffee break")).to_contain_text("11:45–11:55")


def test_a_keyboard_move_of_a_session_someone_changed_meanwhile_is_refused_and_shows_their_version(editor, day):
    update_session(db.session.get(Session, day["talk"]), actor=None, title="Customs data: the talk")
    db.session.commit()
    slot(editor, "Customs data talk").focus()
    editor.keyboard.press("ArrowDown")
    expect(status(editor)).to_have_text("Someone else changed this session meanwhile (Title: Customs data talk → "
                                        "Customs data: the talk). The timetable now shows their version.")
    expect(slot(editor, "Customs data: the talk").locator(".slot-time")).to_have_text("10:00–11:00")


def test_a_tap_on_a_phone_opens_the_session(phone, live_server, day):
    sign_in(phone, live_server, "organiser@example.org", PASSWORD)
    phone.goto(live_server + TIMETABLE)
    slot(phone, "Customs data talk").locator(".slot-time").tap()
    expect(phone).to_have_url(re.compile(rf"/organise/sessions/{day['talk']}/edit$"))


def touch(page):
    """A finger on the phone's screen: touches through Chromium's input pipeline (the DevTools protocol), so the
    browser itself decides between scrolling and handing the moves to the page, as it does for a real finger."""
    cdp = page.context.new_cdp_session(page)

    def send(kind, x=None, y=None):
        points = [] if x is None else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def swipe(start, end, steps=12, hold_ms=0):
        send("touchStart", *start)
        if hold_ms:
            page.wait_for_timeout(hold_ms)
        for i in range(1, steps + 1):
            send("touchMove", start[0] + (end[0] - start[0]) * i / steps, start[1] + (end[1] - start[1]) * i / steps)
            page.wait_for_timeout(16)
        send("touchEnd")

    return swipe


@pytest.fixture
def phone_editor(phone, live_server, day):
    return open_timetable(phone, live_server)


def scrolled(page) -> float:
    return page.evaluate("window.scrollY + document.getElementById('timetable').scrollTop")


def test_a_swipe_over_a_session_on_a_phone_scrolls_and_moves_nothing(phone_editor):
    box = slot(phone_editor, "Customs data talk").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before = scrolled(phone_editor)
    touch(phone_editor)((x, y), (x, y - 250))
    wait_until(phone_editor, f"window.scrollY + document.getElementById('timetable').scrollTop > {before + 100}")
    phone_editor.wait_for_timeout(300)
    expect(slot(phone_editor, "Customs data talk").locator(".slot-time")).to_have_text("10:00–11:00")
    expect(status(phone_editor)).not_to_contain_text("Saved")


def test_a_finger_resting_on_a_session_picks_it_up_and_drops_it_where_it_is_lifted(phone_editor):
    box = slot(phone_editor, "Customs data talk").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + 4
    target = y_of(phone_editor, "Room A", "11:00")
    assert target[1] < 700  # away from the screen's edge, where the timetable would scroll on under the finger
    touch(phone_editor)((x, y), (target[0], target[1] + 4), hold_ms=600)
    expect(status(phone_editor)).to_have_text("Saved: Customs data talk, 11:00–12:00, Room A.")
