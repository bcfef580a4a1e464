"""Loading the demo meetings through the same operations the organisers use."""
from datetime import datetime, time

from planner.demo import cted_follow_up_visit_2023, egm_border_management_2021
from planner.demo.documents import DOCUMENTS, FILES, DocumentSpec
from planner.demo.spec import MeetingSpec
from planner.domain.vocabulary import AttendanceMode
from planner.models import Meeting
from planner.operations.agenda import add_session, assign_role
from planner.operations.documents import add_document, add_file, add_link
from planner.operations.file_store import Limits, Upload
from planner.operations.meetings import add_institution, add_person, add_room, create_meeting
from planner.operations.registrations import register_participant
from planner.queries.agenda import find_meeting

DEMO_MEETINGS = (egm_border_management_2021.MEETING, cted_follow_up_visit_2023.MEETING)
# The demo's own files are small; the limits an instance sets are for what its organisers send.
DEMO_LIMITS = Limits(file_bytes=1024 * 1024, meeting_bytes=16 * 1024 * 1024)


def load_demo_meetings() -> list[Meeting]:
    """Create the demo meetings not yet there (nor in the trash); return those created. Safe to run again."""
    return [load_meeting(spec) for spec in DEMO_MEETINGS if find_meeting(spec.slug, public=False, trashed=True) is None]


def load_meeting(spec: MeetingSpec) -> Meeting:
    meeting = create_meeting(
        slug=spec.slug, title=spec.title, short_name=spec.short_name, hosts=spec.hosts,
        description=spec.description, first_day=spec.first_day, last_day=spec.last_day,
        timezone=spec.timezone, venue=spec.venue, format=spec.format, online_link=spec.online_link,
        contact_email=spec.contact_email, published=True,
    )
    rooms = {room.name: add_room(meeting, name=room.name, capacity=room.capacity, online_only=room.online_only)
             for room in spec.rooms}
    institutions = {
        item.key: add_institution(meeting, name=item.name, kind=item.kind, acronym=item.acronym, country=item.country)
        for item in spec.institutions
    }
    people = {
        item.key: add_person(meeting, name=item.name, honorific=item.honorific, position=item.position,
                             institution=institutions[item.institution])
        for item in spec.people
    }
    sessions = {}
    for item in spec.sessions:
        session = add_session(
            meeting, title=item.title, kind=item.kind,
            starts=datetime.combine(item.day, time.fromisoformat(item.start)),
            ends=datetime.combine(item.day, time.fromisoformat(item.end)),
            attendance_mode=item.mode, room=rooms[item.room],
            parent=sessions[item.parent] if item.parent else None,
            thematic_area=item.thematic_area, description=item.description,
            online_link="" if item.mode is AttendanceMode.IN_PERSON else spec.online_link,
        )
        for role, person_key in item.roles:
            assign_role(session, people[person_key], role)
        sessions[item.key] = session
    for item in spec.registrations:
        register_participant(meeting, people[item.person], role=item.role, days=item.days,
                             home_timezone=item.home_timezone)
    for item in DOCUMENTS.get(spec.slug, ()):
        _load_document(meeting, item, sessions)
    return meeting


def _load_document(meeting: Meeting, item: DocumentSpec, sessions: dict) -> None:
    document = add_document(meeting, title=item.title, kind=item.kind, visibility=item.visibility,
                            session=sessions[item.session] if item.session else None, actor=None)
    for language, (name, stored) in item.files.items():
        with open(FILES / stored, "rb") as content:
            add_file(document, language=language, upload=Upload(name, content), limits=DEMO_LIMITS, actor=None)
    if item.link:
        add_link(document, language=item.link[0], link=item.link[1], actor=None)
