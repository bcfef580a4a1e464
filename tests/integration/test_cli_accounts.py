"""Organiser accounts and API tokens from the command line: `flask --app planner organiser|token ...`."""
import pytest
from sqlalchemy import select

from planner.extensions import db
from planner.models import TeamMember, User
from tests.conftest import PASSWORD
from tests.integration.browsing import csrf_token_of


@pytest.fixture
def meetings(seed):
    with seed() as make:
        make.meeting(slug="owned", title="Owned meeting")
        make.meeting(slug="second", title="Second meeting")


@pytest.fixture
def accounts(app):
    """Each account as (email, name, slugs of the meetings on whose team it is)."""
    def read():
        with app.app_context():
            users = db.session.scalars(select(User).order_by(User.email)).all()
            return [(u.email, u.name, sorted(m.slug for m in _organised(u))) for u in users]

    return read


def _organised(user):
    return [member.meeting for member in db.session.scalars(select(TeamMember).where(TeamMember.user_id == user.id))]


def test_creating_an_organiser_reads_the_password_from_stdin_and_grants_meetings(runner, meetings, accounts, auth,
                                                                                 client):
    result = runner.invoke(args=["organiser", "create", "Chang@Example.org", "--name", "Chang Wook-jin",
                                 "--meeting", "owned", "--meeting", "second"], input=f"{PASSWORD}\n")
    assert (result.exit_code, result.output) == (0, "Created administrator Chang@Example.org.\n")
    assert accounts() == [("Chang@Example.org", "Chang Wook-jin", ["owned", "second"])]
    assert auth.login("chang@example.org").status_code == 302
    assert client.get("/events/owned/organise/").status_code == 200


@pytest.mark.parametrize("args, password, message", [
    (["organiser", "create", "kim@example.org"], "short\n", "Error: password: Use at least 12 characters.\n"),
    (["organiser", "create", "kim@example.org"], "password1234\n",
     "Error: password: This password is on the lists of the most common passwords; choose another.\n"),
    (["organiser", "create", "kim@example.org"], "Kim@Example.org\n",
     "Error: password: Do not use your email address as your password.\n"),
    (["organiser", "create", "not-an-address"], f"{PASSWORD}\n",
     "Error: email: Give an email address such as name@example.org.\n"),
    (["organiser", "create", "kim@example.org", "--meeting", "nowhere"], f"{PASSWORD}\n",
     "Error: There is no meeting at “nowhere”.\n"),
    (["organiser", "create", "kim@example.org", "--name", "Kim\x00"], f"{PASSWORD}\n",
     "Error: name: The name contains a character that cannot be stored.\n"),
])
def test_an_organiser_that_cannot_be_created_is_not_created_at_all(runner, meetings, accounts, args, password,
                                                                   message):
    result = runner.invoke(args=args, input=password)
    assert (result.exit_code, result.output) == (1, message)
    assert accounts() == []


