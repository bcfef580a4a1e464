"""Undo my last change: the server puts back what the organiser's latest batch of session changes replaced.

It refuses, changing nothing, when anyone changed one of those sessions since: their work is not undone
behind their back.
"""
from sqlalchemy import inspect, select

from planner.database import utcnow
from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import SessionStatus
from planner.domain.wording import Message, _
from planner.extensions import db
from planner.models import Change, Meeting, Room, Session, User
from planner.operations.agenda import update_session_fields
from planner.operations.history import new_batch, typed_values
from planner.queries.undo import batch_changes, last_undoable_change

# What a session's history entry may put back; the rest is identity and bookkeeping.
KEPT = {"id", "uid", "meeting_id", "sequence", "created_at", "updated_at", "version"}


def undo_last_change(meeting: Meeting, *, actor: User) -> Message | str:
    """Undo ``actor``'s latest batch of session changes on ``meeting``; return what was undone, for the message."""
    first = last_undoable_change(meeting, actor)
    if first is None:
        raise InvalidInput("undo", _("You have no change to undo on this meeting."))
    changes = batch_changes(first.batch)
    plans = [_plan(change) for change in changes]
    undo = new_batch()
    for session, values in reversed(plans):
        update_session_fields(session, values, actor=actor, summary=_("Undid: %(change)s", change=first.summary_words),
                              batch=undo, undoes=first.batch)
    return first.summary_words


def _plan(change: Change) -> tuple[Session, dict]:
    session = db.session.get(Session, change.entity_id)
    restorable = [name for name in inspect(Session).columns.keys() if name not in KEPT]
    now = {name: getattr(session, name) for name in restorable}
    if change.after is not None and typed_values(Session, {n: change.after.get(n) for n in restorable}) != now:
        raise InvalidInput("undo", _changed_since(change, session))
    if change.before is None:  # it was added: undoing takes it off the agenda again
        return session, {"deleted_at": utcnow(), "status": SessionStatus.CANCELLED}
    values = typed_values(Session, {name: change.before.get(name) for name in restorable})
    if values["room_id"] is not None and db.session.get(Room, values["room_id"]) is None:
        raise InvalidInput("undo", _("The room “%(session)s” was in no longer exists; nothing was undone.",
                                      session=session.title))
    return session, {name: value for name, value in values.items() if now[name] != value}


def _changed_since(change: Change, session: Session) -> Message:
    latest = db.session.scalar(
        select(Change).where(Change.entity == change.entity, Change.entity_id == change.entity_id,
                             Change.id > change.id).order_by(Change.id.desc()).limit(1)
    )
    if latest is None or latest.user is None:
        return _("“%(session)s” was changed by someone since your change; nothing was undone.", session=session.title)
    return _("“%(session)s” was changed by %(who)s since your change; nothing was undone.", session=session.title,
             who=latest.user.name or latest.user.email)
