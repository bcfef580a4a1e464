"""The trash: deleted meetings, until they are restored or purged."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from planner.extensions import db
from planner.operations.trash import purge_date, restore_from_trash
from planner.queries.organise import trashed_meetings_of
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm


@organise.get("/organise/trash")
def trash():
    days = current_app.config["TRASH_DAYS"]
    meetings = [(meeting, purge_date(meeting, days)) for meeting in trashed_meetings_of(current_user)]
    return render_template("organise/trash.html", meetings=meetings, days=days, form=ConfirmForm())


@organise.post("/organise/trash/<slug>/restore")
def restore(slug: str):
    meeting = organised_meeting_or_abort(slug, trashed=True)
    if meeting.deleted_at is None:
        abort(404, description=_("“%(meeting)s” is not in the trash.", meeting=meeting.title))
    restore_from_trash(meeting, actor=current_user)
    db.session.commit()
    flash(_("Restored “%(meeting)s” with everything in it.", meeting=meeting.title))
    return redirect(url_for("organise.overview", slug=slug))
