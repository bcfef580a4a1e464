"""Changing several sessions at once (the sessions list): one change, one history entry, all or nothing.

Every session is checked against the version the organiser saw before anything is written; a session inside
another chosen one is shifted or deleted with it rather than twice.
"""
import enum
from collections.abc import Sequence
from datetime import timedelta

from planner.domain.errors import InvalidInput
from planner.domain.intervals import shifted
from planner.models import Meeting, Room, Session, User
from planner.operations.agenda import delete_session, descendants, update_session
from planner.operations.history import ensure_current, new_batch


class BulkAction(enum.Enum):
    DELETE = "delete"
    MOVE_TO_ROOM = "room"
    SHIFT = "shift"
    MARK_DRAFT = "draft"
    MARK_PUBLIC = "public"


def change_sessions(meeting: Meeting, chosen: Sequence[tuple[Session, int | None]], action: BulkAction, *,
                    actor: User | None, room: Room | None = None, minutes: int | None = None) -> str:
    """Apply ``action`` to each chosen (session, version seen); return the history entry's summary."""
    if not chosen:
        raise InvalidInput("sessions", "Choose at least one session.")
    for session, version in chosen:
        ensure_current(session, version)
    summary = _summary(action, len(chosen), room, minutes)
    batch = new_batch()
    sessions = [session for session, _ in chosen]
    # A block's move or deletion takes what is inside it along; a room or draft flag is each session's own.
    for session in _outermost(sessions) if action in (BulkAction.DELETE, BulkAction.SHIFT) else sessions:
        try:
            _apply(session, action, actor=actor, batch=batch, summary=summary, room=room, minutes=minutes)
        except InvalidInput as error:
            raise InvalidInput("sessions", f"“{session.title}”: {error.message}") from error
    return summary


def _apply(session: Session, action: BulkAction, *, actor, batch, summary, room, minutes) -> None:
    if action is BulkAction.DELETE:
        delete_session(session, actor=actor, batch=batch, summary=summary)
    elif action is BulkAction.MOVE_TO_ROOM:
        update_session(session, actor=actor, batch=batch, summary=summary, room=room)
    elif action is BulkAction.SHIFT:
        shift = timedelta(minutes=minutes)
        update_session(session, actor=actor, batch=batch, summary=summary, starts=session.starts_at + shift,
                       ends=shifted(session.ends_at, shift))
    else:
        update_session(session, actor=actor, batch=batch, summary=summary, draft=action is BulkAction.MARK_DRAFT)


def _outermost(sessions: list[Session]) -> list[Session]:
    """The chosen sessions, less those inside another chosen one."""
    inside = {child.id for session in sessions for child in descendants(session)}
    return [session for session in sessions if session.id not in inside]


def _summary(action: BulkAction, count: int, room: Room | None, minutes: int | None) -> str:
    sessions = "1 session" if count == 1 else f"{count} sessions"
    if action is BulkAction.DELETE:
        return f"Deleted {sessions}"
    if action is BulkAction.MOVE_TO_ROOM:
        return f"Moved {sessions} to {room.name if room else 'no room'}"
    if action is BulkAction.SHIFT:
        if not minutes:
            raise InvalidInput("minutes", "Give the number of minutes to shift by, e.g. 30 or -15.")
        return f"Shifted {sessions} {'later' if minutes > 0 else 'earlier'} by {abs(minutes)} minutes"
    return f"Marked {sessions} as {'draft' if action is BulkAction.MARK_DRAFT else 'public'}"
