"""Command-line doors into the same operations the web uses."""
import sys

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import exists, select

from planner.demo.loader import load_demo_meetings
from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.jobs import invitation_queue
from planner.models import Meeting
from planner.operations.accounts import create_organiser, find_user
from planner.operations.meetings import add_organiser
from planner.operations.personal_tokens import issue_personal_token, revoke_personal_token
from planner.operations.tokens import create_token
from planner.queries.agenda import find_meeting
from planner.queries.calendars import registration_by_email


@click.command("demo")
@with_appcontext
@click.option("--if-empty", is_flag=True, help="Load only into a database that holds no meeting yet.")
def demo_command(if_empty: bool) -> None:
    """Load the demo meetings (skipping any already there)."""
    if if_empty and db.session.scalar(select(exists().where(Meeting.id.isnot(None)))):
        click.echo("The database already holds meetings; demo data not loaded.")
        return
    created = load_demo_meetings()
    db.session.commit()
    if created:
        click.echo("Loaded demo meetings: " + ", ".join(meeting.slug for meeting in created))
    else:
        click.echo("The demo meetings are already loaded.")


organiser_cli = AppGroup("organiser", help="Organiser accounts.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@organiser_cli.command("create")
@click.argument("email")
@click.option("--name", default="", help="The organiser's name.")
@click.option("--meeting", "slugs", multiple=True, help="Make them an organiser of this meeting (repeatable).")
def create_organiser_command(email: str, name: str, slugs: tuple[str, ...]) -> None:
    """Create an organiser account; the password comes from a prompt, or the first line of stdin."""
    try:
        user = create_organiser(email, _read_password(), name)
    except InvalidInput as error:
        raise click.ClickException("; ".join(f"{field}: {message}" for field, message in error.errors.items()))
    for slug in slugs:
        _grant(user, slug)
    db.session.commit()
    click.echo(f"Created organiser {user.email}.")


@organiser_cli.command("grant")
@click.argument("email")
@click.argument("slug")
def grant_command(email: str, slug: str) -> None:
    """Make an existing account an organiser of the meeting at SLUG."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    _grant(user, slug)
    db.session.commit()
    click.echo(f"{user.email} now organises {slug}.")


def _grant(user, slug: str) -> None:
    meeting = find_meeting(slug, public=False)
    if meeting is None:
        raise click.ClickException(f"There is no meeting at “{slug}”.")
    add_organiser(meeting, user)


token_cli = AppGroup("token", help="API tokens.")


@token_cli.command("create")
@click.argument("email")
@click.option("--name", default="command line", help="What the token is for.")
def create_token_command(email: str, name: str) -> None:
    """Create an API token for the account EMAIL and print its secret (shown only once)."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    try:
        _, secret = create_token(user, name)
    except InvalidInput as error:
        raise click.ClickException(error.message)
    db.session.commit()
    click.echo(secret)


personal_cli = AppGroup("personal-address", help="Participants' secret addresses (/my/<token>/…).")


def _registration(slug: str, email: str):
    meeting = find_meeting(slug, public=False)
    if meeting is None:
        raise click.ClickException(f"There is no meeting at “{slug}”.")
    registration = registration_by_email(meeting, email)
    if registration is None:
        raise click.ClickException(f"Nobody with the email {email} is registered for {slug}.")
    return registration


@personal_cli.command("issue")
@click.argument("slug")
@click.argument("email")
def issue_personal_address_command(slug: str, email: str) -> None:
    """Give the participant EMAIL of the meeting SLUG a new secret address (the old one stops working)
    and print their calendar feed's path."""
    token = issue_personal_token(_registration(slug, email), actor=None)
    db.session.commit()
    click.echo(f"/my/{token}/calendar.ics")


@personal_cli.command("revoke")
@click.argument("slug")
@click.argument("email")
def revoke_personal_address_command(slug: str, email: str) -> None:
    """Stop the secret address of the participant EMAIL of the meeting SLUG from working."""
    revoke_personal_token(_registration(slug, email), actor=None)
    db.session.commit()
    click.echo(f"The personal address of {email} no longer works.")


@click.command("invitations-worker")
@with_appcontext
@click.option("--burst", is_flag=True, help="Stop once the queue is empty instead of waiting for more.")
def invitations_worker_command(burst: bool) -> None:
    """Send the invitation emails organisers queue (needs PLANNER_REDIS_URL, and PLANNER_SMTP_* to send)."""
    from rq import Worker

    queue = invitation_queue(current_app.config)
    if queue is None:
        raise click.ClickException("Set PLANNER_REDIS_URL: without Redis, invitations are sent by the web process.")
    # Each job runs in a process of its own (a fork), so one that crashes or hangs takes only itself down.
    Worker([queue], connection=queue.connection).work(burst=burst)


def register_commands(app: Flask) -> None:
    app.cli.add_command(demo_command)
    app.cli.add_command(organiser_cli)
    app.cli.add_command(token_cli)
    app.cli.add_command(personal_cli)
    app.cli.add_command(invitations_worker_command)
