"""No input to the write API, however malformed, produces a 500, and a refused one changes nothing.

Hypothesis sends every write endpoint (read from the URL map, so a new one is fuzzed too)
bodies of any JSON shape, almost-valid bodies with one to three odd values, bodies that
are not JSON at all, odd If-Match, Content-Type and Authorization headers, and ids that
are unknown, foreign or huge. Each endpoint also gets a fixed list of known-nasty calls
first (explicit examples). The examples are derandomized, so every run sends the same calls.
"""
import os
import re
from dataclasses import dataclass, field, replace
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planner import create_app
from planner.domain.vocabulary import MeetingFormat, OfficerRole, ParticipantRole, Role
from planner.extensions import db
from planner.models import Person
from planner.operations.agenda import assign_role
from planner.operations.officers import add_officer
from planner.operations.registrations import register_participant
from tests.integration.api_support import doomed, one_of_everything
from tests.integration.document_support import put_document

# Generated calls per endpoint, after the explicit examples; PLANNER_FUZZ_EXAMPLES=1000 searches harder.
# 30, not the 60 this test sent before test_api_contract.py: Schemathesis now sends every endpoint the
# generic shapes (each field's boundaries and wrong types, missing and unknown fields, any JSON), so
# this test keeps to what it alone sends (odd ids, bytes, headers, texts) and keeps CI's time as it was.
EXAMPLES_PER_ENDPOINT = int(os.environ.get("PLANNER_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES_PER_ENDPOINT, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
ANSWERS = {200, 201, 204, 400, 401, 403, 404, 409, 412, 415, 422, 428}


def _write_rules() -> list[tuple[str, str]]:
    url_map = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"}).url_map
    return sorted((rule.rule, method) for rule in url_map.iter_rules() if rule.rule.startswith("/api/")
                  for method in rule.methods & {"POST", "PUT", "PATCH", "DELETE"})


# Values

NASTY_TEXT = st.sampled_from(["\x00", "a\x00b", "\ud800", "x\udfffy", "http://[", "https://[::1", "x" * 20001])
ODD_TEXT = st.sampled_from([
    "", " ", "\t\n", "\u202egnp.exe", "😀" * 5, "x" * 301, "null", "true", "NaN", "1e309", "-0",
    "<script>alert(1)</script>", "'; DROP TABLE meetings; --", "https://\uff03example.org",
    "https://meet.example.org/x", "javascript:alert(1)", "//evil.example", "a@b.c", "@", "name@example.org\x00",
    "Asia", "Asia/Seoul", "asia/seoul", "../../etc/passwd", "Etc/GMT+14", "Europe/Zurich\x00", "posixrules", "UTC",
    "Factory", "right/UTC", "Europe/Geneva", "America/Argentina",
])
TEXT = st.one_of(NASTY_TEXT, ODD_TEXT, st.text(max_size=40))
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
    "2021-W12-5", "20210326", "2021-3-26", "2021-03-26T00:00", "1899-12-31", "1900-01-01", "2999-12-31",
])
HUGE = st.sampled_from([0, -1, 1, 2**31 - 1, 2**31, -2**31 - 1, 2**53 + 1, 2**63, 10**30, -10**30])
NUMBERS = st.one_of(st.integers(), HUGE, st.floats())
VOCABULARY = st.sampled_from([
    "opening", "panel", "working", "break", "hybrid", "in_person", "online", "tentative", "confirmed", "cancelled",
    "chair", "speaker", "rapporteur", "government", "international", "academia", "PANEL", " panel",
    "expert", "delegate", "observer", "staff", "press", "in_room", "absent",
])
ZONES = st.one_of(TEXT, st.sampled_from(["Europe/Zurich", "Asia/Seoul", "Pacific/Kiritimati", "America/St_Johns",
                                          "Pacific/Pago_Pago"]))
JSON_LEAF = st.one_of(st.none(), st.booleans(), NUMBERS, TEXT, ODD_MOMENTS, VOCABULARY)
JSON_VALUE = st.recursive(JSON_LEAF, lambda children: st.lists(children, max_size=3)
                          | st.dictionaries(st.text(max_size=10), children, max_size=3), max_leaves=8)


@dataclass(frozen=True)
class Ids:
    """The fuzzed meeting's records, by kind, and one record of the same kind in another meeting."""

    own: dict[str, int]
    foreign: dict[str, int]

    def any_id(self, kind: str):
        """Mostly the meeting's own record, so most calls reach the operations; else foreign, unknown, huge."""
        known = self.own[kind]
        return st.sampled_from([known] * 30 + [self.foreign[kind], known + 1_000_000, 0, 1, 2**31 - 1, 2**31,
                                               2**63, 10**18, 10**30])

    def reference(self, kind: str):
        return st.one_of(self.any_id(kind), self.any_id(kind), self.any_id(kind), st.none(), JSON_LEAF)


