"""Meeting documents: their kinds, who may read them, their languages, and which files are accepted.

Pure: the file's first bytes in, its type (or why it is refused) out; a reader's kind in, what they may read out.
"""
import enum
import unicodedata
from dataclasses import dataclass

import filetype
from babel import Locale, UnknownLocaleError

from planner.domain.vocabulary import N_, Choice
from planner.domain.wording import Message, _


class DocumentKind(Choice):
    CONCEPT_NOTE = "concept_note", N_("Concept note")
    PROGRAMME = "programme", N_("Programme")
    INFORMATION_NOTE = "information_note", N_("Information note")
    BACKGROUND_PAPER = "background_paper", N_("Background paper")
    PRESENTATION = "presentation", N_("Presentation")
    STATEMENT = "statement", N_("Statement")
    LIST_OF_PARTICIPANTS = "list_of_participants", N_("List of participants")
    REPORT = "report", N_("Report or outcome")
    OTHER = "other", N_("Other")


class DocumentVisibility(Choice):
    PUBLIC = "public", N_("Public")
    PARTICIPANTS = "participants", N_("Participants")
    ORGANISERS = "organisers", N_("Organisers only")


class Reader(enum.Enum):
    """Who is asking for a meeting's documents."""

    PUBLIC = "public"
    PARTICIPANT = "participant"  # through a valid personal address of that meeting
    ORGANISER = "organiser"


_VISIBLE_TO = {
    Reader.PUBLIC: frozenset({DocumentVisibility.PUBLIC}),
    Reader.PARTICIPANT: frozenset({DocumentVisibility.PUBLIC, DocumentVisibility.PARTICIPANTS}),
    Reader.ORGANISER: frozenset(DocumentVisibility),
}


def visible_to(reader: Reader) -> frozenset[DocumentVisibility]:
    """The visibilities ``reader`` may read (before asking about the session a document belongs to)."""
    return _VISIBLE_TO[reader]


def may_read_document(reader: Reader, visibility: DocumentVisibility, *, session_hidden: bool) -> bool:
    """The rule every address applies: a draft or deleted session's documents are its organisers' only."""
    if session_hidden and reader is not Reader.ORGANISER:
        return False
    return visibility in visible_to(reader)


# --- languages -------------------------------------------------------------------------------------------------

def language_code(text: str) -> str | None:
    """The canonical tag (``ko``, ``fr``, ``zh-Hans``, ``pt-BR``) of a language CLDR knows, or None."""
    tag = (text or "").strip().replace("_", "-")
    if not tag or len(tag) > 35 or not tag.isascii():
        return None
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, UnknownLocaleError):
        return None
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)


def language_name(code: str) -> str:
    """The language named in itself, as a menu shows it: "한국어", "Français", "English"."""
    try:
        locale = Locale.parse(code, sep="-")
    except (ValueError, UnknownLocaleError):
        return code
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


def language_name_in_english(code: str) -> str:
    return language_name_in(code, "en")


def language_name_in(code: str, reader) -> str:
    """The language named in the reader's ("en", or a Babel Locale): "German", "독일어"."""
    try:
        return Locale.parse(code, sep="-").get_display_name(reader) or code
    except (ValueError, UnknownLocaleError):
        return code


# --- files -----------------------------------------------------------------------------------------------------

# What a documents officer sends round: PDF, office documents (Microsoft's and OpenDocument), text and pictures.
ACCEPTED_TYPES = {
    "application/pdf": "PDF",
    "application/msword": "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "application/vnd.ms-excel": "Excel workbook",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel workbook",
    "application/vnd.ms-powerpoint": "PowerPoint presentation",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PowerPoint presentation",
    "application/vnd.oasis.opendocument.text": "OpenDocument text",
    "application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet",
    "application/vnd.oasis.opendocument.presentation": "OpenDocument presentation",
    "text/plain": "plain text",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "image/webp": "WebP image",
}
ACCEPTED_SUMMARY = _("PDF, Word, Excel, PowerPoint, OpenDocument, plain text, PNG, JPEG or WebP")
# filetype reads no further than this; neither do we before deciding.
HEAD_BYTES = 8192


@dataclass(frozen=True)
class FileType:
    mime: str
    extension: str

    @property
    def label(self) -> str:
        return ACCEPTED_TYPES.get(self.mime, self.mime)


class RefusedFile(ValueError):
    """A file that is not stored; the message says why, naming the file."""

    def __init__(self, message: Message):
        super().__init__(message)

    @property
    def message(self) -> Message:
        return self.args[0]


def detect_type(head: bytes) -> FileType | None:
    """What the file's first bytes say it is, whatever its name says; None for nothing recognisable."""
    found = filetype.guess(head[:HEAD_BYTES])
    if found is not None:
        return FileType(found.mime, found.extension)
    if _is_text(head):
        return FileType("text/plain", "txt")
    return None


def accepted_type(head: bytes, filename: str) -> FileType:
    """The file's type if documents may have it; ``RefusedFile`` naming what was found otherwise."""
    found = detect_type(head)
    if found is None:
        raise RefusedFile(_("“%(name)s” is not a type of file documents can be: its content is not recognised. "
                            "Send %(accepted)s.", name=filename, accepted=ACCEPTED_SUMMARY))
    if found.mime not in ACCEPTED_TYPES:
        raise RefusedFile(_("“%(name)s” is %(type)s (.%(extension)s) by its content, which documents cannot be. "
                            "Send %(accepted)s.", name=filename, type=found.mime, extension=found.extension,
                            accepted=ACCEPTED_SUMMARY))
    return found


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The head may end inside a character: only an error in its last three bytes is forgiven.
        if error.start < len(head) - 3:
            return False
        text = head[:error.start].decode("utf-8")
    return not any(unicodedata.category(char) == "Cc" and char not in "\t\n\r\f" for char in text)


def stored_filename(name: str, fallback: str) -> str:
    """The name a file was sent with, in any script, without its folders or control characters, composed (a Mac
    sends Korean decomposed), at most 255 characters with the extension kept."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(char for char in name if unicodedata.category(char) not in ("Cc", "Cf", "Cs")).strip(" .")
    if not name:
        return fallback
    if len(name) > 255:
        stem, dot, extension = name.rpartition(".")
        name = (stem[:254 - len(extension)] + dot + extension) if dot and len(extension) < 16 else name[:255]
    return name


def size_text(size: int) -> str:
    """A size as people read it: 812 bytes, 24 KB, 3.4 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    if size < 1024 * 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{size / 1024 / 1024 / 1024:.2f} GB"


# Offered first where a language is chosen: the United Nations' six, then those its meetings often add.
COMMON_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru", "ko", "ja", "de", "pt", "it", "id", "th", "vi", "tr", "hi",
                    "fa", "uz", "kk", "ky", "tg", "mn", "ms", "sw")


def by_kind(documents) -> list[tuple[DocumentKind, list]]:
    """Documents grouped by kind, in the order of the kinds (the concept note first), each group in its order."""
    groups: dict[DocumentKind, list] = {}
    for document in documents:
        groups.setdefault(document.kind, []).append(document)
    return [(kind, groups[kind]) for kind in DocumentKind if kind in groups]
