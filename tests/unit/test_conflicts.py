"""Conflict warnings, as the pure domain finds them: plain facts in, plain conflicts out."""
import itertools
from datetime import date, datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.conflicts import (
    CROSSES_MIDNIGHT, IN_PERSON_IN_ONLINE_ROOM, OUTSIDE_MEETING_DAYS, OVER_CAPACITY, PERSON_DOUBLE_BOOKED,
    ROOM_DOUBLE_BOOKED, SPEAKER_ONLINE, Conflict, MeetingFacts, RoomFacts, SessionFacts,
    find_conflicts, overlapping_pairs,
)
from planner.domain.headcounts import DayHeadcount
from planner.domain.vocabulary import AttendanceMode, SessionStatus

UTC = timezone.utc
SEOUL = timezone(timedelta(hours=9))
HALL = RoomFacts(1, "Hall A", 80, False)
ZOOM = RoomFacts(2, "Zoom", None, True)
NAMES = {10: "Kim Min-ji", 11: "Lee Ji-ho"}


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """An instant given as a wall clock in Seoul, October 2021."""
    return datetime(2021, 10, day, hour, minute, tzinfo=SEOUL).astimezone(UTC)


def session(id_: int, title: str, starts: datetime, ends: datetime, *, room: int | None = 1, parent: int | None = None,
            mode=AttendanceMode.HYBRID, status=SessionStatus.CONFIRMED, people=()) -> SessionFacts:
    return SessionFacts(id_, title, starts, ends, room, parent, mode, status, frozenset(people))


def meeting(*sessions, attendance=None, rooms=(HALL, ZOOM), zone="Asia/Seoul", first=date(2021, 10, 18),
            last=date(2021, 10, 22)) -> MeetingFacts:
    return MeetingFacts(zone, first, last, list(sessions), {room.id: room for room in rooms}, NAMES,
                        attendance or {})


# People in two places

def test_a_person_in_two_overlapping_sessions_is_double_booked():
    assert find_conflicts(meeting(
        session(1, "Panel", at(18, 9), at(18, 10), room=1, people=[10]),
        session(2, "Bilateral", at(18, 9, 30), at(18, 10, 30), room=None, people=[10, 11]),
    )) == [Conflict(
        PERSON_DOUBLE_BOOKED,
        "Kim Min-ji is in “Panel” (Mon 18 Oct 09:00–10:00) and in “Bilateral” (Mon 18 Oct 09:30–10:30) "
        "at the same time.",
        (1, 2), person_id=10,
    )]


def test_back_to_back_sessions_do_not_overlap():
    assert find_conflicts(meeting(
        session(1, "Panel", at(18, 9), at(18, 10), people=[10]),
        session(2, "Lunch", at(18, 10), at(18, 11), people=[10]),
    )) == []


def test_being_in_a_block_and_in_a_talk_inside_it_is_the_point_not_a_clash():
    assert find_conflicts(meeting(
        session(1, "Working block", at(18, 9), at(18, 12), people=[10]),
        session(2, "Session 1", at(18, 9), at(18, 10, 30), parent=1),
        session(3, "Remarks", at(18, 9), at(18, 9, 10), parent=2, people=[10]),
    )) == []


def test_a_cancelled_session_clashes_with_nothing():
    assert find_conflicts(meeting(
        session(1, "Panel", at(18, 9), at(18, 10), people=[10]),
        session(2, "Old panel", at(18, 9), at(18, 10), people=[10], status=SessionStatus.CANCELLED),
    )) == []


def test_a_person_the_names_do_not_know_is_someone():
    conflicts = find_conflicts(meeting(session(1, "A", at(18, 9), at(18, 10), room=None, people=[99]),
                                       session(2, "B", at(18, 9), at(18, 10), room=None, people=[99])))
    assert [c.message.split(" is in ")[0] for c in conflicts] == ["Someone"]


# Rooms

def test_two_sessions_in_one_room_at_once_double_book_it():
    assert find_conflicts(meeting(
        session(1, "Panel", at(18, 9), at(18, 10, 30)),
        session(2, "Roundtable", at(18, 10), at(18, 11)),
    )) == [Conflict(
        ROOM_DOUBLE_BOOKED,
        "Hall A holds “Panel” (Mon 18 Oct 09:00–10:30) and “Roundtable” (Mon 18 Oct 10:00–11:00) at the same time.",
        (1, 2), room_id=1,
    )]