def field_values(name: str, ids: Ids):
    """Values for a field: mostly of its kind, good and bad, sometimes anything at all."""
    by_name = {
        "starts_at": ODD_MOMENTS, "ends_at": ODD_MOMENTS, "first_day": ODD_DAYS, "last_day": ODD_DAYS,
        "room_id": ids.reference("rooms"), "parent_id": ids.reference("sessions"),
        "person_id": ids.reference("people"), "institution_id": ids.reference("institutions"),
        "capacity": st.one_of(NUMBERS, st.none()), "version": st.one_of(NUMBERS, st.none(), st.text(max_size=3)),
        "kind": VOCABULARY, "attendance_mode": VOCABULARY, "status": VOCABULARY, "role": VOCABULARY,
        "format": st.sampled_from(["in_person", "online", "hybrid", "Hybrid"]),
        "timezone": ZONES, "home_timezone": ZONES,
        "days": st.dictionaries(st.one_of(ODD_DAYS, st.text(max_size=12)),
                                st.one_of(st.sampled_from(["in_room", "online", "absent"]), JSON_LEAF), max_size=3),
        "person": st.fixed_dictionaries({}, optional={
            "name": TEXT, "honorific": TEXT, "position": TEXT, "email": TEXT,
            "institution_id": ids.reference("institutions"), "colour": JSON_LEAF}),
        "slug": st.one_of(TEXT, st.sampled_from(["fuzz", "elsewhere", "new-one", "a-", "A", "x" * 81])),
    }
    return st.one_of(by_name.get(name, TEXT), by_name.get(name, TEXT), JSON_LEAF, JSON_VALUE)


# What each endpoint is sent

@dataclass(frozen=True)
class Endpoint:
    valid: dict | st.SearchStrategy  # bodies the endpoint accepts, to start almost-valid bodies from
    fields: tuple[str, ...]
    sample: dict | None = None  # one of them, when ``valid`` is a strategy

    @property
    def one_valid(self) -> dict:
        return self.sample if self.sample is not None else self.valid


SESSION_FIELDS = ("title", "kind", "starts_at", "ends_at", "room_id", "parent_id", "attendance_mode", "status",
                  "thematic_area", "description", "online_link", "online_link_public", "draft")
MEETING_FIELDS = ("title", "short_name", "hosts", "description", "first_day", "last_day", "timezone", "venue",
                  "format", "online_link", "contact_email", "published")
NEW_SESSION = {"title": "Talk", "kind": "panel", "starts_at": "2021-03-26T14:00", "ends_at": "2021-03-26T15:00",
               "attendance_mode": "hybrid"}
NEW_EVENT = {"slug": "new-one", "title": "New", "first_day": "2021-05-03", "last_day": "2021-05-04",
             "timezone": "Europe/Zurich", "format": "hybrid"}
DIRECTORY = {
    "rooms": Endpoint({"name": "Room"}, ("name", "capacity", "online_only")),
    "institutions": Endpoint({"name": "Institute", "kind": "academia"}, ("name", "kind", "acronym", "country")),
    "people": Endpoint({"name": "Someone"}, ("name", "honorific", "position", "institution_id", "email")),
    "officers": Endpoint({"role": "secretary"}, ("person_id", "role", "position")),
}


def endpoint_for(rule: str, method: str, kind: str | None, ids: Ids) -> Endpoint:
    if "/registrations" in rule:
        if method == "PATCH":
            return Endpoint({}, ("role", "home_timezone", "days", "version"))
        return Endpoint(st.fixed_dictionaries({
            "role": st.sampled_from(["expert", "delegate"]), "days": st.just({"2021-03-26": "in_room"}),
            "person": st.fixed_dictionaries({"name": st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True)}),
        }), ("person_id", "person", "role", "home_timezone", "days"),
            {"role": "expert", "days": {"2021-03-26": "in_room"}, "person": {"name": "Lee"}})
    if "/roles/" in rule and method == "PATCH":
        return Endpoint({"on_behalf_of": "UNMAS and UNDP"}, ("on_behalf_of", "version"))
    if rule.endswith("/roles"):
        return Endpoint(st.fixed_dictionaries({"role": st.sampled_from([role.value for role in Role]),
                                               "person_id": st.just(ids.own["people"])}), ("person_id", "role", "on_behalf_of"),
                        {"role": "moderator", "person_id": ids.own["people"]})
    if "/sessions" in rule:
        return Endpoint({"title": "Talk, renamed"} if method == "PATCH" else NEW_SESSION,
                        SESSION_FIELDS + ("version",))
    if kind == "officers" and method == "POST":
        return Endpoint({"role": "secretary", "person_id": ids.own["people"]}, DIRECTORY[kind].fields)
    if kind:
        return Endpoint(DIRECTORY[kind].valid if method == "POST" else {}, DIRECTORY[kind].fields + ("version",))
    if rule == "/api/v1/events":
        return Endpoint(st.fixed_dictionaries({
            **{name: st.just(value) for name, value in NEW_EVENT.items()},
            "slug": st.from_regex(r"[a-z]{2,8}(-[a-z0-9]{1,4})?", fullmatch=True),
        }), MEETING_FIELDS + ("slug",), NEW_EVENT)
    return Endpoint({}, MEETING_FIELDS + ("version",))


