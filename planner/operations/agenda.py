"""Putting sessions on the agenda and people into them."""
from datetime import datetime

from planner.domain.errors import InvalidInput
from planner.domain.timezones import NonexistentLocalTime, to_instant
from planner.domain.vocabulary import AttendanceMode, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.models import Meeting, Person, Room, Session, SessionRole


def add_session(
    meeting: Meeting, *, title: str, kind: SessionKind, starts: datetime, ends: datetime,
    attendance_mode: AttendanceMode, room: Room | None = None, parent: Session | None = None,
    description: str = "", thematic_area: str = "", status: SessionStatus = SessionStatus.CONFIRMED,
    online_link: str = "", online_link_public: bool = False, draft: bool = False,
) -> Session:
    """Add a session whose ``starts`` and ``ends`` are wall-clock times in the meeting's zone."""
    if not title.strip():
        raise InvalidInput("title", "A session needs a title.")
    starts_at = _instant("starts", starts, meeting)
    ends_at = _instant("ends", ends, meeting)
    if ends_at <= starts_at:
        raise InvalidInput("ends", "The end must come after the start.")
    if room is not None and room.meeting_id != meeting.id:
        raise InvalidInput("room", "Choose a room of this meeting.")
    if parent is not None and parent.meeting_id != meeting.id:
        raise InvalidInput("parent", "Choose a session of this meeting.")
    session = Session(
        meeting=meeting, title=title.strip(), kind=kind, starts_at=starts_at, ends_at=ends_at,
        attendance_mode=attendance_mode, room=room, parent=parent, description=description,
        thematic_area=thematic_area, status=status, online_link=online_link,
        online_link_public=online_link_public, draft=draft,
    )
    db.session.add(session)
    db.session.flush()
    return session


def assign_role(session: Session, person: Person, role: Role) -> SessionRole:
    """Give ``person`` a role in ``session``, after those already listed."""
    if person.meeting_id != session.meeting_id:
        raise InvalidInput("person", "Choose a person of this meeting.")
    if any(existing.person_id == person.id and existing.role == role for existing in session.roles):
        raise InvalidInput("person", f"{person.name} is already {role.label.lower()} of this session.")
    session_role = SessionRole(session=session, person=person, role=role, position=len(session.roles))
    db.session.add(session_role)
    db.session.flush()
    return session_role


def _instant(field: str, local: datetime, meeting: Meeting) -> datetime:
    if local.tzinfo is not None:
        return local
    try:
        return to_instant(local, meeting.timezone)
    except NonexistentLocalTime as error:
        raise InvalidInput(field, str(error)) from None