def test_a_break_nested_inside_its_block_in_the_same_room_is_not_a_clash():
    assert find_conflicts(meeting(
        session(1, "Working block", at(18, 9), at(18, 12)),
        session(2, "Coffee break", at(18, 10, 30), at(18, 10, 45), parent=1),
    )) == []


def test_two_items_of_one_block_that_overlap_each_other_do_clash():
    conflicts = find_conflicts(meeting(
        session(1, "Working block", at(18, 9), at(18, 12)),
        session(2, "Talk", at(18, 9), at(18, 10, 30), parent=1),
        session(3, "Coffee break", at(18, 10), at(18, 10, 45), parent=1),
    ))
    assert [(c.kind, c.session_ids) for c in conflicts] == [(ROOM_DOUBLE_BOOKED, (2, 3))]


def test_an_online_only_room_holds_any_number_of_sessions_at_once():
    assert find_conflicts(meeting(
        session(1, "Webinar A", at(18, 9), at(18, 10), room=2, mode=AttendanceMode.ONLINE),
        session(2, "Webinar B", at(18, 9), at(18, 10), room=2, mode=AttendanceMode.ONLINE),
    )) == []


def test_sessions_without_a_room_never_double_book_one():
    assert find_conflicts(meeting(session(1, "A", at(18, 9), at(18, 10), room=None),
                                  session(2, "B", at(18, 9), at(18, 10), room=None))) == []


def test_a_session_attended_in_the_room_cannot_be_held_in_an_online_only_room():
    assert find_conflicts(meeting(
        session(1, "Opening", at(18, 9), at(18, 10), room=2, mode=AttendanceMode.HYBRID),
        session(2, "Briefing", at(18, 11), at(18, 12), room=2, mode=AttendanceMode.IN_PERSON),
        session(3, "Webinar", at(18, 13), at(18, 14), room=2, mode=AttendanceMode.ONLINE),
    )) == [
        Conflict(IN_PERSON_IN_ONLINE_ROOM, "“Opening” is attended in the room and online but Zoom is online only.",
                 (1,), room_id=2),
        Conflict(IN_PERSON_IN_ONLINE_ROOM, "“Briefing” is attended in the room but Zoom is online only.",
                 (2,), room_id=2),
    ]


# Days and midnight

def test_a_session_outside_the_meetings_days_is_flagged():
    assert find_conflicts(meeting(session(1, "Pre-meeting dinner", at(17, 19), at(17, 21)))) == [Conflict(
        OUTSIDE_MEETING_DAYS,
        "“Pre-meeting dinner” (Sun 17 Oct 19:00–21:00) falls outside the meeting's days, 18 Oct to 22 Oct 2021.",
        (1,),
    )]


def test_the_meetings_days_are_whole_days_in_its_zone():
    assert find_conflicts(meeting(
        session(1, "First thing", at(18, 0), at(18, 1)),
        session(2, "Last thing", at(22, 23), at(23, 0)),  # ends at midnight closing the last day
    )) == []
    assert [c.kind for c in find_conflicts(meeting(session(1, "Too late", at(22, 23, 30), at(23, 0, 30))))] == [
        OUTSIDE_MEETING_DAYS]


def test_a_session_running_past_midnight_is_flagged_but_one_ending_at_midnight_is_not():
    assert find_conflicts(meeting(
        session(1, "Reception", at(19, 21), at(20, 0, 30), room=None),
        session(2, "Dinner", at(20, 21), at(21, 0), room=None),
    )) == [Conflict(CROSSES_MIDNIGHT, "“Reception” (Tue 19 Oct 21:00–00:30) runs past midnight.", (1,))]


def test_on_the_night_the_clocks_go_forward_the_local_day_still_decides():
    zurich_night = datetime(2021, 3, 28, 0, 30, tzinfo=timezone(timedelta(hours=1)))  # 00:30 CET
    morning = datetime(2021, 3, 28, 4, 0, tzinfo=timezone(timedelta(hours=2)))  # 04:00 CEST
    assert find_conflicts(meeting(session(1, "Night shift", zurich_night, morning, room=None), zone="Europe/Zurich",
                                  first=date(2021, 3, 27), last=date(2021, 3, 29))) == []


