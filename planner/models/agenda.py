"""Sessions on a meeting's agenda and the people who hold a role in them."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean, CheckConstraint, ForeignKey, ForeignKeyConstraint, Integer, String, Text, UniqueConstraint, Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.domain.vocabulary import AttendanceMode, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.database import UTCDateTime, enum_column, utcnow

if TYPE_CHECKING:
    from planner.models.meeting import Meeting, Room
    from planner.models.people import Person


class Session(db.Model):
    __tablename__ = "sessions"
    __table_args__ = (
        UniqueConstraint("meeting_id", "id"),
        # A meeting restored from its export keeps its sessions' UIDs, so subscribers' calendars do not
        # duplicate them, while the original may still be there.
        UniqueConstraint("meeting_id", "uid"),
        # An item may have no end ("18:30 Reception"); one that has must end after it starts.
        CheckConstraint("ends_at IS NULL OR ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
        CheckConstraint("title <> ''", name="title_not_empty"),
        # Room and enclosing session must belong to the session's own meeting.
        ForeignKeyConstraint(
            ["meeting_id", "room_id"], ["rooms.meeting_id", "rooms.id"], name="fk_sessions_room_same_meeting"
        ),
        ForeignKeyConstraint(
            ["meeting_id", "parent_id"], ["sessions.meeting_id", "sessions.id"],
            name="fk_sessions_parent_same_meeting",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable for the life of the session (and of its meeting's exports), random so unique across installations:
    # calendar UIDs use it.
    uid: Mapped[uuid.UUID] = mapped_column(Uuid, default=uuid.uuid4)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(Integer, index=True)
    room_id: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[SessionKind] = mapped_column(enum_column(SessionKind, "session_kind"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    attendance_mode: Mapped[AttendanceMode] = mapped_column(enum_column(AttendanceMode, "attendance_mode"))
    online_link: Mapped[str] = mapped_column(String(500), default="")
    online_link_public: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    thematic_area: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[SessionStatus] = mapped_column(
        enum_column(SessionStatus, "session_status"), default=SessionStatus.CONFIRMED
    )
    draft: Mapped[bool] = mapped_column(Boolean, default=False)
    # Calendar clients replace an event only when its SEQUENCE rises (RFC 5545).
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # A deleted session stays, cancelled, in calendar feeds so subscribers drop it.
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="sessions")
    room: Mapped[Room | None] = relationship(primaryjoin="Room.id == Session.room_id", foreign_keys=[room_id])
    parent: Mapped[Session | None] = relationship(
        primaryjoin="Session.id == Session.parent_id", foreign_keys=[parent_id],
        remote_side=[id], back_populates="children",
    )
    children: Mapped[list[Session]] = relationship(
        primaryjoin="Session.id == Session.parent_id", foreign_keys=[parent_id],
        back_populates="parent", order_by="Session.starts_at",
    )
    roles: Mapped[list[SessionRole]] = relationship(
        back_populates="session", cascade="all, delete-orphan", order_by="(SessionRole.position, SessionRole.id)"
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Session {self.id} {self.title!r}>"


class SessionRole(db.Model):
    __tablename__ = "session_roles"
    __table_args__ = (
        UniqueConstraint("session_id", "person_id", "role"),
        CheckConstraint("position >= 0", name="position_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role, "session_role"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # "on behalf of UNMAS and UNDP": whom the person speaks for, when not (only) their own institution.
    on_behalf_of: Mapped[str] = mapped_column(String(300), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    session: Mapped[Session] = relationship(back_populates="roles")
    person: Mapped[Person] = relationship(back_populates="roles")

    __mapper_args__ = {"version_id_col": version}
