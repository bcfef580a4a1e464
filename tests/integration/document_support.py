"""Files of the kinds organisers send, made here, and documents put on a meeting through the operations."""
import io
import zipfile

from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.extensions import db
from planner.operations.documents import add_document, add_file, add_link
from planner.operations.file_store import Limits, Upload

LIMITS = Limits(file_bytes=50 * 1024 * 1024, meeting_bytes=1024 * 1024 * 1024)


def pdf_bytes(text: str = "Concept note", padding: int = 0) -> bytes:
    """A small well-formed PDF of one page (``padding`` bytes of comment make it as long as needed)."""
    content = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    out += b"%" + b"x" * padding + b"\n" if padding else b""
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, start)
    return bytes(out)


def docx_bytes() -> bytes:
    """A Word document's container, laid out as Word writes it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships/>')
        archive.writestr("word/document.xml", '<?xml version="1.0"?><document/>')
    return buffer.getvalue()


def executable_bytes() -> bytes:
    """The start of a Windows program (an MZ header with its PE signature)."""
    header = bytearray(b"MZ" + b"\x90\x00" * 29)
    header += b"\x00" * (0x3C - len(header)) + (0x80).to_bytes(4, "little")
    header += b"\x00" * (0x80 - len(header)) + b"PE\x00\x00" + b"\x00" * 400
    return bytes(header)


def upload(content: bytes, filename: str) -> Upload:
    return Upload(filename, io.BytesIO(content))


def put_document(meeting, *, title="Concept note", kind=DocumentKind.CONCEPT_NOTE,
                 visibility=DocumentVisibility.PUBLIC, session=None, files=None, link=None, actor=None):
    """A document with ``files`` ({language: (filename, bytes)}) or a link, committed."""
    document = add_document(meeting, title=title, kind=kind, visibility=visibility, session=session, actor=actor)
    for language, (filename, content) in (files or {"en": ("concept-note.pdf", pdf_bytes(title))}).items():
        add_file(document, language=language, upload=upload(content, filename), limits=LIMITS, actor=actor)
    if link:
        add_link(document, language="en", link=link, actor=actor)
    db.session.commit()
    return document


def post_multipart(client, address: str, fields: dict, files: list[tuple[str, str, bytes]], **kwargs):
    """A multipart/form-data POST as a browser or an integrator sends it: ``files`` are (field, name, content).

    The body is made here: Werkzeug's test client would spool a large one to a temporary file it leaves open.
    """
    data = MultiDict(fields)
    for field, name, content in files:
        data.add(field, FileStorage(io.BytesIO(content), filename=name, content_type="application/octet-stream"))
    boundary, body = encode_multipart(data)
    return client.post(address, data=body, content_type=f"multipart/form-data; boundary={boundary}", **kwargs)
