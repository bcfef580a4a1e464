"""Pages for looking back over a meeting: its conflicts and its history."""
from flask import render_template

from planner.queries.conflicts import meeting_conflicts
from planner.queries.organise import meeting_history
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise


@organise.get("/events/<slug>/organise/conflicts")
def conflicts(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return render_template("organise/conflicts.html", meeting=meeting, conflicts=meeting_conflicts(meeting))


@organise.get("/events/<slug>/organise/history")
def history(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return render_template("organise/history.html", meeting=meeting, changes=meeting_history(meeting))
