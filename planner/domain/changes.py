"""What a change to a record amounts to: the fields that differ, and whether participants would notice; and a
record's values as JSON (its history's snapshots, a meeting's export)."""
import enum
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from planner.domain.wording import _

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


# A record as a sentence names it, where an edit of it is refused as stale ("Someone else changed this role").
THIS_ENTITY = {
    "meeting": _("this meeting"), "session": _("this session"), "room": _("this room"),
    "institution": _("this institution"), "person": _("this person"), "registration": _("this registration"),
    "document": _("this document"), "badge": _("this badge"), "user": _("this account"),
    "sessionrole": _("this role"), "meetingofficer": _("this officer of the meeting"),
    "dayattendance": _("this day's attendance"), "documentversion": _("this language version"),
    "documentrevision": _("this revision"), "teammember": _("this team member"),
    "teaminvitation": _("this team invitation"), "checkin": _("this check-in"),
    "onlinereport": _("this online attendance report"), "apitoken": _("this API token"),
    "printsettings": _("these print settings"),
}


def this_entity(entity: str) -> str:
    """The record as a sentence names it: "this role", "these print settings"."""
    return THIS_ENTITY.get(entity) or f"this {entity}"


# What organisers call the fields, where a change is shown to them (the stale-edit notice, the history).
FIELD_LABELS = {
    "title": _("Title"), "kind": _("Kind"), "starts_at": _("Starts"), "ends_at": _("Ends"), "room_id": _("Room"),
    "parent_id": _("Inside"), "attendance_mode": _("Attendance"), "online_link": _("Online link"),
    "online_link_public": _("Online link shown to the public"), "description": _("Description"),
    "thematic_area": _("Thematic area"), "status": _("Status"), "draft": _("Draft"), "deleted_at": _("Deleted"),
    "short_name": _("Short name"), "hosts": _("Hosts"), "first_day": _("First day"), "last_day": _("Last day"),
    "timezone": _("Time zone"), "venue": _("Venue"), "format": _("Format"), "contact_email": _("Contact email"),
    "published": _("Published"), "name": _("Name"), "capacity": _("Seats"), "online_only": _("Online only"),
    "acronym": _("Acronym"), "country": _("Country"), "honorific": _("Honorific"), "position": _("Position"),
    "institution_id": _("Institution"), "email": _("Email"), "person_id": _("Person"), "registration_id": _("Registration"),
    "role": _("Role"), "home_timezone": _("Home time zone"), "slug": _("Web address (slug)"),
    "address": _("Address"), "uid": _("Calendar UID"), "language": _("Language"), "day": _("Day"),
    "mode": _("How they attend"), "on_behalf_of": _("On behalf of"), "session_id": _("Session"),
    "registration_open": _("Registration open"), "registration_closes_at": _("Registration closes"),
    "attendance_changes_close_at": _("Attendance changes close"), "visibility": _("Who may read it"),
    "document_id": _("Document"), "document_version_id": _("Language version"), "filename": _("File name"),
    "link": _("Link"), "number": _("Number"), "stored_file_id": _("Stored file"), "uploaded_at": _("Uploaded"),
    "family_names_in_capitals": _("Family names in capitals"), "list_published": _("List of participants published"),
    "public_roles": _("Roles on the published list"), "role_colours": _("Badge band colours"),
    "expires_at": _("Expires"), "added_at": _("Added"), "user_id": _("Account"),
    "checked_in_at": _("Checked in"), "checked_in_by_id": _("Checked in by"), "deleted_by_id": _("Deleted by"),
    "content_sha256": _("File fingerprint (SHA-256)"), "rows_in_file": _("Rows in the file"),
    "duplicate_rows": _("Rows repeated in the file"), "imported_at": _("Imported"), "imported_by_id": _("Imported by"),
    "invited_by_id": _("Invited by"), "withdrawn_at": _("Withdrawn"), "uploaded_by_id": _("Uploaded by"),
    "sent_at": _("Sent"), "sent_by_id": _("Sent by"), "issue": _("Issue"), "printed_at": _("Printed"),
    "printed_face": _("Printed face"), "revoked_at": _("Revoked"),
    "personal_token_hash": _("Personal address (fingerprint)"),
    "personal_token_issued_at": _("Personal address issued"),
}


def jsonable(value):
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value
