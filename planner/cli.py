"""Command-line doors into the same operations the web uses."""
import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import exists, select

from planner.demo.loader import load_demo_meetings
from planner.extensions import db
from planner.models import Meeting


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


def register_commands(app: Flask) -> None:
    app.cli.add_command(demo_command)
