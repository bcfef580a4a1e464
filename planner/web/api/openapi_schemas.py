"""The JSON Schemas of the API's records, bodies and errors, for its OpenAPI description (openapi.py).

Each fixed choice is read from planner.domain.vocabulary, so a new kind of session is described the
day it exists. Answers forbid fields they do not list (``additionalProperties: false``): the
contract test (tests/integration/test_api_contract.py) then fails when a view starts sending a field
nobody documented, and the request bodies forbid unknown fields exactly as the views do.
"""
import enum
from typing import Any

from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.domain.languages import INTERFACE_LANGUAGES
from planner.domain.vocabulary import (
    AttendanceMode, DayMode, InstitutionKind, MeetingFormat, OfficerRole, ParticipantRole, Role, SessionKind,
    SessionStatus,
)
from planner.web.api.parsing import DAY_PATTERN, MOMENT_PATTERN
from planner.web.converters import RecordIdConverter

LARGEST_ID = RecordIdConverter.LARGEST


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def choice(vocabulary: type[enum.Enum]) -> dict:
    return {"type": "string", "enum": [member.value for member in vocabulary]}


def text(max_length: int | None = None, **extra) -> dict:
    return {"type": "string", **({"maxLength": max_length} if max_length else {}), **extra}


def nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]}


def record(properties: dict[str, dict], *, optional: tuple[str, ...] = ()) -> dict:
    """An answer: every listed field is sent (but ``optional`` ones), and no other."""
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": [name for name in properties if name not in optional]}


def body(properties: dict[str, dict], *, required: tuple[str, ...] = (), example: dict | None = None) -> dict:
    """A request body: the fields a view knows, ``required`` ones when creating; anything else is refused."""
    schema = {"type": "object", "additionalProperties": False, "properties": properties}
    if required:
        schema["required"] = list(required)
    if example:
        schema["examples"] = [example]
    return schema


ID = {"type": "integer", "minimum": 1, "maximum": LARGEST_ID}
REFERENCE = nullable({"type": "integer", "minimum": 0, "maximum": LARGEST_ID})
DAY = {"type": "string", "format": "date"}
INSTANT = {"type": "string", "format": "date-time"}
LINK = {"type": "string", "format": "uri"}
VERSION = {"type": "integer", "minimum": 1, "maximum": LARGEST_ID,
           "description": "The version this change is based on (or send If-Match)."}

INTERFACE_LANGUAGE = {"type": "string", "enum": list(INTERFACE_LANGUAGES),
                      "description": "The language of its pages for readers whose browser asks for none of these."}
MEETING_SUMMARY = {
    "slug": text(), "title": text(), "short_name": text(), "first_day": DAY, "last_day": DAY, "timezone": text(),
    "venue": text(), "format": choice(MeetingFormat), "language": INTERFACE_LANGUAGE, "url": LINK, "api_url": LINK,
}
PERSON = {"id": ID, "honorific": text(), "name": text(), "position": text(), "institution_id": nullable(ID),
          "version": ID}
SESSION = {
    "id": ID, "uid": {"type": "string", "format": "uuid"}, "title": text(), "kind": choice(SessionKind),
    "starts_at": INSTANT, "ends_at": nullable(INSTANT), "timezone": text(), "reader_timezone": text(),
    "room_id": nullable(ID),
    "parent_id": nullable(ID), "attendance_mode": choice(AttendanceMode), "online_link": nullable(text()),
    "status": choice(SessionStatus), "thematic_area": text(), "description": text(),
    "roles": {"type": "array", "items": record({"id": ID, "role": choice(Role), "person_id": ID,
                                                 "position": {"type": "integer", "minimum": 0},
                                                 "on_behalf_of": text()})},
    "url": LINK, "version": ID, "documents": {"type": "array", "items": ref("Document")},
}
ORGANISER_MEETING_EXTRAS = {"published": {"type": "boolean"}, "online_link": text()}
ORGANISER_SESSION_EXTRAS = {"online_link_public": {"type": "boolean"}, "draft": {"type": "boolean"},
                            "sequence": {"type": "integer", "minimum": 0}}