@dataclass(frozen=True)
class Call:
    slug: str = "fuzz"
    kind: str | None = None  # rooms, institutions or people, for the directory's addresses
    ids: tuple[tuple[str, int | str], ...] = ()  # placeholder → id, or "fresh": a new record to delete
    body: object = field(default_factory=dict)
    content_type: str | None = None  # None: the body is sent as JSON
    if_match: str | None = None
    authorization: str = "Bearer {token}"


RAW_BODIES = st.sampled_from([
    b"", b"{", b"[" * 5000, b'{"a":' * 3000, b"1" * 5000, b'{"title": 1e999}', b"\xff\xfe{\x00}\x00",
    b"\xef\xbb\xbf{}", b'{"title": "\\ud800"}', b"NaN", b'{"title": "a", "title": 1}',
    b'{"version": 1' + b"0" * 400 + b"}",
])
CONTENT_TYPES = st.sampled_from(["application/json"] * 6 + [
    "application/json; charset=utf-8", "application/json; charset=latin-1", "application/merge-patch+json",
    "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""])
IF_MATCH = st.one_of(st.none(), st.none(), st.none(), st.sampled_from([
    '"1"', '"2"', '"3"', "*", 'W/"1"', '"0"', '"999999999"', '"1", "2"', '""', ' "1" ', "garbage", 'W/"x"', '"-1"',
    '"1e3"', '"١"']), st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=12))
AUTHORIZATION = st.sampled_from(["Bearer {token}"] * 40 + ["Bearer", "Bearer  {token}", "bearer {token}",
                                                          "Token {token}", "Bearer plnr_unknown", ""])
SLUGS = st.sampled_from(["fuzz"] * 40 + ["elsewhere", "nowhere", "a%00b", "%E2%80%AE", "x" * 100])
PLACEHOLDERS = {"<int:record_id>": None, "<int:session_id>": "sessions", "<int:role_id>": "roles",
                "<int:registration_id>": "registrations", "<int:document_id>": "documents"}


@st.composite
def calls(draw, rule: str, method: str, ids: Ids) -> Call:
    kind = draw(st.sampled_from(sorted(DIRECTORY))) if ":kind>" in rule else None
    chosen = []
    for placeholder, target in PLACEHOLDERS.items():
        if placeholder in rule:
            target = target or kind
            fresh = method == "DELETE" and rule.endswith(placeholder) and draw(st.booleans())
            chosen.append((placeholder, "fresh" if fresh else draw(ids.any_id(target))))
    endpoint = endpoint_for(rule, method, kind, ids)
    valid = endpoint.valid if isinstance(endpoint.valid, st.SearchStrategy) else st.just(endpoint.valid)
    almost_valid = st.builds(
        lambda base, changes, extra: {**base, **changes, **extra},
        valid,
        st.lists(st.sampled_from(endpoint.fields), min_size=1, max_size=3, unique=True).flatmap(
            lambda names: st.fixed_dictionaries({name: field_values(name, ids) for name in names})),
        st.just({}) | st.dictionaries(st.text(max_size=12), JSON_LEAF, max_size=2),
    )
    shaped = st.fixed_dictionaries({}, optional={name: field_values(name, ids) for name in endpoint.fields})
    body, content_type = draw(st.one_of(
        st.tuples(st.one_of(almost_valid, almost_valid, almost_valid, valid, shaped, JSON_VALUE), st.none()),
        st.tuples(st.one_of(RAW_BODIES, RAW_BODIES, st.binary(max_size=60)), CONTENT_TYPES),
    ))
    return Call(draw(SLUGS), kind, tuple(chosen), body, content_type, draw(IF_MATCH), draw(AUTHORIZATION))


def nasty_calls(rule: str, method: str, ids: Ids) -> list[Call]:
    """Calls each endpoint gets every run: each kind of input that once produced a 500 somewhere."""
    kind = "rooms" if ":kind>" in rule else None
    own = tuple((placeholder, ids.own[target or kind]) for placeholder, target in PLACEHOLDERS.items()
                if placeholder in rule)
    endpoint = endpoint_for(rule, method, kind, ids)
    base = endpoint.one_valid
    plain = Call(kind=kind, ids=own, body=dict(base))
    found = [
        replace(plain, body=b"[" * 5000, content_type="application/json"),
        replace(plain, body=b'{"a":' * 3000, content_type="application/json"),
        replace(plain, slug="a%00b"),
        replace(plain, if_match='"1", "2"'),
        *(replace(plain, ids=tuple((placeholder, huge) for placeholder, _ in own)) for huge in (2**63, 10**30) if own),
    ]
    texts = [name for name in endpoint.fields if name not in (
        "kind", "attendance_mode", "status", "role", "format", "first_day", "last_day", "starts_at", "ends_at",
        "version", "capacity", "online_only", "online_link_public", "draft", "published") and not name.endswith("_id")]
    for name in texts[:1] + [name for name in texts if name in ("online_link", "email", "timezone")]:
        for value in ("a\x00b", "a\ud800b", "http://[", "Asia"):
            found.append(replace(plain, body={**base, name: value}))
    if "person" in endpoint.fields:
        found += [replace(plain, body={**base, "person": {"name": "Lee", "institution_id": huge}})
                  for huge in (2**31, 2**63, 10**30)]
    for name, value in (("starts_at", "0001-01-01T00:00"), ("ends_at", "9999-12-31T23:59:59-23:59"),
                        ("first_day", "0001-01-01"), ("last_day", "9999-12-31")):
        if name in endpoint.fields:
            found.append(replace(plain, body={**base, name: value}))
    return found


@pytest.fixture
def fuzzed(seed):
    """A meeting in Zurich across the spring-forward night, with one of everything, and its organiser's token."""
    with seed() as make:
        meeting = make.meeting(slug="fuzz", title="Fuzzed meeting", timezone="Europe/Zurich",
                               first_day=date(2021, 3, 26), last_day=date(2021, 3, 29), format=MeetingFormat.HYBRID)
        own = one_of_everything(make, meeting)
        owner = make.organiser("owner@example.org", meetings=[meeting])
        elsewhere = make.meeting(slug="elsewhere")
        foreign_session = make.session(elsewhere, "Elsewhere")
        foreign = {"rooms": make.room(elsewhere, "Hall Z").id, "institutions": make.institution(elsewhere).id,
                   "people": make.person(elsewhere, "Someone Else").id, "sessions": foreign_session.id}
        foreign_person = db.session.get(Person, foreign["people"])
        foreign["roles"] = assign_role(foreign_session, foreign_person, Role.CHAIR).id
        foreign["registrations"] = register_participant(elsewhere, foreign_person, role=ParticipantRole.EXPERT,
                                                        days={}).id
        foreign["officers"] = add_officer(elsewhere, foreign_person, OfficerRole.SECRETARY).id
        foreign["documents"] = put_document(elsewhere, title="Elsewhere's note").id
        db.session.commit()
        return Ids(own, foreign), make.token(owner)


@pytest.mark.parametrize("rule, method", _write_rules())
def test_no_input_to_a_write_endpoint_produces_a_server_error(client, seed, stored_rows, fuzzed, rule, method):
    ids, token = fuzzed
    sent = []

    def send(call: Call):
        url = re.sub(r"<any\([^)]*\):kind>", call.kind or "", rule.replace("<slug>", call.slug))
        for placeholder, value in call.ids:
            if value == "fresh":
                target = PLACEHOLDERS[placeholder] or call.kind
                with seed() as make:
                    value = doomed(make, "fuzz", target, len(sent))
            url = url.replace(placeholder, str(value))
        assert "<" not in url, f"{rule}: tell this test what to put in {url}"
        headers = {"Authorization": call.authorization.format(token=token)} if call.authorization else {}
        if call.if_match is not None:
            headers["If-Match"] = call.if_match
        sent.append(call)
        before = stored_rows()
        if call.content_type is None:
            response = client.open(url, method=method, json=call.body, headers=headers)
        else:
            response = client.open(url, method=method, data=call.body, headers=headers,
                                   content_type=call.content_type or None)

        assert response.status_code in ANSWERS, (url, call, response.get_data(as_text=True)[:300])
        if response.status_code >= 400:
            error = response.get_json()["error"]
            assert error["status"] == response.status_code and isinstance(error["message"], str) and error["message"]
            if response.status_code == 422:
                assert error["fields"] and all(isinstance(v, str) and v for v in error["fields"].values())
            assert stored_rows() == before, (url, call, response.status_code)
        elif response.status_code == 204:
            assert response.get_data() == b""
        else:
            assert response.is_json and response.headers["ETag"]

    fuzz = given(calls(rule, method, ids))(send)
    for call in nasty_calls(rule, method, ids):
        fuzz = example(call)(fuzz)
    FUZZ(fuzz)()
    assert len(sent) >= EXAMPLES_PER_ENDPOINT
