"""What each person was last sent about each session, so a later change can be followed by an update."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime, utcnow
from planner.extensions import db

if TYPE_CHECKING:
    from planner.models.agenda import Session
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
