"""The public pages at the stable addresses, as a reader sees them."""
import re
from datetime import date, datetime

import pytest

from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import InstitutionKind, Role, SessionKind
from planner.extensions import db
from planner.operations.agenda import assign_role

EGM = "/events/egm-border-management-2021"


@pytest.fixture
def demo(app_context):
    load_demo_meetings()
    db.session.commit()


def text_of(response) -> str:
    """The page as words, without tags, so assertions read like what a person sees."""
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_home_page_lists_published_meetings_only(client, make):
    make.meeting(slug="public-one", title="Published meeting")
    make.meeting(slug="draft-one", title="Draft meeting", published=False)
    page = text_of(client.get("/"))
    assert "Published meeting" in page and "Draft meeting" not in page


def test_a_draft_meeting_is_not_found_at_its_address(client, make):
    make.meeting(slug="draft-one", published=False)
    assert client.get("/events/draft-one/").status_code == 404
    assert client.get("/api/v1/events/draft-one").status_code == 404


def test_the_agenda_shows_each_day_with_times_in_the_meetings_zone(client, demo):
    page = text_of(client.get(f"{EGM}/"))
    assert "Times are in the meeting's time zone, Asia/Seoul (KST, UTC+09:00)" in page
    assert "Friday 15 October 2021" in page and "Monday 18 October 2021" in page
    assert "10:00 – 10:10 Opening remarks" in page
    assert "Mr Chang Wook-jin , Director-General for International Organizations, MOFA" in page


def test_the_agenda_shows_a_break_inside_its_working_block(client, demo):
    html = client.get(f"{EGM}/").get_data(as_text=True)
    block = html.index("Expert discussion: Airports and aviation<")
    nested_list = html.index('<ol class="nested">', block)
    coffee = html.index("Coffee break", block)
    lunch = html.index(">Lunch<", block)
    assert block < nested_list < coffee < lunch


def test_one_days_page_shows_that_days_sessions_and_no_other(client, demo):
    page = text_of(client.get(f"{EGM}/days/2021-10-15"))
    assert "Opening session" in page and "Congratulatory remarks" in page
    assert "Expert discussion" not in page


def test_a_day_without_sessions_says_so(client, demo):
    assert "No sessions on this day." in text_of(client.get(f"{EGM}/days/2021-10-16"))


@pytest.mark.parametrize("address", [
    "/events/no-such-meeting/", f"{EGM}/days/2021-10-14", f"{EGM}/days/2021-10-23", f"{EGM}/days/2021-02-30",
    f"{EGM}/days/15-10-2021", f"{EGM}/days/20211015", f"{EGM}/sessions/999999", f"{EGM}/sessions/abc",
    f"{EGM}/people/999999", f"{EGM}/institutions/999999", "/no/such/page",
])
def test_unknown_addresses_get_a_404_page(client, demo, address):
    response = client.get(address)
    assert response.status_code == 404
    assert "text/html" in response.content_type and "Not Found" in text_of(response)


def test_a_session_of_another_meeting_is_not_found_under_this_one(client, make):
    make.meeting(slug="first")
    other = make.meeting(slug="second")
    session = make.session(other, title="Elsewhere")
    assert client.get(f"/events/first/sessions/{session.id}").status_code == 404
    assert client.get(f"/events/second/sessions/{session.id}").status_code == 200


def test_the_session_page_shows_time_room_roles_and_block(client, make):
    meeting = make.meeting()
    room = make.room(meeting, "Main Conference Room")
    ministry = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
    chair = make.person(meeting, "Kim Min-ji", honorific="Dr", position="Director", institution=ministry)
    block = make.session(meeting, "Morning block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12), room=room)
    panel = make.session(meeting, "Border data panel", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11, 30),
                         room=room, parent=block, kind=SessionKind.PANEL, thematic_area="Border data")
    assign_role(panel, chair, Role.CHAIR)
    db.session.commit()
    page = text_of(client.get(f"/events/test-meeting/sessions/{panel.id}"))
    assert "Monday 18 October 2021 , 10:00 – 11:30 Asia/Seoul" in page
    assert "Panel Main Conference Room In the room and online Border data" in page
    assert "Chair Dr Kim Min-ji , Director, MOJ" in page
    assert "Part of Morning block (09:00–12:00)" in page


