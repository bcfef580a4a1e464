"""Every browser POST carries the page's CSRF token; without it the request is refused and nothing changes.

The JSON API is exempt from form tokens: it takes a bearer token, or a signed-in browser
session that sends the page's token in the X-CSRFToken header.
"""
import re
from datetime import date, datetime

import pytest

from planner import create_app
from planner.domain.vocabulary import DayMode, OfficerRole, ParticipantRole, Role
from planner.extensions import db
from planner.operations.agenda import assign_role
from planner.operations.officers import add_officer
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.presence import import_online_report
from planner.operations.registrations import register_participant
from tests.integration.browsing import csrf_token_of, forms_of, submit, text_of
from tests.integration.document_support import put_document


ONLINE_REPORT = b"Name,Email,Join time,Leave time\nKim Min-ji,kim@example.org,2021-10-18 09:00,2021-10-18 10:00\n"


def _browser_posts() -> list[str]:
    url_map = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"}).url_map
    return sorted({rule.rule for rule in url_map.iter_rules() if "POST" in rule.methods and not
                   rule.rule.startswith("/api/")})


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned")
        room = make.room(meeting, "Hall A")
        institution = make.institution(meeting)
        person = make.person(meeting, institution=institution)
        session = make.session(meeting, "Panel", datetime(2021, 10, 18, 9), room=room)
        role = assign_role(session, person, Role.CHAIR)
        officer = add_officer(meeting, person, OfficerRole.CHAIR)
        registration = register_participant(meeting, person, role=ParticipantRole.EXPERT,
                                            days={date(2021, 10, 18): DayMode.ONLINE})
        meeting.registration_open = True
        personal = issue_personal_token(registration, actor=None)
        report = import_online_report(meeting, ONLINE_REPORT, filename="zoom.csv", zone_name="Asia/Seoul",
                                      actor=None).report
        document = put_document(meeting, title="Concept note")
        db.session.commit()
        owner = make.organiser("owner@example.org", meetings=[meeting])
        token = make.token(owner)
        return dict(rooms=room.id, institutions=institution.id, people=person.id, session=session.id,
                    role=role.id, token=owner.tokens[0].id, secret=token, registration=registration.id,
                    personal=personal, report=report.id, document=document.id, officer=officer.id)


def _urls(ids: dict) -> dict[str, str]:
    """Each browser POST route, made concrete with this meeting's records."""
    urls = {}
    for rule in _browser_posts():
        url = (rule.replace("<slug>", "owned").replace("<int:session_id>", str(ids["session"]))
               .replace("<int:role_id>", str(ids["role"])).replace("<int:token_id>", str(ids["token"]))
               .replace("<int:registration_id>", str(ids["registration"])).replace("<token>", ids["personal"])
               .replace("<int:report_id>", str(ids["report"])).replace("<isodate:day>", "2021-10-18")
               .replace("<int:member_id>", "1").replace("<int:invitation_id>", "1").replace("<int:user_id>", "1")
               .replace("<int:sign_in_id>", "1").replace("<secret>", "not-a-secret")
               .replace("<int:document_id>", str(ids["document"])).replace("<language>", "en")
               .replace("<int:officer_id>", str(ids["officer"])))
        if "<kind>" in url:
            for kind in ("rooms", "institutions", "people"):
                urls[f"{rule} ({kind})"] = url.replace("<kind>", kind).replace("<int:record_id>", str(ids[kind]))
        elif match := re.search(r"<any\(([^)]*)\):action>", url):
            for action in (name.strip("'") for name in match.group(1).split(", ")):
                urls[f"{rule} ({action})"] = url.replace(match.group(0), action)
        else:
            urls[rule] = url
    assert all("<" not in url for url in urls.values()), urls
    return urls


def _form_data(client, url: str) -> dict:
    """What the page at ``url`` would post back to ``url``, as its form stands."""
    page = client.get(url)
    forms = [form for form in forms_of(page) if form.method == "post" and form.action in ("", url)]
    return forms[0].values() if page.status_code == 200 and forms else {}


