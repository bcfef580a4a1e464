"""The pages work in Chromium under the strict Content-Security-Policy: their scripts run, their styles apply,
and the browser reports no violation."""
from datetime import date

import pytest
from playwright.sync_api import expect

from planner.demo.loader import load_demo_meetings
from planner.extensions import db
from planner.models import Registration
from planner.operations.personal_tokens import issue_personal_token
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

EGM = "/events/egm-border-management-2021"
# Seen by the page before any of its own scripts: every violation the browser reports, and whether print was asked.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
window.print = () => { window.__printed = true; };
"""


@pytest.fixture
def demo(make):
    meetings = load_demo_meetings()
    make.organiser("organiser@example.org", meetings=meetings)
    registration = db.session.scalars(db.select(Registration).where(
        Registration.meeting_id == meetings[0].id)).first()
    token = issue_personal_token(registration, actor=None)
    db.session.commit()
    return token


def test_public_organiser_and_personal_pages_run_under_the_policy_without_a_violation(page, live_server, demo):
    complaints = []
    page.on("console", lambda message: complaints.append(message.text)
            if "Content Security Policy" in message.text else None)
    page.add_init_script(WATCH)

    def visit(address):
        response = page.goto(live_server + address)
        assert response.ok, address
        assert "'self'" in response.headers["content-security-policy"]
        return response

    visit(f"{EGM}/?tz=Europe/Zurich")
    expect(page.locator(".zone-note")).to_contain_text("Europe/Zurich")
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"

    for address in (f"{EGM}/days/2021-10-18", f"{EGM}/institutions/", "/"):
        visit(address)

    visit(f"{EGM}/programme")
    # The page rules in the nonce-carrying stylesheet apply, and the Print button's script runs.
    page.get_by_role("button", name="Print").click()
    assert page.evaluate("window.__printed") is True

    visit(f"/my/{demo}")
    visit(f"/my/{demo}/programme")

    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    visit(f"{EGM}/organise/timetable/2021-10-18")
    expect(page.locator("#timetable .slot").first).to_be_visible()
    visit(f"{EGM}/organise/check-in/{date(2021, 10, 18).isoformat()}")
    visit(f"{EGM}/organise/participants/")

    assert page.evaluate("window.__violations") == []
    assert complaints == []
