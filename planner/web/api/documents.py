"""A meeting's documents through the API: listing them as the caller may read them, and adding documents,
language versions (a file sent as multipart/form-data, or a link) and revisions."""
from flask import abort, jsonify, request, url_for

from planner.domain.documents import DocumentKind, DocumentVisibility, Reader, RefusedFile
from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.models import Document, Meeting, Session
from planner.operations import documents as operations
from planner.operations.file_store import Upload
from planner.queries.agenda import find_meeting
from planner.queries.documents import find_document, readable_documents
from planner.web.access import (
    document_reader, organised_meeting_or_abort, readable_document_or_404, record_of_meeting_or_404,
)
from planner.web.api import api
from planner.web.api.auth import api_user, require_api_user
from planner.web.api.responses import writes
from planner.web.api.serialise import document_json
from planner.web.uploads import limits, receive_documents_at

receive_documents_at(api, "api.add_document", "api.add_session_document", "api.add_document_version")
DOCUMENT_FIELDS = {"title", "kind", "visibility", "language", "link", "file"}
VERSION_FIELDS = {"language", "link", "file"}


@api.get("/events/<slug>/documents")
def documents(slug: str):
    meeting = _meeting_or_404(slug)
    found = readable_documents(meeting, document_reader(meeting, api_user()))
    return jsonify({"documents": [document_json(document, meeting) for document in found]})


@api.get("/events/<slug>/documents/<int:document_id>")
def document(slug: str, document_id: int):
    meeting = _meeting_or_404(slug)
    found = readable_document_or_404(meeting, document_id, document_reader(meeting, api_user()))
    return jsonify(document_json(found, meeting))


@api.post("/events/<slug>/documents")
@writes
def add_document(slug: str):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    return _add(meeting, None)


@api.post("/events/<slug>/sessions/<int:session_id>/documents")
@writes
def add_session_document(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    return _add(meeting, record_of_meeting_or_404(Session, meeting, session_id))


@api.post("/events/<slug>/documents/<int:document_id>/versions")
@writes
def add_document_version(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    found = _organised_document_or_404(meeting, document_id)
    fields = _form(VERSION_FIELDS)
    _add_content(found, fields)
    return _document_response(meeting, found.id, 201)


@api.delete("/events/<slug>/documents/<int:document_id>")
@writes
def delete_document(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug, require_api_user())
    operations.delete_document(_organised_document_or_404(meeting, document_id), actor=api_user())
    return "", 204


def _meeting_or_404(slug: str) -> Meeting:
    """A published meeting; a draft one for its organisers (who may read its documents)."""
    meeting = find_meeting(slug, public=False)
    if meeting is None or not (meeting.published or document_reader(meeting, api_user()) is Reader.ORGANISER):
        abort(404, description=f"There is no published meeting at “{slug}”.")
    return meeting


def _organised_document_or_404(meeting: Meeting, document_id: int) -> Document:
    found = find_document(meeting, document_id)
    if found is None:
        abort(404, description="This meeting has no such document.")
    return found


def _form(allowed: set[str]) -> dict:
    """The multipart form's fields; an unknown one, or a body of another type, is refused."""
    if request.mimetype != "multipart/form-data":
        abort(415, description="Send the document as multipart/form-data (a file part named “file”, or a "
                               "“link” field).")
    unknown = sorted((set(request.form) | set(request.files)) - allowed)
    if unknown:
        raise InvalidInput(errors={name: "This field is not known." for name in unknown})
    fields = {name: request.form.get(name, "") for name in allowed if name != "file"}
    fields["file"] = request.files.get("file")
    if fields["file"] is not None and not fields["file"].filename:
        fields["file"].filename = "document"
    return fields


def _add(meeting: Meeting, session: Session | None):
    fields = _form(DOCUMENT_FIELDS)
    errors = {}
    for name, vocabulary in (("kind", DocumentKind), ("visibility", DocumentVisibility)):
        if fields[name] not in {member.value for member in vocabulary}:
            errors[name] = f"Give one of: {', '.join(member.value for member in vocabulary)}."
    if errors:
        raise InvalidInput(errors=errors)
    if fields["file"] is not None and not fields["title"].strip():
        fields["title"] = fields["file"].filename.rpartition(".")[0] or fields["file"].filename
    created = operations.add_document(meeting, title=fields["title"], kind=fields["kind"],
                                      visibility=fields["visibility"], session=session, actor=api_user())
    _add_content(created, fields)
    return _document_response(meeting, created.id, 201)


def _add_content(found: Document, fields: dict) -> None:
    """The file or the link the form carries, as a language version (or its new revision)."""
    file, link = fields["file"], fields["link"].strip()
    if (file is None) == (not link):
        raise InvalidInput("file", "Send either a file (a part named “file”) or a link, not both nor neither.")
    if not fields["language"]:
        raise InvalidInput("language", "Give the language, such as en, fr or ko.")
    if link:
        operations.add_link(found, language=fields["language"], link=link, actor=api_user())
        return
    try:
        operations.add_file(found, language=fields["language"], upload=Upload(file.filename, file.stream),
                            limits=limits(), actor=api_user())
    except RefusedFile as error:
        raise InvalidInput("file", str(error)) from error


def _document_response(meeting: Meeting, document_id: int, status: int):
    db.session.flush()
    db.session.expire_all()
    found = find_document(meeting, document_id)
    response = jsonify(document_json(found, meeting))
    response.status_code = status
    response.headers["Location"] = url_for("api.document", slug=meeting.slug, document_id=document_id,
                                           _external=True)
    return response

