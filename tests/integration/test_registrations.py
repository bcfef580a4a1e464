"""Organisers register participants, one by one or from a CSV file; participants register themselves."""
import io
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole, Role
from planner.extensions import db
from planner.models import Registration
from planner.operations.agenda import assign_role
from planner.operations.registrations import register_participant

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def csrf_token(client, address: str) -> str:
    return re.search(r'name="(?:\w+-)?csrf_token" type="hidden" value="([^"]+)"',
                     client.get(address).get_data(as_text=True)).group(1)


def registrations_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Registration))


@pytest.fixture
def meeting(make):
    meeting = make.meeting(first_day=MONDAY, last_day=TUESDAY)
    make.institution(meeting, "Ministry of Foreign Affairs", acronym="MOFA")
    return meeting


def test_an_organiser_registers_a_new_person_with_a_mode_for_each_day(sign_in, meeting):
    organiser = sign_in(meeting)
    address = "/events/test-meeting/organise/participants/new"
    response = organiser.post(address, data={
        "csrf_token": csrf_token(organiser, address), "person": "", "honorific": "Mr", "name": "Chang Wook-jin",
        "position": "Director-General", "institution": str(meeting.institutions[0].id),
        "email": "chang@example.org", "role": "delegate", "home_timezone": "Asia/Seoul",
        "day_2021_10_18": "in_room", "day_2021_10_19": "online",
    })
    assert response.status_code == 302
    page = text_of(organiser.get("/events/test-meeting/organise/participants/"))
    assert "Mr Chang Wook-jin MOFA Delegate Asia/Seoul Room Online" in page
    assert "Mon 18 Oct 1 0 Tue 19 Oct 0 1" in page


def test_a_registration_form_with_a_bad_zone_names_the_field_and_saves_nothing(sign_in, meeting):
    organiser = sign_in(meeting)
    address = "/events/test-meeting/organise/participants/new"
    response = organiser.post(address, data={
        "csrf_token": csrf_token(organiser, address), "person": "", "name": "Kim", "institution": "",
        "role": "expert", "home_timezone": "Mars/Base", "day_2021_10_18": "online", "day_2021_10_19": "absent",
    })
    assert response.status_code == 400
    assert "“Mars/Base” is not a known IANA time zone" in text_of(response)
    assert registrations_count() == 0


GOOD_CSV = (
    "name,role,email,institution,institution_kind,home_timezone,2021-10-18,2021-10-19\n"
    "Chang Wook-jin,delegate,chang@example.org,MOFA,,Asia/Seoul,room,room\n"
    "Damien Thuriaux,expert,thuriaux@example.org,IOM,international,Europe/Zurich,online,absent\n"
)


def upload(organiser, text: str):
    return organiser.post("/events/test-meeting/organise/participants/import", data={
        "import-csrf_token": csrf_token(organiser, "/events/test-meeting/organise/participants/"),
        "import-file": (io.BytesIO(text.encode()), "participants.csv"),
    }, content_type="multipart/form-data")


def test_a_csv_file_registers_everyone_and_adds_a_new_institution(sign_in, meeting):
    organiser = sign_in(meeting)
    assert upload(organiser, GOOD_CSV).status_code == 302
    page = text_of(organiser.get("/events/test-meeting/organise/participants/"))
    assert "Chang Wook-jin MOFA Delegate Asia/Seoul Room Room" in page
    assert "Damien Thuriaux IOM Expert Europe/Zurich Online —" in page
    assert "Mon 18 Oct 1 1 Tue 19 Oct 1 0" in page


def test_a_csv_file_with_one_bad_row_imports_nothing_and_names_the_row(sign_in, meeting):
    organiser = sign_in(meeting)
    response = upload(organiser, GOOD_CSV + "Lee Min-ho,speaker,lee@example.org,MOFA,,,room,room\n")
    assert response.status_code == 400
    assert "Nothing was imported. Correct these and import the file again: Row 4, role: Give delegate" in (
        text_of(response))
    assert registrations_count() == 0


def test_an_unknown_institution_without_its_kind_is_refused_by_row(sign_in, meeting):
    organiser = sign_in(meeting)
    response = upload(organiser, "name,role,institution\nKim,expert,Unknown Institute\n")
    assert "Row 2, institution: “Unknown Institute” is not an institution of this meeting; give institution_kind" in (
        text_of(response))
    assert registrations_count() == 0


def test_someone_already_registered_cannot_be_imported_again(sign_in, meeting):
    organiser = sign_in(meeting)
    upload(organiser, GOOD_CSV)
    response = upload(organiser, GOOD_CSV)
    assert "Row 2, name: Chang Wook-jin is already registered." in text_of(response)
    assert registrations_count() == 2


def test_the_public_form_is_closed_until_the_organiser_opens_it(client, meeting):
    page = text_of(client.get("/events/test-meeting/register"))
    assert "Registration is closed" in page


def open_registration(meeting, closes_in: timedelta | None = None):
    meeting.registration_open = True
    meeting.registration_closes_at = datetime.now(timezone.utc) + closes_in if closes_in else None
    db.session.commit()


