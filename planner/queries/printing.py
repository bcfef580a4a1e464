"""What the printed documents for the people read (list of participants, badges, name plates), in a fixed
number of queries whatever the number of participants."""
from sqlalchemy import select

from planner.domain.participant_list import Entry
from planner.extensions import db
from planner.models import Badge, Institution, Meeting, Person, PrintSettings, Registration
from planner.queries.registrations import day_modes


def print_settings(meeting: Meeting) -> PrintSettings:
    """The meeting's settings; a meeting that never changed them gets the defaults, unsaved."""
    settings = db.session.get(PrintSettings, meeting.id)
    if settings is None:
        settings = PrintSettings(meeting_id=meeting.id, list_published=False, public_roles=[],
                                 family_names_in_capitals=True, role_colours={})
    return settings


def list_entries(meeting: Meeting) -> list[Entry]:
    """Every registered participant of ``meeting`` with their institution and their days, in two queries."""
    modes = day_modes(meeting)
    rows = db.session.execute(
        select(Registration.id, Registration.role, Person.honorific, Person.name, Person.position,
               Institution.name, Institution.acronym, Institution.country, Institution.kind)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Institution, Institution.id == Person.institution_id)
        .where(Registration.meeting_id == meeting.id)
    ).all()
    return [
        Entry(registration_id=registration_id, honorific=honorific, name=name, position=position,
              institution=institution or "", acronym=acronym or "", country=country or "",
              kind=kind.value if kind else None, role=role, modes=modes[registration_id])
        for registration_id, role, honorific, name, position, institution, acronym, country, kind in rows
    ]


def meeting_badges(meeting: Meeting) -> dict[int, Badge]:
    """The meeting's badge records by registration; a registration without one has never had a badge printed."""
    badges = db.session.scalars(select(Badge).where(Badge.meeting_id == meeting.id))
    return {badge.registration_id: badge for badge in badges}


def badge_of(meeting: Meeting, registration_id: int) -> Badge | None:
    return db.session.scalar(select(Badge).where(Badge.meeting_id == meeting.id,
                                                 Badge.registration_id == registration_id))
