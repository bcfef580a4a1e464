"""Copying a meeting as a new one (next year's): its details, rooms, institutions, people if asked, its team, and
its sessions with their nesting and roles, moved by whole days at the same wall-clock times. Registrations,
check-ins and history start empty; the sessions are new events to calendars (new UIDs, SEQUENCE 0)."""
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.domain.errors import InvalidInput
from planner.domain.timezones import days_moved, shifted_by_days
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Room, Session, SessionRole, TeamMember, User
from planner.operations import records
from planner.operations.meetings import create_meeting
from planner.operations.team import grant_role

# The meeting's own details a copy keeps; the rest is what the organiser gives, or starts anew (a copy is a draft
# with registration closed).
KEPT_DETAILS = ("short_name", "hosts", "description", "timezone", "venue", "format", "online_link", "contact_email")


def copy_meeting(meeting: Meeting, *, slug: str, title: str, first_day: date | None, actor: User,
                 same_weekdays: bool = False, with_people: bool = True) -> Meeting:
    if first_day is None:
        raise InvalidInput("first_day", "Give the first day of the new meeting.")
    days = days_moved(meeting.first_day, first_day, same_weekdays=same_weekdays)
    copy = create_meeting(slug=slug, title=title, actor=actor, first_day=meeting.first_day + timedelta(days=days),
                          last_day=meeting.last_day + timedelta(days=days),
                          **{name: getattr(meeting, name) for name in KEPT_DETAILS})
    rooms = _copied(copy, actor, _of(Room, meeting), lambda room: Room(
        meeting_id=copy.id, name=room.name, capacity=room.capacity, online_only=room.online_only,
        position=room.position), lambda room: f"Added room “{room.name}”")
    people: dict[int, Person] = {}
    if with_people:
        institutions = _copied(copy, actor, _of(Institution, meeting), lambda institution: Institution(
            meeting_id=copy.id, name=institution.name, acronym=institution.acronym, kind=institution.kind,
            country=institution.country), lambda institution: f"Added institution “{institution.name}”")
        people = _copied(copy, actor, _of(Person, meeting), lambda person: Person(
            meeting_id=copy.id, honorific=person.honorific, name=person.name, position=person.position,
            email=person.email, institution_id=_id(institutions.get(person.institution_id))),
            lambda person: f"Added {person.name}")
    sessions = _copy_sessions(meeting, copy, days, rooms, actor)
    roles = db.session.scalars(
        select(SessionRole).options(selectinload(SessionRole.person), selectinload(SessionRole.session))
        .where(SessionRole.session_id.in_(list(sessions)), SessionRole.person_id.in_(list(people)))
        .order_by(SessionRole.id)).all()
    _copied(copy, actor, roles, lambda role: SessionRole(
        session_id=sessions[role.session_id].id, person_id=people[role.person_id].id, role=role.role,
        position=role.position),
        lambda role: f"{role.person.name} is {role.role.label.lower()} of “{role.session.title}”")
    for member in db.session.scalars(select(TeamMember).where(TeamMember.meeting_id == meeting.id)):
        if member.user_id != actor.id:
            grant_role(copy, member.user, member.role, actor=actor)
    return copy


def _of(model, meeting: Meeting) -> list:
    return db.session.scalars(select(model).where(model.meeting_id == meeting.id).order_by(model.id)).all()


def _id(record) -> int | None:
    return record.id if record is not None else None


def _copied(copy: Meeting, actor: User, originals: list, make, summary) -> dict:
    """Each of ``originals`` copied by ``make`` and written together, its history entry saying ``summary`` of the
    original; the copies by the originals' ids."""
    copies = [make(original) for original in originals]
    records.created_all(copies, [summary(original) for original in originals], meeting_id=copy.id, actor=actor)
    return {original.id: made for original, made in zip(originals, copies, strict=True)}


def _copy_sessions(meeting: Meeting, copy: Meeting, days: int, rooms: dict, actor: User) -> dict[int, Session]:
    """The sessions still on the agenda, outer blocks before what sits in them, by their originals' ids."""
    waiting = db.session.scalars(select(Session).where(Session.meeting_id == meeting.id, Session.deleted_at.is_(None))
                                 .order_by(Session.starts_at, Session.id)).all()
    copied: dict[int, Session] = {}
    while waiting:
        ready = [s for s in waiting if s.parent_id is None or s.parent_id in copied]
        if not ready:  # inside a deleted block: kept at the top level
            ready = waiting
        copied |= _copied(copy, actor, ready, lambda session: Session(
            meeting_id=copy.id, title=session.title, kind=session.kind,
            starts_at=shifted_by_days(session.starts_at, days, meeting.timezone),
            ends_at=shifted_by_days(session.ends_at, days, meeting.timezone),
            attendance_mode=session.attendance_mode, online_link=session.online_link,
            online_link_public=session.online_link_public, description=session.description,
            thematic_area=session.thematic_area, status=session.status, draft=session.draft,
            room_id=_id(rooms.get(session.room_id)), parent_id=_id(copied.get(session.parent_id))),
            lambda session: f"Added session “{session.title}”")
        waiting = [s for s in waiting if s.id not in copied]
    return copied
