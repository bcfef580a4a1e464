"""Registering participants and how they attend each day."""
from collections.abc import Mapping
from datetime import date, datetime

from sqlalchemy import select

from planner.database import utcnow
from planner.domain.errors import InvalidInput
from planner.domain.languages import interface_language, unknown_language_message
from planner.domain.registration_csv import ParticipantRow
from planner.domain.spreadsheets import CsvProblems
from planner.domain.timezones import is_known_zone, unknown_zone_message
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole
from planner.domain.wording import Message, Moment, _
from planner.extensions import db
from planner.models import DayAttendance, Meeting, Person, Registration, User
from planner.operations import records
from planner.operations.history import Actor, credit_creation, ensure_current
from planner.operations.meetings import added_person, person_values, add_institution, add_person
from planner.operations.validation import raise_if_any


# update_registration's default: the participant's language stays as it is.
KEEP_LANGUAGE = object()


def preferred_language(errors: dict, text: str | None) -> str | None:
    """A participant's language as given (``fr``, ``zh_Hans``, any case), none when left empty."""
    if not (text or "").strip():
        return None
    if tag := interface_language(text):
        return tag
    errors["language"] = unknown_language_message(text)
    return None


def _check(meeting: Meeting, errors: dict, *, role, days: Mapping[date, DayMode], home_timezone: str) -> None:
    if not isinstance(role, ParticipantRole):
        errors["role"] = _("Choose delegate, expert, observer, staff or press.")
    if home_timezone and not is_known_zone(home_timezone):
        errors["home_timezone"] = unknown_zone_message(home_timezone)
    meeting_days = set(meeting.days)
    for day, mode in days.items():
        if day not in meeting_days:
            errors["days"] = _("%(day)s is not a day of this meeting.", day=f"{day:%d %B %Y}")
        elif not isinstance(mode, DayMode):
            errors[f"day_{day.isoformat()}"] = _("Choose in the room, online or not attending.")


def register_participant(
    meeting: Meeting, person: Person, *, role: ParticipantRole, days: Mapping[date, DayMode],
    home_timezone: str = "", language: str | None = None, actor: Actor = None,
) -> Registration:
    errors: dict[str, str] = {}
    language = preferred_language(errors, language)
    if person.meeting_id != meeting.id:
        errors["person"] = _("Choose a person of this meeting.")
    elif db.session.scalar(select(Registration.id).where(Registration.person_id == person.id)) is not None:
        errors["person"] = _("%(name)s is already registered.", name=person.name)
    _check(meeting, errors, role=role, days=days, home_timezone=home_timezone)
    raise_if_any(errors)
    registration = Registration(meeting_id=meeting.id, person_id=person.id, role=role,
                                home_timezone=home_timezone.strip(), language=language)
    records.created(registration, meeting_id=meeting.id, actor=actor,
                    summary=_registered(person, role))
    _write_days(registration, days, actor, person.name)
    return registration


def update_registration(
    registration: Registration, *, role: ParticipantRole, days: Mapping[date, DayMode], home_timezone: str = "",
    language=KEEP_LANGUAGE, actor: User | None, based_on_version: int | None = None,
) -> None:
    errors: dict[str, str] = {}
    language = registration.language if language is KEEP_LANGUAGE else preferred_language(errors, language)
    _check(registration.meeting, errors, role=role, days=days, home_timezone=home_timezone)
    raise_if_any(errors)
    ensure_current(registration, based_on_version)
    records.updated(registration, {"role": role, "home_timezone": home_timezone.strip(), "language": language},
                    meeting_id=registration.meeting_id, actor=actor,
                    summary=_("Changed the registration of %(name)s", name=registration.person.name))
    _write_days(registration, days, actor, registration.person.name)


def change_own_attendance(registration: Registration, days: Mapping[date, DayMode], *, now: datetime | None = None):
    """A participant changes how they attend, until the organiser's deadline."""
    deadline = registration.meeting.attendance_changes_close_at
    if deadline is not None and (now or utcnow()) > deadline:
        raise InvalidInput("days", _("Changes are closed; please write to the organisers."))
    errors: dict[str, str] = {}
    _check(registration.meeting, errors, role=registration.role, days=days, home_timezone="")
    raise_if_any(errors)
    _write_days(registration, days, registration.person, registration.person.name)


def delete_registration(registration: Registration, *, actor: User | None,
                        based_on_version: int | None = None) -> None:
    records.deleted(registration, meeting_id=registration.meeting_id, actor=actor, based_on_version=based_on_version,
                    summary=_("Removed the registration of %(name)s", name=registration.person.name))


def _registered(person: Person, role: ParticipantRole) -> Message:
    return _("Registered %(name)s as %(role)s", name=person.name, role=role.in_sentence)


def _attends(name: str, mode: DayMode, day: date) -> Message:
    return _("%(name)s: %(mode)s on %(day)s", name=name, mode=mode.in_sentence,
             day=Moment(f"{day:%d %b}", "day_month", day))


def _write_days(registration: Registration, days: Mapping[date, DayMode], actor: Actor, name: str) -> None:
    """Set each given day's mode, recording each change; days not given keep theirs."""
    current = {attendance.day: attendance for attendance in registration.days}
    for day, mode in sorted(days.items()):
        attendance = current.get(day)
        if attendance is None:
            records.created(DayAttendance(registration_id=registration.id, day=day, mode=mode),
                            meeting_id=registration.meeting_id, actor=actor, summary=_attends(name, mode, day))
        elif attendance.mode is not mode:
            records.updated(attendance, {"mode": mode}, meeting_id=registration.meeting_id, actor=actor,
                            summary=_attends(name, mode, day))
    db.session.expire(registration, ["days"])


