"""Public addresses of records, for what is built in a request and, alike, by the mail worker."""
from flask import url_for

from planner.models import Meeting, Session


def session_page_url(meeting: Meeting, session: Session) -> str:
    # A deleted session has no page of its own any more; its meeting's agenda has.
    if session.deleted_at is not None:
        return url_for("public.agenda", slug=meeting.slug, _external=True)
    return url_for("public.session", slug=meeting.slug, session_id=session.id, _external=True)
