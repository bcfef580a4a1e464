"""A meeting's export file as an answer, for the organisers' page and the API alike."""
from flask import Response

from planner.domain.archive import write_archive
from planner.database import utcnow
from planner.models import Meeting
from planner.queries.archive import meeting_export


def export_download(meeting: Meeting) -> Response:
    now = utcnow()
    body = write_archive(*meeting_export(meeting, now=now))
    filename = f"{meeting.slug}-export-{now:%Y%m%d-%H%M}.zip"
    return Response(body, mimetype="application/zip",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
