"""The timetable editor: one day as a grid of rooms and times, changed by dragging or the keyboard; undo."""
from datetime import date, datetime, time

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from planner.domain.changes import FIELD_LABELS
from planner.domain.errors import InvalidInput
from planner.domain.timetable import SNAP_MINUTES, lay_out_day
from planner.domain.timezones import day_span
from planner.extensions import db
from planner.operations.undo import undo_last_change
from planner.queries.agenda import agenda_sessions
from planner.queries.conflicts import meeting_conflicts
from planner.queries.headcounts import day_headcounts, session_headcounts
from planner.queries.undo import last_undoable_change
from planner.web.access import meeting_day_or_404, organised_meeting_or_abort
from planner.web.organise import organise
from planner.web.organise.forms import UndoForm
from planner.web.presenters import wall_clock
from planner.web.wording import say


@organise.get("/events/<slug>/organise/timetable")
def timetable_start(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return redirect(url_for("organise.timetable", slug=slug, day=meeting.first_day))


@organise.get("/events/<slug>/organise/timetable/<isodate:day>")
def timetable(slug: str, day: date):
    meeting = organised_meeting_or_abort(slug)
    meeting_day_or_404(meeting, day)
    sessions = agenda_sessions(meeting, public=False, day=day)
    rooms = meeting.rooms
    layout = lay_out_day(day, meeting.timezone, sessions, [room.id for room in rooms])
    return render_template(
        "organise/timetable.html", meeting=meeting, day=day, layout=layout, rooms={r.id: r for r in rooms},
        conflicts=meeting_conflicts(meeting), snap=SNAP_MINUTES, headcounts=session_headcounts(meeting, sessions),
        day_count=day_headcounts(meeting).get(day),
        day_start_iso=day_span(day, meeting.timezone)[0].isoformat(),
        undoable=last_undoable_change(meeting, current_user), undo_form=UndoForm(day=day.isoformat()),
        field_labels={name: say(label) for name, label in FIELD_LABELS.items()},
        # The hours down the side, written as the sessions' times are ("9:00 ص" in Arabic).
        hour_labels=[wall_clock(datetime.combine(day, time(hour % 24))) for hour in layout.hours],
    )


@organise.post("/events/<slug>/organise/undo")
def undo(slug: str):
    """Undo my last change to this meeting's sessions; the timetable asks with JSON, the plain form with a POST."""
    meeting = organised_meeting_or_abort(slug)
    form = UndoForm()
    if not form.validate_on_submit():
        abort(400, description=" ".join(str(error) for errors in form.errors.values() for error in errors))
    try:
        message, status = gettext("Undone: %(change)s.", change=say(undo_last_change(meeting, actor=current_user))), 200
        db.session.commit()
    except InvalidInput as error:
        db.session.rollback()
        message, status = say(error.message), 409
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        return jsonify({"message": message, "undone": status == 200}), status
    flash(message)
    return redirect(url_for("organise.timetable", slug=slug, day=_day_or_first(meeting, form.day.data)))


def _day_or_first(meeting, text: str | None) -> date:
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        return meeting.first_day
    return day if day in meeting.days else meeting.first_day
