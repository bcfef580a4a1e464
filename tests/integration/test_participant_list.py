"""The list of participants: grouped by kind of institution, governments by country, each person as they write
their name; filters; the CSV and .xlsx files in the page's order; published only as the organiser chooses."""
import csv
import io
import re
from html import unescape

import pytest
from openpyxl import load_workbook

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.operations.team import grant_role
from tests.integration.print_support import print_meeting  # noqa: F401  (fixture)

LIST = "/events/egm/organise/participants/list"

ORDER = [
    ("Bureau", "", "", ["Mr CHANG Wook-jin", "Ms Anna GRUBER"]),
    ("Government", "Austria", "Federal Ministry of the Interior (BMI)", ["Dr Maria VON DER BERG"]),
    ("Government", "Republic of Korea", "Korea Customs Service (KCS)", ["Dr KIM Min-ji", "장욱진"]),
    ("International organisation", "International Organization for Migration (IOM)", "", ["Mr Damien THURIAUX"]),
    ("International organisation", "United Nations Counter-Terrorism Centre (UNCCT)", "",
     ["Mr Jehangir Khan-Ahmed Al-Rashidi BIN ABDULRAHMAN"]),
    ("Regional organisation", "ASEAN Chiefs of Police (ASEANAPOL)", "", ["Ms NGUYEN Thi Lan"]),
    ("Civil society / NGO", "Commonwealth Human Rights Initiative (CHRI)", "", ["Mr Ravi SHARMA"]),
    ("Think tank", "Stimson Center (Stimson)", "", ["Mr Brian FINLAY"]),
    ("Academia", "Korea University (KU)", "", ["Prof PARK Seo-yeon"]),
    ("Private sector", "Acme Border Systems (Acme)", "", ["Ms Sato YUKI"]),
    ("Other participants", "", "", ["Ms Élodie MÜLLER", "Mr Suharto"]),
]


def listed(response) -> list[tuple[str, str]]:
    """What the page prints, in order: ("h2", section), ("h3", heading), ("h4", institution), ("name", …)."""
    html = response.get_data(as_text=True)
    found = re.findall(r'<h2 class="list-section">([^<]*)</h2>|<h3 class="list-heading">([^<]*)</h3>'
                       r'|<h4 class="list-subheading">([^<]*)</h4>|<span class="name">([^<]*)</span>', html)
    kinds = ("h2", "h3", "h4", "name")
    return [next((kind, unescape(text)) for kind, text in zip(kinds, match) if text) for match in found]


def names(response) -> list[str]:
    return [text for kind, text in listed(response) if kind == "name"]


def expected_listing() -> list[tuple[str, str]]:
    shown, section, heading = [], None, None
    for group_section, group_heading, institution, people in ORDER:
        if group_section != section:
            shown.append(("h2", group_section))
            section, heading = group_section, None
        if group_heading and group_heading != heading:
            shown.append(("h3", group_heading))
            heading = group_heading
        if institution:
            shown.append(("h4", institution))
        shown.extend(("name", person) for person in people)
    return shown


def test_the_list_groups_governments_by_country_then_organisations_by_kind_each_name_as_written(
        sign_in, print_meeting):
    response = sign_in(print_meeting.meeting).get(LIST)
    assert response.status_code == 200
    assert listed(response) == expected_listing()
    page = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))
    assert "Mr CHANG Wook-jin Director-General for International Organizations" in page
    assert "class=\"attends\"" not in response.get_data(as_text=True)  # how people attend only when asked


