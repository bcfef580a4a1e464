"""The Counter-Terrorism Committee's follow-up visit to the Republic of Korea, 22-25 May 2023.

From ``shared/seeds/cted-follow-up-visit-2023.txt`` (whose scraper garbled
"United Nations"). The seed gives the dates, the delegation, the opening session,
the bilateral meetings, the roundtable and the thematic areas; the times, rooms and
order of the meetings are plausible choices.
"""
from datetime import date

from planner.demo.spec import InstitutionSpec, MeetingSpec, PersonSpec, RegistrationSpec, RoomSpec, SessionSpec
from planner.domain.vocabulary import AttendanceMode as Mode
from planner.domain.vocabulary import DayMode, MeetingFormat, ParticipantRole, Role, SessionKind as Kind
from planner.domain.vocabulary import InstitutionKind as IK

MON, TUE, WED, THU = (date(2023, 5, day) for day in range(22, 26))
PLENARY, ROOM_A, ROOM_B = "Conference Room", "Meeting Room A", "Meeting Room B"
ED = ((Role.SPEAKER, "gherman"),)

ICT = "Information and communications technologies (ICT)"
LEGISLATION = "Counter-terrorism legislation"
CRIMINAL_JUSTICE = "Criminal justice and international cooperation in criminal matters"
FINANCING = "Financing of terrorism"
BORDERS = "Law enforcement and border management"
CVE = "Countering violent extremism conducive to terrorism"

INSTITUTIONS = (
    InstitutionSpec("CTED", "Counter-Terrorism Committee Executive Directorate", IK.INTERNATIONAL, "CTED"),
    InstitutionSpec("ICAO", "International Civil Aviation Organization", IK.INTERNATIONAL, "ICAO"),
    InstitutionSpec("IMO", "International Maritime Organization", IK.INTERNATIONAL, "IMO"),
    InstitutionSpec("UNODC", "United Nations Office on Drugs and Crime", IK.INTERNATIONAL, "UNODC"),
    InstitutionSpec("MOFA", "Ministry of Foreign Affairs", IK.GOVERNMENT, "MOFA", "Republic of Korea"),
    InstitutionSpec("NCTC", "National Counter Terrorism Centre", IK.GOVERNMENT, "NCTC", "Republic of Korea"),
    InstitutionSpec("NIS", "National Intelligence Service", IK.GOVERNMENT, "NIS", "Republic of Korea"),
)

PEOPLE = (
    PersonSpec(
        "gherman", "Natalia Gherman", "Ms",
        "Assistant Secretary-General and Executive Director", "CTED",
    ),
)


def _bilateral(key: str, day: date, start: str, end: str, counterpart: str) -> SessionSpec:
    return SessionSpec(
        key, f"Bilateral high-level meeting with the {counterpart}", Kind.BILATERAL, day, start, end, ROOM_A,
        Mode.IN_PERSON, roles=ED,
        description=f"The CTED Executive Director meets the {counterpart}.",
    )


def _thematic(key: str, day: date, start: str, end: str, area: str, detail: str, room: str = PLENARY):
    return SessionSpec(
        key, area, Kind.WORKING, day, start, end, room, Mode.IN_PERSON, thematic_area=area,
        description=f"Assessment of progress since the Committee's 2009 visit: {detail}",
    )


