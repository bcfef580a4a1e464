"""The write API, as an integrator's client sees it: what each call stores and answers, and how it refuses."""
from datetime import date, datetime

import pytest

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.models import Meeting, Person, User
from planner.operations.agenda import assign_role
from tests.integration.browsing import errors_beside_fields, submit, text_of


@pytest.fixture
def ids(seed) -> dict:
    """A published meeting in Seoul, 18–22 October 2021, with a room, an institution, a person and a session."""
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        room = make.room(meeting, "Hall A", capacity=80)
        make.room(meeting, "SALLE ÉTÉ")
        make.institution(meeting, "MINISTÈRE")
        institution = make.institution(meeting, "Ministry of Justice", acronym="MOJ", country="Republic of Korea")
        person = make.person(meeting, "Kim Min-ji", honorific="Dr", institution=institution)
        session = make.session(meeting, "Panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room)
        # An administrator too, since the tests below also create meetings.
        owner = make.organiser("owner@example.org", meetings=[meeting], administrator=True)
        elsewhere = make.meeting(slug="elsewhere", title="Another meeting")
        foreign = dict(room=make.room(elsewhere, "Hall Z").id, person=make.person(elsewhere, "Someone Else").id,
                       institution=make.institution(elsewhere, "Elsewhere Institute").id,
                       session=make.session(elsewhere, "Elsewhere panel").id)
        return dict(meeting=meeting.id, room=room.id, institution=institution.id, person=person.id,
                    session=session.id, token=make.token(owner), foreign=foreign)


class Api:
    def __init__(self, client, token: str | None):
        self.client, self.token = client, token

    def __call__(self, method: str, url: str, **kwargs):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        headers.update(kwargs.pop("headers", {}))
        return self.client.open(f"/api/v1{url}", method=method, headers=headers, **kwargs)


@pytest.fixture
def api(client, ids) -> Api:
    return Api(client, ids["token"])


def error(response) -> tuple:
    body = response.get_json()["error"]
    assert body["status"] == response.status_code
    return (response.status_code, body.get("fields", body["message"]))


# Meetings

NEW_EVENT = {"slug": "border-2022", "title": "Regional workshop on border security", "first_day": "2022-03-21",
             "last_day": "2022-03-23", "timezone": "Europe/Zurich", "format": "in_person"}


def test_creating_an_event_answers_201_with_its_address_and_version(api, browser):
    response = api("POST", "/events", json={**NEW_EVENT, "venue": "Geneva", "published": True})
    assert (response.status_code, response.headers["Location"], response.headers["ETag"]) == (
        201, "http://localhost/api/v1/events/border-2022", '"1"')
    created = response.get_json()
    # The whole meeting, as its organiser reads it.
    assert created == {
        "slug": "border-2022", "title": "Regional workshop on border security", "short_name": "",
        "first_day": "2022-03-21", "last_day": "2022-03-23", "timezone": "Europe/Zurich", "venue": "Geneva",
        "format": "in_person", "language": "en", "url": "http://localhost/events/border-2022/",
        "api_url": "http://localhost/api/v1/events/border-2022", "published": True, "online_link": "",
        "reader_timezone": "Europe/Zurich", "hosts": "", "description": "", "contact_email": "",
        "days": ["2022-03-21", "2022-03-22", "2022-03-23"], "officers": [], "rooms": [], "institutions": [],
        "people": [], "documents": [], "sessions": [], "version": 1,
    }
    public = {name: value for name, value in created.items() if name not in ("published", "online_link")}
    assert browser().get("/api/v1/events/border-2022").get_json() == public


def test_creating_an_event_without_its_required_fields_names_each(api, stored_rows):
    before = stored_rows()
    response = api("POST", "/events", json={"venue": "Geneva", "colour": "blue"})
    assert error(response) == (422, {
        "colour": "This field is not known here.", "slug": "This field is required.",
        "title": "This field is required.", "first_day": "This field is required.",
        "last_day": "This field is required.", "timezone": "This field is required.",
        "format": "This field is required.",
    })
    assert response.get_json()["error"]["message"] == "Some fields are not valid; nothing was changed."
    assert stored_rows() == before


@pytest.mark.parametrize("changes, fields", [
    ({"first_day": "21/03/2022"}, {"first_day": "Give a date as YYYY-MM-DD."}),
    ({"first_day": "2022-02-30"}, {"first_day": "Give a date as YYYY-MM-DD."}),
    ({"first_day": "2022-W12-1"}, {"first_day": "Give a date as YYYY-MM-DD."}),  # an ISO week date, undocumented
    ({"first_day": "２０２２-03-21"}, {"first_day": "Give a date as YYYY-MM-DD."}),
    ({"last_day": "2022-03-20"}, {"last_day": "The last day cannot come before the first day."}),
    ({"timezone": "CET+1"}, {"timezone": "“CET+1” is not a known IANA time zone, such as Asia/Seoul."}),
    ({"timezone": "Asia"}, {"timezone": "“Asia” is not a known IANA time zone, such as Asia/Seoul."}),
    ({"format": "hybrid-ish"}, {"format": "Choose one of: in_person, online, hybrid."}),
    ({"title": 42}, {"title": "Give a string."}),
    ({"published": "yes"}, {"published": "Give true or false."}),
    ({"slug": "owned"}, {"slug": "The address “owned” is taken; choose another."}),
    ({"online_link": "zoom"}, {"online_link": "Give a full web address starting with https://."}),
    ({"online_link": "https://[::1"}, {"online_link": "Give a full web address starting with https://."}),
    ({"online_link": "https://\uff03example.org"}, {"online_link": "Give a full web address starting with https://."}),
])
def test_creating_an_event_with_a_bad_value_names_the_field_and_why(api, stored_rows, changes, fields):
    before = stored_rows()
    assert error(api("POST", "/events", json={**NEW_EVENT, **changes})) == (422, fields)
    assert stored_rows() == before


@pytest.mark.parametrize("days, fields", [
    (("0001-01-01", "0001-01-02"), {"first_day": "Give a day between 1900 and 2999.",
                                    "last_day": "Give a day between 1900 and 2999."}),
    (("9999-12-30", "9999-12-31"), {"first_day": "Give a day between 1900 and 2999.",
                                    "last_day": "Give a day between 1900 and 2999."}),
    (("2999-12-31", "3000-01-01"), {"last_day": "Give a day between 1900 and 2999."}),
])
def test_a_meeting_keeps_to_days_whose_hours_are_instants(api, stored_rows, days, fields):
    before = stored_rows()
    first, last = days
    body = {**NEW_EVENT, "first_day": first, "last_day": last, "timezone": "America/New_York"}
    assert error(api("POST", "/events", json=body)) == (422, fields)
    assert error(api("PATCH", "/events/owned", json={"first_day": first, "last_day": last})) == (422, fields)
    assert stored_rows() == before


def test_changing_an_event_changes_only_the_fields_sent(api, browser):
    response = api("PATCH", "/events/owned", json={"venue": "Busan", "short_name": "Owned 2021"})
    assert (response.status_code, response.headers["ETag"], response.get_json()["version"]) == (200, '"2"', 2)
    event = browser().get("/api/v1/events/owned").get_json()
    # The answer is the whole meeting as its organiser reads it: the public's, and more.
    answer = response.get_json()
    assert {name: answer[name] for name in event if name not in ("sessions", "people", "institutions")} == {
        name: value for name, value in event.items() if name not in ("sessions", "people", "institutions")}
    assert (answer["published"], answer["online_link"], [p["name"] for p in answer["people"]]) == (
        True, "", ["Kim Min-ji"])
    assert (event["title"], event["venue"], event["short_name"], event["timezone"]) == (
        "Owned meeting", "Busan", "Owned 2021", "Asia/Seoul")


def test_unpublishing_an_event_hides_it_from_the_public_but_not_from_its_organisers(api, ids, browser):
    api("PATCH", "/events/owned", json={"published": False})
    public = browser()
    assert [public.get(url).status_code for url in (
        "/api/v1/events/owned", f"/api/v1/events/owned/sessions/{ids['session']}", "/events/owned/")] == [404] * 3
    assert api("GET", f"/events/owned/sessions/{ids['session']}").get_json()["title"] == "Panel"


# Sessions

NEW_SESSION = {"title": "Working session 1", "kind": "working", "starts_at": "2021-10-19T09:30",
               "ends_at": "2021-10-19T11:00", "attendance_mode": "hybrid"}


def test_creating_a_session_answers_201_with_the_whole_session(api, ids):
    response = api("POST", "/events/owned/sessions", json={
        **NEW_SESSION, "room_id": ids["room"], "thematic_area": "Border data", "description": "Open discussion.",
        "online_link": "https://meet.example.org/ws1", "status": "tentative",
    })
    body = response.get_json()
    assert (response.status_code, response.headers["Location"], response.headers["ETag"]) == (
        201, f"http://localhost/api/v1/events/owned/sessions/{body['id']}", '"1"')
    assert body == {
        "id": body["id"], "uid": body["uid"], "title": "Working session 1", "kind": "working",
        "starts_at": "2021-10-19T09:30:00+09:00", "ends_at": "2021-10-19T11:00:00+09:00", "timezone": "Asia/Seoul",
        "room_id": ids["room"], "parent_id": None, "attendance_mode": "hybrid",
        "online_link": "https://meet.example.org/ws1", "status": "tentative", "thematic_area": "Border data",
        "description": "Open discussion.", "roles": [],
        "url": f"http://localhost/events/owned/sessions/{body['id']}", "version": 1,
        "online_link_public": False, "draft": False, "sequence": 0, "reader_timezone": "Asia/Seoul",
    }


def test_a_time_with_an_offset_is_that_instant_and_one_without_is_the_meetings_wall_clock(api):
    with_offset = api("POST", "/events/owned/sessions", json={
        **NEW_SESSION, "starts_at": "2021-10-19T02:30:00+02:00", "ends_at": "2021-10-19T03:00:00Z"})
    assert (with_offset.get_json()["starts_at"], with_offset.get_json()["ends_at"]) == (
        "2021-10-19T09:30:00+09:00", "2021-10-19T12:00:00+09:00")


@pytest.mark.parametrize("changes, fields", [
    ({"ends_at": "2021-10-19T09:00"}, {"ends_at": "The end must come after the start."}),
    ({"starts_at": "2021-10-23T09:00", "ends_at": "2021-10-23T10:00"},
     {"starts_at": "Choose a time within the meeting's days, 18 October to 22 October 2021."}),
    ({"starts_at": "9:30"},
     {"starts_at": "Give a date and time such as 2021-10-18T09:30 or 2021-10-18T09:30:00+09:00."}),
    ({"starts_at": "0001-01-01T00:00"},
     {"starts_at": "Choose a time within the meeting's days, 18 October to 22 October 2021."}),
    ({"starts_at": "0001-01-01T00:00:00+14:00", "ends_at": "0001-01-01T01:00:00+14:00"},
     {"starts_at": "Choose a time within the meeting's days, 18 October to 22 October 2021."}),
    ({"ends_at": "9999-12-31T23:59:59-23:59"},
     {"ends_at": "A session lasts at most 24 hours."}),
    ({"starts_at": "2021-10-19"},
     {"starts_at": "Give a date and time such as 2021-10-18T09:30 or 2021-10-18T09:30:00+09:00."}),
    *(({"starts_at": shape}, {"starts_at": "Give a date and time such as 2021-10-18T09:30 or "
                                           "2021-10-18T09:30:00+09:00."})
      # Python's ISO parser reads these; the API documents (and its description checks) the shape above.
      for shape in ("2021-10-19 09:30", "2021-W42-2T09:30", "2021-10-19T09:30+0900", "2021-10-19T0930:00",
                    "2021-10-19T09:30:00+09:00:30", "2021-10-19T09:30\n")),
    ({"kind": "party"}, {"kind": "Choose one of: opening, remarks, panel, working, bilateral, roundtable, break, "
                                 "lunch, reception, closing."}),
    ({"room_id": "1"}, {"room_id": "Give a whole number. Or null."}),
    ({"room_id": 2**31}, {"room_id": "Give a whole number. Or null."}),
    ({"draft": 1}, {"draft": "Give true or false."}),
    ({"title": "   "}, {"title": "A title is required."}),
    ({"title": "x" * 301}, {"title": "At most 300 characters."}),
])
def test_creating_a_session_with_a_bad_value_names_the_field_and_why(api, stored_rows, changes, fields):
    before = stored_rows()
    assert error(api("POST", "/events/owned/sessions", json={**NEW_SESSION, **changes})) == (422, fields)
    assert stored_rows() == before


@pytest.mark.parametrize("field, kind", [("room_id", "room"), ("parent_id", "session")])
def test_a_session_refers_only_to_records_of_its_own_meeting(api, ids, stored_rows, field, kind):
    before = stored_rows()
    foreign = ids["foreign"][kind]
    assert error(api("POST", "/events/owned/sessions", json={**NEW_SESSION, field: foreign})) == (
        422, {field: f"No {kind} {foreign} in this meeting."})
    assert error(api("PATCH", f"/events/owned/sessions/{ids['session']}", json={field: foreign})) == (
        422, {field: f"No {kind} {foreign} in this meeting."})
    assert stored_rows() == before


def test_a_session_cannot_sit_inside_itself(api, ids, stored_rows):
    before = stored_rows()
    assert error(api("PATCH", f"/events/owned/sessions/{ids['session']}", json={"parent_id": ids["session"]})) == (
        422, {"parent_id": "A session cannot sit inside itself or inside something it contains."})
    assert stored_rows() == before


def test_changing_a_session_changes_only_the_fields_sent(api, ids):
    response = api("PATCH", f"/events/owned/sessions/{ids['session']}", json={"title": "Panel on data",
                                                                             "room_id": None})
    body = response.get_json()
    assert (response.status_code, response.headers["ETag"]) == (200, '"2"')
    assert (body["title"], body["room_id"], body["starts_at"], body["kind"], body["sequence"]) == (
        "Panel on data", None, "2021-10-18T09:00:00+09:00", "working", 1)


def test_a_draft_session_is_seen_by_its_organisers_only(api, browser):
    created = api("POST", "/events/owned/sessions", json={**NEW_SESSION, "draft": True}).get_json()
    public = browser()
    assert public.get(f"/api/v1/events/owned/sessions/{created['id']}").status_code == 404
    assert public.get(f"/events/owned/sessions/{created['id']}").status_code == 404
    assert "Working session 1" not in text_of(public.get("/events/owned/"))
    assert [s["title"] for s in public.get("/api/v1/events/owned").get_json()["sessions"]] == ["Panel"]
    seen = api("GET", f"/events/owned/sessions/{created['id']}")
    assert (seen.status_code, seen.get_json()["draft"]) == (200, True)


def test_deleting_a_session_takes_it_off_the_agenda(api, ids, browser):
    response = api("DELETE", f"/events/owned/sessions/{ids['session']}")
    assert (response.status_code, response.get_data()) == (204, b"")
    assert browser().get(f"/api/v1/events/owned/sessions/{ids['session']}").status_code == 404
    assert browser().get("/api/v1/events/owned").get_json()["sessions"] == []
    assert error(api("DELETE", f"/events/owned/sessions/{ids['session']}")) == (
        404, "This meeting has no such record.")


# People in a session

def test_people_are_added_to_a_session_in_order(api, ids, seed):
    with seed() as make:
        lee = make.person(db.session.get(Meeting, ids["meeting"]), "Lee Ji-ho").id
    url = f"/events/owned/sessions/{ids['session']}/roles"
    first = api("POST", url, json={"person_id": ids["person"], "role": "chair"})
    second = api("POST", url, json={"person_id": lee, "role": "speaker"})
    assert (first.status_code, second.status_code) == (201, 201)
    roles = second.get_json()["roles"]
    assert [(r["role"], r["person_id"], r["position"]) for r in roles] == [
        ("chair", ids["person"], 0), ("speaker", lee, 1)]

    removed = api("DELETE", f"{url}/{roles[0]['id']}")
    assert removed.status_code == 204
    assert [(r["role"], r["person_id"]) for r in api("GET", f"/events/owned/sessions/{ids['session']}")
            .get_json()["roles"]] == [("speaker", lee)]


@pytest.mark.parametrize("body, fields", [
    ({"role": "chair"}, {"person_id": "Choose a person of this meeting."}),
    ({"person_id": None, "role": "chair"}, {"person_id": "Choose a person of this meeting."}),
    ({"person_id": "{person}", "role": "keynote"},
     {"role": "Choose one of: chair, co_chair, vice_chair, moderator, speaker, panellist, rapporteur."}),
    ({"person_id": "{foreign_person}", "role": "chair"},
     {"person_id": "No person {foreign_person} in this meeting."}),
    ({"person_id": "{person}", "role": "chair", "position": 3}, {"position": "This field is not known here."}),
])
def test_a_bad_role_names_the_field_and_why(api, ids, stored_rows, body, fields):
    values = {"person": ids["person"], "foreign_person": ids["foreign"]["person"]}
    body = {k: (int(v.format(**values)) if isinstance(v, str) and v.startswith("{") else v) for k, v in body.items()}
    fields = {k: v.format(**values) for k, v in fields.items()}
    before = stored_rows()
    assert error(api("POST", f"/events/owned/sessions/{ids['session']}/roles", json=body)) == (422, fields)
    assert stored_rows() == before


def test_the_same_person_twice_in_one_role_is_refused(api, ids, stored_rows):
    url = f"/events/owned/sessions/{ids['session']}/roles"
    api("POST", url, json={"person_id": ids["person"], "role": "chair"})
    before = stored_rows()
    assert error(api("POST", url, json={"person_id": ids["person"], "role": "chair"})) == (
        422, {"person_id": "Kim Min-ji is already chair of this session."})
    assert stored_rows() == before


def test_a_role_of_another_session_is_not_found_under_this_one(api, ids, seed, stored_rows):
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        other = make.session(meeting, "Other panel", datetime(2021, 10, 19, 9))
        role = assign_role(other, db.session.get(Person, ids["person"]), Role.SPEAKER)
        db.session.commit()
        role_id = role.id
    before = stored_rows()
    assert error(api("DELETE", f"/events/owned/sessions/{ids['session']}/roles/{role_id}")) == (
        404, "This session has no such role.")
    assert stored_rows() == before


# Rooms, institutions, people

@pytest.mark.parametrize("kind, body, answer", [
    ("rooms", {"name": "Hall B", "capacity": 120},
     {"name": "Hall B", "capacity": 120, "online_only": False, "venue": "", "address": ""}),
    ("rooms", {"name": "Zoom", "capacity": None, "online_only": True},
     {"name": "Zoom", "capacity": None, "online_only": True, "venue": "", "address": ""}),
    ("rooms", {"name": "Main room", "capacity": 60, "venue": "Restaurant Les Armures",
               "address": "Rue du Puits-Saint-Pierre 1, 1204 Genève"},
     {"name": "Main room", "capacity": 60, "online_only": False, "venue": "Restaurant Les Armures",
      "address": "Rue du Puits-Saint-Pierre 1, 1204 Genève"}),
    ("institutions", {"name": "International Organization for Migration", "acronym": "IOM", "kind": "international"},
     {"name": "International Organization for Migration", "acronym": "IOM", "kind": "international",
      "country": ""}),
    ("people", {"name": "Chang Wook-jin", "honorific": "H.E.", "position": "Ambassador", "institution_id": None,
                "email": "chang@example.org"},
     {"name": "Chang Wook-jin", "honorific": "H.E.", "position": "Ambassador", "institution_id": None,
      "email": "chang@example.org"}),
])
def test_creating_changing_and_deleting_a_directory_record(api, kind, body, answer):
    created = api("POST", f"/events/owned/{kind}", json=body)
    record = created.get_json()
    assert (created.status_code, created.headers["Location"]) == (
        201, f"http://localhost/api/v1/events/owned/{kind}/{record['id']}")
    assert record == {"id": record["id"], **answer, "version": 1}
    assert api("GET", f"/events/owned/{kind}/{record['id']}").get_json() == record

    renamed = api("PATCH", f"/events/owned/{kind}/{record['id']}", json={"name": "Renamed"})
    assert renamed.get_json() == {**record, "name": "Renamed", "version": 2}

    assert api("DELETE", f"/events/owned/{kind}/{record['id']}").status_code == 204
    assert error(api("GET", f"/events/owned/{kind}/{record['id']}")) == (404, "This meeting has no such record.")


@pytest.mark.parametrize("kind, body, fields", [
    ("rooms", {"name": "hall a"}, {"name": "This meeting already has a room called “hall a”."}),
    ("rooms", {"name": "SALLE ÉTÉ"}, {"name": "This meeting already has a room called “SALLE ÉTÉ”."}),
    ("institutions", {"name": "MINISTÈRE", "kind": "government"},
     {"name": "This meeting already has an institution called “MINISTÈRE”."}),
    ("rooms", {"name": "Hall B", "capacity": -5}, {"capacity": "Give a number of at least 0."}),
    ("rooms", {"name": "Hall B", "capacity": 100001}, {"capacity": "Capacity is at most 100,000."}),
    ("rooms", {"name": "Hall B", "capacity": 12.5}, {"capacity": "Give a whole number. Or null."}),
    ("rooms", {"capacity": 10}, {"name": "This field is required."}),
    ("institutions", {"name": "Ministry of Justice", "kind": "government"},
     {"name": "This meeting already has an institution called “Ministry of Justice”."}),
    ("institutions", {"name": "Think Tank", "kind": None},
     {"kind": "Choose one of: government, international, regional, civil_society, think_tank, private, academia."}),
    ("people", {"name": "Lee Ji-ho", "institution_id": "{foreign_institution}"},
     {"institution_id": "No institution {foreign_institution} in this meeting."}),
    ("people", {"name": "Lee Ji-ho", "email": "lee@"}, {"email": "Give an email address such as name@example.org."}),
    ("people", {"name": ["Lee", "Ji-ho"]}, {"name": "Give a string."}),
])
def test_a_bad_directory_record_names_the_field_and_why(api, ids, stored_rows, kind, body, fields):
    values = {"foreign_institution": ids["foreign"]["institution"]}
    body = {k: (int(v.format(**values)) if isinstance(v, str) and v.startswith("{") else v) for k, v in body.items()}
    fields = {k: v.format(**values) for k, v in fields.items()}
    before = stored_rows()
    assert error(api("POST", f"/events/owned/{kind}", json=body)) == (422, fields)
    assert stored_rows() == before


def test_deleting_a_room_in_use_leaves_its_sessions_without_a_room(api, ids):
    assert api("DELETE", f"/events/owned/rooms/{ids['room']}").status_code == 204
    assert api("GET", f"/events/owned/sessions/{ids['session']}").get_json()["room_id"] is None


def test_deleting_a_person_takes_them_out_of_their_sessions(api, ids):
    api("POST", f"/events/owned/sessions/{ids['session']}/roles", json={"person_id": ids["person"], "role": "chair"})
    assert api("DELETE", f"/events/owned/people/{ids['person']}").status_code == 204
    assert api("GET", f"/events/owned/sessions/{ids['session']}").get_json()["roles"] == []


@pytest.mark.parametrize("url", [
    "/events/owned/rooms/{foreign_room}", "/events/owned/people/{foreign_person}",
    "/events/owned/sessions/{foreign_session}", "/events/owned/sessions/999999999",
    "/events/nowhere/rooms/{room}",
])
def test_a_record_not_of_this_meeting_is_not_found(api, ids, stored_rows, url):
    url = url.format(room=ids["room"], **{f"foreign_{k}": v for k, v in ids["foreign"].items()})
    before = stored_rows()
    assert [api(method, url, json={"name": "x"}).status_code for method in ("PATCH", "DELETE")] == [404, 404]
    assert stored_rows() == before


@pytest.mark.parametrize("method, url", [
    ("PATCH", "/api/v1/events/owned/sessions/{huge}"), ("DELETE", "/api/v1/events/owned/rooms/{huge}"),
    ("GET", "/api/v1/events/owned/sessions/{huge}"), ("GET", "/events/owned/sessions/{huge}"),
    ("GET", "/events/owned/people/{huge}"), ("DELETE", "/api/v1/events/owned/sessions/{session}/roles/{huge}"),
])
@pytest.mark.parametrize("huge", ["2147483648", "9223372036854775808", "1" + "0" * 30, "9" * 5000],
                         ids=["2**31", "2**63", "10**30", "5000 digits"])
def test_an_id_too_large_for_the_database_is_not_found(client, ids, stored_rows, method, url, huge):
    before = stored_rows()
    response = client.open(url.format(huge=huge, session=ids["session"]), method=method,
                           headers={"Authorization": f"Bearer {ids['token']}"},
                           json=None if method == "GET" else {"name": "x"})
    assert response.status_code == 404
    assert stored_rows() == before


@pytest.mark.parametrize("bad", ["Hall\x00B", "Hall \ud800"], ids=["NUL", "lone surrogate"])
@pytest.mark.parametrize("url, body, field, what", [
    ("/events/owned/rooms", {"name": "{bad}"}, "name", "A room name"),
    ("/events/owned/people", {"name": "Lee", "position": "{bad}"}, "position", "The position"),
    ("/events/owned/people", {"name": "Lee", "email": "lee@example.org{bad}"}, "email", "The email address"),
    ("/events/owned/sessions", {**NEW_SESSION, "title": "{bad}"}, "title", "A title"),
    ("/events/owned/sessions", {**NEW_SESSION, "online_link": "https://x.example/{bad}"}, "online_link",
     "The web address"),
    ("/events", {**NEW_EVENT, "hosts": "{bad}"}, "hosts", "Hosts"),
])
def test_text_no_database_can_store_is_refused_beside_its_field(api, stored_rows, url, body, field, what, bad):
    before = stored_rows()
    body = {name: value.replace("{bad}", bad) if isinstance(value, str) else value for name, value in body.items()}
    assert error(api("POST", url, json=body)) == (422, {field: f"{what} contains a character that cannot be stored."})
    assert stored_rows() == before


@pytest.mark.parametrize("url", ["/api/v1/events/own%00ed", "/api/v1/events/own%00ed/sessions/1",
                                 "/events/own%00ed/", "/events/own%00ed/organise/"])
def test_an_address_with_a_nul_in_its_slug_is_not_found(browser, ids, url):
    organiser = browser("owner@example.org")
    assert organiser.get(url).status_code == 404
    assert organiser.patch(url, json={}, headers={"Authorization": f"Bearer {ids['token']}"}).status_code in (404, 405)


# The door: tokens, content types, bodies

@pytest.mark.parametrize("authorization, message", [
    (None, "Changes need a bearer token (Authorization: Bearer …)."),
    ("Bearer plnr_not-a-real-token", "The bearer token is missing, unknown or revoked."),
    ("Bearer ", "The bearer token is missing, unknown or revoked."),
    ("Basic b3duZXJAZXhhbXBsZS5vcmc6cGFzc3dvcmQ=", "The bearer token is missing, unknown or revoked."),
])
def test_a_change_without_a_live_token_is_refused_with_401(client, ids, stored_rows, authorization, message):
    before = stored_rows()
    response = Api(client, None)("POST", "/events/owned/rooms", json={"name": "Hall B"},
                                 headers={"Authorization": authorization} if authorization else {})
    assert error(response) == (401, message)
    assert stored_rows() == before


def test_a_token_made_in_the_browser_opens_the_api_until_it_is_revoked(browser, client, ids, stored_rows):
    organiser = browser("owner@example.org")
    page = submit(organiser, "/organise/tokens", {"name": "registration system"})
    secret = page.get_data(as_text=True).split('<code id="new-token">')[1].split("</code>")[0]
    assert "registration system" in text_of(page) and secret.startswith("plnr_")
    assert secret not in organiser.get("/organise/tokens").get_data(as_text=True)  # shown once
    assert Api(client, secret)("POST", "/events/owned/rooms", json={"name": "Hall B"}).status_code == 201

    revoke = submit(organiser, "/organise/tokens", action_contains="/revoke")
    assert revoke.status_code == 302
    before = stored_rows()
    assert error(Api(client, secret)("POST", "/events/owned/rooms", json={"name": "Hall C"})) == (
        401, "The bearer token is missing, unknown or revoked.")
    assert stored_rows() == before


@pytest.mark.parametrize("name, message", [("", "This field is required."),
                                           ("script\x00", "What the token is for contains a character that cannot be "
                                                           "stored."),
                                           ("x" * 101, "What the token is for is too long (at most 100 characters).")])
def test_a_token_needs_a_name_that_can_be_stored(browser, ids, stored_rows, name, message):
    organiser = browser("owner@example.org")
    before = stored_rows()
    response = submit(organiser, "/organise/tokens", {"name": name})
    assert response.status_code == 400
    assert errors_beside_fields(response) == {"name": [message]}
    assert "new-token" not in response.get_data(as_text=True)
    assert stored_rows() == before


def test_a_deactivated_accounts_token_no_longer_works(app, client, ids, stored_rows):
    with app.app_context():
        db.session.scalar(db.select(User)).active = False
        db.session.commit()
    before = stored_rows()
    assert Api(client, ids["token"])("POST", "/events/owned/rooms", json={"name": "Hall B"}).status_code == 401
    assert stored_rows() == before


@pytest.mark.parametrize("kwargs, status, message", [
    ({"data": "name=Hall+B", "content_type": "application/x-www-form-urlencoded"}, 415,
     "Send JSON with Content-Type: application/json."),
    ({"data": '{"name": "Hall B"}'}, 415, "Send JSON with Content-Type: application/json."),
    ({"data": "{name: 'Hall B'}", "content_type": "application/json"}, 400, "The body must be a JSON object."),
    ({"data": b"\xff\xfe{}", "content_type": "application/json"}, 400, "The body must be a JSON object."),
    ({"json": ["Hall B"]}, 400, "The body must be a JSON object."),
    ({"json": "Hall B"}, 400, "The body must be a JSON object."),
    ({"data": "", "content_type": "application/json"}, 400, "The body must be a JSON object."),
    ({"data": "[" * 100_000, "content_type": "application/json"}, 400, "The body must be a JSON object."),
    ({"data": '{"a":' * 100_000, "content_type": "application/json"}, 400, "The body must be a JSON object."),
])
def test_a_body_that_is_not_a_json_object_is_refused(api, stored_rows, kwargs, status, message):
    before = stored_rows()
    assert error(api("POST", "/events/owned/rooms", **kwargs)) == (status, message)
    assert stored_rows() == before


@pytest.mark.parametrize("if_match", ['1', '"one"', '"1", "2"', '"99999999999"', "W/1"])
def test_an_if_match_that_is_not_an_etag_is_refused(api, ids, stored_rows, if_match):
    before = stored_rows()
    assert error(api("PATCH", f"/events/owned/rooms/{ids['room']}", json={"name": "Hall B"},
                     headers={"If-Match": if_match})) == (422, {"If-Match": 'Give the ETag you received, such as "3".'})
    assert stored_rows() == before


@pytest.mark.parametrize("version", [0, -1, "2", 1.0, None, True])
def test_a_body_version_that_is_not_a_version_is_refused(api, ids, stored_rows, version):
    before = stored_rows()
    response = api("PATCH", f"/events/owned/rooms/{ids['room']}", json={"name": "Hall B", "version": version})
    assert response.status_code == 422 and set(response.get_json()["error"]["fields"]) == {"version"}
    assert stored_rows() == before


def test_a_meeting_over_61_days_or_across_years_is_refused(api, stored_rows):
    before = stored_rows()
    assert error(api("POST", "/events", json={**NEW_EVENT, "first_day": "2021-12-31", "last_day": "2022-03-02"})) == (
        422, {"last_day": "A meeting can last at most 61 days."})
    assert stored_rows() == before


def test_changing_the_zone_through_the_api_keeps_wall_clock_times(api, ids):
    api("PATCH", "/events/owned", json={"timezone": "Europe/Zurich"})
    session = api("GET", f"/events/owned/sessions/{ids['session']}").get_json()
    assert (session["starts_at"], session["timezone"]) == ("2021-10-18T09:00:00+02:00", "Europe/Zurich")


def test_a_meeting_on_the_day_the_clocks_change_keeps_its_sessions_unambiguous(api):
    api("POST", "/events", json={**NEW_EVENT, "slug": "zurich-autumn", "first_day": "2021-10-31",
                                 "last_day": "2021-10-31"})
    assert error(api("POST", "/events/zurich-autumn/sessions", json={
        **NEW_SESSION, "starts_at": "2021-10-31T02:30", "ends_at": "2021-10-31T03:30"})) == (422, {
            "starts_at": "2021-10-31 02:30 happens twice in Europe/Zurich: the clocks go back that night. Give it "
                         "with its offset, 2021-10-31T02:30+02:00 for the first time or 2021-10-31T02:30+01:00 for "
                         "the second."})
    ambiguous = api("POST", "/events/zurich-autumn/sessions", json={
        **NEW_SESSION, "starts_at": "2021-10-31T02:30+02:00", "ends_at": "2021-10-31T03:30"})
    assert (ambiguous.status_code, ambiguous.get_json()["starts_at"], ambiguous.get_json()["ends_at"]) == (
        201, "2021-10-31T02:30:00+02:00", "2021-10-31T03:30:00+01:00")
    second = api("POST", "/events/zurich-autumn/sessions", json={
        **NEW_SESSION, "starts_at": "2021-10-31T02:30+01:00", "ends_at": "2021-10-31T03:30"})
    assert second.get_json()["starts_at"] == "2021-10-31T02:30:00+01:00"
    skipped = api("POST", "/events", json={**NEW_EVENT, "slug": "zurich-spring", "first_day": "2021-03-28",
                                           "last_day": "2021-03-28"})
    assert skipped.status_code == 201
    assert error(api("POST", "/events/zurich-spring/sessions", json={
        **NEW_SESSION, "starts_at": "2021-03-28T02:15", "ends_at": "2021-03-28T04:00"})) == (
        422, {"starts_at": "2021-03-28 02:15 does not exist in Europe/Zurich: the clocks skip it for daylight saving."})


def test_the_days_of_a_meeting_are_its_own_zones_days(api):
    created = api("POST", "/events", json={**NEW_EVENT, "slug": "one-day", "first_day": "2022-03-21",
                                           "last_day": "2022-03-21"})
    assert created.status_code == 201
    late = api("POST", "/events/one-day/sessions", json={**NEW_SESSION, "starts_at": "2022-03-21T23:00",
                                                          "ends_at": "2022-03-22T00:00"})
    assert (late.status_code, late.get_json()["ends_at"]) == (201, "2022-03-22T00:00:00+01:00")
    assert date.fromisoformat(late.get_json()["starts_at"][:10]) == date(2022, 3, 21)


@pytest.mark.parametrize("institution_id", [2**31, 2**63, 10**30, "1", True])
def test_registering_a_new_person_with_an_institution_id_no_database_holds_is_refused(api, stored_rows,
                                                                                       institution_id):
    before = stored_rows()
    response = api("POST", "/events/owned/registrations", json={
        "role": "expert", "person": {"name": "Lee Ji-ho", "institution_id": institution_id}})
    assert error(response) == (422, {"person.institution_id": "No such institution in this meeting."})
    assert stored_rows() == before
