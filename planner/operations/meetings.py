"""Creating, changing and deleting meetings, their rooms, institutions and people."""
import re
from datetime import date, datetime, timedelta

from sqlalchemy import func, or_, select

from planner.domain.languages import DEFAULT_LANGUAGE, interface_language, unknown_language_message
from planner.domain.timezones import is_known_zone, to_instant, to_local, unknown_zone_message
from planner.domain.vocabulary import InstitutionKind, MeetingFormat, TeamRole
from planner.domain.wording import Listing, Message, Moment, _, ngettext
from planner.extensions import db
from planner.models import CheckIn, Institution, Meeting, Person, Registration, Room, SentInvitation, Session, User
from planner.operations import records
from planner.operations.agenda import remove_role, update_session_fields
from planner.operations.history import ensure_current, new_batch
from planner.operations.officers import remove_officer
from planner.operations.team import grant_role
from planner.operations.validation import (
    email_address, optional_text, raise_if_any, required_text, web_link,
)

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Well inside what dates can hold: a day's span in a zone must still be an instant (year 1 and 9999 are not).
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def _meeting_values(errors: dict, *, title: str, first_day: date, last_day: date, timezone: str,
                    format: MeetingFormat, short_name: str = "", hosts: str = "", venue: str = "",
                    description: str = "", online_link: str = "", contact_email: str = "",
                    language: str = DEFAULT_LANGUAGE, published: bool = False) -> dict:
    values = dict(
        title=required_text(errors, "title", title, _("A title"), 300),
        short_name=optional_text(errors, "short_name", short_name, _("The short name"), 80),
        hosts=optional_text(errors, "hosts", hosts, _("Hosts"), 2000, multiline=True),
        venue=optional_text(errors, "venue", venue, _("The venue"), 300),
        description=optional_text(errors, "description", description, _("The description"), 20000, multiline=True),
        online_link=web_link(errors, "online_link", online_link),
        contact_email=email_address(errors, "contact_email", contact_email),
        first_day=first_day, last_day=last_day, timezone=(timezone or "").strip(), format=format,
        language=interface_language(language) or "", published=bool(published),
    )
    if not values["language"]:
        errors["language"] = unknown_language_message(language)
    if first_day and last_day and last_day < first_day:
        errors["last_day"] = _("The last day cannot come before the first day.")
    if first_day and last_day and (last_day - first_day).days > 60:
        errors["last_day"] = _("A meeting can last at most 61 days.")
    for name, day in (("first_day", first_day), ("last_day", last_day)):
        if day and not EARLIEST_DAY <= day <= LATEST_DAY:
            errors[name] = _day_range()
    if not is_known_zone(values["timezone"]):
        errors["timezone"] = unknown_zone_message(timezone, "Asia/Seoul")
    return values


def _day_range() -> str:
    return _("Give a day between %(first)d and %(last)d.", first=EARLIEST_DAY.year, last=LATEST_DAY.year)


def slug_problem(slug: str) -> str | None:
    """Why a new meeting cannot have the address ``slug``, if it cannot."""
    if not SLUG_PATTERN.match(slug) or len(slug) > 80:
        return _("Use lower-case letters, digits and single hyphens, e.g. egm-2021.")
    trashed = db.session.scalar(select(Meeting.deleted_at.is_not(None)).where(Meeting.slug == slug))
    if trashed is None:
        return None
    return (_("The address “%(slug)s” is taken by a meeting in the trash; restore it or choose another.", slug=slug)
            if trashed else _("The address “%(slug)s” is taken; choose another.", slug=slug))


def create_meeting(*, slug: str, actor: User | None = None, **fields) -> Meeting:
    errors: dict[str, str] = {}
    slug = (slug or "").strip()
    if problem := slug_problem(slug):
        errors["slug"] = problem
    values = _meeting_values(errors, **fields)
    raise_if_any(errors)
    meeting = Meeting(slug=slug, **values)
    records.created(meeting, meeting_id=None, actor=actor, summary=_("Created meeting “%(title)s”",
                                                                     title=meeting.title))
    if actor is not None:
        grant_role(meeting, actor, TeamRole.ORGANISER, actor=actor)
    return meeting


