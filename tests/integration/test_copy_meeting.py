"""Copy as next year's meeting: details, rooms, institutions, people (if asked), team, sessions with nesting and
roles, moved by whole days at the same wall-clock times, also across a daylight-saving change; registrations,
check-ins and history start empty, and calendars see new events."""
import io
from datetime import date, datetime

import pytest
from icalendar import Calendar
from sqlalchemy import func, select

from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.domain.timezones import to_local
from planner.domain.vocabulary import DayMode, OfficerRole, ParticipantRole, Role, TeamRole
from planner.extensions import db
from planner.models import Change, Document, Meeting, Registration, Session, StoredChunk, StoredFile
from planner.operations.agenda import assign_role
from planner.operations.documents import upload_document
from planner.operations.file_store import Limits, Upload
from planner.operations.officers import add_officer
from planner.operations.registrations import register_participant
from planner.operations.team import grant_role
from tests.integration.browsing import errors_beside_fields, flashes_of, submit, text_of

# Zurich leaves summer time on Sunday 31 October 2021: the original is in summer time, the copy in winter time.
ORIGINAL = "zurich-2021"


@pytest.fixture
def organiser(browser, seed):
    with seed() as make:
        meeting = make.meeting(slug=ORIGINAL, title="Zurich EGM 2021", timezone="Europe/Zurich",
                               first_day=date(2021, 10, 25), last_day=date(2021, 10, 27), short_name="ZEGM",
                               hosts="Federal Department", venue="Zurich")
        hall = make.room(meeting, "Hall A", capacity=80)
        make.room(meeting, "Reception", venue="Hotel Baur au Lac", address="Talstrasse 1, Zurich")
        ministry = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
        kim = make.person(meeting, "Kim Min-ji", institution=ministry, email="kim@example.org")
        block = make.session(meeting, "Working block", datetime(2021, 10, 25, 9), datetime(2021, 10, 25, 12),
                             room=hall)
        make.session(meeting, "Coffee", datetime(2021, 10, 25, 10, 30), datetime(2021, 10, 25, 10, 45), parent=block)
        make.session(meeting, "Closing", datetime(2021, 10, 27, 16), datetime(2021, 10, 27, 17), room=hall)
        assign_role(block, kim, Role.CHAIR, on_behalf_of="the Minister")
        add_officer(meeting, kim, OfficerRole.VICE_CHAIR)
        for title, session in (("Concept note", None), ("Block's slides", block)):
            upload_document(meeting, upload=Upload(f"{title}.txt", io.BytesIO(f"{title}, in plain text.\n".encode() * 9)),
                            title=title, language="en", kind=DocumentKind.CONCEPT_NOTE,
                            visibility=DocumentVisibility.PUBLIC, session=session, actor=None,
                            limits=Limits(file_bytes=1_000_000, meeting_bytes=10_000_000))
        register_participant(meeting, kim, role=ParticipantRole.EXPERT, days={date(2021, 10, 25): DayMode.IN_ROOM})
        db.session.commit()
        owner = make.organiser("owner@example.org", meetings=[meeting])
        grant_role(meeting, make.organiser("door@example.org"), TeamRole.DOOR_STAFF, actor=owner)
        db.session.commit()
    return browser("owner@example.org")


def agenda(slug: str) -> list[tuple]:
    meeting = db.session.scalar(select(Meeting).where(Meeting.slug == slug))
    sessions = db.session.scalars(select(Session).where(Session.meeting_id == meeting.id)
                                  .order_by(Session.starts_at, Session.id)).all()
    return [(s.title, to_local(s.starts_at, meeting.timezone).strftime("%a %d %b %H:%M"),
             to_local(s.ends_at, meeting.timezone).strftime("%H:%M"), s.room.name if s.room else None,
             s.parent.title if s.parent else None, [(r.role.value, r.person.name) for r in s.roles]) for s in sessions]


def copy(client, **fields):
    return submit(client, f"/events/{ORIGINAL}/organise/copy", {
        "title": "Zurich EGM 2022", "slug": "zurich-2022", "with_people": "y", **fields})


