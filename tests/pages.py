"""Every page of the URL map a person reads, with the records that make each one show something: the public
pages, the personal page, the organisers' pages (the check-in desk and the printed documents among them). The
accessibility checks and the check that no page mixes languages both walk it; a new page that is not listed here
fails `test_every_page_of_the_url_map_is_checked`."""
from datetime import timedelta

from planner import create_app
from planner.database import utcnow
from planner.domain.badges import BadgeClaim, badge_code
from planner.domain.vocabulary import OfficerRole, ParticipantRole, Role, TeamRole
from planner.extensions import db
from planner.operations.accounts import create_organiser, start_password_reset
from planner.operations.agenda import assign_role
from planner.operations.officers import add_officer
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.printing import update_print_settings
from planner.operations.team import grant_role, invite
from tests.integration.document_support import put_document
from tests.integration.presence_support import build_small_meeting

PASSWORD = "correct horse battery"
E = "/events/egm"
PUBLIC = ["/", f"{E}/", f"{E}/days/2021-10-18", f"{E}/sessions/{{session}}", f"{E}/institutions/",
          f"{E}/institutions/{{institution}}", f"{E}/people/", f"{E}/people/{{person}}", f"{E}/programme",
          f"{E}/programme/2021-10-18", f"{E}/participants", f"{E}/register", "/my/{token}", "/my/{token}/programme",
          "/login", "/password-reset", "/password-reset/{reset}", "/team/join/{invitation}"]
ORGANISER = [
    "/organise/", "/organise/account", "/organise/accounts", "/organise/tokens", "/organise/trash",
    "/organise/meetings/new", "/organise/meetings/import",
    f"{E}/organise/", f"{E}/organise/edit", f"{E}/organise/publish", f"{E}/organise/copy", f"{E}/organise/delete",
    f"{E}/organise/team", f"{E}/organise/history", f"{E}/organise/conflicts", f"{E}/organise/burden",
    f"{E}/organise/timetable/2021-10-18", f"{E}/organise/sessions/", f"{E}/organise/sessions/new",
    f"{E}/organise/sessions/{{session}}/edit", f"{E}/organise/sessions/{{session}}/delete",
    f"{E}/organise/rooms/", f"{E}/organise/rooms/{{room}}/edit", f"{E}/organise/rooms/{{room}}/delete",
    f"{E}/organise/people/", f"{E}/organise/institutions/", f"{E}/organise/bureau", f"{E}/organise/agenda-import",
    f"{E}/organise/participants/", f"{E}/organise/participants/new",
    f"{E}/organise/participants/{{registration}}/edit", f"{E}/organise/participants/{{registration}}/delete",
    f"{E}/organise/participants/list", f"{E}/organise/printing", f"{E}/organise/badges", f"{E}/organise/name-plates",
    f"{E}/organise/check-in/2021-10-18", f"{E}/organise/check-in/badge/{{badge}}",
    f"{E}/organise/attendance", f"{E}/organise/attendance/online", f"{E}/organise/invitations",
    f"{E}/organise/documents", f"{E}/organise/documents/{{document}}",
    f"{E}/organise/documents/{{document}}/delete", f"{E}/organise/documents/{{document}}/languages/en/delete",
    "/logout",  # last: it asks to confirm signing out
]
# Addresses that answer with a file, or only send the reader on: nothing for a person to read there.
NOT_PAGES = {
    "calendars.meeting_feed", "calendars.day_file", "calendars.session_file", "calendars.personal_feed",
    "documents.pack", "documents.download", "documents.personal_pack", "documents.personal_download",
    "organise.revision_download", "organise.agenda_template", "organise.export_meeting", "organise.attendance_csv",
    "organise.participant_list_file", "organise.check_in_start", "organise.timetable_start", "static", "favicon",
    # Pages with the same templates as ones above, reached only from a record that these fixtures do not make.
    "organise.invitation_batch", "organise.online_report", "organise.delete_report",
}


def build_every_page(make) -> dict:
    """Records for every page; the values fill in the addresses' {placeholders}."""
    small = build_small_meeting(make)
    grant_role(small.meeting, create_organiser("organiser@example.org", PASSWORD, administrator=True),
               TeamRole.ORGANISER, actor=None)
    # A person page is public only for someone holding a role in a public session.
    session, speaker = small.meeting.sessions[0], small.meeting.people[0]
    assign_role(session, speaker, Role.SPEAKER, on_behalf_of="UNMAS and UNDP")
    add_officer(small.meeting, speaker, OfficerRole.CO_CHAIR)
    registration = next(iter(small.registrations.values()))
    update_print_settings(small.meeting, list_published=True, public_roles=[ParticipantRole.EXPERT.value],
                          family_names_in_capitals=True, role_colours={}, actor=None)
    small.meeting.registration_open = True
    small.meeting.registration_closes_at = utcnow() + timedelta(days=3)
    _, invitation = invite(small.meeting, "colleague@example.org", TeamRole.DOOR_STAFF, actor=None)
    reset = start_password_reset(create_organiser("forgetful@example.org", PASSWORD))
    token = issue_personal_token(registration, actor=None)
    db.session.commit()
    document = put_document(small.meeting)
    return dict(session=session.id, person=speaker.id, institution=speaker.institution_id,
                room=small.meeting.rooms[0].id, registration=registration.id, token=token, reset=reset,
                invitation=invitation, document=document.id,
                badge=badge_code("test-secret", BadgeClaim(small.meeting.id, registration.id, 1)))


def pages_not_listed() -> set[str]:
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x"})
    checked = {_endpoint(app, address) for address in PUBLIC + ORGANISER}
    pages = {rule.endpoint for rule in app.url_map.iter_rules()
             if "GET" in rule.methods and not rule.rule.startswith("/api/")}
    return pages - checked - NOT_PAGES


def _endpoint(app, address: str) -> str:
    adapter = app.url_map.bind("localhost")
    sample = address.replace("{token}", "t").replace("{reset}", "r").replace("{invitation}", "i") \
        .replace("{badge}", "b")
    for name in ("session", "person", "institution", "room", "registration", "document"):
        sample = sample.replace("{" + name + "}", "1")
    return adapter.match(sample, method="GET")[0]
