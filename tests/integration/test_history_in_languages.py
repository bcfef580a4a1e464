"""The history read in French and Korean: each change's summary in the reader's language, what organisers typed
as typed; the English stays what the API and exports read, and an entry older than the kept messages shows its
English. The Undo button's text and its answer are in the reader's language too."""
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from planner.domain.vocabulary import DayMode, ParticipantRole, Role
from planner.extensions import db
from planner.models import Change, Meeting, Session, User
from planner.operations.agenda import assign_role, update_session
from planner.operations.meetings import delete_room
from planner.operations.presence import check_in
from planner.operations.registrations import register_participant
from tests.integration.browsing import submit, text_of

HISTORY = "/events/owned/organise/history"
TIMETABLE = "/events/owned/organise/timetable/2021-10-18"


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        annex = make.room(meeting, "Annex")
        alice = make.organiser("alice@example.org", meetings=[meeting])
        opening = make.session(meeting, "Opening", datetime(2021, 10, 18, 9), room=annex, actor=alice)
        kim = make.person(meeting, "Kim Min-ji")
        assign_role(opening, kim, Role.CHAIR, actor=alice)
        registration = register_participant(meeting, kim, role=ParticipantRole.DELEGATE,
                                            days={date(2021, 10, 18): DayMode.ONLINE}, actor=alice)
        check_in(registration, date(2021, 10, 18), actor=alice)
        delete_room(annex, actor=alice)
        db.session.commit()
        return dict(opening=opening.id, meeting=meeting.id)


@pytest.fixture
def alice(browser, ids):
    return browser("alice@example.org")


def test_the_history_in_french_says_each_change_in_french_with_typed_names_as_typed(alice):
    page = text_of(alice.get(f"{HISTORY}?lang=fr"))
    for summary in ("Ajout de la séance « Opening »", "Kim Min-ji : président(e) de « Opening »",
                    "Inscription de Kim Min-ji comme délégué(e)", "Kim Min-ji : en ligne le 18 oct.",
                    "Enregistrement de Kim Min-ji à l’accueil le lun. 18 oct. 2021",
                    "Suppression de la salle « Annex » ; 1 séance sans salle : « Opening »"):
        assert summary in page, summary
    assert "Added session" not in page and "is chair of" not in page


def test_the_history_in_korean_writes_days_as_korean_does(alice):
    page = text_of(alice.get(f"{HISTORY}?lang=ko"))
    for summary in ("세션 “Opening” 추가", "Kim Min-ji: “Opening” 의장", "Kim Min-ji 2021년 10월 18일 (월) 체크인",
                    "회의실 “Annex” 삭제, 회의실이 없어진 세션 1개: “Opening”"):
        assert summary in page, summary
    assert "체크인 처리자" in page and "Checked in" not in page, "a check-in's fields are labelled in Korean too"


def test_the_stored_summary_stays_english_for_the_api_and_exports(app, ids):
    with app.app_context():
        summaries = db.session.scalars(select(Change.summary).where(Change.meeting_id == ids["meeting"])
                                       .order_by(Change.id)).all()
    assert "Kim Min-ji is chair of “Opening”" in summaries
    assert "Checked in Kim Min-ji on Mon 18 Oct 2021" in summaries
    assert "Deleted room “Annex”; 1 session left without a room: “Opening”" in summaries


def test_an_entry_without_its_message_or_with_one_that_cannot_be_read_shows_its_english(app, alice, ids):
    with app.app_context():
        db.session.execute(update(Change).where(Change.summary == "Added session “Opening”")
                           .values(summary_message=None))
        db.session.execute(update(Change).where(Change.summary == "Kim Min-ji is chair of “Opening”")
                           .values(summary_message={"msgid": "%(missing)s", "params": {"x": {"nothing": 1}}}))
        db.session.commit()
    response = alice.get(f"{HISTORY}?lang=fr")
    assert response.status_code == 200
    page = text_of(response)
    assert "Added session “Opening”" in page and "Kim Min-ji is chair of “Opening”" in page
    assert "Suppression de la salle « Annex »" in page


def test_the_undo_button_and_its_answer_in_the_readers_language(app, alice, ids):
    with app.app_context():
        opening = db.session.get(Session, ids["opening"])
        update_session(opening, title="Opening of the meeting",
                       actor=db.session.scalar(select(User).where(User.email == "alice@example.org")))
        db.session.commit()
    page = alice.get(f"{TIMETABLE}?lang=fr")
    assert "Modification de la séance « Opening of the meeting »" in text_of(page)
    answer = submit(alice, TIMETABLE, action_contains="/undo", headers={"Accept": "application/json"})
    assert answer.get_json() == {"message": "Annulé : Modification de la séance « Opening of the meeting ».",
                                 "undone": True}
    assert "Annulation : Modification de la séance « Opening of the meeting »" in text_of(
        alice.get(f"{HISTORY}?lang=fr"))
    with app.app_context():
        assert db.session.get(Session, ids["opening"]).title == "Opening"
        assert db.session.scalar(select(Meeting.title)) == "Owned meeting"
