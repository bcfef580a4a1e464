"""A published agenda of a Geneva expert committee, loaded through the API as an integrator would: items without
an end, the meeting's bureau, a reception at a restaurant in town, a speaker on behalf of others, and NGOs;
then read back in the API, on the pages, in the programme and by three calendar parsers."""
from datetime import datetime, timezone

import icalendar
import pytest

from tests.calendar_readers import all_readers, icaljs_instants  # noqa: F401  (fixtures)
from tests.integration.browsing import text_of

UTC = timezone.utc
SLUG = "sce-mine-clearance-1999"
EVENT = f"/api/v1/events/{SLUG}"
SHORT_NAME = "SCE Mine Clearance, September 1999 (Geneva)"


@pytest.fixture
def loaded(client, seed):
    """The agenda as its integrator loads it, call by call; the ids it got back, and its token."""
    with seed() as make:
        token = make.token(make.organiser("secretariat@example.org", administrator=True))
    headers = {"Authorization": f"Bearer {token}"}

    def call(method: str, url: str, body: dict | None = None, status: int = 201) -> dict:
        response = client.open(url, method=method, json=body, headers=headers)
        assert response.status_code == status, response.get_data(as_text=True)
        return response.get_json() if response.data else {}

    call("POST", "/api/v1/events", {
        "slug": SLUG, "title": "Standing Committee of Experts on Mine Clearance", "short_name": SHORT_NAME,
        "first_day": "1999-09-13", "last_day": "1999-09-14", "timezone": "Europe/Zurich", "format": "in_person",
        "venue": "Palais des Nations, Geneva", "published": True})
    ids = {}
    for key, name, acronym, kind in (
            ("gichd", "Geneva International Centre for Humanitarian Demining", "GICHD", "international"),
            ("icbl", "International Campaign to Ban Landmines", "ICBL", "civil_society"),
            ("hi", "Handicap International", "", "civil_society"),
            ("oas", "Organization of American States", "OAS", "regional"),
            ("peru", "Government of Peru", "", "government")):
        ids[key] = call("POST", f"{EVENT}/institutions", {"name": name, "acronym": acronym, "kind": kind})["id"]
    for key, honorific, name, institution in (
            ("filippino", "Mr", "Eric Filippino", "gichd"), ("moreno", "Ms", "Ana Moreno", "peru"),
            ("berg", "Mr", "Lars Berg", "hi"), ("dupont", "Ms", "Claire Dupont", "oas"),
            ("nash", "Ms", "Ruth Nash", "icbl")):
        ids[key] = call("POST", f"{EVENT}/people", {"honorific": honorific, "name": name,
                                                    "institution_id": ids[institution]})["id"]
    for key, role in (("moreno", "co_chair"), ("berg", "co_chair"), ("dupont", "rapporteur")):
        call("POST", f"{EVENT}/officers", {"person_id": ids[key], "role": role})
    ids["hall"] = call("POST", f"{EVENT}/rooms", {"name": "Room XVIII", "capacity": 200})["id"]
    ids["armures"] = call("POST", f"{EVENT}/rooms", {
        "name": "Salle des Armures", "venue": "Restaurant Les Armures",
        "address": "Rue du Puits-Saint-Pierre 1, 1204 Genève"})["id"]
    ids["session"] = call("POST", f"{EVENT}/sessions", {
        "title": "Mine clearance technologies", "kind": "working", "starts_at": "1999-09-13T10:00",
        "ends_at": "1999-09-13T12:30", "attendance_mode": "in_person", "room_id": ids["hall"]})["id"]
    call("POST", f"{EVENT}/sessions/{ids['session']}/roles", {
        "person_id": ids["filippino"], "role": "speaker", "on_behalf_of": "UNMAS and UNDP"})
    call("POST", f"{EVENT}/sessions/{ids['session']}/roles", {"person_id": ids["nash"], "role": "speaker"})
    ids["close"] = call("POST", f"{EVENT}/sessions", {
        "title": "Close", "kind": "closing", "starts_at": "1999-09-13T12:30", "ends_at": None,
        "attendance_mode": "in_person", "room_id": ids["hall"]})["id"]
    ids["reception"] = call("POST", f"{EVENT}/sessions", {
        "title": "Reception", "kind": "reception", "starts_at": "1999-09-13T18:30", "ends_at": None,
        "attendance_mode": "in_person", "room_id": ids["armures"]})["id"]
    return ids, call


