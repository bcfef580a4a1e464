"""Pages and the API in the reader's time zone: ?tz=, the remembered choice, and the meeting's zone beside it."""
import re
from datetime import date, datetime

import pytest

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.operations.agenda import assign_role

NEW_YORK = "tz=America/New_York"


def text_of(response) -> str:
    html = response.get_data(as_text=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def seoul_meeting(make):
    meeting = make.meeting()
    session = make.session(meeting, "Border data panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10))
    make.session(meeting, "Afternoon panel", datetime(2021, 10, 18, 14), datetime(2021, 10, 18, 15))
    return session


@pytest.fixture
def zurich_meetings(make):
    """Two meetings in Swiss time: just after the spring switch (2000) and across the autumn one (2021)."""
    spring = make.meeting(slug="zurich-2000", timezone="Europe/Zurich", first_day=date(2000, 3, 27),
                          last_day=date(2000, 3, 28))
    make.session(spring, "Spring session", datetime(2000, 3, 27, 9), datetime(2000, 3, 27, 10))
    autumn = make.meeting(slug="geneva-2021", timezone="Europe/Zurich", first_day=date(2021, 10, 29),
                          last_day=date(2021, 11, 2), venue="Geneva")
    make.session(autumn, "Before the switch", datetime(2021, 10, 29, 9), datetime(2021, 10, 29, 10))
    make.session(autumn, "After the switch", datetime(2021, 11, 1, 9), datetime(2021, 11, 1, 10))


def test_the_agenda_groups_sessions_by_the_readers_date_and_keeps_the_meeting_day_visible(client, seoul_meeting):
    page = text_of(client.get(f"/events/test-meeting/?{NEW_YORK}"))
    assert ("Sunday 17 October 2021 Meeting day: Mon 18 Oct 20:00 – 21:00 Mon 09:00–10:00 Seoul time "
            "Border data panel") in page
    assert "Monday 18 October 2021 Meeting day: Mon 18 Oct 01:00 – 02:00 14:00–15:00 Seoul time Afternoon panel" in page
    assert ("Times are in America/New_York (EDT, UTC−04:00), with the meeting's time zone, Asia/Seoul "
            "(KST, UTC+09:00), beneath each.") in page


def test_times_carry_the_readers_offset_in_the_markup(client, seoul_meeting):
    html = client.get(f"/events/test-meeting/?{NEW_YORK}").get_data(as_text=True)
    assert '<time datetime="2021-10-17T20:00:00-04:00">20:00</time>' in html


def test_without_a_choice_the_agenda_is_in_the_meetings_zone_alone(client, seoul_meeting):
    page = text_of(client.get("/events/test-meeting/"))
    assert "Times are in the meeting's time zone, Asia/Seoul (KST, UTC+09:00)." in page
    assert "Monday 18 October 2021 09:00 – 10:00 Border data panel" in page
    assert "Seoul time" not in page and "Meeting day" not in page


def test_the_day_page_is_the_meetings_day_split_by_the_readers_dates(client, seoul_meeting):
    page = text_of(client.get(f"/events/test-meeting/days/2021-10-18?{NEW_YORK}"))
    assert "Meeting day: Monday 18 October 2021" in page
    assert page.index("Sunday 17 October 2021 in New York") < page.index("Border data panel")
    assert page.index("Border data panel") < page.index("Monday 18 October 2021 in New York")
    assert page.index("Monday 18 October 2021 in New York") < page.index("Afternoon panel")


def test_the_session_page_shows_the_readers_time_and_the_meetings(client, seoul_meeting):
    page = text_of(client.get(f"/events/test-meeting/sessions/{seoul_meeting.id}?{NEW_YORK}"))
    assert "Sunday 17 October 2021, 20:00 – 21:00 America/New_York" in page
    assert "Meeting time: Monday 18 October 2021 , 09:00 – 10:00 Asia/Seoul" in page


def test_person_and_institution_pages_list_sessions_in_the_readers_zone(client, make, seoul_meeting):
    meeting = seoul_meeting.meeting
    ministry = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
    person = make.person(meeting, "Kim Min-ji", institution=ministry)
    assign_role(seoul_meeting, person, Role.CHAIR)
    db.session.commit()
    expected = "Sun 17 Oct 20:00 – 21:00 Mon 09:00–10:00 Seoul time Border data panel"
    assert expected in text_of(client.get(f"/events/test-meeting/people/{person.id}?{NEW_YORK}"))
    assert expected in text_of(client.get(f"/events/test-meeting/institutions/{ministry.id}?{NEW_YORK}"))


@pytest.mark.parametrize("path, reader_zone, shown", [
    ("/events/zurich-2000/", "Asia/Seoul", "Monday 27 March 2000 Meeting day: Mon 27 Mar 16:00 – 17:00 09:00–10:00"),
    ("/events/geneva-2021/", "Asia/Seoul", "Friday 29 October 2021 Meeting day: Fri 29 Oct 16:00 – 17:00 09:00–10:00"),
    ("/events/geneva-2021/", "Asia/Seoul", "Monday 1 November 2021 Meeting day: Mon 1 Nov 17:00 – 18:00 09:00–10:00"),
    ("/events/geneva-2021/", "America/New_York",
     "Monday 1 November 2021 Meeting day: Mon 1 Nov 04:00 – 05:00 09:00–10:00"),
])
def test_pages_follow_each_zones_daylight_saving_changes(client, zurich_meetings, path, reader_zone, shown):
    assert shown in text_of(client.get(f"{path}?tz={reader_zone}"))


def test_the_readers_zone_is_described_with_its_own_switch_during_the_meeting(client, zurich_meetings):
    page = text_of(client.get(f"/events/geneva-2021/?{NEW_YORK}"))
    assert "Times are in America/New_York (EDT, UTC−04:00)" in page  # New York switches on 7 November
    page = text_of(client.get("/events/geneva-2021/?tz=Europe/London"))
    assert "Times are in Europe/London (BST, UTC+01:00, then GMT, UTC+00:00)" in page


def test_an_unknown_zone_gets_a_notice_and_the_meetings_zone(client, seoul_meeting):
    response = client.get("/events/test-meeting/?tz=Mars/Olympus_Mons")
    assert response.status_code == 200
    page = text_of(response)
    assert ("“Mars/Olympus_Mons” is not a known IANA time zone, such as Europe/Zurich or Asia/Seoul. "
            "Times are shown in the meeting's time zone, Asia/Seoul.") in page
    assert "Monday 18 October 2021 09:00 – 10:00 Border data panel" in page
    assert "planner_tz" not in response.headers.get("Set-Cookie", "")


@pytest.mark.parametrize("path", ["", "days/2021-10-18", "sessions/{id}"])
def test_every_agenda_page_survives_an_unknown_zone(client, seoul_meeting, path):
    response = client.get(f"/events/test-meeting/{path.format(id=seoul_meeting.id)}?tz=../../etc/passwd")
    assert response.status_code == 200
    assert "is not a known IANA time zone" in text_of(response)


def test_a_chosen_zone_is_remembered_for_the_next_page(client, seoul_meeting):
    response = client.get(f"/events/test-meeting/?{NEW_YORK}")
    assert "planner_tz=America/New_York" in response.headers["Set-Cookie"]
    assert "SameSite=Lax" in response.headers["Set-Cookie"]
    page = text_of(client.get(f"/events/test-meeting/sessions/{seoul_meeting.id}"))
    assert "Sunday 17 October 2021, 20:00 – 21:00 America/New_York" in page


def test_the_address_wins_over_the_remembered_zone_and_becomes_the_new_choice(client, seoul_meeting):
    client.set_cookie("planner_tz", "America/New_York")
    assert "Times are in Europe/Zurich" in text_of(client.get("/events/test-meeting/?tz=Europe/Zurich"))
    assert "Times are in Europe/Zurich" in text_of(client.get("/events/test-meeting/"))


def test_a_remembered_zone_that_is_no_zone_is_ignored(client, seoul_meeting):
    client.set_cookie("planner_tz", "Nowhere/At_All")
    page = text_of(client.get("/events/test-meeting/"))
    assert "Times are in the meeting's time zone, Asia/Seoul" in page and "not a known" not in page


def test_pages_that_depend_on_the_cookie_say_so_to_caches(client, seoul_meeting):
    assert "Cookie" in client.get("/events/test-meeting/").headers["Vary"]


def test_the_picker_is_a_plain_get_form_starting_from_the_shown_zone(client, seoul_meeting):
    client.set_cookie("planner_tz", "America/New_York")
    html = client.get("/events/test-meeting/days/2021-10-18").get_data(as_text=True)
    form = html[html.index('<form class="zone-picker"'):html.index("</form>")]
    assert 'method="get" action="/events/test-meeting/days/2021-10-18"' in form
    assert 'data-zone-source="remembered" data-shown-zone="America/New_York"' in form
    assert '<select id="zone-picker-tz" name="tz">' in form
    assert form.count(" selected") == 1 and '<option value="America/New_York" selected>New York</option>' in form
    assert '<optgroup label="This meeting">\n          <option value="Asia/Seoul">Asia/Seoul</option>' in form
    assert "/static/zone-picker.js" in html


def test_a_zone_outside_the_pickers_list_is_offered_as_the_readers_choice(client, seoul_meeting):
    html = client.get("/events/test-meeting/?tz=US/Eastern").get_data(as_text=True)
    assert '<optgroup label="Your choice">\n          <option value="US/Eastern" selected>US/Eastern</option>' in html


def test_the_api_renders_times_with_the_readers_offset_and_names_both_zones(client, zurich_meetings):
    body = client.get("/api/v1/events/geneva-2021?tz=Asia/Seoul").get_json()
    assert (body["timezone"], body["reader_timezone"]) == ("Europe/Zurich", "Asia/Seoul")
    times = [(s["title"], s["starts_at"], s["ends_at"], s["timezone"], s["reader_timezone"]) for s in body["sessions"]]
    assert times == [
        ("Before the switch", "2021-10-29T16:00:00+09:00", "2021-10-29T17:00:00+09:00", "Europe/Zurich", "Asia/Seoul"),
        ("After the switch", "2021-11-01T17:00:00+09:00", "2021-11-01T18:00:00+09:00", "Europe/Zurich", "Asia/Seoul"),
    ]
    body = client.get("/api/v1/events/zurich-2000?tz=Asia/Seoul").get_json()
    assert body["sessions"][0]["starts_at"] == "2000-03-27T16:00:00+09:00"


def test_the_api_answers_400_naming_tz_for_an_unknown_zone(client, seoul_meeting):
    response = client.get("/api/v1/events/test-meeting?tz=Mars/Olympus_Mons")
    assert response.status_code == 400
    assert response.get_json() == {"error": {
        "status": 400, "title": "Bad Request", "field": "tz",
        "message": "“Mars/Olympus_Mons” is not a known IANA time zone, such as Europe/Zurich or Asia/Seoul.",
        "fields": {"tz": "“Mars/Olympus_Mons” is not a known IANA time zone, such as Europe/Zurich or Asia/Seoul."},
    }}


def test_the_api_ignores_the_browsers_remembered_zone(client, seoul_meeting):
    client.set_cookie("planner_tz", "America/New_York")
    response = client.get("/api/v1/events/test-meeting")
    body = response.get_json()
    assert (body["reader_timezone"], body["sessions"][0]["starts_at"]) == ("Asia/Seoul", "2021-10-18T09:00:00+09:00")
    assert "Set-Cookie" not in response.headers
