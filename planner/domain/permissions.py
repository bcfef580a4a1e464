"""Who may do what: the one table of rights, for pages, the API and the CLI alike.

A meeting's team member holds one role there; an administrator holds every right on every
meeting and the site's own (accounts, new meetings). Pure: roles in, a yes or no out.
"""
import enum

from planner.domain.vocabulary import TeamRole


class Right(enum.Enum):
    ORGANISE = "organise"  # everything about the meeting: agenda, participants, team, history
    WORK_THE_DOOR = "work_the_door"  # the check-in desk and the list of participants, read only


RIGHTS: dict[TeamRole, frozenset[Right]] = {
    TeamRole.ORGANISER: frozenset(Right),
    TeamRole.DOOR_STAFF: frozenset({Right.WORK_THE_DOOR}),
}


def holds(right: Right, *, role: TeamRole | None, administrator: bool) -> bool:
    """Whether someone with ``role`` in a meeting (None: not on its team) holds ``right`` there."""
    if administrator:
        return True
    return role is not None and right in RIGHTS[role]
