"""Which meeting an API reader may read: anyone a published one, its organisers (by token) their drafts too."""
from planner.domain.errors import InvalidInput
from planner.models import Meeting
from planner.queries.agenda import find_meeting
from planner.queries.calendars import FeedState, meeting_with_feed_state
from planner.web.access import is_organiser, published_or_404
from planner.web.api.auth import api_user
from planner.web.reader_zone import reader_zone


def readable_meeting_for_api(slug: str) -> tuple[Meeting, bool]:
    """The meeting at ``slug`` and whether the caller organises it; 404 for a draft of someone else's."""
    meeting = find_meeting(slug, public=False)
    if meeting is not None and is_organiser(api_user(), meeting):
        return meeting, True
    return published_or_404(meeting if meeting is not None and meeting.published else None, slug), False


def readable_meeting_with_state_for_api(slug: str) -> tuple[Meeting, FeedState, bool]:
    """As ``readable_meeting_for_api``, with the meeting's feed state, for an answer kept under it (web/kept.py)."""
    found = meeting_with_feed_state(slug, trashed=False)
    if found is not None and is_organiser(api_user(), found[0]):
        return (*found, True)
    meeting, state = published_or_404(found if found is not None and found[0].published else None, slug)
    return meeting, state, False


def reader_zone_name(meeting: Meeting) -> str:
    """The zone the answer writes times in (``?tz=``, else the meeting's); 400 for a name that is no zone, since
    a client that asked for a zone must not mistake the meeting's times for it."""
    zones = reader_zone(meeting, remembered=False)
    if zones.problem:
        raise InvalidInput("tz", zones.problem)
    return zones.name
