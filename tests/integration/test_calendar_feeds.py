"""Calendar files at the stable addresses, as calendar clients and browsers fetch them."""
import re
from datetime import date, datetime, timezone

import icalendar
import pytest

from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import AttendanceMode, DayMode, InstitutionKind, ParticipantRole, Role, SessionStatus
from planner.extensions import db
from planner.operations.agenda import assign_role, delete_session, update_session
from planner.operations.meetings import update_meeting, update_person, update_room
from planner.operations.personal_tokens import issue_personal_token, revoke_personal_token
from planner.operations.registrations import register_participant
from planner.queries.agenda import agenda_sessions, published_meetings
from tests.calendar_readers import all_readers, icaljs_instants  # noqa: F401  (fixtures)
from tests.integration.test_query_counts import build_meeting

FEED = "/events/test-meeting/calendar.ics"
LINK = "https://meet.example.org/egm"


def calendar_of(response) -> icalendar.Calendar:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return icalendar.Calendar.from_ical(response.data)


def events(response) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar_of(response).walk("VEVENT")}


def by_title(response) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar_of(response).walk("VEVENT")}


@pytest.fixture
def agenda(make):
    """A hybrid meeting in Seoul: sessions of every status, public and private links, a draft, a deleted one."""
    meeting = make.meeting(contact_email="secretariat@example.org", short_name="EGM 2021")
    room = make.room(meeting, "Main hall")
    mofa = make.institution(meeting, "Ministry of Foreign Affairs", acronym="MOFA", kind=InstitutionKind.GOVERNMENT)
    chang = make.person(meeting, "Chang Wook-jin", honorific="Mr", institution=mofa,
                        position="Director-General for International Organizations", email="chang@example.org")
    sessions = dict(
        opening=make.session(meeting, "Opening session", datetime(2021, 10, 18, 9), room=room,
                             thematic_area="Border management", online_link=LINK, online_link_public=True),
        working=make.session(meeting, "Working session", datetime(2021, 10, 18, 10), room=room, online_link=LINK,
                             status=SessionStatus.TENTATIVE),
        visit=make.session(meeting, "Site visit", datetime(2021, 10, 19, 9), attendance_mode=AttendanceMode.IN_PERSON),
        draft=make.session(meeting, "Draft session", datetime(2021, 10, 19, 11), draft=True),
        called_off=make.session(meeting, "Called-off session", datetime(2021, 10, 20, 9),
                                status=SessionStatus.CANCELLED),
        removed=make.session(meeting, "Removed session", datetime(2021, 10, 21, 9)),
    )
    assign_role(sessions["opening"], chang, Role.CHAIR)
    delete_session(sessions["removed"], actor=None)
    db.session.commit()
    return dict(meeting=meeting, room=room, chang=chang, **sessions)


def test_the_meeting_feed_keeps_cancelled_and_deleted_sessions_and_leaves_out_drafts(client, agenda):
    found = by_title(client.get(FEED))
    assert {title: (str(event["STATUS"]), event["SEQUENCE"]) for title, event in found.items()} == {
        "Opening session": ("CONFIRMED", 0),
        "Working session": ("TENTATIVE", 0),
        "Site visit": ("CONFIRMED", 0),
        "Cancelled: Called-off session": ("CANCELLED", 0),
        "Cancelled: Removed session": ("CANCELLED", 1),
    }
    assert str(found["Opening session"]["UID"]) == str(agenda["opening"].uid)
    assert str(found["Cancelled: Removed session"]["URL"]) == "http://localhost/events/test-meeting/"


def test_an_event_says_when_where_who_and_what(client, agenda):
    event = by_title(client.get(FEED))["Opening session"]
    assert event["DTSTART"].to_ical() == b"20211018T090000" and event["DTSTART"].params["TZID"] == "Asia/Seoul"
    assert event["DTSTART"].dt == datetime(2021, 10, 18, 0, 0, tzinfo=timezone.utc)
    assert str(event["LOCATION"]) == "Main hall, Seoul"
    assert event["CATEGORIES"].to_ical() == b"Working session,Border management"
    assert str(event["URL"]) == f"http://localhost/events/test-meeting/sessions/{agenda['opening'].id}"
    assert str(event["DESCRIPTION"]) == (
        "Chair: Mr Chang Wook-jin, Director-General for International Organizations, "
        f"Ministry of Foreign Affairs (MOFA)\n\nJoin online: {LINK}\n\n"
        f"Agenda: http://localhost/events/test-meeting/sessions/{agenda['opening'].id}"
    )
    assert event["LAST-MODIFIED"].dt == event["DTSTAMP"].dt == agenda["opening"].updated_at.replace(microsecond=0)