def test_an_address_has_one_account(runner, meetings, accounts):
    runner.invoke(args=["organiser", "create", "kim@example.org"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["organiser", "create", "KIM@example.org"], input=f"{PASSWORD}\n")
    assert (result.exit_code, result.output) == (1, "Error: email: There is already an account for KIM@example.org.\n")
    assert accounts() == [("kim@example.org", "", [])]


def test_an_address_with_capitals_beyond_ascii_has_one_account_too(runner, meetings, accounts):
    runner.invoke(args=["organiser", "create", "ÉLODIE@example.org"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["organiser", "create", "ÉLODIE@example.org"], input=f"{PASSWORD}\n")
    assert (result.exit_code, result.output) == (
        1, "Error: email: There is already an account for ÉLODIE@example.org.\n")
    assert accounts() == [("ÉLODIE@example.org", "", [])]


def test_granting_a_meeting_to_an_existing_account(runner, meetings, accounts):
    runner.invoke(args=["organiser", "create", "kim@example.org", "--meeting", "owned"], input=f"{PASSWORD}\n")
    first = runner.invoke(args=["organiser", "grant", "Kim@Example.org", "second"])
    again = runner.invoke(args=["organiser", "grant", "kim@example.org", "second"])
    assert [(r.exit_code, r.output) for r in (first, again)] == [
        (0, "kim@example.org is now Organiser of second.\n"), (0, "kim@example.org is now Organiser of second.\n")]
    assert accounts() == [("kim@example.org", "", ["owned", "second"])]


@pytest.mark.parametrize("args, message", [
    (["organiser", "grant", "nobody@example.org", "owned"], "Error: There is no account for nobody@example.org.\n"),
    (["organiser", "grant", "kim@example.org", "nowhere"], "Error: There is no meeting at “nowhere”.\n"),
    (["token", "create", "nobody@example.org"], "Error: There is no account for nobody@example.org.\n"),
])
def test_granting_or_making_a_token_for_what_does_not_exist_is_an_error(runner, meetings, accounts, args, message):
    runner.invoke(args=["organiser", "create", "kim@example.org"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=args)
    assert (result.exit_code, result.output) == (1, message)
    assert accounts() == [("kim@example.org", "", [])]


def test_a_token_made_on_the_command_line_opens_the_api(runner, meetings, client):
    runner.invoke(args=["organiser", "create", "kim@example.org", "--meeting", "owned"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["token", "create", "kim@example.org", "--name", "registration system"])
    secret = result.output.strip()
    assert result.exit_code == 0 and secret.startswith("plnr_") and len(secret) > 40
    response = client.post("/api/v1/events/owned/rooms", json={"name": "Hall A"},
                           headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 201


def test_a_token_made_on_the_command_line_is_listed_on_the_tokens_page_without_its_secret(runner, meetings,
                                                                                          browser):
    runner.invoke(args=["organiser", "create", "kim@example.org"], input=f"{PASSWORD}\n")
    secret = runner.invoke(args=["token", "create", "kim@example.org", "--name", "badge printer"]).output.strip()
    page = browser("kim@example.org").get("/organise/tokens").get_data(as_text=True)
    assert "badge printer" in page and secret[:12] in page and secret not in page


def test_only_the_first_account_of_an_empty_database_is_an_administrator(runner, meetings, app):
    first = runner.invoke(args=["organiser", "create", "first@example.org"], input=f"{PASSWORD}\n")
    second = runner.invoke(args=["organiser", "create", "second@example.org"], input=f"{PASSWORD}\n")
    third = runner.invoke(args=["organiser", "create", "third@example.org", "--administrator"], input=f"{PASSWORD}\n")
    assert [r.output for r in (first, second, third)] == [
        "Created administrator first@example.org.\n", "Created account second@example.org.\n",
        "Created administrator third@example.org.\n"]
    with app.app_context():
        assert [(u.email, u.administrator) for u in db.session.scalars(select(User).order_by(User.id))] == [
            ("first@example.org", True), ("second@example.org", False), ("third@example.org", True)]


def test_door_staff_granted_on_the_command_line_reach_the_desk_only(runner, meetings, browser):
    runner.invoke(args=["organiser", "create", "admin@example.org"], input=f"{PASSWORD}\n")
    runner.invoke(args=["organiser", "create", "door@example.org"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["organiser", "grant", "door@example.org", "owned", "--role", "door_staff"])
    assert (result.exit_code, result.output) == (0, "door@example.org is now Door staff of owned.\n")
    door = browser("door@example.org")
    assert door.get("/events/owned/organise/check-in/2021-10-18").status_code == 200
    assert door.get("/events/owned/organise/timetable/2021-10-18").status_code == 403


def test_a_password_reset_link_from_the_command_line_sets_a_new_password_once(runner, meetings, client, auth):
    runner.invoke(args=["organiser", "create", "kim@example.org"], input=f"{PASSWORD}\n")
    result = runner.invoke(args=["password-reset", "kim@example.org"])
    assert result.exit_code == 0 and result.output.startswith("http://127.0.0.1:5000/password-reset/")
    path = result.output.strip().removeprefix("http://127.0.0.1:5000")
    page = client.get(path)
    new = "a brand new passphrase"
    response = client.post(path, data={"password": new, "confirmation": new, "csrf_token": csrf_token_of(page)})
    assert response.status_code == 302 and response.location == "/login"
    assert client.get(path).status_code == 404
    assert auth.login("kim@example.org", PASSWORD).status_code == 400
    assert auth.login("kim@example.org", new).status_code == 302
