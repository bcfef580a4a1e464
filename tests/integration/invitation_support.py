"""A real SMTP server in the test process, a small meeting to invite to, and the organiser's requests:
the ground for the invitation tests."""
import email
import email.policy
import re
import socket
from datetime import date, datetime

import icalendar
import pytest
from aiosmtpd.controller import Controller
from flask import g

from planner.domain.vocabulary import DayMode, ParticipantRole, Role
from planner.extensions import db
from planner.operations.accounts import create_organiser, start_sign_in
from planner.operations.agenda import assign_role
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from planner.operations.registrations import register_participant

PAGE = "/events/test-meeting/organise/invitations"
LINK = "https://meet.example.org/egm"


class Inbox:
    """An aiosmtpd handler keeping every message it is given, and refusing the addresses in ``refused``."""

    def __init__(self):
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []
        self.refused: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default)))
        return "250 Message accepted"

    def take(self) -> list[tuple[list[str], email.message.EmailMessage]]:
        taken, self.messages = self.messages, []
        return taken


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def inbox(app):
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=controller.port, SMTP_FROM="Planner <planner@example.org>")
    yield handler
    controller.stop()


@pytest.fixture
def agenda(make):
    """Two days in Seoul; Chang in the room on the 18th and online on the 19th, Finlay an observer online."""
    meeting = make.meeting(contact_email="secretariat@example.org", short_name="EGM 2021")
    room = make.room(meeting, "Main hall")
    chang = make.person(meeting, "Chang Wook-jin", honorific="Mr", email="chang@example.org")
    finlay = make.person(meeting, "Finlay Smith", honorific="Dr", email="finlay@example.org")
    make.person(meeting, "No Email")
    opening = make.session(meeting, "Opening session", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 11),
                           room=room, online_link=LINK)
    remarks = make.session(meeting, "Opening remarks", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 9, 15),
                           room=room, parent=opening)
    discussion = make.session(meeting, "Expert discussion", datetime(2021, 10, 19, 9), room=room, online_link=LINK)
    make.session(meeting, "Closed bilateral", datetime(2021, 10, 19, 14), draft=True)
    assign_role(opening, chang, Role.CHAIR)
    assign_role(remarks, chang, Role.SPEAKER)
    registrations = {
        "chang": register_participant(meeting, chang, role=ParticipantRole.DELEGATE,
                                      days={date(2021, 10, 18): DayMode.IN_ROOM, date(2021, 10, 19): DayMode.ONLINE}),
        "finlay": register_participant(meeting, finlay, role=ParticipantRole.OBSERVER,
                                       days={date(2021, 10, 18): DayMode.ONLINE}),
    }
    organiser = create_organiser("organiser@example.org", "correct horse battery")
    grant_role(meeting, organiser, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return dict(meeting=meeting, opening=opening, remarks=remarks, discussion=discussion, organiser=organiser,
                **registrations)


def sign_in(client, user) -> None:
    secret = start_sign_in(user, remembered=False)
    db.session.commit()
    with client.session_transaction() as session:
        session["_user_id"] = secret
        session["_fresh"] = True
    # Flask-Login keeps the user of the last request in g, which lives as long as the test's app context.
    g.pop("_login_user", None)


def csrf_token(client, address: str = PAGE) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(address).get_data(as_text=True))[1]


def invite(client, scope: str, *registrations):
    return client.post(PAGE, data={"csrf_token": csrf_token(client), "scope": scope,
                                   "recipients": [str(registration.id) for registration in registrations]})


def send_updates(client):
    return client.post(f"{PAGE}/updates", data={"csrf_token": csrf_token(client)})


def calendar_part(message) -> tuple[str, icalendar.Event]:
    """The text/calendar alternative's METHOD parameter, and its one event (after checking the body says the same)."""
    [part] = [part for part in message.walk() if part.get_content_type() == "text/calendar"]
    assert part.get_content_charset() == "utf-8"
    calendar = icalendar.Calendar.from_ical(part.get_content())
    assert str(calendar["METHOD"]) == part.get_param("method")
    [event] = calendar.walk("VEVENT")
    return part.get_param("method"), event


def received(inbox) -> dict[tuple[str, str], tuple[str, icalendar.Event, email.message.EmailMessage]]:
    """(recipient, session title) → (method, event, message)."""
    found = {}
    for recipients, message in inbox.take():
        method, event = calendar_part(message)
        [recipient] = recipients
        title = str(event["SUMMARY"]).removeprefix("Cancelled: ")
        found[recipient, title] = (method, event, message)
    return found
