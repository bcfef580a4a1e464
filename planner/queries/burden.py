"""What the burden view reads: sessions that can be followed online, and who follows each day online.

Two queries, however many sessions and registrations a meeting has.
"""
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from planner.domain.burden import OnlineParticipant
from planner.domain.vocabulary import AttendanceMode, DayMode, SessionStatus
from planner.extensions import db
from planner.models import DayAttendance, Meeting, Person, Registration, Session


def online_sessions(meeting: Meeting) -> Sequence[Session]:
    """Sessions someone online can follow: not held only in the room, not cancelled. Drafts too:
    organisers weigh a slot before they publish it."""
    query = select(Session).where(
        Session.meeting_id == meeting.id,
        Session.attendance_mode != AttendanceMode.IN_PERSON,
        Session.status != SessionStatus.CANCELLED,
    )
    return db.session.scalars(query.order_by(Session.starts_at, Session.id)).all()


def online_participants_by_day(meeting: Meeting) -> dict[date, list[OnlineParticipant]]:
    query = (
        select(DayAttendance.day, Registration.id, Registration.home_timezone, Person)
        .join(DayAttendance.registration)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.meeting_id == meeting.id, DayAttendance.mode == DayMode.ONLINE)
        .order_by(DayAttendance.day, Person.name, Registration.id)
    )
    by_day: dict[date, list[OnlineParticipant]] = {}
    for day, registration_id, home_timezone, person in db.session.execute(query):
        by_day.setdefault(day, []).append(OnlineParticipant(registration_id, person.display_name, home_timezone))
    return by_day
