"""The JSON read API, as an integrator's client sees it."""
from datetime import date, datetime

import pytest

from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.operations.agenda import assign_role


@pytest.fixture
def demo(app_context):
    load_demo_meetings()
    db.session.commit()


def test_the_events_list_has_the_published_meetings(client, demo, make):
    make.meeting(slug="not-yet", published=False)
    body = client.get("/api/v1/events").get_json()
    assert [event["slug"] for event in body["events"]] == ["cted-follow-up-visit-2023", "egm-border-management-2021"]
    assert body["events"][1] == {
        "slug": "egm-border-management-2021",
        "title": body["events"][1]["title"],
        "short_name": "EGM Border Management 2021",
        "first_day": "2021-10-15",
        "last_day": "2021-10-22",
        "timezone": "Asia/Seoul",
        "venue": "Seoul, Republic of Korea",
        "format": "hybrid",
        "language": "en",
        "url": "http://localhost/events/egm-border-management-2021/",
        "api_url": "http://localhost/api/v1/events/egm-border-management-2021",
    }


def test_an_event_carries_rooms_days_people_institutions_and_sessions_with_roles(client, make):
    meeting = make.meeting()
    room = make.room(meeting, "Hall A", capacity=80)
    mofa = make.institution(meeting, "Ministry of Foreign Affairs", acronym="MOFA", country="Republic of Korea")
    chang = make.person(meeting, "Chang Wook-jin", honorific="Mr", institution=mofa,
                        position="Director-General for International Organizations")
    block = make.session(meeting, "Opening session", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11),
                         room=room)
    remarks = make.session(meeting, "Opening remarks", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 10, 10),
                           room=room, parent=block, online_link="https://meet.example.org/x")
    assign_role(remarks, chang, Role.SPEAKER)
    db.session.commit()

    body = client.get("/api/v1/events/test-meeting").get_json()
    assert body["days"] == ["2021-10-18", "2021-10-19", "2021-10-20", "2021-10-21", "2021-10-22"]
    assert body["rooms"] == [{"id": room.id, "name": "Hall A", "capacity": 80, "online_only": False, "venue": "",
                              "address": "", "version": 1}]
    assert body["institutions"] == [{"id": mofa.id, "name": "Ministry of Foreign Affairs", "acronym": "MOFA",
                                     "kind": "government", "country": "Republic of Korea", "version": 1}]
    assert body["people"] == [{"id": chang.id, "honorific": "Mr", "name": "Chang Wook-jin",
                               "position": "Director-General for International Organizations",
                               "institution_id": mofa.id, "version": 1}]
    assert [s["title"] for s in body["sessions"]] == ["Opening session", "Opening remarks"]
    assert body["sessions"][1] == {
        "id": remarks.id,
        "uid": str(remarks.uid),
        "title": "Opening remarks",
        "kind": "working",
        "starts_at": "2021-10-18T10:00:00+09:00",
        "ends_at": "2021-10-18T10:10:00+09:00",
        "timezone": "Asia/Seoul",
        "reader_timezone": "Asia/Seoul",
        "room_id": room.id,
        "parent_id": block.id,
        "attendance_mode": "hybrid",
        "online_link": None,
        "status": "confirmed",
        "thematic_area": "",
        "description": "",
        "roles": [{"id": remarks.roles[0].id, "role": "speaker", "person_id": chang.id, "position": 0,
                   "on_behalf_of": ""}],
        "url": f"http://localhost/events/test-meeting/sessions/{remarks.id}",
        "version": 1,
        "documents": [],
    }


def test_times_carry_the_summer_offset_across_the_zurich_switch(client, make):
    meeting = make.meeting(slug="zurich-2000", timezone="Europe/Zurich", first_day=date(2000, 3, 25),
                           last_day=date(2000, 3, 27))
    make.session(meeting, "Saturday", datetime(2000, 3, 25, 9), datetime(2000, 3, 25, 10))
    make.session(meeting, "Monday", datetime(2000, 3, 27, 9), datetime(2000, 3, 27, 10))
    sessions = client.get("/api/v1/events/zurich-2000").get_json()["sessions"]
    assert [(s["title"], s["starts_at"]) for s in sessions] == [
        ("Saturday", "2000-03-25T09:00:00+01:00"), ("Monday", "2000-03-27T09:00:00+02:00"),
    ]


def test_draft_sessions_stay_out_of_the_api(client, make):
    meeting = make.meeting()
    make.session(meeting, "Draft", draft=True)
    assert client.get("/api/v1/events/test-meeting").get_json()["sessions"] == []


@pytest.mark.parametrize("address", ["/api/v1/events/nope", "/api/v1/nothing", "/api/v1/events/nope/sessions/1"])
def test_unknown_api_addresses_answer_404_in_json(client, address):
    response = client.get(address)
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_a_wrong_method_answers_405_in_json_naming_the_methods_allowed(client, make):
    make.meeting()
    response = client.delete("/api/v1/events")
    assert (response.status_code, response.get_json()["error"]["title"]) == (405, "Method Not Allowed")
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS", "POST"}


def test_a_wrong_method_on_a_page_names_the_methods_allowed_too(client):
    response = client.delete("/")
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
