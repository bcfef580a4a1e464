"""Built calendar files are cached under their meeting's state: never stale, never another reader's."""
import socket
from datetime import date, datetime, timezone

import pytest

from planner.cache import InProcess, MemoryCache, RedisCache
from planner.domain.vocabulary import DayMode, ParticipantRole, Role, SessionStatus
from planner.extensions import db
from planner.models import Change
from planner.operations.agenda import assign_role, update_session
from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.domain.vocabulary import OfficerRole
from planner.operations.documents import add_document, add_link
from planner.operations.meetings import update_meeting, update_person, update_room
from planner.operations.officers import add_officer
from planner.operations.registrations import register_participant, update_registration
from tests.conftest import test_app
from tests.integration.test_calendar_feeds import FEED, agenda, by_title, issue, participant  # noqa: F401

EDITS = {
    "session": lambda a, p: update_session(a["visit"], actor=None, title="Site visit to the port"),
    "cancellation": lambda a, p: update_session(a["visit"], actor=None, status=SessionStatus.CANCELLED),
    "room": lambda a, p: update_room(a["room"], actor=None, name="Grand hall"),
    "person": lambda a, p: update_person(a["chang"], actor=None, name="Chang W.", honorific="Mr"),
    "role": lambda a, p: assign_role(a["visit"], a["chang"], Role.SPEAKER),
    "registration day mode": lambda a, p: update_registration(
        p, role=p.role, actor=None, days={date(2021, 10, 18): DayMode.ONLINE}),
    "meeting": lambda a, p: update_meeting(
        a["meeting"], actor=None, title="Test meeting", first_day=date(2021, 10, 18), last_day=date(2021, 10, 22),
        timezone="Asia/Seoul", format=a["meeting"].format, venue="Busan", published=True,
        contact_email="secretariat@example.org", short_name="EGM 2021"),
    "bureau": lambda a, p: add_officer(a["meeting"], a["chang"], OfficerRole.CHAIR),
    "session document": lambda a, p: add_link(add_document(
        a["meeting"], title="Customs presentation", kind=DocumentKind.PRESENTATION,
        visibility=DocumentVisibility.PUBLIC, session=a["opening"], actor=None),
        language="en", link="https://example.org/slides", actor=None),
}


@pytest.fixture
def restarted(migrated_database_url):
    """Another application over the same database, as after a restart: its cache is empty."""
    app = test_app(migrated_database_url)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.mark.parametrize("edit", EDITS)
def test_every_kind_of_edit_gives_the_feeds_a_new_state_and_a_fresh_file(client, agenda, participant, edit, restarted):
    token = issue(participant)
    before = {address: client.get(address) for address in (FEED, f"/my/{token}/calendar.ics")}
    EDITS[edit](agenda, participant)
    db.session.commit()
    for address, earlier in before.items():
        after = client.get(address, headers={"If-None-Match": earlier.headers["ETag"]})
        assert after.status_code == 200 and after.headers["ETag"] != earlier.headers["ETag"]
        assert after.data == restarted.test_client().get(address).data


