"""Participants: who is registered, how each attends each day, headcounts, and the CSV import."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlalchemy import select

from planner.domain.attendance_defaults import default_day_modes
from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.registration_csv import MAX_BYTES, read_participants
from planner.domain.spreadsheets import CsvProblems
from planner.domain.timezones import local_day, to_local
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Registration
from planner.operations.meetings import add_person, update_registration_settings
from planner.operations.personal_tokens import issue_personal_token, revoke_personal_token
from planner.operations.registrations import (
    delete_registration, import_participants, register_participant, update_registration,
)
from planner.queries.agenda import agenda_sessions
from planner.queries.headcounts import day_headcounts
from planner.queries.registrations import find_registration, meeting_registrations, shared_emails
from planner.domain.permissions import Right
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise
from planner.web.forms import day_field, option
from planner.web.organise.forms import ConfirmForm, ImportForm, RegistrationForm, RegistrationSettingsForm
from planner.web.organise.responses import show_invalid, stale_page
from planner.web.wording import say


def _settings_form(meeting: Meeting) -> RegistrationSettingsForm:
    def local(instant):
        return to_local(instant, meeting.timezone).replace(tzinfo=None) if instant else None

    return RegistrationSettingsForm(prefix="settings", data={
        "registration_open": meeting.registration_open, "version": str(meeting.version),
        "registration_closes_at": local(meeting.registration_closes_at),
        "attendance_changes_close_at": local(meeting.attendance_changes_close_at),
    })


@organise.get("/events/<slug>/organise/participants/")
def participants(slug: str, import_form: ImportForm | None = None, problems=None, status: int = 200):
    # Door staff read the list too; its forms are for organisers (and refused to anyone else).
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    registrations = meeting_registrations(meeting)
    return render_template(
        "organise/participants.html", meeting=meeting, registrations=registrations,
        shared_emails=shared_emails(registrations),
        headcounts=day_headcounts(meeting), import_form=import_form or ImportForm(prefix="import"),
        settings_form=_settings_form(meeting), problems=problems or [],
    ), status


@organise.post("/events/<slug>/organise/participants/import")
def import_participants_page(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = ImportForm(prefix="import")
    if not form.validate_on_submit():
        return participants(slug, import_form=form, status=400)
    try:
        rows = read_participants(form.file.data.read(MAX_BYTES + 1), meeting.days)
        imported = import_participants(meeting, rows, actor=current_user)
    except CsvProblems as error:
        db.session.rollback()
        return participants(slug, import_form=form, problems=error.problems, status=400)
    db.session.commit()
    flash(ngettext("Imported %(num)d participant.", "Imported %(num)d participants.", len(imported)))
    return redirect(url_for("organise.participants", slug=slug))


@organise.post("/events/<slug>/organise/participants/settings")
def registration_settings(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = RegistrationSettingsForm(prefix="settings")
    if form.validate_on_submit():
        try:
            update_registration_settings(
                meeting, registration_open=form.registration_open.data,
                registration_closes_at=form.registration_closes_at.data,
                attendance_changes_close_at=form.attendance_changes_close_at.data,
                actor=current_user, based_on_version=form.based_on_version,
            )
        except (InvalidInput, StaleEdit) as error:
            db.session.rollback()
            flash(gettext("Not saved: %(error)s", error=_named_refusal(form, error) if isinstance(error, InvalidInput)
                          else error))
            return participants(slug, status=409 if isinstance(error, StaleEdit) else 400)
        db.session.commit()
        flash(gettext("Saved the registration settings."))
        return redirect(url_for("organise.participants", slug=slug))
    flash(gettext("Not saved: %(error)s", error="; ".join(f"{form[name].label.text}: {' '.join(map(str, errors))}"
                                                       for name, errors in form.errors.items())))
    return participants(slug, status=400)


def _named_refusal(form, error: InvalidInput) -> str:
    """An operation's refusal naming the field as the form labels it: "Registration closes: Give a day …"."""
    named = form[error.field].label.text if error.field in form else error.field
    return f"{named}: {say(error.message)}"


def _registration_form(meeting: Meeting, registration: Registration | None = None, **kwargs) -> RegistrationForm:
    if registration is not None:
        data = {"role": registration.role.value, "home_timezone": registration.home_timezone,
                "language": registration.language or "", "version": str(registration.version),
                **{day_field(day): registration.mode_on(day).value for day in meeting.days}}
        kwargs.setdefault("data", data)
    else:
        busy = {local_day(s.starts_at, meeting.timezone) for s in agenda_sessions(meeting, public=False)}
        kwargs.setdefault("data", {day_field(day): mode.value for day, mode in
                                   default_day_modes(meeting.days, busy, meeting.format).items()})
    form = RegistrationForm.with_days(meeting.days, **kwargs)
    people = db.session.scalars(select(Person).where(Person.meeting_id == meeting.id).order_by(Person.name))
    form.person.choices = [option("", gettext("— a new person —"))] + [option(str(p.id), p.display_name) for p in people]
    institutions = db.session.scalars(
        select(Institution).where(Institution.meeting_id == meeting.id).order_by(Institution.name)
    )
    form.institution.choices = [option("", gettext("— none —"))] + [option(str(i.id), i.display_name) for i in institutions]
    return form


