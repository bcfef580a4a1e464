"""Creating meetings, their rooms, institutions and people."""
import re
from datetime import date

from planner.domain.errors import InvalidInput
from planner.domain.timezones import is_known_zone
from planner.domain.vocabulary import InstitutionKind, MeetingFormat
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Room

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def create_meeting(
    *, slug: str, title: str, first_day: date, last_day: date, timezone: str,
    format: MeetingFormat, short_name: str = "", hosts: str = "", venue: str = "", description: str = "",
    online_link: str = "", contact_email: str = "", published: bool = False,
) -> Meeting:
    if not SLUG_PATTERN.match(slug or ""):
        raise InvalidInput("slug", "Use lower-case letters, digits and single hyphens, e.g. egm-2021.")
    if not title.strip():
        raise InvalidInput("title", "A meeting needs a title.")
    if last_day < first_day:
        raise InvalidInput("last_day", "The last day cannot come before the first day.")
    if not is_known_zone(timezone):
        raise InvalidInput("timezone", f"“{timezone}” is not a known IANA time zone, such as Asia/Seoul.")
    meeting = Meeting(
        slug=slug, title=title.strip(), short_name=short_name, hosts=hosts, venue=venue,
        description=description, first_day=first_day, last_day=last_day, timezone=timezone,
        format=format, online_link=online_link, contact_email=contact_email, published=published,
    )
    db.session.add(meeting)
    db.session.flush()
    return meeting


def add_room(meeting: Meeting, *, name: str, capacity: int | None = None, online_only: bool = False) -> Room:
    if not name.strip():
        raise InvalidInput("name", "A room needs a name.")
    if capacity is not None and capacity < 0:
        raise InvalidInput("capacity", "Capacity cannot be negative.")
    room = Room(
        meeting=meeting, name=name.strip(), capacity=capacity, online_only=online_only,
        position=len(meeting.rooms),
    )
    db.session.add(room)
    db.session.flush()
    return room


def add_institution(
    meeting: Meeting, *, name: str, kind: InstitutionKind, acronym: str = "", country: str = ""
) -> Institution:
    if not name.strip():
        raise InvalidInput("name", "An institution needs a name.")
    institution = Institution(meeting=meeting, name=name.strip(), kind=kind, acronym=acronym, country=country)
    db.session.add(institution)
    db.session.flush()
    return institution


def add_person(
    meeting: Meeting, *, name: str, honorific: str = "", position: str = "",
    institution: Institution | None = None, email: str = "",
) -> Person:
    if not name.strip():
        raise InvalidInput("name", "A person needs a name.")
    if institution is not None and institution.meeting_id != meeting.id:
        raise InvalidInput("institution", "Choose an institution of this meeting.")
    person = Person(
        meeting=meeting, name=name.strip(), honorific=honorific, position=position,
        institution=institution, email=email,
    )
    db.session.add(person)
    db.session.flush()
    return person
