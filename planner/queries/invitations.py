"""Reading what the invitations page needs: whom one can invite, to what, who is owed an update, recent sends."""
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.domain.timezones import day_span
from planner.domain.vocabulary import SessionStatus
from planner.extensions import db
from planner.models import InvitationBatch, Meeting, Person, Registration, SentInvitation, Session, SessionRole


def _with_everything_an_invitation_shows():
    return select(Session).options(
        selectinload(Session.room),
        selectinload(Session.roles).selectinload(SessionRole.person).selectinload(Person.institution),
    )


def invitable_sessions(meeting: Meeting, *, day: date | None = None, session_id: int | None = None,
                       ) -> Sequence[Session]:
    """Sessions one can invite to: on the agenda and not cancelled. A whole day or meeting leaves out drafts,
    which an organiser can still choose one by one (a closed bilateral meeting, say)."""
    query = _with_everything_an_invitation_shows().where(
        Session.meeting_id == meeting.id, Session.deleted_at.is_(None), Session.status != SessionStatus.CANCELLED,
    )
    if session_id is not None:
        query = query.where(Session.id == session_id)
    else:
        query = query.where(Session.draft.is_(False))
    if day is not None:
        start, end = day_span(day, meeting.timezone)
        query = query.where(Session.starts_at >= start, Session.starts_at < end)
    return db.session.scalars(query.order_by(Session.starts_at, Session.id)).all()


def invitable_registrations(meeting: Meeting) -> Sequence[Registration]:
    """Registered participants with an email address, by name."""
    query = (
        select(Registration).join(Person, Person.id == Registration.person_id)
        .options(selectinload(Registration.person), selectinload(Registration.days))
        .where(Registration.meeting_id == meeting.id, Person.email != "")
        .order_by(Person.name, Person.id)
    )
    return db.session.scalars(query).all()


def sent_invitations(meeting: Meeting) -> Sequence[SentInvitation]:
    query = (
        select(SentInvitation).join(Session, Session.id == SentInvitation.session_id)
        .options(selectinload(SentInvitation.session), selectinload(SentInvitation.person))
        .where(Session.meeting_id == meeting.id)
        .order_by(Session.starts_at, SentInvitation.session_id, SentInvitation.person_id)
    )
    return db.session.scalars(query).all()


def outdated_invitations(meeting: Meeting) -> Sequence[SentInvitation]:
    """What people were sent about sessions that have changed noticeably since (their SEQUENCE rose),
    leaving out cancellations already sent about sessions that are still cancelled."""
    query = (
        select(SentInvitation).join(Session, Session.id == SentInvitation.session_id)
        .options(
            selectinload(SentInvitation.session).selectinload(Session.room),
            selectinload(SentInvitation.session).selectinload(Session.roles).selectinload(SessionRole.person)
            .selectinload(Person.institution),
            selectinload(SentInvitation.person),
        )
        .where(Session.meeting_id == meeting.id, Session.sequence > SentInvitation.sequence)
        .where(~(SentInvitation.cancelled & (Session.status == SessionStatus.CANCELLED)))
        .order_by(Session.starts_at, SentInvitation.session_id, SentInvitation.person_id)
    )
    return db.session.scalars(query).all()


def recent_batches(meeting: Meeting, *, limit: int = 10) -> Sequence[InvitationBatch]:
    """The latest sends by email, newest first."""
    query = (
        select(InvitationBatch).where(InvitationBatch.meeting_id == meeting.id)
        .order_by(InvitationBatch.started_at.desc(), InvitationBatch.id.desc()).limit(limit)
    )
    return db.session.scalars(query).all()
