"""`make bench-documents`: how much memory the app's worker takes to refuse, store and send large documents.

The real app under gunicorn (one sync worker) over real HTTP, on a throw-away SQLite file or
PLANNER_BENCH_DATABASE_URL (wiped). The client streams each body from a generator, so neither side holds a
file whole unless the app does. After each step the worker's peak resident memory (VmHWM) is read from /proc:

- an upload of 50 MB + 1 byte, which must be refused (422, naming the limit) and leave nothing stored;
- an upload of 40 MB, stored in chunks;
- its download whole, then resumed from its middle with Range, and the meeting's ZIP pack.

A step whose peak grows by more than MAX_GROWTH_MB (default 25, half of a file at the limit) fails the run:
a file read whole into memory would add at least its own size.
"""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402

from bench.meeting import free_port, wait_until_listening, wipe  # noqa: E402
from planner import create_app  # noqa: E402
from planner.config import database_url  # noqa: E402
from planner.domain.vocabulary import MeetingFormat, TeamRole  # noqa: E402
from planner.extensions import db  # noqa: E402
from planner.operations.accounts import create_organiser  # noqa: E402
from planner.operations.meetings import create_meeting  # noqa: E402
from planner.operations.team import grant_role  # noqa: E402
from planner.operations.tokens import create_token  # noqa: E402

MB = 1024 * 1024
LIMIT = 50 * MB
MAX_GROWTH_MB = float(os.environ.get("MAX_GROWTH_MB", "25"))
PIECE = 256 * 1024


def prepare(url: str) -> str:
    """The meeting the files go to, and its organiser's API token."""
    wipe(url)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    with app.app_context():
        upgrade()
        meeting = create_meeting(slug="bench", title="Documents benchmark", first_day=date(2021, 10, 18),
                                 last_day=date(2021, 10, 19), timezone="Asia/Seoul", format=MeetingFormat.HYBRID,
                                 venue="Seoul", published=True)
        user = create_organiser("bench@example.org", "benchmark password 2021")
        grant_role(meeting, user, TeamRole.ORGANISER, actor=None)
        _, secret = create_token(user, "bench")
        db.session.commit()
        db.engine.dispose()
    return secret


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise SystemExit("no VmHWM in /proc: this benchmark needs Linux")


def pdf_of(size: int):
    """A PDF's first bytes, then filler, ``size`` bytes in all, made piece by piece."""
    head = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    yield head
    left = size - len(head)
    while left > 0:
        piece = min(PIECE, left)
        yield b"x" * piece
        left -= piece


def upload(port: int, token: str, size: int, name: str) -> tuple[int, dict]:
    boundary = uuid.uuid4().hex
    fields = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'
                     for key, value in (("kind", "presentation"), ("visibility", "public"), ("language", "en")))
    head = (fields + f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/pdf\r\n\r\n").encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.putrequest("POST", "/api/v1/events/bench/documents")
    connection.putheader("Authorization", f"Bearer {token}")
    connection.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    connection.putheader("Content-Length", str(len(head) + size + len(tail)))
    connection.endheaders()
    connection.send(head)
    for piece in pdf_of(size):
        connection.send(piece)
    connection.send(tail)
    response = connection.getresponse()
    body = json.loads(response.read() or b"{}")
    connection.close()
    return response.status, body


def download(port: int, address: str, headers: dict | None = None) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    connection.request("GET", address, headers=headers or {})
    response = connection.getresponse()
    received = 0
    while piece := response.read(PIECE):
        received += len(piece)
    connection.close()
    return response.status, received


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = database_url(os.environ.get("PLANNER_BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite")
        token = prepare(url)
        port = free_port()
        env = {**os.environ, "PLANNER_DATABASE_URL": url, "PLANNER_SECRET_KEY": "bench"}
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "--workers", "1", "--timeout", "300",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "planner:create_app()"], cwd=ROOT, env=env)
        try:
            wait_until_listening(server, port)
            download(port, "/api/v1/events/bench")  # the worker's code and caches loaded before measuring
            pid = worker_pid(server.pid)
            rows, failed = [], False

            def step(label: str, run) -> object:
                nonlocal failed
                before = peak_kib(pid)
                outcome = run()
                growth = (peak_kib(pid) - before) / 1024
                failed |= growth > MAX_GROWTH_MB
                rows.append((label, outcome, growth))
                return outcome

            status, body = step("upload 50 MB + 1 byte (refused)", lambda: upload(port, token, LIMIT + 1, "huge.pdf"))
            if status != 422 or "at most 50.0 MB" not in json.dumps(body, ensure_ascii=False):
                raise SystemExit(f"the oversized upload was not refused as it should be: {status} {body}")
            status, body = step("upload 40 MB (stored)", lambda: upload(port, token, 40 * MB, "slides.pdf"))
            if status != 201:
                raise SystemExit(f"the 40 MB upload was not stored: {status} {body}")
            address = body["languages"][0]["url"].split("//", 1)[1].split("/", 1)[1]
            step("download 40 MB", lambda: download(port, "/" + address))
            step("resume from 20 MB (Range)", lambda: download(port, "/" + address, {"Range": f"bytes={20 * MB}-"}))
            step("ZIP pack", lambda: download(port, "/events/bench/documents.zip"))
        finally:
            server.terminate()
            server.wait()
    print(f"{'step':36} {'answer':>12} {'peak growth':>12}")
    for label, outcome, growth in rows:
        print(f"{label:36} {str(outcome[0]):>12} {growth:>9.1f} MB")
    print(f"A step may grow the worker's peak by at most {MAX_GROWTH_MB:.0f} MB.")
    if failed:
        raise SystemExit("a step held a file in memory")


if __name__ == "__main__":
    main()