def test_a_draft_session_is_invisible_to_the_public(client, make):
    meeting = make.meeting()
    draft = make.session(meeting, "Secret planning", draft=True)
    assert "Secret planning" not in text_of(client.get("/events/test-meeting/"))
    assert client.get(f"/events/test-meeting/sessions/{draft.id}").status_code == 404


def test_the_online_link_shows_only_when_the_organiser_made_it_public(client, make):
    meeting = make.meeting()
    private = make.session(meeting, "Private link", online_link="https://meet.example.org/private")
    public = make.session(meeting, "Public link", datetime(2021, 10, 19, 9), online_link="https://meet.example.org/open",
                          online_link_public=True)
    assert "meet.example.org/private" not in client.get(f"/events/test-meeting/sessions/{private.id}").get_data(True)
    assert "meet.example.org/open" in client.get(f"/events/test-meeting/sessions/{public.id}").get_data(True)


def test_a_persons_page_lists_their_sessions(client, demo):
    from planner.models import Person
    from sqlalchemy import select

    finlay = db.session.scalar(select(Person).where(Person.name == "Brian Finlay"))
    page = text_of(client.get(f"{EGM}/people/{finlay.id}"))
    assert "Mr Brian Finlay" in page and "President" in page and "Stimson Center" in page
    assert "Fri 15 Oct 10:20 – 10:40 Congratulatory remarks" in page


def test_an_institutions_page_lists_its_people_and_their_sessions(client, make):
    meeting = make.meeting()
    iom = make.institution(meeting, "International Organization for Migration", InstitutionKind.INTERNATIONAL,
                           acronym="IOM")
    person = make.person(meeting, "Damien Thuriaux", institution=iom)
    session = make.session(meeting, "Migration panel")
    assign_role(session, person, Role.PANELLIST)
    db.session.commit()
    page = text_of(client.get(f"/events/test-meeting/institutions/{iom.id}"))
    assert "International Organization for Migration (IOM)" in page
    assert "Damien Thuriaux" in page and "Migration panel" in page


def test_the_institutions_page_groups_them_by_kind(client, demo):
    page = text_of(client.get(f"{EGM}/institutions/"))
    assert page.index("Government") < page.index("Korea Coast Guard") < page.index("International organisation")


def test_a_zurich_session_the_day_after_the_spring_switch_shows_at_nine_summer_time(client, make):
    meeting = make.meeting(slug="zurich-2000", timezone="Europe/Zurich", first_day=date(2000, 3, 27),
                           last_day=date(2000, 3, 28))
    session = make.session(meeting, "Morning session", datetime(2000, 3, 27, 9), datetime(2000, 3, 27, 10, 30))
    html = client.get(f"/events/zurich-2000/sessions/{session.id}").get_data(as_text=True)
    assert '<time datetime="2000-03-27T09:00:00+02:00">09:00</time>' in html
    assert "CEST, UTC+02:00" in text_of(client.get("/events/zurich-2000/"))


def test_pages_are_readable_on_a_phone(client, demo):
    html = client.get(f"{EGM}/").get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<html lang="en" dir="ltr">' in html and "<main" in html and "<nav" in html


def test_the_agenda_lists_chair_then_speakers_then_panellists_in_their_order(client, make):
    meeting = make.meeting()
    panel = make.session(meeting, "Panel on data")
    for name, role in (("Panellist Park", Role.PANELLIST), ("Speaker Seo", Role.SPEAKER),
                       ("Chair Choi", Role.CHAIR), ("Speaker Song", Role.SPEAKER)):
        assign_role(panel, make.person(meeting, name), role)
    db.session.commit()
    page = text_of(client.get("/events/test-meeting/"))
    assert "Chair Chair Choi Speakers Speaker Seo Speaker Song Panellist Panellist Park" in page
