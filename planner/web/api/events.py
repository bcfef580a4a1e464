"""Reading meetings through the API."""
from flask import jsonify

from planner.queries import agenda as queries
from planner.web.access import published_meeting_or_404
from planner.web.api import api
from planner.web.api.serialise import meeting_detail, meeting_summary


@api.get("/events")
def events():
    return jsonify({"events": [meeting_summary(meeting) for meeting in queries.published_meetings()]})


@api.get("/events/<slug>")
def event(slug: str):
    meeting = published_meeting_or_404(slug)
    people, institutions = queries.meeting_directory(meeting)
    sessions = queries.agenda_sessions(meeting, with_people=False)
    return jsonify(meeting_detail(meeting, sessions, people, institutions))