DOCUMENT = {
    "id": ID, "title": text(), "kind": choice(DocumentKind), "visibility": choice(DocumentVisibility),
    "session_id": nullable(ID), "position": {"type": "integer", "minimum": 0},
    "languages": {"type": "array", "items": record({
        "language": text(description="A BCP 47 tag: en, fr, ko, zh-Hans."),
        "name": text(description="The language named in itself: English, Français, 한국어."),
        "url": {**LINK, "description": "Its stable address: the current revision's file, or a redirect to its link."},
        "link": nullable(LINK), "filename": nullable(text()), "content_type": nullable(text()),
        "size": nullable({"type": "integer", "minimum": 0}), "sha256": nullable(text(64)),
        "revision": {"type": "integer", "minimum": 1}, "updated_at": INSTANT,
    })},
    "version": ID,
}
DOCUMENT_CONTENT = {
    "language": text(35, description="A BCP 47 tag: en, fr, ko, zh-Hans."),
    "file": {"type": "string", "format": "binary", "description": "The file: PDF, Word, Excel, PowerPoint, "
             "OpenDocument, plain text, PNG, JPEG or WebP, decided by its content; at most 50 MB."},
    "link": text(2000, description="Instead of a file: the web address the document is at."),
}
REGISTRATION_PERSON = {"name": text(200), "honorific": text(20), "position": text(300),
                       "institution_id": REFERENCE, "email": text(254)}
DAY_MODES = {"type": "object", "propertyNames": {"pattern": DAY_PATTERN}, "additionalProperties": choice(DayMode),
             "description": "Each day of the meeting (YYYY-MM-DD) and how the person attends it."}
HEADCOUNT = {"type": "integer", "minimum": 0}

MEETING_FIELDS = {
    "title": text(300), "short_name": text(80), "hosts": text(2000), "description": text(20000),
    "first_day": text(10, pattern=DAY_PATTERN), "last_day": text(10, pattern=DAY_PATTERN), "timezone": text(64),
    "venue": text(300), "format": choice(MeetingFormat), "online_link": text(500), "contact_email": text(254),
    "language": INTERFACE_LANGUAGE, "published": {"type": "boolean"},
}
SESSION_FIELDS = {
    "title": text(300), "kind": choice(SessionKind), "starts_at": text(40, pattern=MOMENT_PATTERN),
    "ends_at": nullable(text(40, pattern=MOMENT_PATTERN)), "room_id": REFERENCE, "parent_id": REFERENCE,
    "attendance_mode": choice(AttendanceMode), "status": choice(SessionStatus), "thematic_area": text(200),
    "description": text(20000), "online_link": text(500), "online_link_public": {"type": "boolean"},
    "draft": {"type": "boolean"},
}
OFFICER_FIELDS = {"person_id": ID, "role": choice(OfficerRole),
                  "position": {"type": "integer", "minimum": 0, "maximum": LARGEST_ID,
                               "description": "The officer's place in the bureau, 0 first."}}
ROOM_FIELDS = {"name": text(200), "capacity": nullable({"type": "integer", "minimum": 0, "maximum": LARGEST_ID}),
               "online_only": {"type": "boolean"}, "venue": text(300), "address": text(500)}
INSTITUTION_FIELDS = {"name": text(300), "kind": choice(InstitutionKind), "acronym": text(40), "country": text(100)}
PERSON_FIELDS = {"name": text(200), "honorific": text(20), "position": text(300), "institution_id": REFERENCE,
                 "email": text(254)}
LANGUAGE = {"type": ["string", "null"], "enum": [*INTERFACE_LANGUAGES, None],
            "description": "The language Planner writes to the participant in; null: the meeting's."}
REGISTRATION_FIELDS = {"role": choice(ParticipantRole), "home_timezone": text(64), "language": LANGUAGE,
                       "days": DAY_MODES}

