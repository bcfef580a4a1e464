"""A meeting's export and its restore: one file holds all of it; importing it under another slug and exporting again
gives the same file but for the slug and what the import itself did, on this database and from SQLite to this one;
the restored meeting's pages, feeds (same UIDs and SEQUENCEs), API and programme are the original's; a file from a
newer format, a damaged ZIP or JSON that breaks the schema is refused, naming what is wrong, and writes nothing."""
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask_migrate import upgrade
from icalendar import Calendar
from sqlalchemy import select

from planner.domain.archive import SCHEMA_FILE, export_schema
from planner.extensions import db
from planner.models import Meeting
from planner.models.ownership import LEFT_OUT, owned_tables
from planner.queries.archive import export_json_schema
from tests.conftest import Factory, test_app
from tests.integration.archive_support import SLUG, build_meeting
from tests.integration.browsing import flashes_of, submit, text_of


def export_of(runner, slug: str, path: Path) -> dict:
    result = runner.invoke(args=["meeting", "export", slug, str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(zipfile.ZipFile(path).read("manifest.json"))


def without_the_import(manifest: dict) -> dict:
    """The manifest but for what an import changes: the slug, the moment of the export, the import's own entry."""
    return {**manifest, "exported_at": None, "meeting": {**manifest["meeting"], "slug": None},
            "tables": {**manifest["tables"], "changes": [
                change for change in manifest["tables"]["changes"] if change["action"] != "imported"]}}


def calendar_events(client, slug: str) -> list[tuple]:
    feed = Calendar.from_ical(client.get(f"/events/{slug}/calendar.ics").data)
    return sorted((str(event["UID"]), event["SEQUENCE"], event["DTSTART"].to_ical(), str(event["SUMMARY"]))
                  for event in feed.walk("VEVENT"))


def without_ids(value):
    """An API answer but for the records' ids, in their fields and their addresses."""
    if isinstance(value, dict):
        return {key: without_ids(item) for key, item in value.items() if key != "id" and not key.endswith("_id")}
    if isinstance(value, list):
        return [without_ids(item) for item in value]
    return re.sub(r"/\d+", "/…", value) if isinstance(value, str) else value


def same_but_slug(text: str, slug: str) -> str:
    return text.replace(slug, SLUG)


def test_a_round_trip_gives_the_same_meeting_but_for_its_slug(app, seed, runner, browser, tmp_path):
    with seed() as make:
        build_meeting(make)
    first = export_of(runner, SLUG, tmp_path / "first.zip")
    assert {name for name, rows in first["tables"].items() if not rows} == set(), \
        "the test meeting must hold a record of every table an export holds"

    result = runner.invoke(args=["meeting", "import", str(tmp_path / "first.zip"), "--slug", "egm-restored"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("Imported “EGM 2021” at /events/egm-restored/")
    # The original is still here, so its participant's secret address cannot be the restored one's too.
    assert "Note: registrations[0]: its personal token hash is in use on this site, so it was left out." in \
        result.output
    second = export_of(runner, "egm-restored", tmp_path / "second.zip")
    expected = without_the_import(first)
    expected["tables"]["registrations"][0]["personal_token_hash"] = None
    expected["tables"]["registrations"][0]["personal_token_issued_at"] = \
        second["tables"]["registrations"][0]["personal_token_issued_at"]
    assert without_the_import(second) == expected
    assert [change["summary"] for change in second["tables"]["changes"] if change["action"] == "imported"] == [
        f"Imported from an export of “EGM 2021” ({SLUG}) made {first['exported_at'][:16].replace('T', ' ')} UTC"]

    public, owner = browser(), browser("owner@example.org")
    assert calendar_events(public, "egm-restored") == calendar_events(public, SLUG)
    for address in ("/events/{}/", "/events/{}/days/2021-10-18", "/events/{}/programme"):
        assert same_but_slug(text_of(public.get(address.format("egm-restored"))), "egm-restored") == \
            text_of(public.get(address.format(SLUG)))
    restored_api, original_api = (public.get(f"/api/v1/events/{slug}").get_json() for slug in ("egm-restored", SLUG))
    assert without_ids(json.loads(same_but_slug(json.dumps(restored_api), "egm-restored"))) == \
        without_ids(original_api)
    assert owner.get("/events/egm-restored/organise/").status_code == 200


def test_a_meeting_exported_from_sqlite_is_restored_here_whole(app, runner, tmp_path):
    """From a site on SQLite to this one (PostgreSQL when PLANNER_TEST_DATABASE_URL names one): the same file
    back, personal addresses and accounts included."""
    source = test_app(f"sqlite:///{tmp_path / 'source.sqlite'}")
    with source.app_context():
        upgrade()
        build_meeting(Factory())
    first = export_of(source.test_cli_runner(), SLUG, tmp_path / "first.zip")
    with source.app_context():
        db.engine.dispose()
    with app.app_context():
        for email in ("owner@example.org", "door@example.org"):
            Factory().organiser(email)
    result = runner.invoke(args=["meeting", "import", str(tmp_path / "first.zip")])
    assert result.exit_code == 0, result.output
    assert "Note:" not in result.output
    assert without_the_import(export_of(runner, SLUG, tmp_path / "second.zip")) == without_the_import(first)


def test_the_organiser_exports_from_the_overview_and_the_api_and_a_stranger_cannot(app, seed, browser, make):
    with seed() as factory:
        build_meeting(factory)
        stranger = factory.organiser("stranger@example.org", meetings=[factory.meeting(slug="their-own")])
        stranger_token = factory.token(stranger)
        owner_token = factory.token(db.session.scalar(select(Meeting).where(Meeting.slug == SLUG)).organisers[0])
    owner = browser("owner@example.org")
    page = owner.get(f"/events/{SLUG}/organise/export")
    assert page.status_code == 200 and page.mimetype == "application/zip"
    assert re.fullmatch(rf'attachment; filename="{SLUG}-export-\d{{8}}-\d{{4}}.zip"', page.headers["Content-Disposition"])
    api = browser().get(f"/api/v1/events/{SLUG}/export", headers={"Authorization": f"Bearer {owner_token}"})
    assert api.status_code == 200 and api.headers["Cache-Control"] == "private, no-store"
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(api.data)).read("manifest.json"))
    assert manifest["meeting"]["slug"] == SLUG and len(manifest["tables"]["sessions"]) == 3
    assert browser().get(f"/api/v1/events/{SLUG}/export",
                         headers={"Authorization": f"Bearer {stranger_token}"}).status_code == 403
    assert browser("stranger@example.org").get(f"/events/{SLUG}/organise/export").status_code == 403


@dataclass
class Export:
    manifest: dict
    files: dict[str, bytes]

    def zipped(self, spoil=None, *, without_files: bool = False) -> bytes:
        """The export as a ZIP again, its manifest spoiled by ``spoil`` if given."""
        manifest = json.loads(json.dumps(self.manifest))
        if spoil is not None:
            spoil(manifest)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("manifest.json", json.dumps(manifest))
            for name, data in ({} if without_files else self.files).items():
                archive.writestr(name, data)
        return out.getvalue()


@pytest.fixture
def exported(seed, runner, tmp_path) -> Export:
    with seed() as make:
        build_meeting(make)
        make.organiser("admin@example.org", administrator=True)
    export_of(runner, SLUG, tmp_path / "export.zip")
    with zipfile.ZipFile(tmp_path / "export.zip") as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    return Export(json.loads(contents.pop("manifest.json")), contents)


def _zip(manifest: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("manifest.json", manifest)
    return out.getvalue()


def refusals(exported: Export) -> list[tuple[str, bytes, str]]:
    whole = exported.zipped()
    return [
        ("newer", exported.zipped(lambda m: m.update(version=2)),
         "The file is in export format 2, made by a newer Planner; this one reads format 1 and older."),
        ("cut short", whole[: len(whole) // 2], "This is not a ZIP file, or it is cut short"),
        ("damaged", whole.replace(b'"title"', b'"titlX"', 1), "The ZIP is damaged: manifest.json cannot be read"),
        ("no manifest", _zip("{}").replace(b"manifest.json", b"something.txt"), "The ZIP holds no manifest.json"),
        ("not json", _zip("{not json"), "manifest.json is not JSON: Expecting property name enclosed in double "
                                        "quotes at line 1, column 2."),
        ("schema", exported.zipped(lambda m: m["tables"]["sessions"][0].update(title=5)),
         "manifest.json does not follow the export format: at /tables/sessions/0/title: 5 is not of type "
         "\"string\"."),
        ("unknown table", exported.zipped(lambda m: m["tables"].update(secrets=[])),
         "at /tables: Additional properties are not allowed ('secrets' was unexpected)"),
        ("dangling", exported.zipped(lambda m: m["tables"]["sessions"][1].update(room_id=99)),
         "In sessions[1], room_id refers to record 99 of rooms, which the file does not hold."),
        ("bad date", exported.zipped(lambda m: m["tables"]["sessions"][0].update(starts_at="soon")),
         "At sessions[0].starts_at: “soon” cannot be read"),
        ("a rule of the database", exported.zipped(lambda m: m["tables"]["rooms"][0].update(name="")),
         "rooms[0] cannot be stored: the database refuses it ("),
        ("no files", exported.zipped(without_files=True),
         "At stored_chunks[0].data: “files/stored_chunks/1-data” cannot be read (the ZIP holds no "
         "files/stored_chunks/1-data)."),
    ]


def test_a_bad_file_is_refused_naming_what_is_wrong_and_nothing_is_written(exported, runner, tmp_path,
                                                                           stored_rows):
    before = stored_rows()
    said = {}
    for name, data, _ in refusals(exported):
        (tmp_path / f"{name}.zip").write_bytes(data)
        said[name] = runner.invoke(args=["meeting", "import", str(tmp_path / f"{name}.zip"), "--slug", "new"]).output
    assert {name: message in said[name] and said[name].startswith("Error: Nothing was imported: ")
            for name, _, message in refusals(exported)} == {name: True for name, _, _ in refusals(exported)}
    assert stored_rows() == before


def test_an_administrator_restores_in_the_browser_and_a_bad_file_says_why(exported, browser, stored_rows):
    admin = browser("admin@example.org")
    before = stored_rows()
    _, newer, message = refusals(exported)[0]
    response = submit(admin, "/organise/meetings/import", {"file": (io.BytesIO(newer), "export.zip"), "slug": "new"},
                      content_type="multipart/form-data")
    assert response.status_code == 400 and f"Nothing was imported. {message}" in text_of(response)
    response = submit(admin, "/organise/meetings/import", {"file": (io.BytesIO(exported.zipped()), "export.zip")},
                      content_type="multipart/form-data")
    assert response.status_code == 400
    assert "The address “egm-2021” is taken; choose another." in text_of(response)
    assert stored_rows() == before
    response = submit(admin, "/organise/meetings/import", {"file": (io.BytesIO(exported.zipped()), "export.zip"),
                                                           "slug": "egm-restored"},
                      content_type="multipart/form-data")
    assert response.location == "/events/egm-restored/organise/"
    assert flashes_of(admin.get(response.location))[0] == "Imported “EGM 2021” with 53 records."


def test_door_staff_and_strangers_to_every_meeting_cannot_import(exported, browser, seed):
    with seed() as make:
        make.organiser("nobody@example.org")
    assert browser("nobody@example.org").get("/organise/meetings/import").status_code == 403
    assert browser("door@example.org").get("/organise/meetings/import").status_code == 403
    assert browser("owner@example.org").get("/organise/meetings/import").status_code == 200


def test_the_shipped_schema_covers_every_table_and_column_of_a_meeting(app_context):
    """When a model gains a meeting table or a column, this fails until the schema is made again:
    `flask --app planner meeting schema > planner/domain/meeting_export.schema.json`."""
    assert export_schema() == export_json_schema(), f"planner/domain/{SCHEMA_FILE} is out of date"
    meeting_tables = {table.name for table in db.metadata.sorted_tables if "meeting_id" in table.c}
    assert meeting_tables - {table.name for table in owned_tables()} == {"team_invitations"} == set(LEFT_OUT)
