"""Stored texts refuse control characters, and single-line ones line breaks too: nothing typed into a title or a
link can add lines to the calendar files, mail and CSV files it goes into."""
import pytest

from tests.integration.test_write_api import Api, error, ids  # noqa: F401  (the meeting, its records, a token)

INJECTED = "https://meet.example.org/j/1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:eve@example.org"


@pytest.fixture
def api(client, ids) -> Api:  # noqa: F811
    return Api(client, ids["token"])


@pytest.mark.parametrize("field, value", [
    ("online_link", INJECTED), ("title", "Panel\nATTENDEE:mailto:eve@example.org"), ("title", "Panel\rX"),
    ("thematic_area", "Borders\x0bX"), ("title", "Panel\u2028X"), ("description", "Two\nlines and a bell\x07"),
])
def test_a_session_text_with_a_line_break_or_control_character_is_refused_naming_the_field(api, ids, field, value):
    response = api("PATCH", f"/events/owned/sessions/{ids['session']}", json={field: value},
                   headers={"If-Match": '"1"'})
    assert response.status_code == 422
    status, fields = error(response)
    assert list(fields) == [field]
    assert api("GET", f"/events/owned/sessions/{ids['session']}").get_json()[field] != value


def test_a_description_keeps_its_lines_and_tabs(api, ids):
    response = api("PATCH", f"/events/owned/sessions/{ids['session']}",
                   json={"description": "First line\r\n\tSecond line"}, headers={"If-Match": '"1"'})
    assert response.status_code == 200
    assert response.get_json()["description"] == "First line\r\n\tSecond line"


@pytest.mark.parametrize("kind, field", [("people", "name"), ("people", "position"), ("rooms", "name"),
                                         ("institutions", "acronym")])
def test_a_name_with_a_line_break_is_refused(api, kind, field):
    body = {"name": "Someone", "kind": "government", field: "Line one\nLine two"}
    response = api("POST", f"/events/owned/{kind}", json={key: body[key] for key in ("name", field)}
                   | ({"kind": "government"} if kind == "institutions" else {}))
    assert response.status_code == 422
    assert list(error(response)[1]) == [field]


def test_a_meeting_title_or_short_name_with_a_line_break_is_refused(api):
    response = api("PATCH", "/events/owned", json={"title": "Owned\r\nmeeting", "short_name": "A\nB"},
                   headers={"If-Match": '"1"'})
    assert response.status_code == 422
    assert sorted(error(response)[1]) == ["short_name", "title"]