ERROR = {
    "type": "object", "required": ["error"], "additionalProperties": False,
    "properties": {"error": {
        "type": "object", "required": ["status", "title", "message"], "additionalProperties": False,
        "properties": {
            "status": {"type": "integer", "minimum": 400, "maximum": 499}, "title": text(), "message": text(),
            "field": {"type": "string", "description": "The parameter that is wrong (400)."},
            "fields": {"type": "object", "additionalProperties": {"type": "string"},
                       "description": "What is wrong with each field (422)."},
            "current_version": ID,
            "changes": {"type": "array", "items": record({"field": text(), "then": {}, "now": {}})},
        },
    }},
}


def schemas() -> dict[str, Any]:
    """The document's ``components.schemas``."""
    return {
        "Error": ERROR,
        "MeetingSummary": record(MEETING_SUMMARY),
        "MeetingList": record({"events": {"type": "array", "items": record(
            {**MEETING_SUMMARY, "published": {"type": "boolean"}}, optional=("published",))}}),
        "Meeting": record({
            **MEETING_SUMMARY, "reader_timezone": text(), "hosts": text(), "description": text(),
            "contact_email": text(), "days": {"type": "array", "items": DAY},
            "officers": {"type": "array", "items": ref("Officer")},
            "rooms": {"type": "array", "items": ref("Room")},
            "institutions": {"type": "array", "items": ref("Institution")},
            "people": {"type": "array", "items": ref("Person")},
            "documents": {"type": "array", "items": ref("Document")},
            "sessions": {"type": "array", "items": ref("SessionForReader")},
            "version": ID, **ORGANISER_MEETING_EXTRAS,
        }, optional=tuple(ORGANISER_MEETING_EXTRAS)),
        "Officer": record({"id": ID, "role": choice(OfficerRole), "person_id": ID,
                           "position": {"type": "integer", "minimum": 0}, "version": ID}),
        "Officers": record({"officers": {"type": "array", "items": ref("Officer")}}),
        "Rooms": record({"rooms": {"type": "array", "items": ref("Room")}}),
        "Institutions": record({"institutions": {"type": "array", "items": ref("Institution")}}),
        "People": record({"people": {"type": "array", "items": record({**PERSON, "email": text()},
                                                                       optional=("email",))}}),
        "Sessions": record({"sessions": {"type": "array", "items": ref("SessionForReader")}}),
        "Room": record({"id": ID, "name": text(), "capacity": nullable({"type": "integer", "minimum": 0}),
                        "online_only": {"type": "boolean"}, "venue": text(), "address": text(), "version": ID}),
        "Institution": record({"id": ID, "name": text(), "acronym": text(), "kind": choice(InstitutionKind),
                               "country": text(), "version": ID}),
        "Person": record(PERSON),
        "PersonWithEmail": record({**PERSON, "email": text()}),
        "Session": record(SESSION, optional=("documents",)),
        "SessionForReader": record({**SESSION, **ORGANISER_SESSION_EXTRAS},
                                   optional=(*ORGANISER_SESSION_EXTRAS, "documents")),
        "OrganisedSession": record({**SESSION, **ORGANISER_SESSION_EXTRAS}, optional=("documents",)),
        "Document": record(DOCUMENT),
        "Documents": record({"documents": {"type": "array", "items": ref("Document")}}),
        "NewDocument": body({**DOCUMENT_CONTENT, "title": text(300), "kind": choice(DocumentKind),
                             "visibility": choice(DocumentVisibility)},
                            required=("kind", "visibility", "language")),
        "NewVersion": body(DOCUMENT_CONTENT, required=("language",)),
        "Conflicts": record({"conflicts": {"type": "array", "items": record({
            "kind": text(), "message": text(), "session_ids": {"type": "array", "items": ID},
            "person_id": nullable(ID), "room_id": nullable(ID), "sessions": {"type": "array", "items": LINK},
        })}}),
        "Registration": record({
            "id": ID, "person_id": ID,
            "person": record({"name": text(), "honorific": text(), "position": text(), "institution_id": nullable(ID),
                              "email": text()}),
            "role": choice(ParticipantRole), "home_timezone": text(), "language": LANGUAGE, "days": DAY_MODES,
            "version": ID,
        }),
        "Registrations": record({"registrations": {"type": "array", "items": ref("Registration")}}),
        "Headcounts": record({
            "days": {"type": "array", "items": record({"day": DAY, "in_room": HEADCOUNT, "online": HEADCOUNT})},
            "sessions": {"type": "array", "items": record({
                "id": ID, "in_room": HEADCOUNT, "online": HEADCOUNT,
                "room_capacity": nullable({"type": "integer", "minimum": 0}),
            })},
        }),
        "NewMeeting": body({"slug": text(80), **MEETING_FIELDS},
                           required=("slug", "title", "first_day", "last_day", "timezone", "format"), example={
                               "slug": "border-2022", "title": "Regional workshop on border security",
                               "first_day": "2022-03-21", "last_day": "2022-03-23", "timezone": "Europe/Zurich",
                               "format": "in_person"}),
        "MeetingChange": body({**MEETING_FIELDS, "version": VERSION},
                              example={"venue": "Seoul, Republic of Korea", "published": True}),
        "NewSession": body(SESSION_FIELDS, required=("title", "kind", "starts_at", "ends_at", "attendance_mode"),
                           example={"title": "Opening session", "kind": "opening",
                                    "starts_at": "2021-10-18T09:30:00+09:00", "ends_at": "2021-10-18T10:00",
                                    "attendance_mode": "hybrid", "room_id": 1}),
        "SessionChange": body({**SESSION_FIELDS, "version": VERSION},
                              example={"starts_at": "2021-10-18T10:00", "ends_at": "2021-10-18T11:00", "version": 1}),
        "NewRole": body({"person_id": ID, "role": choice(Role), "on_behalf_of": text(300)},
                        required=("person_id", "role"),
                        example={"person_id": 1, "role": "speaker", "on_behalf_of": "UNMAS and UNDP"}),
        "RoleChange": body({"on_behalf_of": text(300), "version": VERSION}, required=("on_behalf_of",),
                           example={"on_behalf_of": "UNMAS and UNDP"}),
        "NewOfficer": body(OFFICER_FIELDS, required=("person_id", "role"),
                           example={"person_id": 1, "role": "co_chair"}),
        "OfficerChange": body({**OFFICER_FIELDS, "version": VERSION}, example={"position": 0}),
        "NewRoom": body(ROOM_FIELDS, required=("name",), example={"name": "Conference Room 2", "capacity": 40}),
        "RoomChange": body({**ROOM_FIELDS, "version": VERSION}, example={"capacity": None}),
        "NewInstitution": body(INSTITUTION_FIELDS, required=("name", "kind"), example={
            "name": "Korea Customs Service", "kind": "government", "acronym": "KCS", "country": "Republic of Korea"}),
        "InstitutionChange": body({**INSTITUTION_FIELDS, "version": VERSION}, example={"acronym": "KCS"}),
        "NewPerson": body(PERSON_FIELDS, required=("name",), example={
            "name": "Chang Wook-jin", "honorific": "Mr", "position": "Director-General", "institution_id": 1,
            "email": "chang@example.org"}),
        "PersonChange": body({**PERSON_FIELDS, "version": VERSION}, example={"position": "Ambassador"}),
        "NewRegistration": {
            **body({"person_id": REFERENCE, "person": body(REGISTRATION_PERSON, required=("name",)),
                    **REGISTRATION_FIELDS}, required=("role",), example={
                        "role": "delegate", "person": {"name": "Lee Ji-eun", "institution_id": 1},
                        "home_timezone": "Asia/Seoul", "language": "ko",
                        "days": {"2021-10-18": "in_room", "2021-10-19": "online"}}),
            "description": "Give person_id of someone in the meeting, or person to add them.",
        },
        "RegistrationChange": body({**REGISTRATION_FIELDS, "version": VERSION},
                                   example={"days": {"2021-10-20": "absent"}}),
    }
