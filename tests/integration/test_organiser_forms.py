"""The organisers' forms: meetings, rooms, institutions, people, sessions and the people in them.

Each test opens a page, fills in its form as a person would and sends it; messages are
read beside the fields they concern, and what was stored is read back whole.
"""
import re
from datetime import date, datetime, timezone
from html import unescape

import pytest
from sqlalchemy import select

from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import DayMode, ParticipantRole, Role
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Registration, Room, Session, SessionRole
from planner.operations.agenda import assign_role
from planner.operations.registrations import register_participant
from tests.integration.browsing import errors_beside_fields, flashes_of, submit, text_of

UTC = timezone.utc
ORGANISE = "/events/owned/organise"


@pytest.fixture
def ids(seed) -> dict:
    """A meeting in Seoul, 18–22 October 2021, with a room, an institution and a person; its organiser."""
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        room = make.room(meeting, "Hall A", capacity=80)
        institution = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
        person = make.person(meeting, "Kim Min-ji", honorific="Dr", institution=institution)
        make.organiser("owner@example.org", meetings=[meeting])
        return dict(meeting=meeting.id, room=room.id, institution=institution.id, person=person.id)


@pytest.fixture
def organiser(browser, ids):
    return browser("owner@example.org")


@pytest.fixture
def administrator(browser, seed, ids):
    """Administrators create meetings (and organise those they make)."""
    with seed() as make:
        make.organiser("admin@example.org", administrator=True)
    return browser("admin@example.org")


def rows(model, *columns) -> list[tuple]:
    return [tuple(row) for row in db.session.execute(select(*(getattr(model, c) for c in columns))
                                                     .order_by(model.id)).all()]


# Meetings

NEW_MEETING = {
    "title": "Regional workshop on border security", "short_name": "Border workshop 2022", "slug": "border-2022",
    "hosts": "Ministry of Foreign Affairs", "first_day": "2022-03-21", "last_day": "2022-03-23",
    "timezone": "Europe/Zurich", "format": "in_person", "venue": "Geneva", "online_link": "",
    "contact_email": "secretariat@example.org", "description": "Three days.",
}


def test_an_administrator_creates_a_meeting_and_organises_it(administrator, read):
    organiser = administrator
    response = submit(organiser, "/organise/meetings/new", NEW_MEETING)
    assert (response.status_code, response.location) == (302, "/events/border-2022/organise/")
    assert read(lambda: rows(Meeting, "slug", "title", "short_name", "hosts", "first_day", "last_day", "timezone",
                             "venue", "contact_email", "published"))[-1] == (
        "border-2022", "Regional workshop on border security", "Border workshop 2022", "Ministry of Foreign Affairs",
        date(2022, 3, 21), date(2022, 3, 23), "Europe/Zurich", "Geneva", "secretariat@example.org", False,
    )
    assert "Regional workshop on border security" in text_of(organiser.get("/organise/"))
    assert "admin@example.org" in text_of(organiser.get("/events/border-2022/organise/team"))


def test_a_new_meeting_is_a_draft_the_public_cannot_see(administrator, browser):
    submit(administrator, "/organise/meetings/new", NEW_MEETING)
    public = browser()
    assert [public.get(url).status_code for url in ("/events/border-2022/", "/api/v1/events/border-2022")] == [404, 404]
    assert "Regional workshop" not in text_of(public.get("/"))