def update_meeting(meeting: Meeting, *, actor: User | None, based_on_version: int | None = None, **fields):
    """Change a meeting. A new time zone keeps the sessions' wall-clock times, as organisers expect."""
    errors: dict[str, str] = {}
    values = _meeting_values(errors, **fields)
    if not errors:
        _sessions_keep_within(errors, meeting, values["first_day"], values["last_day"])
    raise_if_any(errors)
    old_zone = meeting.timezone
    changed = records.updated(meeting, values, meeting_id=meeting.id, actor=actor, based_on_version=based_on_version,
                              summary=_("Changed meeting “%(title)s”", title=values["title"]))
    if values["timezone"] != old_zone:
        _keep_wall_clock_times(meeting, old_zone, actor)
    return changed


def _sessions_keep_within(errors: dict, meeting: Meeting, first_day: date, last_day: date) -> None:
    """New days must still hold every session on the agenda (on its wall clock, which a new zone keeps): a session
    left outside would have no day page, and no edit of it could pass until it was moved."""
    before, after = [], []
    sessions = db.session.scalars(
        select(Session).where(Session.meeting_id == meeting.id, Session.deleted_at.is_(None))
        .order_by(Session.starts_at, Session.id))
    for session in sessions:
        starts = to_local(session.starts_at, meeting.timezone)
        ends = starts if session.ends_at is None else to_local(session.ends_at - timedelta(microseconds=1),
                                                               meeting.timezone)
        if starts.date() < first_day:
            before.append((session, starts))
        elif ends.date() > last_day:
            after.append((session, starts))
    for field, outside in (("first_day", before), ("last_day", after)):
        if outside:
            listed = [_("“%(title)s” (%(when)s)", title=session.title,
                        when=Moment(f"{starts:%a %d %b %H:%M}", "span", starts, None))
                      for session, starts in outside[:10]]
            if len(outside) > 10:
                listed.append(ngettext("and %(num)d more", "and %(num)d more", len(outside) - 10))
            errors[field] = ngettext(
                "%(num)d session would fall outside the meeting's days: %(sessions)s. Move or delete it first.",
                "%(num)d sessions would fall outside the meeting's days: %(sessions)s. Move or delete them first.",
                len(outside), sessions=Listing(listed, "; "))


def set_published(meeting: Meeting, published: bool, *, actor: User | None, based_on_version: int | None = None):
    """Publish a meeting (its pages, programme and calendar files open to anyone) or make it a draft again."""
    summary = (_("Published meeting “%(title)s”", title=meeting.title) if published
               else _("Made meeting “%(title)s” a draft", title=meeting.title))
    return records.updated(meeting, {"published": bool(published)}, meeting_id=meeting.id, actor=actor,
                           based_on_version=based_on_version, summary=summary)


def _keep_wall_clock_times(meeting: Meeting, old_zone: str, actor: User | None) -> None:
    # In time order, so the history lists them as the agenda does (unordered, PostgreSQL returns any order).
    for session in db.session.scalars(select(Session).where(Session.meeting_id == meeting.id)
                                      .order_by(Session.starts_at, Session.id)):
        starts, ends = (instant and _rezone(instant, old_zone, meeting.timezone)
                        for instant in (session.starts_at, session.ends_at))
        update_session_fields(session, {"starts_at": starts, "ends_at": ends}, actor=actor,
                              summary=_("Kept “%(title)s” at its local time in %(zone)s", title=session.title,
                                        zone=meeting.timezone))


def _rezone(instant: datetime, old_zone: str, new_zone: str) -> datetime:
    wall_clock = to_local(instant, old_zone).replace(tzinfo=None)
    try:
        return to_instant(wall_clock, new_zone, first_if_repeated=True)
    except ValueError:
        return instant


