"""Deleting a meeting puts it in the trash: gone from every list and address (feeds answer 410 Gone), restorable
whole by its organisers and administrators, purged for good once its time is up, its history kept. Deleting a
person records what went with them."""
from datetime import date, datetime, timedelta

import pytest
from rq import Queue, SimpleWorker
from rq.registry import ScheduledJobRegistry
from sqlalchemy import func, select

from planner.database import utcnow
from planner.domain.vocabulary import DayMode, ParticipantRole, Role
from planner.extensions import db
from planner.jobs import TRASH_PURGE_JOB_ID, purge_trash_job
from planner.models import Change, Meeting, Person, Registration, Room, Session
from planner.operations.agenda import assign_role
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.presence import check_in
from planner.operations.registrations import register_participant
from planner.operations.trash import move_to_trash
from planner.models.ownership import owned_tables
from tests.conftest import emptied_redis
from tests.integration.archive_support import SLUG as ARCHIVED, build_meeting
from tests.integration.browsing import csrf_token_of, flashes_of, submit, text_of

SLUG = "egm-2021"
REDIS_URL = "redis://127.0.0.1:6379/8"


@pytest.fixture
def meeting(seed) -> dict:
    """A published meeting with a session, a room, a person with a role, a registration with a personal address;
    its organiser; a stranger organising another meeting; an administrator."""
    with seed() as make:
        meeting = make.meeting(slug=SLUG, title="EGM 2021")
        room = make.room(meeting, "Hall A")
        person = make.person(meeting, "Kim Min-ji", email="kim@example.org")
        opening = make.session(meeting, "Opening", datetime(2021, 10, 18, 9), room=room)
        assign_role(opening, person, Role.CHAIR)
        registration = register_participant(meeting, person, role=ParticipantRole.EXPERT,
                                            days={date(2021, 10, 18): DayMode.IN_ROOM})
        token = issue_personal_token(registration, actor=None)
        db.session.commit()
        make.organiser("owner@example.org", meetings=[meeting])
        make.organiser("stranger@example.org", meetings=[make.meeting(slug="their-own")])
        make.organiser("admin@example.org", administrator=True)
        return {"session": opening.id, "person": person.id, "token": token}


def addresses(meeting: dict) -> dict[str, str]:
    return {
        "agenda": f"/events/{SLUG}/", "day": f"/events/{SLUG}/days/2021-10-18", "programme": f"/events/{SLUG}/programme",
        "session": f"/events/{SLUG}/sessions/{meeting['session']}", "person": f"/events/{SLUG}/people/{meeting['person']}",
        "api": f"/api/v1/events/{SLUG}", "api session": f"/api/v1/events/{SLUG}/sessions/{meeting['session']}",
        "organise": f"/events/{SLUG}/organise/", "timetable": f"/events/{SLUG}/organise/timetable",
        "personal page": f"/my/{meeting['token']}",
        "feed": f"/events/{SLUG}/calendar.ics", "day feed": f"/events/{SLUG}/days/2021-10-18.ics",
        "session file": f"/events/{SLUG}/sessions/{meeting['session']}.ics",
        "personal feed": f"/my/{meeting['token']}/calendar.ics",
    }


def answers(client, meeting: dict) -> dict[str, int]:
    return {name: client.get(url).status_code for name, url in addresses(meeting).items()}


def listed(client) -> dict[str, bool]:
    return {
        "home": "EGM 2021" in text_of(client.get("/")),
        "dashboard": "EGM 2021" in text_of(client.get("/organise/")),
        "api": SLUG in {event["slug"] for event in client.get("/api/v1/events").get_json()["events"]},
    }


