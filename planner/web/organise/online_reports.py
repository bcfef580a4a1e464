"""Importing an online platform's attendance report, looking at one, and removing one."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.exceptions import RequestEntityTooLarge

from planner.domain.errors import InvalidInput
from planner.domain.platform_report import MAX_REPORT_BYTES, Problem, UnreadableReport
from planner.domain.timezones import to_local
from planner.extensions import csrf, db
from planner.models import Meeting, OnlineReport
from planner.operations.presence import ImportOutcome, delete_online_report, import_online_report
from planner.queries.presence import online_reports, report_connections, unmatched_connections
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.organise import organise
from planner.web.organise.attendance_forms import OnlineReportForm
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import show_invalid

# Room for the form around a file of the largest accepted size; anything bigger is refused unread.
UPLOAD_LIMIT = MAX_REPORT_BYTES + 64 * 1024
TOO_LARGE = Problem(None, "file", f"The file is larger than {MAX_REPORT_BYTES // 1024 // 1024} MB; "
                                  "split it into smaller files.")


@organise.route("/events/<slug>/organise/attendance/online", methods=["GET", "POST"])
@csrf.exempt  # CSRF is still checked, by the form, once the upload limit below is in place.
def online_import(slug: str):
    request.max_content_length = UPLOAD_LIMIT
    meeting = organised_meeting_or_abort(slug)
    problems: list[Problem] = []
    try:
        form = OnlineReportForm(data={"timezone": meeting.timezone})
    except RequestEntityTooLarge:
        form, problems = OnlineReportForm(formdata=None, data={"timezone": meeting.timezone}), [TOO_LARGE]
    if not problems and form.validate_on_submit():
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
    status = 413 if problems == [TOO_LARGE] else 400 if problems or form.errors else 200
    return render_template("organise/online_import.html", meeting=meeting, form=form, problems=problems,
                           reports=online_reports(meeting), unmatched=unmatched_connections(meeting)), status


def _after_import(meeting: Meeting, outcome: ImportOutcome):
    if outcome.already_imported is not None:
        earlier = outcome.already_imported
        flash(f"This file was already imported on {to_local(earlier.imported_at, meeting.timezone):%d %b %Y %H:%M} "
              f"as “{earlier.filename}”; nothing changed.")
        return redirect(url_for("organise.online_report", slug=meeting.slug, report_id=earlier.id))
    if outcome.outside_meeting_days:
        lines = ", ".join(str(row.line) for row in outcome.outside_meeting_days[:10])
        flash(f"{len(outcome.outside_meeting_days)} connections (lines {lines}{'…' if len(outcome.outside_meeting_days) > 10 else ''}) "
              f"fall outside the meeting's days and count for none of them; check the time zone.")
    if outcome.report is None:
        flash(f"All {outcome.rows_in_file} connections in this file were already imported from another report; "
              "nothing changed.")
        return redirect(url_for("organise.online_import", slug=meeting.slug))
    duplicates = f" {outcome.duplicate_rows} were already known and were skipped." if outcome.duplicate_rows else ""
    flash(f"Imported {len(outcome.stored)} connections: {outcome.matched} matched to registrations, "
          f"{len(outcome.unmatched)} not matched.{duplicates}")
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
        flash(f"Removed the report “{filename}” and its connections.")
        return redirect(url_for("organise.online_import", slug=slug))
    return render_template(
        "organise/confirm_delete.html", meeting=meeting, form=form, what=f"the online report “{report.filename}”",
        affected=[f"its {len(report.attendances)} connections no longer count as online attendance"],
        consequence=None, cancel_url=url_for("organise.online_report", slug=slug, report_id=report.id),
    )
