"""Invitations by email: to a session, a day or the whole meeting; then updates after changes.

Each send is a batch with a progress page: with Redis configured the mail worker sends it
(planner.jobs), otherwise the request does. Without an SMTP server configured, the same
messages come as calendar files to download.
"""
import io
import zipfile
from datetime import date

from flask import current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext, lazy_gettext, ngettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import SelectField, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

from planner.addresses import session_address
from planner.database import utcnow
from planner.domain.errors import InvalidInput
from planner.domain.timezones import to_local
from planner.domain.vocabulary import BatchKind, SessionStatus
from planner.extensions import db
from planner.jobs import enqueue_batch, invitation_queue
from planner.models import InvitationBatch, Meeting, Session
from planner.operations.invitation_batches import send_batch, start_batch
from planner.operations.invitations import Prepared, Scope, invitation_files, prepare_invitations, prepare_updates
from planner.operations.mail import SmtpSettings, smtp_settings
from planner.queries.agenda import agenda_sessions
from planner.queries.invitations import (
    invitable_registrations, outdated_invitations, recent_batches, sent_invitations,
)
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import show_invalid
from planner.web.presenters import label, long_date, short_date_time
from planner.web.wording import say


class InvitationForm(FlaskForm):
    scope = SelectField(lazy_gettext("Invite to"))
    recipients = SelectMultipleField(lazy_gettext("Send to"), coerce=int, widget=ListWidget(prefix_label=False),
                                     option_widget=CheckboxInput())


def _scope_choices(meeting: Meeting) -> dict[str, list[tuple[str, str]]]:
    sessions = agenda_sessions(meeting, public=False)
    return {
        gettext("Meeting"): [("meeting", ngettext("The whole meeting, %(num)d day", "The whole meeting, %(num)d days",
                                                  len(meeting.days)))],
        gettext("A day"): [(f"day:{day.isoformat()}", long_date(day)) for day in meeting.days],
        gettext("A session"): [(f"session:{s.id}", _session_label(s, meeting)) for s in sessions
                      if s.status is not SessionStatus.CANCELLED],
    }


def _session_label(session: Session, meeting: Meeting) -> str:
    draft = " " + gettext("(draft)") if session.draft else ""
    return f"{short_date_time(to_local(session.starts_at, meeting.timezone))} {session.title}{draft}"


def _scope(value: str) -> Scope:
    kind, _, detail = value.partition(":")
    if kind == "day":
        return Scope(day=date.fromisoformat(detail))
    if kind == "session":
        return Scope(session_id=int(detail))
    return Scope()


@organise.route("/events/<slug>/organise/invitations", methods=["GET", "POST"])
def invitations(slug: str):
    meeting = organised_meeting_or_abort(slug)
    registrations = invitable_registrations(meeting)
    form = InvitationForm()
    form.scope.choices = _scope_choices(meeting)
    form.recipients.choices = [
        (r.id, f"{r.person.display_name} <{r.person.email}> · {label(r.role)}") for r in registrations
    ]
    if not form.is_submitted() and request.args.get("select") == "all":  # "Select all", also without JavaScript
        form.recipients.data = [r.id for r in registrations]
    settings = smtp_settings(current_app.config)
    if form.validate_on_submit():
        chosen = [r for r in registrations if r.id in set(form.recipients.data)]
        scope = _scope(form.scope.data)
        try:
            prepared = prepare_invitations(meeting, scope, chosen, session_url=session_address,
                                           sender=settings.sender if settings else "")
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            return _deliver(meeting, prepared, settings, kind=BatchKind.INVITATIONS, scope=scope,
                            registration_ids=tuple(r.id for r in chosen))
    return render_template(
        "organise/invitations.html", meeting=meeting, form=form, update_form=ConfirmForm(), by_email=bool(settings),
        outdated=outdated_invitations(meeting), sent=sent_invitations(meeting), batches=recent_batches(meeting),
    ), 400 if form.errors or form.form_errors else 200


@organise.post("/events/<slug>/organise/invitations/updates")
def send_updates(slug: str):
    meeting = organised_meeting_or_abort(slug)
    if not ConfirmForm().validate_on_submit():
        return redirect(url_for("organise.invitations", slug=slug))
    settings = smtp_settings(current_app.config)
    try:
        prepared = prepare_updates(meeting, session_url=session_address, sender=settings.sender if settings else "")
    except InvalidInput as error:
        flash(say(error.message))
        return redirect(url_for("organise.invitations", slug=slug))
    if not prepared:
        flash(gettext("Everyone invited holds the current version of their sessions; there is no update to send."))
        return redirect(url_for("organise.invitations", slug=slug))
    return _deliver(meeting, prepared, settings, kind=BatchKind.UPDATES)


def _deliver(meeting: Meeting, prepared: list[Prepared], settings: SmtpSettings | None, *, kind: BatchKind,
             scope: Scope = Scope(), registration_ids: tuple[int, ...] = ()):
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
                         download_name=f"{meeting.slug}-{kind.value}-{now:%Y%m%d-%H%M}.zip")
    batch = start_batch(meeting, kind, total=len(prepared), actor=current_user, now=now)
    db.session.commit()
    if (queue := invitation_queue(current_app.config)) is not None:
        enqueue_batch(queue, batch, base_url=request.url_root, scope=scope, registration_ids=registration_ids)
    else:
        send_batch(batch, prepared, settings, now=now, checkpoint=db.session.commit)
    db.session.commit()
    return redirect(url_for("organise.invitation_batch", slug=meeting.slug, batch_id=batch.id))


@organise.get("/events/<slug>/organise/invitations/sent/<int:batch_id>")
def invitation_batch(slug: str, batch_id: int):
    """How far a send has got; the page reloads itself until it is finished, then names what failed."""
    meeting = organised_meeting_or_abort(slug)
    batch = record_of_meeting_or_404(InvitationBatch, meeting, batch_id)
    return render_template("organise/invitation_batch.html", meeting=meeting, batch=batch)
