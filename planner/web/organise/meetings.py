"""Organisers' meetings: the dashboard, creating, editing and deleting a meeting."""
from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _, ngettext
from flask_login import current_user

from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.vocabulary import MeetingFormat
from planner.extensions import db
from planner.database import utcnow
from planner.operations.meetings import create_meeting, set_published, update_meeting
from planner.operations.trash import move_to_trash
from planner.queries.conflicts import meeting_conflicts
from planner.queries.organise import meeting_overview, meetings_of
from planner.web.access import administrator_or_abort, organised_meeting_or_abort
from planner.web.organise import organise
from planner.web.organise.checklist import checklist
from planner.web.organise.forms import ConfirmForm, MeetingForm
from planner.web.organise.responses import show_invalid, stale_page


# What deleting a meeting takes with it, by the overview's figures.
AFFECTED = {
    "sessions": lambda num: ngettext("%(num)d session", "%(num)d sessions", num),
    "rooms": lambda num: ngettext("%(num)d room", "%(num)d rooms", num),
    "institutions": lambda num: ngettext("%(num)d institution", "%(num)d institutions", num),
    "people": lambda num: ngettext("%(num)d person", "%(num)d people", num),
    "registrations": lambda num: ngettext("%(num)d registration", "%(num)d registrations", num),
}


def meeting_fields(form: MeetingForm, *, published: bool = False) -> dict:
    """The details form's fields; publishing has its own page, so an edit keeps the meeting as it is."""
    return dict(
        title=form.title.data, short_name=form.short_name.data, hosts=form.hosts.data,
        description=form.description.data, first_day=form.first_day.data, last_day=form.last_day.data,
        timezone=form.timezone.data, venue=form.venue.data, format=MeetingFormat(form.format.data),
        online_link=form.online_link.data, contact_email=form.contact_email.data, language=form.language.data,
        published=published,
    )


@organise.get("/organise/")
def dashboard():
    return render_template("organise/dashboard.html", meetings=meetings_of(current_user))


@organise.route("/organise/meetings/new", methods=["GET", "POST"])
def new_meeting():
    administrator_or_abort()
    form = MeetingForm()
    if form.validate_on_submit():
        try:
            meeting = create_meeting(slug=form.slug.data, actor=current_user, **meeting_fields(form))
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(_("Created “%(meeting)s”.", meeting=meeting.title))
            return redirect(url_for("organise.overview", slug=meeting.slug))
    return render_template("organise/meeting_form.html", form=form, meeting=None), 400 if form.errors else 200


@organise.get("/events/<slug>/organise/")
def overview(slug: str):
    meeting = organised_meeting_or_abort(slug)
    figures = meeting_overview(meeting)
    return render_template("organise/overview.html", meeting=meeting, overview=figures,
                           checklist=checklist(meeting, figures, len(meeting_conflicts(meeting))))


@organise.route("/events/<slug>/organise/publish", methods=["GET", "POST"])
def publish(slug: str):
    """Publish or unpublish, after a page that says what changes for whom (the confirmation, also without JS)."""
    meeting = organised_meeting_or_abort(slug)
    form = ConfirmForm()
    if not form.is_submitted():
        form.version.data = str(meeting.version)
    if form.validate_on_submit():
        try:
            set_published(meeting, not meeting.published, actor=current_user, based_on_version=form.based_on_version)
        except StaleEdit:
            db.session.rollback()
            flash(_("Someone changed the meeting meanwhile; check what it is now and confirm again."))
            return redirect(url_for("organise.publish", slug=slug))
        db.session.commit()
        flash(_("Published “%(meeting)s”: anyone can now read it.", meeting=meeting.title) if meeting.published
              else _("“%(meeting)s” is a draft again: only its organisers can read it.", meeting=meeting.title))
        return redirect(url_for("organise.overview", slug=slug))
    return render_template("organise/publish.html", meeting=meeting, form=form, overview=meeting_overview(meeting))


@organise.route("/events/<slug>/organise/edit", methods=["GET", "POST"])
def edit_meeting(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = MeetingForm(obj=meeting)
    del form.slug
    if not form.is_submitted():
        form.format.data = meeting.format.value
        form.version.data = str(meeting.version)
    if form.validate_on_submit():
        try:
            update_meeting(meeting, actor=current_user, based_on_version=form.based_on_version,
                           **meeting_fields(form, published=meeting.published))
        except InvalidInput as error:
            show_invalid(form, error)
        except StaleEdit as error:
            return stale_page("organise/meeting_form.html", form, error, meeting=meeting)
        else:
            db.session.commit()
            flash(_("Saved the meeting's details."))
            return redirect(url_for("organise.overview", slug=meeting.slug))
    return render_template("organise/meeting_form.html", form=form, meeting=meeting), 400 if form.errors else 200


@organise.route("/events/<slug>/organise/delete", methods=["GET", "POST"])
def delete_meeting_page(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = ConfirmForm()
    days = current_app.config["TRASH_DAYS"]
    if form.validate_on_submit():
        move_to_trash(meeting, actor=current_user, now=utcnow())
        db.session.commit()
        flash(ngettext("Moved “%(meeting)s” to the trash: it can be restored for %(num)d day.",
                       "Moved “%(meeting)s” to the trash: it can be restored for %(num)d days.", days,
                       meeting=meeting.title))
        return redirect(url_for("organise.dashboard"))
    counts = meeting_overview(meeting).counts
    affected = [AFFECTED[what](count) for what, count in counts.items() if count]
    return render_template("organise/confirm_delete.html", meeting=meeting, form=form,
                           question=_("Delete the meeting “%(meeting)s”?", meeting=meeting.title), affected=affected,
                           consequence=ngettext(
                               "It goes to the trash with everything in it: its pages and calendars close at once, "
                               "and it can be restored for %(num)d day, then it is deleted for good.",
                               "It goes to the trash with everything in it: its pages and calendars close at once, "
                               "and it can be restored for %(num)d days, then it is deleted for good.", days),
                           cancel_url=url_for("organise.overview", slug=slug))
