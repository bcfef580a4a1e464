"""The hand-written iCalendar lines: whatever the text, every parser reads back exactly what was written."""
from datetime import datetime, timedelta, timezone

import icalendar
import vobject
from hypothesis import given, settings, strategies as st

from planner.domain.calendars.writer import duration, fold, line, parameter, text, utc

# Any text a title, a name or a description can hold: every plane, control characters aside.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x00"), max_size=300)


def calendar_with(*lines: str) -> str:
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
            "DTSTAMP:20270308T080000Z\r\nDTSTART:20270308T080000Z\r\n" + "".join(lines)
            + "END:VEVENT\r\nEND:VCALENDAR\r\n")


@settings(max_examples=300, derandomize=True)
@given(TEXT.map(lambda value: value.replace("\r", "")))
def test_any_text_value_reads_back_as_written(value):
    written = calendar_with(line("SUMMARY", text(value)), line("DESCRIPTION", text(value)))
    event = icalendar.Calendar.from_ical(written).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == value
    assert vobject.readOne(written).vevent.description.value == value


# icalendar reads a backslash in a parameter value as an escape, though RFC 5545 has none there;
# names and labels hold none.
@settings(max_examples=300, derandomize=True)
@given(TEXT.filter(lambda value: not {"\r", "\n", "\\"} & set(value)))
def test_any_parameter_value_reads_back_as_written(value):
    written = calendar_with(line("ATTENDEE", "mailto:a@example.org", {"CN": value, "ROLE": "CHAIR"}))
    attendee = icalendar.Calendar.from_ical(written).walk("VEVENT")[0]["ATTENDEE"]
    assert attendee.params["CN"] == value
    assert attendee.params["ROLE"] == "CHAIR"


@settings(max_examples=300, derandomize=True)
@given(TEXT.map(lambda value: "DESCRIPTION:" + text(value)))
def test_a_folded_line_is_at_most_75_octets_and_unfolds_to_the_original(content):
    folded = fold(content)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join([pieces[0], *(piece[1:] for piece in pieces[1:])]) == content


def test_a_line_never_breaks_inside_a_character_or_after_a_backslash():
    korean = "DESCRIPTION:" + "국제회의 " * 30
    for piece in fold(korean).split("\r\n"):
        piece.encode().decode()  # a break inside a character would leave half of it on each line
    escaped = "DESCRIPTION:" + "x" * 62 + "\\n" + "y" * 20
    assert fold(escaped).split("\r\n")[0].endswith("x")


def test_a_short_ascii_line_is_left_alone():
    assert fold("SUMMARY:Opening") == "SUMMARY:Opening"


def test_several_values_of_one_parameter_are_listed_and_unusual_values_quoted():
    assert line("CONFERENCE", "https://meet.example.org/x", {"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"]}) == (
        "CONFERENCE;VALUE=URI;FEATURE=AUDIO,VIDEO:https://meet.example.org/x\r\n")
    assert parameter("Ministry of Foreign Affairs, Korea") == '"Ministry of Foreign Affairs, Korea"'
    assert parameter('The "Main" hall^') == "The ^'Main^' hall^^"


def test_durations_are_written_the_way_rfc_5545_spells_them():
    assert duration(timedelta(hours=1)) == "PT1H"
    assert duration(timedelta(days=1, minutes=30)) == "P1DT30M"
    assert duration(timedelta(days=2)) == "P2D"
    assert duration(timedelta(0)) == "PT0S"


def test_an_instant_in_utc_form_reads_back_as_that_instant():
    instant = datetime(2027, 3, 8, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    written = calendar_with(line("LAST-MODIFIED", utc(instant)))
    assert icalendar.Calendar.from_ical(written).walk("VEVENT")[0].decoded("LAST-MODIFIED") == instant


INJECTION = "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2\r\nATTENDEE:mailto:eve@example.org\n\x00\x07\x1b\x7f"


def test_no_value_can_add_a_line_whatever_control_characters_it_holds():
    written = calendar_with(
        line("URL", "https://meet.example.org/j/1" + INJECTION),
        line("ORGANIZER", "mailto:org@example.org" + INJECTION, {"CN": "Organiser" + INJECTION}),
        line("SUMMARY", text("Panel" + INJECTION)),
    )
    unfolded = written.replace("\r\n ", "")
    assert [content.split(":")[0].split(";")[0] for content in unfolded.split("\r\n")] == [
        "BEGIN", "VERSION", "PRODID", "BEGIN", "UID", "DTSTAMP", "DTSTART", "URL", "ORGANIZER", "SUMMARY", "END",
        "END", ""]
    assert not any(chr(code) in unfolded.replace("\r\n", "") for code in [*range(0, 9), *range(10, 32), 127])
    events = icalendar.Calendar.from_ical(written).walk("VEVENT")
    assert len(events) == 1 and "ATTENDEE" not in events[0]
    assert str(events[0]["SUMMARY"]).startswith("Panel\nEND:VEVENT\nBEGIN:VEVENT")
