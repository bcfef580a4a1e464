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
    meeting, organiser = _readable(find_meeting(slug, public=False), slug)
    return meeting, organiser


def readable_meeting_with_state_for_api(slug: str) -> tuple[Meeting, FeedState, bool]:
    """As ``readable_meeting_for_api``, with the meeting's feed state, for an answer kept under it (web/kept.py)."""
    (meeting, state), organiser = _readable(meeting_with_feed_state(slug, trashed=False), slug)
    return meeting, state, organiser


def _readable(found, slug: str):
    """What was loaded with the meeting at ``slug`` (the meeting, or a row starting with it), and whether the
    caller organises it; 404 for a draft of someone else's."""
    meeting = found[0] if isinstance(found, tuple) else found
    if meeting is not None and is_organiser(api_user(), meeting):
        return found, True
    return published_or_404(found if meeting is not None and meeting.published else None, slug), False


def reader_zone_name(meeting: Meeting) -> str:
    """The zone the answer writes times in (``?tz=``, else the meeting's); 400 for a name that is no zone, since
    a client that asked for a zone must not mistake the meeting's times for it."""
    zones = reader_zone(meeting, remembered=False)
    if zones.problem:
        raise InvalidInput("tz", zones.problem)
    return zones.name
