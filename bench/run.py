"""`make bench`: the real app under gunicorn (one worker), over real HTTP, at growing agenda sizes.

Each size gets a fresh database (a throw-away SQLite file, or PLANNER_BENCH_DATABASE_URL, which is
wiped) holding one meeting: five days, ten rooms, two people per session, 1,000 registrations.
Two servers read it: one as deployed (calendar files cached), one with the cache switched off, to
time building a file. Prints median and p95 milliseconds, body size and SQL statements per request.

BENCH_SIZES=100,500 and BENCH_REQUESTS=20 shorten a run while iterating.
"""
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import MetaData, create_engine  # noqa: E402

from planner import create_app  # noqa: E402
from planner.config import database_url  # noqa: E402
from planner.domain.timezones import to_instant  # noqa: E402
from planner.domain.vocabulary import (  # noqa: E402
    AttendanceMode, DayMode, InstitutionKind, MeetingFormat, ParticipantRole, Role, SessionKind,
)
from planner.extensions import db  # noqa: E402
from planner.models import DayAttendance, Person, Registration, Session, SessionRole  # noqa: E402
from planner.operations.meetings import add_institution, add_room, create_meeting  # noqa: E402
from planner.operations.personal_tokens import issue_personal_token  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "100,500,1000,2000").split(",")]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
SLUG = "bench"
FIRST_DAY = date(2027, 3, 8)
ROOMS, DAYS, REGISTRATIONS = 10, 5, 1000


def build(url: str, sessions: int) -> dict:
    """The meeting, written in bulk (the operations would take minutes at 2,000 sessions); returns addresses."""
    engine = create_engine(url)
    existing = MetaData()
    existing.reflect(engine)
    existing.drop_all(engine)
    engine.dispose()
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
        session_id = db.session.scalar(db.select(Session.id).where(Session.title == "Session 0"))
        db.session.commit()
        db.engine.dispose()
    return {
        "feed": f"/events/{SLUG}/calendar.ics", "session file": f"/events/{SLUG}/sessions/{session_id}.ics",
        "personal feed": f"/my/{token}/calendar.ics", "agenda page": f"/events/{SLUG}/",
        "day page": f"/events/{SLUG}/days/{FIRST_DAY.isoformat()}", "API meeting": f"/api/v1/events/{SLUG}",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(url: str, *, cached: bool) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "PLANNER_DATABASE_URL": url, "PLANNER_SECRET_KEY": "bench", "PLANNER_COUNT_QUERIES": "true",
           "PLANNER_FEED_CACHE_MAX_BYTES": str(64 * 1024 * 1024 if cached else 0)}
    env.pop("PLANNER_REDIS_URL", None)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--workers", "1", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "planner:create_app()"], cwd=ROOT, env=env)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return server, port
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("gunicorn did not start")


def get(port: int, path: str, headers: dict | None = None) -> tuple[float, http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    if response.status not in (200, 304):
        raise SystemExit(f"{path} answered {response.status}")
    return elapsed, response, body


def measure(port: int, path: str, headers: dict | None = None) -> dict:
    get(port, path, headers)  # warm-up: imports, templates, the first build into the cache
    times, queries, size = [], set(), 0
    for _ in range(REQUESTS):
        elapsed, response, body = get(port, path, headers)
        times.append(elapsed)
        queries.add(response.getheader("X-Query-Count"))
        size, status = len(body), response.status
    times.sort()
    return {"median": statistics.median(times), "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "bytes": size, "queries": "/".join(sorted(queries)), "status": status}


def run_size(url: str, sessions: int) -> dict:
    paths = build(url, sessions)
    results = {}
    servers = [serve(url, cached=True), serve(url, cached=False)]
    try:
        (_, cached_port), (_, built_port) = servers
        # A personal feed builds like the whole one, for fewer sessions; timing it too would double the run.
        for name in ("feed", "session file"):
            results[f"{name} (built)"] = measure(built_port, paths[name])
        for name in ("feed", "personal feed"):
            results[f"{name} (cached)"] = measure(cached_port, paths[name])
        for name in ("agenda page", "day page", "API meeting"):
            results[name] = measure(cached_port, paths[name])
        etag = get(cached_port, paths["feed"])[1].getheader("ETag")
        results["feed, unchanged (304)"] = measure(cached_port, paths["feed"], {"If-None-Match": etag})
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait()
    return results


def main() -> None:
    started = time.perf_counter()
    given = os.environ.get("PLANNER_BENCH_DATABASE_URL")
    with tempfile.TemporaryDirectory() as scratch:
        url = database_url(given or f"sqlite:///{scratch}/bench.sqlite")
        print(f"Planner benchmark: {'PostgreSQL' if given else 'SQLite'}, gunicorn with 1 worker, {REQUESTS} "
              f"requests each after a warm-up, {os.cpu_count()} cores\n")
        by_size = {}
        for sessions in SIZES:
            by_size[sessions] = results = run_size(url, sessions)
            print(f"{sessions} sessions")
            print(f"  {'request':24} {'median ms':>10} {'p95 ms':>8} {'bytes':>10} {'queries':>8}")
            for name, figures in results.items():
                print(f"  {name:24} {figures['median']:10.1f} {figures['p95']:8.1f} {figures['bytes']:10,} "
                      f"{figures['queries']:>8}")
            print(flush=True)
        if 500 in by_size and 2000 in by_size:
            print("Growth of the median from 500 to 2,000 sessions")
            for name in by_size[500]:
                print(f"  {name:24} ×{by_size[2000][name]['median'] / by_size[500][name]['median']:.1f}")
    print(f"\n(run took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
