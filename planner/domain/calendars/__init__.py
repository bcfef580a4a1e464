"""Calendar files: VTIMEZONEs every client reads alike, feeds, invitations, and who may read what."""
from planner.domain.calendars.events import (
    CANCEL, FORMAT_VERSION, REQUEST, Attachment, Attendee, CalendarEntry, Organizer, RoleHolder, feed, invitation, publish,
    published_event, zone_text,
)
from planner.domain.calendars.readers import attendee_role, join_link
from planner.domain.calendars.vtimezone import vtimezone

__all__ = [
    "CANCEL", "FORMAT_VERSION", "REQUEST", "Attachment", "Attendee", "CalendarEntry", "Organizer", "RoleHolder", "attendee_role",
    "feed", "invitation", "join_link", "publish", "published_event", "vtimezone", "zone_text",
]
