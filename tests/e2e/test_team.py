"""A secretariat team in the browser: an organiser invites door staff by email, the colleague joins and works
the desk, loses the role; a forgotten password is reset through the emailed link and the old sign-in is gone."""
import re

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.operations.team import grant_role
from tests.e2e.conftest import sign_in
from tests.integration.invitation_support import inbox  # noqa: F401  (fixture)
from tests.integration.presence_support import PASSWORD, build_small_meeting

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "door staff passphrase 2021"


@pytest.fixture
def meeting(make):
    meeting = build_small_meeting(make)
    grant_role(meeting.meeting, create_organiser("owner@example.org", PASSWORD, name="Olga Owner"),
               TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return meeting


def _link(inbox, kind: str) -> str:
    [(_, message)] = inbox.take()
    return re.search(rf"http://\S+/{kind}/\S+", message.get_body(preferencelist=("plain",)).get_content()).group(0)


def test_door_staff_join_by_email_work_the_desk_and_stop_when_removed(browser, page, live_server, meeting, inbox):
    sign_in(page, live_server, "owner@example.org", PASSWORD)
    page.goto(f"{live_server}/events/egm/organise/")
    page.get_by_role("navigation", name=re.compile("Organise")).get_by_role("link", name="Team").click()
    page.get_by_label("Colleague's email").fill("door@example.org")
    page.get_by_label("Role", exact=True).select_option(label="Door staff")
    page.get_by_role("button", name="Invite").click()
    expect(page.get_by_text("Invited door@example.org as Door staff; the link is on its way.")).to_be_visible()
    link = _link(inbox, "team/join")

    colleague_context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    colleague = colleague_context.new_page()
    colleague.goto(link)
    colleague.get_by_label("Your name, as colleagues should see it").fill("Dana Door")
    colleague.get_by_label("Choose a password").fill(NEW_PASSWORD)
    colleague.get_by_label("The password again").fill(NEW_PASSWORD)
    colleague.get_by_role("button", name="Make my account and join").click()
    expect(colleague.get_by_text("You are on the team of Border management EGM as Door staff.")).to_be_visible()
    colleague.goto(f"{live_server}/events/egm/organise/check-in/2021-10-18")
    colleague.get_by_role("button", name="Check in Dr Kim Min-ji").tap()
    expect(colleague.get_by_role("button", name="Undo check-in of Dr Kim Min-ji")).to_be_visible()
    assert colleague.goto(f"{live_server}/events/egm/organise/timetable/2021-10-18").status == 403
    colleague.goto(f"{live_server}/events/egm/organise/check-in/2021-10-18")

    page.reload()
    page.get_by_role("button", name="Remove door@example.org from the team").click()
    expect(page.get_by_text("door@example.org is no longer on this meeting's team.")).to_be_visible()

    colleague.get_by_role("button", name="Check in Mr Chang Wook-jin").tap()
    expect(colleague.locator("#door-message")).to_have_text(
        "The tick was not saved (403). Reload the page and try again.")
    colleague_context.close()


def test_a_forgotten_password_is_reset_by_email_and_the_old_sign_in_is_gone(browser, page, live_server, meeting,
                                                                           inbox):
    old = browser.new_context().new_page()
    sign_in(old, live_server, "owner@example.org", PASSWORD)

    page.goto(f"{live_server}/login")
    page.get_by_role("link", name="Forgot your password?").click()
    page.get_by_label("Email").fill("owner@example.org")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    page.goto(_link(inbox, "password-reset"))
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("The new password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_text("Your password is changed")).to_be_visible()
    sign_in(page, live_server, "owner@example.org", NEW_PASSWORD)

    old.goto(f"{live_server}/events/egm/organise/")
    expect(old.get_by_role("heading", name="Sign in")).to_be_visible()
    old.context.close()