def test_a_deleted_meeting_leaves_every_list_and_address_and_its_organiser_restores_it_whole(
        browser, meeting, stored_rows):
    owner = browser("owner@example.org")
    before = answers(owner, meeting)
    assert before == {**{name: 200 for name in addresses(meeting)}, "timetable": 302}
    rows_before = {name: rows for name, rows in stored_rows().items() if name not in ("changes", "sign_ins")}

    response = submit(owner, f"/events/{SLUG}/organise/delete")
    assert flashes_of(owner.get(response.location)) == ["Moved “EGM 2021” to the trash: it can be restored for 30 days."]
    gone = {name: 410 if name.endswith(("feed", "file")) else 404 for name in addresses(meeting)}
    assert answers(owner, meeting) == gone
    # Anyone else is asked to sign in first for the organisers' pages, as anywhere.
    assert answers(browser(), meeting) == {**gone, "organise": 302, "timetable": 302}
    assert listed(owner) == {"home": False, "dashboard": False, "api": False}

    trash = text_of(owner.get("/organise/trash"))
    assert "EGM 2021" in trash and "by owner@example.org" in trash
    assert "The trash is empty." in text_of(browser("stranger@example.org").get("/organise/trash"))
    assert "EGM 2021" in text_of(browser("admin@example.org").get("/organise/trash"))

    response = submit(owner, "/organise/trash", action_contains=f"/organise/trash/{SLUG}/restore")
    assert response.location == f"/events/{SLUG}/organise/"
    assert flashes_of(owner.get(response.location)) == ["Restored “EGM 2021” with everything in it."]
    assert answers(owner, meeting) == before
    assert listed(owner) == {"home": True, "dashboard": True, "api": True}
    assert "The trash is empty." in text_of(owner.get("/organise/trash"))
    rows_after = {name: rows for name, rows in stored_rows().items() if name not in ("changes", "sign_ins")}
    # Everything is back as it was, the meeting's own row but for its version.
    assert {name: rows for name, rows in rows_after.items() if name != "meetings"} == \
        {name: rows for name, rows in rows_before.items() if name != "meetings"}


def test_a_stranger_cannot_restore_a_meeting_and_a_meeting_not_in_the_trash_is_not_restored(
        browser, meeting, seed, stored_rows):
    with seed():
        move_to_trash(db.session.scalar(select(Meeting).where(Meeting.slug == SLUG)), actor=None, now=utcnow())
        db.session.commit()
    stranger = browser("stranger@example.org")
    csrf = _csrf(stranger)
    before = stored_rows()
    assert stranger.post(f"/organise/trash/{SLUG}/restore", data={"csrf_token": csrf}).status_code == 403
    assert stored_rows() == before
    owner = browser("owner@example.org")
    assert owner.post("/organise/trash/their-own/restore", data={"csrf_token": _csrf(owner)}).status_code == 403
    admin = browser("admin@example.org")
    assert admin.post("/organise/trash/their-own/restore", data={"csrf_token": _csrf(admin)}).status_code == 404


def _csrf(client) -> str:
    return csrf_token_of(client.get("/organise/tokens"))


def test_a_trashed_meetings_address_is_not_taken_by_a_new_meeting(browser, meeting, seed):
    with seed():
        move_to_trash(db.session.scalar(select(Meeting).where(Meeting.slug == SLUG)), actor=None, now=utcnow())
        db.session.commit()
    response = submit(browser("admin@example.org"), "/organise/meetings/new", {
        "slug": SLUG, "title": "Another", "first_day": "2022-10-18", "last_day": "2022-10-19",
        "timezone": "Asia/Seoul", "format": "hybrid"})
    assert response.status_code == 400
    assert f"The address “{SLUG}” is taken by a meeting in the trash; restore it or choose another." in \
        text_of(response)


def _trash(slug: str, days_ago: int) -> None:
    found = db.session.scalar(select(Meeting).where(Meeting.slug == slug))
    move_to_trash(found, actor=None, now=utcnow() - timedelta(days=days_ago))
    db.session.commit()


def test_emptying_the_trash_purges_only_what_has_been_there_its_time_and_keeps_the_history(app, meeting, seed, read):
    with seed():
        _trash(SLUG, days_ago=31)
        _trash("their-own", days_ago=29)
        history = db.session.scalar(select(func.count(Change.id)))
    result = app.test_cli_runner().invoke(args=["trash", "empty"])
    assert result.output == f"Deleted for good: {SLUG}.\n"
    with app.app_context():
        assert db.session.scalars(select(Meeting.slug)).all() == ["their-own"]
        assert db.session.scalar(select(func.count(Session.id))) == 0
        # Every entry stays, no longer filed under the meeting, and the purge adds its own.
        assert db.session.scalar(select(func.count(Change.id))) == history + 1
        purge = db.session.scalars(select(Change).order_by(Change.id.desc())).first()
        assert (purge.entity, purge.action, purge.summary) == (
            "meeting", "deleted", f"Deleted meeting “EGM 2021” ({SLUG}) for good")
    assert app.test_cli_runner().invoke(args=["trash", "empty"]).output == \
        "Nothing in the trash is old enough to go.\n"


