"""The trash: a deleted meeting waits there, whole, until it is restored or its time is up."""
from datetime import datetime, timedelta

from sqlalchemy import select

from planner.domain.wording import _
from planner.extensions import db
from planner.models import Meeting, User
from planner.operations import records


def move_to_trash(meeting: Meeting, *, actor: User | None, now: datetime,
                  based_on_version: int | None = None) -> None:
    """Take a meeting out of every list and address, keeping everything in it for a restore."""
    records.updated(meeting, {"deleted_at": now, "deleted_by_id": actor.id if actor else None},
                    meeting_id=meeting.id, actor=actor, based_on_version=based_on_version, action="trashed",
                    summary=_("Deleted meeting “%(title)s” (%(slug)s): it is in the trash", title=meeting.title,
                              slug=meeting.slug))


def restore_from_trash(meeting: Meeting, *, actor: User | None) -> None:
    records.updated(meeting, {"deleted_at": None, "deleted_by_id": None}, meeting_id=meeting.id, actor=actor,
                    action="restored", summary=_("Restored meeting “%(title)s” from the trash", title=meeting.title))


def purge_meeting(meeting: Meeting, *, actor: User | None) -> None:
    """Delete a meeting for good, with everything in it; its history stays, no longer filed under it."""
    records.deleted(meeting, meeting_id=None, actor=actor,
                    summary=_("Deleted meeting “%(title)s” (%(slug)s) for good", title=meeting.title,
                              slug=meeting.slug))


def purge_date(meeting: Meeting, days: int) -> datetime:
    return meeting.deleted_at + timedelta(days=days)


def empty_trash(*, now: datetime, days: int, actor: User | None = None) -> list[str]:
    """Purge the meetings that have been in the trash for ``days`` or longer; return their slugs."""
    query = select(Meeting).where(Meeting.deleted_at <= now - timedelta(days=days)).order_by(Meeting.deleted_at)
    purged = []
    for meeting in db.session.scalars(query).all():
        purged.append(meeting.slug)
        purge_meeting(meeting, actor=actor)
    return purged
