"""Reading a meeting into the plain facts the conflict rules work on."""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.domain.conflicts import Conflict, MeetingFacts, RoomFacts, SessionFacts, find_conflicts
from planner.extensions import db
from planner.models import Meeting, Person, Room, Session
from planner.queries.headcounts import day_headcounts


def meeting_facts(meeting: Meeting) -> MeetingFacts:
    sessions = db.session.scalars(
        select(Session).options(selectinload(Session.roles))
        .where(Session.meeting_id == meeting.id, Session.deleted_at.is_(None))
    ).all()
    rooms = db.session.scalars(select(Room).where(Room.meeting_id == meeting.id)).all()
    names = dict(db.session.execute(select(Person.id, Person.name).where(Person.meeting_id == meeting.id)).all())
    return MeetingFacts(
        zone=meeting.timezone, first_day=meeting.first_day, last_day=meeting.last_day,
        sessions=[
            SessionFacts(s.id, s.title, s.starts_at, s.ends_at, s.room_id, s.parent_id, s.attendance_mode, s.status,
                         frozenset(role.person_id for role in s.roles))
            for s in sessions
        ],
        rooms={room.id: RoomFacts(room.id, room.name, room.capacity, room.online_only) for room in rooms},
        person_names=names,
        attendance=day_headcounts(meeting),
    )


def meeting_conflicts(meeting: Meeting) -> list[Conflict]:
    return find_conflicts(meeting_facts(meeting))