def test_an_edit_committed_after_a_later_one_still_changes_the_state(client, agenda):
    """On PostgreSQL a transaction can take an earlier history id and time yet commit later: the last stay."""
    def change(id_offset: int, at: datetime) -> None:
        last = db.session.scalar(db.select(db.func.max(Change.id)))
        db.session.add(Change(id=last + id_offset, at=at, meeting_id=agenda["meeting"].id, entity="room",
                              entity_id=1, action="updated", summary="Renamed a room"))
        db.session.commit()

    change(100, at=datetime(2026, 1, 1, 12, 0, 1, tzinfo=timezone.utc))
    before = client.get(FEED)
    change(-50, at=datetime(2026, 1, 1, 12, 0, 0, tzinfo=timezone.utc))  # begun first, committed last
    after = client.get(FEED, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and after.headers["ETag"] != before.headers["ETag"]


def test_an_edit_shows_in_the_next_file_served(client, agenda):
    client.get(FEED)
    update_session(agenda["visit"], actor=None, status=SessionStatus.CANCELLED)
    db.session.commit()
    assert str(by_title(client.get(FEED))["Cancelled: Site visit"]["STATUS"]) == "CANCELLED"


def test_a_participant_never_gets_another_participants_feed(client, agenda, participant, make):
    other = register_participant(agenda["meeting"], make.person(agenda["meeting"], "Lee Soo-jin"),
                                 role=ParticipantRole.EXPERT, days={date(2021, 10, 20): DayMode.IN_ROOM})
    db.session.commit()
    mine, theirs = client.get(f"/my/{issue(participant)}/calendar.ics"), client.get(f"/my/{issue(other)}/calendar.ics")
    assert list(by_title(mine)) == ["Opening session", "Working session", "Site visit"]
    assert list(by_title(theirs)) == ["Cancelled: Called-off session"]
    assert b"Lee Soo-jin" in theirs.data and b"Lee Soo-jin" not in mine.data


def test_an_unchanged_feed_is_served_from_the_cache_without_loading_sessions(client, agenda, count_queries):
    built = client.get(FEED)
    with count_queries() as not_modified:
        assert client.get(FEED, headers={"If-None-Match": built.headers["ETag"]}).status_code == 304
    with count_queries() as cached:
        again = client.get(FEED)
    assert again.data == built.data
    # The one query that finds the meeting with its state, as for a 304.
    assert cached.statements == not_modified.statements and len(cached.statements) == 1, cached.statements


def test_the_memory_cache_forgets_the_least_recently_used_entries_beyond_its_size():
    cache = MemoryCache(max_bytes=10)
    cache.set("a", b"aaaa")
    cache.set("b", b"bbbb")
    assert cache.get("a") == b"aaaa"
    cache.set("c", b"cccc")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (b"aaaa", None, b"cccc")
    cache.set("huge", b"x" * 11)
    assert cache.get("huge") is None


def test_the_event_texts_keep_at_most_their_number_of_entries_and_none_when_it_is_zero():
    texts = InProcess(max_entries=2)
    texts.set("a", "A")
    texts.set("b", "B")
    assert texts.get("a") == "A"
    texts.set("c", "C")
    assert (texts.get("a"), texts.get("b"), texts.get("c")) == ("A", None, "C")
    off = InProcess(max_entries=0)
    off.set("a", "A")
    assert off.get("a") is None


def test_after_an_edit_the_feed_shows_it_and_only_the_edited_event_is_written_again(client, agenda, app):
    texts = app.extensions["planner_event_texts"]
    before = client.get(FEED)
    kept = len(texts)
    update_session(agenda["opening"], actor=None, title="Opening plenary")
    db.session.commit()
    after = client.get(FEED)
    assert "Opening plenary" in by_title(after) and "Opening session" not in by_title(after)
    assert len(texts) == kept + 1
    assert set(by_title(after)) - {"Opening plenary"} == set(by_title(before)) - {"Opening session"}


REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_is_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.fixture
def redis_client(migrated_database_url):
    if not _redis_is_reachable():
        pytest.skip("no Redis on 127.0.0.1:6379")
    import redis

    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    app = test_app(migrated_database_url, REDIS_URL=REDIS_URL)
    yield app.test_client(), store
    store.flushdb()
    store.close()
    with app.app_context():
        db.engine.dispose()


def test_with_redis_configured_files_are_shared_through_redis(redis_client, agenda):
    client, store = redis_client
    built = client.get(FEED)
    [key] = store.keys("planner:feed:*")
    assert store.get(key) == built.data and 0 < store.ttl(key) <= 24 * 60 * 60
    update_room(agenda["room"], actor=None, name="Grand hall")
    db.session.commit()
    assert b"Grand hall" in client.get(FEED).data and len(store.keys("planner:feed:*")) == 2


def test_an_unreachable_redis_costs_a_rebuild_not_an_error(caplog):
    cache = RedisCache("redis://127.0.0.1:1/0", expire_seconds=60)
    cache.set("key", b"value")
    assert cache.get("key") is None
    assert "Redis cache unavailable" in caplog.text


def test_after_an_edit_each_further_personal_feed_is_put_together_without_loading_a_session(
        client, agenda, participant, make, count_queries):
    other = register_participant(agenda["meeting"], make.person(agenda["meeting"], "Lee Soo-jin"),
                                 role=ParticipantRole.EXPERT, days={date(2021, 10, 18): DayMode.ONLINE})
    db.session.commit()
    mine, theirs = f"/my/{issue(participant)}/calendar.ics", f"/my/{issue(other)}/calendar.ics"
    cached = client.get(theirs)
    with count_queries() as not_modified:
        assert client.get(theirs, headers={"If-None-Match": cached.headers["ETag"]}).status_code == 304
    update_session(agenda["opening"], actor=None, title="Opening plenary")
    db.session.commit()
    client.get(mine)  # the first feed after the edit writes the meeting's calendar again
    with count_queries() as rebuilt:
        feed = client.get(theirs)
    assert "Opening plenary" in by_title(feed) and "Lee Soo-jin" in feed.get_data(as_text=True)
    assert len(rebuilt.statements) == len(not_modified.statements), rebuilt.statements