def test_the_api_gives_back_what_the_agenda_says(loaded, client):
    ids, call = loaded
    event = client.get(EVENT).get_json()
    people = {person["id"]: person["name"] for person in event["people"]}
    assert [(people[o["person_id"]], o["role"], o["position"]) for o in event["officers"]] == [
        ("Ana Moreno", "co_chair", 0), ("Lars Berg", "co_chair", 1), ("Claire Dupont", "rapporteur", 2)]
    assert {i["acronym"] or i["name"]: i["kind"] for i in event["institutions"]} == {
        "GICHD": "international", "ICBL": "civil_society", "Handicap International": "civil_society",
        "OAS": "regional", "Government of Peru": "government"}
    sessions = {s["title"]: s for s in event["sessions"]}
    assert [(s["starts_at"], s["ends_at"]) for s in (sessions["Close"], sessions["Reception"])] == [
        ("1999-09-13T12:30:00+02:00", None), ("1999-09-13T18:30:00+02:00", None)]
    assert [(people[r["person_id"]], r["on_behalf_of"]) for r in sessions["Mine clearance technologies"]["roles"]] \
        == [("Eric Filippino", "UNMAS and UNDP"), ("Ruth Nash", "")]
    armures = next(room for room in event["rooms"] if room["id"] == ids["armures"])
    assert (armures["venue"], armures["address"]) == ("Restaurant Les Armures",
                                                      "Rue du Puits-Saint-Pierre 1, 1204 Genève")
    # A close at the end of the working session, in its room, is no clash: it is a moment, not a stretch.
    assert call("GET", f"{EVENT}/conflicts", status=200) == {"conflicts": []}


def test_the_agenda_and_the_programme_show_starts_alone_the_bureau_and_on_whose_behalf(loaded, client):
    # Words as read, one space where a tag was ("Moreno , Government": the comma opens the affiliation).
    agenda = text_of(client.get(f"/events/{SLUG}/"))
    assert "Bureau Co-chairs Ms Ana Moreno , Government of Peru Mr Lars Berg , Handicap International " \
           "Rapporteur Ms Claire Dupont , OAS" in agenda
    assert "Speakers Mr Eric Filippino , GICHD (on behalf of UNMAS and UNDP) Ms Ruth Nash , ICBL" in agenda
    assert "12:30 Close Closing Room XVIII" in agenda and "18:30 Reception Reception" in agenda
    assert "Salle des Armures, Restaurant Les Armures, Rue du Puits-Saint-Pierre 1, 1204 Genève" in agenda

    printed = text_of(client.get(f"/events/{SLUG}/programme"))
    assert "Bureau Co-chairs Ms Ana Moreno , Government of Peru Mr Lars Berg , Handicap International " \
           "Rapporteur Ms Claire Dupont , Organization of American States (OAS)" in printed
    assert "12:30 Close Closing" in printed and "18:30 Reception Reception" in printed
    assert "Salle des Armures Restaurant Les Armures, Rue du Puits-Saint-Pierre 1, 1204 Genève" in printed
    assert "Mr Eric Filippino , Geneva International Centre for Humanitarian Demining (GICHD) " \
           "(on behalf of UNMAS and UNDP)" in printed
    # The running header prints the short name as entered: every escape ends with the space CSS drops.
    assert r'content: "SCE Mine Clearance\00002c  September 1999 \000028 Geneva\000029 "' in client.get(
        f"/events/{SLUG}/programme").get_data(as_text=True)


