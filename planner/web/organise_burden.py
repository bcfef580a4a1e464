"""The burden view for organisers: which online participants each session keeps up at night.

NOT YET PROTECTED: there are no organiser accounts yet. It shows draft sessions, unpublished
meetings and participants' names and home zones, so it must go behind organiser login
before it is deployed.
"""
from flask import Blueprint, abort, render_template

from planner.domain.burden import online_burden
from planner.queries import burden as queries
from planner.queries.agenda import find_meeting

organise_burden = Blueprint("organise_burden", __name__)


@organise_burden.get("/events/<slug>/burden")
def burden(slug: str):
    meeting = find_meeting(slug, public=False)
    if meeting is None:
        abort(404, description=f"There is no meeting at “{slug}”.")
    days = online_burden(
        queries.online_sessions(meeting), meeting.timezone, meeting.days, queries.online_participants_by_day(meeting)
    )
    return render_template("organise/burden.html", meeting=meeting, days=days)
