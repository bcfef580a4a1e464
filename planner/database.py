"""Declarative base, constraint names and the column types every model shares."""
import enum
from datetime import datetime, timezone

from sqlalchemy import DateTime, Enum, MetaData, event
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Named constraints let migrations drop and alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class _SQLiteDateTime(sqlite.DATETIME):
    """SQLite's DATETIME, read with ``datetime.fromisoformat``: SQLAlchemy parses the stored text with a
    regular expression, which cost more than the rest of loading a long agenda's sessions."""

    def result_processor(self, dialect, coltype):
        return lambda value: None if value is None else datetime.fromisoformat(value)


class UTCDateTime(TypeDecorator):
    """An instant, stored in UTC and always handed back timezone-aware.

    SQLite keeps no zone, so a naive value coming back is UTC by construction;
    refusing naive values on the way in keeps wall-clock times out of the database.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(_SQLiteDateTime())
        return super().load_dialect_impl(dialect)

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: give an aware instant")
        instant = value.astimezone(timezone.utc)
        return instant.replace(tzinfo=None) if dialect.name == "sqlite" else instant

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def enum_column(enum_class: type[enum.Enum], name: str) -> Enum:
    """A portable enum: a VARCHAR with a CHECK constraint, storing the value."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_class),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


@event.listens_for(Engine, "connect")
def _enforce_sqlite_foreign_keys(dbapi_connection, connection_record):
    # SQLite ignores foreign keys unless each connection asks for them.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
