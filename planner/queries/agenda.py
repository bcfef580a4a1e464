"""Loading meetings and their agendas with a fixed number of queries, however long the agenda."""
from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import selectinload

from planner.domain.timezones import day_span
from planner.domain.vocabulary import SessionStatus
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Session, SessionRole
from planner.queries.listing import (
    ListedRoom, ListedSession, holding_public_role, institution_shown, listed_sessions,
)


def published_meetings() -> Sequence[Meeting]:
    query = select(Meeting).where(Meeting.published, Meeting.deleted_at.is_(None)).order_by(Meeting.first_day.desc(), Meeting.id)
    return db.session.scalars(query).all()


def meeting_query(slug: str, *columns, public: bool = True, trashed: bool = False) -> Select | None:
    """The meeting at ``slug``, with ``columns`` beside it; none for a slug no meeting can have. A meeting in
    the trash is found only when ``trashed`` is asked for (it still holds its slug, to be restored at it)."""
    if "\x00" in slug:  # an address may carry %00; no slug holds it, and PostgreSQL would refuse to compare it
        return None
    query = select(Meeting, *columns).where(Meeting.slug == slug)
    if public:
        query = query.where(Meeting.published)
    if not trashed:
        query = query.where(Meeting.deleted_at.is_(None))
    return query


def find_meeting(slug: str, *, public: bool = True, trashed: bool = False) -> Meeting | None:
    query = meeting_query(slug, public=public, trashed=trashed)
    return None if query is None else db.session.scalars(query).one_or_none()


def _visible(public: bool) -> list[ColumnElement[bool]]:
    """Deleted sessions are gone from the agenda; drafts are for its organisers only."""
    return [Session.deleted_at.is_(None)] + ([Session.draft.is_(False)] if public else [])


def agenda_sessions(meeting: Meeting, *, public: bool = True, day: date | None = None,
                    rooms: list[ListedRoom] | None = None) -> list[ListedSession]:
    """The sessions of a meeting (or of one of its days), in time order, with their rooms (``rooms``, when the
    caller has loaded them) and people."""
    conditions = _visible(public)
    if day is not None:
        start, end = day_span(day, meeting.timezone)
        conditions += [Session.starts_at >= start, Session.starts_at < end]
    return listed_sessions(meeting, *conditions, public=public, rooms=rooms)


def find_session(meeting: Meeting, session_id: int, *, public: bool = True) -> Session | None:
    roles = Session.roles
    if public:  # as listed_sessions: a cancelled session lists no one to the public
        roles = roles.and_(SessionRole.session_id.not_in(
            select(Session.id).where(Session.id == session_id, Session.status == SessionStatus.CANCELLED)))
    query = select(Session).options(
        selectinload(Session.room),
        selectinload(roles).selectinload(SessionRole.person).selectinload(Person.institution),
        selectinload(Session.parent), selectinload(Session.children),
    ).where(Session.meeting_id == meeting.id, Session.id == session_id, *_visible(public))
    return db.session.scalars(query).one_or_none()


def sessions_of_people(meeting: Meeting, person_ids: Sequence[int], *, public: bool = True) -> list[ListedSession]:
    """Sessions in which any of ``person_ids`` holds a role, with everyone's roles."""
    holding_role = select(SessionRole.session_id).where(SessionRole.person_id.in_(person_ids))
    return listed_sessions(meeting, Session.id.in_(holding_role), *_visible(public), public=public)


def find_person(meeting: Meeting, person_id: int) -> Person | None:
    query = select(Person).options(selectinload(Person.institution)).where(
        Person.meeting_id == meeting.id, Person.id == person_id, holding_public_role(meeting.id)
    )
    return db.session.scalars(query).one_or_none()


def public_people(meeting: Meeting, institution_ids: Sequence[int] | None = None) -> list[Person]:
    """The people the public may see, by name (of these institutions only, when given)."""
    query = select(Person).where(Person.meeting_id == meeting.id, holding_public_role(meeting.id))
    if institution_ids is not None:
        query = query.where(Person.institution_id.in_(institution_ids))
    return list(db.session.scalars(query.order_by(Person.name, Person.id)))


def _shown_institutions(meeting: Meeting):
    """The institutions the public may see, each with how many people of it the public may see."""
    public_count = select(func.count(Person.id)).where(
        Person.institution_id == Institution.id, holding_public_role(meeting.id)).scalar_subquery()
    return select(Institution, public_count).where(Institution.meeting_id == meeting.id, institution_shown(meeting.id))


def find_institution(meeting: Meeting, institution_id: int) -> tuple[Institution, list[Person]] | None:
    """An institution the public may see, with the people it may see."""
    row = db.session.execute(_shown_institutions(meeting).where(Institution.id == institution_id)).one_or_none()
    return None if row is None else (row[0], public_people(meeting, [institution_id]) if row[1] else [])


def meeting_institutions(meeting: Meeting) -> list[tuple[Institution, int]]:
    """The institutions the public may see, by kind and name, each with how many people it may see."""
    query = _shown_institutions(meeting).order_by(Institution.kind, Institution.name)
    return [(institution, count) for institution, count in db.session.execute(query)]
