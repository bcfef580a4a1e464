"""Only a meeting's organisers change it: every state-changing route, found in the URL map, refuses everyone else.

The routes are read from the application's URL map, so a route added without protection
makes these tests fail; a route with an argument they do not know fails them too, until
the table below says which record the argument names.
"""
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

import pytest

from planner import create_app
from planner.database import utcnow
from planner.domain.vocabulary import BatchKind, DayMode, OfficerRole, ParticipantRole, Role, TeamRole
from planner.extensions import db
from planner.operations.agenda import assign_role
from planner.operations.officers import add_officer
from planner.operations.invitation_batches import start_batch
from planner.operations.presence import import_online_report
from planner.operations.registrations import register_participant
from planner.operations.team import grant_role, invite
from tests.integration.browsing import csrf_token_of, form_of, forms_of, text_of
from tests.integration.document_support import put_document

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
ONLINE_REPORT = b"Name (original name),User Email,Join time,Leave time\nKim Min-ji,kim@example.org,2021-10-18 09:00,2021-10-18 10:00\n"
DIRECTORY_KINDS = ("rooms", "institutions", "people")

# State-changing routes that are not an organiser's change to a meeting: they belong to the
# signed-in account (any account may use them for itself), or to the public by design.
# Each has its own test below or in its own module.
NOT_ORGANISERS_ONLY = {
    "auth.login_page": "signing in is how anyone becomes an organiser in this browser",
    "auth.request_password_reset": "anyone may ask; the answer is the same whether or not the account exists",
    "auth.reset_password_page": "the secret in the emailed link is the credential (test_accounts.py)",
    "auth.join_team": "the secret in the emailed invitation is the credential (test_team.py)",
    "organise.account": "changes the signed-in account's own password",
    "organise.end_one_sign_in": "ends one of the account's own sign-ins; another's answers 404",
    "organise.account_action": "administrators only (test_accounts.py)",
    "registration.register": "the public registration form: anyone may register while the organisers keep it open",
    "auth.logout": "signs the account itself out",
    "organise.new_meeting": "administrators create meetings and become their organisers (below)",
    "personal.page": "a participant's own page at a secret address (tests/integration/test_personal_page.py)",
    "organise.tokens": "creates a token for the account itself",
    "organise.revoke": "revokes one of the account's own tokens; another's answers 404",
    "api.create_event": "administrators create meetings and become their organisers (below)",
    "organise.import_meeting_page": "administrators and any meeting's organisers restore an export as a new meeting "
                                    "(test_archive.py)",
}


def _url_map():
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"}).url_map


def _argument_choices(rule) -> list[dict[str, str]]:
    """One case per value of each fixed-choice argument (``any(...)``, a directory ``kind``)."""
    cases: list[dict[str, str]] = [{}]
    for name, converter in sorted(rule._converters.items()):
        items = sorted(getattr(converter, "items", ())) or (DIRECTORY_KINDS if name == "kind" else ())
        if items:
            cases = [{**case, name: item} for case in cases for item in items]
    return cases


@dataclass(frozen=True)
class Route:
    rule: str
    method: str
    endpoint: str
    choice: tuple[tuple[str, str], ...]

    def __str__(self) -> str:
        return " ".join([self.method, self.rule, *(f"{k}={v}" for k, v in self.choice)])


def routes(methods: set[str], wanted) -> list[Route]:
    found = []
    for rule in sorted(_url_map().iter_rules(), key=lambda r: r.rule):
        for method in sorted(rule.methods & methods):
            if wanted(rule):
                found += [Route(rule.rule, method, rule.endpoint, tuple(choice.items()))
                          for choice in _argument_choices(rule)]
    return found


def _deletes_last(route: Route) -> tuple:
    """The organiser's own requests run in this order, so a deletion does not hide the routes after it."""
    deleting = route.method == "DELETE" or route.rule.endswith("/delete") or ("action", "remove") in route.choice
    return (deleting, route.rule == "/events/<slug>/organise/delete", str(route))


@dataclass
class World:
    """A meeting with one of everything, its organiser, and a stranger who organises another meeting."""

    ids: dict[str, int]
    owner_token: str
    stranger_token: str
    door_token: str
    administrator_token: str