def test_the_public_list_of_people_gives_the_bureau_and_speakers_by_institution(loaded, client):
    listed = text_of(client.get(f"/events/{SLUG}/people/"))
    assert (
        "Geneva International Centre for Humanitarian Demining (GICHD) Mr Eric Filippino "
        "Government of Peru Ms Ana Moreno (Co-chair of the meeting) "
        "Handicap International Mr Lars Berg (Co-chair of the meeting) "
        "International Campaign to Ban Landmines (ICBL) Ms Ruth Nash "
        "Organization of American States (OAS) Ms Claire Dupont (Rapporteur of the meeting)") in listed


def test_three_calendar_parsers_read_an_item_without_an_end_as_its_start_alone(loaded, client, all_readers):
    ids, _ = loaded
    data = client.get(f"/events/{SLUG}/calendar.ics").data
    uids = {event["title"]: event["uid"] for event in client.get(f"{EVENT}/sessions").get_json()["sessions"]}
    reception = datetime(1999, 9, 13, 16, 30, tzinfo=UTC)
    working = (datetime(1999, 9, 13, 8, 0, tzinfo=UTC), datetime(1999, 9, 13, 10, 30, tzinfo=UTC))
    read = {name: reader(data) for name, reader in all_readers.items()}
    assert {name: instants[uids["Reception"]] for name, instants in read.items()} == {
        "icalendar": (reception, reception), "ical.js": (reception, reception), "vobject": (reception, None)}
    assert {name: instants[uids["Mine clearance technologies"]] for name, instants in read.items()} == {
        name: working for name in read}

    events = {str(event["SUMMARY"]): event for event in icalendar.Calendar.from_ical(data).walk("VEVENT")}
    assert "DTEND" not in events["Reception"] and "DURATION" not in events["Reception"]
    assert str(events["Reception"]["LOCATION"]) == (
        "Salle des Armures, Restaurant Les Armures, Rue du Puits-Saint-Pierre 1, 1204 Genève")
    assert str(events["Close"]["LOCATION"]) == "Room XVIII, Palais des Nations, Geneva"
    assert "Speaker: Mr Eric Filippino, Geneva International Centre for Humanitarian Demining (GICHD) " \
           "(on behalf of UNMAS and UNDP)" in str(events["Mine clearance technologies"]["DESCRIPTION"])


def test_an_item_without_an_end_is_counted_in_the_room_on_its_day(loaded):
    ids, call = loaded
    call("POST", f"{EVENT}/registrations", {"person": {"name": "Kim Min-ji"}, "role": "delegate",
                                            "days": {"1999-09-13": "in_room"}})
    counts = call("GET", f"{EVENT}/headcounts", status=200)
    assert next(s for s in counts["sessions"] if s["id"] == ids["reception"])["in_room"] == 1


def test_cutting_the_days_under_the_agenda_is_refused_naming_the_day_and_the_sessions(loaded, client):
    ids, call = loaded
    call("POST", f"{EVENT}/sessions", {"title": "Closing plenary", "kind": "closing",
                                       "starts_at": "1999-09-14T16:00", "ends_at": "1999-09-14T17:00",
                                       "attendance_mode": "in_person"})
    refused = call("PATCH", EVENT, {"last_day": "1999-09-13"}, status=422)
    assert refused["error"]["fields"] == {"last_day": "1 session would fall outside the meeting's days: "
                                                      "“Closing plenary” (Tue 14 Sep 16:00). Move or delete it first."}
    refused = call("PATCH", EVENT, {"first_day": "1999-09-14"}, status=422)
    assert refused["error"]["fields"] == {"first_day": (
        "3 sessions would fall outside the meeting's days: “Mine clearance technologies” (Mon 13 Sep 10:00); "
        "“Close” (Mon 13 Sep 12:30); “Reception” (Mon 13 Sep 18:30). Move or delete them first.")}
    assert client.get(EVENT).get_json()["last_day"] == "1999-09-14"
    # Every session can still be changed, by what is sent alone.
    assert call("PATCH", f"{EVENT}/sessions/{ids['reception']}", {"title": "Reception offered by Switzerland"},
                status=200)["ends_at"] is None
