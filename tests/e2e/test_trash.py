"""The trash in the browser: an organiser deletes a meeting, its pages and calendar go, and they restore it from
the trash with everything in it."""
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.operations.team import grant_role
from tests.e2e.conftest import LAPTOP, opened_page, sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


@pytest.fixture
def meeting(make):
    meeting = make.meeting(slug="egm", title="Border EGM", first_day=date(2021, 10, 18), last_day=date(2021, 10, 19))
    make.session(meeting, "Opening", datetime(2021, 10, 18, 9))
    grant_role(meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()


def test_the_organiser_deletes_a_meeting_and_restores_it_from_the_trash(browser, laptop, live_server, meeting):
    with opened_page(browser, **LAPTOP) as stranger:
        sign_in(laptop, live_server, "organiser@example.org", PASSWORD)
        laptop.goto(f"{live_server}/events/egm/organise/edit")
        laptop.get_by_role("link", name="Delete meeting…").click()
        expect(laptop.get_by_text("it can be restored for 30 days")).to_be_visible()
        laptop.get_by_role("button", name="Delete").click()
        expect(laptop.get_by_text("Moved “Border EGM” to the trash: it can be restored for 30 days.")).to_be_visible()
        expect(laptop.get_by_role("link", name="Border EGM")).to_have_count(0)

        assert stranger.goto(f"{live_server}/events/egm/").status == 404
        assert stranger.request.get(f"{live_server}/events/egm/calendar.ics").status == 410
        stranger.goto(f"{live_server}/")
        expect(stranger.get_by_text("Border EGM")).to_have_count(0)

        laptop.get_by_role("link", name="Trash").click()
        expect(laptop.get_by_role("heading", name="Border EGM")).to_be_visible()
        laptop.get_by_role("button", name="Restore “Border EGM”").click()
        expect(laptop.get_by_text("Restored “Border EGM” with everything in it.")).to_be_visible()
        laptop.get_by_role("link", name="Timetable").first.click()
        expect(laptop.get_by_text("Opening").first).to_be_visible()

        assert stranger.goto(f"{live_server}/events/egm/").status == 200
        expect(stranger.get_by_text("Opening")).to_be_visible()
        assert stranger.request.get(f"{live_server}/events/egm/calendar.ics").status == 200
