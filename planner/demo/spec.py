"""A compact way to write down a whole meeting, for the demo data."""
from dataclasses import dataclass, field
from datetime import date

from planner.domain.vocabulary import (
    AttendanceMode, DayMode, InstitutionKind, MeetingFormat, ParticipantRole, Role, SessionKind,
)


@dataclass(frozen=True)
class RoomSpec:
    name: str
    capacity: int | None
    online_only: bool = False


@dataclass(frozen=True)
class InstitutionSpec:
    key: str
    name: str
    kind: InstitutionKind
    acronym: str = ""
    country: str = ""


@dataclass(frozen=True)
class PersonSpec:
    key: str
    name: str
    honorific: str
    position: str
    institution: str


@dataclass(frozen=True)
class SessionSpec:
    key: str
    title: str
    kind: SessionKind
    day: date
    start: str
    end: str
    room: str
    mode: AttendanceMode
    roles: tuple[tuple[Role, str], ...] = ()
    parent: str | None = None
    thematic_area: str = ""
    description: str = ""


@dataclass(frozen=True)
class RegistrationSpec:
    person: str
    role: ParticipantRole
    home_timezone: str
    days: dict[date, DayMode]


@dataclass(frozen=True)
class MeetingSpec:
    slug: str
    title: str
    short_name: str
    hosts: str
    description: str
    first_day: date
    last_day: date
    timezone: str
    venue: str
    format: MeetingFormat
    online_link: str
    contact_email: str
    rooms: tuple[RoomSpec, ...]
    institutions: tuple[InstitutionSpec, ...]
    people: tuple[PersonSpec, ...]
    sessions: tuple[SessionSpec, ...]
    registrations: tuple[RegistrationSpec, ...] = field(default=())
