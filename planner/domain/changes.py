"""What a change to a record amounts to: the fields that differ, and whether participants would notice; and a
record's values as JSON (its history's snapshots, a meeting's export)."""
import enum
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

# What a participant sees in their calendar; a change to any of these must reach it (SEQUENCE rises).
NOTICEABLE_SESSION_FIELDS = frozenset({"starts_at", "ends_at", "room_id", "title", "status", "online_link"})

# Bookkeeping that changes with every write and tells a reader nothing.
BOOKKEEPING_FIELDS = frozenset({"version", "updated_at", "created_at", "sequence"})


def differences(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field, before, after) for every field whose value differs, in a stable order."""
    fields = sorted((set(before) | set(after)) - BOOKKEEPING_FIELDS)
    return [(name, before.get(name), after.get(name)) for name in fields if before.get(name) != after.get(name)]


def is_noticeable_session_change(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    return any(name in NOTICEABLE_SESSION_FIELDS for name, _, _ in differences(before, after))


# What people call the records whose names are not already words, where an edit of one is refused as stale.
ENTITY_LABELS = {
    "sessionrole": "role", "meetingofficer": "officer of the meeting", "dayattendance": "day's attendance",
    "documentversion": "language version", "documentrevision": "revision", "teammember": "team member",
    "teaminvitation": "team invitation", "checkin": "check-in", "onlinereport": "online attendance report",
    "apitoken": "API token",
}
# Records named in the plural.
PLURAL_ENTITIES = {"printsettings": "print settings"}


def this_entity(entity: str) -> str:
    """The record as a sentence names it: "this role", "these print settings"."""
    if entity in PLURAL_ENTITIES:
        return f"these {PLURAL_ENTITIES[entity]}"
    return f"this {ENTITY_LABELS.get(entity, entity)}"


# What organisers call the fields, where a change is shown to them (the stale-edit notice, the history).
FIELD_LABELS = {
    "title": "Title", "kind": "Kind", "starts_at": "Starts", "ends_at": "Ends", "room_id": "Room",
    "parent_id": "Inside", "attendance_mode": "Attendance", "online_link": "Online link",
    "online_link_public": "Online link shown to the public", "description": "Description",
    "thematic_area": "Thematic area", "status": "Status", "draft": "Draft", "deleted_at": "Deleted",
    "short_name": "Short name", "hosts": "Hosts", "first_day": "First day", "last_day": "Last day",
    "timezone": "Time zone", "venue": "Venue", "format": "Format", "contact_email": "Contact email",
    "published": "Published", "name": "Name", "capacity": "Seats", "online_only": "Online only",
    "acronym": "Acronym", "country": "Country", "honorific": "Honorific", "position": "Position",
    "institution_id": "Institution", "email": "Email", "person_id": "Person", "registration_id": "Registration",
    "role": "Role", "home_timezone": "Home time zone", "slug": "Web address (slug)",
}


def jsonable(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value
