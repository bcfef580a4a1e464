"""Keeping a document's bytes in the database: once per meeting, named by their SHA-256, in chunks.

An upload arrives as a seekable stream (Werkzeug spools a large one to disk), so its size is known before
any of it is read, and it is read a chunk at a time: hashed first, then stored unless the meeting has the
same bytes already.
"""
import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from sqlalchemy import delete, func, select

from planner.domain.documents import HEAD_BYTES, FileType, RefusedFile, accepted_type, size_text
from planner.domain.wording import FileSize, _
from planner.extensions import db
from planner.models import DocumentRevision, Meeting, StoredChunk, StoredFile

CHUNK_BYTES = 512 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int
    meeting_bytes: int


@dataclass(frozen=True)
class Upload:
    """A file as sent: its name and a seekable binary stream of its content."""

    filename: str
    stream: BinaryIO


def stream_size(stream: BinaryIO) -> int:
    """The stream's length, found by seeking: nothing is read."""
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


def file_size(size: int) -> FileSize:
    return FileSize(size_text(size), size)


def meeting_bytes(meeting: Meeting) -> int:
    return db.session.scalar(select(func.coalesce(func.sum(StoredFile.size), 0))
                             .where(StoredFile.meeting_id == meeting.id))


def checked_upload(meeting: Meeting, upload: Upload, limits: Limits) -> tuple[int, FileType]:
    """The upload's size and type, or ``RefusedFile`` saying why it cannot be stored (nothing read beyond
    its first bytes)."""
    size = stream_size(upload.stream)
    if size > limits.file_bytes:
        raise RefusedFile(_("“%(name)s” is %(size)s: a document's file can be at most %(limit)s.",
                            name=upload.filename, size=file_size(size), limit=file_size(limits.file_bytes)))
    if size == 0:
        raise RefusedFile(_("“%(name)s” is empty.", name=upload.filename))
    file_type = accepted_type(upload.stream.read(HEAD_BYTES), upload.filename)
    upload.stream.seek(0)
    return size, file_type


def store(meeting: Meeting, upload: Upload, limits: Limits) -> StoredFile:
    """The meeting's stored copy of the upload's bytes, made unless it has them already."""
    size, file_type = checked_upload(meeting, upload, limits)
    digest = _sha256(upload.stream)
    existing = db.session.scalars(select(StoredFile).where(StoredFile.meeting_id == meeting.id,
                                                           StoredFile.sha256 == digest)).one_or_none()
    if existing is not None:
        return existing
    held = meeting_bytes(meeting)
    if held + size > limits.meeting_bytes:
        raise RefusedFile(_("“%(name)s” (%(size)s) does not fit: the meeting's documents hold %(held)s of at most "
                            "%(limit)s.", name=upload.filename, size=file_size(size), held=file_size(held),
                            limit=file_size(limits.meeting_bytes)))
    stored = StoredFile(meeting_id=meeting.id, sha256=digest, size=size, content_type=file_type.mime,
                        chunk_size=CHUNK_BYTES)
    db.session.add(stored)
    db.session.flush()
    table = StoredChunk.__table__
    for position, data in enumerate(_chunks(upload.stream)):
        # Core inserts, one chunk at a time: the ORM would keep every chunk's bytes in the session.
        db.session.execute(table.insert().values(stored_file_id=stored.id, position=position, data=data))
    return stored


def remove_unused(meeting: Meeting) -> None:
    """Forget bytes no revision of the meeting names any longer."""
    used = select(DocumentRevision.stored_file_id).where(DocumentRevision.stored_file_id.is_not(None))
    db.session.execute(delete(StoredFile).where(StoredFile.meeting_id == meeting.id, StoredFile.id.not_in(used))
                       .execution_options(synchronize_session=False))


def _chunks(stream: BinaryIO):
    stream.seek(0)
    while data := stream.read(CHUNK_BYTES):
        yield data


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    for data in _chunks(stream):
        digest.update(data)
    stream.seek(0)
    return digest.hexdigest()
