"""Inviting registered participants to sessions by email, and following changes with updates and cancellations.

One message per person and session: iTIP lets a message carry one event only (RFC 5546),
each person sees only their own address, and the online link goes only to those entitled
to it. What each person was sent is recorded, so a noticeable change (a risen SEQUENCE)
shows up as an update owed to exactly the people who hold the old version.
"""
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from planner.domain.calendars import CANCEL, REQUEST, Attendee, Organizer, attendee_role, join_link
from planner.domain.calendars.messages import Letter
from planner.domain.calendars.words import words_in
from planner.domain.errors import InvalidInput
from planner.domain.timezones import local_day
from planner.domain.vocabulary import SessionStatus
from planner.domain.wording import _
from planner.extensions import db
from planner.models import Meeting, Registration, SentInvitation, Session, User
from planner.queries.calendars import calendar_entry
from planner.queries.invitations import invitable_registrations, invitable_sessions, outdated_invitations


@dataclass(frozen=True)
class Scope:
    """What to invite to: the whole meeting, one day, or one session."""

    day: date | None = None
    session_id: int | None = None

    @property
    def whole_agenda(self) -> bool:
        return self.session_id is None


@dataclass(frozen=True)
class Prepared:
    session: Session
    registration: Registration
    letter: Letter

    @property
    def file_name(self) -> str:
        """Where the message's calendar file goes in a download: one folder per person."""
        local = local_day(self.session.starts_at, self.letter.zone_name)
        return f"{self.registration.person.email}/{local.isoformat()}-session-{self.session.id}.ics"


SessionUrl = Callable[[Session], str]


def prepare_invitations(meeting: Meeting, scope: Scope, registrations: Sequence[Registration], *, sender: str,
                        session_url: SessionUrl) -> list[Prepared]:
    """Invitations to what ``scope`` covers, for each of ``registrations``.

    For a day or the whole meeting, a person is invited to the agenda's main items and to
    whatever inside them they have a part in: a delegate gets the working block, its
    speaker also gets their talk within it.
    """
    errors = _cannot_invite(meeting)
    if not registrations:
        errors["recipients"] = _("Choose at least one participant.")
    sessions = invitable_sessions(meeting, day=scope.day, session_id=scope.session_id)
    if not sessions:
        errors["scope"] = _("There is nothing to invite to there: no session on the agenda that is not cancelled.")
    if errors:
        raise InvalidInput(errors=errors)
    return [
        _prepare(meeting, session, registration, update=False, sender=sender, session_url=session_url)
        for registration in registrations for session in sessions
        if not scope.whole_agenda or session.parent_id is None
        or any(role.person_id == registration.person_id for role in session.roles)
    ]


def prepare_updates(meeting: Meeting, *, sender: str, session_url: SessionUrl) -> list[Prepared]:
    """Updates (or cancellations) for everyone holding an older version of a session than the agenda's."""
    if errors := _cannot_invite(meeting):
        raise InvalidInput(errors=errors)
    registrations = {registration.person_id: registration for registration in invitable_registrations(meeting)}
    return [
        _prepare(meeting, sent.session, registrations[sent.person_id], update=True, sender=sender,
                 session_url=session_url)
        for sent in outdated_invitations(meeting) if sent.person_id in registrations
    ]


def _cannot_invite(meeting: Meeting) -> dict[str, str]:
    if not meeting.contact_email:
        return {"contact_email": "Invitations come from the meeting's contact email, where answers go: "
                                 "give the meeting one first (Details)."}
    return {}


def _prepare(meeting: Meeting, session: Session, registration: Registration, *, update: bool, sender: str,
             session_url: SessionUrl) -> Prepared:
    person = registration.person
    day_mode = registration.mode_on(local_day(session.starts_at, meeting.timezone))
    entry = calendar_entry(session, meeting, url=session_url(session), join_link=join_link(
        session.online_link, attendance_mode=session.attendance_mode, link_public=session.online_link_public,
        day_mode=day_mode, meeting_link=meeting.online_link))
    roles = {role.role for role in session.roles if role.person_id == person.id}
    # A deleted session is cancelled too (operations.agenda.delete_session).
    cancelled = session.status is SessionStatus.CANCELLED
    letter = Letter(
        entry=entry, method=CANCEL if cancelled else REQUEST, update=update,
        recipient=Attendee(person.email, person.display_name, attendee_role(roles, registration.role)),
        organizer=Organizer(meeting.contact_email, meeting.short_name or meeting.title),
        sender=sender or meeting.contact_email, meeting_name=meeting.short_name or meeting.title,
        zone_name=meeting.timezone,
        # Written in the participant's language, else the meeting's: the mail worker has no reader to ask.
        words=words_in(registration.language or meeting.language),
    )
    return Prepared(session, registration, letter)


def invitation_files(prepared: Sequence[Prepared], *, actor: User | None, now: datetime) -> list[tuple[str, bytes]]:
    """The calendar files, for an organiser who sends them from their own mail; they count as sent."""
    record_sent(prepared, actor=actor, now=now)
    return [(item.file_name, item.letter.calendar(stamp=now)) for item in prepared]


def record_sent(prepared: Sequence[Prepared], *, actor: User | None, now: datetime) -> None:
    """Note what each person now holds, replacing what they held before."""
    if not prepared:
        return
    keys = {(item.session.id, item.registration.person_id) for item in prepared}
    existing = {
        (sent.session_id, sent.person_id): sent
        for sent in db.session.scalars(select(SentInvitation).where(
            SentInvitation.session_id.in_({session_id for session_id, _ in keys})))
    }
    for item in prepared:
        sent = existing.get((item.session.id, item.registration.person_id))
        if sent is None:
            sent = SentInvitation(session_id=item.session.id, person_id=item.registration.person_id)
            db.session.add(sent)
        sent.sequence = item.session.sequence
        sent.cancelled = item.letter.method == CANCEL
        sent.sent_at = now
        sent.sent_by_id = actor.id if actor is not None else None
    db.session.flush()
