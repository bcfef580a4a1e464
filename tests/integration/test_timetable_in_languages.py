"""The organiser's timetable, session form and sessions list in French and Russian: every word the organiser
reads is in their language (counted as Russian counts), what organisers typed stays as typed; English as before."""
import html
import json
import re
from datetime import datetime

import pytest

from planner.domain.vocabulary import Role, SessionKind
from planner.extensions import db
from planner.operations.agenda import assign_role
from tests.integration.browsing import csrf_token_of, errors_beside_fields, flashes_of, submit, text_of

ORGANISE = "/events/owned/organise"
TIMETABLE = f"{ORGANISE}/timetable/2021-10-18"
LIST = f"{ORGANISE}/sessions/"


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        hall = make.room(meeting, "Hall A", capacity=25)
        annex = make.room(meeting, "Annex", capacity=22)
        panel = make.session(meeting, "Customs panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10),
                             room=hall, kind=SessionKind.PANEL)
        assign_role(panel, make.person(meeting, "Kim Min-ji"), Role.CHAIR)
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 10, 30), room=hall,
                     kind=SessionKind.BREAK)
        make.session(meeting, "Side event", datetime(2021, 10, 19, 14), datetime(2021, 10, 19, 15), room=annex,
                     draft=True)
        db.session.commit()
        alice = make.organiser("alice@example.org", meetings=[meeting])
        return dict(panel=panel.id, hall=hall.id, token=make.token(alice))



@pytest.fixture
def alice(browser, ids):
    return browser("alice@example.org")


def script_words(response) -> dict:
    """What the timetable's script will say (its data-messages), as the script reads it."""
    found = re.search(r"data-messages='([^']*)'", response.get_data(as_text=True))
    assert found, "the grid carries no words for its script"
    return json.loads(html.unescape(found.group(1)))


def test_the_timetable_in_french_with_its_scripts_words(alice):
    response = alice.get(f"{TIMETABLE}?lang=fr")
    page = text_of(response)
    for words in ("Calendrier, lun. 18 oct. — Owned meeting", "Ajouter une séance",
                  "Annuler ma dernière modification", "Ce jour-là : 0 en salle · 0 en ligne",
                  "Faites glisser une séance pour la déplacer",
                  "Les horaires s’alignent par tranches de 5 minutes, selon le fuseau horaire Asia/Seoul.",
                  "Hall A 25 places 09:00–10:00 Modifier Customs panel , lun. 18 oct. 09:00–10:00 Kim Min-ji",
                  "Annex 22 places", "Conflits Aucun conflit."):
        assert words in page, words
    for english in ("Add a session", "Undo my last change", "Drag a session", "seats", "No conflicts", "Edit "):
        assert english not in page, english
    words = script_words(response)
    assert words["saved"] == "Enregistré : %(title)s, %(time)s, %(room)s."
    assert words["offline"] == "La modification n’a pas été enregistrée : le serveur est injoignable."
    assert words["fields"]["room_id"] == "Salle"


def test_the_session_form_in_french_names_the_missing_end_then_saves(alice, ids):
    alice.get(f"{LIST}?lang=fr")
    refused = submit(alice, f"{ORGANISE}/sessions/new?day=2021-10-18", {"title": "Opening", "ends": ""})
    assert refused.status_code == 400
    page = text_of(refused)
    assert "Nouvelle séance" in page and "Rien n’a été enregistré." in page
    assert "Début Fuseau horaire : Asia/Seoul" in page and "Enregistrer et en ajouter une autre" in page
    assert errors_beside_fields(refused) == {
        "ends": ["Indiquez la date et l’heure de fin, ou cochez « Sans heure de fin »."]}

    edit = f"{ORGANISE}/sessions/{ids['panel']}/edit"
    page = text_of(alice.get(edit))
    assert "Modifier la séance" in page and "Personnes participant à cette séance Président(e) : Kim Min-ji" in page
    assert "— n’est incluse dans aucune autre séance — lun. 18 oct. 10:00 Coffee" in page
    saved = submit(alice, edit, {"title": "Customs panel"}, action_contains="/edit")
    assert flashes_of(alice.get(saved.headers["Location"])) == ["« Customs panel » a été enregistrée."]


def test_the_sessions_list_in_russian_counts_as_russian_does(alice, ids):
    page = text_of(alice.get(f"{LIST}?lang=ru"))
    for words in ("Заседания", "Все дни", "Все залы Без зала Hall A Annex", "Показать все", "Добавить заседание",
                  "3 заседания, время по часовому поясу Asia/Seoul", "День Время Заседание Зал Вид Статус",
                  "пн, 18 окт. 09:00–10:00 Изменить Customs panel", "Hall A Дискуссионная группа Подтверждено",
                  "Применить к выбранным заседаниям"):
        assert words in page, words
    assert "1 заседание, время" in text_of(alice.get(f"{LIST}?day=2021-10-19"))
    assert "Подходящих заседаний нет." in text_of(alice.get(f"{LIST}?day=2021-10-20"))
    timetable = text_of(alice.get(TIMETABLE))
    assert "Hall A 25 мест" in timetable and "Annex 22 места" in timetable
    assert "с шагом в 5 минут" in timetable


def test_english_reads_as_before(alice):
    page = text_of(alice.get(f"{LIST}?lang=en"))
    assert "3 sessions, times in Asia/Seoul" in page and "Apply to the chosen sessions" in page
    timetable = alice.get(TIMETABLE)
    assert "Hall A 25 seats" in text_of(timetable) and "Times snap to 5 minutes, in Asia/Seoul." in text_of(timetable)
    assert script_words(timetable)["saved"] == "Saved: %(title)s, %(time)s, %(room)s."


def test_a_move_the_timetable_cannot_save_is_refused_in_its_readers_language_and_in_english_to_programs(
        alice, client, ids):
    """The timetable's script saves through the API and shows the refusal it gets: in the page's language."""
    token = csrf_token_of(alice.get(f"{TIMETABLE}?lang=fr"))
    address = f"/api/v1/events/owned/sessions/{ids['panel']}"
    backwards = {"starts_at": "2021-10-18T10:00:00+09:00", "ends_at": "2021-10-18T09:00:00+09:00"}
    from_the_page = alice.patch(address, json=backwards, headers={"X-CSRFToken": token})
    assert from_the_page.status_code == 422
    assert from_the_page.get_json()["error"]["fields"] == {"ends_at": "La fin doit être postérieure au début."}
    from_a_program = client.patch(address, json=backwards, headers={
        "Authorization": f"Bearer {ids['token']}", "Accept-Language": "fr"})
    assert from_a_program.get_json()["error"]["fields"] == {"ends_at": "The end must come after the start."}