def _days(form: RegistrationForm, meeting: Meeting) -> dict:
    return {day: DayMode(getattr(form, day_field(day)).data) for day in meeting.days}


@organise.route("/events/<slug>/organise/participants/new", methods=["GET", "POST"])
def new_registration(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = _registration_form(meeting)
    if form.validate_on_submit():
        try:
            person = _chosen_or_new_person(form, meeting)
            register_participant(meeting, person, role=ParticipantRole(form.role.data), days=_days(form, meeting),
                                 home_timezone=form.home_timezone.data, language=form.language.data,
                                 actor=current_user)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(gettext("Registered %(name)s.", name=person.display_name))
            return redirect(url_for("organise.participants", slug=slug))
    return render_template("organise/registration_form.html", meeting=meeting, form=form,
                           registration=None), 400 if form.errors else 200


def _chosen_or_new_person(form: RegistrationForm, meeting: Meeting) -> Person:
    if form.person.data:
        return db.session.get(Person, int(form.person.data))
    institution = db.session.get(Institution, int(form.institution.data)) if form.institution.data else None
    return add_person(meeting, name=form.name.data, honorific=form.honorific.data, position=form.position.data,
                      institution=institution, email=form.email.data, actor=current_user)


@organise.route("/events/<slug>/organise/participants/<int:registration_id>/edit", methods=["GET", "POST"])
def edit_registration(slug: str, registration_id: int):
    meeting = organised_meeting_or_abort(slug)
    registration = _registration_or_404(meeting, registration_id)
    form = _registration_form(meeting, registration)
    for field in ("person", "honorific", "name", "position", "institution", "email"):
        delattr(form, field)
    if form.validate_on_submit():
        try:
            update_registration(registration, role=ParticipantRole(form.role.data), days=_days(form, meeting),
                                home_timezone=form.home_timezone.data, language=form.language.data,
                                actor=current_user,
                                based_on_version=form.based_on_version)
        except InvalidInput as error:
            show_invalid(form, error)
        except StaleEdit as error:
            return stale_page("organise/registration_form.html", form, error, meeting=meeting,
                              registration=registration)
        else:
            db.session.commit()
            flash(gettext("Saved the registration of %(name)s.", name=registration.person.display_name))
            return redirect(url_for("organise.participants", slug=slug))
    return render_template("organise/registration_form.html", meeting=meeting, form=form,
                           registration=registration), 400 if form.errors else 200


@organise.route("/events/<slug>/organise/participants/<int:registration_id>/delete", methods=["GET", "POST"])
def delete_registration_page(slug: str, registration_id: int):
    meeting = organised_meeting_or_abort(slug)
    registration = _registration_or_404(meeting, registration_id)
    form = ConfirmForm(data={"version": str(registration.version)})
    name = registration.person.display_name
    if form.validate_on_submit():
        try:
            delete_registration(registration, actor=current_user, based_on_version=form.based_on_version)
        except StaleEdit:
            db.session.rollback()
            flash(gettext("Someone changed the registration of %(name)s meanwhile; check it before removing it.", name=name))
            return redirect(url_for("organise.delete_registration_page", slug=slug, registration_id=registration_id))
        db.session.commit()
        flash(gettext("Removed the registration of %(name)s; %(name)s stays among the meeting's people.", name=name))
        return redirect(url_for("organise.participants", slug=slug))
    return render_template("organise/confirm_delete.html", meeting=meeting, form=form,
                           what=gettext("the registration of %(name)s", name=name),
                           affected=[gettext("%(name)s stays among the meeting's people and keeps any roles in sessions",
                                             name=name)],
                           consequence=None, cancel_url=url_for("organise.participants", slug=slug))


def _registration_or_404(meeting: Meeting, registration_id: int) -> Registration:
    registration = find_registration(meeting, registration_id)
    if registration is None:
        abort(404, description=gettext("This meeting has no such registration."))
    return registration


@organise.post("/events/<slug>/organise/participants/<int:registration_id>/personal-address/<any(issue, revoke):action>")
def personal_address(slug: str, registration_id: int, action: str):
    """Issue a participant's secret address (shown once: only its hash is kept), or revoke it."""
    meeting = organised_meeting_or_abort(slug)
    registration = _registration_or_404(meeting, registration_id)
    if not ConfirmForm().validate_on_submit():
        abort(400, description=gettext("The form was not sent from this site (its CSRF token is missing)."))
    name = registration.person.display_name
    if action == "issue":
        token = issue_personal_token(registration, actor=current_user)
        db.session.commit()
        flash(gettext("The personal address of %(name)s (copy it now, it is not shown again; any earlier one no "
                      "longer works): %(address)s", name=name, address=url_for("personal.page", token=token,
                                                                             _external=True)))
    else:
        revoke_personal_token(registration, actor=current_user)
        db.session.commit()
        flash(gettext("The personal address of %(name)s no longer works.", name=name))
    return redirect(url_for("organise.participants", slug=slug))
