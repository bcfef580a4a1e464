"""Conflict warnings as organisers meet them: the API's list, the conflicts page and the timetable."""
from datetime import date, datetime

import pytest

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole, Role
from planner.extensions import db
from planner.models import Session
from planner.operations.agenda import assign_role, delete_session
from planner.operations.registrations import register_participant
from tests.integration.browsing import text_of


@pytest.fixture
def ids(seed) -> dict:
    """18 October 2021 in Seoul: a speaker in two places, a room booked twice and too small, a speaker online;
    a break inside its block (no clash); on the 19th a draft session attended in the room, in an online room."""
    with seed() as make:
        meeting = make.meeting(slug="owned")
        hall = make.room(meeting, "Hall A", capacity=2)
        zoom = make.room(meeting, "Zoom", online_only=True)
        kim, lee, park = (make.person(meeting, name) for name in ("Kim Min-ji", "Lee Ji-ho", "Park Soo-min"))
        panel = make.session(meeting, "Panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10, 30), room=hall)
        big = make.room(meeting, "Hall B", capacity=100)
        block = make.session(meeting, "Working block", datetime(2021, 10, 18, 11), datetime(2021, 10, 18, 13),
                             room=big)
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 12), datetime(2021, 10, 18, 12, 15), room=big,
                     parent=block)
        briefing = make.session(meeting, "Closed briefing", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11),
                                room=hall, attendance_mode=AttendanceMode.IN_PERSON)
        webinar = make.session(meeting, "Webinar", datetime(2021, 10, 19, 9), datetime(2021, 10, 19, 10), room=zoom,
                               attendance_mode=AttendanceMode.HYBRID, draft=True)
        assign_role(panel, kim, Role.CHAIR)
        assign_role(briefing, kim, Role.SPEAKER)
        for person, mode in ((kim, DayMode.ONLINE), (lee, DayMode.IN_ROOM), (park, DayMode.IN_ROOM)):
            register_participant(meeting, person, role=ParticipantRole.EXPERT, days={date(2021, 10, 18): mode})
        make.person(meeting, "Choi Woo-jin")
        third = make.person(meeting, "Jung Ha-eun")
        register_participant(meeting, third, role=ParticipantRole.OBSERVER,
                             days={date(2021, 10, 18): DayMode.IN_ROOM, date(2021, 10, 19): DayMode.ABSENT})
        db.session.commit()
        owner = make.organiser("owner@example.org", meetings=[meeting])
        return dict(panel=panel.id, briefing=briefing.id, webinar=webinar.id, kim=kim.id, hall=hall.id,
                    zoom=zoom.id, token=make.token(owner))


def session_url(session_id: int) -> str:
    return f"http://localhost/events/owned/sessions/{session_id}"


def test_the_api_lists_every_conflict_of_the_meeting_in_agenda_order(client, ids):
    response = client.get("/api/v1/events/owned/conflicts", headers={"Authorization": f"Bearer {ids['token']}"})
    panel, briefing, webinar = ids["panel"], ids["briefing"], ids["webinar"]
    assert response.get_json() == {"conflicts": [
        {"kind": "over_capacity",
         "message": "3 people attend in the room on Mon 18 Oct but Hall A, where “Panel” is held, seats 2.",
         "session_ids": [panel], "person_id": None, "room_id": ids["hall"], "sessions": [session_url(panel)]},
        {"kind": "person_double_booked",
         "message": "Kim Min-ji is in “Panel” (Mon 18 Oct 09:00–10:30) and in “Closed briefing” "
                    "(Mon 18 Oct 10:00–11:00) at the same time.",
         "session_ids": [panel, briefing], "person_id": ids["kim"], "room_id": None,
         "sessions": [session_url(panel), session_url(briefing)]},
        {"kind": "room_double_booked",
         "message": "Hall A holds “Panel” (Mon 18 Oct 09:00–10:30) and “Closed briefing” (Mon 18 Oct 10:00–11:00) "
                    "at the same time.",
         "session_ids": [panel, briefing], "person_id": None, "room_id": ids["hall"],
         "sessions": [session_url(panel), session_url(briefing)]},
        {"kind": "over_capacity",
         "message": "3 people attend in the room on Mon 18 Oct but Hall A, where “Closed briefing” is held, seats 2.",
         "session_ids": [briefing], "person_id": None, "room_id": ids["hall"], "sessions": [session_url(briefing)]},
        {"kind": "speaker_online",
         "message": "Kim Min-ji takes part in “Closed briefing”, which is in the room only, but attends Mon 18 Oct "
                    "online.",
         "session_ids": [briefing], "person_id": ids["kim"], "room_id": None, "sessions": [session_url(briefing)]},
        {"kind": "in_person_in_online_room",
         "message": "“Webinar” is attended in the room and online but Zoom is online only.",
         "session_ids": [webinar], "person_id": None, "room_id": ids["zoom"], "sessions": [session_url(webinar)]},
    ]}


