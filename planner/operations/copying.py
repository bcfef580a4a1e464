"""Copying a meeting as a new one (next year's): its details, rooms, institutions, people and bureau if asked, its
team, its sessions with their nesting and roles, moved by whole days at the same wall-clock times, and the
documents chosen to carry over. Registrations,
check-ins and history start empty; the sessions are new events to calendars (new UIDs, SEQUENCE 0)."""
from collections.abc import Collection
from datetime import date, timedelta

from sqlalchemy import insert, inspect, literal, select
from sqlalchemy.orm import selectinload

from planner.domain.errors import InvalidInput
from planner.domain.timezones import days_moved, shifted_by_days
from planner.domain.wording import _
from planner.extensions import db
from planner.models import (
    Document, DocumentVersion, Institution, Meeting, MeetingOfficer, Person, Room, Session, SessionRole, StoredChunk,
    StoredFile, TeamMember, User,
)
from planner.operations import records
from planner.operations.agenda import added_session, holds_role
from planner.operations.documents import added_document, added_version
from planner.operations.meetings import added_institution, added_person, added_room, create_meeting
from planner.operations.officers import holds_office
from planner.operations.team import grant_role

# The meeting's own details a copy keeps; the rest is what the organiser gives, or starts anew (a copy is a draft
# with registration closed).
KEPT_DETAILS = ("short_name", "hosts", "description", "timezone", "venue", "format", "online_link", "contact_email",
                "language")


def copy_meeting(meeting: Meeting, *, slug: str, title: str, first_day: date | None, actor: User,
                 same_weekdays: bool = False, with_people: bool = True,
                 documents: Collection[int] = ()) -> Meeting:
    """``documents`` names those that carry over (by id), each with its current file or link in every language."""
    if first_day is None:
        raise InvalidInput("first_day", _("Give the first day of the new meeting."))
    days = days_moved(meeting.first_day, first_day, same_weekdays=same_weekdays)
    copy = create_meeting(slug=slug, title=title, actor=actor, first_day=meeting.first_day + timedelta(days=days),
                          last_day=meeting.last_day + timedelta(days=days),
                          **{name: getattr(meeting, name) for name in KEPT_DETAILS})
    rooms = _copied(copy, actor, _of(Room, meeting), lambda room: _clone(room, meeting_id=copy.id),
                    added_room)
    people: dict[int, Person] = {}
    if with_people:
        institutions = _copied(copy, actor, _of(Institution, meeting),
                               lambda institution: _clone(institution, meeting_id=copy.id),
                               added_institution)
        people = _copied(copy, actor, _of(Person, meeting), lambda person: _clone(
            person, meeting_id=copy.id, institution_id=_id(institutions.get(person.institution_id))),
            added_person)
        _copied(copy, actor, _of(MeetingOfficer, meeting), lambda officer: _clone(
            officer, meeting_id=copy.id, person_id=people[officer.person_id].id),
            lambda officer: holds_office(officer.person, officer.role))
    sessions = _copy_sessions(meeting, copy, days, rooms, actor)
    roles = db.session.scalars(
        select(SessionRole).options(selectinload(SessionRole.person), selectinload(SessionRole.session))
        .where(SessionRole.session_id.in_(list(sessions)), SessionRole.person_id.in_(list(people)))
        .order_by(SessionRole.id)).all()
    _copied(copy, actor, roles, lambda role: _clone(
        role, session_id=sessions[role.session_id].id, person_id=people[role.person_id].id),
        lambda role: holds_role(role.person, role.role, role.session))
    _copy_documents(meeting, copy, documents, sessions, actor)
    for member in db.session.scalars(select(TeamMember).where(TeamMember.meeting_id == meeting.id)):
        if member.user_id != actor.id:
            grant_role(copy, member.user, member.role, actor=actor)
    return copy


# A record's own identity and bookkeeping: a copy starts its own (a session a new UID, so a new calendar event).
NOT_COPIED = frozenset({"id", "version", "uid", "sequence", "created_at", "updated_at", "deleted_at"})


def _clone(record, **changed):
    """A new record of ``record``'s kind with its values, every column a model gains included, but ``changed``."""
    mapper = inspect(record).mapper
    values = {column.key: getattr(record, column.key) for column in mapper.column_attrs
              if column.key not in NOT_COPIED}
    return mapper.class_(**{**values, **changed})


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
        copied |= _copied(copy, actor, ready, lambda session: _clone(
            session, meeting_id=copy.id, starts_at=shifted_by_days(session.starts_at, days, meeting.timezone),
            ends_at=shifted_by_days(session.ends_at, days, meeting.timezone),
            room_id=_id(rooms.get(session.room_id)), parent_id=_id(copied.get(session.parent_id))),
            added_session)
        waiting = [s for s in waiting if s.id not in copied]
    return copied


def _copy_documents(meeting: Meeting, copy: Meeting, chosen: Collection[int], sessions: dict, actor: User) -> None:
    """The chosen documents, on the copies of their sessions (on the meeting, where the session is gone), each
    language with its current revision; their bytes stored again for the new meeting, once each."""
    originals = db.session.scalars(select(Document).options(
        selectinload(Document.languages).selectinload(DocumentVersion.revisions))
        .where(Document.meeting_id == meeting.id, Document.id.in_(list(chosen))).order_by(Document.id)).all()
    documents = _copied(copy, actor, originals, lambda document: _clone(
        document, meeting_id=copy.id, session_id=_id(sessions.get(document.session_id))),
        added_document)
    versions = [(version, version.current) for document in originals for version in document.languages]
    files: dict[int, StoredFile] = {}
    for _version, revision in versions:
        if revision.stored_file_id is not None and revision.stored_file_id not in files:
            files[revision.stored_file_id] = _stored_again(revision.stored_file, copy)
    new_versions = _copied(copy, actor, [version for version, _revision in versions], lambda version: _clone(
        version, document_id=documents[version.document_id].id),
        lambda version: added_version(version.document, version.language))
    _copied(copy, actor, [revision for _version, revision in versions], lambda revision: _clone(
        revision, document_version_id=new_versions[revision.document_version_id].id, number=1,
        stored_file_id=_id(files.get(revision.stored_file_id))),
        lambda revision: _("Added “%(name)s”", name=revision.filename or revision.link))


def _stored_again(stored: StoredFile, copy: Meeting) -> StoredFile:
    """``stored``'s bytes held by ``copy`` too, copied in the database without passing through this process."""
    again = _clone(stored, meeting_id=copy.id)
    db.session.add(again)
    db.session.flush()
    chunks = StoredChunk.__table__
    db.session.execute(insert(chunks).from_select(
        ["stored_file_id", "position", "data"],
        select(literal(again.id), chunks.c.position, chunks.c.data).where(chunks.c.stored_file_id == stored.id)))
    return again