def test_someone_registers_themselves_while_the_form_is_open(client, meeting):
    open_registration(meeting, timedelta(days=3))
    response = client.post("/events/test-meeting/register", data={
        "csrf_token": csrf_token(client, "/events/test-meeting/register"), "name": "Park Ji-won",
        "email": "park@example.org", "role": "observer", "institution": "MOFA", "institution_kind": "government",
        "home_timezone": "", "day_2021_10_18": "online", "day_2021_10_19": "absent",
    })
    assert "You are registered" in text_of(response)
    assert "Monday 18 October 2021: Online" in text_of(response)
    registration = db.session.scalar(select(Registration))
    assert (registration.person.name, registration.person.institution.acronym, registration.role) == (
        "Park Ji-won", "MOFA", ParticipantRole.OBSERVER)


def test_the_public_form_closes_at_its_closing_time(client, meeting):
    open_registration(meeting, timedelta(seconds=-1))
    assert "Registration is closed" in text_of(client.get("/events/test-meeting/register"))


def test_the_public_form_refuses_a_post_without_its_csrf_token(client, meeting):
    open_registration(meeting)
    response = client.post("/events/test-meeting/register", data={
        "name": "Park", "email": "park@example.org", "role": "observer", "institution_kind": "government",
        "day_2021_10_18": "online", "day_2021_10_19": "absent",
    })
    assert response.status_code == 400
    assert registrations_count() == 0


def test_the_public_form_answers_alike_whether_or_not_the_email_is_registered_and_organisers_see_it_twice(
        client, sign_in, meeting, make):
    register_participant(meeting, make.person(meeting, "Park", email="park@example.org"),
                         role=ParticipantRole.EXPERT, days={MONDAY: DayMode.IN_ROOM})
    db.session.commit()
    open_registration(meeting)

    def register_as(email):
        response = client.post("/events/test-meeting/register", data={
            "csrf_token": csrf_token(client, "/events/test-meeting/register"), "name": "Park again",
            "email": email, "role": "observer", "institution_kind": "government",
            "day_2021_10_18": "online", "day_2021_10_19": "absent",
        })
        return response.status_code, text_of(response).replace(email, "EMAIL")

    assert register_as("PARK@example.org") == register_as("someone.new@example.org")
    assert registrations_count() == 3
    participants = text_of(sign_in(meeting).get("/events/test-meeting/organise/participants/"))
    assert participants.count("registered more than once with") == 2


def test_more_people_in_the_room_than_seats_is_a_conflict_and_shows_in_the_timetable(sign_in, meeting, make):
    room = make.room(meeting, "Small room", capacity=2)
    make.session(meeting, "Working session", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room)
    for name in ("Kim", "Lee", "Park"):
        register_participant(meeting, make.person(meeting, name), role=ParticipantRole.EXPERT,
                             days={MONDAY: DayMode.IN_ROOM})
    register_participant(meeting, make.person(meeting, "Choi"), role=ParticipantRole.EXPERT,
                         days={MONDAY: DayMode.ONLINE})
    db.session.commit()
    organiser = sign_in(meeting)
    timetable = text_of(organiser.get("/events/test-meeting/organise/timetable/2021-10-18"))
    assert "3 in the room · 1 online this day" in timetable
    assert "3/2 in room · 1 online" in timetable
    assert "3 people attend in the room on Mon 18 Oct but Small room, where “Working session” is held, seats 2." in (
        timetable)


def test_a_speaker_attending_online_a_session_held_only_in_the_room_is_a_conflict(sign_in, meeting, make):
    session = make.session(meeting, "Closed-door briefing", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10),
                           attendance_mode=AttendanceMode.IN_PERSON)
    speaker = make.person(meeting, "Thuriaux")
    assign_role(session, speaker, Role.SPEAKER)
    register_participant(meeting, speaker, role=ParticipantRole.EXPERT, days={MONDAY: DayMode.ONLINE})
    db.session.commit()
    conflicts = sign_in(meeting).get("/api/v1/events/test-meeting/conflicts").get_json()["conflicts"]
    assert [c["message"] for c in conflicts] == [
        "Thuriaux takes part in “Closed-door briefing”, which is in the room only, but attends Mon 18 Oct online."
    ]


def test_a_csv_row_with_a_control_character_or_a_bad_new_institution_is_named_and_nothing_is_imported(
        sign_in, meeting):
    organiser = sign_in(meeting)
    response = upload(organiser, GOOD_CSV + "Lee\x0bMin-ho,expert,lee@example.org,,,,room,room\n")
    assert response.status_code == 400
    assert "Row 4, name: A name must be one line, without line breaks or control characters." in text_of(response)
    response = upload(organiser, GOOD_CSV + "Lee Min-ho,expert,lee@example.org,New\x1bInstitute,private,,room,room\n")
    assert response.status_code == 400
    assert "Row 4, institution: An institution name must be one line" in text_of(response)
    assert registrations_count() == 0


def test_the_history_names_someone_who_registered_themselves_as_the_author(client, sign_in, meeting):
    open_registration(meeting, timedelta(days=3))
    client.post("/events/test-meeting/register", data={
        "csrf_token": csrf_token(client, "/events/test-meeting/register"), "name": "Park Ji-won",
        "email": "park@example.org", "role": "observer", "institution": "Korea Forest Service",
        "institution_kind": "government", "home_timezone": "", "day_2021_10_18": "online",
        "day_2021_10_19": "absent",
    })
    history = text_of(sign_in(meeting).get("/events/test-meeting/organise/history"))
    for summary in ("Added institution “Korea Forest Service”", "Added Park Ji-won", "Registered Park Ji-won as observer",
                    "Park Ji-won: online on 18 Oct"):
        assert f"· Park Ji-won (participant) · {summary}" in history
