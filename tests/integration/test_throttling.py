"""Guessing is slowed down: failed sign-ins per account and per address, reset requests, the registration form.

The limits are Flask-Limiter's, kept in memory, or in Redis (shared by every worker) when
PLANNER_REDIS_URL is set. An unknown email costs a sign-in as long as a wrong password does.
"""
import statistics
import time
import uuid

import pytest
from redis import Redis
from werkzeug.security import generate_password_hash

from planner.extensions import db
from planner.models import accounts
from planner.operations.accounts import create_organiser
from tests.conftest import PASSWORD, test_app
from tests.integration.browsing import csrf_token_of, submit, text_of
from tests.integration.invitation_support import inbox  # noqa: F401  (fixture)

REDIS_URL = "redis://127.0.0.1:6379/11"


@pytest.fixture
def owned(seed):
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        meeting.registration_open = True
        make.organiser("owner@example.org", meetings=[meeting])
        make.organiser("other@example.org", meetings=[meeting])


def _sign_in(client, email: str, password: str):
    page = client.get("/login")
    return client.post("/login", data={"email": email, "password": password, "csrf_token": csrf_token_of(page)})


def test_ten_failed_sign_ins_for_an_account_refuse_it_even_the_right_password(client, owned, browser):
    answers = [_sign_in(client, "owner@example.org", f"wrong guess {n}").status_code for n in range(10)]
    assert answers == [400] * 10
    refused = _sign_in(client, "OWNER@example.org", PASSWORD)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "Too many attempts." in text_of(refused)
    assert _sign_in(client, "other@example.org", PASSWORD).status_code == 302  # another account is not held up


def test_fifty_failed_sign_ins_from_one_address_refuse_every_account_there(client, owned):
    answers = [_sign_in(client, f"guess-{n}@example.org", "wrong guess").status_code for n in range(50)]
    assert answers == [400] * 50
    assert _sign_in(client, "owner@example.org", PASSWORD).status_code == 429


def test_a_right_password_is_not_counted_against_the_account(client, owned):
    for _ in range(12):
        assert _sign_in(client, "owner@example.org", PASSWORD).status_code == 302


def test_five_reset_requests_an_hour_for_one_account(client, owned, inbox):
    answers = [submit(client, "/password-reset", {"email": "owner@example.org"}).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]


def test_twenty_registrations_an_hour_from_one_address(client, owned):
    answers = []
    for n in range(21):
        answers.append(submit(client, "/events/owned/register", {"name": f"Participant {n}",
                                                                 "email": f"p{n}@example.org"}).status_code)
    assert 429 not in answers[:20] and answers[20] == 429


def test_with_redis_every_worker_counts_the_same_attempts(migrated_database_url, owned):
    prefix = f"planner-test-{uuid.uuid4().hex}"
    first, second = (test_app(migrated_database_url, REDIS_URL=REDIS_URL, RATELIMIT_KEY_PREFIX=prefix)
                     for _ in range(2))
    for n in range(10):
        assert _sign_in(first.test_client(), "owner@example.org", f"wrong guess {n}").status_code == 400
    assert _sign_in(second.test_client(), "owner@example.org", PASSWORD).status_code == 429
    redis = Redis.from_url(REDIS_URL)
    assert redis.keys(f"*{prefix}*")
    redis.delete(*redis.keys(f"*{prefix}*"))


def test_an_unknown_email_takes_as_long_as_a_wrong_password(migrated_database_url, monkeypatch, seed):
    # Hashing as in production here: the difference to hide is the cost of checking a real hash.
    monkeypatch.setattr(accounts, "generate_password_hash", generate_password_hash)
    app = test_app(migrated_database_url, RATELIMIT_ENABLED=False)
    with app.app_context():
        create_organiser("owner@example.org", PASSWORD)
        db.session.commit()
    client = app.test_client()
    token = csrf_token_of(client.get("/login"))

    def timed(email: str) -> float:
        started = time.perf_counter()
        response = client.post("/login", data={"email": email, "password": "wrong guess", "csrf_token": token})
        assert response.status_code == 400
        return time.perf_counter() - started

    timed("warm-up@example.org")
    known = statistics.median(timed("owner@example.org") for _ in range(9))
    unknown = statistics.median(timed(f"nobody-{n}@example.org") for n in range(9))
    # Without the dummy hash an unknown email answers in a few milliseconds against scrypt's tens.
    assert 0.5 < unknown / known < 2, (known, unknown)
