"""A small hybrid meeting with registrations, and an organiser signed in to it: the ground for the
check-in, online report and attendance report tests."""
import io
import re
from html import unescape
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole, SessionKind
from planner.extensions import db
from planner.models import Meeting, Registration
from planner.operations.accounts import create_organiser
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from planner.operations.registrations import register_participant

PASSWORD = "correct horse battery"
MON, TUE = date(2021, 10, 18), date(2021, 10, 19)
IN_ROOM, ONLINE, ABSENT = DayMode.IN_ROOM, DayMode.ONLINE, DayMode.ABSENT


def csrf_token(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def sign_in(client, email: str) -> None:
    response = client.post("/login", data={"email": email, "password": PASSWORD,
                                           "csrf_token": csrf_token(client, "/login")})
    assert response.status_code == 302, response.get_data(as_text=True)


IMPORT = "/events/egm/organise/attendance/online"

ZOOM_REPORT = """\
Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants
812 3456 7890,Border management EGM,10/18/2021 08:50:00 AM,10/19/2021 12:10:00 PM,host@un.example,1640,6

Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest
Damien Thuriaux,DThuriaux@IOM.example,10/18/2021 08:55:00 AM,10/18/2021 10:20:00 AM,85,No
Damien Thuriaux,dthuriaux@iom.example,10/18/2021 10:40:00 AM,10/18/2021 12:00:00 PM,80,No
Brian F (Brian Finlay),,10/18/2021 09:10:00 AM,10/18/2021 09:50:00 AM,40,Yes
Guest 1234,,10/18/2021 10:00:00 AM,10/18/2021 11:00:00 AM,60,Yes
Minji Kim,minji.kim@gmail.example,10/19/2021 09:00:00 AM,10/19/2021 12:00:00 PM,180,Yes
Damien Thuriaux,dthuriaux@iom.example,10/19/2021 09:00:00 AM,10/19/2021 11:00:00 AM,120,No
"""


def upload(client, content: bytes | str, *, filename: str = "zoom.csv", zone: str = "Asia/Seoul", token=True):
    report = io.BytesIO(content.encode() if isinstance(content, str) else content)
    values = {"report": FileStorage(report, filename=filename, content_type="text/csv"), "timezone": zone}
    if token:
        values["csrf_token"] = csrf_token(client, IMPORT)
    # Encoded here, in memory: the test client would spool a large body to a file it never closes.
    boundary, body = encode_multipart(values)
    return client.post(IMPORT, data=body, content_type=f"multipart/form-data; boundary={boundary}")


def text_of(response) -> str:
    """The page as words, without tags or character references, so assertions read like what a person sees."""
    html = response.get_data(as_text=True)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@dataclass
class SmallMeeting:
    meeting: Meeting
    registrations: dict[str, Registration]

    @property
    def slug(self) -> str:
        return self.meeting.slug

    def registration_id(self, key: str) -> int:
        return self.registrations[key].id


PEOPLE = {
    # key: (name, honorific, institution, email, Monday, Tuesday)
    "chang": ("Chang Wook-jin", "Mr", "MOFA", "chang@mofa.example", IN_ROOM, IN_ROOM),
    "kim": ("Kim Min-ji", "Dr", "KCS", "kim.minji@customs.example", IN_ROOM, ONLINE),
    "jung": ("Jung Ji-hun", "Mr", "KCS", "", IN_ROOM, IN_ROOM),
    "thuriaux": ("Damien Thuriaux", "Mr", "IOM", "dthuriaux@iom.example", ONLINE, ONLINE),
    "finlay": ("Brian Finlay", "Mr", "Stimson", "bfinlay@stimson.example", ONLINE, ABSENT),
    "park": ("Park Seo-yeon", "Prof", "KU", "", ABSENT, IN_ROOM),
    "muller": ("Élodie Müller", "Ms", None, "elodie@example.org", IN_ROOM, ABSENT),
}

INSTITUTIONS = {
    "MOFA": ("Ministry of Foreign Affairs", InstitutionKind.GOVERNMENT),
    "KCS": ("Korea Customs Service", InstitutionKind.GOVERNMENT),
    "IOM": ("International Organization for Migration", InstitutionKind.INTERNATIONAL),
    "Stimson": ("Stimson Center", InstitutionKind.THINK_TANK),
    "KU": ("Korea University", InstitutionKind.ACADEMIA),
}


def build_small_meeting(make, slug: str = "egm") -> SmallMeeting:
    """Two days in Seoul; seven registered people from five institutions (and one from none); four sessions
    and a coffee break."""
    meeting = make.meeting(slug=slug, title="Border management EGM", first_day=MON, last_day=TUE)
    room = make.room(meeting, "Conference room", capacity=40)
    institutions = {acronym: make.institution(meeting, name, kind=kind, acronym=acronym)
                    for acronym, (name, kind) in INSTITUTIONS.items()}
    registrations = {}
    for key, (name, honorific, acronym, email, monday, tuesday) in PEOPLE.items():
        person = make.person(meeting, name, honorific=honorific, email=email,
                             institution=institutions[acronym] if acronym else None)
        registrations[key] = register_participant(meeting, person, role=ParticipantRole.EXPERT,
                                                  days={MON: monday, TUE: tuesday})
    make.session(meeting, "Opening", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 10), room=room)
    working = make.session(meeting, "Expert discussion: data", datetime(2021, 10, 18, 10), datetime(2021, 10, 18, 12),
                           room=room)
    make.session(meeting, "Coffee break", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45),
                 kind=SessionKind.BREAK, parent=working)
    make.session(meeting, "Expert discussion: airports", datetime(2021, 10, 19, 9), datetime(2021, 10, 19, 12),
                 room=room)
    make.session(meeting, "Closing", datetime(2021, 10, 19, 14), datetime(2021, 10, 19, 15), room=room,
                 kind=SessionKind.CLOSING)
    db.session.commit()
    return SmallMeeting(meeting, registrations)


@pytest.fixture
def small_meeting(make):
    return build_small_meeting(make)


@pytest.fixture
def organiser(client, small_meeting):
    """The signed-in organiser of the small meeting."""
    user = create_organiser("organiser@example.org", PASSWORD, name="Door Staff")
    grant_role(small_meeting.meeting, user, TeamRole.ORGANISER, actor=None)
    db.session.commit()
    sign_in(client, "organiser@example.org")
    return user


@pytest.fixture
def outsider(client, small_meeting):
    """Signed in, but organising another meeting."""
    create_organiser("outsider@example.org", PASSWORD)
    db.session.commit()
    sign_in(client, "outsider@example.org")