@pytest.mark.parametrize("changes, errors", [
    ({"title": ""}, {"title": ["This field is required."]}),
    ({"last_day": "2022-03-20"}, {"last_day": ["The last day cannot come before the first day."]}),
    ({"last_day": "2022-06-01"}, {"last_day": ["A meeting can last at most 61 days."]}),
    ({"first_day": ""}, {"first_day": ["Give the first day."]}),
    ({"first_day": "0001-01-01", "last_day": "0001-01-02"},
     {"first_day": ["Give a day between 1900 and 2999."], "last_day": ["Give a day between 1900 and 2999."]}),
    ({"timezone": "Mars/Olympus_Mons"},
     {"timezone": ["“Mars/Olympus_Mons” is not a known IANA time zone, such as Asia/Seoul."]}),
    ({"slug": "Border 2022!"}, {"slug": ["Use lower-case letters, digits and single hyphens, e.g. egm-2021."]}),
    ({"slug": "owned"}, {"slug": ["The address “owned” is taken; choose another."]}),
    ({"contact_email": "not an address"}, {"contact_email": ["Give an email address such as name@example.org."]}),
])
def test_a_meeting_form_with_mistakes_shows_each_beside_its_field_and_stores_nothing(administrator, stored_rows, changes,
                                                                                      errors):
    before = stored_rows()
    response = submit(administrator, "/organise/meetings/new", {**NEW_MEETING, **changes})
    assert response.status_code == 400
    assert errors_beside_fields(response) == errors
    assert "Nothing was saved. Please correct the fields marked below." in text_of(response)
    assert stored_rows() == before


def test_changing_the_meetings_zone_keeps_its_sessions_at_their_local_times(organiser, ids, read, seed):
    with seed() as make:
        make.session(db.session.get(Meeting, ids["meeting"]), "Opening",
                     datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    response = submit(organiser, f"{ORGANISE}/edit", {"timezone": "Europe/Zurich", "title": "Owned meeting, moved"})
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/")
    assert read(lambda: rows(Meeting, "title", "timezone")) == [("Owned meeting, moved", "Europe/Zurich")]
    assert read(lambda: rows(Session, "starts_at", "ends_at")) == [
        (datetime(2021, 10, 18, 7, tzinfo=UTC), datetime(2021, 10, 18, 8, tzinfo=UTC)),  # 09:00 in Zurich (CEST)
    ]


def test_deleting_a_meeting_says_what_goes_with_it_and_asks_first(organiser, read, ids, seed):
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        make.session(meeting, "Opening")
        make.session(meeting, "Closing", datetime(2021, 10, 22, 16))
    page = organiser.get(f"{ORGANISE}/delete")
    assert "Delete the meeting “Owned meeting”? This also changes: 2 sessions 1 room 1 institution 1 person " \
           "It goes to the trash with everything in it: its pages and calendars close at once, and it can be " \
           "restored for 30 days, then it is deleted for good." in text_of(page)
    assert read(lambda: rows(Meeting, "slug")) == [("owned",)]

    response = submit(organiser, f"{ORGANISE}/delete")
    assert (response.status_code, response.location) == (302, "/organise/")
    assert flashes_of(organiser.get("/organise/")) == [
        "Moved “Owned meeting” to the trash: it can be restored for 30 days."]
    assert organiser.get(f"{ORGANISE}/").status_code == 404
    assert read(lambda: [len(rows(model, "id")) for model in (Meeting, Room, Institution, Person, Session)]) == [
        1, 1, 1, 1, 2]


# Rooms, institutions, people

@pytest.mark.parametrize("kind, fields, listed", [
    ("rooms", {"name": "Hall B", "capacity": "120"}, "Hall B 120 seats"),
    ("rooms", {"name": "Zoom", "online_only": "y"}, "Zoom Online only"),
    ("institutions", {"name": "International Organization for Migration", "acronym": "IOM",
                      "kind": "international", "country": ""},
     "International Organization for Migration (IOM) International organisation"),
    ("people", {"honorific": "H.E.", "name": "Chang Wook-jin", "position": "Ambassador", "institution": "{institution}",
                "email": "chang@example.org"}, "H.E. Chang Wook-jin Ambassador, MOJ"),
])
def test_an_organiser_adds_a_record_and_sees_it_listed(organiser, ids, kind, fields, listed):
    fields = {name: value.format(**ids) for name, value in fields.items()}
    response = submit(organiser, f"{ORGANISE}/{kind}/", fields)
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/{kind}/")
    page = organiser.get(f"{ORGANISE}/{kind}/")
    assert listed in text_of(page)
    assert flashes_of(page) == [f"Added {kind[:-1] if kind != 'people' else 'person'} “{fields['name']}”."]


@pytest.mark.parametrize("kind, fields, errors", [
    ("rooms", {"name": ""}, {"name": ["This field is required."]}),
    ("rooms", {"name": "hall a"}, {"name": ["This meeting already has a room called “hall a”."]}),
    ("rooms", {"name": "Hall B", "capacity": "-1"}, {"capacity": ["Number must be between 0 and 100000."]}),
    ("rooms", {"name": "Hall\x00B"}, {"name": ["A room name contains a character that cannot be stored."]}),
    ("rooms", {"name": "Hall B", "capacity": "many"},
     {"capacity": ["Not a valid integer value.", "Number must be between 0 and 100000."]}),
    ("institutions", {"name": "Ministry of Justice", "kind": "government"},
     {"name": ["This meeting already has an institution called “Ministry of Justice”."]}),
    ("institutions", {"name": "Ministry of Unity", "kind": "cult"}, {"kind": ["Not a valid choice."]}),
    ("people", {"name": "   "}, {"name": ["This field is required."]}),
    ("people", {"name": "Lee Ji-ho", "email": "lee at example"},
     {"email": ["Give an email address such as name@example.org."]}),
    ("people", {"name": "Lee Ji-ho", "institution": "999999"}, {"institution": ["Not a valid choice."]}),
    ("people", {"name": "Lee Ji-ho", "honorific": "His Excellency the Ambassador Extraordinary"},
     {"honorific": ["The honorific is too long (at most 20 characters)."]}),
])
def test_a_record_form_with_mistakes_shows_them_beside_the_fields_and_stores_nothing(organiser, stored_rows, kind,
                                                                                      fields, errors):
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/{kind}/", fields)
    assert response.status_code == 400
    assert errors_beside_fields(response) == errors
    assert stored_rows() == before


def test_an_organiser_edits_a_person(organiser, ids, read):
    response = submit(organiser, f"{ORGANISE}/people/{ids['person']}/edit",
                      {"position": "Director-General", "institution": "", "honorific": "Ms"})
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/people/")
    assert read(lambda: rows(Person, "honorific", "name", "position", "institution_id", "version")) == [
        ("Ms", "Kim Min-ji", "Director-General", None, 2)]


def test_an_edit_form_sent_without_its_version_is_saved(organiser, ids, read):
    """A hand-made request may leave the hidden version out; then no one said which version they saw."""
    response = submit(organiser, f"{ORGANISE}/rooms/{ids['room']}/edit", {"name": "Hall A1", "version": None})
    assert response.status_code == 302
    assert read(lambda: rows(Room, "name")) == [("Hall A1",)]


@pytest.fixture
def in_use(seed, ids) -> dict:
    """The room, the institution and the person are referred to by a session, a person and a registration."""
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        room, person = db.session.get(Room, ids["room"]), db.session.get(Person, ids["person"])
        session = make.session(meeting, "Panel on border data", datetime(2021, 10, 18, 9, 30),
                               datetime(2021, 10, 18, 11), room=room)
        assign_role(session, person, Role.SPEAKER)
        register_participant(meeting, person, role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.IN_ROOM})
        db.session.commit()
        return {**ids, "session": session.id}


