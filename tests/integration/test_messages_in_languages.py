"""What the operations refuse, read in the reader's language on pages; English pages and the API stay English."""
from planner.extensions import db
from planner.models import Meeting
from tests.integration.browsing import errors_beside_fields, submit
from tests.integration.test_organiser_forms import ORGANISE, ids, organiser  # noqa: F401

MISTAKES = {"venue": "Geneva\nPalais des Nations", "contact_email": "not an address"}


def test_a_french_organiser_reads_the_refusal_of_the_meeting_form_in_french(organiser, ids):
    organiser.get(f"{ORGANISE}/?lang=fr")
    response = submit(organiser, f"{ORGANISE}/edit", MISTAKES)
    assert response.status_code == 400
    assert errors_beside_fields(response) == {
        "venue": ["Le lieu doit tenir sur une seule ligne, sans saut de ligne ni caractère de contrôle."],
        "contact_email": ["Indiquez une adresse électronique telle que nom@example.org."],
    }


def test_a_korean_organiser_reads_a_count_in_a_refusal_in_korean(organiser, ids):
    organiser.get(f"{ORGANISE}/?lang=ko")
    response = submit(organiser, f"{ORGANISE}/edit", {"short_name": "x" * 81})
    assert errors_beside_fields(response) == {"short_name": ["약칭 항목은 최대 80자까지 입력할 수 있습니다."]}


def test_in_english_the_refusals_read_as_before(organiser, ids):
    response = submit(organiser, f"{ORGANISE}/edit", {**MISTAKES, "short_name": "x" * 81})
    assert errors_beside_fields(response) == {
        "venue": ["The venue must be one line, without line breaks or control characters."],
        "contact_email": ["Give an email address such as name@example.org."],
        "short_name": ["The short name is too long (at most 80 characters)."],
    }


def test_the_api_answers_in_english_whatever_the_readers_language(client, seed, ids):
    with seed() as make:
        token = make.token(make.organiser("api@example.org", meetings=[db.session.get(Meeting, ids["meeting"])]))
    response = client.patch("/api/v1/events/owned", json={"contact_email": "not an address"},
                            headers={"Authorization": f"Bearer {token}", "Accept-Language": "fr"})
    assert response.status_code == 422
    assert response.get_json()["error"]["fields"] == {"contact_email": "Give an email address such as name@example.org."}
