"""The check-in desk: staff find a participant by name, tick them in or undo, and see the counts."""
import re

from sqlalchemy import select

from planner.extensions import db
from planner.models import Change, CheckIn
from tests.integration.presence_support import (  # noqa: F401  (fixtures)
    MON, TUE, build_small_meeting, csrf_token, organiser, outsider, small_meeting, text_of,
)

DESK = "/events/egm/organise/check-in/2021-10-18"


def lines_shown(response) -> list[str]:
    """The names on the list that are not hidden, in order."""
    html = response.get_data(as_text=True)
    items = re.findall(r'<li class="door-line[^"]*"[^>]*?( hidden)?>\s*<div class="door-who">\s*'
                       r'<strong class="door-name">([^<]+)</strong>', html)
    return [name for hidden, name in items if not hidden]


def tick(client, registration_id: int, action: str, *, day: str = "2021-10-18", json: bool = False, q: str = ""):
    return client.post(
        f"/events/egm/organise/check-in/{day}/{registration_id}",
        data={"csrf_token": csrf_token(client, DESK), "step": action, "q": q},
        headers={"Accept": "application/json"} if json else {},
    )


def test_the_desk_lists_everyone_registered_with_institution_and_how_they_come_that_day(client, organiser):
    response = client.get(DESK)
    assert response.status_code == 200
    assert lines_shown(response) == [
        "Mr Brian Finlay", "Mr Chang Wook-jin", "Mr Damien Thuriaux", "Ms Élodie Müller", "Mr Jung Ji-hun",
        "Dr Kim Min-ji", "Prof Park Seo-yeon",
    ]
    page = text_of(response)
    assert "0 checked in of 4 expected in the room" in page
    assert "Dr Kim Min-ji KCS Registered in the room" in page
    assert "Mr Damien Thuriaux IOM Registered online" in page
    assert "Prof Park Seo-yeon KU Not registered today" in page


def test_without_javascript_the_search_shows_only_matching_names(client, organiser):
    assert lines_shown(client.get(DESK, query_string={"q": "minji"})) == ["Dr Kim Min-ji"]
    assert lines_shown(client.get(DESK, query_string={"q": "MULLER"})) == ["Ms Élodie Müller"]
    assert lines_shown(client.get(DESK, query_string={"q": "jung kim"})) == []
    html = client.get(DESK, query_string={"q": "jung kim"}).get_data(as_text=True)
    assert ('<p class="door-none" id="door-none">Nobody registered matches “<span id="door-query">jung kim</span>”'
            in html)


def test_ticking_without_javascript_checks_in_and_goes_back_to_the_same_search(client, organiser, small_meeting):
    kim = small_meeting.registration_id("kim")
    response = tick(client, kim, "check_in", q="kim")
    assert response.status_code == 302
    assert response.location == f"{DESK}?q=kim#r{kim}"
    page = text_of(client.get(response.location))
    assert "Dr Kim Min-ji is checked in" in page
    assert "1 checked in of 4 expected in the room" in page
    assert re.search(r"Checked in \d\d:\d\d by Door Staff", page)


def test_a_check_in_records_who_and_when_and_the_undo_too(client, organiser, small_meeting):
    kim = small_meeting.registration_id("kim")
    tick(client, kim, "check_in")
    entry = db.session.scalars(select(CheckIn)).one()
    assert (entry.registration_id, entry.day, entry.checked_in_by_id) == (kim, MON, organiser.id)
    tick(client, kim, "undo")
    assert db.session.scalars(select(CheckIn)).all() == []
    changes = db.session.scalars(select(Change).where(Change.entity == "checkin").order_by(Change.id)).all()
    assert [(c.action, c.user_id, c.summary) for c in changes] == [
        ("created", organiser.id, "Checked in Kim Min-ji on Mon 18 Oct 2021"),
        ("deleted", organiser.id, "Undid the check-in of Kim Min-ji on Mon 18 Oct 2021"),
    ]
    assert "Checked in Kim Min-ji on Mon 18 Oct 2021" in text_of(client.get("/events/egm/organise/history"))