@pytest.mark.parametrize("kind, record, question, affected", [
    ("rooms", "room", "Delete room “Hall A”?", ["“Panel on border data”, Mon 18 Oct 09:30–11:00, will have no room"]),
    ("institutions", "institution", "Delete institution “Ministry of Justice”?",
     ["Dr Kim Min-ji will have no institution"]),
    ("people", "person", "Delete person “Kim Min-ji”?",
     ["Speaker of “Panel on border data” is removed", "their registration for this meeting is removed"]),
])
def test_deleting_something_in_use_says_what_it_affects_and_changes_nothing_until_confirmed(
        organiser, in_use, stored_rows, kind, record, question, affected):
    before = stored_rows()
    page = organiser.get(f"{ORGANISE}/{kind}/{in_use[record]}/delete")
    assert question in text_of(page)
    assert affected_lines(page) == affected
    assert stored_rows() == before


def affected_lines(page) -> list[str]:
    html = page.get_data(as_text=True)
    listing = re.search(r'<ul class="affected">(.*?)</ul>', html, flags=re.S)
    return [text_of_html(item) for item in re.findall(r"<li>(.*?)</li>", listing.group(1), flags=re.S)]


def text_of_html(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def test_deleting_a_room_leaves_its_sessions_without_a_room(organiser, in_use, read):
    response = submit(organiser, f"{ORGANISE}/rooms/{in_use['room']}/delete")
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/rooms/")
    assert read(lambda: (rows(Room, "id"), rows(Session, "title", "room_id"))) == (
        [], [("Panel on border data", None)])


def test_deleting_an_institution_leaves_its_people_without_one(organiser, in_use, read):
    submit(organiser, f"{ORGANISE}/institutions/{in_use['institution']}/delete")
    assert read(lambda: (rows(Institution, "id"), rows(Person, "name", "institution_id"))) == (
        [], [("Kim Min-ji", None)])


def test_deleting_a_person_removes_their_roles_and_registration(organiser, in_use, read):
    submit(organiser, f"{ORGANISE}/people/{in_use['person']}/delete")
    assert read(lambda: (rows(Person, "id"), rows(SessionRole, "id"), rows(Registration, "id"))) == ([], [], [])


# Sessions

NEW_SESSION = {
    "title": "Working session 1: data sharing", "kind": "working", "status": "confirmed",
    "starts": "2021-10-18T09:30", "ends": "2021-10-18T11:00", "room": "{room}", "attendance_mode": "hybrid",
    "parent": "", "thematic_area": "Border management", "description": "", "online_link": "https://meet.example.org/ws1",
}


def _session_form(ids, **changes) -> dict:
    return {name: value.format(**ids) for name, value in {**NEW_SESSION, **changes}.items()}


def test_times_are_entered_in_the_meetings_zone(organiser, ids, read, browser):
    response = submit(organiser, f"{ORGANISE}/sessions/new", _session_form(ids))
    session_id = read(lambda: db.session.scalar(select(Session.id)))
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/sessions/{session_id}/edit")
    assert read(lambda: rows(Session, "title", "starts_at", "ends_at", "room_id", "online_link")) == [(
        "Working session 1: data sharing", datetime(2021, 10, 18, 0, 30, tzinfo=UTC),
        datetime(2021, 10, 18, 2, tzinfo=UTC), ids["room"], "https://meet.example.org/ws1",
    )]
    session = browser().get(f"/api/v1/events/test-meeting/sessions/{session_id}")  # another slug: not found
    assert session.status_code == 404
    public = browser().get(f"/api/v1/events/owned/sessions/{session_id}").get_json()
    assert (public["starts_at"], public["ends_at"], public["online_link"]) == (
        "2021-10-18T09:30:00+09:00", "2021-10-18T11:00:00+09:00", None)


def test_the_new_session_form_starts_on_the_day_asked_for(organiser, ids):
    page = organiser.get(f"{ORGANISE}/sessions/new?day=2021-10-20")
    html = page.get_data(as_text=True)
    assert 'value="2021-10-20T09:00"' in html and 'value="2021-10-20T10:00"' in html


@pytest.mark.parametrize("changes, errors", [
    ({"ends": "2021-10-18T09:00"}, {"ends": ["The end must come after the start."]}),
    ({"ends": "2021-10-18T09:30"}, {"ends": ["The end must come after the start."]}),
    ({"starts": "2021-10-17T09:30", "ends": "2021-10-17T11:00"},
     {"starts": ["Choose a time within the meeting's days, 18 October to 22 October 2021."]}),
    ({"starts": "2021-10-22T23:00", "ends": "2021-10-23T01:00"},
     {"ends": ["Choose a time within the meeting's days, 18 October to 22 October 2021."]}),
    ({"ends": "2021-10-20T11:00"}, {"ends": ["A session lasts at most 24 hours."]}),
    ({"starts": "0001-01-01T00:00"},
     {"starts": ["Choose a time within the meeting's days, 18 October to 22 October 2021."]}),
    ({"title": ""}, {"title": ["This field is required."]}),
    ({"starts": ""}, {"starts": ["Give the start date and time."]}),
    ({"starts": "18/10/2021 9:30"}, {"starts": ["Not a valid datetime value."]}),
    ({"room": "999999"}, {"room": ["Not a valid choice."]}),
    ({"kind": "party"}, {"kind": ["Not a valid choice."]}),
        ({"online_link": "meet.example.org"}, {"online_link": ["Give a full web address starting with https://."]}),
    ({"online_link": "ftp://meet.example.org/x"}, {"online_link": ["Give a full web address starting with https://."]}),
])
def test_a_session_form_with_mistakes_shows_them_beside_the_fields_and_stores_nothing(organiser, ids, stored_rows,
                                                                                       changes, errors):
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/sessions/new", _session_form(ids, **changes))
    assert response.status_code == 400
    assert errors_beside_fields(response) == errors
    assert stored_rows() == before


def test_a_room_of_another_meeting_is_not_offered_nor_accepted(organiser, ids, seed, stored_rows):
    with seed() as make:
        elsewhere = make.room(make.meeting(slug="elsewhere"), "Hall A")
        elsewhere_id = elsewhere.id
    page = organiser.get(f"{ORGANISE}/sessions/new")
    assert f'value="{elsewhere_id}"' not in page.get_data(as_text=True)
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/sessions/new", _session_form(ids, room=str(elsewhere_id)))
    assert (response.status_code, errors_beside_fields(response)) == (400, {"room": ["Not a valid choice."]})
    assert stored_rows() == before


def test_a_time_the_clocks_skip_is_refused_beside_the_field(browser, seed, stored_rows):
    with seed() as make:
        meeting = make.meeting(slug="zurich", title="Zurich meeting", timezone="Europe/Zurich",
                               first_day=date(2021, 3, 27), last_day=date(2021, 3, 29))
        make.organiser("owner@example.org", meetings=[meeting])
    organiser = browser("owner@example.org")
    before = stored_rows()
    response = submit(organiser, "/events/zurich/organise/sessions/new", {
        "title": "Night session", "kind": "working", "starts": "2021-03-28T02:30", "ends": "2021-03-28T04:00",
    })
    assert errors_beside_fields(response) == {
        "starts": ["2021-03-28 02:30 does not exist in Europe/Zurich: the clocks skip it for daylight saving."]}
    assert stored_rows() == before


def test_a_session_inside_a_block_must_fit_inside_it(organiser, ids, seed, stored_rows):
    with seed() as make:
        block = make.session(db.session.get(Meeting, ids["meeting"]), "Morning block", datetime(2021, 10, 18, 9),
                             datetime(2021, 10, 18, 12))
        block_id = block.id
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/sessions/new", _session_form(
        ids, title="Coffee", kind="break", starts="2021-10-18T11:30", ends="2021-10-18T12:15", parent=str(block_id)))
    assert errors_beside_fields(response) == {
        "parent": ["This does not fit inside “Morning block”; adjust the times or choose another block."]}
    assert stored_rows() == before


