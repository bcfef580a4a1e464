"""The schema comes from the migrations, and they describe exactly what the models say."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from planner.extensions import db


def test_the_migrated_schema_matches_the_models(app_context):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_the_migrations_go_down_to_nothing_and_back_up(app_context):
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    assert {"meetings", "sessions", "session_roles", "registrations"} <= set(inspect(db.engine).get_table_names())
