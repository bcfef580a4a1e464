"""What makes a password acceptable: long enough, not a well-known one, not the account's own email."""
from functools import cache

from zxcvbn.frequency_lists import FREQUENCY_LISTS

from planner.domain.wording import Message, _, ngettext

MINIMUM_LENGTH = 12
MAXIMUM_LENGTH = 500


@cache
def _common_passwords() -> frozenset[str]:
    # The 30,000 most common passwords of leaked sets, as zxcvbn (Dropbox's estimator) ships them.
    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str, email: str = "") -> Message | None:
    """Why ``password`` cannot be used, or None when it can."""
    if len(password) < MINIMUM_LENGTH:
        return ngettext("Use at least %(num)d character.", "Use at least %(num)d characters.", MINIMUM_LENGTH)
    if len(password) > MAXIMUM_LENGTH:
        return ngettext("Use at most %(num)d character.", "Use at most %(num)d characters.", MAXIMUM_LENGTH)
    folded = password.strip().casefold()
    if email and folded == email.strip().casefold():
        return _("Do not use your email address as your password.")
    if folded in _common_passwords() or folded.replace(" ", "") in _common_passwords():
        return _("This password is on the lists of the most common passwords; choose another.")
    return None
