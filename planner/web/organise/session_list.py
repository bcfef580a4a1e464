"""The sessions list: every session of a meeting, filtered by day, room, kind and status; several changed at once."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user

from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.timezones import local_day
from planner.extensions import db
from planner.models import Meeting, Room, Session
from planner.operations.bulk import BulkAction, change_sessions
from planner.queries.agenda import agenda_sessions
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.forms import option
from planner.web.organise import organise
from planner.web.organise.forms import BulkSessionsForm, SessionFilterForm
from planner.web.presenters import short_date
from planner.web.wording import say

NO_ROOM = "none"
FILTERS = ("day", "room", "kind", "status")


def _filter_form(meeting: Meeting) -> SessionFilterForm:
    form = SessionFilterForm(request.args)
    form.day.choices = [option("", gettext("Every day"))] + [option(day.isoformat(), short_date(day)) for day in meeting.days]
    form.room.choices = [option("", gettext("Any room")), option(NO_ROOM, gettext("No room"))] + [
        option(str(room.id), room.name) for room in meeting.rooms]
    return form


def _shown(meeting: Meeting, form: SessionFilterForm) -> list:
    sessions = agenda_sessions(meeting, public=False)
    wanted = {name: getattr(form, name).data for name in FILTERS if not getattr(form, name).errors}
    return [
        s for s in sessions
        if (not wanted.get("day") or local_day(s.starts_at, meeting.timezone).isoformat() == wanted["day"])
        and (not wanted.get("room") or str(s.room_id or NO_ROOM) == wanted["room"])
        and (not wanted.get("kind") or s.kind.value == wanted["kind"])
        and (not wanted.get("status") or s.status.value == wanted["status"])
    ]


def _bulk_form(meeting: Meeting) -> BulkSessionsForm:
    form = BulkSessionsForm()
    form.to_room.choices = [option(NO_ROOM, gettext("— no room —"))] + [option(str(room.id), room.name) for room in meeting.rooms]
    return form


@organise.get("/events/<slug>/organise/sessions/")
def session_list(slug: str):
    meeting = organised_meeting_or_abort(slug)
    filters = _filter_form(meeting)
    filters.validate()
    return render_template("organise/session_list.html", meeting=meeting, filters=filters,
                           sessions=_shown(meeting, filters), bulk=_bulk_form(meeting),
                           rooms={room.id: room for room in meeting.rooms})


@organise.post("/events/<slug>/organise/sessions/bulk")
def bulk_sessions(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = _bulk_form(meeting)
    back = url_for("organise.session_list", slug=slug,
                   **{name: request.form[name] for name in FILTERS if request.form.get(name)})
    if not form.validate_on_submit():
        flash(" ".join(str(error) for errors in form.errors.values() for error in errors))
        return redirect(back)
    try:
        chosen = [_chosen(meeting, value) for value in request.form.getlist("session")]
        room = None if form.to_room.data == NO_ROOM else record_of_meeting_or_404(Room, meeting,
                                                                                   int(form.to_room.data))
        summary = change_sessions(meeting, chosen, BulkAction(form.action.data), actor=current_user, room=room,
                                  minutes=form.minutes.data)
    except InvalidInput as error:
        db.session.rollback()
        flash(gettext("Nothing was changed: %(reason)s", reason=say(error.message)))
    except StaleEdit:
        db.session.rollback()
        flash(gettext("Nothing was changed: someone changed one of these sessions meanwhile. The list now shows "
                      "them as they are; choose again."))
    else:
        db.session.commit()
        flash(gettext("%(summary)s.", summary=say(summary)))
    return redirect(back)


def _chosen(meeting: Meeting, value: str) -> tuple[Session, int]:
    """A ticked box's value, ``id:version``: the session, and the version the organiser saw."""
    session_id, _, version = value.partition(":")
    # Nine digits at most: a longer number is no session, and PostgreSQL would refuse to compare it.
    if not (session_id.isdigit() and version.isdigit()) or max(len(session_id), len(version)) > 9:
        raise InvalidInput("sessions", gettext("A chosen session was not understood; reload the list and choose again."))
    return record_of_meeting_or_404(Session, meeting, int(session_id)), int(version)
