"""A meeting's sessions, with rooms, roles, people and institutions, as read-only copies loaded from plain rows.

The pages and files that show a whole agenda (the agenda and day pages, the programme, the
JSON API, the calendar feeds) read hundreds of sessions and never change one. Building ORM
objects for them cost more than everything else in those answers; plain rows cost a fifth.
Three queries, whatever the number of sessions: the sessions, their roles with the people
and institutions behind them, the meeting's rooms.

The copies carry the attributes of the models they copy, so templates and domain functions
read either alike. Nothing writes them back: anything that edits a session loads the model.
(They are not frozen dataclasses only because those take twice as long to build.)
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select

from planner.domain.naming import InstitutionNaming, PersonNaming
from planner.domain.vocabulary import AttendanceMode, InstitutionKind, OfficerRole, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.models import Institution, Meeting, MeetingOfficer, Person, Room, Session, SessionRole


@dataclass(slots=True, eq=False)
class ListedRoom:
    id: int
    meeting_id: int
    name: str
    capacity: int | None
    online_only: bool
    venue: str
    address: str
    version: int


@dataclass(slots=True, eq=False)
class ListedInstitution(InstitutionNaming):
    id: int
    name: str
    acronym: str
    kind: InstitutionKind
    country: str
    version: int


@dataclass(slots=True, eq=False)
class ListedPerson(PersonNaming):
    id: int
    honorific: str
    name: str
    position: str
    email: str
    institution_id: int | None
    version: int
    institution: ListedInstitution | None


@dataclass(slots=True, eq=False)
class ListedRole:
    id: int
    session_id: int
    person_id: int
    role: Role
    position: int
    on_behalf_of: str
    person: ListedPerson


@dataclass(slots=True, eq=False)
class ListedSession:
    id: int
    uid: uuid.UUID
    meeting_id: int
    parent_id: int | None
    room_id: int | None
    title: str
    kind: SessionKind
    starts_at: datetime
    ends_at: datetime | None
    attendance_mode: AttendanceMode
    online_link: str
    online_link_public: bool
    description: str
    thematic_area: str
    status: SessionStatus
    draft: bool
    sequence: int
    deleted_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    room: ListedRoom | None
    roles: tuple[ListedRole, ...]


_SESSION_COLUMNS = (
    Session.id, Session.uid, Session.meeting_id, Session.parent_id, Session.room_id, Session.title, Session.kind,
    Session.starts_at, Session.ends_at, Session.attendance_mode, Session.online_link, Session.online_link_public,
    Session.description, Session.thematic_area, Session.status, Session.draft, Session.sequence, Session.deleted_at,
    Session.created_at, Session.updated_at, Session.version,
)
_ROOM_COLUMNS = (Room.id, Room.meeting_id, Room.name, Room.capacity, Room.online_only, Room.venue, Room.address,
                 Room.version)
_ROLE_COLUMNS = (SessionRole.id, SessionRole.session_id, SessionRole.person_id, SessionRole.role, SessionRole.position,
                 SessionRole.on_behalf_of)
_PERSON_COLUMNS = (Person.id, Person.honorific, Person.name, Person.position, Person.email, Person.institution_id,
                   Person.version)
_INSTITUTION_COLUMNS = (Institution.id, Institution.name, Institution.acronym, Institution.kind, Institution.country,
                        Institution.version)


def listed_sessions(meeting: Meeting, *conditions: ColumnElement[bool], public: bool = True,
                    rooms: list[ListedRoom] | None = None) -> list[ListedSession]:
    """The meeting's sessions meeting every one of ``conditions``, in time order (``rooms``: the meeting's, when
    the caller has them already).

    For the ``public`` a cancelled session lists no one: its people may hold no other role the public sees
    (holding_public_role), and the public sees no one else.
    """
    where = (Session.meeting_id == meeting.id, *conditions)
    rows = _rows(select(*_SESSION_COLUMNS).where(*where).order_by(Session.starts_at, Session.id)).all()
    if not rows:
        return []
    with_roles = (*where, Session.status != SessionStatus.CANCELLED) if public else where
    roles = _roles(select(Session.id).where(*with_roles))
    by_id = {room.id: room for room in (rooms if rooms is not None else listed_rooms(meeting))}
    return [
        ListedSession(*row, room=by_id.get(row.room_id), roles=roles.get(row.id, ()))
        for row in rows
    ]


def listed_rooms(meeting: Meeting) -> list[ListedRoom]:
    """The meeting's rooms in their order."""
    rows = _rows(select(*_ROOM_COLUMNS).where(Room.meeting_id == meeting.id).order_by(Room.position, Room.id))
    return [ListedRoom(*row) for row in rows]


