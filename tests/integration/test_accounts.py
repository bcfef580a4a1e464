"""Passwords and sign-ins: reset by email, change, sign-out everywhere, expiry, deactivation, cookies."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from planner.database import utcnow
from planner.extensions import db
from planner.models import SignIn
from planner.operations.accounts import find_user, resume_sign_in, start_password_reset, start_sign_in
from tests.conftest import PASSWORD
from tests.integration.browsing import csrf_token_of, errors_beside_fields, flashes_of, submit, text_of
from tests.integration.invitation_support import inbox  # noqa: F401  (fixture)

ORGANISER_PAGE = "/events/owned/organise/"
NEW_PASSWORD = "a long and uncommon passphrase"


@pytest.fixture
def owned(seed):
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        make.organiser("owner@example.org", meetings=[meeting])
        make.organiser("admin@example.org", administrator=True)


def _signed_out(response) -> bool:
    return response.status_code == 302 and response.location.startswith("/login")


def _copy_cookies(source, target, *names) -> None:
    for name in names:
        cookie = source.get_cookie(name)
        assert cookie is not None, name
        target.set_cookie(name, cookie.value)


def test_forgot_password_answers_the_same_for_any_address_and_mails_only_real_accounts(client, owned, inbox):
    answers = []
    for email in ("owner@example.org", "nobody@example.org"):
        response = submit(client, "/password-reset", {"email": email})
        answers.append((response.status_code, text_of(response).replace(email, "EMAIL")))
    assert answers[0] == answers[1] and answers[0][0] == 200
    assert "If an account exists for EMAIL, a link to choose a new password is on its way." in answers[0][1]
    [(recipients, message)] = inbox.take()
    assert recipients == ["owner@example.org"] and message["Subject"] == "Reset your Planner password"
    assert message.get_body(preferencelist=("html",)) is not None


def test_a_reset_link_sets_the_password_once_and_ends_every_earlier_sign_in(client, browser, owned, inbox, auth):
    earlier = browser("owner@example.org")
    assert earlier.get(ORGANISER_PAGE).status_code == 200
    submit(client, "/password-reset", {"email": "owner@example.org"})
    text = inbox.take()[0][1].get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"http://localhost(/password-reset/\S+)", text).group(1)
    weak = submit(client, link, {"password": "password1234", "confirmation": "password1234"})
    assert errors_beside_fields(weak) == {
        "password": ["This password is on the lists of the most common passwords; choose another."]}
    mismatch = submit(client, link, {"password": NEW_PASSWORD, "confirmation": NEW_PASSWORD + "!"})
    assert errors_beside_fields(mismatch) == {"confirmation": ["The two passwords are not the same."]}
    done = submit(client, link, {"password": NEW_PASSWORD, "confirmation": NEW_PASSWORD})
    assert (done.status_code, done.location) == (302, "/login")
    assert client.get(link).status_code == 404
    assert _signed_out(earlier.get(ORGANISER_PAGE))
    assert auth.login("owner@example.org", PASSWORD).status_code == 400
    assert auth.login("owner@example.org", NEW_PASSWORD).status_code == 302


def test_a_reset_link_lasts_an_hour(app, client, owned):
    with app.app_context():
        user = find_user("owner@example.org")
        stale = start_password_reset(user, now=utcnow() - timedelta(minutes=61))
        db.session.commit()
    assert client.get(f"/password-reset/{stale}").status_code == 404


def test_without_a_mail_server_the_page_says_to_ask_an_administrator(client, owned):
    page = text_of(client.get("/password-reset"))
    assert "This site sends no email. Ask an administrator of this site for a reset link" in page


def test_a_cookie_copied_before_sign_out_gets_the_sign_in_page_after_it(client, browser, owned, auth):
    auth.login("owner@example.org")
    thief = browser()
    _copy_cookies(client, thief, "session")
    assert thief.get(ORGANISER_PAGE).status_code == 200
    auth.logout()
    assert _signed_out(thief.get(ORGANISER_PAGE))


def test_a_remember_me_cookie_ends_with_sign_out_too(client, browser, owned):
    page = client.get("/login")
    client.post("/login", data={"email": "owner@example.org", "password": PASSWORD, "remember": "y",
                                "csrf_token": csrf_token_of(page)})
    remembered = browser()
    _copy_cookies(client, remembered, "remember_token")
    assert remembered.get(ORGANISER_PAGE).status_code == 200
    client.post("/logout", data={"csrf_token": csrf_token_of(client.get("/logout"))})
    assert _signed_out(browser_with(remembered, browser).get(ORGANISER_PAGE))


def browser_with(signed, browser):
    """A fresh browser holding only ``signed``'s remember-me cookie (its session cookie would be signed out anyway)."""
    fresh = browser()
    _copy_cookies(signed, fresh, "remember_token")
    return fresh


def test_changing_the_password_asks_the_current_one_and_ends_the_other_sign_ins(browser, owned, auth, client):
    this_one, other = browser("owner@example.org"), browser("owner@example.org")
    wrong = submit(this_one, "/organise/account", {"current": "not it at all", "password": NEW_PASSWORD,
                                                   "confirmation": NEW_PASSWORD})
    assert errors_beside_fields(wrong) == {"current": ["This is not your current password."]}
    mine = submit(this_one, "/organise/account", {"current": PASSWORD, "password": "owner@example.org",
                                                  "confirmation": "owner@example.org"})
    assert errors_beside_fields(mine) == {"password": ["Do not use your email address as your password."]}
    done = submit(this_one, "/organise/account", {"current": PASSWORD, "password": NEW_PASSWORD,
                                                  "confirmation": NEW_PASSWORD})
    assert done.status_code == 302
    assert this_one.get(ORGANISER_PAGE).status_code == 200
    assert _signed_out(other.get(ORGANISER_PAGE))
    assert auth.login("owner@example.org", NEW_PASSWORD).status_code == 302