def test_moving_a_block_moves_what_sits_inside_it(organiser, ids, seed, read):
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        block = make.session(meeting, "Morning block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12))
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45), parent=block)
        block_id = block.id
    response = submit(organiser, f"{ORGANISE}/sessions/{block_id}/edit",
                      {"starts": "2021-10-19T13:00", "ends": "2021-10-19T16:00"})
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/timetable/2021-10-19")
    assert read(lambda: rows(Session, "title", "starts_at", "ends_at", "sequence")) == [
        ("Morning block", datetime(2021, 10, 19, 4, tzinfo=UTC), datetime(2021, 10, 19, 7, tzinfo=UTC), 1),
        ("Coffee", datetime(2021, 10, 19, 5, 30, tzinfo=UTC), datetime(2021, 10, 19, 5, 45, tzinfo=UTC), 1),
    ]


def test_a_block_cannot_shrink_past_what_sits_inside_it(organiser, ids, seed, stored_rows):
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        block = make.session(meeting, "Morning block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12))
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45), parent=block)
        block_id = block.id
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/sessions/{block_id}/edit", {"ends": "2021-10-18T10:00"})
    assert errors_beside_fields(response) == {
        "ends": ["“Coffee” sits inside this session and would end after it; shorten it first."]}
    assert stored_rows() == before


