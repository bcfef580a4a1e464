"""The programme printed to PDF by headless Chromium, and read back page by page.

Proof that the paper is right: each day on its own pages, every session of the day
and none of another, no row cut between pages, the running header on every page,
long days flowing on with their column heads, the paper size, and names in Hangul
and accented Latin printed in Noto fonts.
"""
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest

from planner.demo import egm_border_management_2021 as egm
from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import AttendanceMode, InstitutionKind, Role, SessionKind
from planner.extensions import db
from planner.operations.agenda import add_session, assign_role
from planner.operations.meetings import add_person
from planner.web.presenters import long_date
from tests.integration.test_real_agendas import SHORT_NAME as REAL_SHORT_NAME, SLUG as REAL_SLUG
from tests.integration.test_real_agendas import loaded  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e

EGM = f"/events/{egm.MEETING.slug}"
COLUMN_HEADS = "TIME SESSION ROOM, ATTENDANCE"


@pytest.fixture
def demo(app_context):
    load_demo_meetings()
    db.session.commit()


def egm_rows_by_day() -> dict[date, list[str]]:
    """What each day of the demo meeting must print, from its spec: "09:30–12:30 Expert discussion: …"."""
    rows = defaultdict(list)
    for session in egm.MEETING.sessions:
        rows[session.day].append(f"{session.start}–{session.end} {session.title}")
    return dict(sorted(rows.items()))


def titles_only_on_other_days(day: date) -> set[str]:
    this_day = {session.title for session in egm.MEETING.sessions if session.day == day}
    return {session.title for session in egm.MEETING.sessions if session.day != day} - this_day


def header(day: date, meeting_name: str = egm.MEETING.short_name) -> str:
    return f"{meeting_name} {long_date(day)}"


def test_each_days_programme_prints_its_sessions_whole_and_no_other_days(print_pdf, demo):
    for day, rows in egm_rows_by_day().items():
        pages = print_pdf(f"{EGM}/programme/{day}")

        assert long_date(day) in pages[0].body
        assert [(page.header, page.footer) for page in pages] == [
            (header(day), f"Page {page.number} of {len(pages)}") for page in pages
        ]
        for row in rows:
            assert any(row in page.body for page in pages), f"{row} is missing, or cut between pages"
        for title in titles_only_on_other_days(day):
            assert all(title not in page.body for page in pages), f"{title} of another day printed on {day}"


def test_the_whole_meeting_starts_each_day_on_a_new_page(print_pdf, demo):
    days = list(egm_rows_by_day())
    pages = print_pdf(f"{EGM}/programme")

    day_starts = [(page.number, day) for page in pages for day in days if long_date(day) in page.body]
    assert [day for _, day in day_starts] == days
    assert len({number for number, _ in day_starts}) == len(days), "two days begin on the same page"
    for number, day in day_starts:
        assert pages[number - 1].header == header(day)
        assert number == 1 or pages[number - 2].header != header(day), f"{day} does not begin a new page"
    for day, rows in egm_rows_by_day().items():
        its_pages = [page for page in pages if page.header == header(day)]
        for row in rows:
            assert any(row in page.body for page in its_pages), f"{row} is missing from {day}, or cut"
        for page in its_pages:
            assert not any(title in page.body for title in titles_only_on_other_days(day)), (
                f"page {page.number} of {day} prints another day's session"
            )


def test_a_long_day_flows_over_several_pages_with_its_header_repeated_and_no_row_cut(print_pdf, make):
    meeting = make.meeting(title="Sixty-item meeting", short_name="Sixty items")
    room = make.room(meeting, "Plenary hall")
    ministry = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
    start = datetime(2021, 10, 18, 8)
    for number in range(1, 61):
        chair = add_person(meeting, name=f"Chair {number:02d}", honorific="Dr", position="Director",
                           institution=ministry)
        session = add_session(
            meeting, title=f"Item {number:02d}: a session with a long enough title to wrap", kind=SessionKind.PANEL,
            starts=start, ends=start + timedelta(minutes=10), attendance_mode=AttendanceMode.HYBRID, room=room,
            thematic_area="Border data",
            description=f"What item {number:02d} is about, in a sentence or two. (End of item {number:02d}.)",
        )
        assign_role(session, chair, Role.CHAIR)
        start += timedelta(minutes=10)
    db.session.commit()

    pages = print_pdf("/events/test-meeting/programme/2021-10-18")

    assert len(pages) >= 3
    assert [(page.header, page.footer) for page in pages] == [
        (header(date(2021, 10, 18), "Sixty items"), f"Page {page.number} of {len(pages)}") for page in pages
    ]
    assert COLUMN_HEADS in pages[0].body
    assert all(page.body.startswith(COLUMN_HEADS) for page in pages[1:]), "column heads not repeated"
    for number in range(1, 61):
        printed_on = [page.number for page in pages if f"Item {number:02d}:" in page.body]
        ends_on = [page.number for page in pages if f"(End of item {number:02d}.)" in page.body]
        assert printed_on == ends_on and len(printed_on) == 1, f"item {number} cut: {printed_on} {ends_on}"
        assert f"Dr Chair {number:02d}, Director, Ministry of Justice (MOJ)" in pages[printed_on[0] - 1].body


