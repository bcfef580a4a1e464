"""Putting sessions on the agenda, moving and removing them, and the people in them."""
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from planner.domain.changes import is_noticeable_session_change
from planner.domain.intervals import lies_within, shifted
from planner.domain.timezones import NonexistentLocalTime, day_span, to_instant
from planner.domain.vocabulary import AttendanceMode, Role, SessionKind, SessionStatus
from planner.domain.wording import Message, Moment, _
from planner.extensions import db
from planner.models import Meeting, Person, Room, Session, SessionRole, User
from planner.database import utcnow
from planner.operations import records
from planner.operations.history import ensure_current, jsonable, new_batch, snapshot
from planner.operations.validation import optional_text, raise_if_any, required_text, web_link


def add_session(
    meeting: Meeting, *, title: str, kind: SessionKind, starts: datetime, ends: datetime | None,
    attendance_mode: AttendanceMode, room: Room | None = None, parent: Session | None = None,
    description: str = "", thematic_area: str = "", status: SessionStatus = SessionStatus.CONFIRMED,
    online_link: str = "", online_link_public: bool = False, draft: bool = False, actor: User | None = None,
) -> Session:
    """Add a session; naive ``starts`` and ``ends`` are wall-clock times in the meeting's zone.

    ``ends`` None: an item without an end ("18:30 Reception"), shown and written by its start alone.
    """
    errors: dict[str, str] = {}
    values = _session_values(
        meeting, errors, None, title=title, kind=kind, starts=starts, ends=ends, attendance_mode=attendance_mode,
        room=room, parent=parent, description=description, thematic_area=thematic_area, status=status,
        online_link=online_link, online_link_public=online_link_public, draft=draft,
    )
    raise_if_any(errors)
    session = Session(meeting_id=meeting.id, **values)
    records.created(session, meeting_id=meeting.id, actor=actor, summary=added_session(session))
    db.session.expire(meeting, ["sessions"])
    return session


def added_session(session: Session) -> Message:
    return _("Added session “%(title)s”", title=session.title)


def holds_role(person: Person, role: Role, session: Session) -> Message:
    return _("%(person)s is %(role)s of “%(title)s”", person=person.name, role=role.in_sentence, title=session.title)


def update_session(session: Session, *, actor: User | None, based_on_version: int | None = None,
                   batch: str | None = None, summary: Message | None = None, **fields):
    """Change any of a session's fields (those not given keep their value). Nested items move with it.

    ``batch`` and ``summary`` file the change under a larger one (a bulk edit), read and undone with it.
    """
    ensure_current(session, based_on_version)
    current = dict(
        title=session.title, kind=session.kind, starts=session.starts_at, ends=session.ends_at,
        attendance_mode=session.attendance_mode, room=session.room, parent=session.parent,
        description=session.description, thematic_area=session.thematic_area, status=session.status,
        online_link=session.online_link, online_link_public=session.online_link_public, draft=session.draft,
    )
    errors: dict[str, str] = {}
    values = _session_values(session.meeting, errors, session, **{**current, **fields})
    raise_if_any(errors)
    shift = values["starts_at"] - session.starts_at
    batch = batch or new_batch()
    changed = update_session_fields(session, values, actor=actor,
                                    summary=summary or _("Changed session “%(title)s”", title=values["title"]),
                                    batch=batch)
    if shift:
        for child in descendants(session):
            moved = {"starts_at": child.starts_at + shift, "ends_at": shifted(child.ends_at, shift)}
            update_session_fields(child, moved, actor=actor, batch=batch,
                                  summary=summary or _("Moved with “%(title)s”", title=session.title))
    return changed


def move_session(session: Session, *, starts: datetime, ends: datetime | None, room: Room | None,
                 actor: User | None, based_on_version: int | None = None):
    """Drag-and-drop: a new time, length or room, nested items following the start."""
    return update_session(session, actor=actor, based_on_version=based_on_version, starts=starts, ends=ends,
                          room=room)


def delete_session(session: Session, *, actor: User | None, based_on_version: int | None = None,
                   batch: str | None = None, summary: Message | None = None) -> None:
    """Take a session (and what sits inside it) off the agenda.

    The row stays, cancelled, so calendar feeds can tell subscribers to drop it.
    """
    ensure_current(session, based_on_version)
    batch = batch or new_batch()
    for item in [session, *descendants(session)]:
        update_session_fields(item, {"deleted_at": utcnow(), "status": SessionStatus.CANCELLED}, actor=actor,
                              summary=summary or _("Deleted session “%(title)s”", title=item.title),
                              action="deleted", batch=batch)


