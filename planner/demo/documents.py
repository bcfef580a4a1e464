"""The demo meetings' documents: small PDFs shipped in files/ (made by scripts/make_demo_documents.py) and a
link, loaded through the same operations as an organiser's uploads."""
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.documents import DocumentKind, DocumentVisibility

FILES = Path(__file__).resolve().parent / "files"


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    kind: DocumentKind
    visibility: DocumentVisibility
    files: dict[str, tuple[str, str]] = field(default_factory=dict)  # language → (name shown, file in files/)
    link: tuple[str, str] | None = None  # (language, address)
    session: str | None = None  # the key of the session it belongs to


DOCUMENTS: dict[str, tuple[DocumentSpec, ...]] = {
    "egm-border-management-2021": (
        DocumentSpec("Concept note", DocumentKind.CONCEPT_NOTE, DocumentVisibility.PUBLIC, files={
            "en": ("EGM border management - concept note.pdf", "egm-concept-note-en.pdf"),
            "ko": ("국경 관리 전문가 회의 - 개념 노트.pdf", "egm-concept-note-ko.pdf")}),
        DocumentSpec("Information note for participants", DocumentKind.INFORMATION_NOTE,
                     DocumentVisibility.PARTICIPANTS, files={
                         "en": ("Information note.pdf", "egm-information-note-en.pdf"),
                         "ko": ("참가자 안내문.pdf", "egm-information-note-ko.pdf")}),
        DocumentSpec("Security Council resolution 2396 (2017)", DocumentKind.BACKGROUND_PAPER,
                     DocumentVisibility.PUBLIC, link=("en", "https://undocs.org/S/RES/2396(2017)"),
                     session="opening"),
    ),
    "cted-follow-up-visit-2023": (
        DocumentSpec("Concept note", DocumentKind.CONCEPT_NOTE, DocumentVisibility.PUBLIC,
                     files={"en": ("CTED follow-up visit - concept note.pdf", "cted-concept-note-en.pdf")}),
        DocumentSpec("Information note for the delegation", DocumentKind.INFORMATION_NOTE,
                     DocumentVisibility.PARTICIPANTS,
                     files={"en": ("Information note for the delegation.pdf", "cted-information-note-en.pdf")}),
    ),
}
