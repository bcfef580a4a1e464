"""Who takes part in a meeting and, day by day, how they attend."""
from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, ForeignKeyConstraint, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime, enum_column, utcnow
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db

if TYPE_CHECKING:
    from planner.models.meeting import Meeting
    from planner.models.people import Person


class Registration(db.Model):
    __tablename__ = "registrations"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        ForeignKeyConstraint(
            ["meeting_id", "person_id"], ["people.meeting_id", "people.id"],
            name="fk_registrations_person_same_meeting", ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(Integer, index=True)
    role: Mapped[ParticipantRole] = mapped_column(enum_column(ParticipantRole, "participant_role"))
    # Where the participant reads the agenda from, as an IANA zone name.
    home_timezone: Mapped[str] = mapped_column(String(64), default="")
    # The language the participant reads Planner's emails and calendar files in (one of
    # domain.languages.INTERFACE_LANGUAGES); none: the meeting's language.
    language: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The secret in the participant's own addresses (/my/<token>/…); only its hash is kept.
    personal_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    personal_token_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="registrations")
    person: Mapped[Person] = relationship(primaryjoin="Person.id == Registration.person_id", foreign_keys=[person_id])
    days: Mapped[list[DayAttendance]] = relationship(
        back_populates="registration", cascade="all, delete-orphan", order_by="DayAttendance.day"
    )

    __mapper_args__ = {"version_id_col": version}

    def mode_on(self, day: date) -> DayMode:
        for attendance in self.days:
            if attendance.day == day:
                return attendance.mode
        return DayMode.ABSENT


class DayAttendance(db.Model):
    __tablename__ = "day_attendances"

    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    mode: Mapped[DayMode] = mapped_column(enum_column(DayMode, "day_mode"))

    registration: Mapped[Registration] = relationship(back_populates="days")
