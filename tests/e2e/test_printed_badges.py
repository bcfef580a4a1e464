"""Badges, name plates and the list of participants printed to PDF by headless Chromium, and read back.

Proof that the paper is right: eight badges to an A4 page (six to a Letter page, one to a badge printer's
page), every name, position and institution whole inside its own badge, whatever the script or length;
every QR code decodable (zxing-cpp) and opening the desk at the person whose badge it is on.
"""
from urllib.parse import parse_qs, urlsplit

import pytest

from planner.domain.participant_list import written_name
from planner.domain.names import fold
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole
from planner.extensions import db
from planner.operations.registrations import register_participant
from tests.e2e.badge_sheets import Box, badge_boxes, read_sheets
from tests.e2e.conftest import sign_in
from tests.e2e.printed import MM, read_pdf
from tests.integration.print_support import INSTITUTIONS, PEOPLE, build_print_meeting

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
BADGES = "/events/egm/organise/badges"


@pytest.fixture
def printed(make, page, live_server):
    meeting = build_print_meeting(make)
    make.organiser("organiser@example.org", PASSWORD, meetings=[meeting.meeting])
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    return meeting


def printed_pdf(page, address: str) -> bytes:
    response = page.goto(address)
    assert response is not None and response.ok
    page.wait_for_selector("html[data-fitted=true]", state="attached")
    return page.pdf(prefer_css_page_size=True)


def expected_badges() -> dict[str, tuple[str, str, str]]:
    """Each person's badge lines: name (family name in capitals), position, institution (and country)."""
    lines = {}
    for key, (honorific, name, position, acronym, *_rest) in PEOPLE.items():
        institution = ""
        if acronym:
            full, kind, country = INSTITUTIONS[acronym]
            institution = f"{full}, {country}" if kind.value == "government" and country else full
        lines[key] = (written_name(honorific, name, capitals=True), position, institution)
    return lines


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("sheet, per_page", [("a4", 8), ("letter", 6), ("single", 1)])
def test_badges_print_whole_inside_their_boxes_with_codes_that_open_the_desk_at_their_person(
        printed, page, live_server, sheet, per_page):
    data = printed_pdf(page, f"{live_server}{BADGES}?sheet={sheet}")
    boxes = badge_boxes(sheet)
    pages = read_sheets(data, boxes)
    people = len(PEOPLE)
    assert len(pages) == -(-people // per_page)
    assert [len(read.codes) for read in pages] == [min(per_page, people - per_page * index)
                                                   for index in range(len(pages))]
    expected = expected_badges()
    found = {}
    for read in pages:
        assert read.outside == ""
        for text, x, y in read.codes:
            # The code sits inside the badge whose text is the person's.
            holder = next(number for number, box in enumerate(boxes) if box.holds(x, y, x, y))
            key = next(key for key, (name, _, _) in expected.items() if read.texts[holder].startswith(
                f"EGM 2021 18–19 October 2021 {one_line(name)}"))
            found[key] = (text, read.texts[holder])
    assert sorted(found) == sorted(PEOPLE)
    for key, (address, text) in found.items():
        name, position, institution = expected[key]
        role = PEOPLE[key][4].label.upper()
        assert text == one_line(f"EGM 2021 18–19 October 2021 {name} {position} {institution} {role}"), key
        opened = page.goto(address)
        assert opened.ok
        assert parse_qs(urlsplit(page.url).query)["person"] == [str(printed.registration_id(key))]
        assert page.locator(".door-scanned strong").inner_text() == f"{PEOPLE[key][0]} {PEOPLE[key][1]}".strip()


def test_long_names_and_institutions_are_fitted_smaller_and_never_cut(printed, page, live_server):
    page.goto(f"{live_server}{BADGES}")
    page.wait_for_selector("html[data-fitted=true]", state="attached")
    sizes = page.eval_on_selector_all(
        ".badge-name, .badge-institution",
        "texts => texts.map(t => [t.textContent, parseFloat(getComputedStyle(t).fontSize),"
        " t.scrollWidth <= t.clientWidth + 1 && t.scrollHeight <= t.clientHeight + 1])")
    assert all(fits for _, _, fits in sizes), [text for text, _, fits in sizes if not fits]
    size = {text: points for text, points, _ in sizes}
    long_name = written_name("Mr", PEOPLE["ahmed"][1], capitals=True)
    assert size[long_name] < size["Mr Suharto"]
    assert size["United Nations Counter-Terrorism Centre"] < size["Stimson Center"]


def test_name_plates_print_the_name_on_both_halves_one_upside_down(printed, page, live_server):
    data = printed_pdf(page, f"{live_server}/events/egm/organise/name-plates")
    in_room = sorted((key for key, person in PEOPLE.items() if DayMode.IN_ROOM in person[5:7]),
                     key=lambda key: fold(PEOPLE[key][1]))
    printed_pages = read_pdf(data)
    assert len(printed_pages) == len(in_room)
    assert {printed_page.size_mm for printed_page in printed_pages} == {(297, 210)}
    halves = [Box(0, 105 * MM, 297 * MM, 210 * MM), Box(0, 0, 297 * MM, 105 * MM)]
    for read, printed_page, key in zip(read_sheets(data, halves), printed_pages, in_room, strict=True):
        honorific, name, _, acronym = PEOPLE[key][:4]
        full, kind, country = INSTITUTIONS[acronym] if acronym else ("", None, "")
        beneath = country if kind is InstitutionKind.GOVERNMENT else full
        written = written_name(honorific, name, capitals=True)
        back, front = read.texts
        assert front == one_line(f"{written} {beneath}")
        # The back half holds the same letters upside down: read from the page's top, they come last to first.
        assert sorted("".join(back.split())) == sorted("".join(front.split()))
        assert read.turned == [True, False]
        assert read.outside == ""
        if key == "hangul":
            assert "NotoSansCJKkr-Bold" in printed_page.fonts


@pytest.mark.parametrize("paper, size", [("a4", (210, 297)), ("letter", (216, 279))])
def test_the_list_of_participants_prints_with_its_header_and_page_numbers_and_no_one_cut(
        printed, make, page, live_server, paper, size):
    meeting = printed.meeting
    ministry = make.institution(meeting, "Ministry of the Interior and Safety", country="Republic of Korea")
    for number in range(60):
        person = make.person(meeting, f"Delegate Number{number:02d}", honorific="Ms",
                             position="Deputy Director, Division of Border Control Policy", institution=ministry)
        register_participant(meeting, person, role=ParticipantRole.DELEGATE, days={meeting.first_day: DayMode.IN_ROOM})
    db.session.commit()
    pages = read_pdf(printed_pdf(page, f"{live_server}/events/egm/organise/participants/list?paper={paper}"))
    assert len(pages) > 2
    assert [(read.size_mm, read.header, read.footer) for read in pages] == [
        (size, "EGM 2021 List of participants", f"Page {read.number} of {len(pages)}") for read in pages]
    for number in range(60):
        whole = f"Ms Delegate NUMBER{number:02d} Deputy Director, Division of Border Control Policy"
        assert sum(whole in read.body for read in pages) == 1, f"{whole} is missing, or cut between pages"
    for key, (honorific, name, position, *_rest) in PEOPLE.items():
        whole = one_line(f"{written_name(honorific, name, capitals=True)} {position}")
        assert sum(whole in read.body for read in pages) == 1, whole
