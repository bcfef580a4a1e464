"""Writing sessions and the people in them through the API."""
from flask import abort, url_for

from planner.domain.vocabulary import AttendanceMode, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.models import Person, Room, Session, SessionRole
from planner.operations.agenda import (
    add_session, assign_role, delete_session, remove_role, update_role, update_session,
)
from planner.queries.agenda import agenda_sessions, find_session
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.api import api
from planner.web.api.auth import api_user, require_api_user
from planner.web.api.parsing import MISSING, given, json_body
from planner.web.api.reading import readable_meeting_for_api, readable_meeting_with_state_for_api, reader_zone_name
from planner.web.api.responses import expected_version, with_etag, writes
from planner.web.api.serialise import session_json
from planner.web.kept import kept_json

SESSION_FIELDS = {
    "title", "kind", "starts_at", "ends_at", "room_id", "parent_id", "attendance_mode", "status", "thematic_area",
    "description", "online_link", "online_link_public", "draft",
}


def _reference(body, name, model, meeting):
    """A ``*_id`` field naming a record of this meeting, or null."""
    value = body.integer(name, nullable=True)
    if value is MISSING or value is None:
        return value
    record = db.session.get(model, value)
    if record is None or record.meeting_id != meeting.id or getattr(record, "deleted_at", None) is not None:
        body.errors[name] = f"No {model.__name__.lower()} {value} in this meeting."
        return MISSING
    return record


def _session_values(body, meeting, *, creating: bool) -> dict:
    values = given(
        title=body.text("title", required=creating, max_length=300),
        kind=body.choice("kind", SessionKind, required=creating),
        starts=body.moment("starts_at", required=creating),
        ends=body.moment("ends_at", required=creating, nullable=True),
        room=_reference(body, "room_id", Room, meeting),
        parent=_reference(body, "parent_id", Session, meeting),
        attendance_mode=body.choice("attendance_mode", AttendanceMode, required=creating),
        status=body.choice("status", SessionStatus),
        thematic_area=body.text("thematic_area", max_length=200),
        description=body.text("description"),
        online_link=body.text("online_link", max_length=500),
        online_link_public=body.boolean("online_link_public"),
        draft=body.boolean("draft"),
    )
    body.raise_if_invalid()
    return values


def _session_response(meeting, session_id: int, status: int = 200):
    session = find_session(meeting, session_id, public=False)
    location = url_for("api.session", slug=meeting.slug, session_id=session.id, _external=True)
    return with_etag(session_json(session, meeting, for_organiser=True), session.version, status, location)


@api.get("/events/<slug>/sessions")
def sessions(slug: str):
    meeting, state, organiser = readable_meeting_with_state_for_api(slug)
    zone = reader_zone_name(meeting)
    return kept_json(meeting, state, lambda: {"sessions": [
        session_json(found, meeting, zone, for_organiser=organiser)
        for found in agenda_sessions(meeting, public=not organiser)]}, varies=(zone, organiser))


@api.get("/events/<slug>/sessions/<int:session_id>")
def session(slug: str, session_id: int):
    meeting, organiser = readable_meeting_for_api(slug)
    found = find_session(meeting, session_id, public=not organiser)
    if found is None:
        abort(404, description="This meeting has no such session.")
    return with_etag(session_json(found, meeting, for_organiser=organiser), found.version)


@api.post("/events/<slug>/sessions")
@writes
def create_session(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    body = json_body(SESSION_FIELDS)
    created = add_session(meeting, actor=api_user(), **_session_values(body, meeting, creating=True))
    return _session_response(meeting, created.id, 201)


@api.patch("/events/<slug>/sessions/<int:session_id>")
@writes
def change_session(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = record_of_meeting_or_404(Session, meeting, session_id)
    body = json_body(SESSION_FIELDS | {"version"})
    version = expected_version(body)
    update_session(found, actor=api_user(), based_on_version=version,
                   **_session_values(body, meeting, creating=False))
    return _session_response(meeting, found.id)


@api.delete("/events/<slug>/sessions/<int:session_id>")
@writes
def remove_session(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = record_of_meeting_or_404(Session, meeting, session_id)
    delete_session(found, actor=api_user(), based_on_version=expected_version())
    return "", 204


@api.post("/events/<slug>/sessions/<int:session_id>/roles")
@writes
def create_role(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = record_of_meeting_or_404(Session, meeting, session_id)
    body = json_body({"person_id", "role", "on_behalf_of"})
    person = _reference(body, "person_id", Person, meeting)
    role = body.choice("role", Role, required=True)
    on_behalf_of = body.text("on_behalf_of", max_length=300)
    if person is None or person is MISSING:
        body.errors.setdefault("person_id", "Choose a person of this meeting.")
    body.raise_if_invalid()
    assign_role(found, person, role, actor=api_user(), **given(on_behalf_of=on_behalf_of))
    return _session_response(meeting, found.id, 201)


def _role_of_session_or_404(slug: str, session_id: int, role_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = record_of_meeting_or_404(Session, meeting, session_id)
    session_role = db.session.get(SessionRole, role_id)
    if session_role is None or session_role.session_id != found.id:
        abort(404, description="This session has no such role.")
    return meeting, session_role


@api.patch("/events/<slug>/sessions/<int:session_id>/roles/<int:role_id>")
@writes
def change_role(slug: str, session_id: int, role_id: int):
    meeting, session_role = _role_of_session_or_404(slug, session_id, role_id)
    body = json_body({"on_behalf_of", "version"})
    version = expected_version(body)
    on_behalf_of = body.text("on_behalf_of", required=True, max_length=300)
    body.raise_if_invalid()
    update_role(session_role, on_behalf_of=on_behalf_of, actor=api_user(), based_on_version=version)
    return _session_response(meeting, session_id)


@api.delete("/events/<slug>/sessions/<int:session_id>/roles/<int:role_id>")
@writes
def delete_role(slug: str, session_id: int, role_id: int):
    _, session_role = _role_of_session_or_404(slug, session_id, role_id)
    remove_role(session_role, actor=api_user(), based_on_version=expected_version())
    return "", 204
