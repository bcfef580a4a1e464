"""A meeting, the rooms it takes place in and its bureau."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean, CheckConstraint, Date, ForeignKey, ForeignKeyConstraint, Integer, String, Text, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.domain.vocabulary import MeetingFormat, OfficerRole, TeamRole
from planner.extensions import db
from planner.database import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from planner.models.accounts import User
    from planner.models.team import TeamMember
    from planner.models.agenda import Session
    from planner.models.attendance import Registration
    from planner.models.people import Institution, Person


class Meeting(db.Model):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint("first_day <= last_day", name="days_in_order"),
        CheckConstraint("slug <> ''", name="slug_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str] = mapped_column(String(80), default="")
    hosts: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64))
    venue: Mapped[str] = mapped_column(String(300), default="")
    format: Mapped[MeetingFormat] = mapped_column(enum_column(MeetingFormat, "meeting_format"))
    online_link: Mapped[str] = mapped_column(String(500), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    # The language its pages speak to a reader whose browser names none Planner is written in
    # (domain.languages.INTERFACE_LANGUAGES; web.language decides).
    language: Mapped[str] = mapped_column(String(16), default="en", server_default="en")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    # Self-registration through the public form: closed unless the organiser opens it.
    registration_open: Mapped[bool] = mapped_column(Boolean, default=False)
    registration_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Until when participants may change how they attend each day.
    attendance_changes_close_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # In the trash since then: gone from every list and address, until restored or, after the trash's
    # period (TRASH_DAYS), purged for good.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    deleted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    version: Mapped[int] = mapped_column(Integer, default=1)

    deleted_by: Mapped[User | None] = relationship(foreign_keys=[deleted_by_id])
    rooms: Mapped[list[Room]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="(Room.position, Room.id)"
    )
    sessions: Mapped[list[Session]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    institutions: Mapped[list[Institution]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    people: Mapped[list[Person]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    team: Mapped[list[TeamMember]] = relationship(back_populates="meeting", cascade="all, delete-orphan")
    officers: Mapped[list[MeetingOfficer]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan",
        order_by="(MeetingOfficer.position, MeetingOfficer.id)",
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def organisers(self) -> list[User]:
        return sorted((member.user for member in self.team if member.role is TeamRole.ORGANISER),
                      key=lambda user: user.email)

    @property
    def days(self) -> list[date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=offset) for offset in range(count)]

    def __repr__(self) -> str:
        return f"<Meeting {self.slug}>"


class Room(db.Model):
    __tablename__ = "rooms"
    __table_args__ = (
        UniqueConstraint("meeting_id", "name"),
        # Target of the composite keys that keep a session in a room of its own meeting.
        UniqueConstraint("meeting_id", "id"),
        CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity_not_negative"),
        CheckConstraint("name <> ''", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int | None] = mapped_column(Integer)
    online_only: Mapped[bool] = mapped_column(Boolean, default=False)
    # A room elsewhere (a reception at a restaurant in town) names its own venue; empty: the meeting's venue.
    venue: Mapped[str] = mapped_column(String(300), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="rooms")

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Room {self.name}>"


class MeetingOfficer(db.Model):
    """A member of the meeting's bureau: an office held for the whole meeting, not for one session."""

    __tablename__ = "meeting_officers"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", "role"),
        CheckConstraint("position >= 0", name="position_not_negative"),
        # The officer must be a person of the same meeting.
        ForeignKeyConstraint(
            ["meeting_id", "person_id"], ["people.meeting_id", "people.id"],
            name="fk_meeting_officers_person_same_meeting",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[OfficerRole] = mapped_column(enum_column(OfficerRole, "officer_role"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="officers")
    person: Mapped[Person] = relationship(
        primaryjoin="Person.id == MeetingOfficer.person_id", foreign_keys=[person_id], back_populates="offices",
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<MeetingOfficer {self.role.value} {self.person_id}>"
