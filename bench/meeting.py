"""The synthetic meeting that `make bench` and `make loadtest` serve, and finding a port to serve it on.

One meeting: five days, ten rooms, two people per session, 1,000 registrations attending two
days in three (in the room or online). It is written in bulk into a wiped database.
"""
import socket
import subprocess
import time
from datetime import date, datetime, timedelta

from flask_migrate import upgrade
from sqlalchemy import MetaData, create_engine, text

from planner import create_app
from planner.domain.timezones import to_instant
from planner.domain.vocabulary import (
    AttendanceMode, DayMode, InstitutionKind, MeetingFormat, ParticipantRole, Role, SessionKind,
)
from planner.extensions import db
from planner.models import DayAttendance, Person, Registration, Session, SessionRole
from planner.operations.meetings import add_institution, add_room, create_meeting
from planner.operations.personal_tokens import issue_personal_token

SLUG = "bench"
FIRST_DAY = date(2027, 3, 8)
ROOMS, DAYS, REGISTRATIONS = 10, 5, 1000


def wipe(url: str) -> None:
    """Leave nothing in the benchmark's database, the migrations' bookkeeping included."""
    engine = create_engine(url)
    existing = MetaData()
    existing.reflect(engine)
    existing.drop_all(engine)
    engine.dispose()


def build(url: str, sessions: int) -> dict:
    """The meeting, written in bulk (the operations would take minutes at 2,000 sessions); returns addresses."""
    wipe(url)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        meeting = create_meeting(
            slug=SLUG, title="Benchmark meeting", first_day=FIRST_DAY, last_day=FIRST_DAY + timedelta(days=DAYS - 1),
            timezone="Europe/Vienna", format=MeetingFormat.HYBRID, venue="Vienna", published=True)
        rooms = [add_room(meeting, name=f"Room {n}", capacity=50) for n in range(ROOMS)]
        institutions = [add_institution(meeting, name=f"Institution {n}", kind=InstitutionKind.GOVERNMENT)
                        for n in range(20)]
        people = [Person(meeting=meeting, name=f"Person {n}", position="Expert", email=f"p{n}@example.org",
                         institution=institutions[n % 20]) for n in range(REGISTRATIONS)]
        db.session.add_all(people)
        per_room_and_day = max(1, sessions // (ROOMS * DAYS))
        length = timedelta(minutes=min(60, 600 // per_room_and_day))
        for n in range(sessions):
            day, room, slot = n % DAYS, (n // DAYS) % ROOMS, n // (DAYS * ROOMS)
            start = to_instant(datetime.combine(FIRST_DAY + timedelta(days=day), datetime.min.time())
                               .replace(hour=8), meeting.timezone) + slot * length
            db.session.add(Session(
                meeting=meeting, title=f"Session {n}", kind=SessionKind.PANEL, attendance_mode=AttendanceMode.HYBRID,
                starts_at=start, ends_at=start + length, room=rooms[room], online_link="https://meet.example.org/x",
                description="A working session on border management. " * 3,
                roles=[SessionRole(person=people[(2 * n) % REGISTRATIONS], role=Role.CHAIR, position=0),
                       SessionRole(person=people[(2 * n + 1) % REGISTRATIONS], role=Role.SPEAKER, position=1)]))
        modes = [DayMode.IN_ROOM, DayMode.ONLINE, DayMode.ABSENT]
        registrations = [
            Registration(meeting=meeting, person=person, role=ParticipantRole.EXPERT,
                         days=[DayAttendance(day=day, mode=modes[(n + d) % 3]) for d, day in enumerate(meeting.days)])
            for n, person in enumerate(people)]
        db.session.add_all(registrations)
        db.session.flush()
        token = issue_personal_token(registrations[0], actor=None)
        other_token = issue_personal_token(registrations[3], actor=None)  # attends the first day as well
        session_id = db.session.scalar(db.select(Session.id).where(Session.title == "Session 0"))
        person_id, institution_id = people[0].id, institutions[0].id
        db.session.commit()
        if db.engine.dialect.name == "postgresql":
            # A database in service has statistics (autovacuum gathers them); one filled a moment ago has
            # none, and PostgreSQL would plan these tables as if they were nearly empty.
            db.session.execute(text("ANALYZE"))
            db.session.commit()
        db.engine.dispose()
    return {
        "feed": f"/events/{SLUG}/calendar.ics", "session file": f"/events/{SLUG}/sessions/{session_id}.ics",
        "personal feed": f"/my/{token}/calendar.ics", "another personal feed": f"/my/{other_token}/calendar.ics",
        "agenda page": f"/events/{SLUG}/", "day page": f"/events/{SLUG}/days/{FIRST_DAY.isoformat()}",
        "session page": f"/events/{SLUG}/sessions/{session_id}", "person page": f"/events/{SLUG}/people/{person_id}",
        "institution page": f"/events/{SLUG}/institutions/{institution_id}",
        "institutions page": f"/events/{SLUG}/institutions/", "personal page": f"/my/{token}",
        "API meeting": f"/api/v1/events/{SLUG}",
        # The first day's first session: in the personal feed too.
        "edited session id": session_id,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(server: subprocess.Popen, port: int) -> None:
    for _ in range(400):
        if server.poll() is not None:
            raise SystemExit(f"the server stopped at start (exit status {server.returncode})")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    server.kill()
    server.wait()
    raise SystemExit("the server did not start listening")
