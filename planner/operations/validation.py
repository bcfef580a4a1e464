"""Checks on single values that several operations share."""
import re
from urllib.parse import urlparse

from planner.domain.errors import InvalidInput

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


def _trimmed(errors: dict, field: str, value: str | None, what: str) -> str | None:
    """The value without surrounding space, or None (reported) when it cannot be stored.

    Callers then carry on with an empty value, so no query (a name's uniqueness, say) is sent with it.
    """
    text = (value or "").strip()
    if storable(text):
        return text
    errors[field] = f"{what} contains a character that cannot be stored."
    return None


def required_text(errors: dict, field: str, value: str | None, what: str, max_length: int) -> str:
    text = _trimmed(errors, field, value, what)
    if text is None:
        return ""
    if not text:
        errors[field] = f"{what} is required."
    elif len(text) > max_length:
        errors[field] = f"{what} is too long (at most {max_length} characters)."
    return text


def optional_text(errors: dict, field: str, value: str | None, what: str, max_length: int) -> str:
    text = _trimmed(errors, field, value, what)
    if text is None:
        return ""
    if len(text) > max_length:
        errors[field] = f"{what} is too long (at most {max_length} characters)."
    return text


def web_link(errors: dict, field: str, value: str | None) -> str:
    link = _trimmed(errors, field, value, "The web address")
    if link:
        try:
            parsed = urlparse(link)
        except ValueError:  # such as "http://[", an IPv6 host left open
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc or len(link) > 500:
            errors[field] = "Give a full web address starting with https://."
    return link or ""


def email_address(errors: dict, field: str, value: str | None) -> str:
    address = _trimmed(errors, field, value, "The email address")
    if address and (not EMAIL_PATTERN.match(address) or len(address) > 254):
        errors[field] = "Give an email address such as name@example.org."
    return address or ""


def raise_if_any(errors: dict) -> None:
    if errors:
        raise InvalidInput(errors=errors)
