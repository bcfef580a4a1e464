"""`make loadtest`: the production set-up on PostgreSQL under 1,000 polling participants and two editing organisers.

Prepares the database (prepare.py), flushes Redis database 3 (the shared feed cache), starts gunicorn with
deploy/gunicorn.conf.py and several workers on a free 127.0.0.1 port, and runs locust headless against it
for a bounded time (locustfile.py). Then it stops the server and checks that

- nothing failed: every answer was 2xx or 304, no request raised, and the server logged no error;
- no edit was lost: each edited session holds what its editor last wrote, with one version and one
  history entry per successful edit;
- every poll saw every edit completed before it started: its feed (a new body, or the one a 304
  confirmed) held that edit's title, or a later one.

It prints throughput, median and 95th percentile per request kind, and the checks; it exits non-zero when
a check fails. Logs, locust's CSV files and the raw record stay in instance/loadtest/.

LOADTEST_SECONDS (60) and LOADTEST_WORKERS (4) change the run, LOADTEST_POLLERS (1000) the number of participants
(prepare.py), LOADTEST_POLL_WAIT and LOADTEST_EDIT_WAIT the users' pauses (locustfile.py).
"""
import csv
import json
import os
import re
import resource
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import redis  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.loadtest.prepare import database, prepare  # noqa: E402
from bench.meeting import free_port, wait_until_listening  # noqa: E402
from planner import create_app  # noqa: E402
from planner.extensions import db  # noqa: E402
from planner.models import Change, Session  # noqa: E402

SECONDS = int(os.environ.get("LOADTEST_SECONDS", "60"))
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "4"))
REDIS_URL = "redis://127.0.0.1:6379/3"
OUT = ROOT / "instance" / "loadtest"
BIN = Path(sys.executable).parent
# Gunicorn's log format (deploy/gunicorn.conf.py) names the level after the process id.
SERVER_ERROR = re.compile(r"\] (ERROR|CRITICAL) ")