def test_the_conflicts_page_and_the_timetable_show_the_same_warnings(browser, ids):
    organiser = browser("owner@example.org")
    page = text_of(organiser.get("/events/owned/organise/conflicts"))
    timetable = text_of(organiser.get("/events/owned/organise/timetable/2021-10-18"))
    for message in ("Kim Min-ji is in “Panel” (Mon 18 Oct 09:00–10:30) and in “Closed briefing” "
                    "(Mon 18 Oct 10:00–11:00) at the same time.",
                    "“Webinar” is attended in the room and online but Zoom is online only."):
        assert message in page and message in timetable


def test_a_deleted_session_no_longer_conflicts(client, ids, app):
    with app.app_context():
        delete_session(db.session.get(Session, ids["briefing"]), actor=None)
        db.session.commit()
    conflicts = client.get("/api/v1/events/owned/conflicts",
                           headers={"Authorization": f"Bearer {ids['token']}"}).get_json()["conflicts"]
    assert [(c["kind"], c["session_ids"]) for c in conflicts] == [
        ("over_capacity", [ids["panel"]]), ("in_person_in_online_room", [ids["webinar"]])]


def test_a_meeting_without_conflicts_says_so(browser, seed):
    with seed() as make:
        make.organiser("calm@example.org", meetings=[make.meeting(slug="calm")])
    assert "No conflicts." in text_of(browser("calm@example.org").get("/events/calm/organise/conflicts"))


def test_the_conflicts_are_written_in_the_readers_language_and_the_api_keeps_english(browser, client, ids):
    organiser = browser("owner@example.org")
    page = text_of(organiser.get("/events/owned/organise/conflicts?lang=fr"))
    assert ("Kim Min-ji participe en même temps à « Panel » (lun. 18 oct. 09:00–10:30) et à « Closed briefing » "
            "(lun. 18 oct. 10:00–11:00).") in page
    assert "3 personnes assistent en salle le lun. 18 oct., mais Hall A, où se tient « Panel », compte 2 places." \
        in page
    assert "« Webinar » se suit en salle et en ligne, mais Zoom est uniquement en ligne." in page
    assert "at the same time" not in page
    korean = text_of(organiser.get("/events/owned/organise/conflicts?lang=ko"))
    assert "Kim Min-ji 님이 같은 시간에 “Panel”(10월 18일 (월) 오전 9:00–오전 10:30)" in korean
    answered = client.get("/api/v1/events/owned/conflicts", headers={
        "Authorization": f"Bearer {ids['token']}", "Accept-Language": "fr"}).get_json()["conflicts"]
    assert "Kim Min-ji is in “Panel” (Mon 18 Oct 09:00–10:30) and in “Closed briefing” (Mon 18 Oct 10:00–11:00) " \
           "at the same time." in [conflict["message"] for conflict in answered]
