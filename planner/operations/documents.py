"""Adding a meeting's documents, their language versions (a file or a link) and revisions; ordering and
removing them. Every change is in the history; a refused file stores nothing."""
from sqlalchemy import func, select

from planner.domain.documents import (
    DocumentKind, DocumentVisibility, RefusedFile, language_code, language_name_in_english, stored_filename,
)
from planner.domain.errors import InvalidInput
from planner.domain.wording import LanguageName, Message, _
from planner.extensions import db
from planner.models import Document, DocumentRevision, DocumentVersion, Meeting, Session, User
from planner.operations import file_store, records
from planner.operations.file_store import Limits, Upload
from planner.operations.history import new_batch
from planner.operations.validation import raise_if_any, required_text, web_link

TITLE_LENGTH = 300


def add_document(meeting: Meeting, *, title: str, kind: str | DocumentKind, visibility: str | DocumentVisibility,
                 session: Session | None = None, actor: User | None, batch: str | None = None) -> Document:
    errors: dict[str, str] = {}
    values = _document_values(meeting, errors, title=title, kind=kind, visibility=visibility, session=session)
    raise_if_any(errors)
    last = db.session.scalar(select(func.max(Document.position)).where(
        Document.meeting_id == meeting.id, _in_group(values["session_id"])))
    document = Document(meeting_id=meeting.id, position=(last or 0) + 1, **values)
    return records.created(document, meeting_id=meeting.id, actor=actor, batch=batch,
                           summary=added_document(document))


def added_document(document: Document) -> Message:
    return _("Added the document “%(title)s”", title=document.title)


def added_version(document: Document, language: str) -> Message:
    return _("Added the %(language)s version of “%(title)s”", language=_language_named(language),
             title=document.title)


def update_document(document: Document, *, title: str, kind: str | DocumentKind,
                    visibility: str | DocumentVisibility, session: Session | None, actor: User | None,
                    based_on_version: int | None = None) -> None:
    errors: dict[str, str] = {}
    values = _document_values(document.meeting, errors, title=title, kind=kind, visibility=visibility,
                              session=session)
    raise_if_any(errors)
    records.updated(document, values, meeting_id=document.meeting_id, actor=actor, based_on_version=based_on_version,
                    summary=_("Changed the document “%(title)s”", title=values["title"]))


def upload_document(meeting: Meeting, *, upload: Upload, language: str, kind: str | DocumentKind,
                    visibility: str | DocumentVisibility, limits: Limits, actor: User | None, title: str = "",
                    session: Session | None = None) -> Document:
    """A new document with its first file; titled after the file's name unless ``title`` is given."""
    batch = new_batch()
    with db.session.begin_nested():
        title = title.strip() or stored_filename(upload.filename, fallback="").rpartition(".")[0] or upload.filename
        document = add_document(meeting, title=title, kind=kind, visibility=visibility, session=session, actor=actor,
                                batch=batch)
        add_file(document, language=language, upload=upload, limits=limits, actor=actor, batch=batch)
    return document


def add_file(document: Document, *, language: str, upload: Upload, limits: Limits, actor: User | None,
             batch: str | None = None) -> DocumentRevision:
    """Give ``document`` a file in ``language``: its first, or a new revision replacing the one readers get.

    ``RefusedFile`` (too large, a type documents cannot have, no room left) changes nothing.
    """
    code = _language(language)
    filename = stored_filename(upload.filename, fallback=f"{document.title}")
    with db.session.begin_nested():
        stored = file_store.store(document.meeting, Upload(filename, upload.stream), limits)
        return _add_revision(document, code, actor, batch, stored_file_id=stored.id, filename=filename)


def add_link(document: Document, *, language: str, link: str, actor: User | None) -> DocumentRevision:
    """Give ``document`` a link in ``language`` (to a documents system, a video) instead of a file."""
    errors: dict[str, str] = {}
    code = _language(language)
    address = web_link(errors, "link", link)
    if not address and "link" not in errors:
        errors["link"] = _("Give the web address the document is at.")
    raise_if_any(errors)
    return _add_revision(document, code, actor, None, link=address)


