"""A participant's preferred language is part of their registration: the public form (read in a language, it
offers that one), the organisers' form, the API, the participants CSV."""
import html
import io
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from planner.database import utcnow
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.models import Registration
from planner.operations.registrations import register_participant

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)
REGISTER = "/events/test-meeting/register"


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def csrf_token(client, address: str) -> str:
    return re.search(r'name="(?:\w+-)?csrf_token" type="hidden" value="([^"]+)"',
                     client.get(address).get_data(as_text=True)).group(1)


def selected_language(page: str) -> str:
    select_element = re.search(r'<select[^>]*name="language".*?</select>', page, re.S)[0]
    return next(option for option in re.findall(r"<option[^>]*>", select_element) if " selected" in option)


def registered() -> Registration:
    return db.session.scalars(select(Registration)).one()


@pytest.fixture
def meeting(make):
    meeting = make.meeting(first_day=MONDAY, last_day=TUESDAY)
    meeting.registration_open, meeting.registration_closes_at = True, utcnow() + timedelta(days=3)
    db.session.commit()
    return meeting


def test_the_public_form_offers_the_language_it_is_read_in_each_by_its_own_name(client, meeting):
    page = client.get(f"{REGISTER}?lang=es").get_data(as_text=True)
    assert "Su idioma" in page and "Recibirá sus invitaciones y su calendario en este idioma." in page
    assert 'value="es" selected' in selected_language(page) or 'selected value="es"' in selected_language(page)
    for name in ("English", "Français", "Español", "Русский", "中文 (简体)", "العربية", "한국어"):
        assert f">{name}</option>" in page
    assert "Su nombre, tal como lo escribe" in page  # the form's own words are in the page's language too


def test_someone_registering_in_spanish_is_written_to_in_spanish_unless_they_choose_otherwise(client, meeting):
    form = {"name": "Ana García", "email": "ana@example.org", "role": "expert", "institution": "",
            "institution_kind": "government", "home_timezone": "", "day_2021_10_18": "online",
            "day_2021_10_19": "absent"}
    response = client.post(f"{REGISTER}?lang=es", data={**form, "csrf_token": csrf_token(client, REGISTER),
                                                        "language": "es"})
    assert "Idioma de sus invitaciones y su calendario: Español" in text_of(response)
    assert registered().language == "es"


def test_the_public_form_refuses_a_language_planner_is_not_written_in(client, meeting):
    response = client.post(REGISTER, data={
        "csrf_token": csrf_token(client, REGISTER), "name": "Ana", "email": "ana@example.org", "role": "expert",
        "institution_kind": "government", "day_2021_10_18": "online", "day_2021_10_19": "absent", "language": "de"})
    assert response.status_code == 400
    assert "Not a valid choice" in text_of(response)
    assert db.session.scalars(select(Registration)).first() is None


def test_an_organiser_sets_and_clears_a_participants_language(sign_in, meeting, make):
    organiser = sign_in(meeting)
    address = "/events/test-meeting/organise/participants/new"
    person = make.person(meeting, "Chang Wook-jin", email="chang@example.org")
    assert "— the meeting's —" in html.unescape(organiser.get(address).get_data(as_text=True))
    response = organiser.post(address, data={
        "csrf_token": csrf_token(organiser, address), "person": str(person.id), "institution": "",
        "role": "delegate", "home_timezone": "", "language": "ko", "day_2021_10_18": "in_room",
        "day_2021_10_19": "online"})
    assert response.status_code == 302
    registration = registered()
    assert registration.language == "ko"
    edit = f"/events/test-meeting/organise/participants/{registration.id}/edit"
    assert 'value="ko" selected' in organiser.get(edit).get_data(as_text=True).replace('selected value="ko"',
                                                                                          'value="ko" selected')
    organiser.post(edit, data={"csrf_token": csrf_token(organiser, edit), "role": "delegate", "home_timezone": "",
                               "language": "", "version": str(registration.version),
                               "day_2021_10_18": "in_room", "day_2021_10_19": "online"})
    db.session.expire_all()
    assert registered().language is None


@pytest.fixture
def headers(meeting, make):
    return {"Authorization": f"Bearer {make.token(make.organiser('api@example.org', meetings=[meeting]))}"}


def test_the_api_reads_and_writes_a_participants_language(client, meeting, headers):
    created = client.post("/api/v1/events/test-meeting/registrations", headers=headers, json={
        "person": {"name": "Lee Ji-eun"}, "role": "delegate", "language": "zh_hans"})
    assert created.status_code == 201
    assert created.get_json()["language"] == "zh-Hans"
    address = created.headers["Location"]
    changed = client.patch(address, headers=headers, json={"language": None, "version": 1})
    assert changed.status_code == 200 and changed.get_json()["language"] is None
    refused = client.patch(address, headers=headers, json={"language": "klingon", "version": 2})
    assert refused.status_code == 422
    assert "“klingon” is not a language Planner is written in" in refused.get_json()["error"]["fields"]["language"]
    assert client.patch(address, headers=headers, json={"role": "expert", "version": 2}).get_json()["language"] is None


def test_the_api_keeps_a_language_a_change_does_not_name(client, meeting, headers, make):
    registration = register_participant(meeting, make.person(meeting, "Kim"), role=ParticipantRole.EXPERT,
                                        days={MONDAY: DayMode.ONLINE}, language="ar")
    db.session.commit()
    answer = client.patch(f"/api/v1/events/test-meeting/registrations/{registration.id}", headers=headers,
                          json={"role": "delegate", "version": registration.version})
    assert answer.get_json()["language"] == "ar"


def upload(organiser, text: str):
    return organiser.post("/events/test-meeting/organise/participants/import", data={
        "import-csrf_token": csrf_token(organiser, "/events/test-meeting/organise/participants/"),
        "import-file": (io.BytesIO(text.encode()), "participants.csv"),
    }, content_type="multipart/form-data")


def test_a_participants_csv_may_give_each_ones_language_and_a_bad_one_is_named_by_row(sign_in, meeting):
    organiser = sign_in(meeting)
    response = upload(organiser, "name,role,language\nChang Wook-jin,delegate,ko\nAna García,expert,ES\n"
                                 "Finlay Smith,observer,\nKlaus,expert,de\n")
    assert response.status_code == 400
    assert "Row 5, language: “de” is not a language Planner is written in" in text_of(response)
    assert upload(organiser, "name,role,language\nChang Wook-jin,delegate,ko\nAna García,expert,ES\n"
                             "Finlay Smith,observer,\n").status_code == 302
    languages = {registration.person.name: registration.language
                 for registration in db.session.scalars(select(Registration))}
    assert languages == {"Chang Wook-jin": "ko", "Ana García": "es", "Finlay Smith": None}
