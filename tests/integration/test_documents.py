"""Meeting documents: uploads by organisers, downloads as each reader may, with names, types and ranges kept."""
import hashlib
from datetime import datetime
import io
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from planner.domain.documents import RefusedFile
from planner.extensions import db
from planner.models import Change, Document, DocumentRevision, StoredFile
from planner.operations.documents import add_file
from planner.operations.file_store import Limits
from tests.integration.browsing import csrf_token_of, errors_beside_fields, flashes_of, form_of, submit, text_of
from tests.integration.document_support import (
    LIMITS, docx_bytes, executable_bytes, pdf_bytes, post_multipart, put_document, upload,
)

KOREAN_NAME = "서울 회의 개념 노트.pdf"


@pytest.fixture
def meeting(make):
    return make.meeting()


def _upload_page_token(client, slug="test-meeting"):
    return csrf_token_of(client.get(f"/events/{slug}/organise/documents"))


def _post_files(client, files, **fields):
    """The upload form sent as a browser sends it (the body made here: Werkzeug's test client would leave the
    temporary file of a large one open)."""
    return post_multipart(client, "/events/test-meeting/organise/documents/upload", {
        "csrf_token": _upload_page_token(client), "kind": "presentation", "language": "en", "visibility": "public",
        "session": "", "title": "", **fields}, [("files", name, content) for name, content in files])


def test_an_organiser_uploads_several_files_and_a_renamed_program_is_refused_naming_its_type(
        sign_in, meeting, app, stored_rows):
    client = sign_in(meeting)
    response = _post_files(client, [("Opening remarks.pdf", pdf_bytes("Opening")),
                                    ("Agenda.docx", docx_bytes()),
                                    ("slides.pdf", executable_bytes())])
    assert response.status_code == 400
    page = text_of(response)
    assert "Added 2 documents: “Opening remarks”, “Agenda”." in flashes_of(response)
    assert ("“slides.pdf” is application/x-msdownload (.exe) by its content, which documents cannot be." in page)
    with app.app_context():
        titles = db.session.scalars(select(Document.title).order_by(Document.position)).all()
        types = db.session.scalars(select(StoredFile.content_type).order_by(StoredFile.id)).all()
    assert titles == ["Opening remarks", "Agenda"]
    assert types == ["application/pdf",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]


def test_the_upload_form_without_a_file_says_so_beside_the_field(sign_in, meeting):
    response = _post_files(sign_in(meeting), [])
    assert response.status_code == 400
    assert errors_beside_fields(response)["files"] == ["Choose one or more files."]


def test_the_page_script_gets_each_files_answer_as_json(sign_in, meeting):
    client = sign_in(meeting)
    token = _upload_page_token(client)
    refused = client.post("/events/test-meeting/organise/documents/upload", headers={"Accept": "application/json"},
                          data={"csrf_token": token, "kind": "other", "language": "fr", "visibility": "public",
                                "session": "", "files": [(io.BytesIO(executable_bytes()), "notes.txt")]})
    assert refused.status_code == 400
    assert refused.json["stored"] == []
    assert refused.json["refused"][0]["filename"] == "notes.txt"
    assert "application/x-msdownload" in refused.json["refused"][0]["message"]
    stored = client.post("/events/test-meeting/organise/documents/upload", headers={"Accept": "application/json"},
                         data={"csrf_token": token, "kind": "other", "language": "fr", "visibility": "public",
                               "session": "", "files": [(io.BytesIO(b"Ordre du jour\n"), "ordre.txt")]})
    assert stored.status_code == 201
    assert [each["title"] for each in stored.json["stored"]] == ["ordre"]


def test_a_korean_file_name_comes_back_as_it_was_sent(sign_in, meeting, client):
    organiser = sign_in(meeting)
    _post_files(organiser, [(KOREAN_NAME, pdf_bytes())], language="ko", kind="concept_note")
    with client.application.app_context():
        document_id = db.session.scalar(select(Document.id))
    response = client.get(f"/events/test-meeting/documents/{document_id}/ko")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == (
        f"inline; filename=\"document.pdf\"; filename*=UTF-8''{quote(KOREAN_NAME, safe='')}")
    assert response.mimetype == "application/pdf"
    assert response.get_data() == pdf_bytes()


