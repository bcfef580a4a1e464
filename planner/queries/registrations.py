"""Reading registrations with their people and days in a fixed number of queries."""
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.extensions import db
from planner.domain.vocabulary import DayMode
from planner.models import DayAttendance, Meeting, Person, Registration


def _with_people():
    return select(Registration).options(
        selectinload(Registration.person).selectinload(Person.institution),
        selectinload(Registration.days),
    )


def meeting_registrations(meeting: Meeting) -> Sequence[Registration]:
    query = _with_people().join(Registration.person).where(Registration.meeting_id == meeting.id)
    return db.session.scalars(query.order_by(Person.name, Registration.id)).all()


def find_registration(meeting: Meeting, registration_id: int) -> Registration | None:
    query = _with_people().where(Registration.meeting_id == meeting.id, Registration.id == registration_id)
    return db.session.scalars(query).one_or_none()


def shared_emails(registrations: Sequence[Registration]) -> set[str]:
    """Email addresses (lower case) that more than one of ``registrations`` gives: one person registered twice."""
    seen: set[str] = set()
    shared: set[str] = set()
    for registration in registrations:
        email = registration.person.email.lower()
        if email:
            (shared if email in seen else seen).add(email)
    return shared


def day_modes(meeting: Meeting) -> dict[int, dict[date, DayMode]]:
    """How each registration of ``meeting`` attends each day it said, in one query (a day not said: absent)."""
    modes: dict[int, dict[date, DayMode]] = defaultdict(dict)
    for registration_id, day, mode in db.session.execute(
        select(DayAttendance.registration_id, DayAttendance.day, DayAttendance.mode)
        .join(Registration).where(Registration.meeting_id == meeting.id)
    ):
        modes[registration_id][day] = mode
    return modes
