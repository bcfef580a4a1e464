"""Reading a meeting's documents: one language version at its stable address, and the packs of all of them.

The public addresses answer the public and the meeting's organisers; a participant reads through their
personal address. Who may read what is ``web.access.readable_document_or_404`` over the domain's rule.
"""
from flask import Blueprint, abort
from flask_babel import gettext

from planner.domain.documents import Reader
from planner.domain.timezones import to_local
from planner.models import Document, Meeting
from planner.queries.documents import readable_documents
from planner.web.access import document_reader, readable_document_or_404, readable_meeting_or_404
from planner.web.downloads import is_public, pack_entries, send_pack, send_revision
from planner.web.personal import registration_or_404

documents = Blueprint("documents", __name__)


@documents.get("/events/<slug>/documents/<int:document_id>/<language>")
def download(slug: str, document_id: int, language: str):
    meeting = readable_meeting_or_404(slug)
    return _send(meeting, document_id, language, document_reader(meeting))


@documents.get("/my/<token>/documents/<int:document_id>/<language>")
def personal_download(token: str, document_id: int, language: str):
    meeting = registration_or_404(token).meeting
    return _send(meeting, document_id, language, Reader.PARTICIPANT)


@documents.get("/events/<slug>/documents.zip")
def pack(slug: str):
    meeting = readable_meeting_or_404(slug)
    reader = document_reader(meeting)
    return _send_pack(meeting, reader, public=reader is Reader.PUBLIC and meeting.published)


@documents.get("/my/<token>/documents.zip")
def personal_pack(token: str):
    meeting = registration_or_404(token).meeting
    return _send_pack(meeting, Reader.PARTICIPANT, public=False)


def _send(meeting: Meeting, document_id: int, language: str, reader: Reader):
    document = readable_document_or_404(meeting, document_id, reader)
    version = next((each for each in document.languages if each.language == language), None)
    if version is None:
        abort(404, description=gettext("This document has no version in that language."))
    return send_revision(version.current, public=is_public(document))


def _send_pack(meeting: Meeting, reader: Reader, *, public: bool):
    found = readable_documents(meeting, reader)
    sessions = {document.session_id: document.session for document in found if document.session_id}

    def folder_of(document: Document) -> str:
        session = sessions.get(document.session_id)
        if session is None:
            return ""
        start = to_local(session.starts_at, meeting.timezone)
        return f"{start:%Y-%m-%d %H%M} {session.title}".replace("/", "-")

    return send_pack(pack_entries(found, folder_of), f"{meeting.slug}-documents.zip", public=public)
