"""Invitations through the job queue: the organiser's request only queues them, a real RQ worker over a real
Redis (database 5, emptied around each test) sends them to the test's SMTP server, and the progress page
follows; without Redis the request sends them itself and shows the same page."""
import re
from datetime import date, datetime

import pytest
from flask import current_app
from rq import Queue, SimpleWorker
from sqlalchemy import select

from planner.database import utcnow
from planner.domain.vocabulary import BatchKind, DayMode, ParticipantRole
from planner.extensions import db
from planner.jobs import MAIL_QUEUE_NAME, QUEUE_NAME
from planner.models import InvitationBatch, SentInvitation
from planner.operations.accounts import create_organiser
from planner.operations.agenda import update_session
from planner.operations.invitation_batches import send_batch, start_batch
from planner.operations.invitations import Scope, prepare_invitations
from planner.operations.mail import smtp_settings
from planner.operations.registrations import register_participant
from planner.queries.invitations import invitable_registrations
from tests.integration.invitation_support import (  # noqa: F401  (fixtures)
    PAGE, agenda, free_port, inbox, invite, received, send_updates, sign_in,
)
from tests.conftest import AuthActions, emptied_redis
from tests.integration.browsing import submit

REDIS_URL = "redis://127.0.0.1:6379/5"


@pytest.fixture
def redis():
    with emptied_redis(REDIS_URL) as connection:
        yield connection


@pytest.fixture
def queue(app, inbox, redis, monkeypatch, migrated_database_url) -> Queue:
    """Redis configured for the web; the worker's jobs make their application from the environment, as in
    production, so the environment names the test database, the Redis and the test's mail server."""
    app.config["REDIS_URL"] = REDIS_URL
    for name, value in {"DATABASE_URL": migrated_database_url, "SECRET_KEY": "test-secret", "REDIS_URL": REDIS_URL,
                        "SMTP_HOST": app.config["SMTP_HOST"], "SMTP_PORT": str(app.config["SMTP_PORT"]),
                        "SMTP_FROM": app.config["SMTP_FROM"]}.items():
        monkeypatch.setenv(f"PLANNER_{name}", value)
    return Queue(QUEUE_NAME, connection=redis)


def work(queue: Queue) -> None:
    """What `flask invitations-worker` does, in this process and until the queue is empty."""
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def progress(client, response) -> str:
    """The progress page a send redirected to, its words on one line."""
    assert response.status_code == 302 and "/organise/invitations/sent/" in response.location
    page = client.get(response.location)
    assert page.status_code == 200
    return words(page)


def words(page) -> str:
    return re.sub(r"\s+", " ", page.get_data(as_text=True))


def stored(app, model) -> list:
    """Rows as another process committed them, read in a context (and session) of their own."""
    with app.app_context():
        return db.session.scalars(select(model).order_by(model.id)).all()


def test_with_redis_the_request_only_queues_and_the_worker_sends(app, client, agenda, inbox, queue):
    sign_in(client, agenda["organiser"])
    response = invite(client, f"session:{agenda['opening'].id}", agenda["chang"], agenda["finlay"])
    page = progress(client, response)
    assert inbox.take() == [] and queue.count == 1
    assert "Waiting for the mail worker</strong>: sent 0 of 2, 0 failed." in page
    assert '<meta http-equiv="refresh" content="3">' in page and "check that the mail worker" in page
    assert stored(app, SentInvitation) == []

    work(queue)
    got = received(inbox)
    assert sorted(got) == [("chang@example.org", "Opening session"), ("finlay@example.org", "Opening session")]
    message = got["finlay@example.org", "Opening session"][2]
    assert f'<a href="http://localhost/events/test-meeting/sessions/{agenda["opening"].id}">' in (
        message.get_body(("html",)).get_content())
    page = progress(client, response)
    assert "Done</strong>: sent 2 of 2, 0 failed." in page and "refresh" not in page
    [batch] = stored(app, InvitationBatch)
    assert (batch.kind.value, batch.status.value, batch.total, batch.sent, batch.failed) == (
        "invitations", "done", 2, 2, 0)
    assert batch.started_by_id == agenda["organiser"].id and batch.finished_at >= batch.started_at
    assert len(stored(app, SentInvitation)) == 2


