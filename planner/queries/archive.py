"""A meeting's export: every record of every table the meeting owns (models.ownership), numbered per table in the
order of their ids, each reference written as the number of what it refers to and each account as its email, so
that exporting a meeting restored from an export gives the same file but for the slug and the moment.

The history's ``before`` and ``after`` are numbered the same way where they name a record the file holds; a change
to a record gone before the export names it by its id negated (the history page shows no ids)."""
from datetime import datetime

from sqlalchemy import JSON, Boolean, Date, Enum, Integer, LargeBinary, String, Table, Uuid, select

from planner.database import UTCDateTime, utcnow
from planner.domain.archive import FORMAT, FORMAT_VERSION
from planner.domain.changes import jsonable
from planner.extensions import db
from planner.models import Meeting, User
from planner.models.ownership import MEETINGS, OwnedTable, account_columns, entity_tables, owned_tables

MEETING_NUMBER = 1


def meeting_export(meeting: Meeting, *, now: datetime | None = None) -> tuple[dict, dict[str, bytes]]:
    """The manifest and the files of ``meeting``'s export."""
    tables = owned_tables()
    by_name = {table.name: table for table in tables}
    rows = {table.name: db.session.execute(select(table.table).where(table.rows_of(meeting.id, by_name))
                                           .order_by(*table.table.primary_key.columns)).mappings().all()
            for table in tables}
    meeting_row = db.session.execute(select(Meeting.__table__).where(Meeting.id == meeting.id)).mappings().one()
    numbers = {table.name: {row["id"]: number for number, row in enumerate(rows[table.name], start=1)}
               for table in tables if table.numbered}
    numbers[MEETINGS] = {meeting.id: MEETING_NUMBER}
    emails = _emails(tables, rows, meeting_row)
    blobs: dict[str, bytes] = {}
    written = {table.name: [_row(table, row, numbers, emails, blobs) for row in rows[table.name]] for table in tables}
    for change in written.get("changes", []):
        _renumber_change(change, numbers, by_name, emails)
    meeting_accounts = account_columns(MEETINGS)
    manifest = {
        "format": FORMAT, "version": FORMAT_VERSION, "exported_at": (now or utcnow()).isoformat(),
        "meeting": {name: jsonable(emails.get(value) if name in meeting_accounts else value)
                    for name, value in meeting_row.items()} | {"id": MEETING_NUMBER},
        "tables": written,
    }
    return manifest, blobs


def _emails(tables: list[OwnedTable], rows: dict, meeting_row) -> dict[int, str]:
    """The emails of the accounts the records, the meeting and their history name."""
    entities = entity_tables()
    ids = {row[column] for table in tables for column in table.accounts for row in rows[table.name]}
    ids |= {meeting_row[column] for column in account_columns(MEETINGS)}
    for change in rows.get("changes", []):
        accounts = account_columns(entities.get(change["entity"]))
        ids |= {snapshot.get(column) for snapshot in (change["before"], change["after"]) if snapshot
                for column in accounts}
    ids = {value for value in ids if isinstance(value, int)}
    return dict(db.session.execute(select(User.id, User.email).where(User.id.in_(ids))).all()) if ids else {}


def _row(table: OwnedTable, row, numbers: dict, emails: dict, blobs: dict) -> dict:
    written = {}
    for name, value in row.items():
        if name in table.references and value is not None:
            value = numbers[table.references[name]][value]
        elif name == "id" and table.numbered:
            value = numbers[table.name][value]
        elif name in table.accounts:
            value = emails.get(value)
        elif name in table.binary and value is not None:
            entry = f"files/{table.name}/{len(blobs) + 1}-{name}"
            blobs[entry] = bytes(value)
            value = entry
        written[name] = jsonable(value)
    return written


def _renumber_change(change: dict, numbers: dict, by_name: dict[str, OwnedTable], emails: dict) -> None:
    table_name = entity_tables().get(change["entity"])
    entity_id = change["entity_id"]
    change["entity_id"] = numbers.get(table_name, {}).get(entity_id, -abs(entity_id))
    owned = by_name.get(table_name)
    references = {"meeting_id": MEETINGS, **(owned.references if owned is not None else {}), "id": table_name}
    accounts = account_columns(table_name)
    for key in ("before", "after"):
        if change[key]:
            change[key] = {
                name: (emails.get(value) if name in accounts else
                       numbers.get(references[name], {}).get(value, value) if name in references else value)
                for name, value in change[key].items()}


# The export's JSON Schema, made from the models (`flask meeting schema` writes it; a test holds the shipped
# file to it).

def export_json_schema() -> dict:
    tables = owned_tables()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Planner meeting export, format {FORMAT_VERSION}",
        "description": "manifest.json of a meeting's export (a ZIP); docs/EXPORT.md describes it.",
        "type": "object",
        "required": ["format", "version", "exported_at", "meeting", "tables"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "exported_at": {"type": "string", "format": "date-time"},
            "meeting": _record_schema(Meeting.__table__, account_columns(MEETINGS)),
            "tables": {
                "type": "object", "additionalProperties": False, "required": [table.name for table in tables],
                "properties": {table.name: {"type": "array", "items": _record_schema(table.table, table.accounts)}
                               for table in tables},
            },
        },
    }


def _record_schema(table: Table, accounts: tuple[str, ...]) -> dict:
    properties, required = {}, []
    for column in table.columns:
        properties[column.name] = _column_schema(column, account=column.name in accounts)
        if column.primary_key or not (column.nullable or column.default is not None or column.server_default):
            required.append(column.name)
    return {"type": "object", "additionalProperties": False, "required": required, "properties": properties}


def _column_schema(column, *, account: bool) -> dict:
    kind = column.type
    if account:
        schema = {"type": "string", "format": "email"}
    elif isinstance(kind, Enum):
        schema = {"enum": list(kind.enums)}
    elif isinstance(kind, Boolean):
        schema = {"type": "boolean"}
    elif isinstance(kind, Integer):
        schema = {"type": "integer"}
    elif isinstance(kind, UTCDateTime):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(kind, Date):
        schema = {"type": "string", "format": "date"}
    elif isinstance(kind, Uuid):
        schema = {"type": "string", "format": "uuid"}
    elif isinstance(kind, JSON):
        schema = {"description": "any JSON value"}
    elif isinstance(kind, LargeBinary):
        schema = {"type": "string", "pattern": "^files/", "description": "the ZIP entry holding the bytes"}
    elif isinstance(kind, String):
        schema = {"type": "string", **({"maxLength": kind.length} if kind.length else {})}
    else:
        raise TypeError(f"{column.table.name}.{column.name}: the export has no JSON type for {kind!r}")
    if column.nullable or account:
        schema = {"anyOf": [schema, {"type": "null"}]}
    return schema