def update_session_fields(session: Session, values: dict[str, Any], *, actor: User | None, summary: Message,
                          action: str = "updated", batch: str | None = None, undoes: str | None = None):
    """Write ``values``, raising the calendar SEQUENCE when a participant would notice the change."""
    current = snapshot(session)
    proposed = {**current, **{name: jsonable(value) for name, value in values.items()}}
    if is_noticeable_session_change(current, proposed):
        values = {**values, "sequence": session.sequence + 1}
    changed = records.updated(session, values, meeting_id=session.meeting_id, actor=actor, summary=summary,
                              action=action, batch=batch, undoes=undoes)
    db.session.expire(session, ["room", "parent"])
    return changed


def descendants(session: Session) -> list[Session]:
    found, frontier = [], [session.id]
    while frontier:
        children = db.session.scalars(
            select(Session).where(Session.parent_id.in_(frontier), Session.deleted_at.is_(None))
        ).all()
        found.extend(children)
        frontier = [child.id for child in children]
    return found


def _session_values(meeting: Meeting, errors: dict, session: Session | None, *, title, kind, starts, ends,
                    attendance_mode, room, parent, description, thematic_area, status, online_link,
                    online_link_public, draft) -> dict:
    starts_at = _instant(errors, "starts", starts, meeting)
    ends_at = None if ends is None else _instant(errors, "ends", ends, meeting)
    timed = starts_at is not None and (ends is None or ends_at is not None)
    if timed:
        if ends_at is not None and ends_at <= starts_at:
            errors["ends"] = _("The end must come after the start.")
        elif ends_at is not None and ends_at - starts_at > timedelta(days=1):
            errors["ends"] = _("A session lasts at most 24 hours.")
        else:
            _within_meeting(errors, meeting, starts_at, ends_at)
    if not isinstance(kind, SessionKind):
        errors["kind"] = _("Choose what kind of session this is.")
    if not isinstance(attendance_mode, AttendanceMode):
        errors["attendance_mode"] = _("Choose how the session is attended.")
    if not isinstance(status, SessionStatus):
        errors["status"] = _("Choose a status.")
    if room is not None and room.meeting_id != meeting.id:
        errors["room"] = _("Choose a room of this meeting.")
    if parent is not None:
        _check_parent(errors, meeting, session, parent, timed, starts_at, ends_at)
    if session is not None and timed and "ends" not in errors:
        _children_stay_inside(errors, session, starts_at, ends_at)
    return dict(
        title=required_text(errors, "title", title, _("A title"), 300),
        kind=kind, starts_at=starts_at, ends_at=ends_at, attendance_mode=attendance_mode,
        room_id=room.id if room is not None else None, parent_id=parent.id if parent is not None else None,
        description=optional_text(errors, "description", description, _("The description"), 20000, multiline=True),
        thematic_area=optional_text(errors, "thematic_area", thematic_area, _("The thematic area"), 200),
        status=status, online_link=web_link(errors, "online_link", online_link),
        online_link_public=bool(online_link_public), draft=bool(draft),
    )


def _instant(errors: dict, field: str, value: datetime | None, meeting: Meeting) -> datetime | None:
    if value is None:
        errors[field] = _("Give a date and time.")
        return None
    if value.tzinfo is not None:
        return value
    try:
        return to_instant(value, meeting.timezone)
    except NonexistentLocalTime as error:
        errors[field] = str(error)
    except OverflowError:  # a wall clock so near year 1 or 9999 that its instant has no date
        errors[field] = _within_meeting_days(meeting)
    return None


def _within_meeting(errors: dict, meeting: Meeting, starts_at: datetime, ends_at: datetime | None) -> None:
    opens = day_span(meeting.first_day, meeting.timezone)[0]
    closes = day_span(meeting.last_day, meeting.timezone)[1]
    if starts_at < opens or starts_at >= closes:
        errors["starts"] = _within_meeting_days(meeting)
    elif ends_at is not None and ends_at > closes:
        errors["ends"] = _within_meeting_days(meeting)


def _within_meeting_days(meeting: Meeting) -> str:
    return _("Choose a time within the meeting's days, %(first_day)s to %(last_day)s.",
             first_day=Moment(f"{meeting.first_day:%d %B}", "day_month", meeting.first_day),
             last_day=Moment(f"{meeting.last_day:%d %B %Y}", "day_month_year", meeting.last_day))


