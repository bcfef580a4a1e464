"""What real agendas hold: items without an end, the meeting's bureau, "on behalf of", off-site venues, NGOs."""
from datetime import datetime

import pytest
from sqlalchemy import select

from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import AttendanceMode, InstitutionKind, OfficerRole, Role, SessionKind
from planner.extensions import db
from planner.models import Change, MeetingOfficer
from planner.operations.agenda import add_session, assign_role, update_session
from planner.operations.meetings import delete_person
from planner.operations.officers import add_officer, move_officer, remove_officer, update_officer


def _open_ended(meeting, title="Reception", starts=datetime(2021, 10, 18, 18, 30), **values):
    session = add_session(meeting, title=title, kind=SessionKind.RECEPTION, starts=starts, ends=None,
                          attendance_mode=AttendanceMode.IN_PERSON, **values)
    db.session.commit()
    return session


# Items without an end

def test_an_item_without_an_end_is_stored_without_one_and_keeps_none_when_moved(make):
    meeting = make.meeting()
    reception = _open_ended(meeting)
    update_session(reception, actor=None, starts=datetime(2021, 10, 18, 19))
    db.session.commit()
    assert (reception.starts_at.isoformat(), reception.ends_at) == ("2021-10-18T10:00:00+00:00", None)


def test_an_item_without_an_end_sits_inside_a_block_only_within_its_time(make):
    meeting = make.meeting()
    block = make.session(meeting, "Morning", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12, 30))
    close = _open_ended(meeting, "Close", datetime(2021, 10, 18, 12, 30), parent=block)
    assert close.parent_id == block.id
    with pytest.raises(InvalidInput) as refused:
        _open_ended(meeting, "Reception", datetime(2021, 10, 18, 18, 30), parent=block)
    assert refused.value.errors == {
        "parent": "This does not fit inside “Morning”; adjust the times or choose another block."}


def test_a_block_holding_items_cannot_lose_its_end(make):
    meeting = make.meeting()
    block = make.session(meeting, "Morning", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12))
    make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 11), parent=block)
    with pytest.raises(InvalidInput) as refused:
        update_session(block, actor=None, ends=None)
    assert refused.value.errors == {"ends": "“Coffee” sits inside this session, which needs an end to hold it."}


def test_an_item_without_an_end_must_start_within_the_meeting_days(make):
    meeting = make.meeting()
    with pytest.raises(InvalidInput) as refused:
        _open_ended(meeting, starts=datetime(2021, 10, 23, 0, 0))
    assert refused.value.errors == {
        "starts": "Choose a time within the meeting's days, 18 October to 22 October 2021."}


# The bureau

def test_the_bureau_keeps_its_officers_in_order_with_a_history_entry_each(make):
    meeting = make.meeting()
    people = {name: make.person(meeting, name) for name in ("Sara Sekkenes", "Ian Mansfield", "Kim Min-ji")}
    first = add_officer(meeting, people["Sara Sekkenes"], OfficerRole.CO_CHAIR)
    add_officer(meeting, people["Ian Mansfield"], OfficerRole.CO_CHAIR)
    rapporteur = add_officer(meeting, people["Kim Min-ji"], OfficerRole.RAPPORTEUR)
    move_officer(rapporteur, -1, actor=None)
    db.session.commit()
    assert [(o.person.name, o.role) for o in meeting.officers] == [
        ("Sara Sekkenes", OfficerRole.CO_CHAIR), ("Kim Min-ji", OfficerRole.RAPPORTEUR),
        ("Ian Mansfield", OfficerRole.CO_CHAIR)]

    update_officer(first, actor=None, role=OfficerRole.CHAIR)
    remove_officer(rapporteur, actor=None)
    db.session.commit()
    summaries = db.session.scalars(select(Change.summary).where(Change.entity == "meetingofficer")
                                   .order_by(Change.id)).all()
    assert summaries == [
        "Sara Sekkenes is co-chair of the meeting", "Ian Mansfield is co-chair of the meeting",
        "Kim Min-ji is rapporteur of the meeting", "Reordered the bureau", "Reordered the bureau",
        "Sara Sekkenes is chair of the meeting", "Kim Min-ji is no longer rapporteur of the meeting",
    ]


def test_an_officer_is_a_person_of_the_meeting_and_holds_an_office_once(make):
    meeting = make.meeting()
    elsewhere = make.meeting(slug="elsewhere")
    stranger = make.person(elsewhere, "Someone Else")
    chair = make.person(meeting, "Sara Sekkenes")
    with pytest.raises(InvalidInput) as refused:
        add_officer(meeting, stranger, OfficerRole.CHAIR)
    assert refused.value.errors == {"person": "Choose a person of this meeting."}
    add_officer(meeting, chair, OfficerRole.CHAIR)
    with pytest.raises(InvalidInput) as refused:
        add_officer(meeting, chair, OfficerRole.CHAIR)
    assert refused.value.errors == {"person": "Sara Sekkenes is already chair of this meeting."}


def test_deleting_a_person_takes_them_out_of_the_bureau(make):
    meeting = make.meeting()
    chair = make.person(meeting, "Sara Sekkenes")
    add_officer(meeting, chair, OfficerRole.CHAIR)
    db.session.commit()
    delete_person(chair, actor=None)
    db.session.commit()
    assert db.session.scalars(select(MeetingOfficer)).all() == []


# On behalf of, co-chairs, NGOs, rooms elsewhere

def test_a_role_says_on_whose_behalf_and_sessions_have_co_and_vice_chairs(make):
    meeting = make.meeting()
    gichd = make.institution(meeting, "Geneva International Centre for Humanitarian Demining", acronym="GICHD",
                             kind=InstitutionKind.INTERNATIONAL)
    icbl = make.institution(meeting, "International Campaign to Ban Landmines", acronym="ICBL",
                            kind=InstitutionKind.CIVIL_SOCIETY)
    filippino = make.person(meeting, "Eric Filippino", honorific="Mr", institution=gichd)
    williams = make.person(meeting, "Jody Williams", honorific="Ms", institution=icbl)
    session = make.session(meeting, "Mine action coordination")
    assign_role(session, williams, Role.CO_CHAIR)
    assign_role(session, filippino, Role.SPEAKER, on_behalf_of="UNMAS and UNDP")
    db.session.commit()
    assert [(r.person.name, r.role, r.on_behalf_of) for r in session.roles] == [
        ("Jody Williams", Role.CO_CHAIR, ""), ("Eric Filippino", Role.SPEAKER, "UNMAS and UNDP")]
    assert icbl.kind.label == "Civil society / NGO"


def test_an_address_needs_the_venue_it_belongs_to(make):
    meeting = make.meeting()
    with pytest.raises(InvalidInput) as refused:
        make.room(meeting, "Main room", address="Rue du Puits-Saint-Pierre 1, Genève")
    assert refused.value.errors == {
        "venue": "Name the venue at this address (a room elsewhere, such as a restaurant in town)."}
