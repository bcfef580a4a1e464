"""Importing an online platform's attendance report, looking at one, and removing one."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from planner.domain.errors import InvalidInput
from planner.domain.platform_report import MAX_REPORT_BYTES, Problem, UnreadableReport
from planner.extensions import db
from planner.models import Meeting, OnlineReport
from planner.operations.presence import ImportOutcome, delete_online_report, import_online_report
from planner.queries.presence import online_reports, report_connections, unmatched_connections
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.errors import http_error
from planner.web.organise import organise
from planner.web.organise.attendance_forms import OnlineReportForm
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import show_invalid
from planner.web.presenters import zoned_moment

# A report over 2 MB is read and refused with a message. An upload far beyond that is refused before
# anything reads it (the CSRF check reads the form first), so nobody can fill the server's disk.
UPLOAD_LIMIT = 8 * MAX_REPORT_BYTES


@organise.url_value_preprocessor
def _limit_report_uploads(endpoint: str | None, values: dict | None) -> None:
    # URL value preprocessors run before any before_request function, the CSRF check included.
    if endpoint == "organise.online_import":
        request.max_content_length = UPLOAD_LIMIT


@organise.errorhandler(RequestEntityTooLarge)
def _report_too_large(error: RequestEntityTooLarge):
    if request.endpoint != "organise.online_import":
        return http_error(error)
    flash(gettext("The file is larger than %(num)d MB; split it into smaller files.",
                  num=MAX_REPORT_BYTES // 1024 // 1024))
    return redirect(url_for("organise.online_import", slug=request.view_args["slug"]), 303)


@organise.route("/events/<slug>/organise/attendance/online", methods=["GET", "POST"])
def online_import(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = OnlineReportForm(data={"timezone": meeting.timezone})
    problems: list[Problem] = []
    if form.validate_on_submit():
        upload = form.report.data
        try:
            outcome = import_online_report(meeting, upload.read(MAX_REPORT_BYTES + 1), filename=upload.filename,
                                           zone_name=form.timezone.data, actor=current_user)
        except UnreadableReport as error:
            db.session.rollback()
            problems = error.problems
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            return _after_import(meeting, outcome)
    return render_template("organise/online_import.html", meeting=meeting, form=form, problems=problems,
                           reports=online_reports(meeting), unmatched=unmatched_connections(meeting)), \
        400 if problems or form.errors else 200


def _after_import(meeting: Meeting, outcome: ImportOutcome):
    if outcome.already_imported is not None:
        earlier = outcome.already_imported
        flash(gettext("This file was already imported on %(when)s as “%(filename)s”; nothing changed.",
                      when=zoned_moment(earlier.imported_at, meeting.timezone), filename=earlier.filename))
        return redirect(url_for("organise.online_report", slug=meeting.slug, report_id=earlier.id))
    if outside := outcome.outside_meeting_days:
        lines = ", ".join(str(row.line) for row in outside[:10]) + ("…" if len(outside) > 10 else "")
        flash(ngettext("%(num)d connection (line %(lines)s) falls outside the meeting's days and counts for none "
                       "of them; check the time zone.",
                       "%(num)d connections (lines %(lines)s) fall outside the meeting's days and count for none of "
                       "them; check the time zone.", len(outside), lines=lines))
    if outcome.report is None:
        flash(ngettext("The %(num)d connection in this file was already imported from another report; nothing "
                       "changed.",
                       "All %(num)d connections in this file were already imported from another report; nothing "
                       "changed.", outcome.rows_in_file))
        return redirect(url_for("organise.online_import", slug=meeting.slug))
    said = ngettext("Imported %(num)d connection: %(matched)d matched to registrations, %(unmatched)d not matched.",
                    "Imported %(num)d connections: %(matched)d matched to registrations, %(unmatched)d not matched.",
                    len(outcome.stored), matched=outcome.matched, unmatched=len(outcome.unmatched))
    if outcome.duplicate_rows:
        said += " " + ngettext("%(num)d was already known and was skipped.",
                               "%(num)d were already known and were skipped.", outcome.duplicate_rows)
    flash(said)
    return redirect(url_for("organise.online_report", slug=meeting.slug, report_id=outcome.report.id))


@organise.get("/events/<slug>/organise/attendance/online/<int:report_id>")
def online_report(slug: str, report_id: int):
    meeting = organised_meeting_or_abort(slug)
    report = record_of_meeting_or_404(OnlineReport, meeting, report_id)
    connections = report_connections(report)
    return render_template(
        "organise/online_report.html", meeting=meeting, report=report,
        unmatched=[c for c in connections if c.registration_id is None],
        matched=[c for c in connections if c.registration_id is not None],
    )


@organise.route("/events/<slug>/organise/attendance/online/<int:report_id>/delete", methods=["GET", "POST"])
def delete_report(slug: str, report_id: int):
    meeting = organised_meeting_or_abort(slug)
    report = record_of_meeting_or_404(OnlineReport, meeting, report_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        filename = report.filename
        delete_online_report(report, actor=current_user)
        db.session.commit()
        flash(gettext("Removed the report “%(filename)s” and its connections.", filename=filename))
        return redirect(url_for("organise.online_import", slug=slug))
    return render_template(
        "organise/confirm_delete.html", meeting=meeting, form=form, what=gettext("the online report “%(filename)s”", filename=report.filename),
        affected=[ngettext("its %(num)d connection no longer counts as online attendance",
                           "its %(num)d connections no longer count as online attendance", len(report.attendances))],
        consequence=None, cancel_url=url_for("organise.online_report", slug=slug, report_id=report.id),
    )
