"""Copy this meeting as a new one: the form on the overview's side, the new meeting's overview after."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.operations.copying import copy_meeting
from planner.queries.organise import meeting_documents
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise
from planner.web.organise.forms import CopyMeetingForm
from planner.web.organise.responses import show_invalid
from planner.web.presenters import long_date


@organise.route("/events/<slug>/organise/copy", methods=["GET", "POST"])
def copy_meeting_page(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = CopyMeetingForm()
    form.documents.choices = [(document.id, document.title) for document in meeting_documents(meeting)]
    if form.validate_on_submit():
        try:
            copy = copy_meeting(meeting, slug=form.slug.data, title=form.title.data, first_day=form.first_day.data,
                                same_weekdays=form.same_weekdays.data, with_people=form.with_people.data,
                                documents=form.documents.data or (), actor=current_user)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(_("Copied “%(meeting)s” as “%(copy)s”, a draft from %(first_day)s.", meeting=meeting.title,
                    copy=copy.title, first_day=long_date(copy.first_day)))
            return redirect(url_for("organise.overview", slug=copy.slug))
    return render_template("organise/copy_meeting.html", meeting=meeting, form=form), 400 if form.errors else 200
