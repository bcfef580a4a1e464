"""The attendance report: registered against actual, in the room and online, on a page and as CSV."""
from flask import Response, render_template
from flask_babel import gettext

from planner.domain.attendance_report import CSV_HEADER, KIND_LABELS, report_rows
from planner.domain.spreadsheets import csv_text
from planner.queries.presence import meeting_attendance
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise


@organise.get("/events/<slug>/organise/attendance")
def attendance(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return render_template("organise/attendance.html", meeting=meeting, report=meeting_attendance(meeting),
                           kind_labels={kind: gettext(label) for kind, label in KIND_LABELS.items()})


@organise.get("/events/<slug>/organise/attendance.csv")
def attendance_csv(slug: str):
    meeting = organised_meeting_or_abort(slug)
    text = csv_text(CSV_HEADER, report_rows(meeting_attendance(meeting), meeting.timezone))
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{meeting.slug}-attendance.csv"',
    })
