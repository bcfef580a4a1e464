"""A meeting with a record in every table a meeting's export holds, for the export's and the trash's tests."""
import io
from datetime import date, datetime

from planner.database import utcnow
from planner.domain.documents import DocumentKind, DocumentVisibility
from planner.domain.vocabulary import BatchKind, DayMode, OfficerRole, ParticipantRole, Role, TeamRole
from planner.extensions import db
from planner.models import InvitationFailure, SentInvitation
from planner.operations.agenda import assign_role, update_session
from planner.operations.documents import upload_document
from planner.operations.file_store import Limits, Upload
from planner.operations.invitation_batches import start_batch
from planner.operations.officers import add_officer
from planner.operations.personal_tokens import issue_personal_token
from planner.operations.presence import check_in, import_online_report
from planner.operations.printing import reissue_badge, update_print_settings
from planner.operations.registrations import register_participant
from planner.operations.team import grant_role
from tests.conftest import Factory

SLUG = "egm-2021"
CONCEPT_NOTE = "The concept note of the meeting, in plain text.\n".encode() * 20
ONLINE_REPORT = (b"Name (original name),User Email,Join time,Leave time\n"
                 b"Kim Min-ji,kim@example.org,2021-10-18 09:00,2021-10-18 10:00\n")


def build_meeting(make: Factory) -> None:
    """A meeting with a record in every table an export holds."""
    meeting = make.meeting(slug=SLUG, title="EGM 2021")
    owner = make.organiser("owner@example.org", meetings=[meeting])
    grant_role(meeting, make.organiser("door@example.org"), TeamRole.DOOR_STAFF, actor=owner)
    room = make.room(meeting, "Hall A", capacity=50)
    ministry = make.institution(meeting, "Ministry of Justice", acronym="MOJ")
    kim = make.person(meeting, "Kim Min-ji", institution=ministry, email="kim@example.org")
    lee = make.person(meeting, "Lee Ji-ho")
    block = make.session(meeting, "Working block", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 12), room=room)
    make.session(meeting, "Coffee", datetime(2021, 10, 18, 10, 30), datetime(2021, 10, 18, 10, 45), parent=block)
    closing = make.session(meeting, "Closing", datetime(2021, 10, 22, 16), datetime(2021, 10, 22, 17))
    update_session(closing, actor=owner, starts=datetime(2021, 10, 22, 15), ends=datetime(2021, 10, 22, 16))
    assign_role(block, kim, Role.CHAIR, actor=owner)
    assign_role(block, lee, Role.SPEAKER, actor=owner)
    registration = register_participant(meeting, kim, role=ParticipantRole.EXPERT, actor=owner, language="ko",
                                        days={date(2021, 10, 18): DayMode.IN_ROOM, date(2021, 10, 19): DayMode.ONLINE})
    issue_personal_token(registration, actor=owner)
    check_in(registration, date(2021, 10, 18), actor=owner)
    import_online_report(meeting, ONLINE_REPORT, filename="zoom.csv", zone_name="Asia/Seoul", actor=owner)
    batch = start_batch(meeting, BatchKind.INVITATIONS, total=2, actor=owner, now=utcnow())
    db.session.add_all([SentInvitation(session_id=block.id, person_id=kim.id, sequence=0, sent_by_id=owner.id),
                        InvitationFailure(batch_id=batch.id, recipient="Lee Ji-ho <lee@example.org>",
                                          session_title="Working block", reason="550 no such mailbox")])
    add_officer(meeting, kim, OfficerRole.CHAIR, actor=owner)
    upload_document(meeting, upload=Upload("concept-note.txt", io.BytesIO(CONCEPT_NOTE)), language="en",
                    kind=DocumentKind.CONCEPT_NOTE, visibility=DocumentVisibility.PUBLIC, session=block,
                    limits=Limits(file_bytes=1_000_000, meeting_bytes=10_000_000), actor=owner)
    update_print_settings(meeting, list_published=True, public_roles=["expert"], family_names_in_capitals=True,
                          role_colours={"expert": "#336699"}, actor=owner)
    reissue_badge(registration, actor=owner)
    db.session.commit()
