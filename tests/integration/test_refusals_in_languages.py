"""Refusals and error pages read in the reader's language: a password refused, too many attempts, a page that is
not there, a participants' file with mistakes; the API answers the same in English."""
import io
import re

import pytest
from sqlalchemy import select

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.models import Meeting
from planner.operations.team import invite
from tests.conftest import PASSWORD
from tests.integration.browsing import csrf_token_of, errors_beside_fields, submit, text_of
from tests.integration.test_registration_language import headers, meeting  # noqa: F401  (fixtures)
from tests.integration.test_throttling import owned  # noqa: F401  (fixture)

COMMON_BUT_LONG = "qwerty123456"


def _html_tag(response) -> str:
    return re.search(r"<html[^>]*>", response.get_data(as_text=True))[0]


@pytest.mark.parametrize("password, refusal", [
    ("short", "Utilisez au moins 12 caractères."),
    (COMMON_BUT_LONG, "Ce mot de passe figure sur les listes des mots de passe les plus courants ; "
                      "choisissez-en un autre."),
])
def test_a_refused_password_is_named_in_french_on_the_account_page(browser, owned, password, refusal):
    owner = browser("owner@example.org")
    owner.get("/organise/account?lang=fr")
    refused = submit(owner, "/organise/account", {"current": PASSWORD, "password": password,
                                                  "confirmation": password})
    assert refused.status_code == 400
    assert errors_beside_fields(refused) == {"password": [refusal]}


def test_joining_a_team_with_a_common_password_and_no_name_is_refused_in_french(client, seed, owned):
    with seed():
        meeting = db.session.scalars(select(Meeting).where(Meeting.slug == "owned")).one()
        _, secret = invite(meeting, "door@example.org", TeamRole.DOOR_STAFF, actor=None)
        db.session.commit()
    link = f"/team/join/{secret}"
    client.get(f"{link}?lang=fr")
    refused = submit(client, link, {"name": "", "password": COMMON_BUT_LONG, "confirmation": COMMON_BUT_LONG})
    assert refused.status_code == 400
    assert errors_beside_fields(refused) == {
        "name": ["Indiquez votre nom tel que vos collègues doivent le voir."],
        "password": ["Ce mot de passe figure sur les listes des mots de passe les plus courants ; "
                     "choisissez-en un autre."]}


def test_too_many_sign_ins_are_refused_in_korean_saying_when_to_try_again(client, owned):
    client.get("/login?lang=ko")
    for n in range(10):
        page = client.get("/login")
        client.post("/login", data={"email": "owner@example.org", "password": f"wrong guess {n}",
                                    "csrf_token": csrf_token_of(page)})
    page = client.get("/login")
    refused = client.post("/login", data={"email": "owner@example.org", "password": PASSWORD,
                                          "csrf_token": csrf_token_of(page)})
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    text = text_of(refused)
    assert "시도 횟수 초과" in text
    assert ("시도 횟수가 너무 많습니다. 보안을 위해 잠시 동안 거부됩니다. 늦어도 15분 후에 다시 시도하십시오."
            in text)
    assert "Too many" not in text and 'lang="ko"' in _html_tag(refused)


def test_a_missing_meeting_is_said_in_arabic_right_to_left(client, owned):
    response = client.get("/events/no-such-meeting/?lang=ar")
    assert response.status_code == 404
    tag = _html_tag(response)
    assert 'lang="ar"' in tag and 'dir="rtl"' in tag
    text = text_of(response)
    assert "غير موجود" in text and "لا يوجد اجتماع منشور على العنوان «no-such-meeting»." in text
    assert "عرض جميع الاجتماعات" in text and "Not Found" not in text


def test_an_address_with_no_page_at_all_is_explained_in_arabic(client):
    text = text_of(client.get("/no/such/page?lang=ar"))
    assert "هذه الصفحة غير موجودة. تحقق من العنوان، أو ابدأ من جديد من قائمة الاجتماعات." in text
    assert "The requested URL" not in text


def _import(organiser, text: str):
    page = organiser.get("/events/test-meeting/organise/participants/")
    token = re.search(r'name="import-csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True))[1]
    return organiser.post("/events/test-meeting/organise/participants/import", data={
        "import-csrf_token": token, "import-file": (io.BytesIO(text.encode()), "participants.csv"),
    }, content_type="multipart/form-data")


def test_a_participants_file_with_mistakes_is_refused_in_spanish(sign_in, meeting):
    organiser = sign_in(meeting)
    organiser.get("/events/test-meeting/organise/participants/?lang=es")
    response = _import(organiser, "name,role,email\nAna García,chair,ana@\n")
    assert response.status_code == 400
    text = text_of(response)
    assert "Indique delegate, expert, observer, staff o press." in text
    assert "«ana@» no es una dirección de correo electrónico." in text


def test_the_api_answers_its_refusals_in_english_whatever_the_reader_asks(client, meeting, headers):
    missing = client.get("/api/v1/events/no-such-meeting/documents", headers={"Accept-Language": "ar"})
    assert missing.status_code == 404
    assert missing.get_json()["error"] == {"status": 404, "title": "Not Found",
                                           "message": "There is no published meeting at “no-such-meeting”."}
    refused = client.post("/api/v1/events/test-meeting/registrations?lang=fr",
                          headers={**headers, "Accept-Language": "fr"},
                          json={"person": {"name": "Lee Ji-eun"}, "role": "delegate", "home_timezone": "Mars/Base"})
    assert refused.status_code == 422
    assert refused.get_json()["error"]["fields"]["home_timezone"] == (
        "“Mars/Base” is not a known IANA time zone, such as Europe/Zurich.")


def test_an_unknown_zone_in_the_address_is_noticed_in_french(client, meeting):
    meeting_page = client.get("/events/test-meeting/?tz=Mars/Olympus_Mons&lang=fr")
    assert meeting_page.status_code == 200
    assert ("« Mars/Olympus_Mons » n’est pas un fuseau horaire IANA connu, comme Europe/Zurich ou Asia/Seoul."
            in text_of(meeting_page))


def test_a_used_up_invitation_link_says_so_in_russian(client, owned):
    client.get("/team/join/not-a-secret?lang=ru")
    response = client.get("/team/join/not-a-secret")
    assert response.status_code == 404
    assert "Эта ссылка-приглашение больше не действует" in text_of(response)