def test_updates_go_through_the_queue_too(app, client, agenda, inbox, queue):
    sign_in(client, agenda["organiser"])
    invite(client, "meeting", agenda["chang"])
    work(queue)
    inbox.take()
    update_session(agenda["discussion"], actor=None, starts=datetime(2021, 10, 19, 14), ends=datetime(2021, 10, 19, 15))
    db.session.commit()
    response = send_updates(client)
    assert inbox.take() == []
    work(queue)
    assert list(received(inbox)) == [("chang@example.org", "Expert discussion")]
    assert "Done</strong>: sent 1 of 1, 0 failed." in progress(client, response)
    recent = words(client.get(PAGE))
    assert re.search(r">Updates, [^<]+</a>: done, sent 1 of 1</li>", recent)
    assert re.search(r">Invitations, [^<]+</a>: done, sent 3 of 3</li>", recent)


def test_a_refused_recipient_is_named_on_the_progress_page_and_stays_owed(app, client, agenda, inbox, queue):
    inbox.refused.add("finlay@example.org")
    sign_in(client, agenda["organiser"])
    response = invite(client, "meeting", agenda["chang"], agenda["finlay"])
    work(queue)
    assert sorted(recipient for recipient, _ in received(inbox)) == ["chang@example.org"] * 3
    page = progress(client, response)
    assert "Done</strong>: sent 3 of 5, 2 failed." in page
    for title in ("Opening session", "Expert discussion"):
        assert (f"<td>Dr Finlay Smith &lt;finlay@example.org&gt;</td><td>{title}</td>"
                f"<td>refused by the mail server: 550 5.1.1 No such mailbox here</td>") in page
    assert {sent.person_id for sent in stored(app, SentInvitation)} == {agenda["chang"].person_id}


