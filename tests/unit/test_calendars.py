"""Calendar files from plain values: the instants every client reads, and what each event says."""
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.domain.calendars import (
    CANCEL, REQUEST, Attendee, CalendarEntry, Organizer, RoleHolder, attendee_role, invitation, join_link, publish,
    vtimezone,
)
from planner.domain.timezones import to_instant
from planner.domain.vocabulary import AttendanceMode, DayMode, ParticipantRole, Role, SessionStatus
from tests.calendar_readers import all_readers, icaljs_instants  # noqa: F401  (fixtures)

UTC = timezone.utc
EDITED = datetime(2021, 10, 1, 8, 0, tzinfo=UTC)


def entry(uid: str, zone_name: str, starts: datetime, minutes: int = 60, **overrides) -> CalendarEntry:
    """A session starting at the wall-clock time ``starts`` in ``zone_name``."""
    instant = to_instant(starts, zone_name, first_if_repeated=True)
    values = dict(uid=uid, sequence=0, title="Working session", starts_at=instant,
                  ends_at=instant + timedelta(minutes=minutes), status=SessionStatus.CONFIRMED,
                  kind="Working session", created=EDITED, last_modified=EDITED)
    values.update(overrides)
    return CalendarEntry(**values)


def utc(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# The instants, read back by three parsers from the file's own VTIMEZONE.

CASES = {
    "Zurich, the day after the spring change of 2000": (
        "Europe/Zurich", [datetime(2000, 3, 27, 9, 0)], [utc(2000, 3, 27, 7, 0)]),
    "Geneva, a week spanning the autumn change of 2021": (
        "Europe/Zurich",
        [datetime(2021, 10, 29, 9, 0), datetime(2021, 10, 31, 9, 0), datetime(2021, 11, 1, 9, 0)],
        [utc(2021, 10, 29, 7, 0), utc(2021, 10, 31, 8, 0), utc(2021, 11, 1, 8, 0)]),
    "Seoul, which has no summer time": (
        "Asia/Seoul", [datetime(2021, 10, 15, 10, 0), datetime(2021, 10, 18, 9, 30)],
        [utc(2021, 10, 15, 1, 0), utc(2021, 10, 18, 0, 30)]),
    "New York, the first spring of the 2007 rules": (
        "America/New_York", [datetime(2007, 3, 9, 9, 0), datetime(2007, 3, 12, 9, 0)],
        [utc(2007, 3, 9, 14, 0), utc(2007, 3, 12, 13, 0)]),
    "New York, across the autumn change of 2024": (
        "America/New_York", [datetime(2024, 11, 1, 9, 0), datetime(2024, 11, 4, 9, 0)],
        [utc(2024, 11, 1, 13, 0), utc(2024, 11, 4, 14, 0)]),
}


@pytest.mark.parametrize("case", CASES)
def test_every_parser_reads_the_instants_the_meeting_means(all_readers, case):
    zone_name, wall_clocks, expected = CASES[case]
    entries = [entry(f"uid-{n}", zone_name, wall_clock) for n, wall_clock in enumerate(wall_clocks)]
    data = publish(entries, zone_name=zone_name, name="Test")
    wanted = {f"uid-{n}": (start, start + timedelta(hours=1)) for n, start in enumerate(expected)}
    assert {name: read(data) for name, read in all_readers.items()} == {name: wanted for name in all_readers}


def test_a_clock_reading_that_happens_twice_is_written_in_utc_as_parsers_disagree_on_it(all_readers):
    first = utc(2021, 10, 31, 0, 30)  # 02:30 CEST
    second = utc(2021, 10, 31, 1, 30)  # 02:30 CET, an hour later
    entries = [entry("first", "Europe/Zurich", datetime(2021, 10, 31, 2, 30), minutes=30),
               entry("second", "Europe/Zurich", datetime(2021, 10, 31, 2, 30), minutes=30,
                     starts_at=second, ends_at=second + timedelta(minutes=30))]
    data = publish(entries, zone_name="Europe/Zurich", name="Test")
    assert b"DTSTART:20211031T003000Z\r\n" in data and b"DTSTART:20211031T013000Z\r\n" in data
    wanted = {"first": (first, first + timedelta(minutes=30)), "second": (second, second + timedelta(minutes=30))}
    assert {name: read(data) for name, read in all_readers.items()} == {name: wanted for name in all_readers}


def test_icaljs_misreads_the_one_line_rdate_form_which_is_why_it_is_not_written(icaljs_instants):
    """The check has teeth: icalendar's own VTIMEZONE for Zurich puts Thunderbird an hour off."""
    data = publish([entry("x", "Europe/Zurich", datetime(2000, 3, 27, 9, 0))], zone_name="Europe/Zurich", name="T")
    calendar = icalendar.Calendar.from_ical(data)
    generated = icalendar.Timezone.from_tzid("Europe/Zurich", first_date=date(1996, 1, 1), last_date=date(2001, 1, 1))
    assert "RDATE:19970330T030000,19980329T030000,19990328T030000,20000326T030000" in generated.to_ical().decode()
    calendar.subcomponents[0] = generated
    assert icaljs_instants(calendar.to_ical())["x"][0] == utc(2000, 3, 27, 8, 0)


# The VTIMEZONE's form.

def lines(component) -> list[str]:
    return component.to_ical().decode().splitlines()


def test_a_summer_time_zone_is_written_as_yearly_rules_like_outlook_and_google_write_it():
    assert lines(vtimezone("Europe/Zurich", date(2000, 3, 27), date(2000, 3, 28))) == [
        "BEGIN:VTIMEZONE", "TZID:Europe/Zurich",
        "BEGIN:DAYLIGHT", "DTSTART:19990328T020000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "TZNAME:CEST",
        "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "END:DAYLIGHT",
        "BEGIN:STANDARD", "DTSTART:19991031T030000", "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "TZNAME:CET",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "END:STANDARD",
        "END:VTIMEZONE",
    ]


def test_a_zone_without_summer_time_has_one_observance():
    assert lines(vtimezone("Asia/Seoul", date(2021, 10, 15), date(2021, 10, 22))) == [
        "BEGIN:VTIMEZONE", "TZID:Asia/Seoul",
        "BEGIN:STANDARD", "DTSTART:20200101T000000", "TZNAME:KST", "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def test_a_rule_that_stopped_ends_and_a_one_off_change_stands_alone():
    """Brazil dropped summer time in 2019: the last change back is bounded, the last change forward was once."""
    text = "\n".join(lines(vtimezone("America/Sao_Paulo", date(2019, 3, 1), date(2019, 3, 2))))
    assert "DTSTART:20180218T000000\nRRULE:FREQ=YEARLY;UNTIL=20190218T020000Z;BYDAY=3SU;BYMONTH=2" in text
    assert "DTSTART:20181104T000000\nTZNAME:-02" in text
    assert "RDATE" not in text


def test_a_change_of_rules_in_the_span_keeps_each_years_own_dates():
    text = "\n".join(lines(vtimezone("America/New_York", date(2007, 3, 9), date(2007, 3, 12))))
    assert "DTSTART:20060402T020000\nTZNAME:EDT" in text
    assert "DTSTART:20070311T020000\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3" in text
    assert "DTSTART:20071104T020000\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11" in text


# What each event says.

def event_of(data: bytes, method: str = "PUBLISH") -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["METHOD"]) == method
    [event] = calendar.walk("VEVENT")
    return event


def full_entry(**overrides) -> CalendarEntry:
    values = dict(
        uid="5fc53010-1267-4f8e-bc28-1d7ae55a7c99", sequence=3, title="Opening session", status=SessionStatus.CONFIRMED,
        kind="Opening", thematic_area="Border management", location="Main hall, Seoul, Republic of Korea",
        description="Welcome and aims of the meeting.",
        people=(RoleHolder("Chair", "Mr Chang Wook-jin", "Director-General for International Organizations",
                           "Ministry of Foreign Affairs (MOFA)"),
                RoleHolder("Speaker", "Ms Jehangir Khan", "", "UNCCT")),
        url="https://planner.example.org/events/egm/sessions/7",
    )
    values.update(overrides)
    return entry(values.pop("uid"), "Asia/Seoul", datetime(2021, 10, 15, 10, 0), **values)


def test_an_event_carries_everything_a_participant_reads():
    event = event_of(publish([full_entry()], zone_name="Asia/Seoul", name="EGM"))
    assert {name: event[name].to_ical().decode() for name in event if name != "DESCRIPTION"} == {
        "UID": "5fc53010-1267-4f8e-bc28-1d7ae55a7c99",
        "DTSTAMP": "20211001T080000Z",
        "SEQUENCE": "3",
        "DTSTART": "20211015T100000",
        "DTEND": "20211015T110000",
        "SUMMARY": "Opening session",
        "LOCATION": "Main hall\\, Seoul\\, Republic of Korea",
        "URL": "https://planner.example.org/events/egm/sessions/7",
        "CATEGORIES": "Opening,Border management",
        "STATUS": "CONFIRMED",
        "CREATED": "20211001T080000Z",
        "LAST-MODIFIED": "20211001T080000Z",
    }
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    assert str(event["DESCRIPTION"]) == (
        "Chair: Mr Chang Wook-jin, Director-General for International Organizations, "
        "Ministry of Foreign Affairs (MOFA)\nSpeaker: Ms Jehangir Khan, UNCCT\n\n"
        "Welcome and aims of the meeting.\n\n"
        "Agenda: https://planner.example.org/events/egm/sessions/7"
    )


def test_the_join_link_is_in_the_event_only_when_the_entry_has_one():
    without = event_of(publish([full_entry()], zone_name="Asia/Seoul", name="EGM"))
    assert "CONFERENCE" not in without and "meet.example.org" not in str(without["DESCRIPTION"])
    event = event_of(publish([full_entry(join_link="https://meet.example.org/egm")], zone_name="Asia/Seoul",
                             name="EGM"))
    assert str(event["CONFERENCE"]) == "https://meet.example.org/egm"
    assert dict(event["CONFERENCE"].params) == {"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"],
                                               "LABEL": "Join online"}
    assert "Join online: https://meet.example.org/egm" in str(event["DESCRIPTION"])