def delete_language(version: DocumentVersion, *, actor: User | None) -> None:
    """Remove one language version and all its revisions."""
    document = version.document
    batch = new_batch()
    for revision in version.revisions:  # deleted with their version, each in the history
        records.taken_along(revision, meeting_id=document.meeting_id, actor=actor, batch=batch,
                            summary=_("Removed revision %(number)d of “%(title)s” (%(language)s)",
                                      number=revision.number, title=document.title,
                                      language=_language_named(version.language)))
    records.deleted(version, meeting_id=document.meeting_id, actor=actor, batch=batch,
                    summary=_("Removed the %(language)s version of “%(title)s”",
                              language=_language_named(version.language), title=document.title))
    db.session.expire(document, ["languages"])
    file_store.remove_unused(document.meeting)


def delete_document(document: Document, *, actor: User | None, based_on_version: int | None = None) -> None:
    meeting = document.meeting
    for version in list(document.languages):
        delete_language(version, actor=actor)
    records.deleted(document, meeting_id=meeting.id, actor=actor, based_on_version=based_on_version,
                    summary=_("Deleted the document “%(title)s”", title=document.title))
    file_store.remove_unused(meeting)


def move_document(document: Document, *, offset: int, actor: User | None) -> None:
    """Move a document one place up (``offset`` -1) or down (+1) among those of its meeting or session."""
    group = list(db.session.scalars(select(Document).where(
        Document.meeting_id == document.meeting_id, _in_group(document.session_id),
    ).order_by(Document.position, Document.id)))
    index = group.index(document)
    target = index + offset
    if not 0 <= target < len(group):
        return
    group.insert(target, group.pop(index))
    for position, each in enumerate(group, start=1):
        if each.position != position:
            records.updated(each, {"position": position}, meeting_id=each.meeting_id, actor=actor,
                            summary=_("Moved the document “%(title)s” up", title=document.title) if offset < 0
                            else _("Moved the document “%(title)s” down", title=document.title))


def _add_revision(document: Document, language: str, actor: User | None, batch: str | None,
                  **content) -> DocumentRevision:
    version = next((each for each in document.languages if each.language == language), None)
    if version is None:
        version = records.created(DocumentVersion(document_id=document.id, language=language),
                                  meeting_id=document.meeting_id, actor=actor, batch=batch,
                                  summary=added_version(document, language))
        db.session.expire(document, ["languages"])
    number = max((revision.number for revision in version.revisions), default=0) + 1
    revision = DocumentRevision(document_version_id=version.id, number=number,
                                uploaded_by_id=actor.id if actor else None, **content)
    what = content.get("filename") or content.get("link")
    named = _language_named(language)
    summary = (_("Replaced the %(language)s version of “%(title)s” with %(what)s (revision %(number)d)",
                 language=named, title=document.title, what=what, number=number) if number > 1
               else _("Gave “%(title)s” its %(language)s version: %(what)s", title=document.title, language=named,
                      what=what))
    records.created(revision, meeting_id=document.meeting_id, actor=actor, summary=summary, batch=batch)
    db.session.expire(version, ["revisions"])
    return revision


def _language_named(code: str) -> LanguageName:
    return LanguageName(language_name_in_english(code), code)


def _language(text: str) -> str:
    code = language_code(text)
    if code is None:
        raise InvalidInput("language", _("“%(text)s” is not a language code such as en, fr, ko or zh-Hans.",
                                         text=text))
    return code


def _in_group(session_id: int | None):
    return Document.session_id.is_(None) if session_id is None else Document.session_id == session_id


def _document_values(meeting: Meeting, errors: dict, *, title, kind, visibility, session) -> dict:
    values = {"title": required_text(errors, "title", title, _("The title"), TITLE_LENGTH)}
    try:
        values["kind"] = DocumentKind(kind)
    except ValueError:
        errors["kind"] = _("Choose the document's type: %(kinds)s.",
                           kinds=", ".join(each.value for each in DocumentKind))
    try:
        values["visibility"] = DocumentVisibility(visibility)
    except ValueError:
        errors["visibility"] = _("Choose who may read it: public, participants or organisers.")
    if session is not None and (session.meeting_id != meeting.id or session.deleted_at is not None):
        errors["session"] = _("This meeting has no such session.")
    values["session_id"] = session.id if session is not None else None
    return values


__all__ = ["Limits", "RefusedFile", "Upload", "add_document", "add_file", "add_link", "delete_document",
           "delete_language", "move_document", "update_document", "upload_document"]