def test_a_download_has_its_hash_as_etag_answers_304_and_resumes_with_a_range(make, meeting, client):
    content = pdf_bytes(padding=3 * 512 * 1024)  # over several stored chunks
    document = put_document(meeting, files={"en": ("Background paper.pdf", content)})
    address = f"/events/test-meeting/documents/{document.id}/en"
    whole = client.get(address)
    assert whole.get_data() == content
    assert whole.headers["Content-Length"] == str(len(content))
    assert whole.headers["Accept-Ranges"] == "bytes"
    etag = whole.headers["ETag"]
    assert etag == f'"{hashlib.sha256(content).hexdigest()}"'
    assert client.get(address, headers={"If-None-Match": etag}).status_code == 304
    start = 512 * 1024 - 10  # across a chunk's end
    part = client.get(address, headers={"Range": f"bytes={start}-{start + 99}"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes {start}-{start + 99}/{len(content)}"
    assert part.get_data() == content[start:start + 100]
    tail = client.get(address, headers={"Range": "bytes=-20"})
    assert tail.get_data() == content[-20:]


def test_the_same_bytes_are_stored_once_per_meeting(make, meeting, app):
    put_document(meeting, title="One", files={"en": ("a.pdf", pdf_bytes("same"))})
    put_document(meeting, title="Two", files={"en": ("b.pdf", pdf_bytes("same"))})
    assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 1


def test_replacing_a_version_keeps_its_address_and_the_earlier_revision_for_organisers(
        make, meeting, sign_in, client):
    document = put_document(meeting, files={"en": ("draft.pdf", pdf_bytes("first"))})
    organiser = make.organiser("documents@example.org", meetings=[meeting])
    add_file(document, language="en", upload=upload(pdf_bytes("second"), "final.pdf"), limits=LIMITS,
             actor=organiser)
    db.session.commit()
    first_revision = db.session.scalar(select(DocumentRevision.id).where(DocumentRevision.number == 1))
    address = f"/events/test-meeting/documents/{document.id}/en"
    assert client.get(address).get_data() == pdf_bytes("second")
    signed_in = sign_in(meeting)
    page = text_of(signed_in.get(f"/events/test-meeting/organise/documents/{document.id}"))
    assert "2 (current) final.pdf" in page and "documents@example.org" in page and "1 draft.pdf" in page
    old = f"/events/test-meeting/organise/documents/{document.id}/revisions/{first_revision}"
    assert signed_in.get(old).get_data() == pdf_bytes("first")
    assert client.get(old).status_code == 302  # to sign in
    summaries = db.session.scalars(select(Change.summary).where(Change.entity == "documentrevision")).all()
    assert summaries[-1] == "Replaced the English version of “Concept note” with final.pdf (revision 2)"


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(sign_in, meeting, app, stored_rows):
    client = sign_in(meeting)
    before = stored_rows()
    oversized = b"%PDF-1.4\n" + b"\0" * (50 * 1024 * 1024 + 1 - 9)
    response = _post_files(client, [("huge.pdf", oversized)])
    assert response.status_code == 400
    assert "“huge.pdf” is 50.0 MB: a document's file can be at most 50.0 MB." in text_of(response)
    after = stored_rows()
    assert after["documents"] == before["documents"] == []
    assert after["stored_chunks"] == []


def test_the_meetings_total_is_held_to_its_limit_and_bytes_it_holds_cost_nothing_more(meeting):
    first = pdf_bytes("1", padding=1000)
    limits = Limits(LIMITS.file_bytes, meeting_bytes=2 * len(first))
    document = put_document(meeting, files={"en": ("1.pdf", first)})
    add_file(document, language="fr", upload=upload(pdf_bytes("2", padding=1000), "2.pdf"), limits=limits, actor=None)
    refusal = r"“3.pdf” \(2 KB\) does not fit: the meeting's documents hold 3 KB of at most 3 KB\."
    with pytest.raises(RefusedFile, match=refusal):
        add_file(document, language="es", upload=upload(pdf_bytes("3", padding=1000), "3.pdf"), limits=limits,
                 actor=None)
    add_file(document, language="es", upload=upload(first, "1 again.pdf"), limits=limits, actor=None)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 2


def test_purging_a_meeting_takes_its_documents_and_their_bytes(make, meeting):
    from planner.operations.trash import purge_meeting
    session = make.session(meeting, "Panel")
    put_document(meeting, title="On the meeting")
    put_document(meeting, title="On the panel", session=session, files={"ko": ("발표.pdf", pdf_bytes("panel"))})
    purge_meeting(meeting, actor=None)
    db.session.commit()
    assert [db.session.scalar(select(func.count()).select_from(model))
            for model in (Document, DocumentRevision, StoredFile)] == [0, 0, 0]


def test_removing_a_language_keeps_the_document_for_its_organisers_to_complete(sign_in, make, meeting, client):
    document = put_document(meeting, files={"en": ("note.pdf", pdf_bytes("en")),
                                            "fr": ("note-fr.pdf", pdf_bytes("fr"))})
    organiser = sign_in(meeting)
    for language in ("fr", "en"):
        address = f"/events/test-meeting/organise/documents/{document.id}/languages/{language}/delete"
        confirmed = organiser.post(address, data={"csrf_token": csrf_token_of(organiser.get(address))})
        assert confirmed.status_code == 303
    assert client.get(f"/events/test-meeting/documents/{document.id}/en").status_code == 404
    page = text_of(organiser.get("/events/test-meeting/organise/documents"))
    assert "Concept note The whole meeting Concept note Public" in page
    assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 0
    assert [change.summary for change in db.session.scalars(
        select(Change).where(Change.action == "deleted").order_by(Change.id))] == [
        "Removed revision 1 of “Concept note” (French)", "Removed the French version of “Concept note”",
        "Removed revision 1 of “Concept note” (English)", "Removed the English version of “Concept note”"]


def test_the_agenda_costs_the_same_queries_with_one_document_or_thirty(make, meeting, client, count_queries):
    sessions = [make.session(meeting, f"Session {number}", datetime(2021, 10, 18, 9 + number)) for number in range(3)]

    def agenda_queries() -> int:
        with count_queries() as counter:
            assert client.get("/events/test-meeting/?tz=Asia/Seoul").status_code == 200
        return counter.count

    put_document(meeting, title="First", session=sessions[0])
    one = agenda_queries()
    for number in range(29):
        put_document(meeting, title=f"Paper {number}", session=sessions[number % 3],
                     files={"en": (f"{number}.pdf", pdf_bytes(str(number))),
                            "fr": (f"{number}-fr.pdf", pdf_bytes(f"fr{number}"))})
    assert agenda_queries() == one


def test_organisers_order_documents_and_change_their_details_and_the_history_shows_it(sign_in, make, meeting, client):
    session = make.session(meeting, "Panel")
    _, second, third = (put_document(meeting, title=title) for title in ("Concept note", "Programme", "Report"))
    organiser = sign_in(meeting)
    token = csrf_token_of(organiser.get("/events/test-meeting/organise/documents"))
    moved = organiser.post(f"/events/test-meeting/organise/documents/{third.id}/move",
                           data={"csrf_token": token, "direction": "up"})
    assert moved.status_code == 303
    assert db.session.scalars(select(Document.title).order_by(Document.position)).all() == [
        "Concept note", "Report", "Programme"]
    address = f"/events/test-meeting/organise/documents/{second.id}"
    seen = form_of(organiser.get(address)).values()
    changed = submit(organiser, address, {"title": "Provisional programme", "kind": "programme",
                                          "visibility": "participants", "session": str(session.id)})
    assert changed.status_code == 303
    db.session.expire_all()
    edited = db.session.get(Document, second.id)
    assert (edited.title, edited.visibility.value, edited.session_id) == ("Provisional programme", "participants",
                                                                         session.id)
    assert client.get(f"/events/test-meeting/documents/{second.id}/en").status_code == 404
    stale = organiser.post(address, data={**seen, "title": "Old title"})
    assert stale.status_code == 409
    assert "Someone else changed this document while you were editing" in text_of(stale)
    history = text_of(organiser.get("/events/test-meeting/organise/history"))
    for summary in ("Moved the document “Report” up", "Changed the document “Provisional programme”",
                    "Gave “Concept note” its English version: concept-note.pdf"):
        assert summary in history
