"""The load test's users: participants polling their personal feeds, and two organisers editing sessions.

Reads the addresses and tokens prepare.py wrote (LOADTEST_ADDRESSES) and, when locust quits, writes
what every poll saw and every edit did (LOADTEST_RECORD), for run.py's checks. Times are the
client's wall clock: polls and edits run in this one process, so they compare.

LOADTEST_POLL_WAIT and LOADTEST_EDIT_WAIT ("min-max" seconds) set the pauses between a user's tasks.
"""
import json
import os
import time
from datetime import datetime, timedelta
from pathlib import Path

from locust import FastHttpUser, between, events, task

ADDRESSES = json.loads(Path(os.environ["LOADTEST_ADDRESSES"]).read_text())
WATCHED = [session["uid"] for editor in ADDRESSES["editors"] for session in editor["sessions"]]
POLLS: list[dict] = []
EDITS: list[dict] = []
_pollers = iter(ADDRESSES["pollers"])
_editors = iter(ADDRESSES["editors"])


def _wait(variable: str, default: str):
    low, high = (float(part) for part in os.environ.get(variable, default).split("-"))
    return between(low, high)


def summaries(calendar: str) -> dict[str, str]:
    """The SUMMARY of each watched session in a calendar file, by UID."""
    found = {}
    for uid in WATCHED:
        at = calendar.find(f"UID:{uid}\r\n")
        if at < 0:
            continue
        event = calendar[calendar.rfind("BEGIN:VEVENT", 0, at):calendar.find("END:VEVENT", at)]
        for line in event.replace("\r\n ", "").split("\r\n"):
            if line.startswith("SUMMARY:"):
                found[uid] = line.removeprefix("SUMMARY:")
    return found


def failure(response) -> str:
    """Why a request failed, without its address: a secret in it would make every failure a line of its own."""
    if response.status_code:
        return f"answered {response.status_code}"
    return f"no answer ({getattr(response.error, 'original', response.error)})"


class Participant(FastHttpUser):
    fixed_count = len(ADDRESSES["pollers"])
    wait_time = _wait("LOADTEST_POLL_WAIT", "20-40")

    def on_start(self):
        address = next(_pollers)
        self.registration_id, self.feed, self.page = address["registration_id"], address["feed"], address["page"]
        self.etag = None
        self.seen: dict[str, str] = {}
        # Subscribed calendars poll on their own clocks, not all in the same second.
        self.wait()

    @task(8)
    def poll_feed(self):
        started = time.time()
        headers = {"If-None-Match": self.etag} if self.etag else {}
        with self.client.get(self.feed, headers=headers, name="personal feed", catch_response=True) as response:
            if response.status_code == 200:
                self.etag = response.headers.get("ETag")
                self.seen = summaries(response.text)
            elif response.status_code != 304:
                response.failure(failure(response))
                return
            response.success()
        POLLS.append({"registration_id": self.registration_id, "started": started, "finished": time.time(),
                      "status": response.status_code, "seen": self.seen})

    @task(1)
    def read_agenda(self):
        self.client.get(ADDRESSES["agenda"], name="agenda page")

    @task(1)
    def read_day(self):
        self.client.get(ADDRESSES["day"], name="day page")

    @task(1)
    def read_own_page(self):
        self.client.get(self.page, name="personal page")


class Organiser(FastHttpUser):
    """Renames one of its own sessions, and moves it five minutes later or back, with If-Match on each edit.

    The times it moves from stay those read at the start, so a move never drifts off the first day."""

    fixed_count = len(ADDRESSES["editors"])
    wait_time = _wait("LOADTEST_EDIT_WAIT", "2-5")

    def on_start(self):
        editor = next(_editors)
        self.name = editor["name"]
        self.authorization = {"Authorization": f"Bearer {editor['token']}"}
        self.sessions = [{"id": session["id"], "uid": session["uid"], "version": session["version"],
                          "starts_at": datetime.fromisoformat(session["starts_at"]),
                          "ends_at": datetime.fromisoformat(session["ends_at"])} for session in editor["sessions"]]
        self.edits = 0

    def _address(self, session_id: int) -> str:
        return f"/api/v1/events/{ADDRESSES['slug']}/sessions/{session_id}"

    @task
    def edit_session(self):
        self.edits += 1
        session = self.sessions[self.edits % len(self.sessions)]
        shift = timedelta(minutes=5 if self.edits // len(self.sessions) % 2 else 0)
        values = {"title": f"Edited by {self.name} #{self.edits}",
                  "starts_at": (session["starts_at"] + shift).isoformat(),
                  "ends_at": (session["ends_at"] + shift).isoformat()}
        headers = {**self.authorization, "If-Match": f'"{session["version"]}"'}
        # Recorded before it is sent: locust may stop this user mid-request, and the edit may still be saved.
        edit = {"editor": self.name, "session_id": session["id"], "uid": session["uid"], "number": self.edits,
                **values, "sent": time.time(), "done": None, "status": 0, "version": None}
        EDITS.append(edit)
        with self.client.request("PATCH", self._address(session["id"]), json=values, headers=headers,
                                 name="edit session (API)", catch_response=True) as response:
            if response.status_code == 200:
                session["version"] = response.json()["version"]
                response.success()
            elif response.status_code in (409, 412):
                # The editors edit separate sessions, so this should not happen; run.py counts it apart from the
                # errors, and the next edit starts from the version read again.
                response.success()
            else:
                response.failure(failure(response))
        edit.update(done=time.time(), status=response.status_code,
                    version=session["version"] if response.status_code == 200 else None)
        if response.status_code != 200:
            reread = self.client.get(self._address(session["id"]), headers=self.authorization,
                                     name="read session (API)")
            if reread.status_code == 200:
                session["version"] = reread.json()["version"]


@events.quitting.add_listener
def write_record(environment, **kwargs):
    Path(os.environ["LOADTEST_RECORD"]).write_text(json.dumps({"polls": POLLS, "edits": EDITS}))
