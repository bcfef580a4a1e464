"""Reading what calendar files show: sessions, cancelled and deleted ones included, and what their validators
derive from. A fixed number of queries, however long the agenda."""
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from planner.domain.calendars import Attachment, CalendarEntry, RoleHolder
from planner.domain.secrets import hash_secret
from planner.domain.timezones import day_span
from planner.domain.vocabulary import DayMode
from planner.extensions import db
from planner.models import Change, Meeting, Person, Registration, Session, SessionRole
from planner.queries.agenda import meeting_query
from planner.queries.listing import ListedSession, listed_sessions


@dataclass(frozen=True)
class FeedState:
    """What a meeting's calendar files are made from, summed up by a few aggregates over indexed columns.

    Every write raises a session's ``version`` or adds a session, and every change made
    through the operations (roles, rooms, people, registrations, the meeting) adds a history
    entry; so any edit changes this state, and an unchanged state means unchanged files. The
    entries are counted as well as their last id: on PostgreSQL a transaction that took an
    earlier id can commit after a later one, which leaves the last id as it was.
    """

    sessions: int
    session_versions: int
    sessions_modified: datetime | None
    changes: int
    last_change_id: int | None
    last_change_at: datetime | None

    @property
    def last_modified(self) -> datetime | None:
        return max((moment for moment in (self.sessions_modified, self.last_change_at) if moment), default=None)


def _feed_state_columns(meeting_id) -> list:
    """FeedState's figures as scalar subqueries on ``meeting_id``, to ride along with the query that
    finds the meeting: a conditional request that ends in 304 then costs one query."""
    of_sessions, of_changes = Session.meeting_id == meeting_id, Change.meeting_id == meeting_id
    return [
        select(func.count(Session.id)).where(of_sessions).scalar_subquery(),
        select(func.coalesce(func.sum(Session.version), 0)).where(of_sessions).scalar_subquery(),
        select(func.max(Session.updated_at)).where(of_sessions).scalar_subquery(),
        select(func.count(Change.id)).where(of_changes).scalar_subquery(),
        select(func.max(Change.id)).where(of_changes).scalar_subquery(),
        select(func.max(Change.at)).where(of_changes).scalar_subquery(),
    ]


def meeting_with_feed_state(slug: str, *, trashed: bool = True) -> tuple[Meeting, FeedState] | None:
    """The meeting at ``slug``, published or not, in the trash too unless ``trashed`` is false (whoever asks
    decides who may read it, and a trashed meeting's feed answers that it is gone), with its feed state."""
    query = meeting_query(slug, *_feed_state_columns(Meeting.id), public=False, trashed=trashed)
    row = None if query is None else db.session.execute(query).one_or_none()
    return None if row is None else (row[0], FeedState(*row[1:]))


def registration_with_feed_state(token: str) -> tuple[Registration, FeedState] | None:
    """The registration whose personal address holds ``token`` (as registration_for_token), and its
    meeting's feed state."""
    row = db.session.execute(_registration_query(token, *_feed_state_columns(Registration.meeting_id))).one_or_none()
    return None if row is None else (row[0], FeedState(*row[1:]))


# Drafts stay hidden; cancelled and deleted sessions stay in, so subscribed calendars learn that they are off.
_SHOWN_IN_CALENDARS = Session.draft.is_(False)


def calendar_sessions(meeting: Meeting, *, session_id: int | None = None) -> list[ListedSession]:
    """A meeting's sessions (or one of them) for the public and its participants."""
    conditions = [_SHOWN_IN_CALENDARS] + ([Session.id == session_id] if session_id is not None else [])
    return listed_sessions(meeting, *conditions)


def role_holders(meeting: Meeting) -> dict[int, frozenset[int]]:
    """Who holds a role in each of the meeting's sessions (cancelled ones too, whose roles the public does not
    see): a participant's feed holds the sessions they hold a role in, whatever the day."""
    rows = db.session.execute(
        select(SessionRole.session_id, SessionRole.person_id).join(Session, Session.id == SessionRole.session_id)
        .where(Session.meeting_id == meeting.id, _SHOWN_IN_CALENDARS)
    )
    holders: dict[int, set[int]] = {}
    for session_id, person_id in rows:
        holders.setdefault(session_id, set()).add(person_id)
    return {session_id: frozenset(people) for session_id, people in holders.items()}


def personal_sessions(registration: Registration) -> list[ListedSession]:
    """A participant's sessions: all of those on the days they attend, in the room or online, and any
    in which they hold a role."""
    meeting = registration.meeting
    attended = [day_span(attendance.day, meeting.timezone) for attendance in registration.days
                if attendance.mode in (DayMode.IN_ROOM, DayMode.ONLINE)]
    holding_role = select(SessionRole.session_id).where(SessionRole.person_id == registration.person_id)
    return listed_sessions(meeting, _SHOWN_IN_CALENDARS, or_(
        Session.id.in_(holding_role),
        *(and_(Session.starts_at >= start, Session.starts_at < end) for start, end in attended),
    ))


def registration_for_token(token: str) -> Registration | None:
    """The registration whose personal address holds ``token``; none for an unknown or revoked one, or one of a
    meeting in the trash."""
    query = _registration_query(token).join(Registration.meeting).where(Meeting.deleted_at.is_(None))
    return db.session.scalars(query).one_or_none()


def _registration_query(token: str, *columns):
    # The days come in a query of their own: joined in, each would repeat any subqueries in ``columns``.
    return (
        select(Registration, *columns)
        .options(selectinload(Registration.days), joinedload(Registration.person), joinedload(Registration.meeting))
        .where(Registration.personal_token_hash == hash_secret(token))
    )


def registration_by_email(meeting: Meeting, email: str) -> Registration | None:
    query = (
        select(Registration).join(Person, Person.id == Registration.person_id)
        .options(joinedload(Registration.person))
        .where(Registration.meeting_id == meeting.id, func.lower(Person.email) == email.strip().lower())
    )
    return db.session.scalars(query).first()


def calendar_entry(session: Session, meeting: Meeting, *, url: str, join_link: str,
                   attachments: tuple[Attachment, ...] = ()) -> CalendarEntry:
    return CalendarEntry(
        uid=str(session.uid), sequence=session.sequence, title=session.title, starts_at=session.starts_at,
        ends_at=session.ends_at, status=session.status, kind=session.kind.label, created=session.created_at,
        last_modified=session.updated_at, thematic_area=session.thematic_area, location=location(session, meeting),
        description=session.description, people=tuple(_role_holder(role) for role in session.roles), url=url,
        join_link=join_link, attachments=attachments,
    )


def location(session: Session, meeting: Meeting) -> str:
    """The room and where it is: its own venue and address when it is elsewhere, else the meeting's venue."""
    room = session.room
    if room is not None and room.online_only:
        return room.name
    place = (room.venue, room.address) if room is not None and room.venue else (meeting.venue,)
    return ", ".join(part for part in (room.name if room else "", *place) if part)


def _role_holder(role: SessionRole) -> RoleHolder:
    person = role.person
    return RoleHolder(role.role.label, person.display_name, person.position,
                      person.institution.display_name if person.institution else "", role.on_behalf_of)

