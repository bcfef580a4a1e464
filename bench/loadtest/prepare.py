"""Prepares the load test's database and writes the addresses and tokens the locustfile reads.

The meeting is `make bench`'s, at 500 sessions, in a wiped PostgreSQL database
(PLANNER_LOADTEST_DATABASE_URL, created when the server has none of that name). On top of it: a personal
address for each of the 1,000 pollers, all attending the first day, and two organisers, each with an API token
and sessions of their own to edit, so the two never edit the same session and a 412 would mean a lost update
rather than a race between them.

    python bench/loadtest/prepare.py ADDRESSES.json
"""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text, update  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.meeting import FIRST_DAY, SLUG, build  # noqa: E402
from planner import create_app  # noqa: E402
from planner.config import database_url  # noqa: E402
from planner.domain.timezones import day_span  # noqa: E402
from planner.domain.vocabulary import DayMode  # noqa: E402
from planner.extensions import db  # noqa: E402
from planner.models import Change, DayAttendance, Meeting, Registration, Session  # noqa: E402
from planner.operations.accounts import create_organiser  # noqa: E402
from planner.operations.history import entity_name  # noqa: E402
from planner.domain.vocabulary import TeamRole  # noqa: E402
from planner.operations.team import grant_role  # noqa: E402
from planner.operations.personal_tokens import issue_personal_token  # noqa: E402
from planner.operations.tokens import create_token  # noqa: E402

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/planner_loadtest"
SESSIONS, EDITORS, SESSIONS_PER_EDITOR = 500, 2, 2
# Fewer pollers (LOADTEST_POLLERS=100) make a run the server can keep up with on a small machine.
POLLERS = int(os.environ.get("LOADTEST_POLLERS", "1000"))


def database() -> str:
    """The database to wipe and fill, created first if its server has none of that name."""
    url = database_url(os.environ.get("PLANNER_LOADTEST_DATABASE_URL", DEFAULT_DATABASE_URL))
    name = make_url(url).database
    server = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        if connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}) is None:
            print(f"Creating the database {name}")
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()
    print(f"Wiping and filling the database {make_url(url).render_as_string(hide_password=True)}", flush=True)
    return url


def prepare(url: str) -> dict:
    paths = build(url, SESSIONS)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "loadtest"})
    with app.app_context():
        meeting = db.session.scalar(select(Meeting).where(Meeting.slug == SLUG))
        # Every poller attends the first day, where the edited sessions are: so each edit must show in every
        # poller's feed, and the check that pollers see it applies to all of them.
        pollers = db.session.scalars(select(Registration).where(Registration.meeting_id == meeting.id)
                                     .order_by(Registration.id).limit(POLLERS)).all()
        db.session.execute(update(DayAttendance).where(
            DayAttendance.registration_id.in_([registration.id for registration in pollers]),
            DayAttendance.day == FIRST_DAY, DayAttendance.mode == DayMode.ABSENT).values(mode=DayMode.ONLINE))
        tokens = [(registration.id, issue_personal_token(registration, actor=None)) for registration in pollers]
        feeds = [{"registration_id": registration_id, "feed": f"/my/{token}/calendar.ics", "page": f"/my/{token}"}
                 for registration_id, token in tokens]
        start, end = day_span(FIRST_DAY, meeting.timezone)
        first_day_sessions = db.session.scalars(
            select(Session).where(Session.meeting_id == meeting.id, Session.starts_at >= start,
                                  Session.starts_at < end).order_by(Session.starts_at, Session.id)
            .limit(EDITORS * SESSIONS_PER_EDITOR)).all()
        editors = []
        for number in range(1, EDITORS + 1):
            organiser = create_organiser(f"organiser-{number}@example.org", "load-test-password",
                                         f"Organiser {number}")
            grant_role(meeting, organiser, TeamRole.ORGANISER, actor=None)
            _, secret = create_token(organiser, "load test")
            own = first_day_sessions[number - 1::EDITORS]
            editors.append({"name": f"organiser-{number}", "token": secret, "sessions": [
                {"id": session.id, "uid": str(session.uid), "version": session.version, "title": session.title,
                 "starts_at": session.starts_at.isoformat(), "ends_at": session.ends_at.isoformat(),
                 "changes": _history_length(session)} for session in own]})
        db.session.commit()
        db.engine.dispose()
    return {"slug": SLUG, "agenda": paths["agenda page"], "day": paths["day page"], "pollers": feeds,
            "editors": editors}


def _history_length(session: Session) -> int:
    return db.session.scalar(select(func.count(Change.id)).where(
        Change.entity == entity_name(session), Change.entity_id == session.id))


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    addresses = prepare(database())
    Path(sys.argv[1]).write_text(json.dumps(addresses, indent=1))
    print(f"Prepared {SLUG}: {SESSIONS} sessions, {len(addresses['pollers'])} personal feeds, "
          f"{len(addresses['editors'])} editors; addresses in {sys.argv[1]}")


if __name__ == "__main__":
    main()
