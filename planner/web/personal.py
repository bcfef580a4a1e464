"""A participant's own page at a secret address: their days, their sessions, their join links and feed."""
from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext
from flask_wtf import FlaskForm
from wtforms import SelectField

from planner.domain.calendars.readers import join_link
from planner.domain.documents import Reader
from planner.domain.errors import InvalidInput
from planner.domain.programme import programme_days
from planner.domain.timezones import local_day
from planner.domain.vocabulary import DayMode
from planner.extensions import db
from planner.models import Registration
from planner.operations.registrations import change_own_attendance
from planner.queries.calendars import (
    FeedState, personal_sessions, registration_for_token, registration_with_feed_state,
)
from planner.queries.documents import readable_documents
from planner.web.access import UNKNOWN_ADDRESS
from planner.web.forms import choices, day_field
from planner.web.kept import kept_page
from planner.web.organise.responses import show_invalid
from planner.web.presenters import long_date
from planner.web.programme import options_or_400, render_programme
from planner.web.reader_zone import reader_zone

personal = Blueprint("personal", __name__)



def registration_or_404(token: str) -> Registration:
    registration = registration_for_token(token)
    if registration is None or not registration.meeting.published:
        abort(404, description=UNKNOWN_ADDRESS)
    return registration


def registration_with_state_or_404(token: str) -> tuple[Registration, FeedState]:
    """As ``registration_or_404``, with its meeting's feed state, for a page kept under it (web/kept.py)."""
    found = registration_with_feed_state(token)
    if found is None or found[0].meeting.deleted_at is not None or not found[0].meeting.published:
        abort(404, description=UNKNOWN_ADDRESS)
    return found


def _days_form(registration: Registration) -> FlaskForm:
    meeting = registration.meeting
    form_class = type("OwnDaysForm", (FlaskForm,), {
        day_field(day): SelectField(long_date(day), choices=choices(DayMode)) for day in meeting.days
    })
    return form_class(data={day_field(day): registration.mode_on(day).value for day in meeting.days})


def _visible_sessions(registration: Registration):
    # The feed keeps deleted sessions so calendars drop them; a page simply leaves them out.
    return [session for session in personal_sessions(registration) if session.deleted_at is None]


@personal.route("/my/<token>", methods=["GET", "POST"])
def page(token: str):
    registration, state = registration_with_state_or_404(token)
    meeting = registration.meeting
    form = _days_form(registration)
    if form.validate_on_submit():
        try:
            change_own_attendance(registration, {day: DayMode(getattr(form, day_field(day)).data)
                                                 for day in meeting.days})
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(gettext("Saved how you attend each day."))
            return redirect(url_for("personal.page", token=token))
    zones = reader_zone(meeting)

    def context() -> dict:
        sessions = _visible_sessions(registration)
        links = {
            session.id: join_link(session.online_link, attendance_mode=session.attendance_mode,
                                  link_public=session.online_link_public, meeting_link=meeting.online_link,
                                  day_mode=registration.mode_on(local_day(session.starts_at, meeting.timezone)))
            for session in sessions
        }
        documents = readable_documents(meeting, Reader.PARTICIPANT)
        shown = {session.id for session in sessions}
        session_documents: dict[int, list] = {}
        for document in documents:
            if document.session_id in shown:
                session_documents.setdefault(document.session_id, []).append(document)
        return dict(meeting=meeting, registration=registration, token=token, sessions=sessions, join_links=links,
                    zones=zones, documents=[document for document in documents if document.session_id is None],
                    session_documents=session_documents, any_documents=bool(documents))

    return kept_page(meeting, state, "personal/page.html", varies=(zones, registration.id, registration.version),
                     context=context, fresh=dict(form=form, meeting=meeting), status=400 if form.errors else 200,
                     shared=False)


@personal.get("/my/<token>/programme")
def programme(token: str):
    registration = registration_or_404(token)
    meeting = registration.meeting
    days = programme_days(_visible_sessions(registration), meeting.timezone, meeting.days, keep_empty_days=False)
    return render_programme(meeting, days, options_or_400())