def _roles(session_ids) -> dict[int, tuple[ListedRole, ...]]:
    rows = _rows(
        select(*_ROLE_COLUMNS, *_PERSON_COLUMNS, *_INSTITUTION_COLUMNS)
        .join(Person, Person.id == SessionRole.person_id)
        .outerjoin(Institution, Institution.id == Person.institution_id)
        .where(SessionRole.session_id.in_(session_ids))
        .order_by(SessionRole.session_id, SessionRole.position, SessionRole.id)
    )
    people: dict[int, ListedPerson] = {}
    institutions: dict[int, ListedInstitution] = {}
    by_session: dict[int, list[ListedRole]] = {}
    # In the order of the columns selected; the person's id comes twice, from the role and the person.
    for (role_id, session_id, person_id, role, position, on_behalf_of, _, honorific, name, job, email, institution_id,
         person_version, *institution_row) in rows:
        person = people.get(person_id)
        if person is None:
            institution = None
            if institution_id is not None:
                institution = institutions.get(institution_id)
                if institution is None:
                    institution = institutions[institution_id] = ListedInstitution(*institution_row)
            person = people[person_id] = ListedPerson(person_id, honorific, name, job, email, institution_id,
                                                      person_version, institution)
        by_session.setdefault(session_id, []).append(
            ListedRole(role_id, session_id, person_id, role, position, on_behalf_of, person))
    return {session_id: tuple(roles) for session_id, roles in by_session.items()}


@dataclass(slots=True, eq=False)
class ListedOfficer:
    id: int
    person_id: int
    role: OfficerRole
    position: int
    version: int
    person: ListedPerson
    on_behalf_of: str = ""  # an office is held in one's own name; templates read officers and roles alike


def listed_officers(meeting: Meeting) -> list[ListedOfficer]:
    """The meeting's bureau in its order, with each officer's person and institution: one query."""
    rows = _rows(
        select(MeetingOfficer.id, MeetingOfficer.person_id, MeetingOfficer.role, MeetingOfficer.position,
               MeetingOfficer.version, *_PERSON_COLUMNS, *_INSTITUTION_COLUMNS)
        .join(Person, Person.id == MeetingOfficer.person_id)
        .outerjoin(Institution, Institution.id == Person.institution_id)
        .where(MeetingOfficer.meeting_id == meeting.id)
        .order_by(MeetingOfficer.position, MeetingOfficer.id)
    )
    officers = []
    for officer_id, person_id, role, position, version, *rest in rows:
        person_row, institution_row = rest[:len(_PERSON_COLUMNS)], rest[len(_PERSON_COLUMNS):]
        institution = ListedInstitution(*institution_row) if institution_row[0] is not None else None
        officers.append(ListedOfficer(officer_id, person_id, role, position, version,
                                      ListedPerson(*person_row, institution=institution)))
    return officers


def holding_public_role(meeting_id) -> ColumnElement[bool]:
    """People the public may see: the meeting's bureau, and those holding a role in a published session that is
    going ahead.

    Everyone else (registered participants, people kept for later) is private; their pages answer 404.
    """
    return Person.id.in_(
        select(SessionRole.person_id).join(Session, Session.id == SessionRole.session_id).where(
            Session.meeting_id == meeting_id, Session.deleted_at.is_(None), Session.draft.is_(False),
            Session.status != SessionStatus.CANCELLED)
        .union(select(MeetingOfficer.person_id).where(MeetingOfficer.meeting_id == meeting_id))
    )


def institution_shown(meeting_id) -> ColumnElement[bool]:
    """Institutions the public may see: with someone it may see, or with no one at all (the organisers listed them).
    An institution only private people come from stays private as they do (the public form adds such names)."""
    of_institution = Person.institution_id == Institution.id
    return (select(Person.id).where(of_institution, holding_public_role(meeting_id)).exists()
            | ~select(Person.id).where(of_institution).exists())


def listed_directory(meeting: Meeting, *, public: bool = True,
                     ) -> tuple[list[ListedPerson], list[ListedInstitution]]:
    """The people and the institutions the public may see (or, not ``public``, all of them), each by name."""
    institutions = [
        ListedInstitution(*row) for row in _rows(
            select(*_INSTITUTION_COLUMNS).where(Institution.meeting_id == meeting.id,
                                                *([institution_shown(meeting.id)] if public else []))
            .order_by(Institution.name, Institution.id))
    ]
    by_id = {institution.id: institution for institution in institutions}
    people = [
        ListedPerson(*row, institution=by_id.get(row.institution_id)) for row in _rows(
            select(*_PERSON_COLUMNS).where(Person.meeting_id == meeting.id,
                                           *([holding_public_role(meeting.id)] if public else []))
            .order_by(Person.name, Person.id))
    ]
    return people, institutions


def _rows(query):
    """Run a select of columns on the session's connection: through the ORM's execution a select that
    loads no entity still pays for its entity machinery, a third of the time for these queries.
    Flushing first, as the ORM would, lets a request read back what it has just changed."""
    db.session.flush()
    return db.session.connection().execute(query)
