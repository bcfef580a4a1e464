"""Who actually came: checked in at the door on a day, or connected online as a platform's report shows."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime, utcnow
from planner.extensions import db

if TYPE_CHECKING:
    from planner.models.accounts import User
    from planner.models.attendance import Registration


class CheckIn(db.Model):
    """A registered participant seen in the room on one day of the meeting. Undoing a check-in deletes it."""

    __tablename__ = "check_ins"
    __table_args__ = (UniqueConstraint("registration_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The unique (registration_id, day) constraint's index serves lookups by registration.
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    checked_in_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    registration: Mapped[Registration] = relationship()
    checked_in_by: Mapped[User | None] = relationship()


class OnlineReport(db.Model):
    """One imported attendance report file; the same file (by content) is imported once per meeting."""

    __tablename__ = "online_reports"
    __table_args__ = (UniqueConstraint("meeting_id", "content_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255), default="")
    content_sha256: Mapped[str] = mapped_column(String(64))
    # The zone the file's times without an offset were read in.
    timezone: Mapped[str] = mapped_column(String(64))
    rows_in_file: Mapped[int] = mapped_column(Integer, default=0)
    # Rows already known from an earlier report, and so not stored again.
    duplicate_rows: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    imported_by: Mapped[User | None] = relationship()
    attendances: Mapped[list[OnlineAttendance]] = relationship(
        back_populates="report", cascade="all, delete-orphan", passive_deletes=True,
        order_by="OnlineAttendance.line",
    )


class OnlineAttendance(db.Model):
    """One connection from a platform's report: who (as the report names them), from when to when.

    ``registration_id`` is empty when no registration matched; the row is kept so
    the organiser sees who that was.
    """

    __tablename__ = "online_attendances"
    __table_args__ = (
        # The same connection, from whichever file, is counted once.
        UniqueConstraint("meeting_id", "fingerprint"),
        CheckConstraint("left_at >= joined_at", name="left_after_joining"),
        CheckConstraint("name <> '' OR email <> ''", name="name_or_email"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("online_reports.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="SET NULL"), index=True
    )
    line: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # "email" or "name": how the registration was found; empty when none was.
    matched_by: Mapped[str] = mapped_column(String(10), default="")
    # Why no registration matched at import time (several share the name, none has it…).
    unmatched_reason: Mapped[str] = mapped_column(String(200), default="")
    fingerprint: Mapped[str] = mapped_column(String(64))

    report: Mapped[OnlineReport] = relationship(back_populates="attendances")
    registration: Mapped[Registration | None] = relationship()
