"""Badges: the sheet and its selections, and the code the door scans, which opens the desk at its person
for the meeting's team only, and stops working once the badge is revoked or reissued."""
import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from planner.domain.badges import BadgeClaim, badge_code
from planner.extensions import db
from planner.models import CheckIn, Person
from tests.integration.print_support import PEOPLE, build_print_meeting, print_meeting  # noqa: F401

BADGES = "/events/egm/organise/badges"
MON = date(2021, 10, 18)


def code_address(app, meeting_id: int, registration_id: int, issue: int = 1) -> str:
    code = badge_code(app.config["SECRET_KEY"], BadgeClaim(meeting_id, registration_id, issue))
    return f"/events/egm/organise/check-in/badge/{code}"


def csrf(client, address: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', client.get(address).get_data(as_text=True)).group(1)


def badge_people(response) -> list[int]:
    return [int(found) for found in re.findall(r'<article class="badge" data-registration="(\d+)"',
                                               response.get_data(as_text=True))]


def test_the_sheet_holds_eight_badges_a_page_on_a4_six_on_letter(sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    for sheet, pages in (("a4", [8, 6]), ("letter", [6, 6, 2]), ("single", [1] * 14)):
        html = client.get(BADGES, query_string={"sheet": sheet}).get_data(as_text=True)
        sheets = html.split('<section class="badge-sheet"')[1:]
        assert [part.count('<article class="badge"') for part in sheets] == pages
    assert client.get(BADGES, query_string={"sheet": "a3"}).status_code == 400


def test_a_scanned_code_opens_todays_desk_at_its_person_who_is_checked_in_there(app, sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    kim = print_meeting.registration_id("kim")
    scanned = client.get(code_address(app, print_meeting.meeting.id, kim))
    assert scanned.status_code == 302
    desk = urlsplit(scanned.headers["Location"])
    # The meeting is long over, so "today" is its first day, as at /check-in.
    assert desk.path == f"/events/egm/organise/check-in/{MON}"
    assert parse_qs(desk.query) == {"person": [str(kim)]}
    page = client.get(f"{desk.path}?{desk.query}").get_data(as_text=True)
    assert "Badge of <strong>Dr Kim Min-ji</strong>" in page
    shown = re.findall(r'<li class="door-line[^"]*" id="r(\d+)"[^>]*?( hidden)?>', page)
    assert [registration for registration, hidden in shown if not hidden] == [str(kim)]
    client.post(f"/events/egm/organise/check-in/{MON}/{kim}",
                data={"csrf_token": csrf(client, desk.path), "step": "check_in"})
    assert db.session.scalars(select(CheckIn.registration_id)).all() == [kim]


def test_a_handheld_scanner_typing_the_address_into_the_search_box_opens_the_same(app, sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    address = code_address(app, print_meeting.meeting.id, print_meeting.registration_id("chang"))
    typed = client.get(f"/events/egm/organise/check-in/{MON}", query_string={"q": f"https://planner.example{address}"})
    assert typed.status_code == 302
    assert typed.headers["Location"] == address


def refused(client, address: str) -> bool:
    answer = client.get(address)
    if answer.status_code != 302 or "person=" in answer.headers["Location"]:
        return False
    return "does not open this meeting" in client.get(answer.headers["Location"]).get_data(as_text=True)


def test_a_revoked_or_reissued_badge_and_another_meetings_code_open_nothing(app, sign_in, print_meeting, make):
    other = build_print_meeting(make, slug="other")
    client = sign_in(print_meeting.meeting, other.meeting)
    meeting_id, chang = print_meeting.meeting.id, print_meeting.registration_id("chang")
    # Signed for the other meeting, shown at this one's address (or naming this meeting but another's person).
    assert refused(client, code_address(app, other.meeting.id, other.registration_id("chang")))
    assert refused(client, code_address(app, meeting_id, other.registration_id("chang")))
    assert refused(client, code_address(app, meeting_id, chang)[:-3] + "abc")

    token = csrf(client, BADGES)
    client.post(f"{BADGES}/{chang}/reissue", data={"csrf_token": token})
    assert refused(client, code_address(app, meeting_id, chang, issue=1))
    assert not refused(client, code_address(app, meeting_id, chang, issue=2))
    client.post(f"{BADGES}/{chang}/revoke", data={"csrf_token": token})
    assert refused(client, code_address(app, meeting_id, chang, issue=2))
    client.post(f"{BADGES}/{chang}/reissue", data={"csrf_token": token})
    assert not refused(client, code_address(app, meeting_id, chang, issue=3))


def test_to_anyone_outside_the_team_a_code_says_nothing_about_its_person(app, client, sign_in, print_meeting, make):
    address = code_address(app, print_meeting.meeting.id, print_meeting.registration_id("kim"))
    anonymous = client.get(address)
    assert anonymous.status_code in (302, 401) and "Kim" not in anonymous.get_data(as_text=True)
    assert "/login" in anonymous.headers.get("Location", "/login")
    stranger = sign_in(make.meeting(slug="theirs"), email="stranger@example.org")
    answer = stranger.get(address)
    assert answer.status_code == 403
    assert "Kim" not in answer.get_data(as_text=True)


def test_print_only_the_badges_added_or_changed_since_the_last_print(sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    everyone = badge_people(client.get(BADGES))
    assert len(everyone) == len(PEOPLE)
    client.post(f"{BADGES}/printed", data={"csrf_token": csrf(client, BADGES), "r": everyone[:-1]})
    assert badge_people(client.get(BADGES, query_string={"which": "changed"})) == everyone[-1:]
    client.post(f"{BADGES}/printed", data={"csrf_token": csrf(client, BADGES), "r": everyone[-1:]})
    assert badge_people(client.get(BADGES, query_string={"which": "changed"})) == []

    person = db.session.scalar(select(Person).where(Person.name == "Kim Min-ji"))
    person.position = "Deputy Director"
    db.session.commit()
    assert badge_people(client.get(BADGES, query_string={"which": "changed"})) == [
        print_meeting.registration_id("kim")]
    chosen = [print_meeting.registration_id("park"), print_meeting.registration_id("sato")]
    assert sorted(badge_people(client.get(BADGES, query_string={"which": "chosen", "r": chosen}))) == sorted(chosen)
    assert client.get(BADGES, query_string={"which": "chosen", "r": "x"}).status_code == 400


def test_name_plates_are_for_those_attending_in_the_room_or_those_chosen(sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    html = client.get("/events/egm/organise/name-plates").get_data(as_text=True)
    plated = re.findall(r'<section class="plate" data-registration="(\d+)"', html)
    in_room = {print_meeting.registration_id(key) for key, person in PEOPLE.items()
               if "in_room" in (person[5].value, person[6].value)}
    assert {int(found) for found in plated} == in_room
    thuriaux = print_meeting.registration_id("thuriaux")
    html = client.get("/events/egm/organise/name-plates", query_string={"r": thuriaux}).get_data(as_text=True)
    assert re.findall(r'<section class="plate" data-registration="(\d+)"', html) == [str(thuriaux)]


def test_badges_and_name_plates_of_a_meeting_without_participants_say_so(sign_in, make):
    client = sign_in(make.meeting(slug="empty"))
    for address in ("/events/empty/organise/badges", "/events/empty/organise/name-plates"):
        response = client.get(address)
        assert response.status_code == 200
        assert "Nobody is registered for this meeting yet." in response.get_data(as_text=True)