# Rooms

def _room_values(meeting: Meeting, errors: dict, *, name: str, capacity: int | None = None,
                 online_only: bool = False, venue: str = "", address: str = "", exclude_id: int | None = None) -> dict:
    name = required_text(errors, "name", name, _("A room name"), 200)
    if capacity is not None and capacity < 0:
        errors["capacity"] = _("Capacity cannot be negative.")
    if capacity is not None and capacity > 100000:
        errors["capacity"] = _("Capacity is at most 100,000.")
    if name and _name_taken(Room, meeting, name, exclude_id):
        errors["name"] = _("This meeting already has a room called “%(name)s”.", name=name)
    venue = optional_text(errors, "venue", venue, _("The venue"), 300)
    address = optional_text(errors, "address", address, _("The address"), 500)
    if address and not venue:
        errors["venue"] = _("Name the venue at this address (a room elsewhere, such as a restaurant in town).")
    return dict(name=name, capacity=capacity, online_only=bool(online_only), venue=venue, address=address)


def add_room(meeting: Meeting, *, actor: User | None = None, **fields) -> Room:
    errors: dict[str, str] = {}
    values = _room_values(meeting, errors, **fields)
    raise_if_any(errors)
    room = Room(meeting_id=meeting.id, position=_next_room_position(meeting), **values)
    records.created(room, meeting_id=meeting.id, actor=actor, summary=added_room(room))
    db.session.expire(meeting, ["rooms"])
    return room


def added_room(room: Room) -> Message:
    return _("Added room “%(name)s”", name=room.name)


def _next_room_position(meeting: Meeting) -> int:
    return db.session.scalar(select(func.coalesce(func.max(Room.position) + 1, 0)).where(Room.meeting_id == meeting.id))


def update_room(room: Room, *, actor: User | None, based_on_version: int | None = None, **fields):
    errors: dict[str, str] = {}
    values = _room_values(room.meeting, errors, exclude_id=room.id, **fields)
    raise_if_any(errors)
    return records.updated(room, values, meeting_id=room.meeting_id, actor=actor, based_on_version=based_on_version,
                           summary=_("Changed room “%(name)s”", name=values["name"]))


def delete_room(room: Room, *, actor: User | None, based_on_version: int | None = None) -> None:
    """Delete a room; its sessions stay on the agenda without a room."""
    ensure_current(room, based_on_version)
    sessions = db.session.scalars(select(Session).where(Session.room_id == room.id).order_by(Session.starts_at)).all()
    for session in sessions:
        update_session_fields(session, {"room_id": None}, actor=actor,
                              summary=_("Room “%(name)s” deleted", name=room.name))
    summary = _("Deleted room “%(name)s”", name=room.name) if not sessions else ngettext(
        "Deleted room “%(name)s”; %(num)d session left without a room: %(left)s",
        "Deleted room “%(name)s”; %(num)d sessions left without a room: %(left)s",
        len(sessions), name=room.name, left=_quoted([session.title for session in sessions]))
    records.deleted(room, meeting_id=room.meeting_id, actor=actor, summary=summary)


def _quoted(texts: list[str]) -> Listing:
    """What a deletion left without the deleted record, named in its history entry (each has its own entry too)."""
    return Listing([_("“%(name)s”", name=text) for text in texts])


# Institutions

def _institution_values(meeting: Meeting, errors: dict, *, name: str, kind: InstitutionKind, acronym: str = "",
                        country: str = "", exclude_id: int | None = None) -> dict:
    name = required_text(errors, "name", name, _("An institution name"), 300)
    if name and _name_taken(Institution, meeting, name, exclude_id):
        errors["name"] = _("This meeting already has an institution called “%(name)s”.", name=name)
    if not isinstance(kind, InstitutionKind):
        errors["kind"] = _("Choose the kind of institution.")
    return dict(name=name, kind=kind, acronym=optional_text(errors, "acronym", acronym, _("The acronym"), 40),
                country=optional_text(errors, "country", country, _("The country"), 100))


