"""The check-in desk and the sign-in page in the reader's language; English as before."""
from tests.integration.presence_support import (  # noqa: F401  (fixtures)
    build_small_meeting, csrf_token, organiser, small_meeting, text_of,
)

DESK = "/events/egm/organise/check-in/2021-10-18"


def tick(client, registration_id: int, *, json: bool = False):
    return client.post(f"{DESK}/{registration_id}",
                       data={"csrf_token": csrf_token(client, DESK), "step": "check_in", "q": ""},
                       headers={"Accept": "application/json"} if json else {})


def test_the_desk_speaks_french_but_for_the_names(client, organiser, small_meeting):
    page = text_of(client.get(f"{DESK}?lang=fr"))
    for words in ("Accueil · lundi 18 octobre 2021", "0 enregistré(s) sur 4 attendu(s) en salle",
                  "Rechercher par nom ou scanner un badge", "Dr Kim Min-ji KCS Inscrit(e) en salle"):
        assert words in page, words
    for english in ("checked in of", "Search by name", "Registered in the room", "Not registered today"):
        assert english not in page, english
    html = client.get(DESK).get_data(as_text=True)
    assert 'data-check-in-label="Enregistrer %(name)s"' in html  # the script's words, still to be filled in
    assert 'aria-label="Enregistrer Dr Kim Min-ji"' in html


def test_a_tick_is_said_in_russian_and_flashed_without_javascript(client, organiser, small_meeting):
    client.get(f"{DESK}?lang=ru")
    finlay = small_meeting.registration_id("finlay")
    answer = tick(client, finlay, json=True).get_json()
    assert answer["message"] == f"Mr Brian Finlay отмечен(а) ({answer['checked_in_at']})."
    kim = small_meeting.registration_id("kim")
    flashed = text_of(client.get(tick(client, kim).headers["Location"]))
    assert "Dr Kim Min-ji отмечен(а)" in flashed and "Отмечено: 2 из 4 ожидаемых в зале" in flashed


def test_the_desk_in_arabic_is_right_to_left_and_english_as_before(client, organiser, small_meeting):
    arabic = client.get(f"{DESK}?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in arabic and "ابحث بالاسم أو امسح شارة" in arabic
    english = text_of(client.get(f"{DESK}?lang=en"))
    assert "0 checked in of 4 expected in the room" in english and "Search by name, or scan a badge" in english


def test_the_sign_in_page_in_korean(client):
    page = text_of(client.get("/login?lang=ko"))
    assert "로그인" in page and "비밀번호를 잊으셨나요?" in page and "Sign in" not in page
