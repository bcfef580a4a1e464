"""Recording every change, and refusing edits based on a version someone else has replaced."""
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Uuid, inspect, select, update

from planner.database import UTCDateTime
from planner.domain.changes import differences, jsonable
from planner.domain.errors import StaleEdit
from planner.domain.wording import Message, english
from planner.extensions import db
from planner.models import Change, Person, User

# Who made a change: an account (organiser, door staff), a participant acting on their own registration through
# their personal address or the public form, or nobody (the demo loader, a command).
Actor = User | Person | None


def snapshot(record) -> dict[str, Any]:
    """The record's column values as JSON-ready data."""
    return {attr.key: jsonable(getattr(record, attr.key)) for attr in inspect(record).mapper.column_attrs}


def typed_values(model, values: dict[str, Any]) -> dict[str, Any]:
    """A snapshot's JSON values back as the model's column types: the inverse of ``jsonable``."""
    columns = inspect(model).columns
    typed = {}
    for name, value in values.items():
        column_type = columns[name].type
        if value is not None and isinstance(column_type, UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and getattr(column_type, "enum_class", None) is not None:
            value = column_type.enum_class(value)
        elif value is not None and isinstance(column_type, Uuid):
            value = uuid.UUID(value)
        typed[name] = value
    return typed


def entity_name(record) -> str:
    return inspect(record).mapper.class_.__name__.lower()


def new_batch() -> str:
    """A key for changes made together, read and undone as one."""
    return uuid.uuid4().hex


def record_change(
    record, *, meeting_id: int | None, actor: Actor, action: str, summary: Message,
    before: dict | None, after: dict | None, batch: str | None = None, undoes: str | None = None,
) -> Change:
    if not isinstance(summary, Message):
        # Plain text would show in English on every language's history page.
        raise TypeError(f"A change's summary is a domain.wording Message, not {type(summary).__name__}.")
    change = Change(
        meeting_id=meeting_id, user_id=actor.id if isinstance(actor, User) else None,
        participant_name=actor.name if isinstance(actor, Person) else None, entity=entity_name(record),
        entity_id=inspect(record).identity[0], action=action, summary=english(summary)[:400],
        summary_message=summary.as_data(), before=before, after=after,
        batch=batch or new_batch(), undoes=undoes,
    )
    db.session.add(change)
    return change


def credit_creation(records, participant: Person) -> None:
    """Name ``participant`` as the author of ``records``' creation: someone registering themselves creates their
    own person (and institution) before there is a person to name."""
    db.session.flush()
    for record in records:
        db.session.execute(
            update(Change)
            .where(Change.entity == entity_name(record), Change.entity_id == record.id, Change.action == "created")
            .values(participant_name=participant.name)
        )


def ensure_current(record, based_on_version: int | None) -> None:
    """Refuse an edit made from an older version, showing what changed since then.

    ``None`` means the caller did not say which version it saw: the edit goes ahead.
    """
    if based_on_version is None or based_on_version == record.version:
        return
    seen = _state_at_version(record, based_on_version)
    now = snapshot(record)
    changed = differences(seen, now) if seen is not None else []
    raise StaleEdit(entity_name(record), based_on_version, record.version, changed)


def _state_at_version(record, version: int) -> dict | None:
    query = (
        select(Change)
        .where(Change.entity == entity_name(record), Change.entity_id == record.id)
        .order_by(Change.id)
    )
    for change in db.session.scalars(query):
        if change.after and change.after.get("version") == version:
            return change.after
    return None
