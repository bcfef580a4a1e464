"""The organisers' burden view: each session on the home clocks of those who follow it online."""
import re
from datetime import date, datetime

import pytest

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole, SessionKind, SessionStatus
from planner.extensions import db
from planner.operations.registrations import register_participant

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)


def text_of(response) -> str:
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def register(make, meeting, name, home_timezone, days):
    registration = register_participant(meeting, make.person(meeting, name), role=ParticipantRole.EXPERT,
                                        days=days, home_timezone=home_timezone)
    db.session.commit()
    return registration


@pytest.fixture
def meeting(make):
    meeting = make.meeting(published=False)
    make.session(meeting, "Morning discussion", datetime(2021, 10, 18, 9, 30), datetime(2021, 10, 18, 12, 30))
    make.session(meeting, "Afternoon discussion", datetime(2021, 10, 18, 14), datetime(2021, 10, 18, 16, 30))
    make.session(meeting, "Lunch in the room", datetime(2021, 10, 18, 12, 30), datetime(2021, 10, 18, 14),
                 kind=SessionKind.LUNCH, attendance_mode=AttendanceMode.IN_PERSON)
    make.session(meeting, "Called off", datetime(2021, 10, 19, 9), datetime(2021, 10, 19, 10),
                 status=SessionStatus.CANCELLED)
    make.session(meeting, "Planned evening", datetime(2021, 10, 19, 20), datetime(2021, 10, 19, 21), draft=True)
    register(make, meeting, "Damien Thuriaux", "Europe/Zurich", {MONDAY: DayMode.ONLINE, TUESDAY: DayMode.ONLINE})
    register(make, meeting, "Brian Finlay", "America/New_York", {MONDAY: DayMode.ONLINE})
    register(make, meeting, "Chang Wook-jin", "Asia/Seoul", {MONDAY: DayMode.IN_ROOM})
    register(make, meeting, "Jehangir Khan", "", {MONDAY: DayMode.ONLINE})
    return meeting


def test_each_session_lists_the_local_times_of_its_online_participants_flagged_at_night(sign_in, meeting):
    page = text_of(sign_in(meeting).get("/events/test-meeting/organise/burden"))
    assert ("09:30–12:30 Morning discussion 2 online participants between 20:30 and 05:30; "
            "1 without a home time zone. "
            "Mon 18 Oct 02:30 – 05:30 Europe/Zurich outside 07:00–22:00 Damien Thuriaux "
            "Sun 17 Oct 20:30 – 23:30 America/New_York outside 07:00–22:00 Brian Finlay "
            "No home time zone given Jehangir Khan") in page
    assert ("14:00–16:30 Afternoon discussion 1 online participant between 01:00 and 03:30; "
            "1 without a home time zone. "
            "Mon 18 Oct 07:00 – 09:30 Europe/Zurich Damien Thuriaux "
            "Mon 18 Oct 01:00 – 03:30 America/New_York outside 07:00–22:00 Brian Finlay") in page


def test_each_day_has_its_total(sign_in, meeting):
    page = text_of(sign_in(meeting).get("/events/test-meeting/organise/burden"))
    assert ("Monday 18 October 2021 Day total: 2 of 3 online participants outside 07:00–22:00, "
            "in 2 of 2 sessions (3 attendances).") in page
    assert ("Tuesday 19 October 2021 Day total: every session within 07:00–22:00 at home for 1 online participant. "
            "20:00–21:00 Planned evening (draft) 1 online participant, within 07:00–22:00 at home.") in page
    assert "Wednesday 20 October 2021 No session can be followed online." in page


def test_sessions_held_only_in_the_room_and_cancelled_ones_are_left_out(sign_in, meeting):
    page = text_of(sign_in(meeting).get("/events/test-meeting/organise/burden"))
    assert "Lunch in the room" not in page and "Called off" not in page
    assert "Chang Wook-jin" not in page  # in the room, not online


def test_a_day_nobody_follows_online_says_so(sign_in, make):
    meeting = make.meeting()
    make.session(meeting, "Opening", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    page = text_of(sign_in(meeting).get("/events/test-meeting/organise/burden"))
    assert "Monday 18 October 2021 No one is registered to follow this day online." in page
    assert "Opening No one follows it online." in page


def test_an_unknown_meeting_is_not_found(sign_in):
    assert sign_in().get("/events/nothing-here/organise/burden").status_code == 404


def test_a_long_list_of_names_folds_away_behind_its_count(sign_in, make):
    meeting = make.meeting()
    make.session(meeting, "Morning", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    for n in range(4):
        register(make, meeting, f"Expert {n}", "Europe/Zurich", {MONDAY: DayMode.ONLINE})
    html = sign_in(meeting).get("/events/test-meeting/organise/burden").get_data(as_text=True)
    assert ('<details class="people"><summary>4 participants</summary>Expert 0, Expert 1, Expert 2, Expert 3'
            '</details>') in html


def test_the_burden_view_is_for_the_meetings_organisers_only(client, sign_in, meeting):
    assert client.get("/events/test-meeting/organise/burden").status_code == 302
    # A draft meeting is not there at all for anyone off its team.
    assert sign_in(email="someone-else@example.org").get("/events/test-meeting/organise/burden").status_code == 404
