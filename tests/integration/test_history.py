"""Every change is recorded: who, when, what it was before and after; organisers read it on the history page."""
import re
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from planner.domain.timezones import to_local
from planner.extensions import db
from planner.models import Change, Meeting
from tests.integration.browsing import submit, text_of

ORGANISE = "/events/owned/organise"


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        room = make.room(meeting, "Hall A", capacity=80)
        block = make.session(meeting, "Working block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12),
                             room=room)
        make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45), room=room,
                     parent=block)
        alice = make.organiser("alice@example.org", meetings=[meeting], administrator=True)
        make.organiser("bob@example.org", meetings=[meeting])
        make.meeting(slug="elsewhere", title="Another meeting")
        return dict(meeting=meeting.id, room=room.id, block=block.id, token=make.token(alice))


@pytest.fixture
def changes(app, ids):
    """The changes recorded since the fixtures were made, oldest first, as (who, entity, action, summary, diff)."""
    with app.app_context():
        first_new = db.session.scalar(select(db.func.max(Change.id))) + 1

    def read():
        with app.app_context():
            found = db.session.scalars(select(Change).where(Change.id >= first_new).order_by(Change.id)).all()
            return [(c.user.email if c.user else None, c.entity, c.action, c.summary, _diff(c)) for c in found]

    return read


def _diff(change) -> dict:
    before, after = change.before or {}, change.after or {}
    ignored = {"version", "updated_at", "created_at", "sequence", "uid", "id", "meeting_id"}
    return {name: (before.get(name), after.get(name)) for name in sorted(set(before) | set(after))
            if name not in ignored and before.get(name) != after.get(name)}


def test_adding_changing_and_deleting_through_forms_is_recorded_with_who_and_what(browser, ids, changes):
    alice = browser("alice@example.org")
    submit(alice, f"{ORGANISE}/rooms/", {"name": "Hall B", "capacity": "40"})
    submit(alice, f"{ORGANISE}/rooms/{ids['room']}/edit", {"capacity": "60"})
    hall_b = changes()[0][4]
    submit(alice, f"{ORGANISE}/rooms/", {"name": "Hall B"})  # refused: the name is taken; nothing recorded
    new_id = _room_id(alice, "Hall B")
    submit(browser("bob@example.org"), f"{ORGANISE}/rooms/{new_id}/delete")

    assert changes() == [
        ("alice@example.org", "room", "created", "Added room “Hall B”", hall_b),
        ("alice@example.org", "room", "updated", "Changed room “Hall A”", {"capacity": (80, 60)}),
        ("bob@example.org", "room", "deleted", "Deleted room “Hall B”",
         {"capacity": (40, None), "name": ("Hall B", None), "online_only": (False, None), "position": (1, None),
          "venue": ("", None), "address": ("", None)}),
    ]
    assert hall_b == {"capacity": (None, 40), "name": (None, "Hall B"), "online_only": (None, False),
                      "position": (None, 1), "venue": (None, ""), "address": (None, "")}


def _room_id(client, name: str) -> int:
    html = client.get(f"{ORGANISE}/rooms/").get_data(as_text=True)
    return int(re.search(rf"{name}</th>.*?/rooms/(\d+)/edit", html, flags=re.S).group(1))


def test_api_changes_are_recorded_as_the_tokens_owner(client, ids, changes):
    client.patch(f"/api/v1/events/owned/sessions/{ids['block']}", json={"title": "Morning block"},
                 headers={"Authorization": f"Bearer {ids['token']}"})
    assert changes() == [("alice@example.org", "session", "updated", "Changed session “Morning block”",
                          {"title": ("Working block", "Morning block")})]


def test_moving_a_block_records_what_moved_with_it(client, ids, changes):
    client.patch(f"/api/v1/events/owned/sessions/{ids['block']}", headers={"Authorization": f"Bearer {ids['token']}"},
                 json={"starts_at": "2021-10-18T13:00", "ends_at": "2021-10-18T16:00"})
    assert changes() == [
        ("alice@example.org", "session", "updated", "Changed session “Working block”",
         {"ends_at": ("2021-10-18T03:00:00+00:00", "2021-10-18T07:00:00+00:00"),
          "starts_at": ("2021-10-18T00:00:00+00:00", "2021-10-18T04:00:00+00:00")}),
        ("alice@example.org", "session", "updated", "Moved with “Working block”",
         {"ends_at": ("2021-10-18T01:45:00+00:00", "2021-10-18T05:45:00+00:00"),
          "starts_at": ("2021-10-18T01:30:00+00:00", "2021-10-18T05:30:00+00:00")}),
    ]


