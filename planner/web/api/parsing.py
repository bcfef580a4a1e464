"""Turning a JSON request into typed values, each bad one reported under its field's name."""
import enum
import re
from datetime import date, datetime
from typing import Any

from flask import abort, request

from planner.domain.errors import InvalidInput

MISSING = object()
# The shapes docs/API.md and the OpenAPI description give (Python's ISO parser also takes week dates,
# "2021-W42-1", and a space for the T; a client that sent those would find other clients refused).
# ASCII digits only, as in the description's (ECMAScript) patterns.
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
MOMENT_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?(Z|[+-][0-9]{2}:[0-9]{2})?$"


class Body:
    """The request's JSON object, read field by field; problems gather in ``errors``."""

    def __init__(self, data: dict[str, Any], known: set[str]):
        self.data = data
        self.errors: dict[str, str] = {}
        for name in sorted(set(data) - known):
            self.errors[name] = "This field is not known here."

    def has(self, name: str) -> bool:
        return name in self.data

    def _get(self, name: str, required: bool):
        if name not in self.data:
            if required:
                self.errors[name] = "This field is required."
            return MISSING
        return self.data[name]

    def text(self, name: str, *, required: bool = False, max_length: int = 20000):
        value = self._get(name, required)
        if value is MISSING:
            return value
        if not isinstance(value, str):
            self.errors[name] = "Give a string."
            return MISSING
        if len(value) > max_length:
            self.errors[name] = f"At most {max_length} characters."
            return MISSING
        return value

    def boolean(self, name: str, *, required: bool = False):
        value = self._get(name, required)
        if value is MISSING or isinstance(value, bool):
            return value
        self.errors[name] = "Give true or false."
        return MISSING

    def integer(self, name: str, *, required: bool = False, nullable: bool = False, minimum: int | None = None):
        value = self._get(name, required)
        if value is MISSING or (value is None and nullable):
            return value
        if not isinstance(value, int) or isinstance(value, bool) or abs(value) > 2**31 - 1:
            self.errors[name] = "Give a whole number." + (" Or null." if nullable else "")
            return MISSING
        if minimum is not None and value < minimum:
            self.errors[name] = f"Give a number of at least {minimum}."
            return MISSING
        return value

    def choice(self, name: str, vocabulary: type[enum.Enum], *, required: bool = False):
        value = self._get(name, required)
        if value is MISSING:
            return value
        try:
            return vocabulary(value)
        except (ValueError, TypeError):
            self.errors[name] = "Choose one of: " + ", ".join(member.value for member in vocabulary) + "."
            return MISSING

    def day(self, name: str, *, required: bool = False):
        value = self.text(name, required=required, max_length=10)
        if value is MISSING:
            return value
        try:
            return _day(value)
        except ValueError:
            self.errors[name] = "Give a date as YYYY-MM-DD."
            return MISSING

    def moment(self, name: str, *, required: bool = False, nullable: bool = False):
        """An ISO 8601 date and time; with an offset it is an instant, without one the meeting's wall clock."""
        if nullable and self.data.get(name, MISSING) is None:
            return None
        value = self.text(name, required=required, max_length=40)
        if value is MISSING:
            return value
        try:
            return datetime.fromisoformat(value) if re.fullmatch(MOMENT_PATTERN, value) else _bad()
        except ValueError:
            self.errors[name] = "Give a date and time such as 2021-10-18T09:30 or 2021-10-18T09:30:00+09:00."
            return MISSING

    def object(self, name: str, *, required: bool = False):
        value = self._get(name, required)
        if value is MISSING or isinstance(value, dict):
            return value
        self.errors[name] = "Give a JSON object."
        return MISSING

    def day_modes(self, name: str, vocabulary: type[enum.Enum], *, required: bool = False):
        """An object mapping days (YYYY-MM-DD) to one of ``vocabulary``."""
        value = self.object(name, required=required)
        if value is MISSING:
            return value
        parsed = {}
        for key, mode in value.items():
            try:
                parsed[_day(key)] = vocabulary(mode)
            except (ValueError, TypeError):
                self.errors[f"{name}.{key}"[:80]] = (
                    "Map a day (YYYY-MM-DD) to one of: " + ", ".join(m.value for m in vocabulary) + "."
                )
        return parsed

    def raise_if_invalid(self) -> None:
        if self.errors:
            raise InvalidInput(errors=self.errors)


def _bad():
    raise ValueError


def _day(text: str) -> date:
    return date.fromisoformat(text) if re.fullmatch(DAY_PATTERN, text) else _bad()


def json_body(known: set[str]) -> Body:
    if not request.is_json:
        abort(415, description="Send JSON with Content-Type: application/json.")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # nested deeper than the JSON parser can follow; malformed like any other
        data = None
    if not isinstance(data, dict):
        abort(400, description="The body must be a JSON object.")
    return Body(data, known)


def given(**values) -> dict[str, Any]:
    """Only the values the client sent, so a PATCH leaves the rest alone."""
    return {name: value for name, value in values.items() if value is not MISSING}
