"""Registrations and headcounts through the API, with a bearer token."""
from datetime import date, datetime

import pytest

from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from planner.operations.tokens import create_token

MONDAY, TUESDAY = "2021-10-18", "2021-10-19"


@pytest.fixture
def meeting(make):
    return make.meeting(first_day=date(2021, 10, 18), last_day=date(2021, 10, 19))


@pytest.fixture
def headers(meeting):
    user = create_organiser("api@example.org", "a long password")
    grant_role(meeting, user, TeamRole.ORGANISER, actor=None)
    _, secret = create_token(user, "tests")
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


def test_a_client_registers_a_new_person_and_reads_the_headcounts(client, meeting, headers, make):
    room = make.room(meeting, "Hall", capacity=40)
    session = make.session(meeting, "Panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room)
    created = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Chang Wook-jin", "honorific": "Mr", "email": "chang@example.org"},
        "role": "delegate", "home_timezone": "Asia/Seoul", "days": {MONDAY: "in_room", TUESDAY: "online"},
    })
    assert created.status_code == 201
    body = created.get_json()
    assert (body["person"]["name"], body["role"], body["days"]) == (
        "Chang Wook-jin", "delegate", {MONDAY: "in_room", TUESDAY: "online"})
    assert created.headers["ETag"] == '"1"'

    counts = client.get("/api/v1/events/test-meeting/headcounts", headers=headers).get_json()
    assert counts == {
        "days": [{"day": MONDAY, "in_room": 1, "online": 0}, {"day": TUESDAY, "in_room": 0, "online": 1}],
        "sessions": [{"id": session.id, "in_room": 1, "online": 0, "room_capacity": 40}],
    }


def test_changing_one_day_keeps_the_others(client, meeting, headers):
    created = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Kim"}, "role": "expert", "days": {MONDAY: "in_room", TUESDAY: "in_room"},
    }).get_json()
    changed = client.patch(f"/api/v1/events/test-meeting/registrations/{created['id']}", headers=headers,
                           json={"days": {TUESDAY: "online"}})
    assert changed.status_code == 200
    assert changed.get_json()["days"] == {MONDAY: "in_room", TUESDAY: "online"}


def test_bad_days_are_named_and_nothing_is_stored(client, meeting, headers):
    response = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Kim"}, "role": "expert", "days": {"2021-10-25": "online", MONDAY: "sometimes"},
    })
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"] == {
        f"days.{MONDAY}": "Map a day (YYYY-MM-DD) to one of: in_room, online, absent.",
    }
    response = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Kim"}, "role": "expert", "days": {"2021-10-25": "online"},
    })
    assert (response.status_code, response.get_json()["error"]["fields"]) == (
        422, {"days": "25 October 2021 is not a day of this meeting."})
    response = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Kim"}, "role": "expert", "days": {"2021-W42-1": "online"},  # Monday, as an ISO week date
    })
    assert (response.status_code, response.get_json()["error"]["fields"]) == (
        422, {"days.2021-W42-1": "Map a day (YYYY-MM-DD) to one of: in_room, online, absent."})
    assert client.get("/api/v1/events/test-meeting/registrations", headers=headers).get_json() == {
        "registrations": []}


def test_a_stale_if_match_is_refused_with_what_changed(client, meeting, headers):
    created = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Kim"}, "role": "expert"}).get_json()
    address = f"/api/v1/events/test-meeting/registrations/{created['id']}"
    client.patch(address, headers={**headers, "If-Match": '"1"'}, json={"role": "observer"})
    stale = client.patch(address, headers={**headers, "If-Match": '"1"'}, json={"role": "press"})
    assert stale.status_code == 412
    assert stale.get_json()["error"]["changes"] == [{"field": "role", "then": "expert", "now": "observer"}]


def test_registrations_are_for_the_meetings_organisers_only(client, meeting, make):
    stranger = create_organiser("stranger@example.org", "a long password")
    _, secret = create_token(stranger, "tests")
    db.session.commit()
    assert client.get("/api/v1/events/test-meeting/registrations").status_code == 401
    assert client.get("/api/v1/events/test-meeting/registrations",
                      headers={"Authorization": f"Bearer {secret}"}).status_code == 403
    assert client.post("/api/v1/events/test-meeting/registrations", json={"role": "expert"}).status_code == 401
