"""Counting who was expected and who came, by day, session and kind of institution."""
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from planner.domain.attendance_report import (
    ALL, CSV_HEADER, Figures, OnlineSpan, Participant, SessionSlot, attendance_report, report_rows,
)
from planner.domain.check_in import DoorCounts, DoorLine, door_counts
from planner.domain.intervals import days_touched, overlaps
from planner.domain.vocabulary import DayMode

SEOUL = "Asia/Seoul"
MON, TUE = date(2021, 10, 18), date(2021, 10, 19)
IN_ROOM, ONLINE = DayMode.IN_ROOM, DayMode.ONLINE


def seoul(day: date, hour: int, minute: int = 0) -> datetime:
    """A Seoul wall-clock time as a UTC instant."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(SEOUL)).astimezone(timezone.utc)


def test_spans_overlap_only_when_they_share_time():
    nine, ten, eleven = seoul(MON, 9), seoul(MON, 10), seoul(MON, 11)
    assert overlaps(nine, eleven, ten, eleven)
    assert not overlaps(nine, ten, ten, eleven)  # left as the next one began


def test_a_connection_across_midnight_touches_both_days_in_the_meetings_zone():
    assert days_touched(seoul(MON, 23), seoul(TUE, 1), [MON, TUE], SEOUL) == {MON, TUE}
    assert days_touched(seoul(MON, 9), seoul(MON, 17), [MON, TUE], SEOUL) == {MON}


def small_meeting():
    participants = [
        Participant(1, 10, "government", {MON: IN_ROOM, TUE: IN_ROOM}),
        Participant(2, 10, "government", {MON: IN_ROOM, TUE: ONLINE}),
        Participant(3, 20, "international", {MON: ONLINE}),
        Participant(4, None, "none", {TUE: IN_ROOM}),
    ]
    check_ins = [(1, MON), (2, MON), (4, MON), (1, TUE)]  # 4 came on Monday though registered for Tuesday
    spans = [
        OnlineSpan(3, "", seoul(MON, 9, 5), seoul(MON, 9, 40)),  # 3 dropped out and came back:
        OnlineSpan(3, "", seoul(MON, 9, 45), seoul(MON, 12)),  # one person, not two
        OnlineSpan(2, "", seoul(TUE, 9), seoul(TUE, 10)),
        OnlineSpan(1, "", seoul(MON, 10), seoul(MON, 10, 30)),  # checked in and online: counted once
        OnlineSpan(None, "email:guest@example.org", seoul(MON, 11), seoul(MON, 11, 30)),
        OnlineSpan(None, "email:guest@example.org", seoul(MON, 11, 40), seoul(MON, 12)),
    ]
    sessions = [SessionSlot(100, "Opening", seoul(MON, 9), seoul(MON, 10)),
                SessionSlot(101, "Working session", seoul(MON, 10), seoul(MON, 12)),
                SessionSlot(102, "Tuesday session", seoul(TUE, 10), seoul(TUE, 11))]
    return attendance_report(participants, check_ins, spans, sessions, [MON, TUE], SEOUL)


def test_a_day_counts_people_in_the_room_and_online_against_their_registration():
    monday = small_meeting().days[0]
    assert monday.day == MON
    assert monday.breakdown.total == Figures(
        registered_in_room=2, registered_online=1, registered=3, checked_in=3, joined_online=3, attended=5,
        institutions_registered=2, institutions_attended=2,
    )
    assert monday.breakdown.by_kind["government"] == Figures(2, 0, 2, 2, 1, 2, 1, 1)
    assert monday.breakdown.by_kind["unmatched"] == Figures(joined_online=1, attended=1)
    assert monday.breakdown.by_kind["none"] == Figures(checked_in=1, attended=1)


def test_a_session_counts_who_was_online_during_it_and_its_days_check_ins():
    opening, working, tuesday = small_meeting().sessions
    assert (opening.breakdown.total.joined_online, opening.breakdown.total.checked_in) == (1, 3)
    assert working.breakdown.total.joined_online == 3  # 3, 1 and the unmatched guest
    assert tuesday.breakdown.total.joined_online == 0  # 2 left at 10:00 sharp
    assert tuesday.day == TUE


def test_the_whole_meeting_counts_each_person_once():
    meeting = small_meeting().meeting.total
    assert (meeting.registered_in_room, meeting.registered_online, meeting.registered) == (3, 2, 4)
    assert (meeting.checked_in, meeting.joined_online, meeting.attended) == (3, 4, 5)


def test_the_csv_rows_give_everyone_then_each_kind_for_the_meeting_each_day_and_each_session():
    rows = [dict(zip(CSV_HEADER, row)) for row in report_rows(small_meeting(), SEOUL)]
    assert len(rows) == (1 + 2 + 3) * 10
    working_all = next(r for r in rows if r["session_id"] == 101 and r["institution_kind"] == ALL)
    assert working_all == {
        "scope": "session", "day": "2021-10-18", "session_id": 101, "session": "Working session",
        "starts_at": "2021-10-18T10:00:00+09:00", "ends_at": "2021-10-18T12:00:00+09:00", "institution_kind": "all",
        "registered_in_room": 2, "registered_online": 1, "registered": 3, "checked_in": 3, "joined_online": 3,
        "attended": 5, "institutions_registered": 2, "institutions_attended": 2,
    }
    assert [r["institution_kind"] for r in rows[:10]] == [
        "all", "government", "international", "regional", "civil_society", "think_tank", "private", "academia", "none",
        "unmatched"]


def test_the_desk_counts_who_is_in_against_who_was_expected_in_the_room():
    def line(mode, checked_in):
        return DoorLine(1, "Someone", "", mode, seoul(MON, 9) if checked_in else None, "", "someone")

    lines = [line(IN_ROOM, True), line(IN_ROOM, False), line(ONLINE, True), line(DayMode.ABSENT, False)]
    assert door_counts(lines) == DoorCounts(checked_in=2, expected=2, unexpected=1)