def test_the_account_page_lists_the_active_sign_ins_and_ends_one(browser, owned):
    laptop = browser("owner@example.org")
    phone = browser("owner@example.org")
    page = laptop.get("/organise/account")
    assert text_of(page).count("Sign out there") == 1 and "This browser" in text_of(page)
    submit(laptop, "/organise/account", action_contains="/end")
    assert _signed_out(phone.get(ORGANISER_PAGE))
    assert laptop.get(ORGANISER_PAGE).status_code == 200


def test_sign_ins_end_after_twelve_hours_idle_or_thirty_days_at_most(app, owned):
    with app.app_context():
        user = find_user("owner@example.org")
        start = utcnow()
        plain, kept = (start_sign_in(user, remembered=remember, now=start) for remember in (False, True))
        db.session.commit()
        assert resume_sign_in(plain, now=start + timedelta(hours=11)) is user
        assert resume_sign_in(plain, now=start + timedelta(hours=11) + timedelta(hours=11, minutes=59)) is user
        assert resume_sign_in(plain, now=start + timedelta(hours=35, minutes=1)) is None
        assert resume_sign_in(kept, now=start + timedelta(days=29)) is user
        assert resume_sign_in(kept, now=start + timedelta(days=30, minutes=1)) is None


def test_an_administrator_deactivates_an_account_which_then_cannot_sign_in_or_use_tokens(app, browser, owned, seed,
                                                                                        auth):
    with seed() as make:
        token = make.token(find_user("owner@example.org"))
    owner = browser("owner@example.org")
    admin = browser("admin@example.org")
    assert owner.get("/organise/accounts").status_code == 403
    page = admin.get("/organise/accounts")
    with app.app_context():
        user_id = find_user("owner@example.org").id
        admin_id = find_user("admin@example.org").id
    refused = owner.post(f"/organise/accounts/{admin_id}/deactivate",
                         data={"csrf_token": csrf_token_of(owner.get("/organise/tokens"))})
    assert refused.status_code == 403
    admin.post(f"/organise/accounts/{user_id}/deactivate", data={"csrf_token": csrf_token_of(page)})
    assert flashes_of(admin.get("/organise/accounts"))[0].startswith("owner@example.org is deactivated")
    assert _signed_out(owner.get(ORGANISER_PAGE))
    assert auth.login("owner@example.org").status_code == 400
    assert browser().get("/api/v1/events/owned/conflicts",
                         headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_an_administrator_cannot_switch_off_themselves_or_the_last_administrator(app, browser, owned):
    admin = browser("admin@example.org")
    page = admin.get("/organise/accounts")
    with app.app_context():
        admin_id = find_user("admin@example.org").id
    for action in ("deactivate", "remove-administrator"):
        admin.post(f"/organise/accounts/{admin_id}/{action}", data={"csrf_token": csrf_token_of(page)})
    assert flashes_of(admin.get("/organise/accounts")) == [
        "You cannot deactivate your own account.", "The site needs at least one administrator."]


def test_session_cookies_are_http_only_and_same_site_and_secure_when_the_site_says_so(other_app, client, owned,
                                                                                      auth):
    cookie = auth.login("owner@example.org").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    https = other_app(SECURE_COOKIES=True).test_client()
    page = https.get("/login", base_url="https://localhost")
    response = https.post("/login", base_url="https://localhost", data={
        "email": "owner@example.org", "password": PASSWORD, "remember": "y", "csrf_token": csrf_token_of(page)},
        headers={"Referer": "https://localhost/login"})
    cookies = response.headers.getlist("Set-Cookie")
    assert {cookie.split("=")[0] for cookie in cookies} == {"session", "remember_token"}
    assert all("Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie for cookie in cookies)


def test_a_form_token_from_before_signing_in_is_refused_after_it(client, owned):
    before = csrf_token_of(client.get("/login"))
    client.post("/login", data={"email": "owner@example.org", "password": PASSWORD, "csrf_token": before})
    response = client.post("/organise/tokens", data={"name": "script", "csrf_token": before})
    assert response.status_code == 400 and "The CSRF session token is missing." in text_of(response)


def test_every_sign_in_is_recorded_with_its_browser(app, browser, owned):
    browser("owner@example.org")
    with app.app_context():
        [sign_in] = db.session.scalars(select(SignIn)).all()
        assert sign_in.user.email == "owner@example.org" and sign_in.ended_at is None


def test_reading_pages_keeps_a_sign_in_alive(app, browser, owned):
    owner = browser("owner@example.org")
    with app.app_context():
        sign_in = db.session.scalars(select(SignIn)).one()
        sign_in.last_seen_at = utcnow() - timedelta(hours=11)
        db.session.commit()
    assert owner.get(ORGANISER_PAGE).status_code == 200  # a GET only: nothing else commits
    with app.app_context():
        assert utcnow() - db.session.scalars(select(SignIn)).one().last_seen_at < timedelta(minutes=1)
