"""No input to the write API, however malformed, produces a 500, and a refused one changes nothing.

Hypothesis sends every write endpoint (read from the URL map, so a new one is fuzzed too)
bodies of any JSON shape, almost-valid bodies with one or two odd values, bodies that are
not JSON at all, odd If-Match and Content-Type headers, and ids that are unknown, foreign
or huge. The examples are derandomized, so every run sends the same requests.
"""
import json
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner import create_app
from planner.domain.vocabulary import MeetingFormat, Role
from planner.extensions import db
from planner.models import Meeting, Person, Session
from planner.operations.agenda import assign_role

EXAMPLES_PER_ENDPOINT = 120
FUZZ = settings(max_examples=EXAMPLES_PER_ENDPOINT, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
ANSWERS = {200, 201, 204, 400, 401, 403, 404, 409, 412, 415, 422}


def _write_rules() -> list[tuple[str, str]]:
    url_map = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"}).url_map
    return sorted((rule.rule, method) for rule in url_map.iter_rules() if rule.rule.startswith("/api/")
                  for method in rule.methods & {"POST", "PUT", "PATCH", "DELETE"})


# Values

ODD_TEXT = st.sampled_from([
    "", " ", "\t\n", "\x00", "a\x00b", "\ud800", "x\udfffy", "\u202egnp.exe", "😀" * 5, "x" * 301, "x" * 20001,
    "null", "true", "NaN", "1e309", "-0", "<script>alert(1)</script>", "'; DROP TABLE meetings; --",
    "http://[", "https://\uff03example.org", "https://meet.example.org/x", "javascript:alert(1)", "//evil.example",
    "a@b.c", "@", "name@example.org\x00", "Asia", "Asia/Seoul", "asia/seoul", "../../etc/passwd", "Etc/GMT+14",
    "Europe/Zurich\x00", "posixrules", "UTC", "Factory", "right/UTC", "Europe/Geneva",
])
ODD_MOMENTS = st.sampled_from([
    "2021-03-26T09:30", "2021-03-26T10:30", "2021-03-26T09:30:00+01:00", "2021-03-26T08:30:00Z",
    "2021-03-28T02:30", "2021-03-28T02:30:00+01:00", "2021-03-28T03:30", "2021-10-31T02:30",
    "2021-02-30T10:00", "2021-03-26T24:00", "2021-03-26T23:59:60", "2021-03-26", "2021-03-26T9:30",
    "0001-01-01T00:00", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-23:59", "9999-12-31T23:59",
    "9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59+23:59", "2021-W12-5T10:00", "20210326T093000",
    "2021-03-26T09:30:00.123456789", "2021-03-26T09:30:00+99:00", "2021-03-26 09:30", "2021-03-26T09:30+01",
])
ODD_DAYS = st.sampled_from([
    "2021-03-26", "2021-03-29", "2021-04-30", "0001-01-01", "9999-12-31", "0000-01-01", "2021-02-29", "2021-13-01",
    "2021-W12-5", "20210326", "2021-3-26", "2021-03-26T00:00", "1900-01-01", "2100-12-31",
])
HUGE = st.sampled_from([0, -1, 1, 2**31 - 1, 2**31, -2**31 - 1, 2**53 + 1, 2**63, 10**30, -10**30])
NUMBERS = st.integers() | HUGE | st.floats()
VOCABULARY = st.sampled_from([
    "opening", "panel", "working", "break", "hybrid", "in_person", "online", "tentative", "confirmed", "cancelled",
    "chair", "speaker", "rapporteur", "government", "international", "academia", "PANEL", " panel",
])
JSON_LEAF = st.none() | st.booleans() | NUMBERS | st.text(max_size=30) | ODD_TEXT | ODD_MOMENTS | VOCABULARY
JSON_VALUE = st.recursive(JSON_LEAF, lambda children: st.lists(children, max_size=3)
                          | st.dictionaries(st.text(max_size=10), children, max_size=3), max_leaves=8)


@dataclass
class Ids:
    """The fuzzed meeting's records; a strategy for ids draws from these, a foreign one, unknown and huge ones."""

    room: int
    institution: int
    person: int
    session: int
    block: int
    role: int
    foreign: dict[str, int]

    def any_id(self, kind: str):
        known = {"rooms": self.room, "institutions": self.institution, "people": self.person,
                 "sessions": self.session, "roles": self.role}[kind]
        return st.sampled_from([known, self.foreign[kind], known + 1_000_000]) | HUGE.filter(lambda n: n >= 0)

    def reference(self, kind: str):
        return self.any_id(kind) | st.none() | JSON_LEAF


def field_values(name: str, ids: Ids):
    """Values for a field: mostly of its kind (good and bad), sometimes anything at all."""
    by_name = {
        "starts_at": ODD_MOMENTS, "ends_at": ODD_MOMENTS, "first_day": ODD_DAYS, "last_day": ODD_DAYS,
        "room_id": ids.reference("rooms"), "parent_id": ids.reference("sessions"),
        "person_id": ids.reference("people"), "institution_id": ids.reference("institutions"),
        "capacity": NUMBERS | st.none(), "version": NUMBERS | st.none() | st.text(max_size=3),
        "kind": VOCABULARY | JSON_LEAF, "attendance_mode": VOCABULARY, "status": VOCABULARY, "role": VOCABULARY,
        "format": st.sampled_from(["in_person", "online", "hybrid", "Hybrid"]),
        "online_link_public": st.booleans() | JSON_LEAF, "draft": st.booleans() | JSON_LEAF,
        "online_only": st.booleans() | JSON_LEAF, "published": st.booleans() | JSON_LEAF,
        "timezone": ODD_TEXT | st.sampled_from(["Europe/Zurich", "Asia/Seoul", "Pacific/Kiritimati",
                                                "America/St_Johns", "Pacific/Pago_Pago"]),
        "slug": ODD_TEXT | st.sampled_from(["fuzz", "new-one", "new-two", "a-", "A", "x" * 81]),
    }
    return st.one_of(by_name.get(name, ODD_TEXT | st.text(max_size=40)), JSON_VALUE)


# What each endpoint is sent

@dataclass
class Endpoint:
    valid: dict  # a body the endpoint accepts, to start almost-valid bodies from
    fields: tuple[str, ...]


SESSION_FIELDS = ("title", "kind", "starts_at", "ends_at", "room_id", "parent_id", "attendance_mode", "status",
                  "thematic_area", "description", "online_link", "online_link_public", "draft")
MEETING_FIELDS = ("title", "short_name", "hosts", "description", "first_day", "last_day", "timezone", "venue",
                  "format", "online_link", "contact_email", "published")
DIRECTORY = {
    "rooms": Endpoint({"name": "Room"}, ("name", "capacity", "online_only")),
    "institutions": Endpoint({"name": "Institute", "kind": "academia"}, ("name", "kind", "acronym", "country")),
    "people": Endpoint({"name": "Someone"}, ("name", "honorific", "position", "institution_id", "email")),
}


def endpoint_for(rule: str, method: str, kind: str | None) -> Endpoint:
    if rule.endswith("/roles"):
        return Endpoint({"role": "speaker"}, ("person_id", "role"))
    if "/sessions" in rule:
        return Endpoint({"title": "Talk", "kind": "panel", "starts_at": "2021-03-26T14:00",
                         "ends_at": "2021-03-26T15:00", "attendance_mode": "hybrid"}, SESSION_FIELDS + ("version",))
    if kind:
        return Endpoint(DIRECTORY[kind].valid, DIRECTORY[kind].fields + ("version",))
    if rule == "/api/v1/events":
        return Endpoint({"slug": "new-one", "title": "New", "first_day": "2021-05-03", "last_day": "2021-05-04",
                         "timezone": "Europe/Zurich", "format": "hybrid"}, MEETING_FIELDS + ("slug",))
    return Endpoint({}, MEETING_FIELDS + ("version",))


def bodies(endpoint: Endpoint, ids: Ids):
    """(raw bytes or a JSON value, Content-Type)."""
    known = st.sampled_from(endpoint.fields)
    almost_valid = st.builds(
        lambda changes, extra: {**endpoint.valid, **changes, **extra},
        st.lists(known, max_size=2, unique=True).flatmap(
            lambda names: st.fixed_dictionaries({name: field_values(name, ids) for name in names})),
        st.just({}) | st.dictionaries(st.text(max_size=12), JSON_LEAF, max_size=2),
    )
    shaped = st.fixed_dictionaries({}, optional={name: field_values(name, ids) for name in endpoint.fields})
    json_bodies = st.one_of(almost_valid, almost_valid, shaped, JSON_VALUE).map(lambda value: (value, None))
    raw = st.one_of(
        st.binary(max_size=60), st.text(max_size=60).map(str.encode),
        st.sampled_from([b"", b"{", b"[" * 5000, b"{\"a\":" * 3000, b"1" * 5000, b"{\"title\": 1e999}",
                         b"\xff\xfe{\x00}\x00", b"\xef\xbb\xbf{}", b"{\"title\": \"\\ud800\"}", b"NaN",
                         b"{\"title\": \"a\", \"title\": 1}", json.dumps({"version": 10**400}).encode()]),
    ).map(lambda data: (data, "raw"))
    content_types = st.sampled_from(["application/json", "application/json; charset=utf-8", "application/json; charset=latin-1",
                                     "application/merge-patch+json", "text/plain", "application/x-www-form-urlencoded",
                                     "multipart/form-data", ""])
    return st.one_of(json_bodies, json_bodies, json_bodies, st.tuples(raw, content_types).map(
        lambda pair: (pair[0][0], pair[1])))


IF_MATCH = st.none() | st.sampled_from(['"1"', '"2"', '"3"', "*", 'W/"1"', '"0"', '"999999999"', '"1", "2"', '""',
                                         " \"1\" ", "garbage", 'W/"x"', '"-1"', '"1e3"', '"١"']) \
    | st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=12)
