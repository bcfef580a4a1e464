"""The number of queries behind a page does not grow with the number of sessions."""
from datetime import datetime, timedelta

import pytest

from planner.domain.timezones import to_instant
from planner.domain.vocabulary import AttendanceMode, InstitutionKind, Role, SessionKind
from planner.extensions import db
from planner.models import Person, Session, SessionRole
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
