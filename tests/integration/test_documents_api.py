"""Documents through the API: multipart uploads, links, new revisions, and listings as the caller may read them."""

import pytest
from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Document, StoredFile
from tests.integration.document_support import docx_bytes, executable_bytes, pdf_bytes, post_multipart

KOREAN_NAME = "정보 안내문.pdf"


@pytest.fixture
def organiser(make):
    meeting = make.meeting()
    session = make.session(meeting, "Opening session")
    token = make.token(make.organiser("organiser@example.org", meetings=[meeting]))
    return {"Authorization": f"Bearer {token}"}, session.id


def _post(client, address, headers, **fields):
    files = [(name, *value) for name, value in fields.items() if isinstance(value, tuple)]
    return post_multipart(client, address, {name: value for name, value in fields.items()
                                            if not isinstance(value, tuple)}, files, headers=headers)


def test_an_integrator_uploads_a_document_in_two_languages_and_everyone_reads_the_public_one(client, organiser):
    headers, session_id = organiser
    created = _post(client, f"/api/v1/events/test-meeting/sessions/{session_id}/documents", headers,
                    kind="information_note", visibility="public", language="en",
                    file=("Information note.pdf", pdf_bytes("Information")))
    assert created.status_code == 201, created.get_json()
    document = created.get_json()
    assert created.headers["Location"] == f"http://localhost/api/v1/events/test-meeting/documents/{document['id']}"
    korean = _post(client, f"/api/v1/events/test-meeting/documents/{document['id']}/versions", headers,
                   language="ko", file=(KOREAN_NAME, pdf_bytes("안내")))
    assert korean.status_code == 201
    body = korean.get_json()
    assert body["title"] == "Information note"
    assert body["session_id"] == session_id
    assert [(each["language"], each["name"], each["filename"], each["content_type"], each["revision"])
            for each in body["languages"]] == [
        ("en", "English", "Information note.pdf", "application/pdf", 1),
        ("ko", "한국어", KOREAN_NAME, "application/pdf", 1)]
    download = client.get(body["languages"][1]["url"])
    assert download.get_data() == pdf_bytes("안내")
    event = client.get("/api/v1/events/test-meeting").get_json()
    assert event["documents"] == []
    assert [each["title"] for each in event["sessions"][0]["documents"]] == ["Information note"]
    assert event["sessions"][0]["documents"][0]["languages"][0]["size"] == len(pdf_bytes("Information"))


def test_a_new_file_in_a_language_it_has_is_its_next_revision_at_the_same_address(client, organiser):
    headers, _ = organiser
    first = _post(client, "/api/v1/events/test-meeting/documents", headers, kind="report", visibility="public",
                  language="en", title="Outcome", file=("outcome-draft.docx", docx_bytes())).get_json()
    again = _post(client, f"/api/v1/events/test-meeting/documents/{first['id']}/versions", headers,
                  language="en", file=("outcome.pdf", pdf_bytes("final"))).get_json()
    assert again["languages"][0]["revision"] == 2
    assert again["languages"][0]["url"] == first["languages"][0]["url"]
    assert client.get(first["languages"][0]["url"]).get_data() == pdf_bytes("final")


def test_a_link_instead_of_a_file(client, organiser):
    headers, _ = organiser
    linked = _post(client, "/api/v1/events/test-meeting/documents", headers, kind="background_paper",
                   visibility="public", language="fr", title="Résolution 2396",
                   link="https://undocs.org/fr/S/RES/2396(2017)")
    assert linked.status_code == 201
    version = linked.get_json()["languages"][0]
    assert version["link"] == "https://undocs.org/fr/S/RES/2396(2017)"
    assert version["name"] == "Français"
    followed = client.get(version["url"])
    assert (followed.status_code, followed.headers["Location"]) == (302, "https://undocs.org/fr/S/RES/2396(2017)")


def test_a_renamed_program_is_refused_naming_its_type_and_nothing_is_stored(client, organiser, stored_rows):
    headers, _ = organiser
    before = stored_rows()
    refused = _post(client, "/api/v1/events/test-meeting/documents", headers, kind="presentation",
                    visibility="public", language="en", file=("slides.pptx", executable_bytes()))
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"]["file"].startswith(
        "“slides.pptx” is application/x-msdownload (.exe) by its content")
    assert stored_rows() == before