def import_participants(meeting: Meeting, rows: list[ParticipantRow], *, actor: User | None) -> list[Registration]:
    """Register every row, or, if any row cannot be, none: all rows are checked before the first write.

    The rows are written together (records.created_all), in a few statements whatever their number.
    """
    institutions = {key: institution for institution in meeting.institutions
                    for key in (institution.name.lower(), institution.acronym.lower()) if key}
    people_by_email = {person.email.lower(): person for person in meeting.people if person.email}
    people_by_name = {person.name.lower(): person for person in meeting.people}
    registered = set(db.session.scalars(select(Registration.person_id).where(Registration.meeting_id == meeting.id)))
    problems: list[tuple[int, str, str]] = []
    new_institutions: dict[str, tuple[ParticipantRow, InstitutionKind]] = {}
    people: list[Person | dict] = []  # the person of each row: found, or the values of a new one
    for row in rows:
        key = row.institution.lower()
        if row.institution and key not in institutions and key not in new_institutions:
            if row.institution_kind is None:
                problems.append((row.line, "institution", _(
                    "“%(institution)s” is not an institution of this meeting; give institution_kind to add it.",
                    institution=row.institution)))
            else:
                new_institutions[key] = (row, row.institution_kind)
        errors: dict[str, str] = {}
        person = (people_by_email.get(row.email.lower()) if row.email else None) or people_by_name.get(row.name.lower())
        if person is not None and person.id in registered:
            errors["name"] = _("%(name)s is already registered.", name=person.name)
        people.append(person if person is not None else person_values(
            meeting, errors, name=row.name, honorific=row.honorific, position=row.position, email=row.email))
        _check(meeting, errors, role=row.role, days=row.days, home_timezone=row.home_timezone)
        problems += [(row.line, field, message) for field, message in errors.items()]
    if problems:
        raise CsvProblems(problems)

    for key, (row, kind) in new_institutions.items():
        try:
            institutions[key] = add_institution(meeting, name=row.institution, kind=kind, actor=actor)
        except InvalidInput as error:
            raise CsvProblems([(row.line, "institution", message) for message in error.errors.values()]) from None
    new_people = [(index, Person(meeting_id=meeting.id, **values)) for index, values in enumerate(people)
                  if isinstance(values, dict)]
    for index, person in new_people:
        institution = institutions.get(rows[index].institution.lower()) if rows[index].institution else None
        person.institution_id = institution.id if institution is not None else None
        people[index] = person
    records.created_all([person for _index, person in new_people],
                        [added_person(person) for _index, person in new_people], meeting_id=meeting.id, actor=actor)
    registrations = records.created_all(
        [Registration(meeting_id=meeting.id, person_id=person.id, role=row.role, home_timezone=row.home_timezone,
                      language=row.language) for row, person in zip(rows, people)],
        [_registered(person, row.role) for row, person in zip(rows, people)], meeting_id=meeting.id, actor=actor)
    days = [(DayAttendance(registration_id=registration.id, day=day, mode=mode), _attends(person.name, mode, day))
            for registration, person, row in zip(registrations, people, rows) for day, mode in sorted(row.days.items())]
    records.created_all([attendance for attendance, _summary in days], [summary for _attendance, summary in days],
                        meeting_id=meeting.id, actor=actor)
    db.session.expire(meeting, ["people", "institutions"])
    return registrations


def self_register(
    meeting: Meeting, *, name: str, email: str, role: ParticipantRole, days: Mapping[date, DayMode],
    honorific: str = "", position: str = "", institution_name: str = "",
    institution_kind: InstitutionKind = InstitutionKind.GOVERNMENT, home_timezone: str = "",
    language: str | None = None, now: datetime | None = None,
) -> Registration:
    """Someone registers themselves through the meeting's public form, while it is open."""
    if not is_registration_open(meeting, now):
        raise InvalidInput("form", _("Registration for this meeting is closed."))
    errors: dict[str, str] = {}
    # An address already registered is registered again, as a second person the organisers see beside the first:
    # refusing it would tell anyone who tries an address whether its owner takes part.
    if not (email or "").strip():
        errors["email"] = _("Give your email address: the organisers write to you there.")
    if role is ParticipantRole.STAFF:
        errors["role"] = _("Staff are registered by the organisers.")
    raise_if_any(errors)
    institution, institution_created = None, False
    if (institution_name or "").strip():
        wanted = institution_name.strip().lower()
        institution = next((i for i in meeting.institutions if wanted in (i.name.lower(), i.acronym.lower())), None)
        if institution is None:
            institution = add_institution(meeting, name=institution_name, kind=institution_kind, actor=None)
            institution_created = True
    person = add_person(meeting, name=name, honorific=honorific, position=position, institution=institution,
                        email=email, actor=None)
    credit_creation([person, *([institution] if institution_created else [])], person)
    return register_participant(meeting, person, role=role, days=days, home_timezone=home_timezone or "",
                                language=language, actor=person)


def is_registration_open(meeting: Meeting, now: datetime | None = None) -> bool:
    closes = meeting.registration_closes_at
    return meeting.published and meeting.registration_open and (closes is None or (now or utcnow()) < closes)
