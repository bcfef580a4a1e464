"""The printable programme as HTML: what it prints, its options, and its answers to bad addresses.

That it prints well on paper is proven in a real browser by tests/e2e/test_printed_programme.py.
"""
import re
from datetime import datetime

import pytest

from planner.demo.loader import load_demo_meetings
from planner.domain.vocabulary import AttendanceMode, InstitutionKind, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.operations.agenda import assign_role
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from planner.web.presenters import css_string

EGM = "/events/egm-border-management-2021"


@pytest.fixture
def demo(app_context):
    load_demo_meetings()
    db.session.commit()


def text_of(response) -> str:
    """The words a reader sees: no tags, no stylesheet, no toolbar."""
    return words(response.get_data(as_text=True))


def words(html: str) -> str:
    html = re.sub(r"<(style|nav)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_whole_programme_prints_every_day_with_sessions_each_under_its_heading(client, demo):
    html = client.get(f"{EGM}/programme").get_data(as_text=True)
    headings = re.findall(r"<h2>([^<]+)</h2>", html)
    assert headings == ["Friday 15 October 2021", "Monday 18 October 2021", "Tuesday 19 October 2021",
                        "Wednesday 20 October 2021", "Thursday 21 October 2021", "Friday 22 October 2021",
                        "Documents"]  # the meeting's public documents, at the end
    assert "All times are in the meeting’s time zone, Asia/Seoul (KST, UTC+09:00)." in words(html)


def test_one_days_programme_prints_that_day_and_no_other(client, demo):
    page = text_of(client.get(f"{EGM}/programme/2021-10-15"))
    assert "Friday 15 October 2021" in page and "Opening session" in page
    assert "Expert discussion" not in page and "Monday 18 October 2021" not in page


def test_a_session_prints_its_time_title_kind_room_attendance_roles_and_thematic_area(client, make):
    meeting = make.meeting()
    room = make.room(meeting, "Main Conference Room")
    mofa = make.institution(meeting, "Ministry of Foreign Affairs", acronym="MOFA")
    chair = make.person(meeting, "Chang Wook-jin", honorific="Mr", position="Director-General", institution=mofa)
    speaker = make.person(meeting, "Jehangir Alam Khan", honorific="Mr", position="Director")
    panel = make.session(meeting, "Border data panel", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 11, 30),
                         room=room, kind=SessionKind.PANEL, thematic_area="Border data",
                         attendance_mode=AttendanceMode.IN_PERSON, status=SessionStatus.TENTATIVE)
    assign_role(panel, speaker, Role.SPEAKER)
    assign_role(panel, chair, Role.CHAIR)
    db.session.commit()
    page = text_of(client.get("/events/test-meeting/programme/2021-10-18"))
    assert ("10:00 – 11:30 Border data panel Tentative Panel Thematic area: Border data "
            "Chair Mr Chang Wook-jin , Director-General, Ministry of Foreign Affairs (MOFA) "
            "Speaker Mr Jehangir Alam Khan , Director Main Conference Room ● In the room") in page
    assert "How to attend: ● In the room , in the room only" in page


def test_breaks_print_compactly_and_items_of_a_block_are_marked_as_nested(client, make):
    meeting = make.meeting()
    block = make.session(meeting, "Morning block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12),
                         description="What the morning is for.")
    make.session(meeting, "Coffee break", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45),
                 parent=block, kind=SessionKind.BREAK)
    html = client.get("/events/test-meeting/programme/2021-10-18").get_data(as_text=True)
    assert re.search(r'<tr class="session block"[^>]*>.*?Morning block', html, re.S)
    coffee_row = re.search(r'<tr class="session pause nested" style="--depth: 1">(.*?)</tr>', html, re.S).group(1)
    assert "Coffee break" in coffee_row
    assert "Working session" not in coffee_row and "Hybrid" not in coffee_row


def test_descriptions_print_unless_left_out(client, make):
    meeting = make.meeting()
    make.session(meeting, "Morning block", description="What the morning is for.")
    assert "What the morning is for." in text_of(client.get("/events/test-meeting/programme"))
    assert "What the morning is for." not in text_of(client.get("/events/test-meeting/programme?descriptions=0"))


def test_the_public_edition_prints_no_online_links_and_the_internal_one_is_for_organisers(client, make):
    meeting = make.meeting()
    make.session(meeting, "Open", online_link="https://meet.example.org/open", online_link_public=True)
    make.session(meeting, "Closed", datetime(2021, 10, 18, 11), online_link="https://meet.example.org/closed")
    public = client.get("/events/test-meeting/programme").get_data(as_text=True)
    assert "meet.example.org" not in public
    assert 'value="internal"' not in public  # not offered to a reader who would be refused it
    assert client.get("/events/test-meeting/programme?edition=internal").status_code == 403


