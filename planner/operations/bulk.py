"""Changing several sessions at once (the sessions list): one change, one history entry, all or nothing.

Every session is checked against the version the organiser saw before anything is written; a session inside
another chosen one is shifted or deleted with it rather than twice.
"""
import enum
from collections.abc import Sequence
from datetime import timedelta

from planner.domain.errors import InvalidInput
from planner.domain.intervals import shifted
from planner.domain.wording import Message, _, ngettext
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
                    actor: User | None, room: Room | None = None, minutes: int | None = None) -> Message:
    """Apply ``action`` to each chosen (session, version seen); return the history entry's summary."""
    if not chosen:
        raise InvalidInput("sessions", _("Choose at least one session."))
    for session, version in chosen:
        ensure_current(session, version)
    summary = _summary(action, len(chosen), room, minutes)
    batch = new_batch()
    sessions = [session for session, _version in chosen]
    # A block's move or deletion takes what is inside it along; a room or draft flag is each session's own.
    for session in _outermost(sessions) if action in (BulkAction.DELETE, BulkAction.SHIFT) else sessions:
        try:
            _apply(session, action, actor=actor, batch=batch, summary=summary, room=room, minutes=minutes)
        except InvalidInput as error:
            raise InvalidInput("sessions", _("“%(title)s”: %(problem)s", title=session.title,
                                             problem=error.message)) from error
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


def _summary(action: BulkAction, count: int, room: Room | None, minutes: int | None) -> Message:
    if action is BulkAction.DELETE:
        return ngettext("Deleted %(num)d session", "Deleted %(num)d sessions", count)
    if action is BulkAction.MOVE_TO_ROOM:
        if room is None:
            return ngettext("Moved %(num)d session to no room", "Moved %(num)d sessions to no room", count)
        return ngettext("Moved %(num)d session to %(room)s", "Moved %(num)d sessions to %(room)s", count,
                        room=room.name)
    if action is BulkAction.SHIFT:
        if not minutes:
            raise InvalidInput("minutes", _("Give the number of minutes to shift by, e.g. 30 or -15."))
        by = ngettext("%(num)d minute", "%(num)d minutes", abs(minutes))
        if minutes > 0:
            return ngettext("Shifted %(num)d session later by %(by)s", "Shifted %(num)d sessions later by %(by)s",
                            count, by=by)
        return ngettext("Shifted %(num)d session earlier by %(by)s", "Shifted %(num)d sessions earlier by %(by)s",
                        count, by=by)
    if action is BulkAction.MARK_DRAFT:
        return ngettext("Marked %(num)d session as draft", "Marked %(num)d sessions as draft", count)
    return ngettext("Marked %(num)d session as public", "Marked %(num)d sessions as public", count)
