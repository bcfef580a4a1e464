"""Reading a meeting's documents as a reader may see them, in a fixed number of queries, and their bytes
a chunk at a time."""
import io
from collections import Counter
from collections.abc import Iterable, Iterator

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import selectinload

from planner.domain.documents import Reader, visible_to
from planner.extensions import db
from planner.models import Document, DocumentRevision, DocumentVersion, Meeting, Session, StoredChunk, StoredFile


def _readable(meeting: Meeting, reader: Reader) -> list:
    """What ``domain.documents.may_read_document`` says, as conditions on the query."""
    conditions = [Document.meeting_id == meeting.id, Document.visibility.in_(visible_to(reader))]
    if reader is not Reader.ORGANISER:
        shown = select(Session.id).where(Session.meeting_id == meeting.id, Session.draft.is_(False),
                                         Session.deleted_at.is_(None))
        conditions.append(or_(Document.session_id.is_(None), Document.session_id.in_(shown)))
    return conditions


def readable_documents(meeting: Meeting, reader: Reader, *, session_ids: Iterable[int] | None = None,
                       meeting_only: bool = False) -> list[Document]:
    """The documents ``reader`` may read, in order (the meeting's first, then by session), with their languages,
    revisions and stored files: five queries however many there are."""
    query = select(Document).options(
        selectinload(Document.session),
        selectinload(Document.languages).selectinload(DocumentVersion.revisions)
        .selectinload(DocumentRevision.stored_file),
    ).where(*_readable(meeting, reader))
    if meeting_only:
        query = query.where(Document.session_id.is_(None))
    elif session_ids is not None:
        query = query.where(Document.session_id.in_(list(session_ids)))
    query = query.order_by(Document.session_id.is_not(None), Document.session_id, Document.position, Document.id)
    # A document without a language version yet (or any longer) is its organisers' to complete.
    return [document for document in db.session.scalars(query) if document.languages or reader is Reader.ORGANISER]


def document_counts(meeting: Meeting, reader: Reader) -> Counter:
    """How many documents ``reader`` may read on each session (the agenda's markers), in one query."""
    query = select(Document.session_id).where(
        *_readable(meeting, reader), Document.session_id.is_not(None),
        Document.id.in_(select(DocumentVersion.document_id)))
    return Counter(db.session.scalars(query))


def find_document(meeting: Meeting, document_id: int) -> Document | None:
    query = select(Document).options(
        selectinload(Document.session),
        selectinload(Document.languages).selectinload(DocumentVersion.revisions)
        .selectinload(DocumentRevision.stored_file),
    ).where(Document.meeting_id == meeting.id, Document.id == document_id)
    return db.session.scalars(query).one_or_none()


class StoredFileReader(io.RawIOBase):
    """A stored file as a seekable stream that holds one chunk at a time.

    It reads through the engine, not the request's session: a download goes on after the view has returned
    and its application context has ended.
    """

    def __init__(self, engine: Engine, stored: StoredFile):
        super().__init__()
        self._engine = engine
        self._id = stored.id
        self._size = stored.size
        self._chunk_size = stored.chunk_size
        self._position = 0
        self._chunk_index = -1
        self._chunk = b""

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._position, io.SEEK_END: self._size}[whence]
        self._position = max(0, base + offset)
        return self._position

    def readinto(self, buffer) -> int:
        if self._position >= self._size:
            return 0
        index, offset = divmod(self._position, self._chunk_size)
        if index != self._chunk_index:
            self._chunk = self._read_chunk(index)
            self._chunk_index = index
        data = self._chunk[offset:offset + len(buffer)]
        buffer[:len(data)] = data
        self._position += len(data)
        return len(data)

    def _read_chunk(self, index: int) -> bytes:
        query = select(StoredChunk.data).where(StoredChunk.stored_file_id == self._id, StoredChunk.position == index)
        with self._engine.connect() as connection:
            return bytes(connection.scalar(query))


def stored_bytes(engine: Engine, stored: StoredFile) -> Iterator[bytes]:
    """The file's chunks one after the other (for a ZIP pack)."""
    reader = StoredFileReader(engine, stored)
    while data := reader.read(stored.chunk_size):
        yield data