# Headcounts

def test_more_people_in_the_room_that_day_than_it_seats():
    attendance = {date(2021, 10, 18): DayHeadcount(in_room=95)}
    assert find_conflicts(meeting(
        session(1, "Opening", at(18, 9), at(18, 10), mode=AttendanceMode.HYBRID),
        session(2, "Webinar", at(18, 11), at(18, 12), mode=AttendanceMode.ONLINE),
        session(3, "Day two", at(19, 9), at(19, 10)),
        attendance=attendance,
    )) == [Conflict(
        OVER_CAPACITY, "95 people attend in the room on Mon 18 Oct but Hall A, where “Opening” is held, seats 80.",
        (1,), room_id=1,
    )]


def test_a_full_room_and_a_room_of_unknown_size_are_fine():
    attendance = {date(2021, 10, 18): DayHeadcount(in_room=80)}
    unmeasured = RoomFacts(3, "Annex", None, False)
    assert find_conflicts(meeting(
        session(1, "Opening", at(18, 9), at(18, 10)), session(2, "Side event", at(18, 9), at(18, 10), room=3),
        attendance=attendance, rooms=(HALL, ZOOM, unmeasured),
    )) == []


def test_the_day_of_a_late_session_is_its_local_day():
    attendance = {date(2021, 10, 18): DayHeadcount(in_room=200)}
    # 08:00 on the 19th in Seoul is still the 18th in UTC; the 19th's headcount (none) applies.
    assert find_conflicts(meeting(session(1, "Breakfast briefing", at(19, 8), at(19, 9)), attendance=attendance)) == []


def test_a_speaker_attending_online_cannot_speak_in_a_session_held_in_the_room_only():
    attendance = {date(2021, 10, 18): DayHeadcount(in_room=10, online=1, online_person_ids=frozenset({10}))}
    assert find_conflicts(meeting(
        session(1, "Closed-door briefing", at(18, 9), at(18, 10), mode=AttendanceMode.IN_PERSON, people=[10, 11]),
        session(2, "Hybrid panel", at(18, 11), at(18, 12), mode=AttendanceMode.HYBRID, people=[10]),
        attendance=attendance,
    )) == [Conflict(
        SPEAKER_ONLINE,
        "Kim Min-ji takes part in “Closed-door briefing”, which is in the room only, but attends Mon 18 Oct online.",
        (1,), person_id=10,
    )]


def test_without_registrations_there_are_no_headcount_warnings():
    assert find_conflicts(meeting(session(1, "Opening", at(18, 9), at(18, 10), people=[10]))) == []


# Order and robustness

def test_conflicts_come_in_the_order_of_the_agenda():
    conflicts = find_conflicts(meeting(
        session(5, "Late dinner", at(20, 23), at(21, 1), room=None),
        session(3, "Panel", at(18, 9), at(18, 10), people=[10]),
        session(4, "Bilateral", at(18, 9, 30), at(18, 10, 30), people=[10]),
        session(1, "Dawn", at(17, 6), at(17, 7), room=None),
    ))
    assert [(c.kind, c.session_ids) for c in conflicts] == [
        (OUTSIDE_MEETING_DAYS, (1,)), (PERSON_DOUBLE_BOOKED, (3, 4)), (ROOM_DOUBLE_BOOKED, (3, 4)),
        (CROSSES_MIDNIGHT, (5,)),
    ]


def test_a_loop_of_parents_in_bad_data_does_not_hang():
    looped = [session(1, "A", at(18, 9), at(18, 10), parent=2), session(2, "B", at(18, 9), at(18, 10), parent=1)]
    assert find_conflicts(meeting(*looped)) == []  # each sits inside the other: nested, so no clash


def test_one_long_session_overlaps_each_of_two_that_follow_one_another():
    long = session(1, "Long", at(18, 9), at(18, 12))
    first, second = session(2, "First", at(18, 9, 30), at(18, 10)), session(3, "Second", at(18, 10), at(18, 11))
    assert [(a.id, b.id) for a, b in overlapping_pairs([second, long, first])] == [(1, 2), (1, 3)]


