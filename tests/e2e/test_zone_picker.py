"""The zone picker in Chromium: it starts from the device's zone, and remembers a choice across pages."""
from datetime import datetime

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


@pytest.fixture
def served_meeting(live_server, make):
    meeting = make.meeting()
    session = make.session(meeting, "Border data panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    return f"{live_server}/events/test-meeting", session


def test_a_first_visit_shows_the_devices_zone_and_a_choice_follows_the_reader(browser, served_meeting):
    address, session = served_meeting
    page = browser.new_context(timezone_id="America/New_York").new_page()
    page.goto(f"{address}/")
    expect(page.locator(".zone-note")).to_contain_text("Times are in America/New_York")
    expect(page.locator(".session .when").first).to_contain_text("20:00–21:00")
    expect(page.locator("#zone-picker-tz")).to_have_value("America/New_York")

    page.select_option("#zone-picker-tz", "Europe/Zurich")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{address}/?tz=Europe%2FZurich")
    page.goto(f"{address}/sessions/{session.id}")
    expect(page.locator(".session-detail .when")).to_contain_text("02:00–03:00 Europe/Zurich")


def test_without_javascript_the_picker_is_a_plain_form(browser, served_meeting):
    address, _ = served_meeting
    page = browser.new_context(timezone_id="America/New_York", java_script_enabled=False).new_page()
    page.goto(f"{address}/")
    expect(page.locator(".zone-note")).to_contain_text("Times are in the meeting's time zone, Asia/Seoul")
    page.select_option("#zone-picker-tz", "America/New_York")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".zone-note")).to_contain_text("Times are in America/New_York")
    page.goto(f"{address}/days/2021-10-18")
    expect(page.locator("h3.reader-day")).to_have_text("Sunday 17 October 2021 in New York")


def test_a_mistyped_zone_keeps_its_notice_rather_than_jumping_to_the_devices_zone(browser, served_meeting):
    address, _ = served_meeting
    page = browser.new_context(timezone_id="America/New_York").new_page()
    page.goto(f"{address}/?tz=America/Nw_York")
    page.wait_for_load_state("load")
    expect(page.locator(".notice")).to_contain_text("“America/Nw_York” is not a known IANA time zone")
    assert page.context.cookies() == []
