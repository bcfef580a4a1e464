"""Public pages, personal pages and the API's answers are kept under their meeting's state: never stale, never
another reader's."""
import re

import pytest

from planner.extensions import db
from tests.integration.test_calendar_feeds import agenda, issue, participant  # noqa: F401
from tests.integration.test_feed_cache import EDITS, redis_client, restarted  # noqa: F401

CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="[^"]+"')


def addresses(agenda, token) -> list[str]:
    slug = agenda["meeting"].slug
    return [
        f"/events/{slug}/", f"/events/{slug}/days/2021-10-19", f"/events/{slug}/sessions/{agenda['visit'].id}",
        f"/events/{slug}/sessions/{agenda['opening'].id}", f"/events/{slug}/people/{agenda['chang'].id}",
        f"/events/{slug}/institutions/", f"/events/{slug}/institutions/{agenda['chang'].institution_id}",
        f"/events/{slug}/people/",
        f"/my/{token}", f"/events/{slug}/?tz=Europe/Paris", f"/api/v1/events/{slug}",
        f"/api/v1/events/{slug}/sessions?tz=Europe/Paris", f"/api/v1/events/{slug}/people",
    ]


def page_text(response) -> str:
    """The page, less its CSRF tokens (each reader's own)."""
    return CSRF.sub("", response.get_data(as_text=True))


@pytest.mark.parametrize("edit", EDITS)
def test_every_kind_of_edit_shows_at_once_on_every_kind_of_page(app, agenda, participant, edit, restarted):
    token = issue(participant)
    readers = {address: app.test_client() for address in addresses(agenda, token)}  # each with its own cookies
    before = {address: reader.get(address) for address, reader in readers.items()}
    EDITS[edit](agenda, participant)
    db.session.commit()
    changed = []
    for address, earlier in before.items():
        assert earlier.status_code == 200, address
        etag = earlier.headers.get("ETag")
        after = readers[address].get(address, headers={"If-None-Match": etag} if etag else {})
        assert after.status_code == 200, address
        # The same page as an application that has kept nothing yet writes.
        assert page_text(after) == page_text(restarted.test_client().get(address)), address
        changed.append(page_text(after) != page_text(earlier))
    assert any(changed)


def test_an_unchanged_page_is_answered_304_or_from_the_kept_copy_after_one_query(client, agenda, count_queries):
    built = client.get("/events/test-meeting/")
    assert built.headers["Cache-Control"] == "no-cache, public"
    with count_queries() as not_modified:
        assert client.get("/events/test-meeting/", headers={"If-None-Match": built.headers["ETag"]}).status_code == 304
    with count_queries() as kept:
        again = client.get("/events/test-meeting/")
    assert again.data == built.data
    assert len(not_modified.statements) == len(kept.statements) == 1, kept.statements


def test_readers_in_other_zones_get_their_own_page_and_validator(client, agenda):
    seoul = client.get("/events/test-meeting/")
    paris = client.get("/events/test-meeting/?tz=Europe/Paris")
    assert seoul.headers["ETag"] != paris.headers["ETag"]
    shown_in_paris = "are in <strong>Europe/Paris</strong>"
    assert shown_in_paris in paris.get_data(as_text=True) and shown_in_paris not in seoul.get_data(as_text=True)


def test_a_signed_in_organiser_gets_their_own_menu_on_a_kept_page_and_nobody_else_does(client, sign_in, agenda):
    anonymous = client.get("/events/test-meeting/")
    organiser = sign_in(agenda["meeting"])
    theirs = organiser.get("/events/test-meeting/")
    assert "Sign out" in theirs.get_data(as_text=True) and "ETag" not in theirs.headers
    assert "private" in theirs.headers["Cache-Control"]
    # Asked with the validator a signed-out visit was given, the signed-in reader still gets their page.
    again = organiser.get("/events/test-meeting/", headers={"If-None-Match": anonymous.headers["ETag"]})
    assert again.status_code == 200 and "Sign out" in again.get_data(as_text=True)
    after = client.get("/events/test-meeting/").get_data(as_text=True)
    assert "Sign out" not in after and "Organiser sign-in" in after


def test_a_message_for_one_reader_is_shown_to_them_once_and_not_kept(client, agenda, participant):
    token = issue(participant)
    page = client.get(f"/my/{token}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    saved = client.post(f"/my/{token}", data={"csrf_token": csrf, "day_2021_10_18": "online",
                                             "day_2021_10_19": "online", "day_2021_10_20": "absent",
                                             "day_2021_10_21": "absent"}, follow_redirects=True)
    assert "Saved how you attend each day." in saved.get_data(as_text=True)
    assert "Saved how you attend each day." not in client.get(f"/my/{token}").get_data(as_text=True)


def test_each_personal_page_has_a_csrf_token_of_its_own_reader(agenda, participant, app):
    token = issue(participant)
    first, second = app.test_client(), app.test_client()
    tokens = [CSRF.search(reader.get(f"/my/{token}").get_data(as_text=True)).group(0) for reader in (first, second)]
    assert tokens[0] != tokens[1]


def test_with_redis_configured_pages_are_shared_through_redis_but_no_ones_own(redis_client, agenda, participant):
    client, store = redis_client
    built = client.get("/events/test-meeting/")
    assert len(store.keys("planner:page:*")) == 1
    assert built.data == client.get("/events/test-meeting/").data
    # A copy of each participant's page and feed after every edit would fill Redis; they stay in the process.
    token = issue(participant)
    assert client.get(f"/my/{token}").status_code == client.get(f"/my/{token}/calendar.ics").status_code == 200
    assert len(store.keys("planner:*")) == 1
