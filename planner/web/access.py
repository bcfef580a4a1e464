"""Load-or-404 together with who may see or change it, in one place for pages and API alike."""
from datetime import date
from typing import TypeVar

from flask import abort
from flask_login import current_user
from sqlalchemy import select

from planner.extensions import db
from planner.models import Meeting, User, meeting_organisers
from planner.queries.agenda import find_meeting

T = TypeVar("T")


def published_meeting_or_404(slug: str) -> Meeting:
    return published_or_404(find_meeting(slug), slug)


def published_or_404(found: T | None, slug: str) -> T:
    """What was loaded with the published meeting at ``slug``, or 404 when there is none."""
    if found is None:
        abort(404, description=f"There is no published meeting at “{slug}”.")
    return found


def may_read_meeting(meeting: Meeting) -> bool:
    """Whether the reader may read the meeting's public pages, programme and calendar files: anyone once it is
    published; before that its organisers, to preview it."""
    return meeting.published or is_organiser(current_user, meeting)


def readable_meeting_or_404(slug: str) -> Meeting:
    """The meeting at ``slug`` if the reader may read it; 404, as for no meeting at all, otherwise."""
    return readable_or_404(find_meeting(slug, public=False), slug)


def readable_or_404(found, slug: str):
    """What was loaded with the meeting at ``slug`` (the meeting itself, or a row starting with it), if readable."""
    meeting = found[0] if isinstance(found, tuple) else found
    return published_or_404(found if meeting is not None and may_read_meeting(meeting) else None, slug)


def is_organiser(user, meeting: Meeting) -> bool:
    if user is None or not user.is_authenticated:
        return False
    query = select(meeting_organisers.c.user_id).where(
        meeting_organisers.c.meeting_id == meeting.id, meeting_organisers.c.user_id == user.id
    )
    return db.session.scalar(query) is not None


def organised_meeting_or_abort(slug: str, user: User | None = None) -> Meeting:
    """The meeting at ``slug`` if ``user`` (by default the signed-in one) organises it; 404 or 403 otherwise."""
    user = user if user is not None else current_user
    meeting = find_meeting(slug, public=False)
    if meeting is None:
        abort(404, description=f"There is no meeting at “{slug}”.")
    if not is_organiser(user, meeting):
        abort(403, description="Only the organisers of this meeting can change it.")
    return meeting


def record_of_meeting_or_404(model, meeting: Meeting, record_id: int):
    record = db.session.get(model, record_id)
    if record is None or record.meeting_id != meeting.id or getattr(record, "deleted_at", None) is not None:
        abort(404, description="This meeting has no such record.")
    return record


def meeting_day_or_404(meeting: Meeting, day: date) -> None:
    if day not in meeting.days:
        abort(404, description=f"{day:%d %B %Y} is not a day of this meeting.")


def may_see_private_links(meeting: Meeting) -> bool:
    """Whether the reader may see online links the organiser kept private: its organisers may."""
    return is_organiser(current_user, meeting)