AUTHORIZATION = st.sampled_from(["token"] * 8 + ["Bearer", "Bearer  {token}", "bearer {token}", "Token {token}",
                                                 "Bearer plnr_unknown", ""])


@pytest.fixture
def fuzzed(seed):
    """A meeting in Zurich across the spring-forward night, with one of everything, and its organiser's token."""
    with seed() as make:
        meeting = make.meeting(slug="fuzz", title="Fuzzed meeting", timezone="Europe/Zurich",
                               first_day=date(2021, 3, 26), last_day=date(2021, 3, 29), format=MeetingFormat.HYBRID)
        room = make.room(meeting, "Hall A", capacity=30)
        institution = make.institution(meeting, "Institute")
        person = make.person(meeting, "Kim Min-ji", institution=institution)
        block = make.session(meeting, "Block", datetime(2021, 3, 26, 9), datetime(2021, 3, 26, 12), room=room)
        session = make.session(meeting, "Talk", datetime(2021, 3, 26, 10), datetime(2021, 3, 26, 11), room=room,
                               parent=block)
        role = assign_role(session, person, Role.SPEAKER)
        db.session.commit()
        owner = make.organiser("owner@example.org", meetings=[meeting])
        elsewhere = make.meeting(slug="elsewhere")
        foreign_session = make.session(elsewhere, "Elsewhere")
        foreign = {"rooms": make.room(elsewhere, "Hall Z").id, "institutions": make.institution(elsewhere).id,
                   "people": make.person(elsewhere, "Someone Else").id, "sessions": foreign_session.id}
        foreign["roles"] = assign_role(foreign_session, db.session.get(Person, foreign["people"]), Role.CHAIR).id
        db.session.commit()
        ids = Ids(room.id, institution.id, person.id, session.id, block.id, role.id, foreign)
        return ids, make.token(owner)


