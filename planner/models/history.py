"""The record of every change: who, when, what before and what after."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime, utcnow
from planner.domain.wording import Message
from planner.extensions import db
from planner.models.accounts import User


class Change(db.Model):
    __tablename__ = "changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    # History outlives what it describes: a deleted meeting's changes stay readable by id.
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id", ondelete="SET NULL"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # A participant's own change (their registration, how they attend) has no account behind it: it names them, as
    # they were named then, so the entry still says who once they are deleted.
    participant_name: Mapped[str | None] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    # The summary in English (the API, exports, anything reading the table), and as the message it was written
    # from, so a page says it in its reader's language. Entries older than that column have the English only.
    summary: Mapped[str] = mapped_column(String(400))
    summary_message: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # The changes one request made together (a move and what moved with it, a bulk edit) share a batch: they are
    # read, and undone, as one. An undo names the batch it took back.
    batch: Mapped[str | None] = mapped_column(String(32), index=True)
    undoes: Mapped[str | None] = mapped_column(String(32), index=True)

    user: Mapped[User | None] = relationship()

    @property
    def summary_words(self) -> Message | str:
        """The summary as a page says it: the kept Message (printed in the reader's language), else the English."""
        if self.summary_message is None:
            return self.summary
        try:
            return Message.from_data(self.summary_message)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError):
            # An imported export's history holds whatever its file said: what cannot be read shows as English.
            return self.summary