@pytest.fixture
def world(seed) -> World:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        room = make.room(meeting, "Hall A", capacity=50)
        institution = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
        person = make.person(meeting, "Kim Min-ji", institution=institution)
        other_person = make.person(meeting, "Lee Ji-ho")
        block = make.session(meeting, "Working session", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12),
                             room=room)
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45),
                     room=room, parent=block)
        role = assign_role(block, person, Role.CHAIR)
        assign_role(block, other_person, Role.SPEAKER)
        officer = add_officer(meeting, other_person, OfficerRole.CO_CHAIR)
        registration = register_participant(meeting, person, role=ParticipantRole.EXPERT,
                                            days={date(2021, 10, 18): DayMode.IN_ROOM})
        report = import_online_report(meeting, ONLINE_REPORT, filename="zoom.csv", zone_name="Asia/Seoul",
                                      actor=None).report
        batch = start_batch(meeting, BatchKind.INVITATIONS, total=0, actor=None, now=utcnow())
        document = put_document(meeting, title="Concept note", session=block)
        db.session.commit()
        owner = make.organiser("owner@example.org", meetings=[meeting])
        owner_token = make.token(owner, "owner's script")
        stranger = make.organiser("stranger@example.org", meetings=[make.meeting(slug="their-own")])
        stranger_token = make.token(stranger, "stranger's script")
        door = make.organiser("door@example.org")
        door_member = grant_role(meeting, door, TeamRole.DOOR_STAFF, actor=None)
        invitation, _ = invite(meeting, "colleague@example.org", TeamRole.ORGANISER, actor=owner)
        db.session.commit()
        administrator = make.organiser("admin@example.org", administrator=True)
        ids = dict(rooms=room.id, institutions=institution.id, people=person.id, session=block.id, role=role.id,
                   token=owner.tokens[0].id, registration=registration.id, report=report.id, batch=batch.id,
                   member=door_member.id, invitation=invitation.id, user=door.id, document=document.id,
                   revision=document.languages[0].revisions[0].id, officers=officer.id)
        return World(ids, owner_token, stranger_token, make.token(door, "door's script"),
                     make.token(administrator, "administrator's script"))


def _url(route: Route, world: World, slug: str = "owned") -> str:
    rule = next(r for r in _url_map().iter_rules() if r.rule == route.rule)
    choice = dict(route.choice)
    values = {"slug": slug, "session_id": world.ids["session"], "role_id": world.ids["role"],
              "token_id": world.ids["token"], "registration_id": world.ids["registration"],
              "report_id": world.ids["report"], "batch_id": world.ids["batch"], "member_id": world.ids["member"],
              "invitation_id": world.ids["invitation"], "user_id": world.ids["user"], "sign_in_id": 1,
              "document_id": world.ids["document"], "revision_id": world.ids["revision"], "language": "en",
              "code": "not.a-badge-code",
              "officer_id": world.ids["officers"],
              "day": date(2021, 10, 18), **choice}
    if "kind" in choice:
        values["record_id"] = world.ids[choice["kind"]]
    unknown = set(rule.arguments) - set(values)
    assert not unknown, f"{route.rule}: tell this test which record {sorted(unknown)} names"
    return rule.build(values, append_unknown=False)[1]


