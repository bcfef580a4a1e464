"""The hybrid Expert Group Meeting on border management, Seoul, October 2021.

From ``shared/seeds/egm-border-management-2021.txt``. The seed gives the hosts, the
dates, the format, the officials and their remarks, and the institutions; the rooms,
the times and the daily themes of the expert discussions are plausible choices.
"""
from datetime import date

from planner.demo.spec import InstitutionSpec, MeetingSpec, PersonSpec, RegistrationSpec, RoomSpec, SessionSpec
from planner.domain.vocabulary import AttendanceMode as Mode
from planner.domain.vocabulary import DayMode, MeetingFormat, ParticipantRole, Role, SessionKind as Kind
from planner.domain.vocabulary import InstitutionKind as IK

OPENING_DAY = date(2021, 10, 15)
DISCUSSION_DAYS = [date(2021, 10, day) for day in range(18, 23)]
MAIN, ROOM_2 = "Main Conference Room", "Meeting Room 2"

NATIONAL_INSTITUTIONS = (
    InstitutionSpec("NCTC", "National Counter-Terrorism Center", IK.GOVERNMENT, "NCTC", "Republic of Korea"),
    InstitutionSpec("NIS", "National Intelligence Service", IK.GOVERNMENT, "NIS", "Republic of Korea"),
    InstitutionSpec("MND", "Ministry of National Defense", IK.GOVERNMENT, "MND", "Republic of Korea"),
    InstitutionSpec("MOJ", "Ministry of Justice", IK.GOVERNMENT, "MOJ", "Republic of Korea"),
    InstitutionSpec("KNPA", "Korean National Police Agency", IK.GOVERNMENT, "KNPA", "Republic of Korea"),
    InstitutionSpec("KCS", "Korea Customs Service", IK.GOVERNMENT, "KCS", "Republic of Korea"),
    InstitutionSpec(
        "MOLIT", "Ministry of Land, Infrastructure and Transport", IK.GOVERNMENT, "MOLIT", "Republic of Korea"
    ),
    InstitutionSpec("MOF", "Ministry of Oceans and Fisheries", IK.GOVERNMENT, "MOF", "Republic of Korea"),
    InstitutionSpec("IIA", "Incheon International Airport", IK.GOVERNMENT, "", "Republic of Korea"),
    InstitutionSpec("IPA", "Incheon Port Authority & Customs", IK.GOVERNMENT, "", "Republic of Korea"),
    InstitutionSpec("KCG", "Korea Coast Guard", IK.GOVERNMENT, "KCG", "Republic of Korea"),
)

INSTITUTIONS = (
    InstitutionSpec("MOFA", "Ministry of Foreign Affairs", IK.GOVERNMENT, "MOFA", "Republic of Korea"),
    InstitutionSpec("UNCCT", "United Nations Counter-Terrorism Centre", IK.INTERNATIONAL, "UNCCT"),
    InstitutionSpec("IOM", "International Organization for Migration", IK.INTERNATIONAL, "IOM"),
    InstitutionSpec("WCO", "World Customs Organization", IK.INTERNATIONAL, "WCO"),
    InstitutionSpec("Stimson", "Stimson Center", IK.THINK_TANK, "", "United States"),
    *NATIONAL_INSTITUTIONS,
)

PEOPLE = (
    PersonSpec("chang", "Chang Wook-jin", "Mr", "Director-General for International Organizations", "MOFA"),
    PersonSpec("khan", "Jehangir Alam Khan", "Mr", "Director", "UNCCT"),
    PersonSpec("finlay", "Brian Finlay", "Mr", "President", "Stimson"),
    PersonSpec(
        "thuriaux", "Damien Thuriaux", "Mr", "Head of the Immigration and Border Management Division", "IOM"
    ),
    PersonSpec("jung", "Jung Ji-hun", "Mr", "Director General", "NCTC"),
)

# Each discussion day: a theme and the national institutions presenting their practice.
DISCUSSION_THEMES = (
    ("Airports and aviation", "Incheon International Airport, the Ministry of Land, Infrastructure and "
     "Transport and the Korea Customs Service"),
    ("Ports and maritime borders", "the Ministry of Oceans and Fisheries, Incheon Port Authority & Customs "
     "and the Korea Coast Guard"),
    ("Immigration and law enforcement", "the Ministry of Justice and the Korean National Police Agency"),
    ("Counter-terrorism coordination and intelligence", "the National Counter-Terrorism Center, the National "
     "Intelligence Service and the Ministry of National Defense"),
)


def _discussion_day(number: int, day: date, theme: str, presenters: str) -> tuple[SessionSpec, ...]:
    key = f"day{number}"
    about = (
        f"In-depth discussion of Korea's good practices in border management during the COVID-19 pandemic: "
        f"{theme.lower()}. Presentations by {presenters}, with experts of UNCCT, IOM and the WCO."
    )
    return (
        SessionSpec(f"{key}-am", f"Expert discussion: {theme}", Kind.WORKING, day, "09:30", "12:30", MAIN,
                    Mode.HYBRID, thematic_area=theme, description=about),
        SessionSpec(f"{key}-coffee", "Coffee break", Kind.BREAK, day, "10:45", "11:00", MAIN, Mode.IN_PERSON,
                    parent=f"{key}-am"),
        SessionSpec(f"{key}-lunch", "Lunch", Kind.LUNCH, day, "12:30", "14:00", ROOM_2, Mode.IN_PERSON),
        SessionSpec(f"{key}-pm", f"Expert discussion: {theme} (continued)", Kind.WORKING, day, "14:00", "16:30",
                    MAIN, Mode.HYBRID, thematic_area=theme,
                    description="Questions and answers, and good practices to carry into the Addendum."),
    )


