"""A meeting's documents, their language versions and revisions, and the stored bytes they point to.

Every table hangs off the meeting by a foreign key (a document's session is in the same meeting), so a
meeting's export or deletion reaches its files. Bytes are stored once per meeting, named by their SHA-256,
in chunks, so a download streams them without loading a whole file.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger, CheckConstraint, ForeignKey, ForeignKeyConstraint, Integer, LargeBinary, String, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.database import UTCDateTime, enum_column, utcnow
from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.extensions import db

if TYPE_CHECKING:
    from planner.models.accounts import User
    from planner.models.agenda import Session
    from planner.models.meeting import Meeting


class Document(db.Model):
    __tablename__ = "documents"
    __table_args__ = (
        CheckConstraint("title <> ''", name="title_not_empty"),
        ForeignKeyConstraint(
            ["meeting_id", "session_id"], ["sessions.meeting_id", "sessions.id"],
            name="fk_documents_session_same_meeting", ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[DocumentKind] = mapped_column(enum_column(DocumentKind, "document_kind"))
    visibility: Mapped[DocumentVisibility] = mapped_column(enum_column(DocumentVisibility, "document_visibility"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship()
    session: Mapped[Session | None] = relationship(
        primaryjoin="Session.id == Document.session_id", foreign_keys=[session_id])
    languages: Mapped[list[DocumentVersion]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentVersion.id")

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Document {self.id} {self.title!r}>"


class DocumentVersion(db.Model):
    """One language version of a document: its address stays while revisions replace its file."""

    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # A BCP 47 tag CLDR knows (domain.documents.language_code): "en", "ko", "zh-Hans".
    language: Mapped[str] = mapped_column(String(35))

    document: Mapped[Document] = relationship(back_populates="languages")
    revisions: Mapped[list[DocumentRevision]] = relationship(
        back_populates="document_version", cascade="all, delete-orphan", order_by="DocumentRevision.number")

    @property
    def current(self) -> DocumentRevision:
        return self.revisions[-1]


class DocumentRevision(db.Model):
    """A file (or a link) a language version held from its upload on; the last one is what readers get."""

    __tablename__ = "document_revisions"
    __table_args__ = (
        UniqueConstraint("document_version_id", "number"),
        CheckConstraint("(stored_file_id IS NULL) <> (link = '')", name="file_or_link"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_version_id: Mapped[int] = mapped_column(
        ForeignKey("document_versions.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    # Bytes are only forgotten once no revision names them (operations.file_store.remove_unused); the cascade is
    # for a meeting's deletion, which takes its stored files and its documents in one statement.
    stored_file_id: Mapped[int | None] = mapped_column(ForeignKey("stored_files.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String(255), default="")
    link: Mapped[str] = mapped_column(String(2000), default="")
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    document_version: Mapped[DocumentVersion] = relationship(back_populates="revisions")
    stored_file: Mapped[StoredFile | None] = relationship()
    uploaded_by: Mapped[User | None] = relationship()


class StoredFile(db.Model):
    """Bytes a meeting holds, once however many revisions name them."""

    __tablename__ = "stored_files"
    __table_args__ = (
        UniqueConstraint("meeting_id", "sha256"),
        CheckConstraint("size >= 0", name="size_not_negative"),
        CheckConstraint("chunk_size > 0", name="chunk_size_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    content_type: Mapped[str] = mapped_column(String(120))
    # Every chunk but the last holds this many bytes, so a range's first chunk is found by division.
    chunk_size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StoredChunk(db.Model):
    __tablename__ = "stored_chunks"

    stored_file_id: Mapped[int] = mapped_column(ForeignKey("stored_files.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