def test_the_public_feed_gives_the_join_link_only_where_the_organiser_made_it_public(client, agenda):
    found = by_title(client.get(FEED))
    assert str(found["Opening session"]["CONFERENCE"]) == LINK
    assert "CONFERENCE" not in found["Working session"] and LINK not in found["Working session"]["DESCRIPTION"]


def test_the_feed_is_named_and_asks_to_be_refreshed(client, agenda):
    calendar = calendar_of(client.get(FEED))
    assert (str(calendar["X-WR-CALNAME"]), str(calendar["NAME"]), str(calendar["METHOD"])) == (
        "EGM 2021", "EGM 2021", "PUBLISH")
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in client.get(FEED).data
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in client.get(FEED).data


def test_a_calendar_file_answers_as_text_calendar_with_a_file_name_and_validators(client, agenda):
    response = client.get(FEED)
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="test-meeting.ics"'
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    assert response.headers["Cache-Control"] == "no-cache, public"


def test_an_unchanged_feed_answers_304_and_the_same_bytes(client, agenda):
    first = client.get(FEED)
    assert client.get(FEED).data == first.data
    again = client.get(FEED, headers={"If-None-Match": first.headers["ETag"]})
    assert (again.status_code, again.data, again.headers["ETag"]) == (304, b"", first.headers["ETag"])
    since = client.get(FEED, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


EDITS = {
    "move a session": lambda a: update_session(a["visit"], actor=None, starts=datetime(2021, 10, 19, 14),
                                               ends=datetime(2021, 10, 19, 15)),
    "reword a description": lambda a: update_session(a["visit"], actor=None, description="Bring a passport."),
    "add a speaker": lambda a: assign_role(a["visit"], a["chang"], Role.SPEAKER),
    "rename a person": lambda a: update_person(a["chang"], actor=None, name="Chang W.", honorific="Mr"),
    "rename a room": lambda a: update_room(a["room"], actor=None, name="Grand hall"),
    "delete a session": lambda a: delete_session(a["working"], actor=None),
    "change the venue": lambda a: update_meeting(
        a["meeting"], actor=None, title="Test meeting", first_day=date(2021, 10, 18), last_day=date(2021, 10, 22),
        timezone="Asia/Seoul", format=a["meeting"].format, venue="Busan", published=True,
        contact_email="secretariat@example.org", short_name="EGM 2021"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_any_edit_of_the_agenda_changes_the_etag_and_the_feed(client, agenda, edit):
    before = client.get(FEED)
    EDITS[edit](agenda)
    db.session.commit()
    after = client.get(FEED, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert after.headers["ETag"] != before.headers["ETag"] and after.data != before.data


def test_a_session_file_holds_that_session_and_a_deleted_one_comes_back_cancelled(client, agenda):
    response = client.get(f"/events/test-meeting/sessions/{agenda['opening'].id}.ics")
    assert list(by_title(response)) == ["Opening session"]
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="test-meeting-session-{agenda["opening"].id}.ics"')
    removed = by_title(client.get(f"/events/test-meeting/sessions/{agenda['removed'].id}.ics"))
    assert [str(event["STATUS"]) for event in removed.values()] == ["CANCELLED"]


def test_a_day_file_holds_that_days_sessions(client, agenda):
    assert list(by_title(client.get("/events/test-meeting/days/2021-10-18.ics"))) == [
        "Opening session", "Working session"]


@pytest.mark.parametrize("address", [
    "/events/test-meeting/sessions/999999.ics", "/events/no-such/calendar.ics", "/events/test-meeting/days/2021-10-23.ics",
    "/my/no-such-token/calendar.ics",
])
def test_unknown_calendar_addresses_answer_404(client, agenda, address):
    assert client.get(address).status_code == 404
    # Even to a client holding the validator of another of the meeting's files.
    etag = client.get(FEED).headers["ETag"]
    assert client.get(address, headers={"If-None-Match": etag}).status_code == 404


def test_a_draft_session_and_a_draft_meeting_have_no_calendar_file(client, agenda, make):
    assert client.get(f"/events/test-meeting/sessions/{agenda['draft'].id}.ics").status_code == 404
    make.meeting(slug="unpublished", published=False)
    assert client.get("/events/unpublished/calendar.ics").status_code == 404


def test_the_agenda_day_and_session_pages_offer_the_file_and_the_subscription(client, agenda):
    session_id = agenda["opening"].id
    for page, download in [
        ("/events/test-meeting/", "/events/test-meeting/calendar.ics"),
        ("/events/test-meeting/days/2021-10-18", "/events/test-meeting/days/2021-10-18.ics"),
        (f"/events/test-meeting/sessions/{session_id}", f"/events/test-meeting/sessions/{session_id}.ics"),
    ]:
        html = client.get(page).get_data(as_text=True)
        assert f'href="{download}" download>Add to calendar</a>' in html
        assert 'href="webcal://localhost/events/test-meeting/calendar.ics">Subscribe</a>' in html


def test_every_parser_reads_a_zurich_agenda_at_the_right_instants(client, make, all_readers):
    meeting = make.meeting(slug="zurich-2000", first_day=date(2000, 3, 27), last_day=date(2000, 3, 28),
                           timezone="Europe/Zurich")
    session = make.session(meeting, "Morning", datetime(2000, 3, 27, 9))
    data = client.get("/events/zurich-2000/calendar.ics").data
    wanted = {str(session.uid): (datetime(2000, 3, 27, 7, tzinfo=timezone.utc),
                                 datetime(2000, 3, 27, 8, tzinfo=timezone.utc))}
    assert {name: read(data) for name, read in all_readers.items()} == {name: wanted for name in all_readers}


# The personal feed.

@pytest.fixture
def participant(agenda, make):
    """Chang: in the room on the 18th, online on the 19th, chair of the opening; absent the other days."""
    registration = register_participant(agenda["meeting"], agenda["chang"], role=ParticipantRole.DELEGATE,
                                        days={date(2021, 10, 18): DayMode.IN_ROOM, date(2021, 10, 19): DayMode.ONLINE,
                                              date(2021, 10, 20): DayMode.ABSENT})
    db.session.commit()
    return registration


def issue(registration) -> str:
    token = issue_personal_token(registration, actor=None)
    db.session.commit()
    return token


def test_a_personal_feed_has_the_sessions_of_the_days_attended_and_of_the_roles_held(client, agenda, participant,
                                                                                      make):
    elsewhere = make.session(agenda["meeting"], "Chaired on a day away", datetime(2021, 10, 22, 9))
    assign_role(elsewhere, agenda["chang"], Role.CHAIR)
    make.session(agenda["meeting"], "Not for Chang", datetime(2021, 10, 22, 11))
    response = client.get(f"/my/{issue(participant)}/calendar.ics")
    assert list(by_title(response)) == ["Opening session", "Working session", "Site visit", "Chaired on a day away"]
    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == "EGM 2021 — Chang Wook-jin"
    assert response.headers["Cache-Control"] == "no-cache, private"


def test_a_personal_feed_gives_the_join_link_on_the_days_attended_online(client, agenda, participant, make):
    online_day = make.session(agenda["meeting"], "Online day session", datetime(2021, 10, 19, 14),
                              online_link=LINK, attendance_mode=AttendanceMode.ONLINE)
    found = by_title(client.get(f"/my/{issue(participant)}/calendar.ics"))
    assert str(found["Online day session"]["CONFERENCE"]) == LINK
    assert "CONFERENCE" not in found["Working session"]  # a day in the room, a private link
    assert str(found["Opening session"]["CONFERENCE"]) == LINK  # public anyway
    assert "CONFERENCE" not in found["Site visit"]  # online day, but held only in the room
    assert online_day.id


def test_a_personal_token_is_long_random_kept_only_as_a_hash_and_revocable(client, participant):
    token = issue(participant)
    assert len(token) >= 43 and participant.personal_token_hash not in (None, token)
    assert token not in repr(participant.__dict__)
    assert client.get(f"/my/{token}/calendar.ics").status_code == 200
    revoke_personal_token(participant, actor=None)
    db.session.commit()
    assert client.get(f"/my/{token}/calendar.ics").status_code == 404


def test_issuing_a_new_personal_token_retires_the_old_one(client, participant):
    old = issue(participant)
    new = issue(participant)
    assert old != new
    assert (client.get(f"/my/{old}/calendar.ics").status_code, client.get(f"/my/{new}/calendar.ics").status_code) == (
        404, 200)


def test_a_personal_feed_changes_its_etag_when_the_participant_changes_how_they_attend(client, participant):
    token = issue(participant)
    before = client.get(f"/my/{token}/calendar.ics")
    participant.days[0].mode = DayMode.ONLINE
    db.session.commit()
    after = client.get(f"/my/{token}/calendar.ics", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers["ETag"] != before.headers["ETag"]


# Queries behind a feed.

@pytest.mark.parametrize("address", ["/events/{slug}/calendar.ics", "/my/{token}/calendar.ics",
                                     "/events/{slug}/days/2021-10-18.ics"])
def test_queries_behind_a_feed_are_the_same_for_10_and_500_sessions(client, make, count_queries, address):
    counts = {}
    for size in (10, 500):
        meeting = build_meeting(make, f"size-{size}", size)
        person = meeting.people[0]
        person.email = f"p{size}@example.org"
        registration = register_participant(meeting, person, role=ParticipantRole.DELEGATE,
                                            days={day: DayMode.ONLINE for day in meeting.days})
        url = address.format(slug=meeting.slug, token=issue(registration))
        with count_queries() as counter:
            response = client.get(url)
        assert response.status_code == 200
        assert response.data.count(b"BEGIN:VEVENT") >= size // 5
        counts[size] = counter.count
        with count_queries() as counter:
            assert client.get(url, headers={"If-None-Match": response.headers["ETag"]}).status_code == 304
        counts[size, 304] = counter.count
    assert (counts[10], counts[10, 304]) == (counts[500], counts[500, 304])
    # A client asking again about an unchanged agenda costs one query (and one more for a participant's days).
    assert counts[500] <= 8 and counts[500, 304] == (2 if "/my/" in address else 1), counts


def test_the_token_is_not_in_the_file_name_or_the_page_of_a_feed(client, participant):
    token = issue(participant)
    response = client.get(f"/my/{token}/calendar.ics")
    assert token not in response.headers["Content-Disposition"] and token.encode() not in response.data
    assert re.fullmatch(r'attachment; filename="test-meeting-personal\.ics"', response.headers["Content-Disposition"])


def test_every_parser_reads_each_demo_session_at_its_stored_instants(client, app_context, all_readers):
    load_demo_meetings()
    db.session.commit()
    for meeting in published_meetings():
        data = client.get(f"/events/{meeting.slug}/calendar.ics").data
        wanted = {str(session.uid): (session.starts_at, session.ends_at) for session in agenda_sessions(meeting)}
        assert {name: read(data) for name, read in all_readers.items()} == {name: wanted for name in all_readers}


def test_the_command_line_issues_and_revokes_a_personal_address(client, runner, participant):
    issued = runner.invoke(args=["personal-address", "issue", "test-meeting", "CHANG@example.org"])
    path = issued.output.strip()
    assert issued.exit_code == 0 and re.fullmatch(r"/my/[\w-]{43}/calendar\.ics", path)
    assert client.get(path).status_code == 200
    assert runner.invoke(args=["personal-address", "revoke", "test-meeting", "chang@example.org"]).exit_code == 0
    assert client.get(path).status_code == 404
    unknown = runner.invoke(args=["personal-address", "issue", "test-meeting", "nobody@example.org"])
    assert unknown.exit_code == 1 and "Nobody with the email nobody@example.org" in unknown.output
