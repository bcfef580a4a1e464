"""Reading calendar files the way clients do, with three independent parsers.

Each reader returns ``{uid: (start, end)}`` in UTC, computed from the file's own VTIMEZONE
(not from the parser's knowledge of the zone's name), so a wrong VTIMEZONE shows up as a
wrong instant: icalendar (Python), vobject (Python, dateutil underneath) and ical.js, the
parser inside Thunderbird, run under Node.js.
"""
import json
import shutil
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import icalendar
import pytest
import vobject

ICALJS_FOLDER = Path(__file__).parent / "js"

# An event without an end (DTSTART alone): icalendar and ical.js give the end RFC 5545 gives it, its start;
# vobject gives none (None).
Instants = dict[str, tuple[datetime, datetime | None]]


def icalendar_instants(data: bytes) -> Instants:
    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(vtimezone["TZID"]): vtimezone.to_tz() for vtimezone in calendar.walk("VTIMEZONE")}

    def instant(prop) -> datetime:
        value = prop.dt
        tzid = prop.params.get("TZID")
        if tzid is not None:
            value = value.replace(tzinfo=None).replace(tzinfo=zones[tzid])
        return value.astimezone(timezone.utc)

    def end(event) -> datetime:
        if "DTEND" in event:
            return instant(event["DTEND"])
        return instant(event["DTSTART"]) + event.duration  # icalendar's own reading of an event without DTEND

    return {str(event["UID"]): (instant(event["DTSTART"]), end(event)) for event in calendar.walk("VEVENT")}


def vobject_instants(data: bytes) -> Instants:
    calendar = vobject.readOne(data.decode())
    # vobject resolves a TZID through a process-wide registry (the first VTIMEZONE it ever saw under
    # that name, else pytz), so the file's own VTIMEZONE is applied here, through dateutil's tzical.
    zones = {vtimezone.tzid.value: vtimezone.gettzinfo() for vtimezone in calendar.contents.get("vtimezone", [])}

    def instant(prop) -> datetime:
        [tzid] = prop.params.get("X-VOBJ-ORIGINAL-TZID", [None])  # where vobject moves the TZID parameter
        value = prop.value.replace(tzinfo=zones[tzid]) if tzid is not None else prop.value
        return value.astimezone(timezone.utc)

    return {event.uid.value: (instant(event.dtstart), instant(event.dtend) if hasattr(event, "dtend") else None)
            for event in calendar.vevent_list}


def read_with_icaljs(path: Path) -> Instants:
    finished = subprocess.run(["node", str(ICALJS_FOLDER / "instants.mjs"), str(path)], check=True,
                              capture_output=True, text=True)
    rows = [json.loads(line) for line in finished.stdout.splitlines()]
    return {row["uid"]: (_utc(row["start"]), _utc(row["end"])) for row in rows}


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="session")
def icaljs_instants(tmp_path_factory):
    """``icaljs_instants(data)``: ical.js's reading. Installs the pinned ical.js once (npm ci) if it is missing."""
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to read calendar files with ical.js, as Thunderbird does.")
    if not (ICALJS_FOLDER / "node_modules" / "ical.js").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ICALJS_FOLDER, check=True, capture_output=True)
    folder = tmp_path_factory.mktemp("ics")
    counter = iter(range(1_000_000))

    def read(data: bytes) -> Instants:
        path = folder / f"{next(counter)}.ics"
        path.write_bytes(data)
        return read_with_icaljs(path)

    return read


@pytest.fixture(scope="session")
def all_readers(icaljs_instants):
    """``{name: reader}`` for the three parsers."""
    return {"icalendar": icalendar_instants, "vobject": vobject_instants, "ical.js": icaljs_instants}


# What an event says: {uid: (SUMMARY, DESCRIPTION)}, as each parser unescapes them.
Texts = dict[str, tuple[str, str]]


def icalendar_texts(data: bytes) -> Texts:
    return {str(event["UID"]): (str(event["SUMMARY"]), str(event.get("DESCRIPTION", "")))
            for event in icalendar.Calendar.from_ical(data).walk("VEVENT")}


def vobject_texts(data: bytes) -> Texts:
    return {event.uid.value: (event.summary.value, event.description.value if hasattr(event, "description") else "")
            for event in vobject.readOne(data.decode()).vevent_list}


@pytest.fixture(scope="session")
def all_text_readers(icaljs_instants, tmp_path_factory):
    """``{name: reader}``: each parser's reading of the events' texts."""
    folder = tmp_path_factory.mktemp("ics-texts")
    counter = iter(range(1_000_000))

    def icaljs_texts(data: bytes) -> Texts:
        path = folder / f"{next(counter)}.ics"
        path.write_bytes(data)
        finished = subprocess.run(["node", str(ICALJS_FOLDER / "instants.mjs"), str(path)], check=True,
                                  capture_output=True, text=True)
        rows = [json.loads(line) for line in finished.stdout.splitlines()]
        return {row["uid"]: (row["summary"], row["description"] or "") for row in rows}

    return {"icalendar": icalendar_texts, "vobject": vobject_texts, "ical.js": icaljs_texts}
