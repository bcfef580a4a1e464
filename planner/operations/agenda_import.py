"""Importing an agenda from a spreadsheet: checked whole by writing it in a savepoint that is rolled back (the same
operations, so the same rules, as the forms), previewed, then written once the organiser has confirmed which
rooms and people it adds."""
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from planner.domain.agenda_sheet import ROLE_COLUMNS, AgendaRow
from planner.domain.errors import InvalidInput
from planner.domain.spreadsheets import CsvProblems
from planner.domain.vocabulary import AttendanceMode, MeetingFormat
from planner.domain.wording import _
from planner.extensions import db
from planner.models import Meeting, Person, Room, Session, User
from planner.operations.agenda import add_session, assign_role
from planner.operations.meetings import add_person, add_room

# The operations' field names, as the spreadsheet's columns call them.
COLUMN_OF_FIELD = {"starts": "start", "ends": "end", "attendance_mode": "kind", "person": "speakers"}
MODE_OF_FORMAT = {MeetingFormat.IN_PERSON: AttendanceMode.IN_PERSON, MeetingFormat.ONLINE: AttendanceMode.ONLINE,
                  MeetingFormat.HYBRID: AttendanceMode.HYBRID}


@dataclass
class AgendaImport:
    """What an import adds: sessions, and the rooms and people the meeting does not have yet (by name)."""

    sessions: list[Session] = field(default_factory=list)
    new_rooms: list[str] = field(default_factory=list)
    new_people: list[str] = field(default_factory=list)


class UnconfirmedAdditions(Exception):
    """The import would add rooms or people the organiser did not see in the preview (the meeting changed)."""

    def __init__(self, preview: AgendaImport):
        super().__init__("The import would add rooms or people not in the preview.")
        self.preview = preview


def preview_agenda_import(meeting: Meeting, rows: list[AgendaRow]) -> AgendaImport:
    """What importing ``rows`` would add, found by writing it and rolling back; CsvProblems names every row and
    column that would be refused."""
    savepoint = db.session.begin_nested()
    try:
        return _write(meeting, rows, actor=None)
    finally:
        savepoint.rollback()


def import_agenda(meeting: Meeting, rows: list[AgendaRow], *, actor: User | None, confirmed_rooms: list[str],
                  confirmed_people: list[str]) -> AgendaImport:
    """Write ``rows``, provided the rooms and people they add are those the organiser confirmed."""
    preview = preview_agenda_import(meeting, rows)
    if (sorted(preview.new_rooms), sorted(preview.new_people)) != (sorted(confirmed_rooms), sorted(confirmed_people)):
        raise UnconfirmedAdditions(preview)
    return _write(meeting, rows, actor=actor)


def _write(meeting: Meeting, rows: list[AgendaRow], *, actor: User | None) -> AgendaImport:
    rooms = {room.name.lower(): room for room in db.session.scalars(select(Room).where(Room.meeting_id == meeting.id))}
    people = {person.name.lower(): person
              for person in db.session.scalars(select(Person).where(Person.meeting_id == meeting.id))}
    existing = db.session.scalars(select(Session).where(Session.meeting_id == meeting.id,
                                                        Session.deleted_at.is_(None))).all()
    titled: dict[str, list] = {}
    for session in existing:
        titled.setdefault(session.title.lower(), []).append(session)
    for row in rows:
        titled.setdefault(row.title.lower(), []).append(row.line)
    done = AgendaImport()
    made: dict[int, Session | None] = {}  # each row's session, once written (None: refused)
    problems: list[tuple[int, str, str]] = []
    waiting = list(rows)
    while waiting:  # a row waits for the row it sits inside
        ready = [row for row in waiting if _parent_line(row, titled) not in {r.line for r in waiting}]
        if not ready:
            problems += [(row.line, "parent", _("These rows sit inside each other in a circle.")) for row in waiting]
            break
        for row in ready:
            made[row.line] = _write_row(meeting, row, rooms, people, titled, made, done, problems, actor)
        waiting = [row for row in waiting if row not in ready]
    if problems:
        raise CsvProblems(sorted(problems))
    return done


def _parent_line(row: AgendaRow, titled: dict) -> int | None:
    if row.parent_line is not None:
        return row.parent_line
    found = titled.get(row.parent.lower(), []) if row.parent else []
    return found[0] if len(found) == 1 and isinstance(found[0], int) else None


def _write_row(meeting, row: AgendaRow, rooms: dict, people: dict, titled: dict, made: dict, done: AgendaImport,
               problems: list, actor) -> Session | None:
    found = len(problems)
    room = _room(meeting, row, rooms, done, problems, actor) if row.room else None
    parent = _parent(row, titled, made, problems) if row.parent else None
    if len(problems) > found:
        return None
    try:
        session = add_session(
            meeting, title=row.title, kind=row.kind, starts=datetime.combine(row.day, row.start),
            ends=datetime.combine(row.day, row.end) if row.end else None,
            attendance_mode=MODE_OF_FORMAT[meeting.format], room=room, parent=parent, description=row.description,
            actor=actor)
    except InvalidInput as error:
        problems += [(row.line, COLUMN_OF_FIELD.get(name, name), message) for name, message in error.errors.items()]
        return None
    for role, name in row.people:
        person = people.get(name.lower())
        try:
            if person is None:
                person = people[name.lower()] = add_person(meeting, name=name, actor=actor)
                done.new_people.append(name)
            assign_role(session, person, role, actor=actor)
        except InvalidInput as error:
            column = next(column for column, kind in ROLE_COLUMNS.items() if kind is role)
            problems += [(row.line, column, message) for message in error.errors.values()]
    done.sessions.append(session)
    return session


def _room(meeting, row: AgendaRow, rooms: dict, done: AgendaImport, problems: list, actor) -> Room | None:
    if row.room.lower() in rooms:
        return rooms[row.room.lower()]
    try:
        room = rooms[row.room.lower()] = add_room(meeting, name=row.room, actor=actor)
    except InvalidInput as error:
        problems += [(row.line, "room", message) for message in error.errors.values()]
        return None
    done.new_rooms.append(row.room)
    return room


def _parent(row: AgendaRow, titled: dict, made: dict, problems: list) -> Session | None:
    if row.parent_line is not None:
        found = [row.parent_line]
    else:
        found = titled.get(row.parent.lower(), [])
    if not found:
        problems.append((row.line, "parent", _("No session in the file or the meeting is titled “%(title)s”.",
                                               title=row.parent)))
        return None
    if len(found) > 1:
        problems.append((row.line, "parent", _("Several sessions are titled “%(title)s”: give the row instead "
                                               "(“row 4”).", title=row.parent)))
        return None
    parent = made.get(found[0]) if isinstance(found[0], int) else found[0]
    if parent is None:  # its row was refused; that row's problem says why
        problems.append((row.line, "parent", _("The session it sits inside (“%(title)s”) could not be imported.",
                                               title=row.parent)))
    return parent
