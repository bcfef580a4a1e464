"""URL parts with a fixed shape."""
from datetime import date

from werkzeug.routing import BaseConverter, ValidationError


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
