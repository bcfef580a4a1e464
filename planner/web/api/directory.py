"""A meeting's rooms, institutions, people and bureau through the API: one pattern, four kinds."""
from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, url_for

from planner.domain.vocabulary import InstitutionKind, OfficerRole
from planner.extensions import db
from planner.models import Institution, MeetingOfficer, Person, Room
from planner.operations import meetings as operations
from planner.operations import officers
from planner.queries.listing import listed_directory, listed_officers
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.api import api
from planner.web.api.auth import api_user, require_api_user
from planner.web.api.parsing import MISSING, Body, given, json_body
from planner.web.api.reading import readable_meeting_with_state_for_api
from planner.web.api.responses import expected_version, with_etag, writes
from planner.web.api.serialise import institution_json, officer_json, person_json, room_json
from planner.web.kept import kept_json


def _institution_reference(body: Body, meeting):
    value = body.integer("institution_id", nullable=True)
    if value is MISSING or value is None:
        return value
    institution = next((i for i in meeting.institutions if i.id == value), None)
    if institution is None:
        body.errors["institution_id"] = f"No institution {value} in this meeting."
        return MISSING
    return institution


@dataclass(frozen=True)
class Kind:
    model: type
    add: Callable
    update: Callable
    delete: Callable
    to_json: Callable
    read: Callable  # (body, meeting, creating) -> operation keyword arguments
    fields: frozenset[str]
    current: Callable  # record -> operation keyword arguments as they stand


KINDS = {
    "rooms": Kind(
        Room, operations.add_room, operations.update_room, operations.delete_room, room_json,
        read=lambda body, meeting, creating: given(
            name=body.text("name", required=creating, max_length=200),
            capacity=body.integer("capacity", nullable=True, minimum=0),
            online_only=body.boolean("online_only"),
            venue=body.text("venue", max_length=300),
            address=body.text("address", max_length=500),
        ),
        fields=frozenset({"name", "capacity", "online_only", "venue", "address"}),
        current=lambda room: dict(name=room.name, capacity=room.capacity, online_only=room.online_only,
                                  venue=room.venue, address=room.address),
    ),
    "institutions": Kind(
        Institution, operations.add_institution, operations.update_institution, operations.delete_institution,
        institution_json,
        read=lambda body, meeting, creating: given(
            name=body.text("name", required=creating, max_length=300),
            kind=body.choice("kind", InstitutionKind, required=creating),
            acronym=body.text("acronym", max_length=40),
            country=body.text("country", max_length=100),
        ),
        fields=frozenset({"name", "kind", "acronym", "country"}),
        current=lambda i: dict(name=i.name, kind=i.kind, acronym=i.acronym, country=i.country),
    ),
    "people": Kind(
        Person, operations.add_person, operations.update_person, operations.delete_person,
        lambda person: person_json(person, for_organiser=True),
        read=lambda body, meeting, creating: given(
            name=body.text("name", required=creating, max_length=200),
            honorific=body.text("honorific", max_length=20),
            position=body.text("position", max_length=300),
            institution=_institution_reference(body, meeting),
            email=body.text("email", max_length=254),
        ),
        fields=frozenset({"name", "honorific", "position", "institution_id", "email"}),
        current=lambda p: dict(name=p.name, honorific=p.honorific, position=p.position, institution=p.institution,
                               email=p.email),
    ),
    "officers": Kind(
        MeetingOfficer, officers.add_officer, officers.update_officer, officers.remove_officer,
        lambda officer: officer_json(officer, officer.meeting.officers.index(officer)),
        read=lambda body, meeting, creating: given(
            person=_person_reference(body, meeting, creating),
            role=body.choice("role", OfficerRole, required=creating),
            position=body.integer("position", minimum=0),
        ),
        fields=frozenset({"person_id", "role", "position"}),
        current=lambda officer: dict(person=officer.person, role=officer.role),
    ),
}
DIRECTORY_KINDS = "any(rooms, institutions, people, officers)"


def _person_reference(body: Body, meeting, required: bool):
    value = body.integer("person_id", required=required)
    if value is MISSING:
        return value
    person = db.session.get(Person, value)
    if person is None or person.meeting_id != meeting.id:
        body.errors["person_id"] = f"No person {value} in this meeting."
        return MISSING
    return person


def _listed(kind: str, meeting, organiser: bool) -> list[dict]:
    """A kind's records as the reader may see them: the public sees the people and institutions the agenda shows."""
    if kind == "rooms":
        return [room_json(room) for room in meeting.rooms]
    if kind == "officers":
        return [officer_json(officer, index) for index, officer in enumerate(listed_officers(meeting))]
    people, institutions = listed_directory(meeting, public=not organiser)
    if kind == "institutions":
        return [institution_json(institution) for institution in institutions]
    return [person_json(person, for_organiser=organiser) for person in people]


def _kind_or_404(kind: str) -> Kind:
    if kind not in KINDS:
        abort(404, description=f"There is nothing called “{kind}” here.")
    return KINDS[kind]


def _respond(slug: str, kind: str, record, status: int = 200):
    location = url_for("api.directory_record", slug=slug, kind=kind, record_id=record.id, _external=True)
    return with_etag(KINDS[kind].to_json(record), record.version, status, location)


@api.get(f"/events/<slug>/<{DIRECTORY_KINDS}:kind>")
def directory_records(slug: str, kind: str):
    meeting, state, organiser = readable_meeting_with_state_for_api(slug)
    return kept_json(meeting, state, lambda: {kind: _listed(kind, meeting, organiser)}, varies=(kind, organiser))


@api.get(f"/events/<slug>/<{DIRECTORY_KINDS}:kind>/<int:record_id>")
def directory_record(slug: str, kind: str, record_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    return _respond(slug, kind, record_of_meeting_or_404(_kind_or_404(kind).model, meeting, record_id))


@api.post(f"/events/<slug>/<{DIRECTORY_KINDS}:kind>")
@writes
def create_directory_record(slug: str, kind: str):
    spec = _kind_or_404(kind)
    meeting = organised_meeting_or_abort(slug, require_api_user())
    body = json_body(set(spec.fields))
    values = spec.read(body, meeting, True)
    body.raise_if_invalid()
    return _respond(slug, kind, spec.add(meeting, actor=api_user(), **values), 201)


@api.patch(f"/events/<slug>/<{DIRECTORY_KINDS}:kind>/<int:record_id>")
@writes
def change_directory_record(slug: str, kind: str, record_id: int):
    spec = _kind_or_404(kind)
    meeting = organised_meeting_or_abort(slug, require_api_user())
    record = record_of_meeting_or_404(spec.model, meeting, record_id)
    body = json_body(set(spec.fields) | {"version"})
    version = expected_version(body)
    values = spec.read(body, meeting, False)
    body.raise_if_invalid()
    spec.update(record, actor=api_user(), based_on_version=version, **{**spec.current(record), **values})
    return _respond(slug, kind, record)


@api.delete(f"/events/<slug>/<{DIRECTORY_KINDS}:kind>/<int:record_id>")
@writes
def delete_directory_record(slug: str, kind: str, record_id: int):
    spec = _kind_or_404(kind)
    meeting = organised_meeting_or_abort(slug, require_api_user())
    record = record_of_meeting_or_404(spec.model, meeting, record_id)
    spec.delete(record, actor=api_user(), based_on_version=expected_version())
    return "", 204
