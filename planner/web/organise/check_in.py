"""The check-in desk: staff at the door find a participant by name and tick them in, one day at a time."""
from datetime import date

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from planner.domain.names import matches_search
from planner.extensions import db
from planner.models import Meeting, Registration
from planner.operations.presence import check_in, undo_check_in
from planner.domain.badges import code_in
from planner.domain.check_in import DoorLine, door_counts
from planner.queries.presence import door_list
from planner.domain.permissions import Right
from planner.web.access import meeting_day_or_404, organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.organise import organise
from planner.web.organise.badges import MAX_SCANNED_LENGTH, desk_day
from planner.web.organise.attendance_forms import CHECK_IN, MAX_QUERY_LENGTH, TickForm
from planner.web.presenters import clock


@organise.get("/events/<slug>/organise/check-in")
def check_in_start(slug: str):
    """Today's desk while the meeting is on, else its first day's."""
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    return redirect(url_for("organise.check_in_desk", slug=slug, day=desk_day(meeting)))


@organise.get("/events/<slug>/organise/check-in/<isodate:day>")
def check_in_desk(slug: str, day: date):
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    meeting_day_or_404(meeting, day)
    query = request.args.get("q", "").strip()
    code = code_in(query) if len(query) <= MAX_SCANNED_LENGTH else None
    if code:
        # A handheld scanner types the badge's address into the search box, and presses Enter.
        return redirect(url_for("organise.scanned_badge", slug=slug, code=code))
    if len(query) > MAX_QUERY_LENGTH:
        abort(400, description=gettext("A search is at most %(num)d characters.", num=MAX_QUERY_LENGTH))
    person = request.args.get("person", "")
    lines = door_list(meeting, day)
    # Everyone is on the page, those not matching hidden: without JavaScript the search still works,
    # with it, typing filters the whole list. A scanned badge shows its person alone.
    scanned = next((line for line in lines if str(line.registration_id) == person), None)
    shown = ({scanned.registration_id} if scanned else
             {line.registration_id for line in lines if matches_search(query, line.search_text)})
    return render_template("organise/check_in.html", meeting=meeting, day=day, lines=lines, shown=shown,
                           query=query, counts=door_counts(lines), form=TickForm(), scanned=scanned)


@organise.post("/events/<slug>/organise/check-in/<isodate:day>/<int:registration_id>")
def tick(slug: str, day: date, registration_id: int):
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    meeting_day_or_404(meeting, day)
    registration = record_of_meeting_or_404(Registration, meeting, registration_id)
    form = TickForm()
    if not form.validate_on_submit():
        abort(400, description=" ".join(error for errors in form.errors.values() for error in errors))
    try:
        if form.step.data == CHECK_IN:
            check_in(registration, day, actor=current_user)
        else:
            undo_check_in(registration, day, actor=current_user)
        db.session.commit()
    except IntegrityError:
        # Someone else at the door checked the same person in at the same moment: theirs stands.
        db.session.rollback()
    lines = door_list(meeting, day)
    line = next(line for line in lines if line.registration_id == registration_id)
    if request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json":
        return jsonify(_line_json(line, meeting, door_counts(lines)))
    flash(_said(line, meeting))
    return redirect(url_for("organise.check_in_desk", slug=slug, day=day, q=form.q.data or None,
                            _anchor=f"r{registration_id}"))


def _said(line: DoorLine, meeting: Meeting) -> str:
    if line.checked_in:
        return gettext("%(name)s is checked in (%(time)s).", name=line.name,
                       time=clock(line.checked_in_at, meeting.timezone))
    return gettext("%(name)s is not checked in.", name=line.name)


def _line_json(line: DoorLine, meeting: Meeting, counts) -> dict:
    return {
        "registration_id": line.registration_id,
        "checked_in": line.checked_in,
        "checked_in_at": clock(line.checked_in_at, meeting.timezone) if line.checked_in else None,
        "checked_in_by": line.checked_in_by,
        "message": _said(line, meeting),
        "counts": {"checked_in": counts.checked_in, "expected": counts.expected, "unexpected": counts.unexpected},
    }
