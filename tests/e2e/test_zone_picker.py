"""The zone picker in Chromium: it starts from the device's zone, and remembers a choice across pages."""
import threading
from datetime import datetime

import pytest
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

pytestmark = pytest.mark.e2e

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def served_meeting(app, make):
    meeting = make.meeting()
    session = make.session(meeting, "Border data panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/events/test-meeting", session
    server.shutdown()
    thread.join()


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_a_first_visit_shows_the_devices_zone_and_a_choice_follows_the_reader(chromium, served_meeting):
    address, session = served_meeting
    page = chromium.new_context(timezone_id="America/New_York").new_page()
    page.goto(f"{address}/")
    expect(page.locator(".zone-note")).to_contain_text("Times are in America/New_York")
    expect(page.locator(".session .when").first).to_contain_text("20:00–21:00")
    expect(page.locator("#zone-picker-tz")).to_have_value("America/New_York")

    page.select_option("#zone-picker-tz", "Europe/Zurich")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(f"{address}/?tz=Europe%2FZurich")
    page.goto(f"{address}/sessions/{session.id}")
    expect(page.locator(".session-detail .when")).to_contain_text("02:00–03:00 Europe/Zurich")


def test_without_javascript_the_picker_is_a_plain_form(chromium, served_meeting):
    address, _ = served_meeting
    page = chromium.new_context(timezone_id="America/New_York", java_script_enabled=False).new_page()
    page.goto(f"{address}/")
    expect(page.locator(".zone-note")).to_contain_text("Times are in the meeting's time zone, Asia/Seoul")
    page.select_option("#zone-picker-tz", "America/New_York")
    page.get_by_role("button", name="Show").click()
    expect(page.locator(".zone-note")).to_contain_text("Times are in America/New_York")
    page.goto(f"{address}/days/2021-10-18")
    expect(page.locator("h3.reader-day")).to_have_text("Sunday 17 October 2021 in New York")


def test_a_mistyped_zone_keeps_its_notice_rather_than_jumping_to_the_devices_zone(chromium, served_meeting):
    address, _ = served_meeting
    page = chromium.new_context(timezone_id="America/New_York").new_page()
    page.goto(f"{address}/?tz=America/Nw_York")
    page.wait_for_load_state("load")
    expect(page.locator(".notice")).to_contain_text("“America/Nw_York” is not a known IANA time zone")
    assert page.context.cookies() == []
