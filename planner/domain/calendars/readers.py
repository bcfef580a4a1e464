"""Who may read what in a calendar file, and in what part an invited person takes part."""
from collections.abc import Collection

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole, Role


def session_link(own: str, *, attendance_mode: AttendanceMode, meeting_link: str) -> str:
    """A session's join link: its own, else, for a session attended online, the meeting's default online link."""
    if attendance_mode is AttendanceMode.IN_PERSON:
        return own
    return own or meeting_link


def join_link(link: str, *, attendance_mode: AttendanceMode, link_public: bool, day_mode: DayMode | None,
              meeting_link: str = "") -> str:
    """The online link of a session (its own ``link``, else ``meeting_link``) as one reader may see it.

    The public (``day_mode`` None) sees it only when the organiser made it public; a
    participant also sees it on the days they attend online. A session held only in the
    room has no link to give.
    """
    link = session_link(link, attendance_mode=attendance_mode, meeting_link=meeting_link)
    if not link or attendance_mode is AttendanceMode.IN_PERSON:
        return ""
    if link_public or day_mode is DayMode.ONLINE:
        return link
    return ""


def attendee_role(roles: Collection[Role], participant_role: ParticipantRole) -> str:
    """The RFC 5545 ROLE of an invited participant in one session."""
    if any(role in roles for role in (Role.CHAIR, Role.CO_CHAIR, Role.VICE_CHAIR, Role.MODERATOR)):
        return "CHAIR"
    if not roles and participant_role in (ParticipantRole.OBSERVER, ParticipantRole.PRESS):
        return "OPT-PARTICIPANT"
    return "REQ-PARTICIPANT"
