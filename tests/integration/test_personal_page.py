"""A participant's own page at their secret address."""
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole
from planner.extensions import db
from planner.operations.personal_tokens import issue_personal_token, revoke_personal_token
from planner.operations.registrations import register_participant

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


@pytest.fixture
def participant(make):
    meeting = make.meeting(first_day=MONDAY, last_day=TUESDAY)
    make.session(meeting, "Monday panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10),
                 online_link="https://meet.example.org/monday")
    make.session(meeting, "Tuesday panel", datetime(2021, 10, 19, 9), datetime(2021, 10, 19, 10),
                 online_link="https://meet.example.org/tuesday")
    make.session(meeting, "Tuesday lunch", datetime(2021, 10, 19, 12), datetime(2021, 10, 19, 13),
                 attendance_mode=AttendanceMode.IN_PERSON)
    registration = register_participant(meeting, make.person(meeting, "Damien Thuriaux"),
                                         role=ParticipantRole.EXPERT,
                                         days={MONDAY: DayMode.IN_ROOM, TUESDAY: DayMode.ONLINE})
    token = issue_personal_token(registration, actor=None)
    db.session.commit()
    return registration, token


def test_the_page_shows_the_join_link_only_for_the_day_attended_online(client, participant):
    _, token = participant
    response = client.get(f"/my/{token}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Your agenda, Damien Thuriaux" in text_of(response)
    assert "Monday panel" in html and "Tuesday panel" in html and "Tuesday lunch" in html
    assert "meet.example.org/tuesday" in html
    assert "meet.example.org/monday" not in html
    assert f"webcal://localhost/my/{token}/calendar.ics" in html


def test_the_public_never_sees_those_links(client, participant):
    html = client.get("/events/test-meeting/").get_data(as_text=True)
    assert "meet.example.org" not in html
    assert "meet.example.org" not in client.get("/api/v1/events/test-meeting").get_data(as_text=True)


def test_a_participant_changes_their_days_until_the_deadline(client, participant):
    registration, token = participant
    page = client.get(f"/my/{token}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(f"/my/{token}", data={"csrf_token": csrf, "day_2021_10_18": "online",
                                                  "day_2021_10_19": "online"})
    assert response.status_code == 302
    assert "meet.example.org/monday" in client.get(f"/my/{token}").get_data(as_text=True)

    registration.meeting.attendance_changes_close_at = datetime.now(timezone.utc) - timedelta(minutes=1)
    db.session.commit()
    refused = client.post(f"/my/{token}", data={"csrf_token": csrf, "day_2021_10_18": "absent",
                                                "day_2021_10_19": "absent"})
    assert refused.status_code == 400
    assert "Changes are closed" in text_of(refused)
    assert "meet.example.org/monday" in client.get(f"/my/{token}").get_data(as_text=True)


def test_a_revoked_or_unknown_address_is_not_found(client, participant):
    registration, token = participant
    revoke_personal_token(registration, actor=None)
    db.session.commit()
    assert client.get(f"/my/{token}").status_code == 404
    assert client.get(f"/my/{token}/calendar.ics").status_code == 404
    assert client.get("/my/not-a-token").status_code == 404


def test_a_reissued_address_replaces_the_old_one(client, participant):
    registration, old = participant
    new = issue_personal_token(registration, actor=None)
    db.session.commit()
    assert len(new) >= 22 and new != old
    assert (client.get(f"/my/{old}").status_code, client.get(f"/my/{new}").status_code) == (404, 200)


def test_the_personal_programme_prints_only_their_sessions(client, participant, make):
    registration, token = participant
    registration.days[0].mode = DayMode.ABSENT
    db.session.commit()
    page = text_of(client.get(f"/my/{token}/programme"))
    assert "Tuesday panel" in page and "Monday panel" not in page


def test_an_organiser_issues_an_address_and_sees_it_once(sign_in, participant):
    registration, _ = participant
    organiser = sign_in(registration.meeting)
    page = organiser.get("/events/test-meeting/organise/participants/").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = organiser.post(
        f"/events/test-meeting/organise/participants/{registration.id}/personal-address/issue",
        data={"csrf_token": csrf}, follow_redirects=True)
    address = re.search(r"http://localhost/my/([\w-]+)", response.get_data(as_text=True)).group(1)
    assert "Your agenda, Damien Thuriaux" in text_of(organiser.get(f"/my/{address}"))


def test_the_history_names_the_participant_who_changed_their_own_days(client, sign_in, participant):
    registration, token = participant
    page = client.get(f"/my/{token}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post(f"/my/{token}", data={"csrf_token": csrf, "day_2021_10_18": "online", "day_2021_10_19": "online"})
    history = text_of(sign_in(registration.meeting).get("/events/test-meeting/organise/history"))
    assert "· Damien Thuriaux (participant) · Damien Thuriaux: online on 18 Oct" in history