def test_a_block_is_never_left_alone_at_the_foot_of_a_page(print_pdf, make):
    meeting = make.meeting()
    start, sessions = datetime(2021, 10, 18, 8), []
    for number in range(1, 31):
        sessions.append(add_session(
            meeting, title=f"Item {number:02d}", kind=SessionKind.WORKING, starts=start,
            ends=start + timedelta(minutes=20), attendance_mode=AttendanceMode.HYBRID,
            description="A description long enough to take two printed lines in the session column of the "
            "programme, so that a page holds only a dozen or so items.",
        ))
        start += timedelta(minutes=20)
    db.session.commit()
    first_page = print_pdf("/events/test-meeting/programme/2021-10-18")[0]
    last_on_first_page = max(number for number in range(1, 31) if f"Item {number:02d}" in first_page.body)

    foot = sessions[last_on_first_page - 1]
    add_session(meeting, title="Inside the block", kind=SessionKind.REMARKS, starts=foot.starts_at,
                ends=foot.starts_at + timedelta(minutes=5), attendance_mode=AttendanceMode.HYBRID, parent=foot)
    db.session.commit()
    pages = print_pdf("/events/test-meeting/programme/2021-10-18")

    assert f"Item {last_on_first_page:02d}" not in pages[0].body
    assert f"Item {last_on_first_page:02d}" in pages[1].body and "Inside the block" in pages[1].body


def test_the_programme_prints_on_a4_unless_us_letter_is_asked_for(print_pdf, make):
    meeting = make.meeting()
    make.session(meeting, "Morning session")
    assert {page.size_mm for page in print_pdf("/events/test-meeting/programme")} == {(210, 297)}
    assert {page.size_mm for page in print_pdf("/events/test-meeting/programme?paper=letter")} == {(216, 279)}


def test_hangul_and_accented_names_print_as_written_in_noto_fonts(print_pdf, make):
    meeting = make.meeting()
    university = make.institution(meeting, "한국교통대학교", InstitutionKind.ACADEMIA)
    session = make.session(meeting, "Échanges d’expériences: coopération transfrontalière")
    for name in ("장욱진", "Zoë Ångström-Łukasiewicz", "Nguyễn Thị Minh Khai"):
        assign_role(session, make.person(meeting, name, institution=university), Role.SPEAKER)
    db.session.commit()

    [page] = print_pdf("/events/test-meeting/programme/2021-10-18")

    assert "Échanges d’expériences: coopération transfrontalière" in page.body
    assert ("Speakers 장욱진, 한국교통대학교 Zoë Ångström-Łukasiewicz, 한국교통대학교 "
            "Nguyễn Thị Minh Khai, 한국교통대학교") in page.body
    assert any(font.startswith("NotoSans-") for font in page.fonts), page.fonts
    assert any(font.startswith("NotoSansCJKkr-") for font in page.fonts), page.fonts


def test_on_a_phone_the_programme_reads_as_one_column_without_overlaps(phone, live_server, demo):
    phone.goto(f"{live_server}/events/{egm.MEETING.slug}/programme")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    title = phone.locator(".sessions td.what").first.bounding_box()
    when = phone.locator(".sessions td.when").first.bounding_box()
    assert title["width"] > 250 and title["y"] >= when["y"] + when["height"]
    phone.emulate_media(media="print")
    assert phone.locator(".sessions thead").first.is_visible()  # the paper keeps its columns


def test_a_real_agenda_prints_its_bureau_items_without_an_end_and_the_short_name_as_entered(print_pdf, loaded):
    """The Geneva committee of tests/integration/test_real_agendas.py, loaded through the API, on paper."""
    [page] = print_pdf(f"/events/{REAL_SLUG}/programme")
    # The short name holds a comma and brackets: the running header keeps every space.
    assert page.header == f"{REAL_SHORT_NAME} {long_date(date(1999, 9, 13))}"
    assert "Bureau Co-chairs Ms Ana Moreno, Government of Peru Mr Lars Berg, Handicap International" in page.body
    assert "Rapporteur Ms Claire Dupont, Organization of American States (OAS)" in page.body
    assert "12:30 Close" in page.body and "18:30 Reception" in page.body and "18:30–" not in page.body
    assert "Salle des Armures Restaurant Les Armures, Rue du Puits-Saint-Pierre 1, 1204 Genève" in page.body
    assert "(on behalf of UNMAS and UNDP)" in page.body
