"""The sessions list: every session with its day, time, room, kind, status, people and draft flag; filters; several
sessions changed in one change, with one history entry and stale-edit protection."""
import re
from datetime import datetime

import pytest

from planner.domain.vocabulary import Role, SessionKind
from planner.extensions import db
from planner.models import Session
from planner.operations.agenda import assign_role
from tests.integration.browsing import errors_beside_fields, flashes_of, form_of, submit, text_of

LIST = "/events/owned/organise/sessions/"


@pytest.fixture
def ids(seed) -> dict:
    with seed() as make:
        meeting = make.meeting(slug="owned", title="Owned meeting")
        hall = make.room(meeting, "Hall A")
        annex = make.room(meeting, "Annex")
        kim = make.person(meeting, "Kim Min-ji")
        panel = make.session(meeting, "Customs panel", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10),
                             room=hall, kind=SessionKind.PANEL)
        assign_role(panel, kim, Role.CHAIR)
        coffee = make.session(meeting, "Coffee", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 10, 30),
                              room=hall, kind=SessionKind.BREAK)
        side = make.session(meeting, "Side event", datetime(2021, 10, 19, 14), datetime(2021, 10, 19, 15),
                            draft=True)
        db.session.commit()
        make.organiser("alice@example.org", meetings=[meeting])
        return dict(panel=panel.id, coffee=coffee.id, side=side.id, hall=hall.id, annex=annex.id)


@pytest.fixture
def alice(browser, ids):
    return browser("alice@example.org")


def times(app, *session_ids) -> list[tuple]:
    with app.app_context():
        return [(s.starts_at.isoformat(), s.room_id, s.draft) for s in (db.session.get(Session, i) for i in session_ids)]


def bulk(alice, chosen, **fields):
    page = alice.get(LIST)
    form = form_of(page, "/bulk")
    data = {**form.values(), **fields}
    boxes = {value.split(":")[0]: value for value in _checkbox_values(page)}
    data["session"] = [boxes[str(session_id)] for session_id in chosen]
    return alice.post(form.action, data=data)


def _checkbox_values(page) -> list[str]:
    return re.findall(r'name="session" value="([^"]+)"', page.get_data(as_text=True))


def test_the_list_shows_every_session_with_what_organisers_look_for(alice):
    page = text_of(alice.get(LIST))
    assert "3 sessions, times in Asia/Seoul" in page
    # Each link names what it edits (the day and time are hidden from sight, where the row's cells show them).
    assert ("Mon 18 Oct 09:00–10:00 Edit Customs panel , Mon 18 Oct 09:00–10:00 Hall A Panel Confirmed Kim Min-ji —"
            in page)
    assert "Tue 19 Oct 14:00–15:00 Edit Side event , Tue 19 Oct 14:00–15:00 — Working session Confirmed — Draft" in page


def test_filters_narrow_the_list_and_a_bad_one_is_named(alice, ids):
    page = text_of(alice.get(f"{LIST}?room={ids['hall']}&kind=break"))
    assert "1 session," in page and "Coffee" in page and "Customs panel" not in page
    assert "Side event" in text_of(alice.get(f"{LIST}?room=none&day=2021-10-19"))
    response = alice.get(f"{LIST}?day=2030-01-01")
    assert errors_beside_fields(response) == {"day": ["Not a valid choice."]}
    assert "3 sessions," in text_of(response)


def test_shifting_several_sessions_is_one_change_with_one_history_entry_and_one_undo(app, alice, ids):
    before = times(app, ids["panel"], ids["coffee"])
    response = bulk(alice, [ids["panel"], ids["coffee"]], action="shift", minutes="30")
    assert response.status_code == 302
    assert flashes_of(alice.get(LIST)) == ["Shifted 2 sessions later by 30 minutes."]
    assert times(app, ids["panel"], ids["coffee"]) == [
        ("2021-10-18T00:30:00+00:00", ids["hall"], False), ("2021-10-18T01:30:00+00:00", ids["hall"], False)]
    history = text_of(alice.get("/events/owned/organise/history"))
    assert history.count("Shifted 2 sessions later by 30 minutes (2 records)") == 1

    submit(alice, "/events/owned/organise/timetable/2021-10-18", action_contains="/undo")
    assert times(app, ids["panel"], ids["coffee"]) == before


def test_moving_to_a_room_and_marking_public_change_each_chosen_session(app, alice, ids):
    bulk(alice, [ids["panel"], ids["side"]], action="room", to_room=str(ids["annex"]))
    bulk(alice, [ids["side"]], action="public")
    assert [(room, draft) for _, room, draft in times(app, ids["panel"], ids["side"])] == [
        (ids["annex"], False), (ids["annex"], False)]


def test_a_stale_choice_or_an_impossible_shift_changes_nothing(app, alice, ids):
    page = alice.get(LIST)
    before = times(app, ids["panel"], ids["coffee"])
    submit(alice, f"/events/owned/organise/sessions/{ids['coffee']}/edit", {"title": "Coffee and tea"},
           with_field="title")
    form = form_of(page, "/bulk")
    stale = alice.post(form.action, data={**form.values(), "action": "shift", "minutes": "15",
                                          "session": _checkbox_values(page)[:2]})
    assert stale.status_code == 302
    assert flashes_of(alice.get(LIST))[-1].startswith("Nothing was changed: someone changed one of these sessions")
    assert times(app, ids["panel"], ids["coffee"]) == before

    bulk(alice, [ids["panel"]], action="shift", minutes="9" * 30)
    assert flashes_of(alice.get(LIST)) == ["Shift by at most 61 days' worth of minutes."]
    bulk(alice, [ids["panel"], ids["coffee"]], action="shift", minutes="-6000")
    assert flashes_of(alice.get(LIST)) == [
        "Nothing was changed: “Customs panel”: Choose a time within the meeting's days, 18 October to 22 October 2021."]
    assert times(app, ids["panel"], ids["coffee"]) == before


def test_save_and_add_another_comes_back_for_the_same_day_and_room(alice, ids):
    response = submit(alice, f"/events/owned/organise/sessions/new?day=2021-10-19&room={ids['hall']}",
                      {"title": "Morning briefing", "starts": "2021-10-19T08:00", "ends": "2021-10-19T08:30",
                       "another": "1"}, with_field="title")
    assert response.headers["Location"] == f"/events/owned/organise/sessions/new?room={ids['hall']}&day=2021-10-19"
    page = alice.get(response.headers["Location"])
    assert flashes_of(page) == ["Added “Morning briefing”."]
    assert f'<option selected value="{ids["hall"]}">' in page.get_data(as_text=True)


@pytest.mark.parametrize("value", ["x:1", "1", "99999999999999999999:1", "1:99999999999999999999"])
def test_a_mangled_choice_is_refused_with_a_message(alice, value):
    form = form_of(alice.get(LIST), "/bulk")
    response = alice.post(form.action, data={**form.values(), "action": "draft", "session": [value]})
    assert response.status_code == 302
    assert flashes_of(alice.get(LIST)) == [
        "Nothing was changed: A chosen session was not understood; reload the list and choose again."]
