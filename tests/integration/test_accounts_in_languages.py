"""Signing in, the team and the account pages in the reader's language, and the account emails in the language of
whoever asked for them (the recipient has no language of their own), each email read from a real SMTP server."""
import re

import pytest

from planner.extensions import db
from planner.models import Meeting
from tests.integration.browsing import errors_beside_fields, flashes_of, submit, text_of
from tests.integration.document_support import put_document
from tests.integration.invitation_support import inbox  # noqa: F401  (fixture)

TEAM = "/events/owned/organise/team"


@pytest.fixture
def owned(seed):
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting", timezone="Europe/Paris")
        make.organiser("owner@example.org", name="Olga Owner", meetings=[meeting])
        return meeting.id


def _plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def test_a_password_reset_asked_from_a_spanish_page_is_written_in_spanish(client, owned, inbox):
    answer = submit(client, "/password-reset?lang=es", {"email": "owner@example.org"})
    assert "Si existe una cuenta para owner@example.org, se le ha enviado un enlace" in text_of(answer)
    [(recipients, message)] = inbox.take()
    assert recipients == ["owner@example.org"] and message["Subject"] == "Restablezca su contraseña de Planner"
    text = _plain(message)
    assert "Alguien pidió restablecer la contraseña de su cuenta de Planner (owner@example.org)." in text
    assert "Elegir una contraseña nueva:\nhttp://localhost/password-reset/" in text
    assert "Si no fue usted, haga caso omiso de este mensaje" in text
    assert ">Elegir una contraseña nueva</a>" in message.get_body(preferencelist=("html",)).get_content()


def test_a_password_reset_asked_in_english_stays_english_whatever_was_asked_before(app, owned, inbox):
    submit(app.test_client(), "/password-reset?lang=es", {"email": "owner@example.org"})
    submit(app.test_client(), "/password-reset", {"email": "owner@example.org"})
    spanish, english = (message for _, message in inbox.take())
    assert spanish["Subject"] == "Restablezca su contraseña de Planner"
    assert english["Subject"] == "Reset your Planner password"


def test_a_team_invitation_sent_from_a_russian_page_is_in_russian_and_so_is_what_the_page_says(
        browser, owned, inbox):
    owner = browser("owner@example.org")
    owner.get(f"{TEAM}?lang=ru")  # the cookie keeps Russian
    submit(owner, TEAM, {"email": "olga@example.org", "role": "organiser"}, action_contains="/invite")
    assert flashes_of(owner.get(TEAM)) == ["olga@example.org приглашён(а) в качестве: Организатор; ссылка отправлена."]
    [(_, message)] = inbox.take()
    assert message["Subject"] == "Приглашение в команду совещания «Owned meeting»"
    text = _plain(message)
    assert "Olga Owner приглашает вас в команду совещания «Owned meeting» в качестве: Организатор." in text
    # The link's end in Russian words and the meeting's zone named in Russian, not "%d %B" English.
    until = re.search(r"Ссылка действует один раз, до (.+?)\. Если", text).group(1)
    assert re.search(r"[а-я]{3}", until) and "Париж" in until and not re.search(r"[A-Za-z]", until)


def test_the_sign_in_and_account_pages_speak_french(client, browser, owned):
    page = text_of(client.get("/login?lang=fr"))
    assert "Mot de passe" in page and "Rester connecté(e) (jusqu’à 30 jours)" in page
    refused = submit(client, "/login", {"email": "owner@example.org", "password": "not the password"})
    assert errors_beside_fields(refused) == {"password": ["L’adresse électronique ou le mot de passe est incorrect."]}
    stale = client.get("/password-reset/no-such-link")
    assert stale.status_code == 404 and "Ce lien de réinitialisation ne fonctionne plus" in text_of(stale)

    owner = browser("owner@example.org")
    owner.get("/organise/account?lang=fr")
    account = text_of(owner.get("/organise/account"))
    assert "Mot de passe actuel" in account and "Le nouveau mot de passe, une seconde fois" in account
    signed_out = submit(owner, "/logout", action_contains="/logout")
    assert flashes_of(owner.get(signed_out.location)) == [
        "Vous êtes déconnecté(e), dans ce navigateur et partout ailleurs."]


def test_deleting_a_document_asks_in_russian_and_says_it_did(app, browser, owned):
    with app.app_context():
        document_id = put_document(db.session.get(Meeting, owned), title="Concept note").id
    owner = browser("owner@example.org")
    address = f"/events/owned/organise/documents/{document_id}/delete"
    page = text_of(owner.get(f"{address}?lang=ru"))
    assert "документ «Concept note»" in page and "Его адреса перестанут работать." in page
    assert "его версия на языке английский и её 1 редакция" in page
    submit(owner, address)
    assert flashes_of(owner.get("/events/owned/organise/documents")) == ["Документ «Concept note» удалён."]
