"""What organisers' pages read: their meetings, a meeting's figures, what a deletion would touch."""
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.models import (
    Change, Document, Institution, Meeting, Person, Registration, Room, Session, SessionRole, TeamMember, User,
)


def meetings_of(user: User) -> list[tuple[Meeting, TeamRole | None]]:
    """The meetings on whose team ``user`` is, with their role there (every meeting, for an administrator),
    latest first."""
    query = (select(Meeting, TeamMember.role)
             .outerjoin(TeamMember, and_(TeamMember.meeting_id == Meeting.id, TeamMember.user_id == user.id))
             .where(Meeting.deleted_at.is_(None))
             .order_by(Meeting.first_day.desc(), Meeting.id))
    if not user.administrator:
        query = query.where(TeamMember.id.is_not(None))
    return [(meeting, role) for meeting, role in db.session.execute(query)]


@dataclass
class MeetingOverview:
    counts: dict[str, int]
    sessions_without_room: int
    draft_sessions: int
    people_without_institution: int


def meeting_overview(meeting: Meeting) -> MeetingOverview:
    def count(model, *conditions) -> int:
        return db.session.scalar(select(func.count()).select_from(model).where(model.meeting_id == meeting.id,
                                                                               *conditions))

    return MeetingOverview(counts={
        "sessions": count(Session, Session.deleted_at.is_(None)),
        "rooms": count(Room),
        "institutions": count(Institution),
        "people": count(Person),
        "registrations": count(Registration),
    }, sessions_without_room=count(Session, Session.deleted_at.is_(None), Session.room_id.is_(None)),
        draft_sessions=count(Session, Session.deleted_at.is_(None), Session.draft),
        people_without_institution=count(Person, Person.institution_id.is_(None)))


def sessions_in_room(room: Room) -> Sequence[Session]:
    return db.session.scalars(
        select(Session).where(Session.room_id == room.id, Session.deleted_at.is_(None)).order_by(Session.starts_at)
    ).all()


def roles_of_person(person: Person) -> Sequence[SessionRole]:
    query = (
        select(SessionRole).join(Session)
        .where(SessionRole.person_id == person.id, Session.deleted_at.is_(None))
        .order_by(Session.starts_at)
    )
    return db.session.scalars(query).all()


def meeting_history(meeting: Meeting, limit: int = 500) -> Sequence[Change]:
    query = (
        select(Change).options(selectinload(Change.user))
        .where(Change.meeting_id == meeting.id)
        .order_by(Change.id.desc())
        .limit(limit)
    )
    return db.session.scalars(query).all()


def registration_of(person: Person) -> Registration | None:
    return db.session.scalar(select(Registration).where(Registration.person_id == person.id))


def meeting_documents(meeting: Meeting) -> Sequence[Document]:
    """The meeting's documents, those on the whole meeting first, each group in its order."""
    return db.session.scalars(select(Document).where(Document.meeting_id == meeting.id)
                              .order_by(Document.session_id.is_not(None), Document.session_id, Document.position,
                                        Document.id)).all()


def organises_any(user: User) -> bool:
    """Whether ``user`` is an organiser on some meeting's team."""
    return bool(db.session.scalar(select(func.count()).select_from(TeamMember).where(
        TeamMember.user_id == user.id, TeamMember.role == TeamRole.ORGANISER)))


def trashed_meetings_of(user: User) -> Sequence[Meeting]:
    """The meetings in the trash that ``user`` may restore: those they organise (every one, for an
    administrator), most recently deleted first."""
    query = (select(Meeting).options(selectinload(Meeting.deleted_by))
             .where(Meeting.deleted_at.is_not(None)).order_by(Meeting.deleted_at.desc(), Meeting.id))
    if not user.administrator:
        query = query.join(TeamMember, and_(TeamMember.meeting_id == Meeting.id, TeamMember.user_id == user.id,
                                            TeamMember.role == TeamRole.ORGANISER))
    return db.session.scalars(query).all()
