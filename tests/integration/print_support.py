"""A meeting with participants of every kind of institution, from several countries, in several roles and
both ways of attending, with a bureau of two: the ground for the list of participants, badge and name plate tests."""
from dataclasses import dataclass
from datetime import date

import pytest

from planner.domain.vocabulary import DayMode, InstitutionKind, OfficerRole, ParticipantRole
from planner.extensions import db
from planner.models import Meeting, Registration
from planner.operations.officers import add_officer
from planner.operations.registrations import register_participant

MON, TUE = date(2021, 10, 18), date(2021, 10, 19)
IN_ROOM, ONLINE, ABSENT = DayMode.IN_ROOM, DayMode.ONLINE, DayMode.ABSENT
DELEGATE, EXPERT, OBSERVER, STAFF, PRESS = (ParticipantRole.DELEGATE, ParticipantRole.EXPERT,
                                            ParticipantRole.OBSERVER, ParticipantRole.STAFF, ParticipantRole.PRESS)

INSTITUTIONS = {
    # acronym: (name, kind, country)
    "MOFA": ("Ministry of Foreign Affairs", InstitutionKind.GOVERNMENT, "Republic of Korea"),
    "KCS": ("Korea Customs Service", InstitutionKind.GOVERNMENT, "Republic of Korea"),
    "BMI": ("Federal Ministry of the Interior", InstitutionKind.GOVERNMENT, "Austria"),
    "UNCCT": ("United Nations Counter-Terrorism Centre", InstitutionKind.INTERNATIONAL, ""),
    "IOM": ("International Organization for Migration", InstitutionKind.INTERNATIONAL, ""),
    "ASEANAPOL": ("ASEAN Chiefs of Police", InstitutionKind.REGIONAL, ""),
    "CHRI": ("Commonwealth Human Rights Initiative", InstitutionKind.CIVIL_SOCIETY, "India"),
    "Stimson": ("Stimson Center", InstitutionKind.THINK_TANK, "United States"),
    "KU": ("Korea University", InstitutionKind.ACADEMIA, "Republic of Korea"),
    "Acme": ("Acme Border Systems", InstitutionKind.PRIVATE, "Japan"),
}

PEOPLE = {
    # key: (honorific, name, position, institution, role, Monday, Tuesday)
    "chang": ("Mr", "Chang Wook-jin", "Director-General for International Organizations", "MOFA", DELEGATE,
              IN_ROOM, IN_ROOM),
    "kim": ("Dr", "Kim Min-ji", "Senior Customs Officer", "KCS", DELEGATE, IN_ROOM, ONLINE),
    "hangul": ("", "장욱진", "", "KCS", OBSERVER, ABSENT, IN_ROOM),
    "gruber": ("Ms", "Anna Gruber", "Head of Unit", "BMI", DELEGATE, ONLINE, ONLINE),
    "leyen": ("Dr", "Maria von der Berg", "Counsellor", "BMI", EXPERT, IN_ROOM, ABSENT),
    "ahmed": ("Mr", "Jehangir Khan-Ahmed Al-Rashidi bin Abdulrahman", "Director", "UNCCT", STAFF, IN_ROOM, IN_ROOM),
    "thuriaux": ("Mr", "Damien Thuriaux", "Programme Officer", "IOM", EXPERT, ONLINE, ONLINE),
    "nguyen": ("Ms", "NGUYEN Thi Lan", "Executive Director", "ASEANAPOL", OBSERVER, IN_ROOM, IN_ROOM),
    "sharma": ("Mr", "Ravi Sharma", "Programme Coordinator", "CHRI", OBSERVER, ONLINE, IN_ROOM),
    "finlay": ("Mr", "Brian Finlay", "President and CEO", "Stimson", OBSERVER, ONLINE, ABSENT),
    "park": ("Prof", "Park Seo-yeon", "Professor of Law", "KU", EXPERT, ABSENT, IN_ROOM),
    "sato": ("Ms", "Sato Yuki", "Engineer", "Acme", OBSERVER, IN_ROOM, IN_ROOM),
    "muller": ("Ms", "Élodie Müller", "Journalist", None, PRESS, IN_ROOM, ABSENT),
    "suharto": ("Mr", "Suharto", "Liaison Officer", None, STAFF, IN_ROOM, IN_ROOM),
}


@dataclass
class PrintMeeting:
    meeting: Meeting
    registrations: dict[str, Registration]

    def registration_id(self, key: str) -> int:
        return self.registrations[key].id


def build_print_meeting(make, slug: str = "egm") -> PrintMeeting:
    meeting = make.meeting(slug=slug, title="Expert Group Meeting on Border Management", short_name="EGM 2021",
                           first_day=MON, last_day=TUE)
    institutions = {acronym: make.institution(meeting, name, kind=kind, acronym=acronym, country=country)
                    for acronym, (name, kind, country) in INSTITUTIONS.items()}
    registrations, people = {}, {}
    for key, (honorific, name, position, acronym, role, monday, tuesday) in PEOPLE.items():
        person = make.person(meeting, name, honorific=honorific, position=position,
                             institution=institutions[acronym] if acronym else None)
        registrations[key] = register_participant(meeting, person, role=role, days={MON: monday, TUE: tuesday})
        people[key] = person
    # The bureau: listed first, in its order (the chair before the vice-chair, whoever was added first).
    add_officer(meeting, people["gruber"], OfficerRole.VICE_CHAIR)
    add_officer(meeting, people["chang"], OfficerRole.CHAIR)
    db.session.commit()
    return PrintMeeting(meeting, registrations)


@pytest.fixture
def print_meeting(make):
    return build_print_meeting(make)
