"""The public agenda in Arabic, in Chromium: laid out right to left, with times and Latin names kept readable."""
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.operations.agenda import assign_role
from tests.e2e.accessibility import axe, violations  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e

# Where a person looks at what the browser tests saw (git ignores it).
OUTPUT = Path(__file__).resolve().parents[2] / "test-results"


@pytest.fixture
def served_meeting(live_server, make):
    meeting = make.meeting(title="Expert Group Meeting on Border Management")
    opening = make.session(meeting, "Opening (hybrid)", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10, 30))
    assign_role(opening, make.person(meeting, "Chang Wook-jin"), Role.CHAIR)
    db.session.commit()
    make.session(meeting, "Working session on API/PNR", datetime(2021, 10, 18, 14), datetime(2021, 10, 18, 17))
    return f"{live_server}/events/test-meeting/"


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None
    return found


@pytest.fixture
def page(browser):
    """A reader in Seoul (the zone picker's script adopts the device's zone), on a laptop; axe-core is added
    to the page as test_accessibility.py adds it, past the Content-Security-Policy."""
    context = browser.new_context(timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900},
                                  bypass_csp=True)
    yield context.new_page()
    context.close()


def test_the_agenda_in_arabic_is_laid_out_right_to_left(page, served_meeting):
    page.goto(f"{served_meeting}?lang=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator(".meeting-nav a").first).to_have_text("البرنامج")
    expect(page.locator(".session .facts .mode").first).to_have_text("في القاعة وعبر الإنترنت")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "agenda-ar.png"), full_page=True)

    # Mirrored: the site's name at the right edge, the menus to its left; each session's time at the right of
    # what it is, and the flash and nesting rules on the right-hand side.
    header, name = box(page.locator(".site-header")), box(page.locator(".site-name"))
    assert name["x"] + name["width"] > header["x"] + header["width"] - 80
    assert box(page.locator(".languages"))["x"] < name["x"]
    first = page.locator(".session").first
    what = box(first.locator(".what"))
    assert box(first.locator(".when"))["x"] > what["x"] + what["width"] - 1
    # The time (a 12-hour clock, wider than a 24-hour one) stays in its column, clear of the title.
    assert box(first.locator(".when .nowrap"))["x"] >= what["x"] + what["width"]

    # The times read in Arabic, each kept whole inside the line (an isolate), not torn apart by its neighbours.
    times = first.locator(".when time")
    expect(times.first).to_have_text("9:00 ص")
    assert times.first.evaluate("element => getComputedStyle(element).unicodeBidi") == "isolate"
    # What organisers typed in Latin letters reads left to right ("Opening (hybrid)", its brackets where they
    # belong), placed at the reader's right like the rest.
    title = first.locator("h3")
    expect(title).to_have_text("Opening (hybrid)")
    for typed in (title.locator("a"), page.locator(".meeting-header h1 a")):
        assert typed.evaluate("element => getComputedStyle(element).unicodeBidi") == "plaintext"
    assert box(title.locator("a"))["x"] + box(title.locator("a"))["width"] > what["x"] + what["width"] - 2


def test_the_same_agenda_in_english_stays_left_to_right(page, served_meeting):
    page.goto(f"{served_meeting}?lang=en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    first = page.locator(".session").first
    assert box(first.locator(".when"))["x"] < box(first.locator(".what"))["x"]


@pytest.mark.parametrize("tag", ["ar", "ko", "zh-Hans", "ru"])
def test_the_agenda_in_other_scripts_breaks_no_wcag_22_a_or_aa_rule(page, served_meeting, axe, tag):
    page.goto(f"{served_meeting}?lang={tag}")
    assert violations(page, axe) == []
