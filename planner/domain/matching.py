"""Finding the registration behind a line of an online platform's report: by email first, then by name."""
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from planner.domain.names import email_key, name_keys

BY_EMAIL = "email"
BY_NAME = "name"


@dataclass(frozen=True)
class Registrant:
    """A registration as matching sees it: the names and the email its person goes by."""

    registration_id: int
    names: tuple[str, ...]
    email: str


@dataclass(frozen=True)
class Match:
    registration_id: int | None
    by: str = ""  # BY_EMAIL, BY_NAME, or "" when unmatched
    reason: str = ""  # why there is no match

    @property
    def matched(self) -> bool:
        return self.registration_id is not None


class Registrants:
    """The registrations of a meeting, indexed by email and by name key."""

    def __init__(self, registrants: Iterable[Registrant]):
        self._by_email: dict[str, set[int]] = defaultdict(set)
        self._by_name: dict[str, set[int]] = defaultdict(set)
        for registrant in registrants:
            if email := email_key(registrant.email):
                self._by_email[email].add(registrant.registration_id)
            for name in registrant.names:
                for key in name_keys(name):
                    self._by_name[key].add(registrant.registration_id)

    def match(self, name: str, email: str) -> Match:
        """The one registration with this email, else the one with this name; never a guess between several.

        An email shared by several registrations (a delegation's common address)
        is settled by the name among them.
        """
        keys = name_keys(name)
        named = set().union(*(self._by_name.get(key, set()) for key in keys)) if keys else set()
        with_email = self._by_email.get(email_key(email), set()) if email_key(email) else set()
        if len(with_email) == 1:
            return Match(next(iter(with_email)), BY_EMAIL)
        if with_email:
            among = with_email & named
            if len(among) == 1:
                return Match(next(iter(among)), BY_EMAIL)
            return Match(None, reason=f"{len(with_email)} registrations share this email and the name does not "
                                      "tell them apart.")
        if len(named) == 1:
            return Match(next(iter(named)), BY_NAME)
        if named:
            return Match(None, reason=f"{len(named)} registered participants go by this name.")
        return Match(None, reason="No registration has this email or this name.")