def test_a_cancelled_event_says_so_in_its_status_and_title():
    event = event_of(publish([full_entry(status=SessionStatus.CANCELLED)], zone_name="Asia/Seoul", name="EGM"))
    assert (str(event["STATUS"]), str(event["SUMMARY"])) == ("CANCELLED", "Cancelled: Opening session")
    assert str(event["DESCRIPTION"]).startswith("This session is cancelled.")


def test_a_feed_is_named_refreshes_hourly_and_is_the_same_bytes_every_time():
    data = publish([full_entry()], zone_name="Asia/Seoul", name="EGM Border Management 2021")
    calendar = icalendar.Calendar.from_ical(data)
    assert {name: calendar[name].to_ical().decode() for name in
            ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "X-WR-TIMEZONE", "VERSION")} == {
        "NAME": "EGM Border Management 2021", "X-WR-CALNAME": "EGM Border Management 2021",
        "REFRESH-INTERVAL": "PT1H", "X-PUBLISHED-TTL": "PT1H", "X-WR-TIMEZONE": "Asia/Seoul", "VERSION": "2.0",
    }
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in data
    assert publish([full_entry()], zone_name="Asia/Seoul", name="EGM Border Management 2021") == data


def test_every_tzid_used_has_its_vtimezone():
    calendar = icalendar.Calendar.from_ical(publish([full_entry()], zone_name="Asia/Seoul", name="EGM"))
    used = {prop.params["TZID"] for event in calendar.walk("VEVENT") for prop in (event["DTSTART"], event["DTEND"])}
    assert used == {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")} == {"Asia/Seoul"}


def test_an_empty_feed_is_still_a_calendar():
    calendar = icalendar.Calendar.from_ical(publish([], zone_name="Asia/Seoul", name="EGM"))
    assert (calendar.walk("VEVENT"), str(calendar["X-WR-CALNAME"])) == ([], "EGM")


# Invitations (RFC 5546).

ORGANIZER = Organizer("egm-secretariat@example.org", "EGM Border Management 2021")
SENT = datetime(2021, 10, 5, 12, 0, tzinfo=UTC)


def test_an_invitation_asks_the_attendee_to_answer():
    data = invitation(full_entry(), method=REQUEST, zone_name="Asia/Seoul", organizer=ORGANIZER,
                      attendee=Attendee("khan@example.org", "Ms Jehangir Khan", "CHAIR"), stamp=SENT)
    event = event_of(data, "REQUEST")
    assert (str(event["ORGANIZER"]), dict(event["ORGANIZER"].params)) == (
        "mailto:egm-secretariat@example.org", {"CN": "EGM Border Management 2021"})
    assert (str(event["ATTENDEE"]), dict(event["ATTENDEE"].params)) == (
        "mailto:khan@example.org",
        {"CN": "Ms Jehangir Khan", "ROLE": "CHAIR", "CUTYPE": "INDIVIDUAL", "PARTSTAT": "NEEDS-ACTION", "RSVP": "TRUE"})
    assert (event["DTSTAMP"].dt, event["SEQUENCE"]) == (SENT, 3)


def test_a_cancellation_names_the_attendee_without_asking_for_an_answer():
    data = invitation(full_entry(status=SessionStatus.CANCELLED, sequence=4), method=CANCEL, zone_name="Asia/Seoul",
                      organizer=ORGANIZER, attendee=Attendee("khan@example.org", "Ms Jehangir Khan"), stamp=SENT)
    event = event_of(data, "CANCEL")
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 4)
    assert dict(event["ATTENDEE"].params) == {"CN": "Ms Jehangir Khan", "ROLE": "REQ-PARTICIPANT",
                                              "CUTYPE": "INDIVIDUAL"}