def _check_parent(errors, meeting, session, parent, timed, starts_at, ends_at) -> None:
    if parent.meeting_id != meeting.id or parent.deleted_at is not None:
        errors["parent"] = _("Choose a session of this meeting.")
    elif session is not None and (parent.id == session.id or parent in descendants(session)):
        errors["parent"] = _("A session cannot sit inside itself or inside something it contains.")
    elif timed and not lies_within(starts_at, ends_at, parent.starts_at, parent.ends_at):
        errors["parent"] = _("This does not fit inside “%(block)s”; adjust the times or choose another block.",
                             block=parent.title)


def _children_stay_inside(errors: dict, session: Session, starts_at: datetime, ends_at: datetime | None) -> None:
    shift = starts_at - session.starts_at
    for child in db.session.scalars(
        select(Session).where(Session.parent_id == session.id, Session.deleted_at.is_(None))
    ):
        if not lies_within(child.starts_at + shift, shifted(child.ends_at, shift), starts_at, ends_at):
            errors["ends"] = (
                _("“%(title)s” sits inside this session, which needs an end to hold it.", title=child.title)
                if ends_at is None
                else _("“%(title)s” sits inside this session and would end after it; shorten it first.",
                       title=child.title))
            return


# Roles

def assign_role(session: Session, person: Person, role: Role, *, on_behalf_of: str = "",
                actor: User | None = None) -> SessionRole:
    """Give ``person`` a role in ``session``, after those already listed; ``on_behalf_of`` names whom they
    speak for ("UNMAS and UNDP")."""
    errors: dict[str, str] = {}
    on_behalf_of = _on_behalf_of(errors, on_behalf_of)
    if person.meeting_id != session.meeting_id:
        errors["person"] = _("Choose a person of this meeting.")
    elif not isinstance(role, Role):
        errors["role"] = _("Choose a role.")
    elif any(existing.person_id == person.id and existing.role == role for existing in session.roles):
        errors["person"] = _("%(person)s is already %(role)s of this session.", person=person.name,
                             role=role.in_sentence)
    raise_if_any(errors)
    position = max((existing.position for existing in session.roles), default=-1) + 1
    session_role = SessionRole(session_id=session.id, person_id=person.id, role=role, position=position,
                               on_behalf_of=on_behalf_of)
    records.created(session_role, meeting_id=session.meeting_id, actor=actor,
                    summary=holds_role(person, role, session))
    db.session.expire(session, ["roles"])
    db.session.expire(person, ["roles"])
    return session_role


def update_role(session_role: SessionRole, *, on_behalf_of: str, actor: User | None,
                based_on_version: int | None = None):
    """Say (or stop saying) on whose behalf someone holds their role."""
    errors: dict[str, str] = {}
    values = {"on_behalf_of": _on_behalf_of(errors, on_behalf_of)}
    raise_if_any(errors)
    session = session_role.session
    return records.updated(session_role, values, meeting_id=session.meeting_id, actor=actor,
                           based_on_version=based_on_version,
                           summary=_("Changed the role of %(person)s in “%(title)s”",
                                     person=session_role.person.name, title=session.title))


def _on_behalf_of(errors: dict, value: str | None) -> str:
    return optional_text(errors, "on_behalf_of", value, _("“On behalf of”"), 300)


def remove_role(session_role: SessionRole, *, actor: User | None, based_on_version: int | None = None,
                batch: str | None = None) -> None:
    session = session_role.session
    records.deleted(session_role, meeting_id=session.meeting_id, actor=actor, based_on_version=based_on_version,
                    batch=batch, summary=_("%(person)s is no longer %(role)s of “%(title)s”",
                                           person=session_role.person.name, role=session_role.role.in_sentence,
                                           title=session.title))
    db.session.expire(session, ["roles"])


def move_role(session_role: SessionRole, offset: int, *, actor: User | None) -> None:
    """Move a role up (-1) or down (+1) in its session's list."""
    session = session_role.session
    roles = sorted(session.roles, key=lambda r: (r.position, r.id))
    records.reordered(roles, session_role, roles.index(session_role) + offset,
                      meeting_id=session.meeting_id, actor=actor,
                      summary=_("Reordered the people of “%(title)s”", title=session.title))