def serve(url: str, port: int, log) -> subprocess.Popen:
    env = {**os.environ, "PLANNER_DATABASE_URL": url, "PLANNER_SECRET_KEY": "loadtest", "PLANNER_REDIS_URL": REDIS_URL,
           "PLANNER_WORKERS": str(WORKERS), "PLANNER_BIND": f"127.0.0.1:{port}", "PLANNER_ACCESS_LOG": "false"}
    # Its own session, so that Ctrl-C reaches it only through stop(), after locust has let go.
    server = subprocess.Popen([str(BIN / "gunicorn"), "--config", "deploy/gunicorn.conf.py", "planner:create_app()"],
                              cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    wait_until_listening(server, port)
    return server


def stop(server: subprocess.Popen) -> None:
    # Graceful: a quick shutdown (SIGQUIT) would log each request it cuts short as an error.
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        # The whole group: workers whose master is killed would linger until they noticed.
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def run_locust(port: int, users: int, log) -> None:
    env = {**os.environ, "LOADTEST_ADDRESSES": str(OUT / "addresses.json"), "LOADTEST_RECORD": str(OUT / "record.json")}
    # Locust's exit status only repeats whether a request failed, which the checks report in full.
    subprocess.run(
        [str(BIN / "locust"), "--locustfile", str(Path(__file__).with_name("locustfile.py")), "--headless",
         "--users", str(users), "--spawn-rate", "50", "--run-time", f"{SECONDS}s", "--stop-timeout", "30",
         "--host", f"http://127.0.0.1:{port}", "--only-summary", "--csv", str(OUT / "locust"), "--loglevel", "WARNING"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, timeout=SECONDS + 120)


def percentile_95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def print_figures(polls: list[dict]) -> int:
    """Locust's figures per request kind, and the feed's polls split into full answers and 304s; the failures."""
    with open(OUT / "locust_stats.csv", newline="") as stats:
        rows = list(csv.DictReader(stats))
    print(f"\n  {'request':24} {'count':>7} {'failed':>7} {'per s':>7} {'median ms':>10} {'p95 ms':>8}")
    for row in rows:
        name = "all requests" if row["Name"] == "Aggregated" else row["Name"]
        print(f"  {name:24} {int(row['Request Count']):7,} {int(row['Failure Count']):7} "
              f"{float(row['Requests/s']):7.1f} {float(row['Median Response Time']):10.0f} {float(row['95%']):8.0f}")
    for status, label in ((200, "personal feed, 200"), (304, "personal feed, 304")):
        times = [(poll["finished"] - poll["started"]) * 1000 for poll in polls if poll["status"] == status]
        if times:
            print(f"  {'  ' + label:24} {len(times):7,} {'':7} {'':7} {statistics.median(times):10.0f} "
                  f"{percentile_95(times):8.0f}")
    print("  (medians and p95 from locust are rounded to two significant figures)")
    with open(OUT / "locust_failures.csv", newline="") as failures:
        for row in sorted(csv.DictReader(failures), key=lambda row: -int(row["Occurrences"]))[:10]:
            print(f"  failed: {row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error']}")
    return int(rows[-1]["Failure Count"])


def server_errors() -> list[str]:
    return [line.rstrip() for line in (OUT / "gunicorn.log").open() if SERVER_ERROR.search(line)]


def lost_edits(url: str, addresses: dict, edits: list[dict]) -> list[str]:
    """What differs between the database and the edits the API accepted, per edited session.

    An edit that got no answer (a timeout) may or may not have been saved: it may account for one more
    version and history entry, and for what the session holds if nothing accepted came after it.
    """
    problems = []
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "loadtest"})
    with app.app_context():
        for editor in addresses["editors"]:
            for before in editor["sessions"]:
                own = [edit for edit in edits if edit["session_id"] == before["id"]]
                accepted = [edit for edit in own if edit["status"] == 200]
                unanswered = [edit for edit in own if edit["status"] == 0]
                session = db.session.get(Session, before["id"])
                history = db.session.scalar(select(func.count(Change.id)).where(
                    Change.entity == "session", Change.entity_id == session.id))
                saved = range(len(accepted), len(accepted) + len(unanswered) + 1)
                answered_versions = [edit["version"] for edit in accepted]
                if answered_versions != sorted(set(answered_versions)) or any(
                        version - before["version"] > len(own) for version in answered_versions):
                    problems.append(f"session {session.id}: the API answered versions {answered_versions} "
                                    f"after version {before['version']}")
                if session.version - before["version"] not in saved:
                    problems.append(f"session {session.id}: version {session.version} after {len(accepted)} "
                                    f"accepted and {len(unanswered)} unanswered edits of version {before['version']}")
                if history - before["changes"] not in saved:
                    problems.append(f"session {session.id}: {history - before['changes']} history entries for "
                                    f"{len(accepted)} accepted and {len(unanswered)} unanswered edits")
                last = accepted[-1] if accepted else before
                after_last = [edit for edit in unanswered if edit["number"] > last.get("number", 0)]
                holds = (session.title, session.starts_at, session.ends_at)
                if holds not in [(value["title"], datetime.fromisoformat(value["starts_at"]),
                                  datetime.fromisoformat(value["ends_at"])) for value in [last, *after_last]]:
                    problems.append(f"session {session.id} holds “{session.title}” {session.starts_at:%H:%M}, "
                                    f"not “{last['title']}” {last['starts_at']}")
        db.engine.dispose()
    return problems


def edit_number(title: str | None) -> int:
    match = re.search(r"#(\d+)$", title or "")
    return int(match.group(1)) if match else 0


