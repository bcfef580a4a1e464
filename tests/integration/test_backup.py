"""`flask backup FILE` copies a SQLite site while it serves: taken during a stream of writes, the copy is one
consistent state that a site can be started from."""
import sqlite3
import threading
from datetime import datetime, timedelta

from flask_migrate import upgrade
from sqlalchemy import func, select

from planner.extensions import db
from planner.models import Change, Meeting, Session
from tests.conftest import Factory, test_app
from tests.integration.browsing import text_of


def test_a_backup_taken_during_writes_restores_a_consistent_site(tmp_path):
    live = test_app(f"sqlite:///{tmp_path / 'live.sqlite'}")
    with live.app_context():
        upgrade()
        meeting = Factory().meeting(slug="egm", title="EGM 2021")
        meeting_id = meeting.id
    stop, written = threading.Event(), []

    def organiser_at_work():
        # Each session is written with its history entry in one transaction, as every request writes.
        with live.app_context():
            meeting = db.session.get(Meeting, meeting_id)
            while not stop.is_set() and len(written) < 2000:
                minute = len(written)
                Factory().session(meeting, f"Session {minute}", datetime(2021, 10, 18, 8) + timedelta(minutes=minute),
                                  datetime(2021, 10, 18, 8) + timedelta(minutes=minute + 1))
                written.append(minute)
            db.session.remove()

    writer = threading.Thread(target=organiser_at_work)
    writer.start()
    try:
        while len(written) < 20:
            stop.wait(0.01)
        result = live.test_cli_runner().invoke(args=["backup", str(tmp_path / "backup.sqlite")])
        during = len(written)
    finally:
        stop.set()
        writer.join()
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Backed up the database to {tmp_path / 'backup.sqlite'} (")
    assert 20 <= during < 2000, "the writes went on while the backup was taken"

    with sqlite3.connect(tmp_path / "backup.sqlite") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    restored = test_app(f"sqlite:///{tmp_path / 'backup.sqlite'}")
    with restored.app_context():
        sessions = db.session.scalar(select(func.count(Session.id)))
        added = db.session.scalar(select(func.count(Change.id)).where(Change.entity == "session"))
        assert sessions == added and sessions > 0
        db.engine.dispose()
    page = text_of(restored.test_client().get("/events/egm/"))
    assert "Session 0" in page and f"Session {sessions - 1}" in page
    with live.app_context():
        db.engine.dispose()


def test_a_backup_of_postgresql_points_to_its_own_tools():
    # The address is never reached: the command asks which database it is before connecting.
    site = test_app("postgresql+psycopg://nobody@127.0.0.1:9/none")
    result = site.test_cli_runner().invoke(args=["backup", "backup.sqlite"])
    assert result.exit_code == 1
    assert "The database is postgresql: back it up with its own tools (pg_dump for PostgreSQL" in result.output
