"""Reading meetings through the API."""
from flask import jsonify

from planner.domain.errors import InvalidInput
from planner.queries import agenda as queries
from planner.web.access import published_meeting_or_404
from planner.web.api import api
from planner.web.api.serialise import meeting_detail, meeting_summary
from planner.web.reader_zone import reader_zone


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
    people, institutions = queries.meeting_directory(meeting)
    sessions = queries.agenda_sessions(meeting, with_people=False)
    return jsonify(meeting_detail(meeting, zones.name, sessions, people, institutions))
