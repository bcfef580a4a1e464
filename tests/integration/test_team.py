"""A meeting's team from the browser: inviting colleagues by email, their roles, and what each role may do."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from planner.database import utcnow
from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.models import Change, Meeting, TeamMember
from planner.operations.team import grant_role, invite
from tests.integration.browsing import csrf_token_of, errors_beside_fields, flashes_of, submit, text_of
from tests.integration.invitation_support import inbox  # noqa: F401  (fixture)

TEAM = "/events/owned/organise/team"
NEW_PASSWORD = "a long and uncommon passphrase"


@pytest.fixture
def owned(seed):
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        make.organiser("owner@example.org", name="Olga Owner", meetings=[meeting])
        return meeting.id


def _link_in(message) -> str:
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/team/join/\S+", text).group(0).removeprefix("http://localhost")


def _invite(client, email: str, role: str = "door_staff"):
    return submit(client, TEAM, {"email": email, "role": role}, action_contains="/invite")


def _team(app) -> list[tuple[str, str]]:
    with app.app_context():
        members = db.session.scalars(select(TeamMember).order_by(TeamMember.id))
        return [(member.user.email, member.role.value) for member in members]


def test_a_colleague_invited_by_email_makes_an_account_and_gets_only_the_desk(app, browser, owned, inbox, client):
    owner = browser("owner@example.org")
    response = _invite(owner, "Door@Example.org")
    assert response.status_code == 302
    assert flashes_of(owner.get(TEAM)) == ["Invited Door@Example.org as Door staff; the link is on its way."]
    [(recipients, message)] = inbox.take()
    assert recipients == ["Door@Example.org"] and message["Subject"] == "You are invited to the team of Owned meeting"
    assert "Olga Owner invites you to join the team of “Owned meeting” as Door staff." in message.get_body(
        preferencelist=("plain",)).get_content()
    assert 'href="http://localhost/team/join/' in message.get_body(preferencelist=("html",)).get_content()
    link = _link_in(message)

    page = client.get(link)
    assert "Join the team of Owned meeting" in text_of(page) and "Door staff" in text_of(page)
    refused = client.post(link, data={"name": "Dana Door", "password": "short", "confirmation": "short",
                                      "csrf_token": csrf_token_of(page)})
    assert refused.status_code == 400
    assert errors_beside_fields(refused) == {"password": ["Use at least 12 characters."]}
    joined = client.post(link, data={"name": "Dana Door", "password": NEW_PASSWORD, "confirmation": NEW_PASSWORD,
                                     "csrf_token": csrf_token_of(page)})
    assert (joined.status_code, joined.location) == (302, "/events/owned/organise/check-in")
    assert client.get("/events/owned/organise/check-in/2021-10-18").status_code == 200
    assert client.get("/events/owned/organise/participants/").status_code == 200
    assert client.get("/events/owned/organise/timetable/2021-10-18").status_code == 403
    assert client.get(TEAM).status_code == 403
    assert client.get(link).status_code == 404  # single use
    assert _team(app) == [("owner@example.org", "organiser"), ("Door@Example.org", "door_staff")]
    with app.app_context():
        summaries = [change.summary for change in db.session.scalars(select(Change).where(
            Change.entity.in_(("teammember", "teaminvitation"))).order_by(Change.id))]
    assert summaries == ["Gave Olga Owner <owner@example.org> the role Organiser", "Invited Door@Example.org to the team as Door staff",
                         "Gave Dana Door <Door@Example.org> the role Door staff",
                         "Door@Example.org accepted the invitation"]


def test_an_existing_account_simply_gains_the_role(app, browser, owned, inbox, seed, client):
    with seed() as make:
        make.organiser("colleague@example.org")
    _invite(browser("owner@example.org"), "colleague@example.org", "organiser")
    link = _link_in(inbox.take()[0][1])
    page = client.get(link)
    assert "You already have an account (colleague@example.org)" in text_of(page)
    response = client.post(link, data={"csrf_token": csrf_token_of(page)})
    assert (response.status_code, response.location) == (302, "/login")
    assert browser("colleague@example.org").get("/events/owned/organise/timetable/2021-10-18").status_code == 200
    assert ("colleague@example.org", "organiser") in _team(app)


def test_resending_replaces_the_link_and_withdrawing_ends_it(browser, owned, inbox, client):
    owner = browser("owner@example.org")
    _invite(owner, "late@example.org")
    first = _link_in(inbox.take()[0][1])
    response = submit(owner, TEAM, action_contains="/resend")
    assert response.status_code == 302
    second = _link_in(inbox.take()[0][1])
    assert (client.get(first).status_code, client.get(second).status_code) == (404, 200)
    submit(owner, TEAM, action_contains="/withdraw")
    assert client.get(second).status_code == 404
    assert "Invitations waiting for an answer" not in text_of(owner.get(TEAM))


def test_an_invitation_link_works_for_seven_days(app, owned, client):
    with app.app_context():
        meeting = db.session.get(Meeting, owned)
        _, old = invite(meeting, "old@example.org", TeamRole.ORGANISER, actor=None,
                        now=utcnow() - timedelta(days=7, minutes=1))
        _, fresh = invite(meeting, "fresh@example.org", TeamRole.ORGANISER, actor=None,
                          now=utcnow() - timedelta(days=6, hours=23))
        db.session.commit()
    assert [client.get(f"/team/join/{secret}").status_code for secret in (old, fresh)] == [404, 200]


def test_the_last_organiser_cannot_be_removed_or_demoted(app, browser, owned):
    owner = browser("owner@example.org")
    refused = "A meeting needs at least one organiser: give someone else the role first."
    submit(owner, TEAM, {"role": "door_staff"}, action_contains="/role")
    assert flashes_of(owner.get(TEAM)) == [refused]
    submit(owner, TEAM, action_contains="/remove")
    assert flashes_of(owner.get(TEAM)) == [refused]
    assert _team(app) == [("owner@example.org", "organiser")]


def test_a_role_removed_stops_the_colleagues_open_pages(app, browser, owned, seed):
    with seed() as make:
        meeting = db.session.get(Meeting, owned)
        make.organiser("second@example.org", meetings=[meeting])
    second = browser("second@example.org")
    assert second.get("/events/owned/organise/").status_code == 200
    owner = browser("owner@example.org")
    page = owner.get(TEAM)
    with app.app_context():
        member_id = next(member.id for member in db.session.scalars(select(TeamMember))
                         if member.user.email == "second@example.org")
    owner.post(f"{TEAM}/{member_id}/remove", data={"csrf_token": csrf_token_of(page)})
    assert flashes_of(owner.get(TEAM)) == ["second@example.org is no longer on this meeting's team."]
    assert second.get("/events/owned/organise/").status_code == 403


def test_without_a_mail_server_the_organiser_is_given_the_link_to_pass_on(browser, owned, client):
    owner = browser("owner@example.org")
    response = _invite(owner, "someone@example.org")
    assert response.status_code == 200
    assert "This site sends no email: give your colleague this link yourself." in text_of(response)
    link = re.search(r'<code id="invitation-link">http://localhost(/team/join/[^<]+)</code>',
                     response.get_data(as_text=True)).group(1)
    assert client.get(link).status_code == 200


@pytest.mark.parametrize("email, message", [
    ("not an address", "Give an email address such as name@example.org."),
    ("owner@example.org", "owner@example.org is already on this meeting's team; change their role below."),
])
def test_an_invitation_that_cannot_be_made_says_why_beside_the_field(browser, owned, stored_rows, email, message):
    owner = browser("owner@example.org")
    before = stored_rows()
    response = _invite(owner, email)
    assert response.status_code == 400
    assert errors_beside_fields(response) == {"email": [message]}
    assert stored_rows() == before


def test_door_staff_see_the_list_of_participants_without_its_forms(browser, owned, seed):
    with seed() as make:
        meeting = db.session.get(Meeting, owned)
        door = make.organiser("door@example.org")
        grant_role(meeting, door, TeamRole.DOOR_STAFF, actor=None)
        db.session.commit()
    page = text_of(browser("door@example.org").get("/events/owned/organise/participants/"))
    assert "Headcounts" in page
    assert "Register a participant" not in page and "Import from a CSV file" not in page
    assert "Timetable" not in page  # the menu offers only what door staff may open

