"""The API keeps its published contract: /api/v1/openapi.json describes every route, and every answer
the app gives to calls built from that description is one it describes.

Schemathesis reads the description and, for each operation, sends the app (in-process, through its
WSGI interface, over the test database) the description's own cases (boundaries of every field,
missing and unknown fields, wrong types) and generated ones, valid and invalid, with an organiser's
bearer token. Each answer must not be a 5xx, must have a documented status, content type and
headers, and its body must match the documented schema; an invalid body must be refused.
"""
import itertools
import os
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.definitions import OPENAPI_31_VALIDATOR

from planner import create_app
from planner.web.api.openapi import openapi_document
from planner.web.api.openapi_schemas import LARGEST_ID
from tests.conftest import Factory
from tests.integration.api_support import doomed, one_of_everything

SLUG = "contract"
# Generated calls per operation after the description's own cases (a fixed, derandomised set);
# PLANNER_CONTRACT_EXAMPLES=300 searches harder. It runs on SQLite and PostgreSQL alike: answers' shapes
# do not depend on the database, but server errors do (integer ranges, NUL bytes, text comparison).
EXAMPLES_PER_OPERATION = int(os.environ.get("PLANNER_CONTRACT_EXAMPLES", "10"))


def _bare_app():
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})


CONFIG = {"checks": {
    # A body the description allows may still be refused with a documented 422: the meeting's days, an IANA
    # zone, a free slug, an end after the start are rules of the operations, beyond what a schema can say.
    "positive_data_acceptance": {"enabled": False},
}}


class AppUnderTest:
    """The WSGI application Schemathesis calls: the running test's app, over its database.

    Schemathesis reads the description when this module is imported, before any test's app exists.
    """

    def __init__(self):
        self.app = _bare_app()  # serves the description, needing no database for it

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


UNDER_TEST = AppUnderTest()
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", UNDER_TEST,
                                       config=schemathesis.Config.from_dict(CONFIG))


def _described(document: dict) -> set[tuple[str, str]]:
    return {(path, method.upper()) for path, item in document["paths"].items() for method in item
            if method in ("get", "post", "put", "patch", "delete")}


def _routed(app) -> set[tuple[str, str]]:
    """The app's routes under /api/v1 as OpenAPI paths: ``<int:id>`` as ``{id}``, ``<any(a, b):x>`` once per choice."""
    found = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        paths = [rule.rule.removeprefix("/api/v1")]
        while any(match := re.search(r"<any\(([^)]*)\):\w+>", path) for path in paths):
            paths = [path.replace(match.group(0), choice.strip())
                     for path in paths for choice in match.group(1).split(",")]
        for path in paths:
            path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", r"{\1}", path)
            found |= {(path, method) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return found


def test_the_description_is_served_and_is_valid_openapi_3_1(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200 and response.mimetype == "application/json"
    document = response.get_json()
    assert document == openapi_document() and document["openapi"] == "3.1.0"
    assert [error.message for error in OPENAPI_31_VALIDATOR.iter_errors(document)] == []


def test_every_api_route_is_described_and_nothing_else():
    app = _bare_app()
    routed, described = _routed(app), _described(openapi_document())

    assert routed - described == set(), "Describe these in planner/web/api/openapi.py and docs/API.md"
    assert described - routed == set(), "The description names addresses the app does not have"


def test_the_route_comparison_sees_a_route_nobody_described():
    app = _bare_app()
    app.add_url_rule("/api/v1/events/<slug>/badges/<int:badge_id>", "badge", lambda slug, badge_id: "",
                     methods=["PUT"])

    assert _routed(app) - _described(openapi_document()) == {("/events/{slug}/badges/{badge_id}", "PUT")}


# Schemathesis, over every operation

TOKEN = "Bearer (the organiser's token)"


@schema.auth()
class OrganiserToken:
    """The seeded meeting's organiser, on every call but those meant to go without a valid token.

    Schemathesis builds some cases when it collects the test, before the token exists: ``aim`` puts it in.
    """

    def get(self, case, context):
        return TOKEN

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": data}


# The seeded meeting's records by kind, and its organiser's token, while the test runs.
RECORDS: dict[str, int | str] = {}
PATH_IDS = {"session_id": "sessions", "role_id": "roles", "registration_id": "registrations",
            "document_id": "documents", "slug": "meetings"}
BODY_IDS = {"room_id": "rooms", "parent_id": "block", "person_id": "people", "institution_id": "institutions"}
DOOMED_NUMBERS = itertools.count()  # rooms and institutions have names of their own


@schemathesis.hook  # Schemathesis has this hook only globally: it acts only while this module's test runs
def before_call(context, case, kwargs):
    """Aim each call at the seeded meeting, its records and its organiser's token, so that it reaches the
    views' parsing and the operations rather than a 404 or 422 for an id that names nothing.

    Unknown, foreign and huge ids are sent by test_api_fuzz.py. A deletion gets a record made for
    it, so each one has something to delete. Changed in this hook (not in the test) so that
    Schemathesis revalidates the case: a call whose only invalid part was an id is now a valid call.
    """
    if not RECORDS:
        return
    if (case.headers or {}).get("Authorization") == TOKEN:
        case.headers["Authorization"] = f"Bearer {RECORDS['token']}"
    kind = next((kind for kind in ("rooms", "institutions", "people", "officers")
                 if f"/{kind}/" in case.operation.path), None)
    targets = {"slug": SLUG, "record_id": RECORDS.get(kind),
               **{name: RECORDS[kind] for name, kind in PATH_IDS.items() if name != "slug"}}
    if case.operation.method.upper() == "DELETE":
        last = case.operation.path.rsplit("/", 1)[-1].strip("{}")
        with UNDER_TEST.app.app_context():
            targets[last] = doomed(Factory(), SLUG, PATH_IDS.get(last, kind), next(DOOMED_NUMBERS))
    case.path_parameters.update({name: targets[name] for name in case.path_parameters})
    for values in (case.body, case.body.get("person") if isinstance(case.body, dict) else None):
        if isinstance(values, dict):
            values.update({name: RECORDS[kind] for name, kind in BODY_IDS.items()
                           if type(values.get(name)) is int and 0 <= values[name] <= LARGEST_ID})


@pytest.fixture
def contract_meeting(app, seed):
    """The meeting of docs/API.md's examples, in Seoul on 18–22 October 2021, with one of everything, and its
    organiser's token (an administrator, who may also create meetings)."""
    with seed() as make:
        meeting = make.meeting(slug=SLUG, title="Expert group meeting on border management")
        RECORDS.update(one_of_everything(make, meeting),
                       token=make.token(make.organiser("owner@example.org", meetings=[meeting], administrator=True)))
    bare, UNDER_TEST.app = UNDER_TEST.app, app
    yield
    UNDER_TEST.app = bare
    RECORDS.clear()


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, database=None, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_every_answer_is_one_the_description_gives(case, contract_meeting):
    case.call_and_validate()
