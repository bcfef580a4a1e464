"""Load-or-404 together with who may see it, in one place for pages and API alike."""
from datetime import date

from flask import abort

from planner.models import Meeting
from planner.queries.agenda import find_meeting


def published_meeting_or_404(slug: str) -> Meeting:
    meeting = find_meeting(slug)
    if meeting is None:
        abort(404, description=f"There is no published meeting at “{slug}”.")
    return meeting


def meeting_day_or_404(meeting: Meeting, day: date) -> None:
    if day not in meeting.days:
        abort(404, description=f"{day:%d %B %Y} is not a day of this meeting.")


def may_see_private_links(meeting: Meeting) -> bool:
    """Whether the reader may see online links the organiser kept private.

    Nobody yet: there are no organiser accounts. When there are, this answers
    whether the current user organises ``meeting``, and the internal edition of
    the printed programme starts printing private links for them.
    """
    return False