def test_ticking_twice_counts_once_and_undoing_nothing_changes_nothing(client, organiser, small_meeting):
    kim = small_meeting.registration_id("kim")
    tick(client, kim, "check_in")
    tick(client, kim, "check_in")
    tick(client, small_meeting.registration_id("chang"), "undo")
    assert db.session.query(CheckIn).count() == 1
    assert db.session.query(Change).filter(Change.entity == "checkin").count() == 1


def test_with_javascript_a_tick_answers_the_new_state_and_the_counts(client, organiser, small_meeting):
    finlay = small_meeting.registration_id("finlay")
    answer = tick(client, finlay, "check_in", json=True)
    assert answer.status_code == 200 and answer.is_json
    body = answer.get_json()
    at = body.pop("checked_in_at")
    assert re.fullmatch(r"\d\d:\d\d", at)
    assert body == {
        "registration_id": finlay, "checked_in": True, "checked_in_by": "Door Staff",
        "message": f"Mr Brian Finlay is checked in ({at}).",
        "counts": {"checked_in": 1, "expected": 4, "unexpected": 1},
    }
    undone = tick(client, finlay, "undo", json=True).get_json()
    assert (undone["checked_in"], undone["checked_in_at"], undone["counts"]["checked_in"]) == (False, None, 0)


def test_each_day_has_its_own_check_ins_and_expected_count(client, organiser, small_meeting):
    tick(client, small_meeting.registration_id("park"), "check_in", day="2021-10-19")
    assert "1 checked in of 3 expected in the room" in text_of(client.get("/events/egm/organise/check-in/2021-10-19"))
    assert "0 checked in of 4 expected in the room" in text_of(client.get(DESK))


def test_a_tick_without_its_csrf_token_is_refused_and_changes_nothing(client, organiser, small_meeting):
    response = client.post(f"{DESK}/{small_meeting.registration_id('kim')}", data={"step": "check_in"})
    assert response.status_code == 400
    assert db.session.query(CheckIn).count() == 0


def test_a_tick_that_says_neither_check_in_nor_undo_is_refused(client, organiser, small_meeting):
    response = tick(client, small_meeting.registration_id("kim"), "maybe")
    assert response.status_code == 400 and "Say whether to check in or undo." in text_of(response)
    assert db.session.query(CheckIn).count() == 0


def test_days_outside_the_meeting_and_other_meetings_participants_are_not_found(client, organiser, make):
    other = build_small_meeting(make, slug="other")
    assert client.get("/events/egm/organise/check-in/2021-10-20").status_code == 404
    assert tick(client, other.registration_id("kim"), "check_in").status_code == 404
    assert db.session.query(CheckIn).count() == 0


def test_the_desk_opens_on_the_meetings_first_day_when_it_is_not_on(client, organiser):
    response = client.get("/events/egm/organise/check-in")
    assert response.status_code == 302 and response.location == DESK


def test_signed_out_staff_are_sent_to_sign_in(client, small_meeting):
    for address in (DESK, "/events/egm/organise/check-in"):
        response = client.get(address)
        assert response.status_code == 302 and response.location.startswith("/login")
    response = client.post(f"{DESK}/{small_meeting.registration_id('kim')}",
                           data={"step": "check_in", "csrf_token": csrf_token(client, "/login")})
    assert response.status_code == 302 and response.location.startswith("/login")
    assert db.session.query(CheckIn).count() == 0


def test_someone_who_does_not_organise_the_meeting_is_refused(client, outsider, small_meeting):
    assert client.get(DESK).status_code == 403
    token = csrf_token(client, "/organise/tokens")
    response = client.post(f"{DESK}/{small_meeting.registration_id('kim')}",
                           data={"csrf_token": token, "step": "check_in"})
    assert response.status_code == 403
    assert db.session.query(CheckIn).count() == 0
