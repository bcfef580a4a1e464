"""Errors every door (form, API, command line) turns into messages next to the fields concerned."""
from collections.abc import Mapping
from typing import Any

from planner.domain.changes import this_entity
from planner.domain.wording import _


class InvalidInput(ValueError):
    """Input that cannot be stored; ``errors`` maps each field to what is wrong with it."""

    def __init__(self, field: str | None = None, message: str | None = None, *, errors: Mapping[str, str] = None):
        self.errors = dict(errors or {})
        if field is not None:
            self.errors[field] = message or _("This value is not valid.")
        super().__init__("; ".join(f"{name}: {text}" for name, text in self.errors.items()))

    @property
    def field(self) -> str:
        return next(iter(self.errors))

    @property
    def message(self) -> str:
        return self.errors[self.field]


class StaleEdit(Exception):
    """An edit based on a version that someone else has since changed.

    ``differences`` lists what changed since that version: (field, then, now).
    """

    def __init__(self, entity: str, based_on: int | None, current: int, differences: list[tuple[str, Any, Any]]):
        self.entity = entity
        self.what = this_entity(entity)  # as people call it: "this role", not "sessionrole"
        super().__init__(f"{self.what.capitalize()} was changed by someone else (version {based_on} → {current}).")
        self.based_on = based_on
        self.current = current
        self.differences = differences