@pytest.mark.parametrize("fields, field, message", [
    ({"kind": "memo", "visibility": "public", "language": "en"}, "kind", "Give one of: concept_note"),
    ({"kind": "report", "visibility": "everyone", "language": "en"}, "visibility", "Give one of: public"),
    ({"kind": "report", "visibility": "public", "language": "klingon"}, "language", "“klingon” is not a language"),
    ({"kind": "report", "visibility": "public", "language": "en", "colour": "red"}, "colour", "not known"),
])
def test_a_wrong_field_is_named(client, organiser, fields, field, message):
    headers, _ = organiser
    answer = _post(client, "/api/v1/events/test-meeting/documents", headers, **fields,
                   file=("a.pdf", pdf_bytes()))
    assert answer.status_code == 422
    assert message in answer.get_json()["error"]["fields"][field]
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(Document)) == 0


def test_json_is_refused_with_415(client, organiser):
    headers, _ = organiser
    answer = client.post("/api/v1/events/test-meeting/documents", json={"kind": "report"}, headers=headers)
    assert answer.status_code == 415


def test_the_listing_gives_an_organiser_everything_and_the_public_what_is_public(client, organiser):
    headers, _ = organiser
    for visibility in ("public", "participants", "organisers"):
        _post(client, "/api/v1/events/test-meeting/documents", headers, kind="other", visibility=visibility,
              language="en", title=f"For {visibility}", file=(f"{visibility}.txt", f"{visibility}\n".encode()))
    public = client.get("/api/v1/events/test-meeting/documents").get_json()
    everything = client.get("/api/v1/events/test-meeting/documents", headers=headers).get_json()
    assert [each["title"] for each in public["documents"]] == ["For public"]
    assert [each["title"] for each in everything["documents"]] == ["For public", "For participants",
                                                                   "For organisers"]
    hidden = everything["documents"][2]["id"]
    assert client.get(f"/api/v1/events/test-meeting/documents/{hidden}").status_code == 404
    assert client.get(f"/api/v1/events/test-meeting/documents/{hidden}", headers=headers).status_code == 200


def test_deleting_a_document_forgets_bytes_no_one_else_uses(client, organiser):
    headers, _ = organiser
    kept = _post(client, "/api/v1/events/test-meeting/documents", headers, kind="other", visibility="public",
                 language="en", file=("same.pdf", pdf_bytes("same"))).get_json()
    doomed = _post(client, "/api/v1/events/test-meeting/documents", headers, kind="other", visibility="public",
                   language="en", file=("copy.pdf", pdf_bytes("same"))).get_json()
    only = _post(client, f"/api/v1/events/test-meeting/documents/{doomed['id']}/versions", headers,
                 language="fr", file=("seul.pdf", pdf_bytes("seul"))).get_json()
    assert client.delete(f"/api/v1/events/test-meeting/documents/{only['id']}", headers=headers).status_code == 204
    assert client.get(kept["languages"][0]["url"]).status_code == 200
    with client.application.app_context():
        assert db.session.scalar(select(func.count()).select_from(StoredFile)) == 1


def test_a_body_beyond_the_upload_cap_is_refused_before_it_is_read_and_other_routes_keep_theirs(
        other_app, organiser):
    headers, _ = organiser
    app = other_app(DOCUMENT_FILE_MAX_BYTES=1000, DOCUMENT_UPLOAD_REQUEST_MAX_BYTES=1000)
    client = app.test_client()
    too_big = _post(client, "/api/v1/events/test-meeting/documents", headers, kind="other", visibility="public",
                    language="en", file=("big.pdf", pdf_bytes(padding=2 * 1024 * 1024)))
    assert too_big.status_code == 413
    assert too_big.get_json()["error"]["message"].startswith("What was sent is 2.0 MB; at most 1.0 MB can be sent")
    # Only the documents' routes take more than MAX_CONTENT_LENGTH (4 MB).
    json_route = client.patch("/api/v1/events/test-meeting", data=b"{" + b" " * (5 * 1024 * 1024) + b"}",
                              headers=headers, content_type="application/json")
    assert json_route.status_code == 413
    fits = _post(app.test_client(), "/api/v1/events/test-meeting/documents", headers, kind="other",
                 visibility="public", language="en", file=("small.txt", b"Small enough\n"))
    assert fits.status_code == 201
