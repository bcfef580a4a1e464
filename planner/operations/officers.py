"""The meeting's bureau: officers of the whole meeting (chair, co-chairs, rapporteurs, secretary), in order."""
from planner.domain.vocabulary import OfficerRole
from planner.domain.wording import Message, _
from planner.extensions import db
from planner.models import Meeting, MeetingOfficer, Person, User
from planner.operations import records
from planner.operations.history import ensure_current
from planner.operations.validation import raise_if_any


def _officer_errors(meeting: Meeting, person: Person | None, role, exclude_id: int | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if person is None or person.meeting_id != meeting.id:
        errors["person"] = _("Choose a person of this meeting.")
    if not isinstance(role, OfficerRole):
        errors["role"] = _("Choose an office.")
    elif person is not None and any(officer.person_id == person.id and officer.role is role
                                    and officer.id != exclude_id for officer in meeting.officers):
        errors["person"] = _("%(person)s is already %(role)s of this meeting.", person=person.name,
                             role=role.in_sentence)
    return errors


def add_officer(meeting: Meeting, person: Person, role: OfficerRole, *, actor: User | None = None,
                position: int | None = None) -> MeetingOfficer:
    """Put ``person`` in the bureau as ``role``: after the officers already listed, or at ``position`` (0 first)."""
    raise_if_any(_officer_errors(meeting, person, role))
    position = max((officer.position for officer in meeting.officers), default=-1) + 1
    officer = MeetingOfficer(meeting_id=meeting.id, person_id=person.id, role=role, position=position)
    records.created(officer, meeting_id=meeting.id, actor=actor, summary=holds_office(person, role))
    db.session.expire(meeting, ["officers"])
    if position is not None and position != len(meeting.officers) - 1:
        place_officer(officer, position, actor=actor)
    return officer


def update_officer(officer: MeetingOfficer, *, actor: User | None, based_on_version: int | None = None,
                   person: Person | None = None, role: OfficerRole | None = None, position: int | None = None):
    """Give an office to someone else, change it, or move it to ``position`` in the bureau (0 first); what is
    not given keeps its value."""
    person = person if person is not None else officer.person
    role = role if role is not None else officer.role
    raise_if_any(_officer_errors(officer.meeting, person, role, exclude_id=officer.id))
    changed = records.updated(officer, {"person_id": person.id, "role": role}, meeting_id=officer.meeting_id,
                              actor=actor, based_on_version=based_on_version,
                              summary=holds_office(person, role))
    db.session.expire(officer, ["person"])
    if position is not None and position != officer.meeting.officers.index(officer):
        place_officer(officer, position, actor=actor)
    return changed


def remove_officer(officer: MeetingOfficer, *, actor: User | None, based_on_version: int | None = None,
                   batch: str | None = None) -> None:
    meeting = officer.meeting
    records.deleted(officer, meeting_id=officer.meeting_id, actor=actor, based_on_version=based_on_version,
                    batch=batch,
                    summary=_("%(person)s is no longer %(role)s of the meeting", person=officer.person.name,
                              role=officer.role.in_sentence))
    db.session.expire(meeting, ["officers"])


def holds_office(person: Person, role: OfficerRole) -> Message:
    return _("%(person)s is %(role)s of the meeting", person=person.name, role=role.in_sentence)


def move_officer(officer: MeetingOfficer, offset: int, *, actor: User | None) -> None:
    """Move an officer up (-1) or down (+1) in the bureau's list."""
    place_officer(officer, list(officer.meeting.officers).index(officer) + offset, actor=actor)


def place_officer(officer: MeetingOfficer, position: int, *, actor: User | None,
                  based_on_version: int | None = None) -> None:
    """Put an officer at ``position`` (0 first) in the bureau's list."""
    ensure_current(officer, based_on_version)
    meeting = officer.meeting
    records.reordered(list(meeting.officers), officer, position, meeting_id=meeting.id, actor=actor,
                      summary=_("Reordered the bureau"))
    db.session.expire(meeting, ["officers"])