def test_a_copy_a_week_later_keeps_wall_clock_times_across_the_change_of_clocks(app, organiser):
    with app.app_context():
        slides = db.session.scalar(select(Document.id).where(Document.title == "Block's slides"))
    response = copy(organiser, first_day="2021-11-01", documents=str(slides))
    assert response.location == "/events/zurich-2022/organise/"
    assert flashes_of(organiser.get(response.location)) == [
        "Copied “Zurich EGM 2021” as “Zurich EGM 2022”, a draft from Monday 1 November 2021."]
    with app.app_context():
        assert agenda("zurich-2022") == [
            ("Working block", "Mon 01 Nov 09:00", "12:00", "Hall A", None, [("chair", "Kim Min-ji")]),
            ("Coffee", "Mon 01 Nov 10:30", "10:45", None, "Working block", []),
            ("Closing", "Wed 03 Nov 16:00", "17:00", "Hall A", None, []),
        ]
        original, new = (db.session.scalar(select(Meeting).where(Meeting.slug == slug))
                         for slug in (ORIGINAL, "zurich-2022"))
        assert (new.first_day, new.last_day, new.short_name, new.hosts, new.venue, new.timezone, new.published) == (
            date(2021, 11, 1), date(2021, 11, 3), "ZEGM", "Federal Department", "Zurich", "Europe/Zurich", False)
        old_block, new_block = (db.session.scalar(select(Session).where(Session.meeting_id == m.id,
                                                                        Session.title == "Working block"))
                                for m in (original, new))
        # An hour more than a week: the clocks went back in between.
        assert (new_block.starts_at - old_block.starts_at).total_seconds() == 7 * 24 * 3600 + 3600
        assert new_block.uid != old_block.uid and new_block.sequence == 0
        assert db.session.scalar(select(func.count(Registration.id)).where(Registration.meeting_id == new.id)) == 0
        assert {change.action for change in db.session.scalars(select(Change).where(Change.meeting_id == new.id))} \
            == {"created"}
        assert sorted((member.user.email, member.role.value) for member in new.team) == [
            ("door@example.org", "door_staff"), ("owner@example.org", "organiser")]
        assert [p.institution.acronym for p in new.people] == ["MOJ"]
        assert [(officer.person.name, officer.role.value) for officer in new.officers] == [("Kim Min-ji", "vice_chair")]
        assert [(room.name, room.venue, room.address) for room in new.rooms] == [
            ("Hall A", "", ""), ("Reception", "Hotel Baur au Lac", "Talstrasse 1, Zurich")]
        assert [role.on_behalf_of for role in new_block.roles] == ["the Minister"]
        documents = db.session.scalars(select(Document).where(Document.meeting_id == new.id)).all()
        assert [(d.title, d.session_id, [(v.language, v.current.filename) for v in d.languages]) for d in documents] \
            == [("Block's slides", new_block.id, [("en", "Block's slides.txt")])]
        stored = db.session.scalars(select(StoredFile).where(StoredFile.meeting_id == new.id)).one()
        assert b"".join(db.session.scalars(select(StoredChunk.data).where(StoredChunk.stored_file_id == stored.id)
                                           .order_by(StoredChunk.position))) == b"Block's slides, in plain text.\n" * 9
    feed = Calendar.from_ical(organiser.get("/events/zurich-2022/calendar.ics").data)
    starts = sorted(str(event["DTSTART"].to_ical(), "ascii") for event in feed.walk("VEVENT"))
    assert starts == ["20211101T090000", "20211101T103000", "20211103T160000"]


def test_same_weekdays_moves_the_copy_to_the_first_such_day_and_people_can_stay_behind(app, organiser):
    # 25 October 2021 is a Monday; asked for Wednesday 19 October 2022, the copy starts Monday 24 October.
    copy(organiser, first_day="2022-10-19", same_weekdays="y", with_people=None)
    with app.app_context():
        assert agenda("zurich-2022") == [
            ("Working block", "Mon 24 Oct 09:00", "12:00", "Hall A", None, []),
            ("Coffee", "Mon 24 Oct 10:30", "10:45", None, "Working block", []),
            ("Closing", "Wed 26 Oct 16:00", "17:00", "Hall A", None, []),
        ]
        new = db.session.scalar(select(Meeting).where(Meeting.slug == "zurich-2022"))
        assert (new.first_day, new.people, new.institutions, new.officers) == (date(2022, 10, 24), [], [], [])


def test_a_copy_with_a_taken_address_or_no_title_is_refused_beside_the_field(organiser, stored_rows):
    before = stored_rows()
    response = copy(organiser, first_day="2022-10-24", slug=ORIGINAL, title="")
    assert response.status_code == 400
    assert errors_beside_fields(response) == {"title": ["Give the new meeting a title."]}
    response = copy(organiser, first_day="2022-10-24", slug=ORIGINAL)
    assert errors_beside_fields(response) == {"slug": [f"The address “{ORIGINAL}” is taken; choose another."]}
    assert stored_rows() == before


def test_door_staff_cannot_copy_the_meeting(browser, organiser):
    door = browser("door@example.org")
    assert door.get(f"/events/{ORIGINAL}/organise/copy").status_code == 403
    assert "Copy this meeting" in text_of(organiser.get(f"/events/{ORIGINAL}/organise/"))
