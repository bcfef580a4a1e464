"""Loading meetings and their agendas with a fixed number of queries, however long the agenda."""
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.domain.timezones import day_span
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Session, SessionRole


def published_meetings() -> Sequence[Meeting]:
    query = select(Meeting).where(Meeting.published).order_by(Meeting.first_day.desc(), Meeting.id)
    return db.session.scalars(query).all()


def find_meeting(slug: str, *, public: bool = True) -> Meeting | None:
    if "\x00" in slug:  # an address may carry %00; no slug holds it, and PostgreSQL would refuse to compare it
        return None
    query = select(Meeting).where(Meeting.slug == slug)
    if public:
        query = query.where(Meeting.published)
    return db.session.scalars(query).one_or_none()


def _sessions_with_people():
    return select(Session).options(
        selectinload(Session.room),
        selectinload(Session.roles).selectinload(SessionRole.person).selectinload(Person.institution),
    )


def _visible(query, meeting: Meeting, public: bool):
    query = query.where(Session.meeting_id == meeting.id, Session.deleted_at.is_(None))
    if public:
        query = query.where(Session.draft.is_(False))
    return query


def agenda_sessions(
    meeting: Meeting, *, public: bool = True, day: date | None = None, with_people: bool = True
) -> Sequence[Session]:
    """The sessions of a meeting (or of one of its days), in time order.

    ``with_people=False`` loads the roles without the people and rooms behind them,
    for callers that already hold the meeting's directory.
    """
    query = _sessions_with_people() if with_people else select(Session).options(selectinload(Session.roles))
    query = _visible(query, meeting, public)
    if day is not None:
        start, end = day_span(day, meeting.timezone)
        query = query.where(Session.starts_at >= start, Session.starts_at < end)
    return db.session.scalars(query.order_by(Session.starts_at, Session.id)).all()


def find_session(meeting: Meeting, session_id: int, *, public: bool = True) -> Session | None:
    query = _visible(
        _sessions_with_people().options(selectinload(Session.parent), selectinload(Session.children)),
        meeting, public,
    ).where(Session.id == session_id)
    return db.session.scalars(query).one_or_none()


def sessions_of_people(meeting: Meeting, person_ids: Sequence[int], *, public: bool = True) -> Sequence[Session]:
    """Sessions in which any of ``person_ids`` holds a role, with everyone's roles loaded."""
    holding_role = select(SessionRole.session_id).where(SessionRole.person_id.in_(person_ids))
    query = _visible(_sessions_with_people(), meeting, public).where(Session.id.in_(holding_role))
    return db.session.scalars(query.order_by(Session.starts_at, Session.id)).all()


def find_person(meeting: Meeting, person_id: int) -> Person | None:
    query = select(Person).options(selectinload(Person.institution)).where(
        Person.meeting_id == meeting.id, Person.id == person_id
    )
    return db.session.scalars(query).one_or_none()


def find_institution(meeting: Meeting, institution_id: int) -> Institution | None:
    query = select(Institution).options(selectinload(Institution.people)).where(
        Institution.meeting_id == meeting.id, Institution.id == institution_id
    )
    return db.session.scalars(query).one_or_none()


def meeting_institutions(meeting: Meeting) -> Sequence[Institution]:
    query = (
        select(Institution)
        .options(selectinload(Institution.people))
        .where(Institution.meeting_id == meeting.id)
        .order_by(Institution.kind, Institution.name)
    )
    return db.session.scalars(query).all()


def meeting_directory(meeting: Meeting) -> tuple[Sequence[Person], Sequence[Institution]]:
    """Everyone and every institution of a meeting, for the API's full export."""
    people = db.session.scalars(
        select(Person).where(Person.meeting_id == meeting.id).order_by(Person.name, Person.id)
    ).all()
    institutions = db.session.scalars(
        select(Institution).where(Institution.meeting_id == meeting.id).order_by(Institution.name, Institution.id)
    ).all()
    return people, institutions
