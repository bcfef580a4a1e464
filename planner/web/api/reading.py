"""Which meeting an API reader may read: anyone a published one, its organisers (by token) their drafts too."""
from planner.domain.errors import InvalidInput
from planner.models import Meeting
from planner.queries.agenda import find_meeting
from planner.web.access import is_organiser, published_or_404
from planner.web.api.auth import api_user
from planner.web.reader_zone import reader_zone


def readable_meeting_for_api(slug: str) -> tuple[Meeting, bool]:
    """The meeting at ``slug`` and whether the caller organises it; 404 for a draft of someone else's."""
    meeting = find_meeting(slug, public=False)
    if meeting is not None and is_organiser(api_user(), meeting):
        return meeting, True
    return published_or_404(meeting if meeting is not None and meeting.published else None, slug), False


def reader_zone_name(meeting: Meeting) -> str:
    """The zone the answer writes times in (``?tz=``, else the meeting's); 400 for a name that is no zone, since
    a client that asked for a zone must not mistake the meeting's times for it."""
    zones = reader_zone(meeting, remembered=False)
    if zones.problem:
        raise InvalidInput("tz", zones.problem)
    return zones.name
