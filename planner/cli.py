"""Command-line doors into the same operations the web uses."""
import json
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import exists, select

from planner.demo.loader import load_demo_meetings
from planner.backup import NotSQLite, backup_database
from planner.domain.archive import UnreadableArchive, write_archive
from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.database import utcnow
from planner.jobs import invitation_queue, mail_queue, schedule_trash_purge
from planner.domain.vocabulary import TeamRole
from planner.models import Meeting, User
from planner.operations.archive import import_meeting
from planner.operations.accounts import create_organiser, find_user, no_account_yet, start_password_reset
from planner.operations.team import grant_role
from planner.operations.personal_tokens import issue_personal_token, revoke_personal_token
from planner.operations.tokens import create_token
from planner.operations.trash import empty_trash
from planner.queries.agenda import find_meeting
from planner.queries.archive import export_json_schema, meeting_export
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
@click.option("--administrator/--no-administrator", default=None,
              help="Site administrator? By default only the first account of an empty database is one.")
def create_organiser_command(email: str, name: str, slugs: tuple[str, ...], administrator: bool | None) -> None:
    """Create an account; the password comes from a prompt, or the first line of stdin."""
    if administrator is None:
        administrator = no_account_yet()  # someone must be able to manage the site from the browser
    try:
        user = create_organiser(email, _read_password(), name, administrator=administrator)
    except InvalidInput as error:
        raise click.ClickException(_said(error))
    for slug in slugs:
        _grant(user, slug, TeamRole.ORGANISER)
    db.session.commit()
    click.echo(f"Created {'administrator' if user.administrator else 'account'} {user.email}.")


def _said(error: InvalidInput) -> str:
    return "; ".join(f"{field}: {message}" for field, message in error.errors.items())


@organiser_cli.command("grant")
@click.argument("email")
@click.argument("slug")
@click.option("--role", type=click.Choice([role.value for role in TeamRole]), default=TeamRole.ORGANISER.value,
              show_default=True, help="The role on the meeting's team.")
def grant_command(email: str, slug: str, role: str) -> None:
    """Give an existing account a role on the team of the meeting at SLUG."""
    user = _account(email)
    _grant(user, slug, TeamRole(role))
    db.session.commit()
    click.echo(f"{user.email} is now {TeamRole(role).label} of {slug}.")


def _account(email: str) -> User:
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"There is no account for {email}.")
    return user


def _grant(user, slug: str, role: TeamRole) -> None:
    meeting = find_meeting(slug, public=False)
    if meeting is None:
        raise click.ClickException(f"There is no meeting at “{slug}”.")
    grant_role(meeting, user, role, actor=None)


@click.command("password-reset")
@with_appcontext
@click.argument("email")
def password_reset_command(email: str) -> None:
    """Print a single-use link, valid for an hour, that sets a new password for the account EMAIL
    (for sites without a mail server); PLANNER_BASE_URL is the site's address."""
    user = _account(email)
    secret = start_password_reset(user)
    db.session.commit()
    click.echo(f"{current_app.config['BASE_URL'].rstrip('/')}/password-reset/{secret}")


token_cli = AppGroup("token", help="API tokens.")


@token_cli.command("create")
@click.argument("email")
@click.option("--name", default="command line", help="What the token is for.")
def create_token_command(email: str, name: str) -> None:
    """Create an API token for the account EMAIL and print its secret (shown only once)."""
    user = _account(email)
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
    """Send the invitation emails organisers queue (needs PLANNER_REDIS_URL, and PLANNER_SMTP_* to send), and
    empty the trash daily."""
    from rq import Worker

    queue = invitation_queue(current_app.config)
    if queue is None:
        raise click.ClickException("Set PLANNER_REDIS_URL: without Redis, invitations are sent by the web process.")
    # Each job runs in a process of its own (a fork), so one that crashes or hangs takes only itself down.
    queues = [mail_queue(current_app.config), queue]  # account mail (resets, team invitations) first
    schedule_trash_purge(queue)  # and daily after that
    Worker(queues, connection=queue.connection).work(burst=burst, with_scheduler=True)


trash_cli = AppGroup("trash", help="Deleted meetings, kept for a while in the trash.")


@trash_cli.command("empty")
@with_appcontext
def empty_trash_command() -> None:
    """Delete for good the meetings in the trash for longer than PLANNER_TRASH_DAYS (30); their history stays."""
    purged = empty_trash(now=utcnow(), days=current_app.config["TRASH_DAYS"])
    db.session.commit()
    click.echo(f"Deleted for good: {', '.join(purged)}." if purged else "Nothing in the trash is old enough to go.")


meeting_cli = AppGroup("meeting", help="A meeting's export file: writing one, restoring from one.")


@meeting_cli.command("export")
@click.argument("slug")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def export_meeting_command(slug: str, file: str) -> None:
    """Write the meeting at SLUG, with everything in it, to FILE (a ZIP; docs/EXPORT.md); one in the trash too,
    to keep it before it is purged."""
    meeting = find_meeting(slug, public=False, trashed=True)
    if meeting is None:
        raise click.ClickException(f"There is no meeting at “{slug}”.")
    Path(file).write_bytes(write_archive(*meeting_export(meeting)))
    click.echo(f"Exported “{meeting.title}” to {file}.")


@meeting_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--slug", default=None, help="The address of the restored meeting (by default the one it had).")
def import_meeting_command(file: str, slug: str | None) -> None:
    """Recreate the meeting exported to FILE; nothing is written if the file is refused."""
    try:
        restored = import_meeting(Path(file).read_bytes(), slug=slug, actor=None)
    except (InvalidInput, UnreadableArchive) as error:
        db.session.rollback()
        raise click.ClickException(f"Nothing was imported: {_said(error) if isinstance(error, InvalidInput) else error}")
    db.session.commit()
    click.echo(f"Imported “{restored.meeting.title}” at /events/{restored.meeting.slug}/ ({restored.records} records).")
    for note in restored.notes:
        click.echo(f"Note: {note}")


@meeting_cli.command("schema")
def export_schema_command() -> None:
    """Print the export's JSON Schema as the models make it (planner/domain/meeting_export.schema.json ships it)."""
    click.echo(json.dumps(export_json_schema(), indent=2, ensure_ascii=False))


@click.command("backup")
@with_appcontext
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def backup_command(file: str) -> None:
    """Copy the whole SQLite database to FILE while the site keeps serving (SQLite's online backup)."""
    try:
        pages = backup_database(Path(file))
    except NotSQLite as error:
        raise click.ClickException(str(error))
    click.echo(f"Backed up the database to {file} ({pages} pages).")


def register_commands(app: Flask) -> None:
    app.cli.add_command(demo_command)
    app.cli.add_command(organiser_cli)
    app.cli.add_command(token_cli)
    app.cli.add_command(personal_cli)
    app.cli.add_command(invitations_worker_command)
    app.cli.add_command(password_reset_command)
    app.cli.add_command(trash_cli)
    app.cli.add_command(meeting_cli)
    app.cli.add_command(backup_command)
