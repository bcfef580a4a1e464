"""The demo Seoul meeting's agenda, in Chromium, in Korean and in Arabic, and the language picker used by hand.

What a reader in Seoul or Cairo would notice: the days in their language as CLDR writes them, the picker naming
each language in itself, the page laid out in their direction with times kept whole, and the choice remembered
on the next page.
"""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from planner.demo import egm_border_management_2021 as egm
from planner.demo.loader import load_demo_meetings
from planner.extensions import db

pytestmark = pytest.mark.e2e

AGENDA = f"/events/{egm.MEETING.slug}/"
# Where a person looks at what the browser tests saw (git ignores it).
OUTPUT = Path(__file__).resolve().parents[2] / "test-results"
OWN_NAMES = {"en": "English", "fr": "Français", "es": "Español", "ru": "Русский", "zh-Hans": "中文 (简体)",
             "ar": "العربية", "ko": "한국어"}


@pytest.fixture
def demo(app_context, live_server):
    load_demo_meetings()
    db.session.commit()
    return live_server


@pytest.fixture
def page(browser):
    """A reader in Seoul (so the zone picker's script has nothing to adopt and reload), on a laptop."""
    context = browser.new_context(timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None
    return found


def test_the_seoul_agenda_reads_in_korean(page, demo):
    page.goto(f"{demo}{AGENDA}?lang=ko")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    # Each day as CLDR writes a full date in Korean (the short form, "10월 18일 (월)", is for tight places).
    days = page.locator("main h2")
    expect(days.filter(has_text="2021년 10월 18일 월요일")).to_have_count(1)
    expect(days.filter(has_text="2021년 10월 19일 화요일")).to_have_count(1)
    expect(days.filter(has_text="Monday")).to_have_count(0)

    picker = page.get_by_role("navigation", name="언어")
    links = picker.get_by_role("link")
    assert [links.nth(n).inner_text() for n in range(links.count())] == list(OWN_NAMES.values())
    for tag, name in OWN_NAMES.items():
        expect(picker.get_by_role("link", name=name, exact=True)).to_have_attribute("lang", tag)
    expect(picker.get_by_role("link", name="한국어")).to_have_attribute("aria-current", "true")
    # What organisers typed stays as typed, in Planner's Korean page.
    expect(page.get_by_text("Coffee break").first).to_be_visible()


def test_the_seoul_agenda_in_arabic_is_laid_out_right_to_left(page, demo):
    page.goto(f"{demo}{AGENDA}?lang=ar")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("navigation", name="اللغة").get_by_role("link", name="العربية")).to_have_attribute(
        "aria-current", "true")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "demo-agenda-ar.png"), full_page=True)

    # The first column (the time) at the reader's right, what happens to its left.
    first = page.locator(".session > article").first
    when, what = box(first.locator("> .when")), box(first.locator("> .what"))
    assert when["x"] >= what["x"] + what["width"] - 1
    # Each time is an isolate, so "٩:٣٠ ص – ١٢:٣٠ م" is not reordered by the Arabic around it, and it stays
    # whole on its line inside its column.
    times = first.locator("> .when time")
    assert times.count() >= 1
    for n in range(times.count()):
        assert times.nth(n).evaluate("element => getComputedStyle(element).unicodeBidi") == "isolate"
        assert box(times.nth(n))["height"] < 2 * float(times.nth(n).evaluate(
            "element => parseFloat(getComputedStyle(element).lineHeight) || 24"))
    assert when["x"] + when["width"] <= box(page.locator("main"))["x"] + box(
        page.locator("main"))["width"] + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # The meeting's description, typed in English, reads as an English paragraph: its closing "(UNCCT, IOM,
    # WCO)." not turned around by the Arabic page.
    lead = page.locator("p.lead")
    expect(lead).to_contain_text("(UNCCT, IOM, WCO).")
    assert lead.evaluate("element => getComputedStyle(element).direction") == "ltr"


def test_the_picker_chosen_by_mouse_is_remembered_on_the_next_page(page, demo):
    page.goto(f"{demo}{AGENDA}?lang=en")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="한국어").click()
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies.get("planner_lang") == "ko"
    # The next page, reached without ?lang=, is still in Korean.
    page.goto(f"{demo}/events/{egm.MEETING.slug}/days/2021-10-19")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.locator("main h2, main h1").filter(has_text="10월 19일").first).to_be_visible()


def test_the_picker_chosen_by_keyboard_is_remembered_on_the_next_page(page, demo):
    page.goto(f"{demo}{AGENDA}?lang=en")
    arabic = page.get_by_role("navigation", name="Language").get_by_role("link", name="العربية")
    for _ in range(40):
        page.keyboard.press("Tab")
        if arabic.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the picker's العربية")
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{demo}/events/{egm.MEETING.slug}/days/2021-10-19")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
