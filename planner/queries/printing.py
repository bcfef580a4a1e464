"""What the printed documents for the people read (list of participants, badges, name plates), in a fixed
number of queries whatever the number of participants."""
from sqlalchemy import select

from planner.domain.participant_list import Entry
from planner.extensions import db
from planner.domain.vocabulary import OfficerRole
from planner.models import Badge, Institution, Meeting, MeetingOfficer, Person, PrintSettings, Registration
from planner.queries.registrations import day_modes


def print_settings(meeting: Meeting) -> PrintSettings:
    """The meeting's settings; a meeting that never changed them gets the defaults, unsaved."""
    settings = db.session.get(PrintSettings, meeting.id)
    if settings is None:
        settings = PrintSettings(meeting_id=meeting.id, list_published=False, public_roles=[],
                                 family_names_in_capitals=True, role_colours={})
    return settings


def list_entries(meeting: Meeting) -> list[Entry]:
    """Every registered participant of ``meeting`` with their institution, their days and their office in the
    bureau, in three queries."""
    modes = day_modes(meeting)
    offices = bureau_offices(meeting)
    rows = db.session.execute(
        select(Registration.id, Registration.person_id, Registration.role, Person.honorific, Person.name,
               Person.position, Institution.name, Institution.acronym, Institution.country, Institution.kind)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Institution, Institution.id == Person.institution_id)
        .where(Registration.meeting_id == meeting.id)
    ).all()
    return [
        Entry(registration_id=registration_id, honorific=honorific, name=name, position=position,
              institution=institution or "", acronym=acronym or "", country=country or "",
              kind=kind.value if kind else None, role=role, modes=modes[registration_id],
              **offices.get(person_id, {}))
        for registration_id, person_id, role, honorific, name, position, institution, acronym, country, kind in rows
    ]


def bureau_offices(meeting: Meeting) -> dict[int, dict]:
    """Each officer's office in the bureau (the first they hold, in the bureau's order), by person."""
    order = list(OfficerRole)
    offices: dict[int, dict] = {}
    for person_id, role, position in sorted(
        db.session.execute(select(MeetingOfficer.person_id, MeetingOfficer.role, MeetingOfficer.position)
                           .where(MeetingOfficer.meeting_id == meeting.id)),
        key=lambda row: (order.index(row[1]), row[2]),
    ):
        offices.setdefault(person_id, {"bureau_title": role.label, "bureau_rank": (order.index(role), position)})
    return offices


def meeting_badges(meeting: Meeting) -> dict[int, Badge]:
    """The meeting's badge records by registration; a registration without one has never had a badge printed."""
    badges = db.session.scalars(select(Badge).where(Badge.meeting_id == meeting.id))
    return {badge.registration_id: badge for badge in badges}


def badge_of(meeting: Meeting, registration_id: int) -> Badge | None:
    return db.session.scalar(select(Badge).where(Badge.meeting_id == meeting.id,
                                                 Badge.registration_id == registration_id))