@pytest.fixture
def redis():
    with emptied_redis(REDIS_URL) as connection:
        yield connection


def test_the_worker_purges_the_trash_and_comes_back_a_day_later(app, meeting, seed, redis, monkeypatch,
                                                               migrated_database_url):
    for name, value in {"DATABASE_URL": migrated_database_url, "SECRET_KEY": "test-secret",
                        "REDIS_URL": REDIS_URL}.items():
        monkeypatch.setenv(f"PLANNER_{name}", value)
    with seed():
        _trash(SLUG, days_ago=30)
    queue = Queue("planner-invitations", connection=redis)
    queue.enqueue(purge_trash_job, job_id=TRASH_PURGE_JOB_ID)
    SimpleWorker([queue], connection=redis).work(burst=True)
    with app.app_context():
        assert db.session.scalars(select(Meeting.slug)).all() == ["their-own"]
    registry = ScheduledJobRegistry(queue=queue)
    assert registry.get_job_ids() == [TRASH_PURGE_JOB_ID]
    next_run = registry.get_scheduled_time(TRASH_PURGE_JOB_ID)
    assert timedelta(hours=23, minutes=59) < next_run - utcnow() <= timedelta(days=1)


def test_deleting_a_person_records_everything_that_went_with_them(browser, meeting, seed, read):
    with seed():
        person = db.session.scalar(select(Person))
        registration = db.session.scalar(select(Registration))
        check_in(registration, date(2021, 10, 18), actor=None)
        db.session.commit()
        person_id = person.id
    owner = browser("owner@example.org")
    submit(owner, f"/events/{SLUG}/organise/people/{person_id}/delete")
    history = text_of(owner.get(f"/events/{SLUG}/organise/history"))
    assert ("Deleted Kim Min-ji, with chair of “Opening”; their registration (1 day of attendance); their check-in "
            "on 2021-10-18 (4 records)") in history
    assert "The registration of Kim Min-ji (expert, 1 day)" in history
    assert "Kim Min-ji's check-in on 2021-10-18" in history
    went = read(lambda: {change.entity: change.before for change in db.session.scalars(
        select(Change).where(Change.action == "deleted"))})
    assert went["registration"]["days"] == {"2021-10-18": "in_room"}
    assert went["checkin"]["day"] == "2021-10-18"
    assert went["sessionrole"]["role"] == "chair"


def test_deleting_a_room_names_the_sessions_it_left_without_one(browser, meeting, seed):
    with seed():
        room_id = db.session.scalar(select(Room.id))
    owner = browser("owner@example.org")
    submit(owner, f"/events/{SLUG}/organise/rooms/{room_id}/delete")
    assert "Deleted room “Hall A”; 1 session left without a room: “Opening”" in \
        text_of(owner.get(f"/events/{SLUG}/organise/history"))


def test_purging_a_meeting_leaves_none_of_its_records_but_its_history_and_what_was_kept_restores_it(
        app, seed, read, tmp_path):
    with seed() as make:
        build_meeting(make)
        _trash(ARCHIVED, days_ago=31)
        history = db.session.scalar(select(func.count(Change.id)))
    kept = app.test_cli_runner().invoke(args=["meeting", "export", ARCHIVED, str(tmp_path / "kept.zip")])
    assert kept.output == f"Exported “EGM 2021” to {tmp_path / 'kept.zip'}.\n"
    assert app.test_cli_runner().invoke(args=["trash", "empty"]).output == f"Deleted for good: {ARCHIVED}.\n"
    left = read(lambda: {table.name: db.session.scalar(select(func.count()).select_from(table.table))
                         for table in owned_tables() if table.name != "changes"})
    assert left == {name: 0 for name in left}
    assert read(lambda: db.session.scalar(select(func.count(Change.id)))) == history + 1
    restored = app.test_cli_runner().invoke(args=["meeting", "import", str(tmp_path / "kept.zip")])
    assert restored.output.startswith(f"Imported “EGM 2021” at /events/{ARCHIVED}/")
    assert read(lambda: db.session.scalar(select(Meeting.deleted_at).where(Meeting.slug == ARCHIVED))) is None
