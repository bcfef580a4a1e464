"""The burden view: which online participants each session keeps up at night, on their home clocks."""
from flask import render_template

from planner.domain.burden import online_burden
from planner.queries import burden as queries
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise


@organise.get("/events/<slug>/organise/burden")
def burden(slug: str):
    meeting = organised_meeting_or_abort(slug)
    days = online_burden(
        queries.online_sessions(meeting), meeting.timezone, meeting.days, queries.online_participants_by_day(meeting)
    )
    return render_template("organise/burden.html", meeting=meeting, days=days)
