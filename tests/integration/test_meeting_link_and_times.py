"""The meeting's own online link as the join link of sessions without one; times that cross midnight or happen
twice; days that would leave sessions outside; the session form's "no end time"; the favicon."""
from datetime import date, datetime

import icalendar
import pytest

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole
from planner.extensions import db
from planner.models import Meeting
from planner.operations.meetings import update_meeting
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.registrations import register_participant
from tests.integration.browsing import errors_beside_fields, submit, text_of
from tests.integration.invitation_support import (  # noqa: F401  (fixtures)
    agenda, inbox, invite, received, sign_in,
)

MEETING_LINK = "https://meet.example.org/whole-meeting"


@pytest.fixture
def hybrid(make):
    """A meeting whose online link is its own; Lee online on the 18th; one hybrid session without a link of its
    own, one with, one in the room only."""
    meeting = make.meeting(online_link=MEETING_LINK)
    make.session(meeting, "Without a link", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    make.session(meeting, "With its own", datetime(2021, 10, 18, 11), datetime(2021, 10, 18, 12),
                 online_link="https://meet.example.org/own")
    make.session(meeting, "In the room", datetime(2021, 10, 18, 14), datetime(2021, 10, 18, 15),
                 attendance_mode=AttendanceMode.IN_PERSON)
    registration = register_participant(meeting, make.person(meeting, "Lee Ji-eun"), role=ParticipantRole.EXPERT,
                                         days={date(2021, 10, 18): DayMode.ONLINE})
    token = issue_personal_token(registration, actor=None)
    db.session.commit()
    return token


def test_the_personal_page_and_feed_give_the_meetings_link_where_a_session_has_none(client, hybrid):
    page = client.get(f"/my/{hybrid}").get_data(as_text=True)
    assert page.count(MEETING_LINK) == 1 and "https://meet.example.org/own" in page
    feed = icalendar.Calendar.from_ical(client.get(f"/my/{hybrid}/calendar.ics").data)
    links = {str(event["SUMMARY"]): str(event.get("CONFERENCE", "")) for event in feed.walk("VEVENT")}
    assert links == {"Without a link": MEETING_LINK, "With its own": "https://meet.example.org/own",
                     "In the room": ""}


def test_the_public_gets_the_meetings_link_no_more_than_a_sessions_own(client, hybrid):
    assert MEETING_LINK not in client.get("/events/test-meeting/").get_data(as_text=True)
    assert MEETING_LINK not in client.get("/events/test-meeting/calendar.ics").get_data(as_text=True)
    assert MEETING_LINK not in client.get("/events/test-meeting/programme").get_data(as_text=True)


def test_an_invitation_to_a_session_without_a_link_carries_the_meetings(client, agenda, inbox):
    meeting = agenda["meeting"]
    update_meeting(meeting, actor=None, **{name: getattr(meeting, name) for name in (
        "title", "short_name", "hosts", "description", "first_day", "last_day", "timezone", "venue", "format",
        "contact_email", "published")}, online_link=MEETING_LINK)
    db.session.commit()
    sign_in(client, agenda["organiser"])
    invite(client, f"session:{agenda['remarks'].id}", agenda["finlay"])
    [(method, event, message)] = received(inbox).values()
    assert str(event["CONFERENCE"]) == MEETING_LINK
    assert MEETING_LINK in message.get_body(("plain",)).get_content()


def test_the_internal_programme_prints_the_meetings_link_for_its_organisers(sign_in_client):
    internal = text_of(sign_in_client.get("/events/test-meeting/programme?edition=internal"))
    assert f"Without a link Working session Join online: {MEETING_LINK}" in internal


@pytest.fixture
def sign_in_client(sign_in, hybrid):
    return sign_in(db.session.scalar(db.select(Meeting).where(Meeting.slug == "test-meeting")))


# Times

def test_an_end_after_the_readers_midnight_says_plus_one_day(client, make):
    meeting = make.meeting()
    make.session(meeting, "Late session", datetime(2021, 10, 18, 21, 30), datetime(2021, 10, 18, 23, 30))
    # 21:30–23:30 in Seoul (UTC+9) is 23:30–01:30 in Sydney (UTC+11 in October), 13:30–15:30 in London.
    assert "23:30 – 01:30 (+1 day) 21:30–23:30 Seoul time Late session" in text_of(
        client.get("/events/test-meeting/?tz=Australia/Sydney"))
    assert "13:30 – 15:30 21:30–23:30 Seoul time Late session" in text_of(
        client.get("/events/test-meeting/?tz=Europe/London"))


def test_a_time_the_clocks_show_twice_is_refused_in_the_form_asking_for_its_offset(sign_in, make):
    meeting = make.meeting(slug="geneva-2000", timezone="Europe/Zurich", first_day=date(2000, 10, 28),
                           last_day=date(2000, 10, 29))
    client = sign_in(meeting)
    response = submit(client, "/events/geneva-2000/organise/sessions/new", {
        "title": "Night session", "starts": "2000-10-29T02:30", "ends": "2000-10-29T03:30"})
    assert response.status_code == 400
    assert errors_beside_fields(response) == {"starts": [
        "2000-10-29 02:30 happens twice in Europe/Zurich: the clocks go back that night. Give it with its offset, "
        "2000-10-29T02:30+02:00 for the first time or 2000-10-29T02:30+01:00 for the second."]}


def test_the_form_makes_an_item_without_an_end(sign_in, make, client):
    meeting = make.meeting()
    organiser = sign_in(meeting)
    response = submit(organiser, "/events/test-meeting/organise/sessions/new", {
        "title": "Reception", "kind": "reception", "starts": "2021-10-18T18:30", "ends": "", "no_end": "y"})
    assert response.status_code == 302
    assert "18:30 Reception Reception" in text_of(client.get("/events/test-meeting/"))
    without_either = submit(organiser, "/events/test-meeting/organise/sessions/new", {
        "title": "Closing", "starts": "2021-10-18T12:30", "ends": ""})
    assert errors_beside_fields(without_either) == {"ends": ["Give the end date and time, or tick “No end time”."]}


def test_the_details_form_refuses_days_that_would_leave_sessions_out(sign_in, make):
    meeting = make.meeting()
    make.session(meeting, "Friday wrap-up", datetime(2021, 10, 22, 9), datetime(2021, 10, 22, 10))
    organiser = sign_in(meeting)
    response = submit(organiser, "/events/test-meeting/organise/edit", {"last_day": "2021-10-21"})
    assert errors_beside_fields(response) == {"last_day": [
        "1 session would fall outside the meeting's days: “Friday wrap-up” (Fri 22 Oct 09:00). Move or delete it "
        "first."]}


def test_browsers_find_the_favicon(client):
    response = client.get("/favicon.ico")
    assert (response.status_code, response.mimetype, response.data[:4]) == (
        200, "image/vnd.microsoft.icon", b"\x00\x00\x01\x00")
    response.close()
    assert 'rel="icon" href="/favicon.ico"' in client.get("/").get_data(as_text=True)
