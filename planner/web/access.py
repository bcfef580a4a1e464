"""Load-or-404 together with who may see it, in one place for pages and API alike."""
from flask import abort

from planner.models import Meeting
from planner.queries.agenda import find_meeting


def published_meeting_or_404(slug: str) -> Meeting:
    meeting = find_meeting(slug)
    if meeting is None:
        abort(404, description=f"There is no published meeting at “{slug}”.")
    return meeting
