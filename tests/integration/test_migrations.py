"""The schema comes from the migrations, and they describe exactly what the models say."""
import pytest
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


BEFORE_THE_BUREAU = "a17c0ffee001"


def _geneva_meeting(connection) -> None:
    connection.execute(text(
        "INSERT INTO meetings (id, slug, title, short_name, hosts, description, first_day, last_day, timezone,"
        " venue, format, online_link, contact_email, published, registration_open, created_at, updated_at,"
        " version) VALUES (1, 'geneva', 'Geneva meeting', '', '', '', '1999-09-13', '1999-09-15', 'Europe/Zurich',"
        " '', 'in_person', '', '', true, false, '1999-01-01 00:00:00', '1999-01-01 00:00:00', 1)"))


def test_upgrading_keeps_every_institutions_kind_and_every_sessions_end(app_context):
    downgrade(revision=BEFORE_THE_BUREAU)
    with db.engine.begin() as connection:
        _geneva_meeting(connection)
        for id_, name, kind in ((1, "Stimson Center", "think_tank"), (2, "UNMAS", "international")):
            connection.execute(text(
                "INSERT INTO institutions (id, meeting_id, name, acronym, kind, country, version)"
                f" VALUES ({id_}, 1, '{name}', '', '{kind}', '', 1)"))
        connection.execute(text(
            "INSERT INTO sessions (id, uid, meeting_id, title, kind, starts_at, ends_at, attendance_mode,"
            " online_link, online_link_public, description, thematic_area, status, draft, sequence, created_at,"
            " updated_at, version) VALUES (1, '00000000-0000-0000-0000-000000000001', 1, 'Opening', 'opening',"
            " '1999-09-13 08:00:00', '1999-09-13 09:00:00', 'in_person', '', false, '', '', 'confirmed', false, 0,"
            " '1999-01-01 00:00:00', '1999-01-01 00:00:00', 1)"))
    upgrade()
    with db.engine.begin() as connection:
        kinds = connection.execute(text("SELECT name, kind FROM institutions ORDER BY id")).all()
        ends = connection.execute(text("SELECT ends_at FROM sessions")).scalars().all()
        # The new kinds are storable, and an item may now have no end.
        connection.execute(text("INSERT INTO institutions (id, meeting_id, name, acronym, kind, country, version)"
                                " VALUES (3, 1, 'ICBL', '', 'civil_society', '', 1)"))
        connection.execute(text("UPDATE sessions SET ends_at = NULL"))
    assert [tuple(row) for row in kinds] == [("Stimson Center", "think_tank"), ("UNMAS", "international")]
    assert len(ends) == 1 and ends[0] is not None


def test_downgrading_refuses_to_invent_an_end_and_files_ngos_with_think_tanks(app_context, caplog):
    with db.engine.begin() as connection:
        _geneva_meeting(connection)
        connection.execute(text("INSERT INTO institutions (id, meeting_id, name, acronym, kind, country, version)"
                                " VALUES (1, 1, 'ICBL', '', 'civil_society', '', 1)"))
        connection.execute(text(
            "INSERT INTO sessions (id, uid, meeting_id, title, kind, starts_at, ends_at, attendance_mode,"
            " online_link, online_link_public, description, thematic_area, status, draft, sequence, created_at,"
            " updated_at, version) VALUES (1, '00000000-0000-0000-0000-000000000001', 1, 'Reception', 'reception',"
            " '1999-09-13 16:30:00', NULL, 'in_person', '', false, '', '', 'confirmed', false, 0,"
            " '1999-01-01 00:00:00', '1999-01-01 00:00:00', 1)"))
    with pytest.raises(SystemExit):  # Flask-Migrate's answer to a migration's RuntimeError
        downgrade(revision=BEFORE_THE_BUREAU)
    assert "1 sessions have no end time; give them one before downgrading." in caplog.text
    with db.engine.begin() as connection:
        connection.execute(text("UPDATE sessions SET ends_at = '1999-09-13 18:00:00'"))
    downgrade(revision=BEFORE_THE_BUREAU)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT kind FROM institutions")).scalars().all() == ["think_tank"]
    upgrade()