QUARTERS = st.integers(min_value=0, max_value=40)  # quarter hours after 08:00 on 18 October


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(QUARTERS, st.integers(min_value=1, max_value=12), st.sets(st.sampled_from([10, 11]))),
                max_size=8))
def test_double_bookings_are_exactly_the_overlapping_pairs_a_person_shares(specs):
    sessions = [session(index + 1, f"S{index + 1}", at(18, 8) + timedelta(minutes=15 * start),
                        at(18, 8) + timedelta(minutes=15 * (start + length)), room=None, people=people)
                for index, (start, length, people) in enumerate(specs)]
    expected = {
        (person, (a.id, b.id) if (a.starts_at, a.ends_at, a.id) <= (b.starts_at, b.ends_at, b.id) else (b.id, a.id))
        for a, b in itertools.combinations(sessions, 2) if a.starts_at < b.ends_at and b.starts_at < a.ends_at
        for person in a.person_ids & b.person_ids
    }
    found = {(c.person_id, c.session_ids) for c in find_conflicts(meeting(*sessions))
             if c.kind == PERSON_DOUBLE_BOOKED}
    assert found == expected



# Items without an end ("18:30 Reception"): a point in time

def test_an_item_without_an_end_books_its_room_at_its_moment_only():
    found = find_conflicts(meeting(
        session(1, "Working session", at(18, 17), at(18, 19)),
        session(2, "Reception", at(18, 18, 30), None),
        session(3, "Close", at(18, 19), None),
    ))
    assert found == [Conflict(
        ROOM_DOUBLE_BOOKED,
        "Hall A holds “Working session” (Mon 18 Oct 17:00–19:00) and “Reception” (Mon 18 Oct 18:30) at the same time.",
        (1, 2), room_id=1,
    )]


def test_two_items_without_an_end_clash_only_at_the_same_moment():
    found = find_conflicts(meeting(
        session(1, "Close", at(18, 12, 30), None, room=None, people=[10]),
        session(2, "Press briefing", at(18, 12, 30), None, room=None, people=[10]),
        session(3, "Reception", at(18, 18, 30), None, room=None, people=[10]),
    ))
    assert [(c.kind, c.session_ids) for c in found] == [(PERSON_DOUBLE_BOOKED, (1, 2))]


def test_an_item_without_an_end_inside_the_meeting_days_is_not_outside_them():
    assert find_conflicts(meeting(session(1, "Reception", at(22, 23, 30), None))) == []
    assert [c.kind for c in find_conflicts(meeting(session(1, "Reception", at(23, 0, 0), None)))] == [
        OUTSIDE_MEETING_DAYS]


@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(QUARTERS, st.integers(min_value=0, max_value=8), st.sets(st.sampled_from([10, 11]))),
                max_size=8))
def test_with_items_without_an_end_double_bookings_are_the_pairs_that_meet(specs):
    """Length 0 stands for no end: such an item meets what runs at its moment and what starts with it."""
    def at_quarter(quarter):
        return at(18, 8) + timedelta(minutes=15 * quarter)
    sessions = [session(index + 1, f"S{index + 1}", at_quarter(start), at_quarter(start + length) if length else None,
                        room=None, people=people) for index, (start, length, people) in enumerate(specs)]

    def meet(a, b):
        a_end, b_end = a.ends_at or a.starts_at, b.ends_at or b.starts_at
        if a.ends_at is None and b.ends_at is None:
            return a.starts_at == b.starts_at
        return (a.starts_at < b_end or (b.ends_at is None and a.starts_at == b.starts_at)) and (
            b.starts_at < a_end or (a.ends_at is None and b.starts_at == a.starts_at))
    expected = {(person, tuple(sorted((a.id, b.id)))) for a, b in itertools.combinations(sessions, 2) if meet(a, b)
                for person in a.person_ids & b.person_ids}
    found = {(c.person_id, tuple(sorted(c.session_ids))) for c in find_conflicts(meeting(*sessions))
             if c.kind == PERSON_DOUBLE_BOOKED}
    assert found == expected
