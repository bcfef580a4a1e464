"""What each person was last sent about each session, so a later change can be followed by an update;
and each send of invitation emails, with its progress and what failed."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime, enum_column, utcnow
from planner.domain.vocabulary import BatchKind, BatchStatus
from planner.extensions import db

if TYPE_CHECKING:
    from planner.models.accounts import User
    from planner.models.agenda import Session
    from planner.models.meeting import Meeting
    from planner.models.people import Person


class SentInvitation(db.Model):
    __tablename__ = "sent_invitations"
    __table_args__ = (UniqueConstraint("session_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    # The SEQUENCE of the last message; a session whose SEQUENCE has risen since owes this person an update.
    sequence: Mapped[int] = mapped_column(Integer)
    # Whether that message was a cancellation (METHOD:CANCEL) rather than an invitation (METHOD:REQUEST).
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    session: Mapped[Session] = relationship()
    person: Mapped[Person] = relationship()


class InvitationBatch(db.Model):
    """One send of invitations or updates by email, sent inline or by the mail worker, and how far it got."""

    __tablename__ = "invitation_batches"
    __table_args__ = (
        CheckConstraint("sent >= 0 AND failed >= 0 AND sent + failed <= total", name="counts_within_total"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[BatchKind] = mapped_column(enum_column(BatchKind, "invitation_batch_kind"))
    status: Mapped[BatchStatus] = mapped_column(enum_column(BatchStatus, "invitation_batch_status"),
                                                default=BatchStatus.QUEUED)
    total: Mapped[int] = mapped_column(Integer, default=0)  # messages
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    # Why the whole send stopped (the worker's exception, a meeting that can no longer invite), if it did.
    error: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    meeting: Mapped[Meeting] = relationship()
    started_by: Mapped[User | None] = relationship()
    failures: Mapped[list[InvitationFailure]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", passive_deletes=True, order_by="InvitationFailure.id",
    )


class InvitationFailure(db.Model):
    """A message of a batch that did not go out; it stays owed (no SentInvitation records it).

    Names are copied, not referenced: the record explains a past send even after the person
    or session is gone.
    """

    __tablename__ = "invitation_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("invitation_batches.id", ondelete="CASCADE"), index=True)
    recipient: Mapped[str] = mapped_column(String(500))  # "Name <email>"
    session_title: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)

    batch: Mapped[InvitationBatch] = relationship(back_populates="failures")
