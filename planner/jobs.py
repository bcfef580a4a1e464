"""The job queue that sends invitation emails outside the request that asked for them: RQ on PLANNER_REDIS_URL.

A job carries plain values only (the batch's id, what to invite to and whom, the site's
address) and loads everything else from the database, in an application of its own made
from the environment as the web's is: the worker shares no state with the web processes.
"""
from datetime import date, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage

from redis import Redis, RedisError
from rq import Callback, Queue, get_current_job

from planner import create_app
from planner.addresses import session_address
from planner.database import utcnow
from planner.extensions import db
from planner.models import InvitationBatch
from planner.operations.invitation_batches import fail_batch, run_batch
from planner.operations.invitations import Scope
from planner.operations.mail import send_messages, smtp_settings
from planner.operations.trash import empty_trash

QUEUE_NAME = "planner-invitations"
# Messages that must go out soon (password resets, team invitations) wait for no batch of invitations.
MAIL_QUEUE_NAME = "planner-mail"
# One scheduled purge of the trash at a time, whichever worker scheduled it: a second schedule replaces the first.
TRASH_PURGE_JOB_ID = "planner-trash-purge"
TRASH_PURGE_EVERY = timedelta(days=1)
# Thousands of messages to a slow mail server take a while; RQ's default (three minutes) is too short.
JOB_TIMEOUT_SECONDS = 6 * 60 * 60


def invitation_queue(config) -> Queue | None:
    """The queue, when the configuration names a Redis; without one, invitations are sent in the request."""
    if not (url := config.get("REDIS_URL")):
        return None
    return Queue(QUEUE_NAME, connection=Redis.from_url(url, socket_connect_timeout=5))


def mail_queue(config) -> Queue | None:
    if not (url := config.get("REDIS_URL")):
        return None
    return Queue(MAIL_QUEUE_NAME, connection=Redis.from_url(url, socket_connect_timeout=5))


def deliver(message: EmailMessage, config) -> str | None:
    """Send one message through the mail worker when Redis is configured, else now; None once it went (or was
    queued), or why not."""
    if (queue := mail_queue(config)) is not None:
        try:
            queue.enqueue(send_message_job, args=(message.as_bytes(),), description=f"mail to {message['To']}")
            return None
        except RedisError as error:
            return f"The job queue (Redis) did not answer ({error})."
    settings = smtp_settings(config)
    if settings is None:
        return "No mail server is configured (PLANNER_SMTP_HOST)."
    return list(send_messages([message], settings))[0]


def send_message_job(raw: bytes) -> None:
    """The job: send one message as it was written; a refusal raises, so RQ keeps it among the failed jobs."""
    settings = smtp_settings(create_app().config)
    if settings is None:
        raise RuntimeError("The mail worker has no mail server configured (PLANNER_SMTP_HOST).")
    if reason := list(send_messages([message_from_bytes(raw, policy=policy.default)], settings))[0]:
        raise RuntimeError(reason)


def enqueue_batch(queue: Queue, batch: InvitationBatch, *, base_url: str, scope: Scope = Scope(),
                  registration_ids: tuple[int, ...] = ()) -> None:
    """Queue the batch's job; a Redis that does not answer fails the batch at once rather than leave it waiting."""
    try:
        queue.enqueue(
            send_batch_job, args=(batch.id,), kwargs=dict(
                base_url=base_url, day=scope.day.isoformat() if scope.day else None, session_id=scope.session_id,
                registration_ids=list(registration_ids)),
            job_timeout=JOB_TIMEOUT_SECONDS, on_failure=Callback(batch_job_failed),
            description=f"invitation batch {batch.id}",
        )
    except RedisError as error:
        fail_batch(batch, f"The job queue (Redis) did not answer, so nothing was sent ({error}).", now=utcnow())


def send_batch_job(batch_id: int, *, base_url: str, day: str | None, session_id: int | None,
                   registration_ids: list[int]) -> None:
    """The job: send the batch's messages, with links to the site at ``base_url`` (the address it was asked at)."""
    app = create_app()
    # Building the session pages' addresses needs a request to take the host from.
    with app.test_request_context(base_url=base_url):
        try:
            batch = db.session.get(InvitationBatch, batch_id)
            if batch is not None:  # None: the meeting was deleted while the job waited
                run_batch(batch, smtp_settings(app.config), registration_ids=registration_ids,
                          scope=Scope(day=date.fromisoformat(day) if day else None, session_id=session_id),
                          session_url=session_address, checkpoint=db.session.commit)
                db.session.commit()
        finally:
            _close()


def batch_job_failed(job, connection, kind: type[BaseException], error: BaseException, traceback) -> None:
    """RQ's failure callback: a job that raised, timed out or whose worker died marks its batch failed."""
    app = create_app()
    with app.app_context():
        try:
            batch = db.session.get(InvitationBatch, job.args[0])
            if batch is not None and not batch.status.finished:
                reason = f"{kind.__name__}: {error}" if str(error) else kind.__name__
                fail_batch(batch, f"The mail worker stopped ({reason}).", now=utcnow())
                db.session.commit()
        finally:
            _close()


def schedule_trash_purge(queue: Queue, delay: timedelta = timedelta(0)) -> None:
    """Have the worker purge the trash after ``delay``; each purge schedules the next, a day later."""
    queue.enqueue_in(delay, purge_trash_job, job_id=TRASH_PURGE_JOB_ID, description="purge the trash")


def purge_trash_job() -> list[str]:
    """The job: delete for good the meetings whose time in the trash is up; then come back tomorrow."""
    app = create_app()
    with app.app_context():
        try:
            purged = empty_trash(now=utcnow(), days=app.config["TRASH_DAYS"])
            db.session.commit()
        finally:
            _close()
    if (job := get_current_job()) is not None:
        schedule_trash_purge(Queue(job.origin, connection=job.connection), TRASH_PURGE_EVERY)
    return purged


def _close() -> None:
    db.session.remove()
    db.engine.dispose()
