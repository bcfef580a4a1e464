"""Load-or-404 together with who may see or change it, in one place for pages and API alike.

Rights come from domain.permissions: a team member's role in the meeting, or being an
administrator. A draft meeting answers 404 to anyone on neither list, as if it did not
exist; a published one answers 403 to someone without the right asked for.
"""
from datetime import date
from typing import TypeVar

from flask import abort, g
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from planner.domain.documents import Reader, may_read_document
from planner.domain.permissions import Right, holds
from planner.domain.vocabulary import TeamRole
from planner.domain.wording import _
from planner.extensions import db
from planner.models import Document, Meeting, TeamMember, User
from planner.queries.agenda import find_meeting
from planner.queries.calendars import FeedState, meeting_with_feed_state
from planner.queries.documents import find_document
from planner.web.language import answer_of
from planner.web.presenters import long_date

T = TypeVar("T")

REFUSALS = {
    Right.ORGANISE: _("Only the organisers of this meeting can do this."),
    Right.WORK_THE_DOOR: _("Only the organisers and door staff of this meeting can do this."),
}


def published_meeting_or_404(slug: str) -> Meeting:
    meeting = published_or_404(find_meeting(slug), slug)
    answer_of(meeting)
    return meeting


def published_or_404(found: T | None, slug: str) -> T:
    """What was loaded with the published meeting at ``slug``, or 404 when there is none."""
    if found is None:
        abort(404, description=_("There is no published meeting at “%(slug)s”.", slug=slug))
    return found


TRASHED = _("This meeting was deleted: its calendar is gone.")
UNKNOWN_ADDRESS = _("This personal address is not valid, or no longer: ask the organisers for a new one.")


def readable_feed_or_abort(found: tuple | None, slug: str) -> tuple:
    """As ``readable_or_404``, for a calendar feed found with meetings in the trash: a published meeting's feed
    that went with its meeting answers 410 Gone, so subscribed calendars can drop it."""
    if found is not None and found[0].deleted_at is not None:
        if found[0].published:
            abort(410, description=TRASHED)
        found = None
    return readable_or_404(found, slug)


def may_read_meeting(meeting: Meeting) -> bool:
    """Whether the reader may read the meeting's public pages, programme and calendar files: anyone once it is
    published; before that its organisers, to preview it."""
    return meeting.published or is_organiser(current_user, meeting)


def readable_meeting_or_404(slug: str) -> Meeting:
    """The meeting at ``slug`` if the reader may read it; 404, as for no meeting at all, otherwise."""
    return readable_or_404(find_meeting(slug, public=False), slug)


def readable_meeting_with_state_or_404(slug: str) -> tuple[Meeting, FeedState]:
    """As ``readable_meeting_or_404``, with the meeting's feed state read in the same query (for answers kept
    under it: planner/web/kept.py)."""
    return readable_or_404(meeting_with_feed_state(slug, trashed=False), slug)


def readable_or_404(found, slug: str):
    """What was loaded with the meeting at ``slug`` (the meeting itself, or a row starting with it), if readable."""
    meeting = found[0] if isinstance(found, tuple) else found
    found = published_or_404(found if meeting is not None and may_read_meeting(meeting) else None, slug)
    answer_of(meeting)
    return found


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def team_role(user, meeting: Meeting) -> TeamRole | None:
    """The role ``user`` holds on ``meeting``'s team, if any (asked once per request: the page's menu asks again)."""
    if not _signed_in(user):
        return None
    known = g.setdefault("team_roles", {})
    if (user.id, meeting.id) not in known:
        query = select(TeamMember.role).where(TeamMember.meeting_id == meeting.id, TeamMember.user_id == user.id)
        known[user.id, meeting.id] = db.session.scalar(query)
    return known[user.id, meeting.id]


def may(user, meeting: Meeting, right: Right = Right.ORGANISE) -> bool:
    if not _signed_in(user):
        return False
    return holds(right, role=team_role(user, meeting), administrator=user.administrator)


def is_organiser(user, meeting: Meeting) -> bool:
    return may(user, meeting, Right.ORGANISE)


def organised_meeting_or_abort(slug: str, user: User | None = None, right: Right = Right.ORGANISE, *,
                               trashed: bool = False) -> Meeting:
    """The meeting at ``slug`` if ``user`` (by default the signed-in one) holds ``right`` on it; 404 or 403 otherwise.
    Only ``trashed`` finds a meeting in the trash."""
    user = user if user is not None else current_user
    meeting = find_meeting(slug, public=False, trashed=trashed)
    if meeting is None:
        abort(404, description=_("There is no meeting at “%(slug)s”.", slug=slug))
    if not may(user, meeting, right):
        if not meeting.published and team_role(user, meeting) is None:
            abort(404, description=_("There is no meeting at “%(slug)s”.", slug=slug))
        abort(403, description=REFUSALS[right])
    answer_of(meeting)
    return meeting


def administrator_or_abort(user=None) -> User:
    user = user if user is not None else current_user
    if not (_signed_in(user) and user.administrator):
        abort(403, description=_("Only an administrator can do this."))
    return user


def record_of_meeting_or_404(model, meeting: Meeting, record_id: int):
    record = db.session.get(model, record_id)
    if record is None or record.meeting_id != meeting.id or getattr(record, "deleted_at", None) is not None:
        abort(404, description=_("This meeting has no such record."))
    return record


def meeting_day_or_404(meeting: Meeting, day: date) -> None:
    if day not in meeting.days:
        # Only pages ask (the API has no day addresses): the day is written in the reader's language.
        abort(404, description=gettext("%(day)s is not a day of this meeting.", day=long_date(day)))


def may_organise(meeting: Meeting) -> bool:
    """For templates: whether the signed-in reader may organise ``meeting`` (door staff see less)."""
    return is_organiser(current_user, meeting)


def may_see_private_links(meeting: Meeting) -> bool:
    """Whether the reader may see online links the organiser kept private: its organisers may."""
    return is_organiser(current_user, meeting)


def document_reader(meeting: Meeting, user: User | None = None) -> Reader:
    """Who ``user`` (by default the signed-in one) is to the meeting's documents at its public addresses and in
    the API (participants come through their personal address)."""
    return Reader.ORGANISER if is_organiser(user if user is not None else current_user, meeting) else Reader.PUBLIC


def readable_document_or_404(meeting: Meeting, document_id: int, reader: Reader) -> Document:
    """The document if ``reader`` may read it (domain.documents.may_read_document); 404, as for none, otherwise."""
    document = find_document(meeting, document_id)
    session = document.session if document is not None else None
    hidden = session is not None and (session.draft or session.deleted_at is not None)
    if document is None or not document.languages or not may_read_document(
            reader, document.visibility, session_hidden=hidden):
        abort(404, description=_("This meeting has no such document."))
    return document
