"""Invitations by email: to a session, a day or the whole meeting; then updates after changes.

Without an SMTP server configured, the same messages come as calendar files to download.
"""
import io
import zipfile
from datetime import date

from flask import current_app, flash, redirect, render_template, send_file, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from planner.database import utcnow
from planner.domain.errors import InvalidInput
from planner.domain.timezones import to_local
from planner.domain.vocabulary import SessionStatus
from planner.extensions import db
from planner.models import Meeting, Session
from planner.operations.invitations import (
    Prepared, Scope, invitation_files, prepare_invitations, prepare_updates, send_by_email,
)
from planner.operations.mail import SmtpSettings
from planner.queries.agenda import agenda_sessions
from planner.queries.invitations import invitable_registrations, outdated_invitations, sent_invitations
from planner.web.access import organised_meeting_or_abort
from planner.web.calendars import session_page_url
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import show_invalid
from planner.web.presenters import long_date


class InvitationForm(FlaskForm):
    scope = SelectField("Invite to")
    recipients = SelectMultipleField("Send to", coerce=int, widget=ListWidget(prefix_label=False),
                                     option_widget=CheckboxInput())


def smtp_settings() -> SmtpSettings | None:
    """The mail server from the configuration (PLANNER_SMTP_*); none when no host is set."""
    config = current_app.config
    if not config.get("SMTP_HOST"):
        return None
    # The environment's values arrive parsed as JSON where they can be: a numeric password is a number.
    return SmtpSettings(host=str(config["SMTP_HOST"]), port=int(config.get("SMTP_PORT") or 25),
                        username=str(config.get("SMTP_USERNAME") or ""),
                        password=str(config.get("SMTP_PASSWORD") or ""),
                        use_tls=bool(config.get("SMTP_USE_TLS")), sender=str(config.get("SMTP_FROM") or ""))


def _scope_choices(meeting: Meeting) -> dict[str, list[tuple[str, str]]]:
    sessions = agenda_sessions(meeting, public=False)
    return {
        "Meeting": [("meeting", f"The whole meeting, {len(meeting.days)} days")],
        "A day": [(f"day:{day.isoformat()}", long_date(day)) for day in meeting.days],
        "A session": [(f"session:{s.id}", _session_label(s, meeting)) for s in sessions
                      if s.status is not SessionStatus.CANCELLED],
    }


def _session_label(session: Session, meeting: Meeting) -> str:
    draft = " (draft)" if session.draft else ""
    return f"{to_local(session.starts_at, meeting.timezone):%a %d %b %H:%M} {session.title}{draft}"


def _scope(value: str) -> Scope:
    kind, _, detail = value.partition(":")
    if kind == "day":
        return Scope(day=date.fromisoformat(detail))
    if kind == "session":
        return Scope(session_id=int(detail))
    return Scope()


def _session_url(session: Session) -> str:
    return session_page_url(session.meeting, session)


@organise.route("/events/<slug>/organise/invitations", methods=["GET", "POST"])
def invitations(slug: str):
    meeting = organised_meeting_or_abort(slug)
    registrations = invitable_registrations(meeting)
    form = InvitationForm()
    form.scope.choices = _scope_choices(meeting)
    form.recipients.choices = [
        (r.id, f"{r.person.display_name} <{r.person.email}> · {r.role.label}") for r in registrations
    ]
    settings = smtp_settings()
    if form.validate_on_submit():
        chosen = [r for r in registrations if r.id in set(form.recipients.data)]
        try:
            prepared = prepare_invitations(meeting, _scope(form.scope.data), chosen, session_url=_session_url,
                                           sender=settings.sender if settings else "")
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            return _deliver(meeting, prepared, settings, what="invitation")
    return render_template(
        "organise/invitations.html", meeting=meeting, form=form, update_form=ConfirmForm(), by_email=bool(settings),
        outdated=outdated_invitations(meeting), sent=sent_invitations(meeting),
    ), 400 if form.errors or form.form_errors else 200


@organise.post("/events/<slug>/organise/invitations/updates")
def send_updates(slug: str):
    meeting = organised_meeting_or_abort(slug)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("organise.invitations", slug=slug))
    settings = smtp_settings()
    try:
        prepared = prepare_updates(meeting, session_url=_session_url, sender=settings.sender if settings else "")
    except InvalidInput as error:
        flash(error.message)
        return redirect(url_for("organise.invitations", slug=slug))
    if not prepared:
        flash("Everyone invited holds the current version of their sessions; there is no update to send.")
        return redirect(url_for("organise.invitations", slug=slug))
    return _deliver(meeting, prepared, settings, what="update")


def _deliver(meeting: Meeting, prepared: list[Prepared], settings: SmtpSettings | None, *, what: str):
    now = utcnow()
    if settings is None:
        files = invitation_files(prepared, actor=current_user, now=now)
        db.session.commit()
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
            for name, data in files:
                bundle.writestr(name, data)
        archive.seek(0)
        return send_file(archive, mimetype="application/zip", as_attachment=True,
                         download_name=f"{meeting.slug}-{what}s-{now:%Y%m%d-%H%M}.zip")
    delivery = send_by_email(prepared, settings, actor=current_user, now=now)
    db.session.commit()
    people = len({item.registration.id for item in prepared})
    if delivery.error:
        flash(f"Sent {delivery.sent} of {len(prepared)} messages, then sending failed ({delivery.error}). "
              f"Nothing after that went out; try again once the mail server answers.")
    else:
        flash(f"Sent {len(prepared)} {what}{'s' if len(prepared) != 1 else ''} to {people} "
              f"{'person' if people == 1 else 'people'}.")
    return redirect(url_for("organise.invitations", slug=meeting.slug))
