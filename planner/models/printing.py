"""What the secretariat prints for the people: the list of participants' settings, and each person's badge."""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime
from planner.extensions import db

if TYPE_CHECKING:
    from planner.models.attendance import Registration


class PrintSettings(db.Model):
    """A meeting's choices for its printed documents; a meeting without a row has the defaults."""

    __tablename__ = "print_settings"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True)
    # The list of participants is the organisers' and door staff's until the organiser publishes it.
    list_published: Mapped[bool] = mapped_column(Boolean, default=False)
    # ParticipantRole values whose people the published list shows.
    public_roles: Mapped[list] = mapped_column(JSON, default=list)
    family_names_in_capitals: Mapped[bool] = mapped_column(Boolean, default=True)
    # ParticipantRole value → "#rrggbb", the band across a badge; a role not named has the default colour.
    role_colours: Mapped[dict] = mapped_column(JSON, default=dict)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}

    @property
    def id(self) -> int:
        """One row a meeting: the history files its changes under the meeting's id."""
        return self.meeting_id


class Badge(db.Model):
    """A participant's badge, once one has been printed, reissued or revoked (before that, there is no row
    and the first issue of the code is good).

    The code on the badge is signed over the meeting, the registration and ``issue``: reissuing raises
    ``issue``, so the code on the old badge no longer reads; revoking stops every issue until a reissue.
    """

    __tablename__ = "badges"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"), unique=True)
    issue: Mapped[int] = mapped_column(Integer, default=1)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What the last printed badge said (domain.badges.badge_face), so a change since is noticed.
    printed_face: Mapped[str] = mapped_column(String(64), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    registration: Mapped[Registration] = relationship()

    __mapper_args__ = {"version_id_col": version}
