"""URL parts with a fixed shape."""
from datetime import date

from werkzeug.routing import BaseConverter, IntegerConverter, ValidationError


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
    """A record's id. A number too long for a 64-bit integer names no record, so it is no route (404):
    SQLite cannot even bind it, and the lookup would fail with a 500.

    The bound is in the pattern, not in ``to_python``, so Werkzeug answers 404, not 405.
    """

    regex = r"\d{1,18}"