def test_filters_by_day_attendance_and_role_and_say_how_each_attends(sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    online_tuesday = client.get(LIST, query_string={"day": "2021-10-19", "attendance": "online"})
    assert names(online_tuesday) == ["Ms Anna GRUBER", "Dr KIM Min-ji", "Mr Damien THURIAUX"]
    assert names(client.get(LIST, query_string={"role": ["press", "staff"]})) == [
        "Mr Jehangir Khan-Ahmed Al-Rashidi BIN ABDULRAHMAN", "Ms Élodie MÜLLER", "Mr Suharto"]
    shown = client.get(LIST, query_string={"attendance_shown": "1", "role": "delegate"}).get_data(as_text=True)
    assert re.findall(r'<span class="attends">([^<]*)</span>', shown) == [
        "In the room", "Online", "In the room and online"]


@pytest.mark.parametrize("query, field", [
    ({"day": "2021-10-25"}, "day"), ({"day": "tuesday"}, "day"), ({"attendance": "absent"}, "attendance"),
    ({"role": "minister"}, "role"), ({"paper": "a3"}, "paper"),
])
def test_a_filter_not_understood_is_refused_naming_it(sign_in, print_meeting, query, field):
    response = sign_in(print_meeting.meeting).get(LIST, query_string=query)
    assert response.status_code == 400
    assert f"{field}:" in response.get_data(as_text=True)


def test_the_csv_and_xlsx_files_list_the_same_people_in_the_pages_order(sign_in, print_meeting):
    client = sign_in(print_meeting.meeting)
    query = {"attendance_shown": "1"}
    page_names = names(client.get(LIST, query_string=query))
    csv_response = client.get(f"{LIST}.csv", query_string=query)
    assert csv_response.headers["Content-Disposition"] == 'attachment; filename="egm-participants.csv"'
    rows = list(csv.reader(io.StringIO(csv_response.get_data(as_text=True).lstrip("\ufeff"))))
    header, body = rows[0], rows[1:]
    assert header == ["Section", "Country or institution", "Institution", "Honorific", "Name", "Position", "Role",
                      "Office in the bureau", "Attendance"]
    assert [" ".join(filter(None, (row[3], row[4]))) for row in body] == page_names
    assert body[:3] == [
        ["Bureau", "Republic of Korea", "Ministry of Foreign Affairs (MOFA)", "Mr", "CHANG Wook-jin",
         "Director-General for International Organizations", "Delegate", "Chair", "In the room"],
        ["Bureau", "Austria", "Federal Ministry of the Interior (BMI)", "Ms", "Anna GRUBER", "Head of Unit", "Delegate",
         "Vice-chair", "Online"],
        ["Government", "Austria", "Federal Ministry of the Interior (BMI)", "Dr", "Maria VON DER BERG", "Counsellor",
         "Expert", "", "In the room"],
    ]
    workbook = load_workbook(io.BytesIO(client.get(f"{LIST}.xlsx", query_string=query).data))
    sheet_rows = [[cell if cell is not None else "" for cell in row]
                  for row in workbook.active.iter_rows(values_only=True)]
    assert sheet_rows == rows


def test_the_list_is_for_the_team_until_the_organiser_publishes_it_with_the_roles_it_shows(
        client, sign_in, print_meeting, make):
    assert client.get("/events/egm/participants").status_code == 404
    organiser = sign_in(print_meeting.meeting)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      organiser.get("/events/egm/organise/printing").get_data(as_text=True)).group(1)
    refused = organiser.post("/events/egm/organise/printing", data={
        "csrf_token": token, "list_published": "y", "family_names_in_capitals": "y"})
    assert refused.status_code == 400
    assert "Choose which roles the published list shows." in refused.get_data(as_text=True)
    assert client.get("/events/egm/participants").status_code == 404
    saved = organiser.post("/events/egm/organise/printing", data={
        "csrf_token": token, "list_published": "y", "public_roles": ["delegate", "expert"],
        "family_names_in_capitals": "y"})
    assert saved.status_code == 302
    public = client.get("/events/egm/participants")
    assert public.status_code == 200
    assert names(public) == ["Mr CHANG Wook-jin", "Ms Anna GRUBER", "Dr Maria VON DER BERG", "Dr KIM Min-ji",
                             "Mr Damien THURIAUX", "Prof PARK Seo-yeon"]
    assert client.get("/events/egm/participants", query_string={"role": "press"}).status_code == 400
    assert "attends" not in client.get("/events/egm/participants?attendance_shown=1").get_data(as_text=True)
    assert client.get(f"{LIST}.csv").status_code in (302, 401)


def test_door_staff_read_the_list_and_others_do_not(app, print_meeting, make):
    door = make.organiser("door@example.org")
    grant_role(print_meeting.meeting, door, TeamRole.DOOR_STAFF, actor=None)
    stranger = make.organiser("stranger@example.org")
    db.session.commit()
    from planner.operations.accounts import start_sign_in
    for user, status in ((door, 200), (stranger, 403)):
        start_sign_in(user, remembered=False)
        db.session.commit()
        assert app.test_client(user=user).get(LIST).status_code == status


def test_a_meeting_without_participants_says_so(sign_in, make):
    meeting = make.meeting(slug="empty")
    response = sign_in(meeting).get("/events/empty/organise/participants/list")
    assert "Nobody is registered for this meeting yet." in response.get_data(as_text=True)


def test_a_band_colour_that_is_not_a_colour_is_refused_naming_its_field_and_nothing_is_saved(
        sign_in, print_meeting, stored_rows):
    organiser = sign_in(print_meeting.meeting)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      organiser.get("/events/egm/organise/printing").get_data(as_text=True)).group(1)
    before = stored_rows()
    refused = organiser.post("/events/egm/organise/printing", data={
        "csrf_token": token, "colour_press": "red", "family_names_in_capitals": "y"})
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert re.search(r'id="colour_press-error">Give a colour as #rrggbb', page)
    assert stored_rows() == before
    saved = organiser.post("/events/egm/organise/printing", data={
        "csrf_token": token, "colour_press": "#FFEB3B", "family_names_in_capitals": ""})
    assert saved.status_code == 302
    badges = organiser.get("/events/egm/organise/badges").get_data(as_text=True)
    assert "--band: #ffeb3b; --band-text: #000000" in badges
    assert "Ms Élodie Müller" in badges  # family names as written, now that capitals are off


def test_settings_changed_meanwhile_by_another_organiser_are_not_overwritten_unseen(sign_in, print_meeting):
    organiser = sign_in(print_meeting.meeting)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"',
                      organiser.get("/events/egm/organise/printing").get_data(as_text=True)).group(1)
    first = {"csrf_token": token, "colour_press": "#ffeb3b"}
    assert organiser.post("/events/egm/organise/printing", data=first).status_code == 302
    assert organiser.post("/events/egm/organise/printing", data={**first, "version": "1",
                                                                 "colour_press": "#000000"}).status_code == 302
    stale = organiser.post("/events/egm/organise/printing", data={**first, "version": "1",
                                                                  "colour_press": "#ffffff"})
    assert stale.status_code == 409
    assert "Someone else changed these print settings while you were editing" in stale.get_data(as_text=True)
    assert "Nothing was saved" in stale.get_data(as_text=True)
    assert "--band: #000000" in organiser.get("/events/egm/organise/badges").get_data(as_text=True)