def test_the_internal_edition_prints_every_online_link_for_an_organiser(client, make):
    meeting = make.meeting()
    make.session(meeting, "Open", online_link="https://meet.example.org/open", online_link_public=True)
    make.session(meeting, "Closed", datetime(2021, 10, 18, 11), online_link="https://meet.example.org/closed")
    organiser = create_organiser("organiser@example.org", "long enough password")
    grant_role(meeting, organiser, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    login_page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page).group(1)
    client.post("/login", data={"email": "organiser@example.org", "password": "long enough password",
                                "csrf_token": token})
    internal = client.get("/events/test-meeting/programme?edition=internal").get_data(as_text=True)
    assert "Join online: https://meet.example.org/open" in words(internal)
    assert "Join online: https://meet.example.org/closed" in words(internal)
    assert f'@top-center {{ content: {css_string("Internal: not for distribution")}; }}' in internal
    assert 'value="internal"' in internal


@pytest.mark.parametrize("query, size", [("", "a4"), ("?paper=a4", "a4"), ("?paper=letter", "letter"),
                                         ("?paper=Letter", "letter")])
def test_the_paper_is_a4_unless_letter_is_asked_for(client, make, query, size):
    make.meeting()
    html = client.get(f"/events/test-meeting/programme{query}").get_data(as_text=True)
    assert f"size: {size};" in html


@pytest.mark.parametrize("query, message", [
    ("?paper=legal", "Paper must be “a4” or “letter”, not “legal”."),
    ("?descriptions=yes", "Descriptions must be 1 (with) or 0 (without), not “yes”."),
    ("?edition=secret", "Edition must be “public” or “internal”, not “secret”."),
])
def test_an_unknown_option_gets_a_clear_message(client, make, query, message):
    make.meeting()
    response = client.get(f"/events/test-meeting/programme/2021-10-18{query}")
    assert response.status_code == 400 and message in text_of(response)


@pytest.mark.parametrize("address", [
    "/events/no-such-meeting/programme", "/events/no-such-meeting/programme/2021-10-15",
    f"{EGM}/programme/2021-10-14", f"{EGM}/programme/2021-10-23", f"{EGM}/programme/2021-02-30",
    f"{EGM}/programme/15-10-2021", f"{EGM}/programme/all",
])
def test_unknown_meetings_and_days_get_a_404_page(client, demo, address):
    response = client.get(address)
    assert response.status_code == 404 and "Not Found" in text_of(response)


def test_a_draft_meeting_has_no_programme(client, make):
    make.meeting(slug="draft-one", published=False)
    assert client.get("/events/draft-one/programme").status_code == 404
    assert client.get("/events/draft-one/programme/2021-10-18").status_code == 404


def test_draft_sessions_do_not_print(client, make):
    meeting = make.meeting()
    make.session(meeting, "Secret planning", draft=True)
    assert "Secret planning" not in text_of(client.get("/events/test-meeting/programme/2021-10-18"))


def test_a_day_without_sessions_says_so_and_a_programme_without_any_too(client, demo, make):
    assert "No sessions on this day." in text_of(client.get(f"{EGM}/programme/2021-10-16"))
    make.meeting(slug="empty")
    assert "The programme has no sessions yet." in text_of(client.get("/events/empty/programme"))


def test_the_running_header_names_the_meeting_and_each_printed_day(client, demo):
    html = client.get(f"{EGM}/programme").get_data(as_text=True)
    assert '@top-left { content: "EGM Border Management 2021"; }' in html
    assert '@page day-2021-10-18 { @top-right { content: "Monday 18 October 2021"; font-weight: 700; } }' in html
    assert "#day-2021-10-18 { page: day-2021-10-18; }" in html


def test_a_title_cannot_break_out_of_the_running_header(client, make):
    make.meeting(title='A "quoted" title \\ with </style><script>alert(1)</script>')
    html = client.get("/events/test-meeting/programme").get_data(as_text=True)
    assert html.count("</style>") == 1 and "<script>" not in html
    # Each escape ends with the space CSS takes as its end; the title's own spaces follow it.
    assert r'content: "A \000022 quoted\000022  title \00005c  with \00003c \00002f style\00003e ' in html


def test_agenda_pages_have_a_print_button_leading_to_the_programme(client, demo):
    agenda = client.get(f"{EGM}/").get_data(as_text=True)
    day = client.get(f"{EGM}/days/2021-10-18").get_data(as_text=True)
    assert f'<a class="button" href="{EGM}/programme">Print the programme</a>' in agenda
    assert f'<a class="button" href="{EGM}/programme/2021-10-18">Print this day</a>' in day


def test_the_programme_carries_no_site_navigation(client, demo):
    html = client.get(f"{EGM}/programme/2021-10-18").get_data(as_text=True)
    assert "site-header" not in html and "meeting-nav" not in html
    assert re.search(r'<link rel="stylesheet" href="/static/print.css\?v=\d+">', html)


def test_hangul_and_accented_names_reach_the_page_as_written(client, make):
    meeting = make.meeting()
    kntu = make.institution(meeting, "한국교통대학교", InstitutionKind.ACADEMIA)
    speakers = [make.person(meeting, "장욱진", institution=kntu), make.person(meeting, "Zoë Ångström-Łukasiewicz")]
    session = make.session(meeting, "Échanges d’expériences")
    for person in speakers:
        assign_role(session, person, Role.SPEAKER)
    db.session.commit()
    page = text_of(client.get("/events/test-meeting/programme"))
    assert "Échanges d’expériences" in page and "장욱진 , 한국교통대학교" in page and "Zoë Ångström-Łukasiewicz" in page
