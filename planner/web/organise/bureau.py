"""The meeting's bureau: its officers for the whole meeting, added, reordered and removed."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import OfficerRole
from planner.extensions import db
from planner.models import MeetingOfficer, Person
from planner.operations.officers import add_officer, move_officer, remove_officer
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.forms import option
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm, OfficerForm
from planner.web.organise.responses import commit_and_say, show_invalid


def _officer_form(meeting) -> OfficerForm:
    form = OfficerForm()
    people = db.session.scalars(select(Person).where(Person.meeting_id == meeting.id).order_by(Person.name))
    form.person.choices = [option("", _("— choose —"))] + [option(str(p.id), p.display_name) for p in people]
    return form


@organise.route("/events/<slug>/organise/bureau", methods=["GET", "POST"])
def bureau(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = _officer_form(meeting)
    if form.validate_on_submit():
        person = record_of_meeting_or_404(Person, meeting, int(form.person.data))
        role = OfficerRole(form.role.data)
        try:
            add_officer(meeting, person, role, actor=current_user)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(_("%(name)s is %(office)s of the meeting.", name=person.display_name, office=_(role.label).lower()))
            return redirect(url_for("organise.bureau", slug=slug))
    return render_template("organise/bureau.html", meeting=meeting, form=form,
                           officers=meeting.officers), 400 if form.errors else 200


@organise.post("/events/<slug>/organise/bureau/<int:officer_id>/<any(remove, up, down):action>")
def change_officer(slug: str, officer_id: int, action: str):
    meeting = organised_meeting_or_abort(slug)
    officer = record_of_meeting_or_404(MeetingOfficer, meeting, officer_id)
    if not ConfirmForm().validate_on_submit():
        abort(400, description=_("The form has expired; reload the page and try again."))
    name, office = officer.person.display_name, _(officer.role.label).lower()

    def change() -> str:
        if action == "remove":
            remove_officer(officer, actor=current_user)
            return _("%(name)s is no longer %(office)s of the meeting.", name=name, office=office)
        move_officer(officer, -1 if action == "up" else 1, actor=current_user)
        return _("Moved %(name)s up.", name=name) if action == "up" else _("Moved %(name)s down.", name=name)

    commit_and_say(change)
    return redirect(url_for("organise.bureau", slug=slug))
