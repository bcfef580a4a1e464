"""The timetable editor: one day as a grid of rooms and times, changed by dragging."""
from datetime import date

from flask import abort, redirect, render_template, url_for

from planner.domain.timetable import SNAP_MINUTES, lay_out_day
from planner.domain.timezones import day_span
from planner.queries.agenda import agenda_sessions
from planner.queries.conflicts import meeting_conflicts
from planner.queries.headcounts import day_headcounts, session_headcounts
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise


@organise.get("/events/<slug>/organise/timetable")
def timetable_start(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return redirect(url_for("organise.timetable", slug=slug, day=meeting.first_day))


@organise.get("/events/<slug>/organise/timetable/<isodate:day>")
def timetable(slug: str, day: date):
    meeting = organised_meeting_or_abort(slug)
    if day not in meeting.days:
        abort(404, description=f"{day:%d %B %Y} is not a day of this meeting.")
    sessions = agenda_sessions(meeting, public=False, day=day)
    rooms = meeting.rooms
    layout = lay_out_day(day, meeting.timezone, sessions, [room.id for room in rooms])
    return render_template(
        "organise/timetable.html", meeting=meeting, day=day, layout=layout, rooms={r.id: r for r in rooms},
        conflicts=meeting_conflicts(meeting), snap=SNAP_MINUTES, headcounts=session_headcounts(meeting, sessions),
        day_count=day_headcounts(meeting).get(day),
        day_start_iso=day_span(day, meeting.timezone)[0].isoformat(),
    )
