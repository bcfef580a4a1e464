"""The check-in desk and the attendance report cost the same number of queries for 10 people or 300."""
from datetime import date, datetime, timedelta

import pytest

from planner.database import utcnow
from planner.domain.timezones import to_instant
from planner.domain.vocabulary import AttendanceMode, DayMode, InstitutionKind, ParticipantRole, SessionKind
from planner.extensions import db
from planner.models import (
    CheckIn, DayAttendance, Institution, OnlineAttendance, OnlineReport, Person, Registration, Session,
)
from planner.operations.accounts import create_organiser
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from tests.integration.presence_support import PASSWORD, sign_in  # noqa: F401

DAYS = [date(2021, 10, 18) + timedelta(days=n) for n in range(3)]


def build_attended_meeting(make, slug: str, people: int, sessions: int):
    """Three days; ``people`` registered, a third in the room, a third online, checked in and connected."""
    meeting = make.meeting(slug=slug, first_day=DAYS[0], last_day=DAYS[-1])
    kinds = list(InstitutionKind)
    institutions = [Institution(meeting_id=meeting.id, name=f"Institution {n}", kind=kinds[n % len(kinds)])
                    for n in range(8)]
    report = OnlineReport(meeting_id=meeting.id, filename="zoom.csv", content_sha256=f"{slug:0>64}"[:64],
                          timezone=meeting.timezone)
    db.session.add_all([*institutions, report])
    for n in range(sessions):
        start = to_instant(datetime(2021, 10, 18 + n % 3, 9), meeting.timezone) + timedelta(minutes=10 * (n // 3))
        db.session.add(Session(meeting_id=meeting.id, title=f"Session {n}", kind=SessionKind.PANEL,
                               attendance_mode=AttendanceMode.HYBRID, starts_at=start,
                               ends_at=start + timedelta(minutes=10)))
    for n in range(people):
        person = Person(meeting_id=meeting.id, name=f"Participant {n}", email=f"p{n}@example.org",
                        institution=institutions[n % 8] if n % 5 else None)
        mode = (DayMode.IN_ROOM, DayMode.ONLINE, DayMode.ABSENT)[n % 3]
        registration = Registration(meeting_id=meeting.id, person=person, role=ParticipantRole.DELEGATE,
                                    days=[DayAttendance(day=day, mode=mode) for day in DAYS])
        db.session.add(registration)
        db.session.flush()
        if mode is DayMode.IN_ROOM:
            db.session.add(CheckIn(registration_id=registration.id, day=DAYS[0], checked_in_at=utcnow()))
        if mode is DayMode.ONLINE:
            joined = to_instant(datetime(2021, 10, 18, 9), meeting.timezone)
            db.session.add(OnlineAttendance(
                meeting_id=meeting.id, report=report, registration_id=registration.id if n % 2 else None, line=n + 2,
                name=person.name, email=person.email, joined_at=joined, left_at=joined + timedelta(hours=3),
                fingerprint=f"{slug}-{n}",
            ))
    user = create_organiser(f"organiser-{slug}@example.org", PASSWORD)
    grant_role(meeting, user, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return meeting


@pytest.mark.parametrize("address", [
    "/events/{slug}/organise/check-in/2021-10-18",
    "/events/{slug}/organise/check-in/2021-10-18?q=participant+1",
    "/events/{slug}/organise/attendance",
    "/events/{slug}/organise/attendance.csv",
])
def test_queries_behind_a_page_are_the_same_for_10_and_300_participants(client, make, count_queries, address):
    counts = {}
    for people, sessions in ((10, 6), (300, 90)):
        slug = f"size-{people}"
        build_attended_meeting(make, slug, people, sessions)
        sign_in(client, f"organiser-{slug}@example.org")
        with count_queries() as counter:
            response = client.get(address.format(slug=slug))
        assert response.status_code == 200
        assert response.get_data(as_text=True).count("Participant " if "check-in" in address else "Session ") >= \
            (people if "check-in" in address else sessions)
        counts[people] = counter.count
    assert counts[10] == counts[300]
    assert counts[300] <= 10, counter.statements