SESSIONS = (
    SessionSpec(
        "opening", "Opening session", Kind.OPENING, OPENING_DAY, "10:00", "11:00", MAIN, Mode.HYBRID,
        description="Opening of the Expert Group Meeting for the Joint UNCCT-Republic of Korea Initiative, "
        "held in a hybrid online and offline format.",
    ),
    SessionSpec(
        "remarks-chang", "Opening remarks", Kind.REMARKS, OPENING_DAY, "10:00", "10:10", MAIN, Mode.HYBRID,
        roles=((Role.SPEAKER, "chang"),), parent="opening",
        description="Korea's effective border management using cutting-edge technology in the face of border "
        "closures due to COVID-19, and its contribution to the border management capabilities of "
        "United Nations member states.",
    ),
    SessionSpec(
        "remarks-khan", "Opening remarks", Kind.REMARKS, OPENING_DAY, "10:10", "10:20", MAIN, Mode.HYBRID,
        roles=((Role.SPEAKER, "khan"),), parent="opening",
        description="Korea as one of the closest partners of the UN Office of Counter-Terrorism, and continued "
        "cooperation on counter-terrorism.",
    ),
    SessionSpec(
        "congratulatory", "Congratulatory remarks", Kind.REMARKS, OPENING_DAY, "10:20", "10:40", MAIN,
        Mode.HYBRID, roles=((Role.SPEAKER, "finlay"), (Role.SPEAKER, "thuriaux"), (Role.SPEAKER, "jung")),
        parent="opening",
        description="On the timeliness of the project and the commitment to further engagement.",
    ),
    SessionSpec("opening-coffee", "Coffee break", Kind.BREAK, OPENING_DAY, "11:00", "11:20", MAIN,
                Mode.IN_PERSON),
    SessionSpec(
        "overview", "The Initiative and the programme of the expert discussions", Kind.WORKING, OPENING_DAY,
        "11:20", "12:30", MAIN, Mode.HYBRID, thematic_area="Border security and management",
        description="The Joint UNCCT-Republic of Korea Initiative to expand the UNCCT Border Security and "
        "Management Good Practices in response to the COVID-19 pandemic, and the plan for 18-22 October.",
    ),
    *(
        session
        for number, (day, (theme, presenters)) in enumerate(zip(DISCUSSION_DAYS, DISCUSSION_THEMES), start=1)
        for session in _discussion_day(number, day, theme, presenters)
    ),
    SessionSpec(
        "addendum", "Towards the Addendum to the Border Security and Management Good Practices", Kind.WORKING,
        DISCUSSION_DAYS[-1], "09:30", "12:00", MAIN, Mode.HYBRID, thematic_area="Border security and management",
        description="Review of the week's findings; outline of the Addendum to be developed around December.",
    ),
    SessionSpec("addendum-coffee", "Coffee break", Kind.BREAK, DISCUSSION_DAYS[-1], "10:45", "11:00", MAIN,
                Mode.IN_PERSON, parent="addendum"),
    SessionSpec("closing", "Closing session", Kind.CLOSING, DISCUSSION_DAYS[-1], "12:00", "12:30", MAIN,
                Mode.HYBRID),
)

IN_ROOM, ONLINE = DayMode.IN_ROOM, DayMode.ONLINE

REGISTRATIONS = (
    RegistrationSpec("chang", ParticipantRole.DELEGATE, "Asia/Seoul", {OPENING_DAY: IN_ROOM}),
    RegistrationSpec(
        "khan", ParticipantRole.EXPERT, "America/New_York",
        {OPENING_DAY: IN_ROOM, **{day: IN_ROOM for day in DISCUSSION_DAYS}},
    ),
    RegistrationSpec("finlay", ParticipantRole.OBSERVER, "America/New_York", {OPENING_DAY: ONLINE}),
    RegistrationSpec(
        "thuriaux", ParticipantRole.EXPERT, "Europe/Zurich",
        {OPENING_DAY: ONLINE, DISCUSSION_DAYS[0]: ONLINE, DISCUSSION_DAYS[1]: ONLINE},
    ),
    RegistrationSpec("jung", ParticipantRole.DELEGATE, "Asia/Seoul", {OPENING_DAY: IN_ROOM, DISCUSSION_DAYS[3]: IN_ROOM}),
)

MEETING = MeetingSpec(
    slug="egm-border-management-2021",
    title="Expert Group Meeting: Joint UNCCT-Republic of Korea Initiative to expand the UNCCT Border Security "
    "and Management Good Practices in response to the COVID-19 pandemic",
    short_name="EGM Border Management 2021",
    hosts="Ministry of Foreign Affairs of the Republic of Korea; United Nations Counter-Terrorism Centre (UNCCT)",
    description="An opening on 15 October 2021 in a hybrid online and offline format, then in-depth expert "
    "discussions on Korea's good practices from 18 to 22 October with experts from 11 national institutions "
    "and from international organisations (UNCCT, IOM, WCO). The Addendum to the Border Security and "
    "Management Good Practices will be developed from its results.",
    first_day=OPENING_DAY,
    last_day=DISCUSSION_DAYS[-1],
    timezone="Asia/Seoul",
    venue="Seoul, Republic of Korea",
    format=MeetingFormat.HYBRID,
    online_link="https://meet.example.org/egm-border-management-2021",
    contact_email="egm-secretariat@example.org",
    rooms=(RoomSpec(MAIN, 60), RoomSpec(ROOM_2, 24), RoomSpec("Online", None, online_only=True)),
    institutions=INSTITUTIONS,
    people=PEOPLE,
    sessions=SESSIONS,
    registrations=REGISTRATIONS,
)