def test_deleting_a_session_says_what_goes_with_it_then_cancels_it_off_the_agenda(organiser, ids, seed, read,
                                                                                 browser):
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        block = make.session(meeting, "Morning block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12))
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45), parent=block)
        assign_role(block, db.session.get(Person, ids["person"]), Role.CHAIR)
        db.session.commit()
        block_id = block.id
    page = text_of(organiser.get(f"{ORGANISE}/sessions/{block_id}/delete"))
    assert "Delete the session “Morning block”? This also changes: “Coffee” inside it is deleted too " \
           "Dr Kim Min-ji loses the role of chair" in page

    response = submit(organiser, f"{ORGANISE}/sessions/{block_id}/delete")
    assert (response.status_code, response.location) == (302, f"{ORGANISE}/timetable/2021-10-18")
    assert read(lambda: [(title, status.value, deleted is not None)
                         for title, status, deleted in rows(Session, "title", "status", "deleted_at")]) == [
        ("Morning block", "cancelled", True), ("Coffee", "cancelled", True)]
    assert browser().get("/api/v1/events/owned").get_json()["sessions"] == []
    assert organiser.get(f"{ORGANISE}/sessions/{block_id}/edit").status_code == 404


# People in a session, in order

@pytest.fixture
def panel(seed, ids) -> dict:
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        panel = make.session(meeting, "Panel", datetime(2021, 10, 18, 14), datetime(2021, 10, 18, 15))
        people = {name: make.person(meeting, name).id for name in ("Lee Ji-ho", "Park Soo-min")}
        return {**ids, "panel": panel.id, **people}


