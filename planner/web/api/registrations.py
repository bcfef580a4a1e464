"""Registrations and headcounts through the API, under the same rules as the organisers' pages."""
from flask import abort, jsonify, url_for

from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.models import Institution, Person, Registration
from planner.operations.meetings import add_person
from planner.operations.registrations import delete_registration, register_participant, update_registration
from planner.queries.agenda import agenda_sessions
from planner.queries.headcounts import day_headcounts, session_headcounts
from planner.queries.registrations import find_registration, meeting_registrations
from planner.web.access import organised_meeting_or_abort
from planner.web.api import api
from planner.web.api.auth import api_user, require_api_user
from planner.web.api.parsing import MISSING, given, json_body
from planner.web.api.responses import expected_version, with_etag, writes

REGISTRATION_FIELDS = {"person_id", "person", "role", "home_timezone", "language", "days"}
PERSON_FIELDS = {"name", "honorific", "position", "institution_id", "email"}


def registration_json(registration: Registration) -> dict:
    person = registration.person
    return {
        "id": registration.id,
        "person_id": person.id,
        "person": {"name": person.name, "honorific": person.honorific, "position": person.position,
                   "institution_id": person.institution_id, "email": person.email},
        "role": registration.role.value,
        "home_timezone": registration.home_timezone,
        "language": registration.language,
        "days": {attendance.day.isoformat(): attendance.mode.value for attendance in registration.days},
        "version": registration.version,
    }


def _language(body):
    """The participant's language (``fr``, ``zh-Hans``), or null for the meeting's; checked by the operations."""
    if body.has("language") and body.data["language"] is None:
        return None
    return body.text("language", max_length=16)


def _respond(meeting, registration_id: int, status: int = 200):
    registration = find_registration(meeting, registration_id)
    location = url_for("api.registration", slug=meeting.slug, registration_id=registration.id, _external=True)
    return with_etag(registration_json(registration), registration.version, status, location)


def _registration_or_404(meeting, registration_id: int) -> Registration:
    registration = find_registration(meeting, registration_id)
    if registration is None:
        abort(404, description="This meeting has no such registration.")
    return registration


@api.get("/events/<slug>/registrations")
def registrations(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    return jsonify({"registrations": [registration_json(r) for r in meeting_registrations(meeting)]})


@api.get("/events/<slug>/registrations/<int:registration_id>")
def registration(slug: str, registration_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = _registration_or_404(meeting, registration_id)
    return with_etag(registration_json(found), found.version)


def _new_person(body, meeting):
    """The person to register: ``person_id`` of someone in the meeting, or a new ``person``."""
    person_id = body.integer("person_id", nullable=True)
    details = body.object("person")
    if person_id not in (MISSING, None):
        person = db.session.get(Person, person_id)
        if person is None or person.meeting_id != meeting.id:
            body.errors["person_id"] = f"No person {person_id} in this meeting."
        return person
    if details is MISSING:
        body.errors["person"] = "Give person_id, or a person object with at least a name."
        return None
    unknown = set(details) - PERSON_FIELDS
    for name in sorted(unknown):
        body.errors[f"person.{name}"[:80]] = "This field is not known here."
    institution = None
    if details.get("institution_id") is not None:
        value = details["institution_id"]
        # Only a number the database can hold is looked up (a larger one fails the query: a 500).
        institution = db.session.get(Institution, value) \
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) <= 2**31 - 1 else None
        if institution is None or institution.meeting_id != meeting.id:
            body.errors["person.institution_id"] = "No such institution in this meeting."
    texts = {name: details.get(name, "") for name in ("name", "honorific", "position", "email")}
    for name, value in texts.items():
        if not isinstance(value, str):
            body.errors[f"person.{name}"] = "Give a string."
    body.raise_if_invalid()
    return add_person(meeting, institution=institution, actor=api_user(), **texts)


@api.post("/events/<slug>/registrations")
@writes
def create_registration(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    body = json_body(REGISTRATION_FIELDS)
    role = body.choice("role", ParticipantRole, required=True)
    zone = body.text("home_timezone", max_length=64)
    language = _language(body)
    days = body.day_modes("days", DayMode)
    body.raise_if_invalid()
    person = _new_person(body, meeting)
    body.raise_if_invalid()
    created = register_participant(meeting, person, role=role, days={} if days is MISSING else days,
                                   home_timezone="" if zone is MISSING else zone,
                                   language=None if language is MISSING else language, actor=api_user())
    return _respond(meeting, created.id, 201)


@api.patch("/events/<slug>/registrations/<int:registration_id>")
@writes
def change_registration(slug: str, registration_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = _registration_or_404(meeting, registration_id)
    body = json_body({"role", "home_timezone", "language", "days", "version"})
    version = expected_version(body)
    values = given(role=body.choice("role", ParticipantRole), home_timezone=body.text("home_timezone", max_length=64),
                   language=_language(body), days=body.day_modes("days", DayMode))
    body.raise_if_invalid()
    update_registration(found, actor=api_user(), based_on_version=version,
                        **{"role": found.role, "home_timezone": found.home_timezone, "days": {}, **values})
    return _respond(meeting, found.id)


@api.delete("/events/<slug>/registrations/<int:registration_id>")
@writes
def remove_registration(slug: str, registration_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    delete_registration(_registration_or_404(meeting, registration_id), actor=api_user(),
                        based_on_version=expected_version())
    return "", 204


@api.get("/events/<slug>/headcounts")
def headcounts(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    sessions = agenda_sessions(meeting, public=False)
    rooms = {room.id: room for room in meeting.rooms}
    days = day_headcounts(meeting)
    by_session = session_headcounts(meeting, sessions, days)
    return jsonify({
        "days": [{"day": day.isoformat(), "in_room": days[day].in_room if day in days else 0,
                  "online": days[day].online if day in days else 0} for day in meeting.days],
        "sessions": [
            {"id": s.id, "in_room": by_session[s.id].in_room, "online": by_session[s.id].online,
             "room_capacity": rooms[s.room_id].capacity if s.room_id in rooms else None}
            for s in sessions
        ],
    })