def _send(client, method: str, url: str, *, csrf: str | None = None, token: str | None = None, data=None):
    headers = {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    if method == "GET":
        return client.get(url, headers=headers)
    if url.startswith("/api/"):
        if csrf:
            headers["X-CSRFToken"] = csrf
        return client.open(url, method=method, json=data or {}, headers=headers)
    form = dict(data or {})
    if csrf:
        form["csrf_token"] = csrf
    return client.open(url, method=method, data=form, headers=headers)


def _login_redirect(response) -> bool:
    return response.status_code == 302 and urlsplit(response.location).path == "/login"


def _answer(response) -> str:
    """How a request was answered, in a word: login (sent to sign in), csrf (refused for its token), or the status."""
    if _login_redirect(response):
        return "login"
    if response.status_code == 400 and "The CSRF token is missing." in text_of(response):
        return "csrf"
    return str(response.status_code)


def _form_data_the_owner_sees(owner, url: str, method: str) -> dict:
    """What the organiser's form at ``url`` would send, so a refusal is about who sends it, not what."""
    if url.startswith("/api/") or method != "POST":
        return {}
    page = owner.get(url)
    if page.status_code != 200 or not any(form.method == "post" and form.action != "/logout"
                                          for form in forms_of(page)):
        return {}
    values = form_of(page).values()
    values.pop("csrf_token", None)
    return values


# Open without signing in: the secret in a personal address is itself the credential.
OPEN_TO_ANYONE = {"auth.login_page", "registration.register", "personal.page", "auth.request_password_reset",
                  "auth.reset_password_page", "auth.join_team"}
MEETING_WRITES = routes(WRITE_METHODS, lambda rule: rule.endpoint not in NOT_ORGANISERS_ONLY)
# Door staff tick people in at the desk (tests/integration/test_check_in.py), and read the desk and the list.
DOOR_STAFF_WRITES = {"organise.tick"}
DOOR_STAFF_READS = {"GET /events/<slug>/organise/check-in", "GET /events/<slug>/organise/check-in/<isodate:day>",
                    "GET /events/<slug>/organise/participants/", "GET /events/<slug>/organise/participants/list",
                    "GET /events/<slug>/organise/participants/list.<any(csv, xlsx):spreadsheet> spreadsheet=csv",
                    "GET /events/<slug>/organise/participants/list.<any(csv, xlsx):spreadsheet> spreadsheet=xlsx",
                    "GET /events/<slug>/organise/check-in/badge/<code>"}


def test_no_one_but_an_organiser_changes_a_meeting(browser, world, stored_rows):
    owner = browser("owner@example.org")
    anonymous = browser()
    anonymous_csrf = csrf_token_of(anonymous.get("/login"))
    stranger = browser("stranger@example.org")
    stranger_csrf = csrf_token_of(stranger.get("/organise/tokens"))
    door = browser("door@example.org")
    door_csrf = csrf_token_of(door.get("/organise/tokens"))
    before = stored_rows()
    answers, expected = {}, {}
    for route in MEETING_WRITES:
        url = _url(route, world)
        data = _form_data_the_owner_sees(owner, url, route.method)
        answers[str(route)] = {
            "anonymous": _answer(_send(anonymous, route.method, url, data=data)),
            "anonymous with a CSRF token": _answer(_send(anonymous, route.method, url, csrf=anonymous_csrf, data=data)),
            "stranger's browser": _answer(_send(stranger, route.method, url, csrf=stranger_csrf, data=data)),
        }
        expected[str(route)] = {"anonymous": "csrf", "anonymous with a CSRF token": "login",
                                "stranger's browser": "403"}
        if route.endpoint not in DOOR_STAFF_WRITES:
            answers[str(route)]["door staff's browser"] = _answer(_send(door, route.method, url, csrf=door_csrf,
                                                                        data=data))
            expected[str(route)]["door staff's browser"] = "403"
        if url.startswith("/api/"):
            for who, token in (("stranger's token", world.stranger_token), ("door staff's token", world.door_token)):
                answers[str(route)][who] = _answer(_send(browser(), route.method, url, token=token))
            expected[str(route)] = {"anonymous": "401", "anonymous with a CSRF token": "401",
                                    "stranger's browser": "403", "door staff's browser": "403",
                                    "stranger's token": "403", "door staff's token": "403"}
    assert answers == expected
    assert stored_rows() == before


@pytest.mark.parametrize("who", ["owner", "admin"])
def test_the_organiser_passes_every_door_the_others_are_refused_at(browser, world, who):
    """The requests above, sent by the organiser or an administrator, are not refused for who sends them
    (some are for what)."""
    owner = browser(f"{who}@example.org")
    token = world.owner_token if who == "owner" else world.administrator_token
    csrf = csrf_token_of(owner.get("/organise/tokens"))
    answers = {}
    for route in sorted(MEETING_WRITES, key=_deletes_last):
        url = _url(route, world)
        if url.startswith("/api/"):
            answers[str(route)] = _answer(_send(owner, route.method, url, token=token))
        else:
            data = _form_data_the_owner_sees(owner, url, route.method)
            answers[str(route)] = _answer(_send(owner, route.method, url, csrf=csrf, data=data))
    assert {route: answer for route, answer in answers.items() if answer in ("login", "csrf", "401", "403")} == {}
    assert {route: answer for route, answer in answers.items() if answer.startswith("5")} == {}


def test_every_state_changing_route_refuses_anyone_not_signed_in(browser, world, stored_rows):
    anonymous = browser()
    csrf = csrf_token_of(anonymous.get("/login"))
    before = stored_rows()
    answers = {str(route): _answer(_send(anonymous, route.method, _url(route, world), csrf=csrf))
               for route in routes(WRITE_METHODS, lambda rule: rule.endpoint not in OPEN_TO_ANYONE)}
    assert answers == {route: "401" if " /api/" in route else "login" for route in answers}
    assert stored_rows() == before


CROSS_MEETING = routes(WRITE_METHODS | {"GET"}, lambda rule: rule.endpoint not in NOT_ORGANISERS_ONLY and "slug" in
                       rule.arguments and bool(rule.arguments & {"record_id", "session_id", "role_id",
                                                                 "registration_id", "batch_id"}))


def test_an_organiser_reaches_no_record_of_another_meeting_through_their_own(browser, world, stored_rows):
    stranger = browser("stranger@example.org")
    csrf = csrf_token_of(stranger.get("/organise/tokens"))
    before = stored_rows()
    answers = {}
    for route in CROSS_MEETING:
        url = _url(route, world, slug="their-own")
        if url.startswith("/api/"):
            answers[str(route)] = _answer(_send(stranger, route.method, url, token=world.stranger_token))
        else:
            answers[str(route)] = _answer(_send(stranger, route.method, url, csrf=csrf))
    assert answers == {route: "404" for route in answers}
    assert stored_rows() == before


ORGANISER_READS = routes({"GET"}, lambda rule: rule.endpoint.startswith("organise.") and "slug" in rule.arguments)


def test_organiser_pages_are_for_the_meetings_organisers_only(browser, world):
    anonymous, stranger, owner = browser(), browser("stranger@example.org"), browser("owner@example.org")
    door, administrator = browser("door@example.org"), browser("admin@example.org")
    answers = {str(route): {"anonymous": _answer(anonymous.get(_url(route, world))),
                            "stranger": _answer(stranger.get(_url(route, world))),
                            "door staff": _answer(door.get(_url(route, world))),
                            "organiser": _answer(owner.get(_url(route, world))),
                            "administrator": _answer(administrator.get(_url(route, world)))}
               for route in ORGANISER_READS}
    # To the first day's timetable, and to today's (or the first day's) check-in desk, also from a badge's code.
    redirects = {"GET /events/<slug>/organise/timetable", "GET /events/<slug>/organise/check-in",
                 "GET /events/<slug>/organise/check-in/badge/<code>"}
    allowed = {route: "302" if route in redirects else "200" for route in answers}
    assert answers == {route: {"anonymous": "login", "stranger": "403",
                               "door staff": allowed[route] if route in DOOR_STAFF_READS else "403",
                               "organiser": allowed[route], "administrator": allowed[route]} for route in answers}


def test_a_draft_meeting_is_not_there_for_anyone_off_its_team(browser, world, seed):
    with seed() as make:
        make.meeting(slug="draft", title="Draft meeting", published=False)
    stranger, administrator = browser("stranger@example.org"), browser("admin@example.org")
    urls = ["/events/draft/organise/", "/events/draft/organise/timetable/2021-10-18", "/events/draft/organise/team"]
    assert [stranger.get(url).status_code for url in urls] == [404, 404, 404]
    assert [administrator.get(url).status_code for url in urls] == [200, 200, 200]
    api = browser().get("/api/v1/events/draft/conflicts", headers={"Authorization": f"Bearer {world.stranger_token}"})
    assert api.status_code == 404


def test_organiser_reads_in_the_api_need_an_organisers_token(browser, world):
    urls = ["/api/v1/events/owned/conflicts", *(f"/api/v1/events/owned/{kind}/{world.ids[kind]}"
                                                 for kind in DIRECTORY_KINDS)]
    answers = {url: [browser().get(url, headers=headers).status_code for headers in (
        {}, {"Authorization": f"Bearer {world.stranger_token}"}, {"Authorization": f"Bearer {world.owner_token}"},
    )] for url in urls}
    assert answers == {url: [401, 403, 200] for url in urls}


def test_the_user_scoped_routes_named_above_exist():
    assert set(NOT_ORGANISERS_ONLY) <= {rule.endpoint for rule in _url_map().iter_rules()}


def test_a_stranger_cannot_revoke_an_organisers_token(browser, world, stored_rows):
    stranger = browser("stranger@example.org")
    before = stored_rows()
    response = stranger.post(f"/organise/tokens/{world.ids['token']}/revoke",
                             data={"csrf_token": csrf_token_of(stranger.get("/organise/tokens"))})
    assert response.status_code == 404
    assert stored_rows() == before
    assert browser().get("/api/v1/events/owned/conflicts",
                         headers={"Authorization": f"Bearer {world.owner_token}"}).status_code == 200


def test_only_administrators_create_meetings_and_organise_those_they_make(browser, world):
    stranger = browser("stranger@example.org")
    response = stranger.post("/api/v1/events", headers={"Authorization": f"Bearer {world.stranger_token}"}, json={
        "slug": "stranger-2022", "title": "Stranger's second meeting", "first_day": "2022-05-02",
        "last_day": "2022-05-03", "timezone": "Europe/Zurich", "format": "hybrid",
    })
    assert response.status_code == 403
    response = browser().post("/api/v1/events", headers={"Authorization": f"Bearer {world.administrator_token}"},
                              json={"slug": "admin-2022", "title": "A new meeting", "first_day": "2022-05-02",
                                    "last_day": "2022-05-03", "timezone": "Europe/Zurich", "format": "hybrid"})
    assert response.status_code == 201
    assert browser("admin@example.org").get("/events/admin-2022/organise/team").status_code == 200
    assert browser("stranger@example.org").get("/events/admin-2022/organise/").status_code == 404
    assert browser("stranger@example.org").get("/organise/meetings/new").status_code == 403