def _people_in(organiser, session_id: int) -> list[str]:
    page = organiser.get(f"{ORGANISE}/sessions/{session_id}/edit")
    html = page.get_data(as_text=True)
    editor = html[html.index('<section id="people">'):]
    return [re.sub(r"\s+", " ", item).strip() for item in re.findall(r"<li><span>(.*?)</span>", editor, flags=re.S)]


def _add(organiser, panel, person: str, role: str):
    return submit(organiser, f"{ORGANISE}/sessions/{panel['panel']}/edit",
                  {"role-person": str(panel[person]), "role-role": role},
                  action_contains=f"/sessions/{panel['panel']}/roles")


def test_people_are_listed_in_a_session_in_the_order_they_were_added(organiser, panel, browser):
    for person, role in [("person", "chair"), ("Lee Ji-ho", "speaker"), ("Park Soo-min", "speaker")]:
        response = _add(organiser, panel, person, role)
        assert (response.status_code, response.location) == (
            302, f"{ORGANISE}/sessions/{panel['panel']}/edit#people")
    assert _people_in(organiser, panel["panel"]) == [
        "Chair: Dr Kim Min-ji (MOJ)", "Speaker: Lee Ji-ho", "Speaker: Park Soo-min"]
    public = browser().get(f"/api/v1/events/owned/sessions/{panel['panel']}").get_json()
    assert [(r["role"], r["person_id"], r["position"]) for r in public["roles"]] == [
        ("chair", panel["person"], 0), ("speaker", panel["Lee Ji-ho"], 1), ("speaker", panel["Park Soo-min"], 2)]


def test_moving_and_removing_people_in_a_session(organiser, panel, read):
    for person, role in [("person", "chair"), ("Lee Ji-ho", "speaker"), ("Park Soo-min", "speaker")]:
        _add(organiser, panel, person, role)
    role_ids = read(lambda: [role_id for (role_id,) in rows(SessionRole, "id")])

    def press(role_id, action):
        return submit(organiser, f"{ORGANISE}/sessions/{panel['panel']}/edit",
                      action_contains=f"/roles/{role_id}/{action}")

    press(role_ids[2], "up")
    assert _people_in(organiser, panel["panel"]) == [
        "Chair: Dr Kim Min-ji (MOJ)", "Speaker: Park Soo-min", "Speaker: Lee Ji-ho"]
    press(role_ids[0], "down")
    assert _people_in(organiser, panel["panel"]) == [
        "Speaker: Park Soo-min", "Chair: Dr Kim Min-ji (MOJ)", "Speaker: Lee Ji-ho"]
    press(role_ids[1], "remove")
    assert _people_in(organiser, panel["panel"]) == ["Speaker: Park Soo-min", "Chair: Dr Kim Min-ji (MOJ)"]


