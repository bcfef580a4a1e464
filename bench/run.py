"""`make bench`: the real app under gunicorn (one worker), over real HTTP, at growing agenda sizes.

Each size gets a fresh database (a throw-away SQLite file, or PLANNER_BENCH_DATABASE_URL, which is
wiped) holding one meeting: five days, ten rooms, two people per session, 1,000 registrations.
Two servers read it: one as deployed (calendar files and pages kept under the meeting's state), one with
every cache switched off, to time building an answer from nothing. "After an edit" rows change one session
before each request, as an organiser would between two polls of a feed: the file is built again, but only
that session's event is written again; "another personal feed" is a second participant's feed after the
first participant's since the edit (which wrote the meeting's calendar again). Prints median and p95
milliseconds, body size and SQL statements per request.

BENCH_SIZES=100,500 and BENCH_REQUESTS=20 shorten a run while iterating.
"""
import http.client
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, update  # noqa: E402

from bench.meeting import build, free_port, wait_until_listening  # noqa: E402
from planner.config import database_url  # noqa: E402
from planner.database import utcnow  # noqa: E402
from planner.models import Session  # noqa: E402

SIZES = [int(size) for size in os.environ.get("BENCH_SIZES", "100,500,1000,2000").split(",")]
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))


def serve(url: str, *, cached: bool) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**os.environ, "PLANNER_DATABASE_URL": url, "PLANNER_SECRET_KEY": "bench", "PLANNER_COUNT_QUERIES": "true",
           "PLANNER_FEED_CACHE_MAX_BYTES": str(64 * 1024 * 1024 if cached else 0),
           "PLANNER_EVENT_TEXT_CACHE_ENTRIES": str(10_000 if cached else 0),
           "PLANNER_MEETING_CALENDAR_CACHE_ENTRIES": str(16 if cached else 0)}
    env.pop("PLANNER_REDIS_URL", None)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--workers", "1", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning", "planner:create_app()"], cwd=ROOT, env=env)
    wait_until_listening(server, port)
    return server, port


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


def measure(port: int, path: str, headers: dict | None = None, before_each=lambda: None) -> dict:
    get(port, path, headers)  # warm-up: imports, templates, the first build into the cache
    times, queries, size = [], set(), 0
    for _ in range(REQUESTS):
        before_each()
        elapsed, response, body = get(port, path, headers)
        times.append(elapsed)
        queries.add(response.getheader("X-Query-Count"))
        size, status = len(body), response.status
    times.sort()
    return {"median": statistics.median(times), "p95": times[max(0, round(0.95 * len(times)) - 1)],
            "bytes": size, "queries": "/".join(sorted(queries)), "status": status}


PAGES = ("agenda page", "day page", "session page", "person page", "institution page", "institutions page",
         "personal page", "API meeting")


def run_size(url: str, sessions: int) -> dict:
    paths = build(url, sessions)
    results = {}
    servers = [serve(url, cached=True), serve(url, cached=False)]
    try:
        (_, cached_port), (_, built_port) = servers
        # A personal feed builds like the whole one, for fewer sessions; timing it too would double the run.
        for name in ("feed", "session file", "agenda page"):
            results[f"{name} (built)"] = measure(built_port, paths[name])
        for name in ("feed", "personal feed"):
            results[f"{name} (cached)"] = measure(cached_port, paths[name])
        edit = editor(url, paths["edited session id"])
        for name in ("feed", "personal feed"):
            results[f"{name}, after an edit"] = measure(cached_port, paths[name], before_each=edit)
        # The first feed asked for after an edit writes the meeting's calendar again (and the first with a join
        # link, the events with it); the others, like this second participant's, are put together from them.
        results["another personal feed, after an edit"] = measure(
            cached_port, paths["another personal feed"],
            before_each=lambda: (edit(), get(cached_port, paths["personal feed"])))
        for name in PAGES:
            results[f"{name} (kept)"] = measure(cached_port, paths[name])
        for name in ("feed", "agenda page"):
            etag = get(cached_port, paths[name])[1].getheader("ETag")
            results[f"{name}, unchanged (304)"] = measure(cached_port, paths[name], {"If-None-Match": etag})
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait()
    return results


def editor(url: str, session_id: int):
    """Renames a session as an edit changes its row (a new title, version and modification time), without
    going through the operations: a history entry would change nothing the feed is built from."""
    engine = create_engine(url)
    edits = itertools.count(1)

    def edit() -> None:
        with engine.begin() as connection:
            connection.execute(update(Session).where(Session.id == session_id).values(
                title=f"Session renamed {next(edits)}", version=Session.version + 1, updated_at=utcnow()))
    return edit


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
            print(f"  {'request':38} {'median ms':>10} {'p95 ms':>8} {'bytes':>10} {'queries':>8}")
            for name, figures in results.items():
                print(f"  {name:38} {figures['median']:10.1f} {figures['p95']:8.1f} {figures['bytes']:10,} "
                      f"{figures['queries']:>8}")
            print(flush=True)
        if 500 in by_size and 2000 in by_size:
            print("Growth of the median from 500 to 2,000 sessions")
            for name in by_size[500]:
                print(f"  {name:38} ×{by_size[2000][name]['median'] / by_size[500][name]['median']:.1f}")
    print(f"\n(run took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
