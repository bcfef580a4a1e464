"""A meeting's export from its overview, and restoring one from an export file."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import ngettext
from flask_login import current_user

from planner.domain.archive import UnreadableArchive
from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.operations.archive import import_meeting
from planner.queries.organise import organises_any
from planner.web.access import administrator_or_abort, organised_meeting_or_abort
from planner.web.archive import export_download
from planner.web.organise import organise
from planner.web.organise.forms import MeetingImportForm
from planner.web.organise.responses import show_invalid
from planner.web.wording import say

# Larger than other uploads: an export carries the meeting's documents.
UPLOAD_LIMIT = 64 * 1024 * 1024


@organise.get("/events/<slug>/organise/export")
def export_meeting(slug: str):
    return export_download(organised_meeting_or_abort(slug))


@organise.route("/organise/meetings/import", methods=["GET", "POST"])
def import_meeting_page():
    # Administrators, and the organisers of a meeting: a restore is a new meeting at an address nobody has.
    if not organises_any(current_user):
        administrator_or_abort()
    form = MeetingImportForm()
    problem = None
    if form.validate_on_submit():
        try:
            restored = import_meeting(form.file.data.read(UPLOAD_LIMIT + 1), slug=form.slug.data or None,
                                      actor=current_user)
        except InvalidInput as error:
            show_invalid(form, error)
        except UnreadableArchive as error:
            db.session.rollback()
            problem = say(error.message)
        else:
            db.session.commit()
            flash(ngettext("Imported “%(meeting)s” with %(num)d record.", "Imported “%(meeting)s” with %(num)d records.",
                           restored.records, meeting=restored.meeting.title))
            for note in restored.notes[:20]:
                flash(say(note))
            return redirect(url_for("organise.overview", slug=restored.meeting.slug))
    status = 400 if form.errors or problem else 200
    return render_template("organise/import_meeting.html", form=form, problem=problem), status


@organise.url_value_preprocessor
def _limit_export_uploads(endpoint: str | None, values: dict | None) -> None:
    # Before any before_request function (the CSRF check reads the form): only the import takes an export's size.
    if endpoint == "organise.import_meeting_page":
        request.max_content_length = UPLOAD_LIMIT
