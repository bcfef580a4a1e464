"""SEQUENCE rises by one with each change a participant would notice, and not otherwise, through the operations."""
from datetime import date, datetime

import icalendar
import pytest

from planner.domain.vocabulary import AttendanceMode, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.operations.agenda import assign_role, delete_session, move_session, update_session
from planner.operations.meetings import update_meeting


@pytest.fixture
def agenda(make):
    meeting = make.meeting(slug="seq")
    rooms = [make.room(meeting, "Hall A"), make.room(meeting, "Hall B")]
    block = make.session(meeting, "Working block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12),
                         room=rooms[0], online_link="https://meet.example.org/a")
    coffee = make.session(meeting, "Coffee break", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45),
                          parent=block, kind=SessionKind.BREAK)
    person = make.person(meeting, "Kim Min-ji")
    return dict(meeting=meeting, rooms=rooms, block=block, coffee=coffee, person=person)


def sequences(client) -> dict[str, int]:
    calendar = icalendar.Calendar.from_ical(client.get("/events/seq/calendar.ics").data)
    return {str(event["SUMMARY"]): event["SEQUENCE"] for event in calendar.walk("VEVENT")}


NOTICEABLE = {
    "a new start and end": dict(starts=datetime(2021, 10, 18, 9, 30), ends=datetime(2021, 10, 18, 12, 30)),
    "a longer end": dict(ends=datetime(2021, 10, 18, 13)),
    "a new title": dict(title="Working block on airports"),
    "another status": dict(status=SessionStatus.TENTATIVE),
    "another online link": dict(online_link="https://meet.example.org/b"),
}


@pytest.mark.parametrize("change", NOTICEABLE)
def test_a_change_a_participant_notices_raises_the_sequence_by_one(client, agenda, change):
    update_session(agenda["block"], actor=None, **NOTICEABLE[change])
    db.session.commit()
    assert sequences(client)["Working block on airports" if change == "a new title" else "Working block"] == 1


def test_moving_to_another_room_raises_the_sequence(client, agenda):
    move_session(agenda["block"], starts=agenda["block"].starts_at, ends=agenda["block"].ends_at,
                 room=agenda["rooms"][1], actor=None)
    db.session.commit()
    assert sequences(client) == {"Working block": 1, "Coffee break": 0}


def test_moving_a_block_raises_the_sequence_of_what_moves_with_it(client, agenda):
    update_session(agenda["block"], actor=None, starts=datetime(2021, 10, 19, 9), ends=datetime(2021, 10, 19, 12))
    db.session.commit()
    assert sequences(client) == {"Working block": 1, "Coffee break": 1}


UNNOTICED = {
    "a new description": dict(description="We look at airports."),
    "a thematic area": dict(thematic_area="Aviation"),
    "another kind": dict(kind=SessionKind.PANEL),
    "another attendance mode": dict(attendance_mode=AttendanceMode.ONLINE),
    "the same values again": dict(title="Working block"),
}


@pytest.mark.parametrize("change", UNNOTICED)
def test_a_change_a_participant_would_not_notice_keeps_the_sequence(client, agenda, change):
    update_session(agenda["block"], actor=None, **UNNOTICED[change])
    db.session.commit()
    assert sequences(client)["Working block"] == 0


def test_adding_a_speaker_keeps_the_sequence(client, agenda):
    assign_role(agenda["block"], agenda["person"], Role.SPEAKER)
    db.session.commit()
    assert sequences(client)["Working block"] == 0


def test_two_changes_raise_the_sequence_twice(client, agenda):
    update_session(agenda["block"], actor=None, title="Airports")
    update_session(agenda["block"], actor=None, title="Airports and ports")
    db.session.commit()
    assert sequences(client)["Airports and ports"] == 2


def test_cancelling_raises_the_sequence_and_deleting_it_afterwards_does_not(client, agenda):
    update_session(agenda["coffee"], actor=None, status=SessionStatus.CANCELLED)
    db.session.commit()
    assert sequences(client)["Cancelled: Coffee break"] == 1
    delete_session(agenda["coffee"], actor=None)
    db.session.commit()
    assert sequences(client)["Cancelled: Coffee break"] == 1


def test_deleting_a_block_cancels_it_and_what_sits_inside_with_a_higher_sequence(client, agenda):
    delete_session(agenda["block"], actor=None)
    db.session.commit()
    assert sequences(client) == {"Cancelled: Working block": 1, "Cancelled: Coffee break": 1}


def test_a_new_meeting_zone_keeps_wall_clock_times_and_raises_the_sequence(client, agenda):
    meeting = agenda["meeting"]
    update_meeting(meeting, actor=None, title=meeting.title, first_day=date(2021, 10, 18), last_day=date(2021, 10, 22),
                   timezone="Europe/Zurich", format=meeting.format, venue=meeting.venue, published=True)
    db.session.commit()
    calendar = icalendar.Calendar.from_ical(client.get("/events/seq/calendar.ics").data)
    block = next(event for event in calendar.walk("VEVENT") if str(event["SUMMARY"]) == "Working block")
    assert (block["SEQUENCE"], block["DTSTART"].to_ical(), block["DTSTART"].params["TZID"]) == (
        1, b"20211018T090000", "Europe/Zurich")