def add_institution(meeting: Meeting, *, actor: User | None = None, **fields) -> Institution:
    errors: dict[str, str] = {}
    values = _institution_values(meeting, errors, **fields)
    raise_if_any(errors)
    institution = Institution(meeting_id=meeting.id, **values)
    records.created(institution, meeting_id=meeting.id, actor=actor,
                    summary=added_institution(institution))
    db.session.expire(meeting, ["institutions"])
    return institution


def added_institution(institution: Institution) -> Message:
    return _("Added institution “%(name)s”", name=institution.name)


def update_institution(institution: Institution, *, actor: User | None, based_on_version: int | None = None,
                       **fields):
    errors: dict[str, str] = {}
    values = _institution_values(institution.meeting, errors, exclude_id=institution.id, **fields)
    raise_if_any(errors)
    return records.updated(institution, values, meeting_id=institution.meeting_id, actor=actor,
                           based_on_version=based_on_version,
                           summary=_("Changed institution “%(name)s”", name=values["name"]))


def delete_institution(institution: Institution, *, actor: User | None, based_on_version: int | None = None):
    """Delete an institution; its people stay, without an institution."""
    ensure_current(institution, based_on_version)
    people = list(institution.people)
    for person in people:
        records.updated(person, {"institution_id": None}, meeting_id=person.meeting_id, actor=actor,
                        summary=_("Institution “%(name)s” deleted", name=institution.name))
    summary = _("Deleted institution “%(name)s”", name=institution.name) if not people else ngettext(
        "Deleted institution “%(name)s”; %(num)d person left without an institution: %(left)s",
        "Deleted institution “%(name)s”; %(num)d people left without an institution: %(left)s",
        len(people), name=institution.name, left=_quoted([person.name for person in people]))
    records.deleted(institution, meeting_id=institution.meeting_id, actor=actor, summary=summary)


# People

def person_values(meeting: Meeting, errors: dict, *, name: str, honorific: str = "", position: str = "",
                   institution: Institution | None = None, email: str = "") -> dict:
    if institution is not None and institution.meeting_id != meeting.id:
        errors["institution"] = _("Choose an institution of this meeting.")
    return dict(
        name=required_text(errors, "name", name, _("A name"), 200),
        honorific=optional_text(errors, "honorific", honorific, _("The honorific"), 20),
        position=optional_text(errors, "position", position, _("The position"), 300),
        institution_id=institution.id if institution is not None else None,
        email=email_address(errors, "email", email),
    )


def add_person(meeting: Meeting, *, actor: User | None = None, **fields) -> Person:
    errors: dict[str, str] = {}
    values = person_values(meeting, errors, **fields)
    raise_if_any(errors)
    person = Person(meeting_id=meeting.id, **values)
    records.created(person, meeting_id=meeting.id, actor=actor, summary=added_person(person))
    db.session.expire(meeting, ["people"])
    return person


def added_person(person: Person) -> Message:
    return _("Added %(name)s", name=person.name)


def update_person(person: Person, *, actor: User | None, based_on_version: int | None = None, **fields):
    errors: dict[str, str] = {}
    values = person_values(person.meeting, errors, **fields)
    raise_if_any(errors)
    changed = records.updated(person, values, meeting_id=person.meeting_id, actor=actor,
                              based_on_version=based_on_version, summary=_("Changed %(name)s", name=values["name"]))
    db.session.refresh(person, ["institution"])
    return changed