def test_moving_the_first_person_up_says_it_is_already_first(organiser, panel):
    _add(organiser, panel, "person", "chair")
    response = submit(organiser, f"{ORGANISE}/sessions/{panel['panel']}/edit", action_contains="/up")
    assert flashes_of(organiser.get(response.location)) == ["It is already at that end of the list."]


def test_the_same_person_in_the_same_role_twice_is_refused_beside_the_person(organiser, panel, stored_rows):
    _add(organiser, panel, "Lee Ji-ho", "speaker")
    before = stored_rows()
    response = _add(organiser, panel, "Lee Ji-ho", "speaker")
    assert response.status_code == 400
    assert errors_beside_fields(response) == {"role-person": ["Lee Ji-ho is already speaker of this session."]}
    assert stored_rows() == before


def test_a_role_needs_a_person(organiser, panel, stored_rows):
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/sessions/{panel['panel']}/edit", {"role-role": "chair"},
                      action_contains=f"/sessions/{panel['panel']}/roles")
    assert errors_beside_fields(response) == {"role-person": ["Choose a person."]}
    assert stored_rows() == before


def test_deleting_a_whole_demo_meeting_then_emptying_the_trash_removes_everything_in_it(browser, seed, read, app):
    with seed() as make:
        egm = next(m for m in load_demo_meetings() if m.slug == "egm-border-management-2021")
        db.session.commit()
        make.organiser("owner@example.org", meetings=[egm])
    organiser = browser("owner@example.org")
    page = text_of(organiser.get("/events/egm-border-management-2021/organise/delete"))
    assert "It goes to the trash with everything in it" in page
    response = submit(organiser, "/events/egm-border-management-2021/organise/delete")
    assert (response.status_code, response.location) == (302, "/organise/")
    app.config["TRASH_DAYS"] = 0
    assert app.test_cli_runner().invoke(args=["trash", "empty"]).output == \
        "Deleted for good: egm-border-management-2021.\n"
    assert read(lambda: rows(Meeting, "slug")) == [("cted-follow-up-visit-2023",)]
    models = (Room, Institution, Person, Session, Registration)
    cted = read(lambda: db.session.scalar(select(Meeting.id)))
    remaining = read(lambda: {model.__name__: {m for (m,) in rows(model, "meeting_id")} for model in models})
    assert remaining == {model.__name__: {cted} for model in models}
    assert organiser.get("/events/egm-border-management-2021/").status_code == 404


def test_a_block_cannot_sit_inside_what_it_contains(organiser, ids, seed, stored_rows):
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        block = make.session(meeting, "Morning block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12))
        coffee = make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45),
                              parent=block)
        block_id, coffee_id = block.id, coffee.id
    before = stored_rows()
    response = submit(organiser, f"{ORGANISE}/sessions/{block_id}/edit", {"parent": str(coffee_id)})
    assert errors_beside_fields(response) == {
        "parent": ["A session cannot sit inside itself or inside something it contains."]}
    assert stored_rows() == before


def test_the_operations_refusals_speak_the_readers_language_days_included(organiser, ids):
    organiser.get(f"{ORGANISE}/?lang=fr")  # the choice is remembered
    response = submit(organiser, f"{ORGANISE}/sessions/new",
                      _session_form(ids, starts="2021-10-17T09:30", ends="2021-10-17T11:00"))
    assert errors_beside_fields(response) == {"starts": [
        "Choisissez une heure comprise dans les jours de la réunion, du 18 oct. au 22 oct. 2021."]}
    too_long = submit(organiser, f"{ORGANISE}/sessions/new", _session_form(ids, ends="2021-10-20T11:00"))
    assert errors_beside_fields(too_long) == {"ends": ["Une séance dure au plus 24 heures."]}