@pytest.mark.parametrize("token, message", [(None, "The CSRF token is missing."),
                                            ("not-a-token", "The CSRF token is invalid.")])
def test_a_browser_post_without_its_token_is_refused_and_changes_nothing(browser, ids, stored_rows, token, message):
    organiser = browser("owner@example.org")
    before = stored_rows()
    answers = {}
    for name, url in _urls(ids).items():
        data = _form_data(organiser, url)
        data.pop("csrf_token", None)
        if token:
            data["csrf_token"] = token
        response = organiser.post(url, data=data)
        answers[name] = (response.status_code, message in text_of(response))
    assert answers == {name: (400, True) for name in answers}
    assert stored_rows() == before
    assert organiser.get("/organise/").status_code == 200  # still signed in: /logout was refused too


def test_a_token_from_another_browser_does_not_count(browser, ids, stored_rows):
    organiser, other = browser("owner@example.org"), browser()
    before = stored_rows()
    data = _form_data(organiser, "/events/owned/organise/rooms/")
    data.update(name="Hall B", csrf_token=csrf_token_of(other.get("/login")))
    response = organiser.post("/events/owned/organise/rooms/", data=data)
    assert (response.status_code, "The CSRF tokens do not match." in text_of(response)) == (400, True)
    assert stored_rows() == before


def test_the_same_form_with_its_token_goes_through(browser, ids):
    organiser = browser("owner@example.org")
    response = submit(organiser, "/events/owned/organise/rooms/", {"name": "Hall B", "capacity": "40"})
    assert (response.status_code, response.location) == (302, "/events/owned/organise/rooms/")
    assert "Hall B" in text_of(organiser.get("/events/owned/organise/rooms/"))


def test_signing_in_without_the_token_is_refused(client, seed):
    with seed() as make:
        make.organiser("owner@example.org")
    response = client.post("/login", data={"email": "owner@example.org", "password": "correct horse battery staple"})
    assert response.status_code == 400
    assert client.get("/organise/").status_code == 302  # still signed out


def test_a_signed_in_browser_calls_the_api_with_the_pages_token_in_a_header(browser, ids, stored_rows):
    organiser = browser("owner@example.org")
    page_token = csrf_token_of(organiser.get("/events/owned/organise/timetable/2021-10-18"))
    url = f"/api/v1/events/owned/sessions/{ids['session']}"
    before = stored_rows()

    missing = organiser.patch(url, json={"title": "Renamed"})
    wrong = organiser.patch(url, json={"title": "Renamed"}, headers={"X-CSRFToken": "forged"})
    in_form_field = organiser.patch(url, json={"title": "Renamed", "csrf_token": page_token})
    assert [(r.status_code, r.get_json()["error"]["message"]) for r in (missing, wrong, in_form_field)] == [
        (400, "The CSRF token is missing. Send the page's token in the X-CSRFToken header."),
        (400, "The CSRF token is invalid. Send the page's token in the X-CSRFToken header."),
        (400, "The CSRF token is missing. Send the page's token in the X-CSRFToken header."),
    ]
    assert stored_rows() == before

    sent = organiser.patch(url, json={"title": "Renamed"}, headers={"X-CSRFToken": page_token})
    assert (sent.status_code, sent.get_json()["title"]) == (200, "Renamed")


def test_a_bearer_token_needs_no_csrf_token(client, ids):
    response = client.patch(f"/api/v1/events/owned/sessions/{ids['session']}", json={"title": "Renamed"},
                            headers={"Authorization": f"Bearer {ids['secret']}"})
    assert (response.status_code, response.get_json()["title"]) == (200, "Renamed")


def test_a_csrf_header_alone_does_not_sign_anyone_in(client, ids, stored_rows):
    before = stored_rows()
    response = client.patch(f"/api/v1/events/owned/sessions/{ids['session']}", json={"title": "Renamed"},
                            headers={"X-CSRFToken": csrf_token_of(client.get("/login"))})
    assert (response.status_code, response.get_json()["error"]["message"]) == (
        401, "Changes need a bearer token (Authorization: Bearer …).")
    assert stored_rows() == before
