"""Restoring a meeting from its export, on any site and database: every record written back in the order of its
number, references and accounts found again, UIDs and SEQUENCEs kept. Anything wrong is refused before the
transaction commits, so a refused file writes nothing (the caller rolls back)."""
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone

from sqlalchemy import Date, Enum, LargeBinary, Table, UniqueConstraint, Uuid, func, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError

from planner.database import UTCDateTime
from planner.domain.archive import UnreadableArchive, read_archive
from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import TeamRole
from planner.domain.wording import Moment, _
from planner.extensions import db
from planner.models import Meeting, User
from planner.models.ownership import MEETINGS, OwnedTable, account_columns, entity_tables, owned_tables
from planner.operations.history import record_change
from planner.operations.meetings import slug_problem
from planner.operations.team import grant_role


@dataclass
class Restored:
    meeting: Meeting
    records: int = 0
    # What could not come along, for the organiser to know: accounts this site lacks, personal addresses in use.
    notes: list[str] = field(default_factory=list)


def import_meeting(data: bytes, *, slug: str | None = None, actor: User | None) -> Restored:
    """Recreate the meeting in ``data`` (an export) at ``slug`` (by default the one it had)."""
    manifest, blobs = read_archive(data)
    source = manifest["meeting"]
    slug = (slug or source["slug"]).strip()
    if problem := slug_problem(slug):
        raise InvalidInput("slug", problem)
    writer = _Writer(blobs, _accounts(manifest))
    meeting_values = writer.values(Meeting.__table__, source, references={}, accounts=account_columns(MEETINGS))
    meeting_values.update(slug=slug, deleted_at=None, deleted_by_id=None)
    meeting_id = db.session.execute(insert(Meeting.__table__).values(meeting_values)
                                    .returning(Meeting.__table__.c.id)).scalar_one()
    writer.numbers[MEETINGS] = {source["id"]: meeting_id}
    tables = owned_tables()
    for table in tables:
        writer.write(table, manifest["tables"][table.name])
    writer.renumber_history(meeting_id, {table.name: table for table in tables})
    meeting = db.session.get(Meeting, meeting_id)
    restored = Restored(meeting, writer.count, writer.notes)
    record_change(meeting, meeting_id=meeting_id, actor=actor, action="imported", before=None, after=None,
                  summary=_("Imported from an export of “%(title)s” (%(slug)s) made %(when)s UTC",
                            title=source["title"], slug=source["slug"], when=_exported_at(manifest["exported_at"])))
    if actor is not None:
        grant_role(meeting, actor, TeamRole.ORGANISER, actor=actor)
    db.session.flush()
    return restored


def _exported_at(text: str) -> Moment | str:
    """When the export was made, in UTC, for the import's history entry (the export's own clock, ISO 8601)."""
    try:
        made = datetime.fromisoformat(text)
    except ValueError:
        return text
    if made.tzinfo is not None:
        made = made.astimezone(timezone.utc).replace(tzinfo=None)
    return Moment(f"{made:%Y-%m-%d %H:%M}", "span", made, None)


def _accounts(manifest: dict) -> dict[str, int]:
    """This site's accounts by email, for those the file names."""
    emails = {value for rows in (*manifest["tables"].values(), [manifest["meeting"]]) for row in rows
              for value in row.values() if isinstance(value, str) and "@" in value and len(value) <= 254}
    found = db.session.execute(select(User.id, func.lower(User.email)).where(func.lower(User.email).in_(
        [email.lower() for email in emails]))).all() if emails else []
    return {email: user_id for user_id, email in found}


