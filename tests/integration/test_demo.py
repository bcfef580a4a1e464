"""The demo meetings carry the facts the seed texts state, and loading them twice changes nothing."""
import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from planner.demo.loader import load_demo_meetings
from planner.domain.documents import Reader
from planner.domain.timezones import to_local
from planner.domain.vocabulary import DayMode, InstitutionKind, MeetingFormat, SessionKind
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Registration, Room, Session, SessionRole
from planner.queries.agenda import agenda_sessions, find_meeting
from planner.queries.documents import readable_documents

EGM, CTED = "egm-border-management-2021", "cted-follow-up-visit-2023"

ELEVEN_NATIONAL_INSTITUTIONS = {
    "National Counter-Terrorism Center", "National Intelligence Service", "Ministry of National Defense",
    "Ministry of Justice", "Korean National Police Agency", "Korea Customs Service",
    "Ministry of Land, Infrastructure and Transport", "Ministry of Oceans and Fisheries",
    "Incheon International Airport", "Incheon Port Authority & Customs", "Korea Coast Guard",
}


@pytest.fixture
def demo(app_context):
    load_demo_meetings()
    db.session.commit()


def meeting(slug: str) -> Meeting:
    return find_meeting(slug)


def sessions_of(slug: str):
    found = meeting(slug)
    return [(to_local(s.starts_at, found.timezone), s) for s in agenda_sessions(found)]


def roles_in(session: Session) -> list[tuple[str, str, str, str]]:
    return [
        (r.role.value, r.person.name, r.person.position, r.person.institution.short) for r in session.roles
    ]


def test_the_egm_is_a_hybrid_meeting_in_seoul_hosted_by_the_ministry_and_uncct(demo):
    egm = meeting(EGM)
    assert (egm.first_day, egm.last_day, egm.timezone, egm.format, egm.published) == (
        date(2021, 10, 15), date(2021, 10, 22), "Asia/Seoul", MeetingFormat.HYBRID, True,
    )
    assert "Seoul" in egm.venue
    assert "Ministry of Foreign Affairs" in egm.hosts and "UNCCT" in egm.hosts


def test_the_egm_has_the_eleven_national_institutions_and_the_international_partners(demo):
    institutions = {i.name: i for i in meeting(EGM).institutions}
    national = {name for name, i in institutions.items() if i.kind is InstitutionKind.GOVERNMENT} - {
        "Ministry of Foreign Affairs"
    }
    assert national == ELEVEN_NATIONAL_INSTITUTIONS
    acronyms = {i.acronym: i.kind for i in institutions.values() if i.acronym}
    assert {acronyms["UNCCT"], acronyms["IOM"], acronyms["WCO"]} == {InstitutionKind.INTERNATIONAL}
    assert institutions["Stimson Center"].kind is InstitutionKind.THINK_TANK


def test_the_egm_opening_has_the_named_officials_with_their_positions_and_institutions(demo):
    on_opening_day = [s for local, s in sessions_of(EGM) if local.date() == date(2021, 10, 15)]
    opening = next(s for s in on_opening_day if s.kind is SessionKind.OPENING)
    remarks = [s for s in on_opening_day if s.kind is SessionKind.REMARKS]
    assert all(s.parent_id == opening.id for s in remarks)
    assert [(s.title, roles_in(s)) for s in remarks] == [
        ("Opening remarks", [("speaker", "Chang Wook-jin", "Director-General for International Organizations",
                              "MOFA")]),
        ("Opening remarks", [("speaker", "Jehangir Alam Khan", "Director", "UNCCT")]),
        ("Congratulatory remarks", [
            ("speaker", "Brian Finlay", "President", "Stimson Center"),
            ("speaker", "Damien Thuriaux", "Head of the Immigration and Border Management Division", "IOM"),
            ("speaker", "Jung Ji-hun", "Director General", "NCTC"),
        ]),
    ]


def test_the_egm_holds_expert_discussions_every_day_from_18_to_22_october(demo):
    discussion_days = {
        local.date() for local, s in sessions_of(EGM)
        if s.kind is SessionKind.WORKING and local.date() > date(2021, 10, 15)
    }
    assert discussion_days == {date(2021, 10, day) for day in range(18, 23)}


def test_the_egm_has_hybrid_sessions_with_people_in_the_room_and_online(demo):
    modes = {(r.person.name, day.day): day.mode for r in meeting(EGM).registrations for day in r.days}
    assert modes[("Jehangir Alam Khan", date(2021, 10, 15))] is DayMode.IN_ROOM
    assert modes[("Brian Finlay", date(2021, 10, 15))] is DayMode.ONLINE