def test_a_job_that_crashes_marks_its_batch_failed(app, client, agenda, inbox, queue, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("the worker ran out of luck")

    monkeypatch.setattr("planner.operations.invitation_batches.send_batch", crash)
    sign_in(client, agenda["organiser"])
    response = invite(client, "meeting", agenda["chang"])
    work(queue)
    page = progress(client, response)
    assert "Failed</strong>: sent 0 of 3, 0 failed." in page and "refresh" not in page
    assert "The mail worker stopped (RuntimeError: the worker ran out of luck)." in page


def test_a_worker_without_a_mail_server_says_so(app, client, agenda, inbox, queue, monkeypatch):
    monkeypatch.delenv("PLANNER_SMTP_HOST")
    sign_in(client, agenda["organiser"])
    response = invite(client, "meeting", agenda["chang"])
    work(queue)
    assert inbox.take() == []
    assert "The mail worker has no mail server configured (PLANNER_SMTP_HOST)." in progress(client, response)


def test_a_mail_server_that_is_down_fails_every_message_and_names_each(app, client, agenda, inbox, queue,
                                                                      monkeypatch):
    monkeypatch.setenv("PLANNER_SMTP_PORT", str(free_port()))  # nobody listens there
    sign_in(client, agenda["organiser"])
    response = invite(client, "day:2021-10-18", agenda["chang"])
    work(queue)
    page = progress(client, response)
    assert "Done</strong>: sent 0 of 2, 2 failed." in page
    assert page.count("<td>Mr Chang Wook-jin &lt;chang@example.org&gt;</td>") == 2
    assert "ConnectionRefusedError" in page
    assert stored(app, SentInvitation) == []


def test_a_redis_that_does_not_answer_fails_the_send_at_once(app, client, agenda, inbox):
    app.config["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/5"  # nobody listens there
    sign_in(client, agenda["organiser"])
    page = progress(client, invite(client, "meeting", agenda["chang"]))
    assert "Failed</strong>: sent 0 of 3, 0 failed." in page and "refresh" not in page
    assert "The job queue (Redis) did not answer, so nothing was sent" in page
    assert inbox.take() == []


def test_without_redis_the_request_sends_and_shows_the_same_page(app, client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    response = invite(client, "day:2021-10-18", agenda["chang"], agenda["finlay"])
    assert len(inbox.take()) == 3
    page = progress(client, response)
    assert "Done</strong>: sent 3 of 3, 0 failed." in page and "refresh" not in page
    assert len(stored(app, SentInvitation)) == 3


def test_the_progress_page_is_for_the_meetings_organisers(app, client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    address = invite(client, "meeting", agenda["chang"]).location
    assert app.test_client().get(address).status_code == 302  # to the sign-in page
    stranger = create_organiser("stranger@example.org", "correct horse battery")
    db.session.commit()
    sign_in(client, stranger)
    assert client.get(address).status_code == 403
    sign_in(client, agenda["organiser"])
    assert client.get(address).status_code == 200
    [batch] = stored(app, InvitationBatch)
    assert client.get(f"{PAGE}/sent/{batch.id + 1}").status_code == 404


def test_the_worker_command_runs_the_queued_jobs(app, client, agenda, inbox, queue, runner):
    sign_in(client, agenda["organiser"])
    response = invite(client, f"session:{agenda['opening'].id}", agenda["chang"])
    result = runner.invoke(args=["invitations-worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert list(received(inbox)) == [("chang@example.org", "Opening session")]
    assert "Done</strong>: sent 1 of 1, 0 failed." in progress(client, response)


def test_the_worker_command_needs_redis(runner):
    result = runner.invoke(args=["invitations-worker", "--burst"])
    assert result.exit_code != 0 and "Set PLANNER_REDIS_URL" in result.output


def test_progress_is_stored_every_ten_messages_as_they_go_out(app_context, make, inbox):
    meeting = make.meeting(contact_email="secretariat@example.org")
    session = make.session(meeting, "Plenary")
    for number in range(12):
        person = make.person(meeting, f"Participant {number:02}", email=f"p{number:02}@example.org")
        register_participant(meeting, person, role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.ONLINE})
    inbox.refused.add("p11@example.org")
    registrations = invitable_registrations(meeting)
    prepared = prepare_invitations(meeting, Scope(session_id=session.id), registrations, sender="",
                                   session_url=lambda s: f"https://planner.example.org/sessions/{s.id}")
    batch = start_batch(meeting, BatchKind.INVITATIONS, total=len(prepared), actor=None, now=utcnow())
    seen = []
    send_batch(batch, prepared, smtp_settings(current_app.config), now=utcnow(),
               checkpoint=lambda: seen.append((batch.status.value, batch.sent, batch.failed, len(inbox.messages))))
    assert seen == [("sending", 0, 0, 0), ("sending", 10, 0, 10), ("sending", 11, 1, 11)]
    assert (batch.status.value, batch.total, batch.sent, batch.failed) == ("done", 12, 11, 1)
    assert [failure.recipient for failure in batch.failures] == ["Participant 11 <p11@example.org>"]


def test_password_resets_and_team_invitations_go_through_the_mail_worker(app, client, queue, inbox, seed):
    with seed() as make:
        meeting = make.meeting(slug="teamed", title="Teamed meeting")
        make.organiser("owner@example.org", meetings=[meeting])
    submit(client, "/password-reset", {"email": "owner@example.org"})
    owner = app.test_client()
    AuthActions(owner).login("owner@example.org")
    submit(owner, "/events/teamed/organise/team", {"email": "door@example.org", "role": "door_staff"},
           action_contains="/invite")
    assert inbox.take() == []  # queued, not sent by the request
    work(Queue(MAIL_QUEUE_NAME, connection=queue.connection))
    assert sorted((recipients, message["Subject"]) for recipients, message in inbox.take()) == [
        (["door@example.org"], "You are invited to the team of Teamed meeting"),
        (["owner@example.org"], "Reset your Planner password"),
    ]
