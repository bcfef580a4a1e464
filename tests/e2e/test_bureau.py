"""An organiser sets the meeting's bureau in the browser, and gives the agenda an item without an end."""
from datetime import date, datetime

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.models import Session
from planner.operations.accounts import create_organiser
from planner.operations.team import grant_role
from tests.e2e.conftest import sign_in
from tests.e2e.test_agenda_builder import drag_to, slot

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


@pytest.fixture
def committee(make):
    meeting = make.meeting(slug="egm", title="Standing Committee of Experts", timezone="Europe/Zurich",
                           first_day=date(1999, 9, 13), last_day=date(1999, 9, 14))
    make.room(meeting, "Room XVIII")
    peru = make.institution(meeting, "Government of Peru")
    make.person(meeting, "Ana Moreno", honorific="Ms", institution=peru)
    make.person(meeting, "Lars Berg", honorific="Mr")
    make.person(meeting, "Claire Dupont", honorific="Ms")
    grant_role(meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return meeting


def add_officer(page, person: str, office: str) -> None:
    page.get_by_label("Person").select_option(label=person)
    page.get_by_label("Office").select_option(label=office)
    page.get_by_role("button", name="Add", exact=True).click()


def test_an_organiser_lists_orders_and_trims_the_bureau(page, live_server, committee):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/egm/organise/")
    page.get_by_role("link", name="Bureau").click()
    add_officer(page, "Mr Lars Berg", "Co-chair")
    add_officer(page, "Ms Ana Moreno", "Co-chair")
    add_officer(page, "Ms Claire Dupont", "Rapporteur")
    add_officer(page, "Ms Claire Dupont", "Rapporteur")
    expect(page.get_by_text("Claire Dupont is already rapporteur of this meeting.")).to_be_visible()

    page.get_by_role("button", name="Move Ana Moreno, co-chair, up").click()
    officers = page.locator(".roles-editor li > span")
    expect(officers).to_have_text(["Co-chair: Ms Ana Moreno (Government of Peru)", "Co-chair: Mr Lars Berg",
                                   "Rapporteur: Ms Claire Dupont"])
    page.get_by_role("button", name="Remove Claire Dupont, rapporteur").click()
    expect(officers).to_have_count(2)

    page.goto(f"{live_server}/events/egm/")
    expect(page.locator(".bureau")).to_have_text(
        "Bureau Co-chairs Ms Ana Moreno, Government of Peru Mr Lars Berg", use_inner_text=True)


def test_an_item_without_an_end_is_made_in_the_form_and_keeps_none_when_dragged(page, live_server, committee):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/egm/organise/sessions/new?day=1999-09-13")
    page.get_by_label("Title").fill("Close")
    page.get_by_label("Kind").select_option(label="Closing")
    page.get_by_label("Starts").fill("1999-09-13T12:30")
    page.get_by_label("Ends").fill("")
    page.get_by_label("No end time").check()
    page.get_by_label("Room").select_option(label="Room XVIII")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Added “Close”")).to_be_visible()

    page.goto(f"{live_server}/events/egm/organise/timetable/1999-09-13")
    expect(slot(page, "Close").locator(".slot-time")).to_have_text("12:30")
    drag_to(page, "Close", "Room XVIII", "13:00")
    expect(page.locator("#timetable-status")).to_have_text("Saved: Close, 13:00, Room XVIII.")
    close = db.session.scalar(db.select(Session).where(Session.title == "Close"))
    db.session.refresh(close)
    assert (close.starts_at, close.ends_at) == (datetime.fromisoformat("1999-09-13T11:00:00+00:00"), None)