def test_the_cted_visit_runs_22_to_25_may_2023_in_seoul_with_its_delegation(demo):
    cted = meeting(CTED)
    assert (cted.first_day, cted.last_day, cted.timezone) == (date(2023, 5, 22), date(2023, 5, 25), "Asia/Seoul")
    acronyms = {i.acronym for i in cted.institutions if i.kind is InstitutionKind.INTERNATIONAL}
    assert {"CTED", "ICAO", "IMO", "UNODC"} <= acronyms
    gherman = next(p for p in cted.people if p.name == "Natalia Gherman")
    assert (gherman.honorific, gherman.position, gherman.institution.acronym) == (
        "Ms", "Assistant Secretary-General and Executive Director", "CTED",
    )


def test_the_cted_visit_has_its_opening_bilaterals_roundtable_and_thematic_areas(demo):
    sessions = [s for _, s in sessions_of(CTED)]
    kinds = [s.kind for s in sessions]
    assert kinds.count(SessionKind.OPENING) == 1
    assert kinds.count(SessionKind.ROUNDTABLE) == 1
    bilateral_titles = {s.title for s in sessions if s.kind is SessionKind.BILATERAL}
    for counterpart in ("Deputy Minister for Multilateral and Global Affairs",
                        "Deputy Minister and Counter-Terrorism Human Rights Protection Officer",
                        "Ambassador of International Security Affairs",
                        "Head of the National Counter Terrorism Centre",
                        "Chief of the Counter-Terrorism Intelligence Integration Centre"):
        assert any(counterpart in title for title in bilateral_titles), counterpart
    roundtable = next(s for s in sessions if s.kind is SessionKind.ROUNDTABLE)
    opening_remarks = next(s for s in sessions if s.parent_id == roundtable.id)
    assert roles_in(opening_remarks)[0][:2] == ("speaker", "Natalia Gherman")
    areas = {s.thematic_area for s in sessions}
    assert {"Information and communications technologies (ICT)", "Counter-terrorism legislation",
            "Financing of terrorism", "Law enforcement and border management",
            "Criminal justice and international cooperation in criminal matters"} <= areas


def test_every_demo_session_lies_within_its_meetings_days_and_rooms(demo):
    for slug in (EGM, CTED):
        found = meeting(slug)
        for local, session in sessions_of(slug):
            assert found.first_day <= local.date() <= found.last_day
            assert session.room.meeting_id == found.id


def count_everything() -> dict[str, int]:
    return {
        model.__tablename__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Meeting, Room, Institution, Person, Session, SessionRole, Registration)
    }


def test_loading_the_demo_twice_duplicates_nothing(demo):
    before = count_everything()
    assert load_demo_meetings() == []
    db.session.commit()
    assert count_everything() == before
    assert before["meetings"] == 2


def test_the_demo_command_loads_both_meetings_and_is_idempotent(runner, app):
    first = runner.invoke(args=["demo"])
    second = runner.invoke(args=["demo"])
    assert first.exit_code == 0 and EGM in first.output and CTED in first.output
    assert "already loaded" in second.output
    with app.app_context():
        assert count_everything()["meetings"] == 2


def test_the_demo_command_leaves_a_database_with_meetings_alone_when_asked(runner, make):
    make.meeting(slug="our-own")
    result = runner.invoke(args=["demo", "--if-empty"])
    assert "not loaded" in result.output
    assert count_everything()["meetings"] == 1


def test_the_demo_meetings_carry_their_concept_and_information_notes_the_seoul_one_in_korean_too(demo, client):
    egm = readable_documents(meeting(EGM), Reader.ORGANISER)
    assert [(document.title, document.visibility.value, [version.language for version in document.languages])
            for document in egm] == [
        ("Concept note", "public", ["en", "ko"]),
        ("Information note for participants", "participants", ["en", "ko"]),
        ("Security Council resolution 2396 (2017)", "public", ["en"]),
    ]
    korean = egm[0].languages[1].current
    assert korean.filename == "국경 관리 전문가 회의 - 개념 노트.pdf"
    response = client.get(f"/events/{EGM}/documents/{egm[0].id}/ko")
    assert response.mimetype == "application/pdf"
    # fpdf2 sets the font outside the text's BT block (valid PDF); pypdf then reads its two-byte codes one
    # byte at a time, so a NUL stands before each character.
    text = PdfReader(io.BytesIO(response.get_data())).pages[0].extract_text().replace("\x00", "").replace(" ", "")
    assert "개념노트" in text and "국경안보및관리에관한전문가그룹회의" in text
    cted = readable_documents(meeting(CTED), Reader.PUBLIC)
    assert [document.title for document in cted] == ["Concept note"]
