"""Every answer carries strict security headers; answers for one organiser or participant are never kept."""
import re
from datetime import date

import pytest

from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.registrations import register_participant

EGM = "/events/egm-border-management-2021"
EVERY_ANSWER = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
          "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@pytest.fixture
def addresses(app, seed, sign_in) -> dict:
    """A sample of each kind of answer, and a client signed in as an organiser of the demo meetings."""
    with seed() as make:
        load_demo_meetings()
        meeting = make.meeting(first_day=date(2021, 10, 18), last_day=date(2021, 10, 19))
        registration = register_participant(meeting, make.person(meeting, "Park", email="park@example.org"),
                                            role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.ONLINE})
        token = issue_personal_token(registration, actor=None)
        db.session.commit()
        session_id = make.session(meeting).id
        make.organiser("owner@example.org", meetings=[meeting])
        api_token = make.token(make.organiser("api@example.org", meetings=[meeting]))
    return {
        "public": ["/", f"{EGM}/", f"{EGM}/days/2021-10-18", f"{EGM}/institutions/", f"{EGM}/programme",
                   f"/events/test-meeting/sessions/{session_id}", "/events/nowhere/", "/static/planner.css"],
        "files": [f"{EGM}/calendar.ics", f"/events/test-meeting/sessions/{session_id}.ics"],
        "public_api": ["/api/v1/events", "/api/v1/events/test-meeting", "/api/v1/events/nowhere"],
        "organiser": ["/organise/", "/events/test-meeting/organise/", "/events/test-meeting/organise/participants/",
                      "/events/test-meeting/organise/timetable/2021-10-18", "/login"],
        "csv": ["/events/test-meeting/organise/attendance.csv"],
        "private_api": ["/api/v1/events/test-meeting/registrations", "/api/v1/events/test-meeting/headcounts"],
        "personal": [f"/my/{token}", f"/my/{token}/programme", f"/my/{token}/calendar.ics", "/my/not-a-token"],
        "api_token": api_token,
    }


def _answers(client, addresses, **kwargs) -> dict:
    return {address: client.get(address, buffered=True, **kwargs) for address in addresses}


def _headers(answers: dict, name: str) -> dict:
    return {address: response.headers.get(name) for address, response in answers.items()}


def test_every_kind_of_answer_forbids_framing_sniffing_and_inline_scripts(client, browser, addresses):
    organiser = browser("owner@example.org")
    answers = {
        **_answers(client, addresses["public"] + addresses["files"] + addresses["public_api"]
                   + addresses["personal"]),
        **_answers(organiser, addresses["organiser"] + addresses["csv"]),
        **_answers(client, addresses["private_api"], headers={"Authorization": f"Bearer {addresses['api_token']}"}),
    }
    assert {address: response.status_code for address, response in answers.items() if response.status_code >= 500} \
        == {}
    for name, value in EVERY_ANSWER.items():
        assert _headers(answers, name) == {address: value for address in answers}
    policies = {address: re.sub(r" 'nonce-[^']+'", "", policy or "")
                for address, policy in _headers(answers, "Content-Security-Policy").items()}
    assert policies == {address: POLICY for address in answers}
    assert _headers(answers, "Strict-Transport-Security") == {address: None for address in answers}


def test_the_inline_stylesheet_of_the_programme_carries_the_nonce_its_policy_names(client, addresses):
    response = client.get(f"{EGM}/programme")
    policy = response.headers["Content-Security-Policy"]
    nonce = policy.split("style-src 'self' 'nonce-")[1].split("'")[0]
    assert f'<style nonce="{nonce}">' in response.get_data(as_text=True)
    assert "onclick" not in response.get_data(as_text=True)
    assert nonce not in client.get(f"{EGM}/programme").headers["Content-Security-Policy"]


def test_personal_addresses_send_no_referrer_and_the_rest_only_their_origin_elsewhere(client, browser, addresses):
    personal = _answers(client, addresses["personal"])
    assert _headers(personal, "Referrer-Policy") == {address: "no-referrer" for address in personal}
    others = {**_answers(client, addresses["public"] + addresses["public_api"]),
              **_answers(browser("owner@example.org"), addresses["organiser"])}
    assert _headers(others, "Referrer-Policy") == {address: "strict-origin-when-cross-origin" for address in others}


def test_what_is_for_one_organiser_or_participant_is_never_kept(client, browser, addresses):
    organiser = browser("owner@example.org")
    private = {
        **_answers(organiser, addresses["organiser"] + addresses["csv"]),
        **_answers(client, [address for address in addresses["personal"] if not address.endswith(".ics")]),
        **_answers(client, addresses["private_api"], headers={"Authorization": f"Bearer {addresses['api_token']}"}),
    }
    assert _headers(private, "Cache-Control") == {address: "private, no-store" for address in private}
    public = _answers(client, addresses["public"] + addresses["public_api"])
    assert {address: value for address, value in _headers(public, "Cache-Control").items()
            if value and "no-store" in value} == {}


def test_over_https_every_answer_asks_for_https_from_then_on(client, addresses):
    answers = _answers(client, addresses["public"][:3] + addresses["personal"][:1], base_url="https://localhost")
    assert _headers(answers, "Strict-Transport-Security") == {address: "max-age=31556926; includeSubDomains"
                                                              for address in answers}