def stale_polls(polls: list[dict], edits: list[dict]) -> tuple[int, list[str]]:
    """Polls whose feed lacked an edit completed before they started; and how many polls had an edit to show."""
    accepted = defaultdict(list)
    for edit in sorted((edit for edit in edits if edit["status"] == 200), key=lambda edit: edit["done"]):
        accepted[edit["uid"]].append(edit)
    checked, problems = 0, []
    for poll in polls:
        owed = [done[-1] for done in ([edit for edit in session_edits if edit["done"] < poll["started"]]
                                      for session_edits in accepted.values()) if done]
        checked += bool(owed)
        for edit in owed:
            seen = poll["seen"].get(edit["uid"])
            if edit_number(seen) < edit["number"]:
                problems.append(f"registration {poll['registration_id']}: a poll ({poll['status']}) showed “{seen}” "
                                f"{poll['started'] - edit['done']:.2f} s after “{edit['title']}” was saved")
    return checked, problems


def cpu_seconds() -> float:
    """CPU time of the finished child processes (and theirs): a server's workers count once it has stopped."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def report(url: str, addresses: dict, cpu: dict[str, float]) -> bool:
    record = json.loads((OUT / "record.json").read_text())
    polls, edits = record["polls"], record["edits"]
    failed = print_figures(polls)
    print(f"  CPU: the server {cpu['server']:.0f} s, locust {cpu['locust']:.0f} s, over {SECONDS} s on "
          f"{os.cpu_count()} cores; load average before the run {cpu['load before']:.1f}")
    logged = server_errors()
    conflicts = [edit for edit in edits if edit["status"] in (409, 412)]
    lost = lost_edits(url, addresses, edits)
    checked, stale = stale_polls(polls, edits) if edits else (0, [])
    accepted = sum(edit["status"] == 200 for edit in edits)
    unanswered = sum(edit["status"] == 0 for edit in edits)
    print("\nChecks")
    results = [
        (failed == 0 and not logged,
         f"errors: {failed} failed requests, {len(logged)} errors in the server's log"),
        (not lost, f"lost edits: {len(lost)} problems in {accepted} accepted edits of "
                   f"{sum(len(editor['sessions']) for editor in addresses['editors'])} sessions "
                   f"({len(conflicts)} refused as stale, 409/412; {unanswered} unanswered)"),
        (bool(checked) and not stale,
         f"freshness: {len(stale)} of {checked} polls made after an edit missed it ({len(polls)} polls in all)"
         if checked else f"freshness: no poll started after an accepted edit, nothing to check ({len(polls)} polls)"),
    ]
    for passed, line in results:
        print(f"  {'PASS' if passed else 'FAIL'}  {line}")
    for line in (logged + lost + stale)[:20]:
        print(f"        {line}")
    return all(passed for passed, _ in results)


def main() -> None:
    # make, or anyone, stopping the run with SIGTERM still stops the server (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "record.json").unlink(missing_ok=True)
    url = database()
    addresses = prepare(url)
    (OUT / "addresses.json").write_text(json.dumps(addresses, indent=1))
    redis.Redis.from_url(REDIS_URL).flushdb()
    port, users = free_port(), len(addresses["pollers"]) + len(addresses["editors"])
    print(f"Planner load test: {len(addresses['pollers'])} participants polling their feeds, "
          f"{len(addresses['editors'])} organisers editing, {SECONDS} s; gunicorn with {WORKERS} workers on "
          f"127.0.0.1:{port}, PostgreSQL, Redis feed cache; {os.cpu_count()} cores", flush=True)
    cpu = {"load before": os.getloadavg()[0]}
    with (OUT / "gunicorn.log").open("w") as server_log, (OUT / "locust.log").open("w") as locust_log:
        server = serve(url, port, server_log)
        try:
            before = cpu_seconds()
            run_locust(port, users, locust_log)
            cpu["locust"] = cpu_seconds() - before
        finally:
            stop(server)
    cpu["server"] = cpu_seconds() - before - cpu["locust"]
    if not (OUT / "record.json").exists():
        sys.exit(f"Locust wrote no record; see {OUT.relative_to(ROOT)}/locust.log")
    passed = report(url, addresses, cpu)
    print(f"\n(run took {time.perf_counter() - started:.0f} s; logs and locust's CSV files in {OUT.relative_to(ROOT)})")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted; the server is stopped.")