def delete_person(person: Person, *, actor: User | None, based_on_version: int | None = None) -> None:
    """Delete a person with their roles in sessions and in the bureau, their registration (its days and check-ins)
    and the record of what they were sent: the history holds each, in the one entry of the deletion, so it shows
    what went."""
    ensure_current(person, based_on_version)
    roles = list(person.roles)
    registration = db.session.scalar(select(Registration).where(Registration.person_id == person.id))
    check_ins = [] if registration is None else db.session.scalars(
        select(CheckIn).where(CheckIn.registration_id == registration.id).order_by(CheckIn.day)).all()
    sent = db.session.scalars(select(SentInvitation).where(SentInvitation.person_id == person.id)).all()
    offices = list(person.offices)
    taken = [_("%(role)s of “%(title)s”", role=role.role.in_sentence, title=role.session.title) for role in roles]
    taken += [_("%(role)s of the meeting", role=office.role.in_sentence) for office in offices]
    if registration is not None:
        taken.append(ngettext("their registration (%(num)d day of attendance)",
                              "their registration (%(num)d days of attendance)", len(registration.days)))
    taken += [_("their check-in on %(day)s", day=_day(check_in.day)) for check_in in check_ins]
    taken += [_("the invitation to “%(title)s” sent to them", title=invitation.session.title) for invitation in sent]
    batch = new_batch()

    def take_along() -> None:
        for role in roles:
            remove_role(role, actor=actor, batch=batch)
        for office in offices:
            remove_officer(office, actor=actor, batch=batch)
        went = dict(meeting_id=person.meeting_id, actor=actor, batch=batch)
        if registration is not None:
            records.taken_along(registration, **went, days={
                attendance.day.isoformat(): attendance.mode.value for attendance in registration.days},
                summary=ngettext("The registration of %(name)s (%(role)s, %(num)d day)",
                                 "The registration of %(name)s (%(role)s, %(num)d days)", len(registration.days),
                                 name=person.name, role=registration.role.in_sentence))
        for check_in in check_ins:
            records.taken_along(check_in, **went, summary=_("%(name)s's check-in on %(day)s", name=person.name,
                                                            day=_day(check_in.day)))
        for invitation in sent:
            records.taken_along(invitation, **went, summary=_("The invitation to “%(title)s” sent to %(name)s",
                                                              title=invitation.session.title, name=person.name))

    summary = _("Deleted %(name)s", name=person.name) if not taken else _(
        "Deleted %(name)s, with %(taken)s", name=person.name, taken=Listing(taken, "; "))
    records.deleted(person, meeting_id=person.meeting_id, actor=actor, batch=batch, taking=take_along,
                    summary=summary)


def _day(day: date) -> Moment:
    return Moment(day.isoformat(), "day_month_year", day)


def _name_taken(model, meeting: Meeting, name: str, exclude_id: int | None) -> bool:
    # The exact name too: SQLite's lower() folds ASCII only, and the unique constraint is on the exact name.
    same = or_(model.name == name, func.lower(model.name) == name.lower())
    query = select(func.count()).where(model.meeting_id == meeting.id, same)
    if exclude_id is not None:
        query = query.where(model.id != exclude_id)
    return bool(db.session.scalar(query))


def update_registration_settings(
    meeting: Meeting, *, registration_open: bool, registration_closes_at: datetime | None,
    attendance_changes_close_at: datetime | None, actor: User | None, based_on_version: int | None = None,
):
    """Open or close self-registration; naive times are wall-clock times in the meeting's zone."""
    errors: dict[str, str] = {}
    values = {"registration_open": bool(registration_open)}
    for field, value in (("registration_closes_at", registration_closes_at),
                         ("attendance_changes_close_at", attendance_changes_close_at)):
        if value and not EARLIEST_DAY <= value.date() <= LATEST_DAY:
            errors[field] = _day_range()
            continue
        try:
            values[field] = to_instant(value, meeting.timezone) if value and value.tzinfo is None else value
        except ValueError as error:
            errors[field] = str(error)
    raise_if_any(errors)
    return records.updated(meeting, values, meeting_id=meeting.id, actor=actor, based_on_version=based_on_version,
                           summary=_("Changed the registration settings"))
