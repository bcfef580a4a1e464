"""URL parts with a fixed shape."""
from datetime import date

from werkzeug.exceptions import NotFound
from werkzeug.routing import BaseConverter, IntegerConverter, ValidationError

from planner.domain.wording import _


class IsoDateConverter(BaseConverter):
    """A calendar day written YYYY-MM-DD; anything else (or 2021-02-30) is not a route, so 404."""

    regex = r"\d{4}-\d{2}-\d{2}"

    def to_python(self, value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError() from None

    def to_url(self, value: date) -> str:
        return value.isoformat()


class RecordIdConverter(IntegerConverter):
    """A record's id. A number beyond the database's integers names no record: 404.

    Looked up, it would fail with a 500 (PostgreSQL: integer out of range; SQLite cannot
    bind past 64 bits; int() refuses past 4300 digits). NotFound is raised here rather than
    ValidationError, with which Werkzeug would answer 405 when the address has other methods.
    """

    LARGEST = 2**31 - 1

    def to_python(self, value: str) -> int:
        if len(value) > len(str(self.LARGEST)) or int(value) > self.LARGEST:
            raise NotFound(_("There is no record with this number."))
        return int(value)
