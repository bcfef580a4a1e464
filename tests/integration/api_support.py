"""A meeting with one record of each kind the write API reaches, and new records for its deletions to take:
the ground that test_api_fuzz.py and test_api_contract.py send their calls to."""
from datetime import date, datetime

from planner.domain.vocabulary import DayMode, OfficerRole, ParticipantRole, Role
from planner.extensions import db
from planner.models import Meeting, Session
from planner.operations.agenda import assign_role
from planner.operations.officers import add_officer
from planner.operations.registrations import register_participant
from tests.integration.document_support import pdf_bytes, put_document


def one_of_everything(make, meeting: Meeting) -> dict[str, int]:
    """On the meeting's first day, a room, an institution, a person, a talk inside a block where the person
    speaks, and their registration: their ids, by the name the API gives their kind (``block``: the block's)."""
    day = meeting.first_day
    room = make.room(meeting, "Hall A", capacity=30)
    institution = make.institution(meeting, "Ministry of Foreign Affairs", acronym="MOFA")
    person = make.person(meeting, "Kim Min-ji", institution=institution, email="kim@example.org")
    block = make.session(meeting, "Working session", _at(day, 9), _at(day, 12), room=room)
    talk = make.session(meeting, "Panel", _at(day, 10), _at(day, 11), room=room, parent=block)
    role = assign_role(talk, person, Role.SPEAKER)
    registration = register_participant(meeting, person, role=ParticipantRole.EXPERT, days={day: DayMode.IN_ROOM})
    document = put_document(meeting, title="Concept note", files={"en": ("concept-note.pdf", pdf_bytes())})
    officer = add_officer(meeting, person, OfficerRole.CHAIR)
    db.session.commit()
    return {"rooms": room.id, "institutions": institution.id, "people": person.id, "sessions": talk.id,
            "block": block.id, "roles": role.id, "registrations": registration.id, "documents": document.id,
            "officers": officer.id}


def doomed(make, slug: str, kind: str, number: int) -> int | str:
    """A new record of ``kind`` in the meeting at ``slug``, for a deletion to take, so that a deletion that
    went through leaves the next call a target too (``meetings``: a new meeting, its slug). ``number`` makes its
    name new."""
    name = f"Doomed {number}"
    if kind == "meetings":
        return make.meeting(slug=f"doomed-{number}", title=name).slug
    meeting = db.session.scalar(db.select(Meeting).where(Meeting.slug == slug))
    if kind == "sessions":
        return make.session(meeting, name, _at(meeting.last_day, 9)).id
    if kind == "registrations":
        registration = register_participant(meeting, make.person(meeting, name), role=ParticipantRole.OBSERVER,
                                            days={})
        db.session.commit()
        return registration.id
    if kind == "documents":
        return put_document(meeting, title=name, files={"en": (f"{name}.pdf", pdf_bytes(name))}).id
    if kind == "roles":
        talk = db.session.scalar(db.select(Session).where(Session.meeting_id == meeting.id, Session.title == "Panel"))
        role = assign_role(talk, make.person(meeting, name), Role.PANELLIST)
        db.session.commit()
        return role.id
    if kind == "officers":
        officer = add_officer(meeting, make.person(meeting, name), OfficerRole.RAPPORTEUR)
        db.session.commit()
        return officer.id
    return {"rooms": make.room, "institutions": make.institution, "people": make.person}[kind](meeting, name).id


def _at(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour)