# Who may read what.

@pytest.mark.parametrize("mode, public, day_mode, expected", [
    (AttendanceMode.HYBRID, False, None, ""),
    (AttendanceMode.HYBRID, True, None, "https://meet.example.org/x"),
    (AttendanceMode.HYBRID, False, DayMode.ONLINE, "https://meet.example.org/x"),
    (AttendanceMode.ONLINE, False, DayMode.IN_ROOM, ""),
    (AttendanceMode.ONLINE, False, DayMode.ABSENT, ""),
    (AttendanceMode.ONLINE, False, DayMode.ONLINE, "https://meet.example.org/x"),
    (AttendanceMode.IN_PERSON, True, DayMode.ONLINE, ""),
])
def test_the_join_link_reaches_the_public_if_made_public_and_participants_on_their_online_days(
        mode, public, day_mode, expected):
    assert join_link("https://meet.example.org/x", attendance_mode=mode, link_public=public,
                     day_mode=day_mode) == expected


@pytest.mark.parametrize("roles, participant_role, expected", [
    ({Role.CHAIR}, ParticipantRole.DELEGATE, "CHAIR"),
    ({Role.MODERATOR, Role.SPEAKER}, ParticipantRole.EXPERT, "CHAIR"),
    ({Role.SPEAKER}, ParticipantRole.OBSERVER, "REQ-PARTICIPANT"),
    (set(), ParticipantRole.DELEGATE, "REQ-PARTICIPANT"),
    (set(), ParticipantRole.OBSERVER, "OPT-PARTICIPANT"),
    (set(), ParticipantRole.PRESS, "OPT-PARTICIPANT"),
])
def test_an_attendees_role_follows_what_they_do_in_the_session(roles, participant_role, expected):
    assert attendee_role(roles, participant_role) == expected