class _Writer:
    def __init__(self, blobs: dict[str, bytes], accounts: dict[str, int]):
        self.blobs, self.accounts = blobs, accounts
        self.numbers: dict[str, dict[int, int]] = {}
        self.count = 0
        self.notes: list[str] = []
        self.missing_accounts: set[str] = set()

    def write(self, owned: OwnedTable, rows: list[dict]) -> None:
        """Insert ``rows`` in their numbers' order (so a later export numbers them alike); references to rows of
        the same table are set once all are in."""
        table, numbers = owned.table, self.numbers.setdefault(owned.name, {})
        later: list[tuple[int, dict]] = []
        for index, row in enumerate(sorted(rows, key=lambda row: row.get("id") or 0)):
            where = f"{owned.name}[{index}]"
            values = self.values(table, row, references=owned.references, accounts=owned.accounts, where=where,
                                 held_back=owned.self_references)
            if values is None:
                continue
            self._free_unique(owned, values, where)
            statement = insert(table).values(values)
            if owned.numbered:
                new_id = _stored(statement.returning(table.c.id), where).scalar_one()
                numbers[row["id"]] = new_id
                if owned.self_references:
                    later.append((new_id, row))
            else:
                _stored(statement, where)
            self.count += 1
        for new_id, row in later:
            values = {column: self._reference(owned.name, column, row[column], f"{owned.name} {row['id']}")
                      for column in owned.self_references if row.get(column) is not None}
            if values:  # as it was: an update would stamp "updated now"
                values |= {column.name: self._typed(column, row[column.name], owned.name)
                           for column in table.columns if column.onupdate is not None and column.name in row}
                _stored(update(table).where(table.c.id == new_id).values(values), f"{owned.name} {row['id']}")

    def values(self, table: Table, row: dict, *, references: dict, accounts: tuple, where: str = "meeting",
               held_back: tuple = ()) -> dict | None:
        values = {}
        for name, value in row.items():
            column = table.c[name]
            if name == "id" or name in held_back:
                continue
            if name in accounts:
                value = self._account(value)
                if value is None and not column.nullable:
                    return None  # a team member without an account here: nobody to give the role to
            elif name in references and value is not None:
                value = self._reference(references[name], name, value, where)
            else:
                value = self._typed(column, value, f"{where}.{name}")
            values[name] = value
        return values

    def _account(self, email: str | None) -> int | None:
        if email is None:
            return None
        found = self.accounts.get(email.lower())
        if found is None and email not in self.missing_accounts:
            self.missing_accounts.add(email)
            self.notes.append(_("%(email)s has no account on this site: what they did is kept without their name.",
                                 email=email))
        return found

    def _reference(self, target: str, name: str, number: int, where: str) -> int:
        found = self.numbers.get(target, {}).get(number)
        if found is None:
            raise UnreadableArchive(_("In %(where)s, %(name)s refers to record %(number)s of %(target)s, which the "
                                      "file does not hold.", where=where, name=name, number=number, target=target))
        return found

    def _typed(self, column, value, where: str):
        kind = column.type
        try:
            if value is None:
                return None
            if isinstance(kind, UTCDateTime):
                instant = datetime.fromisoformat(value)
                if instant.tzinfo is None:
                    raise ValueError("a date and time without its offset")
                return instant
            if isinstance(kind, Date):
                return date.fromisoformat(value)
            if isinstance(kind, Uuid):
                return uuid.UUID(value)
            if isinstance(kind, Enum) and kind.enum_class is not None:
                return kind.enum_class(value)
            if isinstance(kind, LargeBinary):
                if value not in self.blobs:
                    raise ValueError(f"the ZIP holds no {value}")
                return self.blobs[value]
        except (TypeError, ValueError) as error:
            raise UnreadableArchive(_("At %(where)s: “%(value)s” cannot be read (%(error)s).", where=where, value=value,
                                      error=str(error))) from None
        return value

    def _free_unique(self, owned: OwnedTable, values: dict, where: str) -> None:
        """A value unique across the whole site (a personal address's hash) that a meeting here already holds is
        left out: two meetings cannot answer at one secret address."""
        for column in sorted(_single_unique_columns(owned.table)):
            value = values.get(column)
            if value is None:
                continue
            if db.session.scalar(select(func.count()).select_from(owned.table).where(owned.table.c[column] == value)):
                values[column] = None
                self.notes.append(_("%(where)s: its %(column)s is in use on this site, so it was left out.",
                                    where=where, column=column.replace("_", " ")))

    def renumber_history(self, meeting_id: int, owned: dict[str, OwnedTable]) -> None:
        """The history's entries name the restored records by their new ids."""
        changes = owned.get("changes")
        if changes is None:
            return
        entities = entity_tables()
        table = changes.table
        for change_id, entity, entity_id, before, after in db.session.execute(
                select(table.c.id, table.c.entity, table.c.entity_id, table.c.before, table.c.after)
                .where(table.c.meeting_id == meeting_id)).all():
            table_name = entities.get(entity)
            references = {"meeting_id": MEETINGS, **(owned[table_name].references if table_name in owned else {}),
                          "id": table_name}
            accounts = account_columns(table_name)
            db.session.execute(update(table).where(table.c.id == change_id).values(
                entity_id=self.numbers.get(table_name, {}).get(entity_id, entity_id),
                before=self._snapshot(before, references, accounts),
                after=self._snapshot(after, references, accounts)))

    def _snapshot(self, snapshot: dict | None, references: dict, accounts: tuple) -> dict | None:
        if not snapshot:
            return snapshot
        return {name: (self.accounts.get(value.lower()) if name in accounts and isinstance(value, str) else
                       self.numbers.get(references[name], {}).get(value, value) if name in references else value)
                for name, value in snapshot.items()}


def _stored(statement, where: str):
    """Run ``statement``; a record the database refuses (the file breaks a rule the schema cannot say, such as two
    rooms of one name) is reported by where it is in the file. The caller rolls the whole import back."""
    try:
        return db.session.execute(statement)
    except (IntegrityError, DataError) as error:
        reason = str(error.orig).strip().splitlines()[0]
        raise UnreadableArchive(_("%(where)s cannot be stored: the database refuses it (%(reason)s).", where=where,
                                  reason=reason)) from None


def _single_unique_columns(table: Table) -> set[str]:
    """The columns unique across the whole site by themselves (not within a meeting, nor the key)."""
    found = {next(iter(constraint.columns)).name for constraint in table.constraints
             if isinstance(constraint, UniqueConstraint) and len(constraint.columns) == 1}
    return found | {column.name for column in table.columns if column.unique and not column.primary_key}
