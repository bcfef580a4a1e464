"""The schema comes from the migrations, and they describe exactly what the models say."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from planner.extensions import db

INITIAL_SCHEMA = "982b9dba15f2"


def test_the_migrated_schema_matches_the_models(app_context):
    with db.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert differences == []


def test_the_migrations_go_down_to_nothing_and_back_up(app_context):
    downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    upgrade()
    assert {"meetings", "sessions", "session_roles", "registrations"} <= set(inspect(db.engine).get_table_names())


def test_a_database_made_by_the_first_version_upgrades_without_losing_its_agenda(app_context):
    downgrade(revision=INITIAL_SCHEMA)
    with db.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO meetings (id, slug, title, short_name, hosts, description, first_day, last_day, timezone,"
            " venue, format, online_link, contact_email, published, created_at, updated_at, version) VALUES"
            " (1, 'old', 'Old meeting', '', '', '', '2021-10-18', '2021-10-22', 'Asia/Seoul', '', 'hybrid', '', '',"
            " true, '2021-01-01 00:00:00', '2021-01-01 00:00:00', 1)"
        ))
        connection.execute(text(
            "INSERT INTO sessions (id, uid, meeting_id, title, kind, starts_at, ends_at, attendance_mode,"
            " online_link, online_link_public, description, thematic_area, status, draft, created_at, updated_at,"
            " version) VALUES (1, '00000000-0000-0000-0000-000000000001', 1, 'Kept session', 'panel',"
            " '2021-10-18 00:00:00', '2021-10-18 01:00:00', 'hybrid', '', false, '', '', 'confirmed', false,"
            " '2021-01-01 00:00:00', '2021-01-01 00:00:00', 1)"
        ))
    upgrade()
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT title, sequence, deleted_at FROM sessions")).all()
    assert [tuple(row) for row in rows] == [("Kept session", 0, None)]