# Zones with unusual changes: half-hour summer time, negative summer time, Ramadan breaks,
# fixed-date rules, summer time dropped, southern-hemisphere summers.
HARD_ZONES = ["Europe/Zurich", "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Tehran",
              "Africa/Casablanca", "Europe/Dublin", "Pacific/Chatham", "America/Santiago", "Asia/Gaza",
              "Antarctica/Troll"]


@pytest.mark.parametrize("zone_name", HARD_ZONES)
def test_every_parser_agrees_with_zoneinfo_over_years_of_a_hard_zone(all_readers, zone_name):
    """Noon every fourth day of 2000, 2021 and 2024 in one file: the VTIMEZONE spans 25 years of rule changes."""
    tz = ZoneInfo(zone_name)
    entries = []
    for year in (2000, 2021, 2024):
        day = date(year, 1, 1)
        while day.year == year:
            instant = datetime(day.year, day.month, day.day, 12, tzinfo=tz).astimezone(UTC)
            entries.append(entry(f"{zone_name}-{day}", zone_name, datetime(day.year, day.month, day.day, 12),
                                 starts_at=instant, ends_at=instant + timedelta(hours=1)))
            day += timedelta(days=4)
    data = publish(entries, zone_name=zone_name, name="Test")
    wanted = {e.uid: (e.starts_at, e.ends_at) for e in entries}
    for name, read in all_readers.items():
        found = read(data)
        assert {uid: found[uid] for uid in wanted if found[uid] != wanted[uid]} == {}, name
