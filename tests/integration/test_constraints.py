"""The database itself refuses rows that break the model's rules, whatever code wrote them."""
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, StatementError

from planner.domain.vocabulary import Role
from planner.extensions import db
from planner.models import Meeting, Session, SessionRole

UTC = timezone.utc


@pytest.fixture
def meeting(make):
    return make.meeting()


def refused(statement: str, **params) -> None:
    with pytest.raises(IntegrityError):
        with db.session.begin_nested():
            db.session.execute(text(statement), params)


def session_insert(**overrides) -> str:
    values = {
        "uid": "'00000000-0000-0000-0000-000000000001'", "meeting_id": ":meeting", "title": "'Panel'",
        "kind": "'panel'", "starts_at": "'2021-10-18 09:00:00'", "ends_at": "'2021-10-18 10:00:00'",
        "attendance_mode": "'hybrid'", "online_link": "''", "online_link_public": "false", "description": "''",
        "thematic_area": "''", "status": "'confirmed'", "draft": "false", "created_at": "'2021-01-01 00:00:00'",
        "updated_at": "'2021-01-01 00:00:00'", "version": "1",
    }
    values.update(overrides)
    return f"INSERT INTO sessions ({', '.join(values)}) VALUES ({', '.join(values.values())})"


def test_a_well_formed_session_row_is_accepted(meeting):
    db.session.execute(text(session_insert()), {"meeting": meeting.id})
    assert db.session.scalar(text("SELECT count(*) FROM sessions")) == 1


def test_a_session_ending_before_it_starts_is_refused(meeting):
    refused(session_insert(ends_at="'2021-10-18 08:00:00'"), meeting=meeting.id)


def test_a_session_ending_when_it_starts_is_refused(meeting):
    refused(session_insert(ends_at="'2021-10-18 09:00:00'"), meeting=meeting.id)


def test_a_session_without_a_title_is_refused(meeting):
    refused(session_insert(title="NULL"), meeting=meeting.id)
    refused(session_insert(title="''"), meeting=meeting.id)


def test_a_session_of_an_unknown_kind_is_refused(meeting):
    refused(session_insert(kind="'party'"), meeting=meeting.id)


def test_a_session_of_a_meeting_that_does_not_exist_is_refused(meeting):
    refused(session_insert(), meeting=meeting.id + 1000)


def test_a_session_in_a_room_of_another_meeting_is_refused(make, meeting):
    other = make.meeting(slug="other")
    foreign_room = make.room(other, "Their room")
    refused(session_insert(room_id=str(foreign_room.id)), meeting=meeting.id)


def test_a_session_inside_a_block_of_another_meeting_is_refused(make, meeting):
    other = make.meeting(slug="other")
    foreign_block = make.session(other)
    refused(session_insert(parent_id=str(foreign_block.id)), meeting=meeting.id)


def test_two_meetings_cannot_share_a_slug(make, meeting):
    with pytest.raises(IntegrityError):
        db.session.add(Meeting(slug=meeting.slug, title="Copy", first_day=date(2021, 1, 1),
                               last_day=date(2021, 1, 2), timezone="UTC", format="hybrid"))
        db.session.flush()


def test_a_meeting_ending_before_it_begins_is_refused(meeting):
    refused(
        "INSERT INTO meetings (slug, title, short_name, hosts, description, first_day, last_day, timezone, venue,"
        " format, online_link, contact_email, published, created_at, updated_at, version) VALUES ('backwards',"
        " 'Backwards', '', '', '', '2021-10-22', '2021-10-18', 'UTC', '', 'hybrid', '', '', false,"
        " '2021-01-01 00:00:00', '2021-01-01 00:00:00', 1)"
    )


def test_a_room_with_negative_capacity_is_refused(meeting):
    refused(
        "INSERT INTO rooms (meeting_id, name, capacity, online_only, position, version)"
        " VALUES (:meeting, 'Hall', -1, false, 0, 1)", meeting=meeting.id,
    )


def test_a_person_cannot_hold_the_same_role_twice_in_one_session(make, meeting):
    session = make.session(meeting)
    person = make.person(meeting)
    db.session.add(SessionRole(session=session, person=person, role=Role.SPEAKER, position=0))
    db.session.flush()
    with pytest.raises(IntegrityError):
        with db.session.begin_nested():
            db.session.add(SessionRole(session=session, person=person, role=Role.SPEAKER, position=1))
            db.session.flush()


def test_a_person_may_hold_two_different_roles_in_one_session(make, meeting):
    session = make.session(meeting)
    person = make.person(meeting)
    db.session.add_all([
        SessionRole(session=session, person=person, role=Role.CHAIR, position=0),
        SessionRole(session=session, person=person, role=Role.SPEAKER, position=1),
    ])
    db.session.commit()
    assert [role.role for role in session.roles] == [Role.CHAIR, Role.SPEAKER]


def test_a_person_from_an_institution_of_another_meeting_is_refused(make, meeting):
    foreign = make.institution(make.meeting(slug="other"))
    refused(
        "INSERT INTO people (meeting_id, honorific, name, position, institution_id, email, version)"
        " VALUES (:meeting, '', 'Kim', '', :institution, '', 1)",
        meeting=meeting.id, institution=foreign.id,
    )


def test_a_person_with_roles_cannot_be_deleted_from_under_them(make, meeting):
    person = make.person(meeting)
    session = make.session(meeting)
    db.session.add(SessionRole(session=session, person=person, role=Role.SPEAKER, position=0))
    db.session.commit()
    refused("DELETE FROM people WHERE id = :person", person=person.id)


def test_deleting_a_meeting_deletes_everything_in_it(make, meeting):
    make.session(meeting, room=make.room(meeting))
    db.session.delete(meeting)
    db.session.commit()
    assert db.session.scalar(text("SELECT count(*) FROM sessions")) == 0
    assert db.session.scalar(text("SELECT count(*) FROM rooms")) == 0


def test_naive_datetimes_never_reach_the_database(meeting):
    session = Session(meeting=meeting, title="Naive", kind="panel", attendance_mode="hybrid",
                      starts_at=datetime(2021, 10, 18, 9), ends_at=datetime(2021, 10, 18, 10))
    db.session.add(session)
    with pytest.raises(StatementError, match="naive datetime"):
        db.session.flush()
    db.session.rollback()
