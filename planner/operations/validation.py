"""Checks on single values that several operations share."""
import re
from urllib.parse import urlparse

from planner.domain.errors import InvalidInput

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def required_text(errors: dict, field: str, value: str | None, what: str, max_length: int) -> str:
    text = (value or "").strip()
    if not text:
        errors[field] = f"{what} is required."
    elif len(text) > max_length:
        errors[field] = f"{what} is too long (at most {max_length} characters)."
    return text


def optional_text(errors: dict, field: str, value: str | None, what: str, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        errors[field] = f"{what} is too long (at most {max_length} characters)."
    return text


def web_link(errors: dict, field: str, value: str | None) -> str:
    link = (value or "").strip()
    if link:
        try:
            parsed = urlparse(link)
        except ValueError:  # such as "http://[", an IPv6 host left open
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.netloc or len(link) > 500:
            errors[field] = "Give a full web address starting with https://."
    return link


def email_address(errors: dict, field: str, value: str | None) -> str:
    address = (value or "").strip()
    if address and (not EMAIL_PATTERN.match(address) or len(address) > 254):
        errors[field] = "Give an email address such as name@example.org."
    return address


def raise_if_any(errors: dict) -> None:
    if errors:
        raise InvalidInput(errors=errors)
