"""Registering participants and how they attend each day."""
from collections.abc import Mapping
from datetime import date

from planner.domain.errors import InvalidInput
from planner.domain.timezones import is_known_zone
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.models import DayAttendance, Meeting, Person, Registration


def register_participant(
    meeting: Meeting, person: Person, *, role: ParticipantRole,
    days: Mapping[date, DayMode], home_timezone: str = "",
) -> Registration:
    if person.meeting_id != meeting.id:
        raise InvalidInput("person", "Choose a person of this meeting.")
    if home_timezone and not is_known_zone(home_timezone):
        raise InvalidInput("home_timezone", f"“{home_timezone}” is not a known IANA time zone.")
    meeting_days = set(meeting.days)
    for day in days:
        if day not in meeting_days:
            raise InvalidInput("days", f"{day:%d %B %Y} is not a day of this meeting.")
    registration = Registration(
        meeting_id=meeting.id, person_id=person.id, role=role, home_timezone=home_timezone,
        days=[DayAttendance(day=day, mode=mode) for day, mode in sorted(days.items())],
    )
    db.session.add(registration)
    db.session.flush()
    return registration
