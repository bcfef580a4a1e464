"""Sending invitations or updates by email as a batch, recorded before its first message.

Its progress is stored as the messages go out, so the organiser can follow a long send from
another request, and afterwards see which messages failed and why: those stay owed, since
only what went out is recorded as sent (operations.invitations).
"""
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from email.errors import MessageError

from planner.database import utcnow
from planner.domain.calendars.messages import invitation_email
from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import BatchKind, BatchStatus
from planner.extensions import db
from planner.models import InvitationBatch, InvitationFailure, Meeting, User
from planner.operations.invitations import (
    Prepared, Scope, SessionUrl, prepare_invitations, prepare_updates, record_sent,
)
from planner.operations.mail import SmtpSettings, send_messages
from planner.queries.invitations import invitable_registrations

# How many messages go out between two stored progress reports (and two records of what was sent).
CHECKPOINT_EVERY = 10


def start_batch(meeting: Meeting, kind: BatchKind, *, total: int, actor: User | None,
                now: datetime) -> InvitationBatch:
    batch = InvitationBatch(meeting=meeting, kind=kind, status=BatchStatus.QUEUED, total=total, sent=0, failed=0,
                            error="", started_by_id=actor.id if actor is not None else None,
                            started_at=now)
    db.session.add(batch)
    db.session.flush()
    return batch


def run_batch(batch: InvitationBatch, settings: SmtpSettings | None, *, scope: Scope,
              registration_ids: Iterable[int], session_url: SessionUrl, checkpoint: Callable[[], None]) -> None:
    """The mail worker's part: prepare the batch's messages again, from the agenda and registrations as
    they stand now, and send them; or mark the batch failed with the reason it cannot be sent."""
    if settings is None:
        fail_batch(batch, "The mail worker has no mail server configured (PLANNER_SMTP_HOST).", now=utcnow())
        return
    try:
        prepared = _prepare(batch, scope=scope, registration_ids=registration_ids, sender=settings.sender,
                            session_url=session_url)
    except InvalidInput as error:  # the meeting's contact email is gone, say
        fail_batch(batch, " ".join(error.errors.values()), now=utcnow())
        return
    send_batch(batch, prepared, settings, now=utcnow(), checkpoint=checkpoint)


def _prepare(batch: InvitationBatch, *, scope: Scope, registration_ids: Iterable[int], sender: str,
             session_url: SessionUrl) -> list[Prepared]:
    if batch.kind is BatchKind.UPDATES:
        return prepare_updates(batch.meeting, sender=sender, session_url=session_url)
    chosen = set(registration_ids)
    registrations = [r for r in invitable_registrations(batch.meeting) if r.id in chosen]
    return prepare_invitations(batch.meeting, scope, registrations, sender=sender, session_url=session_url)


def send_batch(batch: InvitationBatch, prepared: Sequence[Prepared], settings: SmtpSettings, *, now: datetime,
               checkpoint: Callable[[], None]) -> None:
    """Send each message, storing progress, failures and what went out every ``CHECKPOINT_EVERY`` messages.

    ``checkpoint`` (the caller's commit) is what lets the progress page see each step, and keeps
    what went out recorded if the sending process dies part way.
    """
    batch.status = BatchStatus.SENDING
    batch.total = len(prepared)
    checkpoint()
    went_out: list[Prepared] = []
    handed_over: list[Prepared] = []  # given to the mail server, in order, its outcome not yet known
    handled = 0

    def answered(item: Prepared, failure: str | None) -> None:
        nonlocal handled, went_out
        if failure is None:
            went_out.append(item)
        else:
            person = item.registration.person
            batch.failures.append(InvitationFailure(
                recipient=f"{person.display_name} <{person.email}>", session_title=item.session.title,
                reason=failure))
            batch.failed += 1
        handled += 1
        if handled % CHECKPOINT_EVERY == 0 or handled == len(prepared):
            record_sent(went_out, actor=batch.started_by, now=now)
            batch.sent += len(went_out)
            went_out = []
            checkpoint()

    def messages():
        """Each message, written only when it is due; one that cannot be written fails alone."""
        for item in prepared:
            try:
                message = invitation_email(item.letter, stamp=now)
            except (ValueError, MessageError) as error:  # UnwritableMessage, or what the email package refuses
                answered(item, f"The message could not be written. {error}")
                continue
            handed_over.append(item)
            yield message

    for failure in send_messages(messages(), settings):
        answered(handed_over.pop(0), failure)
    batch.status = BatchStatus.DONE
    batch.finished_at = utcnow()
    db.session.flush()


def fail_batch(batch: InvitationBatch, reason: str, *, now: datetime) -> None:
    """Mark a send that stopped before its end; what it did not send stays owed."""
    batch.status = BatchStatus.FAILED
    batch.error = reason
    batch.finished_at = now
    db.session.flush()
