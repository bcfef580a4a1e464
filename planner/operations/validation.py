"""Checks on single values that several operations share."""
import re
from urllib.parse import urlparse

from planner.domain.errors import InvalidInput
from planner.domain.wording import Message, _, ngettext

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def storable(text: str) -> bool:
    """Whether any of our databases can keep ``text``: PostgreSQL refuses NUL; UTF-8 has no lone surrogates."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# Control characters other than tab end or break a line in the calendar files, mail headers and CSV files the
# texts go into; line breaks only in the fields that hold several lines (descriptions).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_OR_LINE_BREAK = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")


def _trimmed(errors: dict, field: str, value: str | None, what: Message, multiline: bool = False) -> str | None:
    """The value without surrounding space, or None (reported) when it cannot be stored.

    Callers then carry on with an empty value, so no query (a name's uniqueness, say) is sent with it.
    """
    text = (value or "").strip()
    if not storable(text):
        errors[field] = _("%(what)s contains a character that cannot be stored.", what=what)
        return None
    if (_CONTROL if multiline else _CONTROL_OR_LINE_BREAK).search(text):
        errors[field] = (_("%(what)s contains a control character.", what=what) if multiline
                         else _("%(what)s must be one line, without line breaks or control characters.", what=what))
        return None
    return text


def required_text(errors: dict, field: str, value: str | None, what: Message, max_length: int) -> str:
    """A single line of text that must be given."""
    text = _trimmed(errors, field, value, what)
    if text is None:
        return ""
    if not text:
        errors[field] = _("%(what)s is required.", what=what)
    elif len(text) > max_length:
        errors[field] = ngettext("%(what)s is too long (at most %(num)d character).",
                                  "%(what)s is too long (at most %(num)d characters).", max_length, what=what)
    return text


def optional_text(errors: dict, field: str, value: str | None, what: Message, max_length: int, *,
                  multiline: bool = False) -> str:
    """Text that may be left empty: a single line unless ``multiline``."""
    text = _trimmed(errors, field, value, what, multiline)
    if text is None:
        return ""
    if len(text) > max_length:
        errors[field] = ngettext("%(what)s is too long (at most %(num)d character).",
                                  "%(what)s is too long (at most %(num)d characters).", max_length, what=what)
    return text


def web_link(errors: dict, field: str, value: str | None) -> str:
    link = _trimmed(errors, field, value, _("The web address"))
    if link:
        try:
            parsed = urlparse(link)
        except ValueError:  # such as "http://[", an IPv6 host left open
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc or len(link) > 500:
            errors[field] = _("Give a full web address starting with https://.")
    return link or ""


def email_address(errors: dict, field: str, value: str | None) -> str:
    address = _trimmed(errors, field, value, _("The email address"))
    if address and (not EMAIL_PATTERN.match(address) or len(address) > 254):
        errors[field] = _("Give an email address such as name@example.org.")
    return address or ""


def raise_if_any(errors: dict) -> None:
    if errors:
        raise InvalidInput(errors=errors)
