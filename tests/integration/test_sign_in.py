"""Organisers sign in with their email and password, and out again."""
import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from planner.extensions import db
from planner.models import User, accounts
from tests.conftest import PASSWORD
from tests.integration.browsing import csrf_token_of, errors_beside_fields, flashes_of, text_of


@pytest.fixture
def organiser(seed):
    with seed() as make:
        make.organiser("owner@example.org", name="Ms Owner", meetings=[make.meeting(slug="owned")])


def test_signing_in_opens_the_organisers_meetings(client, auth, organiser):
    response = auth.login("owner@example.org")
    assert (response.status_code, response.location) == (302, "/organise/")
    page = text_of(client.get("/organise/"))
    assert "My meetings" in page and "Test meeting" in page


def test_the_email_is_not_case_sensitive(auth, organiser):
    assert auth.login("Owner@Example.ORG ").status_code == 302


@pytest.mark.parametrize("email, password", [("owner@example.org", "wrong password"),
                                             ("nobody@example.org", PASSWORD), ("owner\x00@example.org", PASSWORD)])
def test_a_wrong_email_or_password_is_refused_with_one_message_beside_the_password(client, auth, organiser, email,
                                                                                    password):
    response = auth.login(email, password)
    assert response.status_code == 400
    assert errors_beside_fields(response) == {"password": ["The email or the password is not right."]}
    assert client.get("/organise/").status_code == 302


def test_a_deactivated_account_cannot_sign_in(client, auth, organiser, app):
    with app.app_context():
        db.session.scalar(select(User)).active = False
        db.session.commit()
    assert auth.login("owner@example.org").status_code == 400
    assert client.get("/organise/").status_code == 302


def test_signing_in_returns_to_the_page_that_asked_for_it(client, organiser):
    asked = client.get("/events/owned/organise/history")
    assert asked.status_code == 302 and asked.location.startswith("/login?next=")
    login_page = client.get(asked.location)
    assert "Please sign in as an organiser to continue." in flashes_of(login_page)
    response = client.post(asked.location, data={"email": "owner@example.org", "password": PASSWORD,
                                                  "csrf_token": csrf_token_of(login_page)})
    assert response.location == "/events/owned/organise/history"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_signing_in_never_sends_the_browser_to_another_site(client, organiser, target):
    response = client.post("/login", query_string={"next": target}, data={
        "email": "owner@example.org", "password": PASSWORD, "csrf_token": csrf_token_of(client.get("/login")),
    })
    assert response.location == "/organise/"


def test_signing_out_ends_the_session(client, auth, organiser):
    auth.login("owner@example.org")
    response = auth.logout()
    assert (response.status_code, response.location) == (302, "/")
    assert flashes_of(client.get("/")) == ["You are signed out, in this browser and everywhere else."]
    assert client.get("/organise/").status_code == 302


def test_opening_the_sign_out_address_asks_before_signing_out(client, auth, organiser):
    auth.login("owner@example.org")
    page = client.get("/logout")
    assert "Sign out" in text_of(page)
    assert client.get("/organise/").status_code == 200


def test_passwords_are_stored_as_scrypt_hashes(app, seed, monkeypatch, auth):
    monkeypatch.setattr(accounts, "generate_password_hash", generate_password_hash)  # the production setting
    with seed() as make:
        make.organiser("owner@example.org")
    with app.app_context():
        stored = db.session.scalar(select(User.password_hash))
    assert PASSWORD not in stored and stored.startswith("scrypt:")
    assert auth.login("owner@example.org").status_code == 302
