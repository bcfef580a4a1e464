"""What an integrator needs to finish a load and clean up: versions on every read, drafts for their organisers,
their own meetings, lists of every kind of record, the bureau, and deleting a meeting."""
import pytest

from tests.integration.test_write_api import Api, api, error, ids  # noqa: F401  (fixtures)


def test_reading_a_meeting_gives_its_version_and_an_etag_of_all_it_shows(api, client, ids):
    public = client.get("/api/v1/events/owned")
    etag = public.headers["ETag"]
    assert (etag[:3], public.get_json()["version"]) == ('"1.', 1)
    assert client.get("/api/v1/events/owned", headers={"If-None-Match": etag}).status_code == 304
    # A session's edit changes what the meeting's answer shows, not the meeting's own version.
    api("PATCH", f"/events/owned/sessions/{ids['session']}", json={"title": "Panel on data"})
    after = client.get("/api/v1/events/owned", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["ETag"] != etag and after.headers["ETag"][:3] == '"1.'
    assert [s["title"] for s in after.get_json()["sessions"]] == ["Panel on data"]
    # The ETag read is the one to edit the meeting with: If-Match compares its version.
    assert api("PATCH", "/events/owned", json={"venue": "Busan"},
               headers={"If-Match": after.headers["ETag"]}).status_code == 200
    assert api("PATCH", "/events/owned", json={"venue": "Seoul"},
               headers={"If-Match": after.headers["ETag"]}).status_code == 412
    assert client.get("/api/v1/events/owned").headers["ETag"][:3] == '"2.'


def test_lists_answer_304_until_something_they_show_changes(api, client, ids):
    listed = client.get("/api/v1/events/owned/sessions")
    assert client.get("/api/v1/events/owned/sessions",
                      headers={"If-None-Match": listed.headers["ETag"]}).status_code == 304
    api("POST", "/events/owned/people", json={"name": "Speaker To Be", "email": "later@example.org"})
    assert client.get("/api/v1/events/owned/sessions",
                      headers={"If-None-Match": listed.headers["ETag"]}).status_code == 200


def test_an_organiser_reads_their_draft_meeting_and_lists_it_as_theirs(api, client):
    api("PATCH", "/events/owned", json={"published": False})
    own = api("GET", "/events/owned")
    assert (own.status_code, own.get_json()["published"], [s["title"] for s in own.get_json()["sessions"]]) == (
        200, False, ["Panel"])
    assert error(client.get("/api/v1/events/owned"))[0] == 404
    mine = api("GET", "/events?mine=true").get_json()["events"]
    assert [(event["slug"], event["published"]) for event in mine] == [("owned", False)]
    assert [event["slug"] for event in client.get("/api/v1/events").get_json()["events"]] == ["elsewhere"]
    assert error(client.get("/api/v1/events?mine=true"))[0] == 401
    assert error(api("GET", "/events?mine=yes")) == (
        400, {"mine": "Give mine=true, or leave it out for every published meeting."})


def test_lists_give_the_public_what_it_may_see_and_organisers_everything(api, client, ids):
    api("POST", "/events/owned/sessions", json={"title": "Draft panel", "kind": "panel", "draft": True,
                                                "starts_at": "2021-10-19T09:00", "ends_at": "2021-10-19T10:00",
                                                "attendance_mode": "hybrid"})
    api("POST", "/events/owned/people", json={"name": "Speaker To Be", "email": "later@example.org"})
    public = {kind: client.get(f"/api/v1/events/owned/{kind}").get_json()[kind]
              for kind in ("sessions", "rooms", "institutions", "people", "officers")}
    organised = {kind: api("GET", f"/events/owned/{kind}").get_json()[kind]
                 for kind in ("sessions", "rooms", "institutions", "people", "officers")}
    assert [s["title"] for s in public["sessions"]] == ["Panel"]
    assert [(s["title"], s["draft"]) for s in organised["sessions"]] == [("Panel", False), ("Draft panel", True)]
    assert [r["name"] for r in public["rooms"]] == [r["name"] for r in organised["rooms"]] == ["Hall A", "SALLE ÉTÉ"]
    assert public["people"] == []  # no one holds a role in a public session yet
    assert [(p["name"], p["email"]) for p in organised["people"]] == [("Kim Min-ji", ""), ("Speaker To Be",
                                                                                          "later@example.org")]
    assert [i["name"] for i in organised["institutions"]] == ["MINISTÈRE", "Ministry of Justice"]
    assert public["officers"] == organised["officers"] == []


def test_the_bureau_is_written_read_reordered_and_emptied_through_the_api(api, client, ids):
    second = api("POST", "/events/owned/people", json={"name": "Lee Ji-ho"}).get_json()["id"]
    chair = api("POST", "/events/owned/officers", json={"person_id": ids["person"], "role": "co_chair"})
    body = chair.get_json()
    assert (chair.status_code, chair.headers["ETag"], chair.headers["Location"]) == (
        201, '"1"', f"http://localhost/api/v1/events/owned/officers/{body['id']}")
    assert body == {"id": body["id"], "role": "co_chair", "person_id": ids["person"], "position": 0, "version": 1}
    other = api("POST", "/events/owned/officers", json={"person_id": second, "role": "co_chair"}).get_json()
    moved = api("PATCH", f"/events/owned/officers/{other['id']}", json={"position": 0}).get_json()
    assert moved["position"] == 0
    event = client.get("/api/v1/events/owned").get_json()
    assert [(o["person_id"], o["position"]) for o in event["officers"]] == [(second, 0), (ids["person"], 1)]
    # The bureau is public: its people are listed with the meeting's.
    assert sorted(p["name"] for p in event["people"]) == ["Kim Min-ji", "Lee Ji-ho"]
    assert error(api("POST", "/events/owned/officers", json={"person_id": ids["foreign"]["person"],
                                                              "role": "chair"})) == (
        422, {"person_id": f"No person {ids['foreign']['person']} in this meeting."})
    assert error(api("PATCH", f"/events/owned/officers/{other['id']}", json={"role": "president"}))[0] == 422
    assert api("DELETE", f"/events/owned/officers/{other['id']}").status_code == 204
    assert [o["person_id"] for o in client.get("/api/v1/events/owned/officers").get_json()["officers"]] == [
        ids["person"]]


def test_a_meeting_is_deleted_only_with_the_version_it_was_read_at(api, client, stored_rows):
    before = stored_rows()
    assert error(api("DELETE", "/events/owned"))[0] == 428
    assert error(api("DELETE", "/events/owned", headers={"If-Match": '"7"'}))[0] == 412
    assert stored_rows() == before
    assert api("DELETE", "/events/owned", headers={"If-Match": '"1"'}).status_code == 204
    assert error(client.get("/api/v1/events/owned"))[0] == 404
    assert "owned" not in [event["slug"] for event in api("GET", "/events?mine=true").get_json()["events"]]


@pytest.mark.parametrize("path", ["/events/owned/sessions", "/events/owned/rooms", "/events/owned/officers"])
def test_lists_of_a_draft_are_for_its_organisers_only(api, client, path):
    api("PATCH", "/events/owned", json={"published": False})
    assert api("GET", path).status_code == 200
    assert error(client.get(f"/api/v1{path}"))[0] == 404


def test_on_whose_behalf_a_role_is_held_is_changed_alone(api, ids):
    created = api("POST", f"/events/owned/sessions/{ids['session']}/roles",
                  json={"person_id": ids["person"], "role": "speaker"}).get_json()
    role_id = created["roles"][0]["id"]
    changed = api("PATCH", f"/events/owned/sessions/{ids['session']}/roles/{role_id}",
                  json={"on_behalf_of": "UNMAS and UNDP"})
    assert (changed.status_code, [(r["role"], r["on_behalf_of"]) for r in changed.get_json()["roles"]]) == (
        200, [("speaker", "UNMAS and UNDP")])
    assert error(api("PATCH", f"/events/owned/sessions/{ids['session']}/roles/{role_id}",
                     json={"on_behalf_of": "x" * 301})) == (422, {"on_behalf_of": "At most 300 characters."})
