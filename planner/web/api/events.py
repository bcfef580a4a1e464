"""Meetings through the API: reading them, creating and changing one, and its conflicts."""
from flask import abort, jsonify, request, url_for

from planner.database import utcnow
from planner.domain.documents import Reader
from planner.domain.errors import InvalidInput
from planner.domain.permissions import Right, holds
from planner.domain.vocabulary import MeetingFormat
from planner.operations.meetings import create_meeting, update_meeting
from planner.operations.trash import move_to_trash
from planner.queries import agenda as queries
from planner.queries.conflicts import meeting_conflicts
from planner.queries.documents import readable_documents
from planner.queries.listing import listed_directory, listed_officers, listed_rooms
from planner.queries.organise import meetings_of
from planner.web.access import administrator_or_abort, organised_meeting_or_abort
from planner.web.api import api
from planner.web.archive import export_download
from planner.web.api.auth import api_user, require_api_user
from planner.web.api.parsing import given, json_body
from planner.web.api.reading import readable_meeting_with_state_for_api, reader_zone_name
from planner.web.api.responses import expected_version, with_etag, writes
from planner.web.api.serialise import conflict_json, meeting_detail, meeting_summary
from planner.web.kept import kept_json

MEETING_FIELDS = {
    "title", "short_name", "hosts", "description", "first_day", "last_day", "timezone", "venue", "format",
    "online_link", "contact_email", "language", "published",
}


def _meeting_values(body, *, creating: bool) -> dict:
    values = given(
        title=body.text("title", required=creating, max_length=300),
        short_name=body.text("short_name", max_length=80),
        hosts=body.text("hosts", max_length=2000),
        description=body.text("description"),
        first_day=body.day("first_day", required=creating),
        last_day=body.day("last_day", required=creating),
        timezone=body.text("timezone", required=creating, max_length=64),
        venue=body.text("venue", max_length=300),
        format=body.choice("format", MeetingFormat, required=creating),
        online_link=body.text("online_link", max_length=500),
        contact_email=body.text("contact_email", max_length=254),
        language=body.text("language", max_length=16),
        published=body.boolean("published"),
    )
    body.raise_if_invalid()
    return values


def _meeting_body(meeting, zone: str, *, for_organiser: bool) -> dict:
    """The whole meeting as its reader may see it."""
    people, institutions = listed_directory(meeting, public=not for_organiser)
    rooms = listed_rooms(meeting)
    sessions = queries.agenda_sessions(meeting, public=not for_organiser, rooms=rooms)
    documents = readable_documents(meeting, Reader.ORGANISER if for_organiser else Reader.PUBLIC)
    return meeting_detail(meeting, zone, sessions, rooms, people, institutions, listed_officers(meeting), documents,
                          for_organiser=for_organiser)


def _meeting_response(meeting, status: int = 200):
    """The whole meeting after a write, with its version as the ETag."""
    location = url_for("api.event", slug=meeting.slug, _external=True)
    return with_etag(_meeting_body(meeting, reader_zone_name(meeting), for_organiser=True), meeting.version, status,
                     location if status == 201 else None)


@api.get("/events")
def events():
    if request.args.get("mine") is None:
        return jsonify({"events": [meeting_summary(meeting) for meeting in queries.published_meetings()]})
    if request.args["mine"] != "true":
        raise InvalidInput("mine", "Give mine=true, or leave it out for every published meeting.")
    user = require_api_user()
    # On whose team the caller organises: an administrator's own meetings, not every meeting they may open.
    organised = [meeting for meeting, role in meetings_of(user) if holds(Right.ORGANISE, role=role,
                                                                         administrator=False)]
    return jsonify({"events": [meeting_summary(meeting) | {"published": meeting.published} for meeting in organised]})


@api.get("/events/<slug>")
def event(slug: str):
    meeting, state, organiser = readable_meeting_with_state_for_api(slug)
    zone = reader_zone_name(meeting)
    return kept_json(meeting, state, lambda: _meeting_body(meeting, zone, for_organiser=organiser),
                     varies=(zone, organiser), version=meeting.version)



@api.post("/events")
@writes
def create_event():
    actor = administrator_or_abort(require_api_user())
    body = json_body(MEETING_FIELDS | {"slug"})
    slug = body.text("slug", required=True, max_length=80)
    values = _meeting_values(body, creating=True)
    return _meeting_response(create_meeting(slug=slug, actor=actor, **values), 201)


@api.patch("/events/<slug>")
@writes
def change_event(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    body = json_body(MEETING_FIELDS | {"version"})
    version = expected_version(body)
    current = dict(
        title=meeting.title, short_name=meeting.short_name, hosts=meeting.hosts, description=meeting.description,
        first_day=meeting.first_day, last_day=meeting.last_day, timezone=meeting.timezone, venue=meeting.venue,
        format=meeting.format, online_link=meeting.online_link, contact_email=meeting.contact_email,
        language=meeting.language, published=meeting.published,
    )
    update_meeting(meeting, actor=api_user(), based_on_version=version,
                   **{**current, **_meeting_values(body, creating=False)})
    return _meeting_response(meeting)


@api.delete("/events/<slug>")
@writes
def delete_event(slug: str):
    """As in the browser, a meeting goes to the trash, and only for a caller who says which version they delete."""
    meeting = organised_meeting_or_abort(slug, require_api_user())
    if request.headers.get("If-Match") is None:
        abort(428, description=f"Send If-Match with the meeting's ETag (\"{meeting.version}\" now) to delete it.")
    move_to_trash(meeting, actor=api_user(), now=utcnow(), based_on_version=expected_version())
    return "", 204


@api.get("/events/<slug>/conflicts")
def conflicts(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    return jsonify({"conflicts": [conflict_json(conflict, meeting) for conflict in meeting_conflicts(meeting)]})


@api.get("/events/<slug>/export")
def export(slug: str):
    """The meeting's export file (docs/EXPORT.md), for its organisers."""
    return export_download(organised_meeting_or_abort(slug, require_api_user()))
