from dataclasses import dataclass, field
from datetime import date, datetime

import pytest

from planner.domain.errors import InvalidInput
from planner.domain.agenda import role_groups
from planner.domain.programme import (
    Edition, Paper, ProgrammeOptions, attendance_legend, online_link, programme_days, programme_options,
)
from planner.domain.timezones import to_instant
from planner.domain.vocabulary import AttendanceMode, Role, SessionKind

SEOUL = "Asia/Seoul"
DAYS = [date(2021, 10, 18), date(2021, 10, 19), date(2021, 10, 20)]


@dataclass
class Item:
    id: int
    starts_at: datetime
    ends_at: datetime
    parent_id: int | None = None
    kind: SessionKind = SessionKind.WORKING
    attendance_mode: AttendanceMode = AttendanceMode.HYBRID
    online_link: str = ""
    online_link_public: bool = False


@dataclass
class Assignment:
    role: Role
    position: int
    person: str = field(default="")


def seoul(day: int, hour: int, minute: int = 0) -> datetime:
    return to_instant(datetime(2021, 10, day, hour, minute), SEOUL)


def printed(days):
    return [(d.day.day, [(row.session.id, row.depth, row.opens_block) for row in d.rows]) for d in days]


def test_a_block_prints_first_and_the_items_inside_it_follow_one_level_deeper():
    block = Item(1, seoul(18, 9, 30), seoul(18, 12, 30))
    coffee = Item(2, seoul(18, 10, 45), seoul(18, 11), parent_id=1, kind=SessionKind.BREAK)
    talk = Item(3, seoul(18, 9, 30), seoul(18, 10), parent_id=1)
    lunch = Item(4, seoul(18, 12, 30), seoul(18, 14), kind=SessionKind.LUNCH)
    days = programme_days([lunch, coffee, talk, block], SEOUL, DAYS[:1], keep_empty_days=True)
    assert printed(days) == [(18, [(1, 0, True), (3, 1, False), (2, 1, False), (4, 0, False)])]


def test_the_whole_programme_leaves_out_days_without_sessions():
    first, third = Item(1, seoul(18, 9), seoul(18, 10)), Item(2, seoul(20, 9), seoul(20, 10))
    days = programme_days([third, first], SEOUL, DAYS, keep_empty_days=False)
    assert printed(days) == [(18, [(1, 0, False)]), (20, [(2, 0, False)])]


def test_a_day_asked_for_by_name_is_printed_even_when_empty():
    assert printed(programme_days([], SEOUL, DAYS[1:2], keep_empty_days=True)) == [(19, [])]


def test_a_selection_of_sessions_prints_an_item_without_its_block():
    """A participant's own programme may hold a talk but not the block around it."""
    talk = Item(3, seoul(19, 10), seoul(19, 11), parent_id=99)
    assert printed(programme_days([talk], SEOUL, DAYS, keep_empty_days=False)) == [(19, [(3, 0, False)])]


def test_the_legend_lists_the_ways_of_attending_in_use_in_a_fixed_order_ignoring_breaks():
    days = programme_days([
        Item(1, seoul(18, 9), seoul(18, 10), attendance_mode=AttendanceMode.ONLINE),
        Item(2, seoul(18, 10), seoul(18, 11), attendance_mode=AttendanceMode.IN_PERSON),
        Item(3, seoul(18, 11), seoul(18, 12), attendance_mode=AttendanceMode.HYBRID, kind=SessionKind.BREAK),
    ], SEOUL, DAYS, keep_empty_days=False)
    assert [(key.mark, key.word, key.meaning) for key in attendance_legend(days)] == [
        ("●", "In the room", "in the room only"), ("○", "Online", "online only"),
    ]


def test_a_row_says_how_its_session_is_attended():
    days = programme_days([Item(1, seoul(18, 9), seoul(18, 10))], SEOUL, DAYS, keep_empty_days=False)
    assert (days[0].rows[0].attendance.mark, days[0].rows[0].attendance.word) == ("◐", "Hybrid")


def test_people_are_grouped_by_role_in_agenda_order_and_keep_their_listed_order():
    roles = [
        Assignment(Role.SPEAKER, 2, "Finlay"), Assignment(Role.RAPPORTEUR, 4, "Lee"),
        Assignment(Role.CHAIR, 0, "Chang"), Assignment(Role.SPEAKER, 1, "Khan"), Assignment(Role.MODERATOR, 3, "Kim"),
    ]
    assert [(role, [holder.person for holder in holders]) for role, holders in role_groups(roles)] == [
        (Role.CHAIR, ["Chang"]), (Role.MODERATOR, ["Kim"]), (Role.SPEAKER, ["Khan", "Finlay"]),
        (Role.RAPPORTEUR, ["Lee"]),
    ]


@pytest.mark.parametrize("edition, public_link, private_links, printed_link", [
    (Edition.PUBLIC, True, False, ""),
    (Edition.PUBLIC, True, True, ""),
    (Edition.INTERNAL, True, False, "https://meet.example.org/s"),
    (Edition.INTERNAL, False, False, ""),
    (Edition.INTERNAL, False, True, "https://meet.example.org/s"),
])
def test_online_links_print_only_in_the_internal_edition_and_private_ones_only_for_those_entitled(
    edition, public_link, private_links, printed_link
):
    session = Item(1, seoul(18, 9), seoul(18, 10), online_link="https://meet.example.org/s",
                   online_link_public=public_link)
    assert online_link(session, edition, private_links=private_links) == printed_link


def test_options_default_to_a4_with_descriptions_in_the_public_edition():
    assert programme_options({}) == ProgrammeOptions(Paper.A4, descriptions=True, edition=Edition.PUBLIC)


def test_options_come_from_the_query_string_whatever_the_case():
    options = programme_options({"paper": "Letter", "descriptions": "0", "edition": "INTERNAL"})
    assert options == ProgrammeOptions(Paper.LETTER, descriptions=False, edition=Edition.INTERNAL)


def test_a_meetings_own_paper_is_the_default_a_reader_can_still_override():
    assert programme_options({}, default_paper=Paper.LETTER).paper is Paper.LETTER
    assert programme_options({"paper": "a4"}, default_paper=Paper.LETTER).paper is Paper.A4


@pytest.mark.parametrize("args, field, message", [
    ({"paper": "legal"}, "paper", "Paper must be “a4” or “letter”, not “legal”."),
    ({"edition": "secret"}, "edition", "Edition must be “public” or “internal”, not “secret”."),
    ({"descriptions": "yes"}, "descriptions", "Descriptions must be 1 (with) or 0 (without), not “yes”."),
])
def test_an_unknown_option_is_refused_with_a_message_naming_it(args, field, message):
    with pytest.raises(InvalidInput) as refused:
        programme_options(args)
    assert (refused.value.field, refused.value.message) == (field, message)
