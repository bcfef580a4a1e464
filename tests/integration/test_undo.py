"""Undo my last change: taken from the server's history, so it survives a reload and another tab, and refused
when someone changed the session since."""
from datetime import datetime

import pytest

from planner.extensions import db
from planner.models import Session
from tests.integration.browsing import flashes_of, submit

TIMETABLE = "/events/owned/organise/timetable/2021-10-18"


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        hall_a, hall_b = make.room(meeting, "Hall A"), make.room(meeting, "Hall B")
        block = make.session(meeting, "Working block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12),
                             room=hall_a)
        coffee = make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45),
                              room=hall_a, parent=block)
        alice = make.organiser("alice@example.org", meetings=[meeting])
        bob = make.organiser("bob@example.org", meetings=[meeting])
        return dict(block=block.id, coffee=coffee.id, hall_b=hall_b.id, alice=make.token(alice), bob=make.token(bob))


def patch(client, token, session_id, changes):
    response = client.patch(f"/api/v1/events/owned/sessions/{session_id}", json=changes,
                            headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.get_json()
    return response


def stored(app, session_id) -> tuple:
    with app.app_context():
        session = db.session.get(Session, session_id)
        return session.starts_at.isoformat(), session.ends_at.isoformat(), session.room_id


def undo(client, json=True):
    headers = {"Accept": "application/json"} if json else {}
    return submit(client, TIMETABLE, action_contains="/undo", headers=headers)


def test_undo_puts_back_my_last_move_with_what_moved_inside_it(app, client, browser, ids):
    block_before, coffee_before = stored(app, ids["block"]), stored(app, ids["coffee"])
    patch(client, ids["alice"], ids["block"], {"starts_at": "2021-10-18T05:00:00Z", "ends_at": "2021-10-18T08:00:00Z",
                                              "room_id": ids["hall_b"]})
    assert stored(app, ids["coffee"]) != coffee_before

    alice = browser("alice@example.org")  # another tab, or after a reload: the history is the server's
    assert "Changed session “Working block”" in alice.get(TIMETABLE).get_data(as_text=True)
    response = undo(alice)

    assert response.status_code == 200
    assert response.get_json() == {"message": "Undone: Changed session “Working block”.", "undone": True}
    assert (stored(app, ids["block"]), stored(app, ids["coffee"])) == (block_before, coffee_before)


def test_undo_walks_back_through_my_changes_one_at_a_time_and_then_says_there_is_none(app, client, browser, ids):
    first = stored(app, ids["coffee"])
    patch(client, ids["alice"], ids["coffee"], {"starts_at": "2021-10-18T01:40:00Z", "ends_at": "2021-10-18T01:55:00Z"})
    second = stored(app, ids["coffee"])
    patch(client, ids["alice"], ids["coffee"], {"starts_at": "2021-10-18T02:00:00Z", "ends_at": "2021-10-18T02:15:00Z"})
    alice = browser("alice@example.org")

    undo(alice)
    assert stored(app, ids["coffee"]) == second
    undo(alice)
    assert stored(app, ids["coffee"]) == first
    response = undo(alice)
    assert (response.status_code, response.get_json()["message"]) == (409, "You have no change to undo on this meeting.")
    assert 'id="undo" disabled' in alice.get(TIMETABLE).get_data(as_text=True)


def test_undo_is_refused_when_someone_changed_the_session_since(app, client, browser, ids):
    patch(client, ids["alice"], ids["coffee"], {"starts_at": "2021-10-18T01:40:00Z", "ends_at": "2021-10-18T01:55:00Z"})
    patch(client, ids["bob"], ids["coffee"], {"title": "Coffee and tea"})
    now = stored(app, ids["coffee"])

    response = undo(browser("alice@example.org"))

    assert response.status_code == 409
    assert response.get_json()["message"] == "“Coffee and tea” was changed by bob@example.org since your change; " \
                                             "nothing was undone."
    assert stored(app, ids["coffee"]) == now


def test_undo_without_javascript_comes_back_to_the_timetable_with_a_message(app, client, browser, ids):
    before = stored(app, ids["coffee"])
    patch(client, ids["alice"], ids["coffee"], {"starts_at": "2021-10-18T01:40:00Z", "ends_at": "2021-10-18T01:55:00Z"})
    alice = browser("alice@example.org")

    response = undo(alice, json=False)

    assert (response.status_code, response.headers["Location"]) == (302, TIMETABLE)
    assert flashes_of(alice.get(TIMETABLE)) == ["Undone: Changed session “Coffee”."]
    assert stored(app, ids["coffee"]) == before


def test_another_organisers_changes_are_not_mine_to_undo(client, browser, ids):
    patch(client, ids["bob"], ids["coffee"], {"title": "Coffee and tea"})
    response = undo(browser("alice@example.org"))
    assert (response.status_code, response.get_json()["undone"]) == (409, False)