def test_a_refused_change_records_nothing(client, ids, changes):
    headers = {"Authorization": f"Bearer {ids['token']}"}
    client.patch(f"/api/v1/events/owned/sessions/{ids['block']}", json={"title": ""}, headers=headers)
    client.patch(f"/api/v1/events/owned/sessions/{ids['block']}", json={"title": "X"},
                 headers={**headers, "If-Match": '"7"'})
    assert changes() == []


def test_saving_a_form_unchanged_records_nothing(browser, ids, changes):
    alice = browser("alice@example.org")
    assert submit(alice, f"{ORGANISE}/rooms/{ids['room']}/edit").status_code == 302
    assert changes() == []


def test_the_history_page_shows_the_newest_change_first_with_who_when_and_the_fields(app, browser, ids):
    alice = browser("alice@example.org")
    submit(alice, f"{ORGANISE}/rooms/{ids['room']}/edit", {"capacity": "60"})
    submit(alice, f"{ORGANISE}/edit", {"venue": "Busan"})
    with app.app_context():
        newest = db.session.scalar(select(Change).order_by(Change.id.desc()))
        when = to_local(newest.at, "Asia/Seoul").strftime("%Y-%m-%d %H:%M")
        assert abs(newest.at - datetime.now(timezone.utc)) < timedelta(minutes=1)
    page = alice.get(f"{ORGANISE}/history")
    entries = _history_list(page)
    assert entries.startswith(f"{when} (Asia/Seoul) · alice@example.org · Changed meeting “Owned meeting” "
                              "Field Before After Venue Seoul Busan")
    assert "alice@example.org · Changed room “Hall A” Field Before After Seats 80 60" in entries
    assert entries.index("Changed meeting") < entries.index("Changed room") < entries.index("Added room “Hall A”")
    assert "Another meeting" not in text_of(page)


def _history_list(page) -> str:
    html = page.get_data(as_text=True)
    listing = html[html.index('<ol class="history">'):html.index("</ol>", html.index('<ol class="history">'))]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", listing)).strip()


def test_the_history_outlives_what_it_describes(browser, ids, changes):
    alice = browser("alice@example.org")
    submit(alice, f"{ORGANISE}/sessions/{ids['block']}/delete")
    page = text_of(alice.get(f"{ORGANISE}/history"))
    # One change, one entry: the block and what sat inside it.
    assert "alice@example.org · Deleted session “Working block” (2 records)" in page
    assert "Deleted session “Coffee”" in page
    assert [(who, action, summary) for who, _, action, summary, _ in changes()] == [
        ("alice@example.org", "deleted", "Deleted session “Working block”"),
        ("alice@example.org", "deleted", "Deleted session “Coffee”"),
    ]


def test_changing_the_meetings_zone_records_each_session_kept_at_its_local_time(browser, ids, changes):
    submit(browser("alice@example.org"), f"{ORGANISE}/edit", {"timezone": "Europe/Zurich"})
    assert [(entity, summary) for _, entity, _, summary, _ in changes()] == [
        ("meeting", "Changed meeting “Owned meeting”"),
        ("session", "Kept “Working block” at its local time in Europe/Zurich"),
        ("session", "Kept “Coffee” at its local time in Europe/Zurich"),
    ]


def test_people_in_sessions_are_recorded_too(client, ids, changes, seed):
    with seed() as make:
        person_id = make.person(db.session.get(Meeting, ids["meeting"]), "Kim Min-ji").id
    headers = {"Authorization": f"Bearer {ids['token']}"}
    role = client.post(f"/api/v1/events/owned/sessions/{ids['block']}/roles", headers=headers,
                       json={"person_id": person_id, "role": "chair"}).get_json()["roles"][0]
    client.delete(f"/api/v1/events/owned/sessions/{ids['block']}/roles/{role['id']}", headers=headers)
    assert [(who, entity, action, summary) for who, entity, action, summary, _ in changes()] == [
        (None, "person", "created", "Added Kim Min-ji"),
        ("alice@example.org", "sessionrole", "created", "Kim Min-ji is chair of “Working block”"),
        ("alice@example.org", "sessionrole", "deleted", "Kim Min-ji is no longer chair of “Working block”"),
    ]


def test_a_meetings_history_begins_with_its_creation(browser, ids):
    alice = browser("alice@example.org")
    submit(alice, "/organise/meetings/new", {
        "title": "Border workshop", "slug": "border-2022", "first_day": "2022-03-21", "last_day": "2022-03-22",
        "timezone": "Europe/Zurich", "format": "hybrid",
    })
    entries = _history_list(alice.get("/events/border-2022/organise/history"))
    assert "alice@example.org · Created meeting “Border workshop” Field Before After" in entries
    assert "Web address (slug) — border-2022" in entries and "Time zone — Europe/Zurich" in entries
