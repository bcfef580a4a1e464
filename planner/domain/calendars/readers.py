"""Who may read what in a calendar file, and in what part an invited person takes part."""
from collections.abc import Collection

from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole, Role


def join_link(link: str, *, attendance_mode: AttendanceMode, link_public: bool, day_mode: DayMode | None) -> str:
    """The online link of a session as one reader may see it.

    The public (``day_mode`` None) sees it only when the organiser made it public; a
    participant also sees it on the days they attend online. A session held only in the
    room has no link to give.
    """
    if not link or attendance_mode is AttendanceMode.IN_PERSON:
        return ""
    if link_public or day_mode is DayMode.ONLINE:
        return link
    return ""


def attendee_role(roles: Collection[Role], participant_role: ParticipantRole) -> str:
    """The RFC 5545 ROLE of an invited participant in one session."""
    if Role.CHAIR in roles or Role.MODERATOR in roles:
        return "CHAIR"
    if not roles and participant_role in (ParticipantRole.OBSERVER, ParticipantRole.PRESS):
        return "OPT-PARTICIPANT"
    return "REQ-PARTICIPANT"
