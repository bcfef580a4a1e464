"""Which tables hold a meeting's records, read from the models' foreign keys: a table is the meeting's when it has a
``meeting_id`` or is deleted (by cascade) with a table that is. A meeting's export and its import walk these, so a
table or column added to the models is exported without more code (and the schema test says when the shipped
JSON Schema must be made again)."""
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, LargeBinary, Table, select

from planner.extensions import db

MEETINGS, USERS = "meetings", "users"
# Meeting tables an export leaves out, and why.
LEFT_OUT = {
    "team_invitations": "an invitation's secret is for one site's accounts, and it expires in days",
}


@dataclass(frozen=True)
class OwnedTable:
    table: Table
    # The foreign keys to the meeting's tables (the meeting's own included), by column: what they refer to.
    references: dict[str, str] = field(default_factory=dict)
    # Columns naming an account, which an export writes as its email and an import finds by it.
    accounts: tuple[str, ...] = ()
    # How a row is found to be the meeting's: the column, and the owning table it refers to.
    owner: tuple[str, str] = ("meeting_id", MEETINGS)

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def numbered(self) -> bool:
        """Whether rows have an integer ``id`` of their own (the rest are keyed by what they belong to)."""
        return [column.name for column in self.table.primary_key.columns] == ["id"]

    @property
    def binary(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.table.columns if isinstance(column.type, LargeBinary))

    @property
    def self_references(self) -> tuple[str, ...]:
        return tuple(column for column, target in self.references.items() if target == self.name)

    def rows_of(self, meeting_id: int, owned: dict[str, "OwnedTable"]) -> ColumnElement[bool]:
        """The condition that picks this table's rows of the meeting."""
        column, parent = self.owner
        if parent == MEETINGS:
            return self.table.c[column] == meeting_id
        parent_table = owned[parent]
        ids = select(parent_table.table.c.id).where(parent_table.rows_of(meeting_id, owned))
        return self.table.c[column].in_(ids)


def owned_tables() -> list[OwnedTable]:
    """The meeting's tables, each after those it refers to."""
    found: dict[str, OwnedTable] = {}
    for table in db.metadata.sorted_tables:
        if table.name in LEFT_OUT or table.name == MEETINGS:
            continue
        references, accounts, owner = {}, [], None
        for column in table.columns:
            for key in column.foreign_keys:
                target, target_column = key.column.table.name, key.column.name
                if target == USERS:
                    accounts.append(column.name)
                elif target_column == "id" and (target == MEETINGS or target in found or target == table.name):
                    references[column.name] = target
                    owns = key.ondelete in ("CASCADE", "SET NULL") if target == MEETINGS else key.ondelete == "CASCADE"
                    if owner is None and owns and target != table.name:
                        owner = (column.name, target)
        if owner is not None:
            found[table.name] = OwnedTable(table, references, tuple(accounts), owner)
    return list(found.values())


def entity_tables() -> dict[str, str]:
    """The history's entity names (``changes.entity``) and the tables they name."""
    return {mapper.class_.__name__.lower(): mapper.local_table.name for mapper in db.Model.registry.mappers}


def account_columns(table_name: str | None) -> tuple[str, ...]:
    """The columns of ``table_name`` that name an account."""
    table: Table | None = db.metadata.tables.get(table_name) if table_name else None
    if table is None:
        return ()
    return tuple(column.name for column in table.columns
                 if any(key.column.table.name == USERS for key in column.foreign_keys))
