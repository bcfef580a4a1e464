"""Invitations by email, received by a real SMTP server in the test process and read as a mail client would."""
import io
import zipfile
from datetime import datetime

import icalendar
from sqlalchemy import func, select

from planner.domain.vocabulary import SessionStatus
from planner.extensions import db
from planner.models import SentInvitation
from planner.operations.accounts import create_organiser
from planner.operations.agenda import delete_session, update_session
from planner.operations.meetings import delete_person
from planner.operations.trash import purge_meeting
from tests.integration.browsing import form_of
from tests.integration.invitation_support import (  # noqa: F401  (fixtures)
    LINK, PAGE, agenda, free_port, inbox, invite, received, send_updates, sign_in,
)


def test_an_invitation_to_a_session_reaches_each_chosen_participant_as_a_calendar_request(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    response = invite(client, f"session:{agenda['opening'].id}", agenda["chang"], agenda["finlay"])
    assert response.status_code == 302
    got = received(inbox)
    assert sorted(got) == [("chang@example.org", "Opening session"), ("finlay@example.org", "Opening session")]
    method, event, message = got["chang@example.org", "Opening session"]
    assert method == "REQUEST"
    assert (message["To"], message["From"], message["Reply-To"]) == (
        "Mr Chang Wook-jin <chang@example.org>", "Planner <planner@example.org>", "EGM 2021 <secretariat@example.org>")
    assert message["Subject"] == "Invitation: Opening session — Mon 18 Oct 2021 09:00–11:00 (Asia/Seoul)"
    assert str(event["UID"]) == str(agenda["opening"].uid) and event["SEQUENCE"] == 0
    assert (str(event["ORGANIZER"]), event["ORGANIZER"].params["CN"]) == ("mailto:secretariat@example.org", "EGM 2021")
    assert (str(event["ATTENDEE"]), dict(event["ATTENDEE"].params)) == ("mailto:chang@example.org", {
        "CN": "Mr Chang Wook-jin", "ROLE": "CHAIR", "CUTYPE": "INDIVIDUAL", "PARTSTAT": "NEEDS-ACTION",
        "RSVP": "TRUE"})
    assert dict(got["finlay@example.org", "Opening session"][1]["ATTENDEE"].params)["ROLE"] == "OPT-PARTICIPANT"


def test_an_invitation_is_text_html_and_a_calendar_part_outlook_accepts(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, f"session:{agenda['opening'].id}", agenda["chang"])
    [(_, message)] = inbox.take()
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/mixed", "multipart/alternative", "text/plain", "text/html", "text/calendar", "application/ics"]
    calendar = next(part for part in message.walk() if part.get_content_type() == "text/calendar")
    assert calendar["Content-Type"] == 'text/calendar; method="REQUEST"; charset="utf-8"'
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "You are invited to “Opening session” of EGM 2021." in text
    assert "When: Mon 18 Oct 2021 09:00–11:00 (Asia/Seoul)\nWhere: Main hall, Seoul" in text
    assert "Chair: Mr Chang Wook-jin" in text
    html = message.get_body(("html",)).get_content()
    assert f'<a href="http://localhost/events/test-meeting/sessions/{agenda["opening"].id}">' in html


def test_the_join_link_goes_only_to_those_attending_that_day_online(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, f"session:{agenda['opening'].id}", agenda["chang"], agenda["finlay"])
    got = received(inbox)
    assert "CONFERENCE" not in got["chang@example.org", "Opening session"][1]  # in the room that day
    assert str(got["finlay@example.org", "Opening session"][1]["CONFERENCE"]) == LINK
    assert LINK in got["finlay@example.org", "Opening session"][2].get_body(("plain",)).get_content()


def test_a_day_invites_to_its_main_items_and_to_what_each_person_speaks_at_inside_them(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, "day:2021-10-18", agenda["chang"], agenda["finlay"])
    assert sorted(received(inbox)) == [
        ("chang@example.org", "Opening remarks"), ("chang@example.org", "Opening session"),
        ("finlay@example.org", "Opening session"),
    ]


def test_the_whole_meeting_leaves_out_drafts(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, "meeting", agenda["finlay"])
    assert sorted(received(inbox)) == [("finlay@example.org", "Expert discussion"),
                                       ("finlay@example.org", "Opening session")]


def test_after_a_change_the_update_goes_to_those_invited_with_a_higher_sequence(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, "meeting", agenda["chang"])
    inbox.take()
    update_session(agenda["discussion"], actor=None, starts=datetime(2021, 10, 19, 14), ends=datetime(2021, 10, 19, 15))
    update_session(agenda["opening"], actor=None, description="Unnoticed wording.")
    db.session.commit()
    owed = client.get(PAGE).get_data(as_text=True)
    assert "Expert discussion (2021-10-19 14:00 (Asia/Seoul)):" in owed  # in the meeting's zone, saying so
    assert "an update for Mr Chang Wook-jin" in owed
    assert send_updates(client).status_code == 302
    got = received(inbox)
    assert list(got) == [("chang@example.org", "Expert discussion")]
    method, event, message = got["chang@example.org", "Expert discussion"]
    assert (method, event["SEQUENCE"], event["DTSTART"].to_ical()) == ("REQUEST", 1, b"20211019T140000")
    assert message["Subject"].startswith("Updated invitation: Expert discussion")
    send_updates(client)
    assert inbox.take() == []


def test_after_a_cancellation_or_deletion_a_cancel_goes_out_once(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, "day:2021-10-18", agenda["chang"], agenda["finlay"])
    inbox.take()
    update_session(agenda["remarks"], actor=None, status=SessionStatus.CANCELLED)
    delete_session(agenda["opening"], actor=None)
    db.session.commit()
    send_updates(client)
    got = received(inbox)
    assert {key: (method, event["SEQUENCE"], str(event["STATUS"])) for key, (method, event, _) in got.items()} == {
        ("chang@example.org", "Opening session"): ("CANCEL", 1, "CANCELLED"),
        ("chang@example.org", "Opening remarks"): ("CANCEL", 1, "CANCELLED"),
        ("finlay@example.org", "Opening session"): ("CANCEL", 1, "CANCELLED"),
    }
    message = got["finlay@example.org", "Opening session"][2]
    assert message["Subject"].startswith("Cancelled: Opening session")
    assert next(part for part in message.walk() if part.get_content_type() == "text/calendar")["Content-Type"] == (
        'text/calendar; method="CANCEL"; charset="utf-8"')
    send_updates(client)
    assert inbox.take() == []


def test_without_a_mail_server_the_invitations_come_as_files_and_count_as_sent(client, agenda):
    sign_in(client, agenda["organiser"])
    assert "Download invitation files" in client.get(PAGE).get_data(as_text=True)
    response = invite(client, "day:2021-10-18", agenda["chang"])
    assert response.headers["Content-Type"] == "application/zip"
    files = zipfile.ZipFile(io.BytesIO(response.data))
    assert sorted(files.namelist()) == [f"chang@example.org/2021-10-18-session-{agenda['opening'].id}.ics",
                                        f"chang@example.org/2021-10-18-session-{agenda['remarks'].id}.ics"]
    calendar = icalendar.Calendar.from_ical(files.read(files.namelist()[0]))
    assert str(calendar["METHOD"]) == "REQUEST"
    update_session(agenda["opening"], actor=None, title="Opening")
    db.session.commit()
    updates = zipfile.ZipFile(io.BytesIO(send_updates(client).data))
    assert updates.namelist() == [f"chang@example.org/2021-10-18-session-{agenda['opening'].id}.ics"]


def test_a_meeting_without_a_contact_email_cannot_invite(client, agenda, inbox):
    agenda["meeting"].contact_email = ""
    db.session.commit()
    sign_in(client, agenda["organiser"])
    response = invite(client, "meeting", agenda["chang"])
    assert response.status_code == 400
    assert "give the meeting one first" in response.get_data(as_text=True)
    assert inbox.take() == []


def test_choosing_nobody_is_refused_beside_the_field(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    response = invite(client, "meeting")
    assert response.status_code == 400 and "Choose at least one participant." in response.get_data(as_text=True)


def test_only_participants_with_an_email_are_offered(client, agenda):
    sign_in(client, agenda["organiser"])
    page = client.get(PAGE).get_data(as_text=True)
    assert "chang@example.org" in page and "finlay@example.org" in page and "No Email" not in page


def test_a_failing_mail_server_keeps_what_did_not_go_out_owed(client, agenda, app):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=free_port())  # nobody listens there
    sign_in(client, agenda["organiser"])
    response = invite(client, f"session:{agenda['opening'].id}", agenda["chang"])
    assert response.status_code == 302
    page = client.get(response.location).get_data(as_text=True)
    assert "sent 0 of 1, 1 failed." in page
    assert "Mr Chang Wook-jin &lt;chang@example.org&gt;</td><td>Opening session</td><td>ConnectionRefusedError" in page
    assert db.session.scalar(select(func.count()).select_from(SentInvitation)) == 0


def test_the_invitations_page_is_for_the_meetings_organisers_and_its_forms_need_their_token(app, client, agenda,
                                                                                          inbox):
    assert app.test_client().get(PAGE).status_code == 302  # to the sign-in page
    stranger = create_organiser("stranger@example.org", "correct horse battery")
    db.session.commit()
    sign_in(client, stranger)
    assert client.get(PAGE).status_code == 403
    sign_in(client, agenda["organiser"])
    forged = client.post(PAGE, data={"scope": "meeting", "recipients": [str(agenda["chang"].id)]})
    assert forged.status_code == 400 and inbox.take() == []


def test_deleting_a_person_or_the_meeting_takes_what_they_were_sent_with_them(client, agenda, inbox):
    sign_in(client, agenda["organiser"])
    invite(client, "meeting", agenda["chang"], agenda["finlay"])
    assert db.session.scalar(select(func.count()).select_from(SentInvitation)) == 5
    delete_person(agenda["finlay"].person, actor=None)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(SentInvitation)) == 3
    purge_meeting(agenda["meeting"], actor=None)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(SentInvitation)) == 0


def test_select_all_ticks_every_participant_and_none_ticks_nobody(client, agenda):
    sign_in(client, agenda["organiser"])
    ticked = [form_of(client.get(address), with_field="scope").fields for address in (f"{PAGE}?select=all", PAGE)]
    assert [sorted(value for name, value in fields if name == "recipients") for fields in ticked] == [
        sorted(str(agenda[who].id) for who in ("chang", "finlay")), []]
