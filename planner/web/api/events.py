"""Meetings through the API: reading them, creating and changing one, and its conflicts."""
from flask import jsonify, url_for

from planner.domain.documents import Reader
from planner.domain.vocabulary import MeetingFormat
from planner.operations.meetings import create_meeting, update_meeting
from planner.domain.errors import InvalidInput
from planner.queries import agenda as queries
from planner.queries.conflicts import meeting_conflicts
from planner.queries.documents import readable_documents
from planner.queries.listing import listed_directory
from planner.web.access import administrator_or_abort, organised_meeting_or_abort, published_meeting_or_404
from planner.web.api import api
from planner.web.archive import export_download
from planner.web.api.auth import api_user, require_api_user
from planner.web.api.parsing import given, json_body
from planner.web.api.responses import expected_version, with_etag, writes
from planner.web.api.serialise import conflict_json, meeting_detail, meeting_summary
from planner.web.reader_zone import reader_zone

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


def _meeting_response(meeting, status: int = 200):
    location = url_for("api.event", slug=meeting.slug, _external=True)
    return with_etag(meeting_summary(meeting) | {"published": meeting.published}, meeting.version, status, location)


@api.get("/events")
def events():
    return jsonify({"events": [meeting_summary(meeting) for meeting in queries.published_meetings()]})


@api.get("/events/<slug>")
def event(slug: str):
    meeting = published_meeting_or_404(slug)
    zones = reader_zone(meeting, remembered=False)
    # A client that asked for a zone must not mistake the meeting's times for it.
    if zones.problem:
        raise InvalidInput("tz", zones.problem)
    people, institutions = listed_directory(meeting)
    sessions = queries.agenda_sessions(meeting)
    documents = readable_documents(meeting, Reader.PUBLIC)
    return jsonify(meeting_detail(meeting, zones.name, sessions, people, institutions, documents))



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


@api.get("/events/<slug>/conflicts")
def conflicts(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    return jsonify({"conflicts": [conflict_json(conflict, meeting) for conflict in meeting_conflicts(meeting)]})


@api.get("/events/<slug>/export")
def export(slug: str):
    """The meeting's export file (docs/EXPORT.md), for its organisers."""
    return export_download(organised_meeting_or_abort(slug, require_api_user()))
