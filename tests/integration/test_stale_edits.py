"""Two organisers at once: an edit based on an old version is refused, showing what the other one changed.

Nothing is silently overwritten: forms answer 409 with the other person's change beside
this person's kept input; the API answers 412 to a stale If-Match and 409 to a stale
``version`` in the body, listing the fields that changed.
"""
from datetime import datetime

import pytest

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.operations.agenda import assign_role
from tests.integration.browsing import flashes_of, form_of, text_of

ORGANISE = "/events/owned/organise"


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting", venue="Seoul")
        room = make.room(meeting, "Hall A", capacity=80)
        institution = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
        person = make.person(meeting, "Kim Min-ji", position="Director")
        other = make.person(meeting, "Lee Ji-ho")
        session = make.session(meeting, "Panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room)
        roles = [assign_role(session, person, Role.CHAIR).id, assign_role(session, other, Role.SPEAKER).id]
        db.session.commit()
        alice = make.organiser("alice@example.org", meetings=[meeting])
        bob = make.organiser("bob@example.org", meetings=[meeting])
        return dict(rooms=room.id, institutions=institution.id, people=person.id, session=session.id, roles=roles,
                    alice=make.token(alice), bob=make.token(bob))


@pytest.fixture
def alice(browser, ids):
    return browser("alice@example.org")


@pytest.fixture
def bob(browser, ids):
    return browser("bob@example.org")


def opened(client, url: str) -> dict:
    """The form as it stood when the page was opened (its hidden version included)."""
    page = client.get(url)
    assert page.status_code == 200
    return form_of(page).values()


EDITS = {
    # what: (form page, Alice's change, Bob's change, the stale notice's row for Alice's change, labelled)
    "meeting": ("/edit", {"title": "Owned meeting (final)"}, {"venue": "Busan"},
                ["Title", "Owned meeting", "Owned meeting (final)"]),
    "room": ("/rooms/{rooms}/edit", {"capacity": "60"}, {"name": "Hall A (upstairs)"}, ["Seats", "80", "60"]),
    "institution": ("/institutions/{institutions}/edit", {"acronym": "MoJ"}, {"country": "Republic of Korea"},
                    ["Acronym", "MOJ", "MoJ"]),
    "person": ("/people/{people}/edit", {"position": "Director-General"}, {"honorific": "Dr"},
               ["Position", "Director", "Director-General"]),
    "session": ("/sessions/{session}/edit", {"title": "Panel on data"}, {"description": "Bring data."},
                ["Title", "Panel", "Panel on data"]),
}


@pytest.mark.parametrize("what", EDITS)
def test_a_form_left_open_while_someone_else_saved_is_refused_with_their_change(alice, bob, ids, stored_rows, what):
    page, alices_change, bobs_change, row = EDITS[what]
    url = ORGANISE + page.format(**ids)
    bobs_form = opened(bob, url)
    alices_form = opened(alice, url)
    assert alice.post(url, data={**alices_form, **alices_change}).status_code == 302
    after_alice = stored_rows()

    response = bob.post(url, data={**bobs_form, **bobs_change})

    assert response.status_code == 409
    page_text = text_of(response)
    assert f"Someone else changed this {what} while you were editing (your version 1, now 2). " \
           "Nothing was saved." in page_text
    assert "Field When you started Now " + " ".join(row) in page_text
    assert stored_rows() == after_alice
    kept = form_of(response).values()
    assert ({name: kept[name] for name in bobs_change}, kept["version"]) == (bobs_change, "2")


def test_saving_again_after_seeing_the_other_change_replaces_it(alice, bob, ids, browser):
    url = f"{ORGANISE}/sessions/{ids['session']}/edit"
    bobs_form = opened(bob, url)
    alice.post(url, data={**opened(alice, url), "title": "Panel on data"})
    refused = bob.post(url, data={**bobs_form, "description": "Bring data."})
    again = bob.post(url, data=form_of(refused).values())
    assert again.status_code == 302
    session = browser().get(f"/api/v1/events/owned/sessions/{ids['session']}").get_json()
    assert (session["title"], session["description"], session["version"]) == ("Panel", "Bring data.", 3)


@pytest.mark.parametrize("what, page, edit, change", [
    ("room “Hall A”", "/rooms/{rooms}/delete", "/rooms/{rooms}/edit", {"capacity": "60"}),
    ("person “Kim Min-ji”", "/people/{people}/delete", "/people/{people}/edit", {"position": "Minister"}),
])
def test_a_deletion_confirmed_after_someone_else_changed_the_record_asks_again(alice, bob, ids, stored_rows, what,
                                                                               page, edit, change):
    delete_url, edit_url = ORGANISE + page.format(**ids), ORGANISE + edit.format(**ids)
    confirmation = opened(bob, delete_url)
    alice.post(edit_url, data={**opened(alice, edit_url), **change})
    after_alice = stored_rows()

    response = bob.post(delete_url, data=confirmation)

    assert (response.status_code, response.location) == (302, delete_url)
    assert flashes_of(bob.get(response.location)) == [
        f"Someone changed {what.split(' ', 1)[0]} {what.split(' ', 1)[1]} meanwhile; check it before deleting."]
    assert stored_rows() == after_alice


def test_a_session_deletion_confirmed_after_someone_else_moved_it_asks_again(alice, bob, ids, stored_rows):
    delete_url = f"{ORGANISE}/sessions/{ids['session']}/delete"
    edit_url = f"{ORGANISE}/sessions/{ids['session']}/edit"
    confirmation = opened(bob, delete_url)
    alice.post(edit_url, data={**opened(alice, edit_url), "starts": "2021-10-18T11:00", "ends": "2021-10-18T12:00"})
    after_alice = stored_rows()
    response = bob.post(delete_url, data=confirmation)
    assert flashes_of(bob.get(response.location)) == ["Someone changed “Panel” meanwhile; check it before deleting."]
    assert stored_rows() == after_alice


# Two API clients

def api(client, token: str, method: str, url: str, **kwargs):
    headers = {"Authorization": f"Bearer {token}", **kwargs.pop("headers", {})}
    return client.open(f"/api/v1/events/owned{url}", method=method, headers=headers, **kwargs)


RECORDS = {
    # what: (address, field Alice changes, its value before and after, field Bob changes to what)
    "session": ("/sessions/{session}", "title", "Panel", "Panel on data", {"description": "Bring data."}),
    "room": ("/rooms/{rooms}", "capacity", 80, 60, {"name": "Hall B"}),
    "institution": ("/institutions/{institutions}", "acronym", "MOJ", "MoJ", {"country": "Korea"}),
    "person": ("/people/{people}", "position", "Director", "Director-General", {"honorific": "Dr"}),
    "meeting": ("", "venue", "Seoul", "Busan", {"title": "Renamed"}),
}


@pytest.mark.parametrize("what", RECORDS)
def test_a_change_with_a_stale_if_match_is_refused_with_412_and_what_changed(client, ids, stored_rows, what):
    address, field, then, now, bobs_change = RECORDS[what]
    url = address.format(**ids)
    if what != "meeting":
        seen = api(client, ids["bob"], "GET", url)
        assert seen.headers["ETag"] == '"1"'
    assert api(client, ids["alice"], "PATCH", url, json={field: now}, headers={"If-Match": '"1"'}).status_code == 200
    after_alice = stored_rows()

    response = api(client, ids["bob"], "PATCH", url, json=bobs_change, headers={"If-Match": '"1"'})

    assert response.status_code == 412
    assert response.get_json() == {"error": {
        "status": 412, "title": "Precondition Failed",
        "message": f"Someone else changed this {what} since version 1; nothing was changed. "
                   "Fetch it again, or resend with version 2.",
        "current_version": 2,
        "changes": [{"field": field, "then": then, "now": now}],
    }}
    assert stored_rows() == after_alice


@pytest.mark.parametrize("what", RECORDS)
def test_a_change_with_a_stale_version_in_its_body_is_refused_with_409(client, ids, stored_rows, what):
    address, field, then, now, bobs_change = RECORDS[what]
    url = address.format(**ids)
    assert api(client, ids["alice"], "PATCH", url, json={field: now, "version": 1}).status_code == 200
    after_alice = stored_rows()

    response = api(client, ids["bob"], "PATCH", url, json={**bobs_change, "version": 1})

    assert response.status_code == 409
    body = response.get_json()["error"]
    assert (body["title"], body["current_version"], body["changes"]) == (
        "Conflict", 2, [{"field": field, "then": then, "now": now}])
    assert stored_rows() == after_alice


def test_the_etag_of_one_answer_is_the_if_match_of_the_next_change(client, ids):
    url = f"/sessions/{ids['session']}"
    first = api(client, ids["alice"], "PATCH", url, json={"title": "One"}, headers={"If-Match": '"1"'})
    second = api(client, ids["bob"], "PATCH", url, json={"title": "Two"}, headers={"If-Match": first.headers["ETag"]})
    third = api(client, ids["alice"], "PATCH", url, json={"title": "Three"},
                headers={"If-Match": "W/" + second.headers["ETag"]})
    assert [(r.status_code, r.headers["ETag"]) for r in (first, second, third)] == [
        (200, '"2"'), (200, '"3"'), (200, '"4"')]


def test_if_match_star_or_no_version_at_all_changes_whatever_is_current(client, ids):
    url = f"/sessions/{ids['session']}"
    api(client, ids["alice"], "PATCH", url, json={"title": "One"})
    starred = api(client, ids["bob"], "PATCH", url, json={"title": "Two"}, headers={"If-Match": "*"})
    assert (starred.status_code, starred.get_json()["title"]) == (200, "Two")


@pytest.mark.parametrize("what, address", [("session", "/sessions/{session}"), ("room", "/rooms/{rooms}"),
                                           ("person", "/people/{people}"),
                                           ("institution", "/institutions/{institutions}")])
def test_a_deletion_with_a_stale_if_match_is_refused(client, ids, stored_rows, what, address):
    url = address.format(**ids)
    changed = {"session": {"title": "Moved"}, "room": {"capacity": 10}, "person": {"position": "Minister"},
               "institution": {"country": "Korea"}}[what]
    api(client, ids["alice"], "PATCH", url, json=changed)
    after_alice = stored_rows()
    response = api(client, ids["bob"], "DELETE", url, headers={"If-Match": '"1"'})
    assert (response.status_code, response.get_json()["error"]["current_version"]) == (412, 2)
    assert stored_rows() == after_alice
    assert api(client, ids["bob"], "DELETE", url, headers={"If-Match": '"2"'}).status_code == 204


def test_removing_a_person_from_a_session_after_the_order_changed_is_refused(alice, client, ids, stored_rows):
    edit_url = f"{ORGANISE}/sessions/{ids['session']}/edit"
    page = alice.get(edit_url)
    alice.post(f"{ORGANISE}/roles/{ids['roles'][1]}/up", data={"csrf_token": form_of(page).values()["csrf_token"]})
    after_alice = stored_rows()
    response = api(client, ids["bob"], "DELETE", f"/sessions/{ids['session']}/roles/{ids['roles'][0]}",
                   headers={"If-Match": '"1"'})
    assert (response.status_code, response.get_json()["error"]["changes"]) == (
        412, [{"field": "position", "then": 0, "now": 1}])
    assert stored_rows() == after_alice


def test_the_stale_notice_shows_times_in_the_meetings_zone_with_its_name(alice, bob, ids):
    url = f"{ORGANISE}/sessions/{ids['session']}/edit"
    bobs_form = opened(bob, url)
    alice.post(url, data={**opened(alice, url), "starts": "2021-10-18T08:30"})
    page_text = text_of(bob.post(url, data={**bobs_form, "title": "Panel on data"}))
    assert "Starts Mon 18 Oct 09:00 (Asia/Seoul) Mon 18 Oct 08:30 (Asia/Seoul)" in page_text
