"""Bounded input: no request is read past the limit, and odd values anywhere are answered 4xx, never 500."""
import socket
import threading
from datetime import date, datetime

import pytest
from werkzeug.serving import make_server

from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.extensions import db
from planner.operations.registrations import register_participant
from tests.integration.presence_support import csrf_token

DESK = "/events/test-meeting/organise/check-in/2021-10-18"
PARTICIPANTS = "/events/test-meeting/organise/participants/"


@pytest.fixture
def served(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join()
    server.server_close()


def test_a_200_mb_post_is_refused_at_once_without_being_read(served):
    with socket.create_connection(("127.0.0.1", served), timeout=5) as connection:
        connection.sendall(b"POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Content-Type: application/x-www-form-urlencoded\r\n"
                           b"Content-Length: 209715200\r\n\r\nemail=a%40example.org&password=")
        # Only the start of the body was sent: an answer now means the rest was never waited for.
        answer = connection.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413 ")


def test_an_api_body_past_the_limit_is_refused(client, seed):
    with seed() as make:
        token = make.token(make.organiser(meetings=[make.meeting()]))
    response = client.patch("/api/v1/events/test-meeting", data=b"{" + b" " * (5 * 1024 * 1024) + b"}",
                           content_type="application/json", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


@pytest.fixture
def desk(make, sign_in):
    """An organiser's client, and a registration of their meeting, whose sessions have formula-like titles."""
    meeting = make.meeting(first_day=date(2021, 10, 18), last_day=date(2021, 10, 19))
    make.session(meeting, '=HYPERLINK("https://evil.example.org","Click")')
    make.session(meeting, "@SUM(1+1)", starts=datetime(2021, 10, 18, 11))
    registration = register_participant(meeting, make.person(meeting, "Kim"), role=ParticipantRole.EXPERT,
                                        days={date(2021, 10, 18): DayMode.IN_ROOM})
    db.session.commit()
    return sign_in(meeting), registration.id


def test_a_search_of_a_megabyte_at_the_door_is_refused(desk):
    organiser, registration_id = desk
    assert organiser.get(DESK, query_string={"q": "x" * 1_000_000}).status_code == 400
    response = organiser.post(f"{DESK}/{registration_id}", data={"csrf_token": csrf_token(organiser, DESK),
                                                                 "step": "check_in",
                                                                 "q": "x" * 400_000})
    assert response.status_code == 400
    assert organiser.get(DESK, query_string={"q": "Kim"}).status_code == 200


@pytest.mark.parametrize("version", ["²", "①", "9" * 40])
def test_a_version_that_is_not_a_number_is_refused(desk, version):
    organiser, _ = desk
    response = organiser.post(f"{PARTICIPANTS}settings", data={
        "settings-csrf_token": csrf_token(organiser, PARTICIPANTS), "settings-version": version, "settings-registration_open": "y"})
    assert response.status_code == 400


def test_registration_settings_in_year_1_are_refused_naming_the_field(desk):
    organiser, _ = desk
    response = organiser.post(f"{PARTICIPANTS}settings", data={
        "settings-csrf_token": csrf_token(organiser, PARTICIPANTS), "settings-registration_open": "y",
        "settings-registration_closes_at": "0001-01-01T00:00"})
    assert response.status_code == 400
    assert "Registration closes: Give a day between 1900 and 2999." in response.get_data(as_text=True)


def test_csv_exports_write_formula_like_cells_as_text(desk):
    organiser, _ = desk
    text = organiser.get("/events/test-meeting/organise/attendance.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in text and "'@SUM(1+1)" in text
    assert ",=" not in text and ",@" not in text
