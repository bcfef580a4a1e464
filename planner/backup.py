"""A copy of the whole SQLite database taken while the site serves: SQLite's online backup API copies the pages
under its own locks, so writes before and after go on and the copy is one consistent state. PostgreSQL has
pg_dump for this (README, "Backups")."""
import sqlite3
from pathlib import Path

from planner.extensions import db

# All pages in one step, under one read lock: copied step by step, a backup starts again whenever another
# connection writes in between, and on a busy site it might never end. Writers wait the moment it takes.
PAGES_PER_STEP = -1


class NotSQLite(RuntimeError):
    """The site runs on another database, which has its own backup tools."""


def backup_database(target: Path) -> int:
    """Copy the database to ``target`` (replaced if it exists); return the number of pages copied."""
    if db.engine.dialect.name != "sqlite":
        raise NotSQLite(f"The database is {db.engine.dialect.name}: back it up with its own tools "
                        f"(pg_dump for PostgreSQL; see the README's Backups section).")
    target.unlink(missing_ok=True)
    copied = 0

    def progress(status, remaining, total):
        nonlocal copied
        copied = total

    source = db.engine.raw_connection()
    try:
        destination = sqlite3.connect(target)
        try:
            source.driver_connection.backup(destination, pages=PAGES_PER_STEP, progress=progress)
        finally:
            destination.close()
    finally:
        source.close()
    return copied
