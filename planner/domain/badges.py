"""Name badges: what a badge says, how a page of them is laid out, the band colours, and the code the door scans.

The code is an address signed with the site's key over the meeting, the registration and the badge's
issue, so it cannot be made up, names one person of one meeting, and stops reading once the badge is
reissued (a new issue) or revoked.
"""
from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from itsdangerous import BadSignature, URLSafeSerializer

from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import N_, ParticipantRole
from planner.domain.wording import _

_SALT = "planner.badge"


@dataclass(frozen=True)
class BadgeClaim:
    """What a badge's code says: whose badge, and which issue of it."""

    meeting_id: int
    registration_id: int
    issue: int


def badge_code(secret_key: str, claim: BadgeClaim) -> str:
    return URLSafeSerializer(secret_key, salt=_SALT).dumps([claim.meeting_id, claim.registration_id, claim.issue])


def read_badge_code(secret_key: str, code: str) -> BadgeClaim | None:
    """The claim of a code this site signed; None for anything else (made up, altered, cut short)."""
    try:
        values = URLSafeSerializer(secret_key, salt=_SALT).loads(code)
    except BadSignature:
        return None
    if not (isinstance(values, list) and len(values) == 3 and all(type(value) is int for value in values)):
        return None
    return BadgeClaim(*values)


# A badge's code inside whatever a handheld scanner typed: the address, or the code alone.
_CODE_IN_TEXT = re.compile(r"(?:^|/badge/)([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)/?$")


def code_in(text: str) -> str | None:
    """The code in what a scanner typed into the search box ("https://…/check-in/badge/<code>"), if any."""
    found = _CODE_IN_TEXT.search(text.strip())
    return found.group(1) if found else None


def badge_face(*texts: str) -> str:
    """A fingerprint of what a badge prints, to tell which badges changed since they were last printed."""
    return hashlib.sha256("\x1f".join(texts).encode()).hexdigest()


class Sheet(enum.Enum):
    """How badges are laid out on paper: (page size, badges across, badges down, badge width, height in mm)."""

    A4 = "a4", N_("A4, 8 badges of 90 × 55 mm"), "A4", 2, 4, 90, 55
    LETTER = "letter", N_("Letter, 6 badges of 4 × 3 in"), "letter", 2, 3, 101.6, 76.2
    SINGLE = "single", N_("One badge a page (badge printer), 90 × 55 mm"), "90mm 55mm", 1, 1, 90, 55

    def __new__(cls, value, label, page_size, across, down, width, height):
        member = object.__new__(cls)
        member._value_ = value
        member.label, member.page_size = label, page_size
        member.across, member.down, member.width, member.height = across, down, width, height
        return member

    @property
    def per_page(self) -> int:
        return self.across * self.down


def sheet_from(value: str | None) -> Sheet:
    try:
        return Sheet(value or Sheet.A4.value)
    except ValueError:
        raise InvalidInput("sheet", _("Choose A4, Letter or one badge a page.")) from None


# The band's colour for each role when the organiser has chosen none: dark enough for white text.
DEFAULT_COLOURS: dict[ParticipantRole, str] = {
    ParticipantRole.DELEGATE: "#1f4e9c",
    ParticipantRole.EXPERT: "#2e7d32",
    ParticipantRole.OBSERVER: "#6a3d9a",
    ParticipantRole.STAFF: "#555555",
    ParticipantRole.PRESS: "#c62828",
}
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def role_colours(chosen: Mapping[str, str]) -> dict[ParticipantRole, str]:
    """Each role's band colour: the organiser's where they chose one, the default otherwise."""
    return {role: chosen.get(role.value) or colour for role, colour in DEFAULT_COLOURS.items()}


def checked_colour(field: str, value: str) -> str:
    if not _COLOUR.fullmatch(value or ""):
        raise InvalidInput(field, "Give a colour as #rrggbb, for example #1f4e9c.")
    return value.lower()


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    channels = [int(background[index:index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#ffffff"
