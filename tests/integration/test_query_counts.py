"""The number of queries behind a page does not grow with the number of sessions."""
from datetime import datetime, timedelta

import pytest

from planner.domain.timezones import to_instant
from planner.domain.vocabulary import AttendanceMode, DayMode, InstitutionKind, ParticipantRole, Role, SessionKind
from planner.extensions import db
from planner.models import DayAttendance, Person, Registration, Session, SessionRole
from planner.operations.meetings import add_institution, add_room


def build_meeting(make, slug: str, sessions: int):
    """A five-day meeting with ``sessions`` sessions over four rooms, each with a chair and a speaker."""
    meeting = make.meeting(slug=slug)
    rooms = [add_room(meeting, name=f"Room {n}") for n in range(4)]
    institutions = [add_institution(meeting, name=f"Institution {n}", kind=InstitutionKind.GOVERNMENT)
                    for n in range(5)]
    people = [Person(meeting=meeting, name=f"Person {n}", institution=institutions[n % 5]) for n in range(40)]
    db.session.add_all(people)
    first = to_instant(datetime(2021, 10, 18, 1, 0), meeting.timezone)
    for n in range(sessions):
        start = first + timedelta(days=n % 5, minutes=5 * (n // 5))
        session = Session(
            meeting=meeting, title=f"Session {n}", kind=SessionKind.PANEL, attendance_mode=AttendanceMode.HYBRID,
            starts_at=start, ends_at=start + timedelta(minutes=5), room=rooms[n % 4],
            roles=[SessionRole(person=people[n % 40], role=Role.CHAIR, position=0),
                   SessionRole(person=people[(n + 1) % 40], role=Role.SPEAKER, position=1)],
        )
        db.session.add(session)
    db.session.commit()
    return meeting


@pytest.mark.parametrize("page", [
    "/events/{slug}/", "/events/{slug}/days/2021-10-18", "/api/v1/events/{slug}",
    "/events/{slug}/programme", "/events/{slug}/programme/2021-10-18",
])
def test_queries_behind_a_page_are_the_same_for_10_and_500_sessions(client, make, count_queries, page):
    counts = {}
    for size in (10, 500):
        slug = f"size-{size}"
        build_meeting(make, slug, size)
        with count_queries() as counter:
            response = client.get(page.format(slug=slug))
        assert response.status_code == 200
        assert response.get_data(as_text=True).count("Session ") >= size // 5
        counts[size] = counter.count
    assert counts[10] == counts[500]
    assert counts[500] <= 8, counter.statements


@pytest.mark.parametrize("page", [
    "/events/{slug}/?tz=America/New_York", "/events/{slug}/days/2021-10-18?tz=America/New_York",
    "/api/v1/events/{slug}?tz=America/New_York",
])
def test_reading_in_another_zone_costs_no_query_per_session(client, make, count_queries, page):
    counts = {}
    for size in (10, 500):
        build_meeting(make, f"size-{size}", size)
        with count_queries() as counter:
            assert client.get(page.format(slug=f"size-{size}")).status_code == 200
        counts[size] = counter.count
    assert counts[10] == counts[500]


def test_the_burden_view_costs_the_same_for_10_and_500_sessions_and_registrations(sign_in, make, count_queries):
    counts = {}
    zones = ["Europe/Zurich", "America/New_York", "Asia/Tokyo", "Australia/Sydney", ""]
    for size in (10, 500):
        meeting = build_meeting(make, f"size-{size}", size)
        participants = [Person(meeting=meeting, name=f"Participant {n}") for n in range(size)]
        db.session.add_all(participants)
        db.session.flush()
        db.session.add_all(
            Registration(meeting=meeting, person=person, role=ParticipantRole.EXPERT, home_timezone=zones[n % 5],
                         days=[DayAttendance(day=day, mode=DayMode.ONLINE if n % 3 else DayMode.IN_ROOM)
                               for day in meeting.days])
            for n, person in enumerate(participants)
        )
        db.session.commit()
        organiser = sign_in(meeting)
        with count_queries() as counter:
            response = organiser.get(f"/events/size-{size}/organise/burden")
        assert response.status_code == 200
        assert response.get_data(as_text=True).count("Participant ") >= size // 2
        counts[size] = counter.count
    assert counts[10] == counts[500]
    assert counts[500] <= 6, counter.statements