SESSIONS = (
    SessionSpec(
        "opening", "Opening session with representatives of the Government of the Republic of Korea",
        Kind.OPENING, MON, "09:30", "10:30", PLENARY, Mode.IN_PERSON, roles=ED,
        description="The visiting delegation, led by CTED Executive Director Natalia Gherman, with experts of "
        "CTED, ICAO, IMO and UNODC. The assessment covers all relevant Security Council resolutions, including "
        "1373 (2001), 2178 (2014) and 2396 (2017), with a focus on ICT.",
    ),
    _bilateral("bilateral-multilateral", MON, "11:00", "11:45", "Deputy Minister for Multilateral and Global Affairs"),
    SessionSpec("lunch-mon", "Lunch", Kind.LUNCH, MON, "12:30", "14:00", ROOM_B, Mode.IN_PERSON),
    _thematic("ict", MON, "14:00", "17:00", ICT,
              "new and emerging trends, and countering the use of ICT for terrorist purposes."),
    SessionSpec("coffee-mon", "Coffee break", Kind.BREAK, MON, "15:30", "15:45", PLENARY, Mode.IN_PERSON,
                parent="ict"),
    _bilateral("bilateral-security", TUE, "09:00", "09:45", "Ambassador of International Security Affairs"),
    _thematic("legislation", TUE, "10:00", "12:00", LEGISLATION, "the legal framework against terrorism."),
    SessionSpec("lunch-tue", "Lunch", Kind.LUNCH, TUE, "12:00", "13:30", ROOM_B, Mode.IN_PERSON),
    _thematic("criminal-justice", TUE, "13:30", "15:30", CRIMINAL_JUSTICE,
              "prosecution, adjudication and mutual legal assistance."),
    _thematic("financing", TUE, "15:45", "17:30", FINANCING, "preventing and suppressing terrorist financing."),
    _bilateral("bilateral-nctc", TUE, "17:30", "18:15", "Head of the National Counter Terrorism Centre"),
    _bilateral("bilateral-human-rights", WED, "09:00", "09:45",
               "Deputy Minister and Counter-Terrorism Human Rights Protection Officer"),
    _thematic("borders", WED, "10:00", "12:30", BORDERS,
              "law enforcement and border management, including aviation and maritime security."),
    SessionSpec("lunch-wed", "Lunch", Kind.LUNCH, WED, "12:30", "14:00", ROOM_B, Mode.IN_PERSON),
    SessionSpec(
        "roundtable", "Roundtable with the private sector and civil society organizations on ICT",
        Kind.ROUNDTABLE, WED, "14:00", "16:30", PLENARY, Mode.IN_PERSON, thematic_area=ICT,
        description="A roundtable with representatives of the private sector and civil society organizations "
        "dedicated to the topic of ICT.",
    ),
    SessionSpec("roundtable-opening", "Opening remarks", Kind.REMARKS, WED, "14:00", "14:15", PLENARY,
                Mode.IN_PERSON, roles=ED, parent="roundtable", thematic_area=ICT),
    _bilateral("bilateral-nis", WED, "17:00", "17:45",
               "Chief of the Counter-Terrorism Intelligence Integration Centre of the National Intelligence Service"),
    _thematic("cve", THU, "09:30", "11:30", CVE,
              "preventing and countering violent extremism conducive to terrorism, the role of women in countering "
              "terrorism and violent extremism, and human rights aspects."),
    SessionSpec(
        "closing", "Closing session", Kind.CLOSING, THU, "11:45", "12:30", PLENARY, Mode.IN_PERSON, roles=ED,
        description="The delegation shares its first impressions of the progress made since 2009.",
    ),
)

MEETING = MeetingSpec(
    slug="cted-follow-up-visit-2023",
    title="Counter-Terrorism Committee follow-up visit to the Republic of Korea",
    short_name="CTED visit to the Republic of Korea 2023",
    hosts="Counter-Terrorism Committee Executive Directorate (CTED), on behalf of the United Nations Security "
    "Council Counter-Terrorism Committee; Government of the Republic of Korea",
    description="A follow-up to the Committee's first visit in 2009. The assessment covers all relevant Security "
    "Council resolutions, including 1373 (2001), 2178 (2014) and 2396 (2017), and focuses on updates related to "
    "information and communications technologies (ICT). CTED meets the Government of the Republic of Korea and "
    "representatives of the private sector and civil society.",
    first_day=MON,
    last_day=THU,
    timezone="Asia/Seoul",
    venue="Seoul, Republic of Korea",
    format=MeetingFormat.IN_PERSON,
    online_link="",
    contact_email="cted-visits@example.org",
    rooms=(RoomSpec(PLENARY, 40), RoomSpec(ROOM_A, 16), RoomSpec(ROOM_B, 12)),
    institutions=INSTITUTIONS,
    people=PEOPLE,
    sessions=SESSIONS,
    registrations=(
        RegistrationSpec("gherman", ParticipantRole.DELEGATE, "America/New_York",
                         {day: DayMode.IN_ROOM for day in (MON, TUE, WED, THU)}),
    ),
)
