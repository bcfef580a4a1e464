"""A draft meeting in the browser: the organiser previews it, marked as a draft, and publishes it; until then the
public is told there is no such meeting."""
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
def draft(make):
    meeting = make.meeting(slug="quiet", title="Quiet meeting", first_day=date(2021, 10, 18),
                           last_day=date(2021, 10, 19), published=False)
    make.session(meeting, "Opening", datetime(2021, 10, 18, 9))
    grant_role(meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()


def test_the_organiser_previews_a_draft_and_publishes_it_while_the_public_gets_404(browser, laptop, live_server,
                                                                                     draft):
    with opened_page(browser, **LAPTOP) as stranger:
        assert stranger.goto(f"{live_server}/events/quiet/").status == 404

        sign_in(laptop, live_server, "organiser@example.org", PASSWORD)
        laptop.goto(f"{live_server}/events/quiet/organise/")
        laptop.get_by_role("link", name="preview the public agenda", exact=True).click()
        expect(laptop.get_by_role("note")).to_contain_text("Draft — only organisers see this.")
        expect(laptop.get_by_text("Opening")).to_be_visible()

        laptop.goto(f"{live_server}/events/quiet/organise/")
        laptop.get_by_role("link", name="Publish…").click()
        expect(laptop.get_by_role("heading", name="Publish “Quiet meeting”?")).to_be_visible()
        laptop.get_by_role("button", name="Publish").click()
        expect(laptop.get_by_text("Published “Quiet meeting”: anyone can now read it.")).to_be_visible()

        assert stranger.goto(f"{live_server}/events/quiet/").status == 200
        expect(stranger.get_by_role("note")).to_have_count(0)
