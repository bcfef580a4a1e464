"""Answering with a stored file or a pack of them: streamed, named in any script (RFC 6266), conditional
(the ETag is the content's SHA-256) and resumable (Range)."""
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from flask import Response, redirect, request
from werkzeug.wsgi import wrap_file
from zipstream import ZIP_STORED, ZipStream

from planner.domain.documents import DocumentVisibility
from planner.extensions import db
from planner.models import Document, DocumentRevision
from planner.queries.documents import StoredFileReader, stored_bytes
from planner.web.security import PRIVATE_CACHE_CONTROL

# Types a browser shows itself; everything else is saved.
SHOWN_INLINE = {"application/pdf", "text/plain", "image/png", "image/jpeg", "image/webp"}


def content_disposition(filename: str, *, inline: bool) -> str:
    """``filename`` for old clients in ASCII, ``filename*`` in UTF-8 for the rest (RFC 6266, RFC 8187)."""
    plain = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    plain = "".join(char for char in plain if char.isprintable() and char not in '"\\').strip()
    if not plain.rpartition(".")[0]:
        plain = "document" + ("." + filename.rpartition(".")[2] if "." in filename else "")
    value = f'{"inline" if inline else "attachment"}; filename="{plain}"'
    if plain != filename:
        value += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return value


def send_revision(revision: DocumentRevision, *, public: bool):
    """The revision's file (or a redirect to its link)."""
    if revision.link:
        return redirect(revision.link, 302)
    stored = revision.stored_file
    response = Response(wrap_file(request.environ, StoredFileReader(db.engine, stored), stored.chunk_size),
                        mimetype=stored.content_type, direct_passthrough=True)
    response.content_length = stored.size
    response.headers["Content-Disposition"] = content_disposition(
        revision.filename, inline=stored.content_type in SHOWN_INLINE)
    response.set_etag(stored.sha256)
    response.last_modified = revision.uploaded_at
    # The address stays when a version is replaced: a cache must ask again before it answers.
    response.headers["Cache-Control"] = "no-cache" if public else PRIVATE_CACHE_CONTROL
    return response.make_conditional(request, accept_ranges=True, complete_length=stored.size)


def is_public(document: Document) -> bool:
    session = document.session
    return (document.visibility is DocumentVisibility.PUBLIC and document.meeting.published
            and (session is None or not (session.draft or session.deleted_at is not None)))


def pack_entries(documents: Iterable[Document], folder_of) -> list[tuple[str, DocumentRevision]]:
    """Each language version's current revision with its path in the pack: the meeting's documents at the top,
    a session's in its folder (``folder_of(document)``), names made unique."""
    taken: set[str] = set()
    entries = []
    for document in documents:
        folder = folder_of(document)
        for version in document.languages:
            revision = version.current
            name = revision.filename if revision.stored_file_id else f"{document.title} ({version.language}).url"
            entries.append((_unique(f"{folder}/{name}" if folder else name, taken), revision))
    return entries


def send_pack(entries: list[tuple[str, DocumentRevision]], filename: str, *, public: bool) -> Response:
    """A ZIP of ``entries``, written while it is sent: stored (the files are compressed already), so its length
    is known beforehand and no copy of the pack is made."""
    pack = ZipStream(compress_type=ZIP_STORED, sized=True)
    latest = None
    for path, revision in entries:
        latest = max(latest or revision.uploaded_at, revision.uploaded_at)
        if revision.stored_file is None:
            pack.add(f"[InternetShortcut]\r\nURL={revision.link}\r\n".encode(), path)
        else:
            pack.add(stored_bytes(db.engine, revision.stored_file), path, size=revision.stored_file.size)
    response = Response(pack, mimetype="application/zip", direct_passthrough=True)
    response.content_length = len(pack)
    response.headers["Content-Disposition"] = content_disposition(filename, inline=False)
    response.headers["Cache-Control"] = "no-cache" if public else PRIVATE_CACHE_CONTROL
    if latest is not None:
        response.last_modified = latest
    return response


def _unique(path: str, taken: set[str]) -> str:
    stem, dot, extension = path.rpartition(".")
    if not dot or "/" in extension:
        stem, dot, extension = path, "", ""
    candidate, number = path, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{stem} ({number}){dot}{extension}"
    taken.add(candidate.casefold())
    return candidate

