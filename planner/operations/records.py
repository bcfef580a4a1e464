"""The one way a record is changed or deleted: version check, write, history entry."""
from collections.abc import Callable
from typing import Any

from planner.domain.changes import differences
from planner.domain.errors import InvalidInput
from planner.domain.wording import Message, _
from planner.extensions import db
from planner.models import Meeting
from planner.operations.history import Actor, ensure_current, record_change, snapshot


def created(record, *, meeting_id: int | None, actor: Actor, summary: Message, batch: str | None = None):
    """Insert ``record``; a new meeting's own creation is filed under the meeting itself."""
    db.session.add(record)
    db.session.flush()
    if isinstance(record, Meeting):
        meeting_id = record.id
    record_change(record, meeting_id=meeting_id, actor=actor, action="created", summary=summary,
                  before=None, after=snapshot(record), batch=batch)
    return record


def created_all(records: list, summaries: list[Message], *, meeting_id: int, actor: Actor) -> list:
    """Insert ``records`` together, each with its history entry: a few statements for thousands of rows
    (an import), where ``created`` one by one would cost several each."""
    db.session.add_all(records)
    db.session.flush()
    for record, summary in zip(records, summaries, strict=True):
        record_change(record, meeting_id=meeting_id, actor=actor, action="created", summary=summary,
                      before=None, after=snapshot(record))
    return records


def updated(
    record, values: dict[str, Any], *, meeting_id: int | None, actor: Actor, summary: Message,
    based_on_version: int | None = None, action: str = "updated", batch: str | None = None,
    undoes: str | None = None,
) -> list[tuple[str, Any, Any]]:
    """Apply ``values`` unless the caller's version is stale; return what changed."""
    ensure_current(record, based_on_version)
    before = snapshot(record)
    for name, value in values.items():
        setattr(record, name, value)
    db.session.flush()
    after = snapshot(record)
    changed = differences(before, after)
    if changed:
        record_change(record, meeting_id=meeting_id, actor=actor, action=action, summary=summary,
                      before=before, after=after, batch=batch, undoes=undoes)
    return changed


def reordered(ordered: list, record, target: int, *, meeting_id: int, actor: Actor, summary: Message) -> None:
    """Put ``record`` at index ``target`` of ``ordered`` (a list kept by ``position``), renumbering what moves."""
    if not 0 <= target < len(ordered):
        raise InvalidInput("position", _("It is already at that end of the list.") if abs(
            target - ordered.index(record)) == 1 else _("Give a position from 0 to %(last)d.",
                                                        last=len(ordered) - 1))
    ordered.remove(record)
    ordered.insert(target, record)
    for position, each in enumerate(ordered):
        if each.position != position:
            updated(each, {"position": position}, meeting_id=meeting_id, actor=actor, summary=summary)


def deleted(record, *, meeting_id: int | None, actor: Actor, summary: Message,
            based_on_version: int | None = None, batch: str | None = None,
            taking: Callable[[], None] | None = None) -> None:
    """Delete ``record``; ``taking`` removes (or records) what goes with it, after the record's own entry, so
    that entry heads the batch in the history."""
    ensure_current(record, based_on_version)
    record_change(record, meeting_id=meeting_id, actor=actor, action="deleted", summary=summary,
                  before=snapshot(record), after=None, batch=batch)
    if taking is not None:
        taking()
    db.session.delete(record)
    db.session.flush()


def taken_along(record, *, meeting_id: int, actor: Actor, summary: Message, batch: str, **more) -> None:
    """Record in the history what a deletion takes with it (the database deletes it by cascade), as part of
    that deletion's batch; ``more`` adds what the record's own columns do not hold (a registration's days)."""
    record_change(record, meeting_id=meeting_id, actor=actor, action="deleted", summary=summary,
                  before={**snapshot(record), **more}, after=None, batch=batch)