def _fresh_target(seed, kind: str, number: int) -> int:
    """Something new to delete, so a deletion that went through leaves the next example a target too."""
    with seed() as make:
        meeting = db.session.scalar(db.select(Meeting).where(Meeting.slug == "fuzz"))
        if kind == "sessions":
            return make.session(meeting, f"Doomed {number}", datetime(2021, 3, 27, 9)).id
        if kind == "roles":
            session = db.session.scalar(db.select(Session).where(Session.title == "Talk"))
            role = assign_role(session, make.person(meeting, f"Doomed {number}"), Role.PANELLIST)
            db.session.commit()
            return role.id
        add = {"rooms": make.room, "institutions": make.institution, "people": make.person}[kind]
        return add(meeting, f"Doomed {number}").id


def _address(rule: str, method: str, draw, ids: Ids, seed, number: int) -> tuple[str, str | None]:
    slug = draw(st.sampled_from(["fuzz"] * 6 + ["elsewhere", "nowhere", "a%00b", "%E2%80%AE", "x" * 100]))
    kind = None
    url = rule.replace("<slug>", slug)
    if "<any(rooms, institutions, people):kind>" in url:
        kind = draw(st.sampled_from(sorted(DIRECTORY)))
        url = url.replace("<any(rooms, institutions, people):kind>", kind)
    targets = {"<int:record_id>": kind, "<int:session_id>": "sessions", "<int:role_id>": "roles"}
    for placeholder, target in targets.items():
        if placeholder in url:
            if method == "DELETE" and url.endswith(placeholder) and draw(st.booleans()):
                value = _fresh_target(seed, target, number)
            else:
                value = draw(ids.any_id(target))
            url = url.replace(placeholder, str(value))
    assert "<" not in url, f"{rule}: tell this test what to put in {url}"
    return url, kind


@pytest.mark.parametrize("rule, method", _write_rules())
def test_no_input_to_a_write_endpoint_produces_a_server_error(client, seed, stored_rows, fuzzed, rule, method):
    ids, token = fuzzed
    sent = {"count": 0}

    @FUZZ
    @given(st.data())
    def send(data):
        sent["count"] += 1
        url, kind = _address(rule, method, data.draw, ids, seed, sent["count"])
        body, content_type = data.draw(bodies(endpoint_for(rule, method, kind), ids))
        headers = {}
        if_match = data.draw(IF_MATCH)
        if if_match is not None:
            headers["If-Match"] = if_match
        authorization = data.draw(AUTHORIZATION)
        authorization = "Bearer {token}" if authorization == "token" else authorization
        if authorization:
            headers["Authorization"] = authorization.format(token=token)
        before = stored_rows()
        if content_type is None:
            response = client.open(url, method=method, json=body, headers=headers)
        else:
            response = client.open(url, method=method, data=body, headers=headers,
                                   content_type=content_type or None)

        assert response.status_code in ANSWERS, (url, body, headers, response.get_data(as_text=True)[:500])
        if response.status_code >= 400:
            error = response.get_json()["error"]
            assert error["status"] == response.status_code and isinstance(error["message"], str) and error["message"]
            if response.status_code == 422:
                assert error["fields"] and all(isinstance(v, str) and v for v in error["fields"].values())
            assert stored_rows() == before, (url, body, headers, response.status_code)
        elif response.status_code == 204:
            assert response.get_data() == b""
        else:
            assert response.is_json and response.headers["ETag"]

    send()
    assert sent["count"] >= EXAMPLES_PER_ENDPOINT // 2
