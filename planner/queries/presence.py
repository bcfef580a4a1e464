"""What the check-in desk, the attendance report and the report imports read, in a fixed number of queries."""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import selectinload

from planner.domain.attendance_report import (
    NO_INSTITUTION, AttendanceReport, OnlineSpan, Participant, SessionSlot, attendance_report,
)
from planner.domain.check_in import DoorLine
from planner.domain.names import email_key, fold, name_key, search_text
from planner.domain.vocabulary import DayMode, SessionKind, SessionStatus
from planner.extensions import db
from planner.queries.registrations import day_modes
from planner.models import (
    CheckIn, DayAttendance, Institution, Meeting, OnlineAttendance, OnlineReport, Person, Registration, Session, User,
)


def door_list(meeting: Meeting, day: date) -> list[DoorLine]:
    """Everyone registered for the meeting, with how they registered for ``day`` and whether they are checked in."""
    rows = db.session.execute(
        select(Registration.id, Person.honorific, Person.name, Institution.name, Institution.acronym,
               DayAttendance.mode, CheckIn.checked_in_at, User.name, User.email)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Institution, Institution.id == Person.institution_id)
        .outerjoin(DayAttendance, and_(DayAttendance.registration_id == Registration.id, DayAttendance.day == day))
        .outerjoin(CheckIn, and_(CheckIn.registration_id == Registration.id, CheckIn.day == day))
        .outerjoin(User, User.id == CheckIn.checked_in_by_id)
        .where(Registration.meeting_id == meeting.id)
    ).all()
    lines = [
        (fold(name), DoorLine(
            registration_id=registration_id,
            name=f"{honorific} {name}" if honorific else name,
            institution=acronym or institution or "",
            mode=mode or DayMode.ABSENT,
            checked_in_at=checked_in_at,
            checked_in_by=by_name or by_email or "",
            search_text=search_text(name),
        ))
        for registration_id, honorific, name, institution, acronym, mode, checked_in_at, by_name, by_email in rows
    ]
    return [line for _, line in sorted(lines, key=lambda pair: (pair[0], pair[1].registration_id))]


def meeting_attendance(meeting: Meeting) -> AttendanceReport:
    """Registered against actual for the meeting, its days and its sessions (not breaks, not cancelled ones)."""
    people = db.session.execute(
        select(Registration.id, Person.institution_id, Institution.kind)
        .join(Person, Person.id == Registration.person_id)
        .outerjoin(Institution, Institution.id == Person.institution_id)
        .where(Registration.meeting_id == meeting.id)
    ).all()
    modes = day_modes(meeting)
    check_ins = db.session.execute(
        select(CheckIn.registration_id, CheckIn.day).join(Registration).where(Registration.meeting_id == meeting.id)
    ).all()
    spans = [
        OnlineSpan(registration_id, _identity(name, email), joined_at, left_at)
        for registration_id, name, email, joined_at, left_at in db.session.execute(
            select(OnlineAttendance.registration_id, OnlineAttendance.name, OnlineAttendance.email,
                   OnlineAttendance.joined_at, OnlineAttendance.left_at)
            .where(OnlineAttendance.meeting_id == meeting.id)
        )
    ]
    sessions = db.session.execute(
        select(Session.id, Session.title, Session.starts_at, Session.ends_at)
        .where(Session.meeting_id == meeting.id, Session.deleted_at.is_(None),
               Session.status != SessionStatus.CANCELLED, Session.kind.not_in([SessionKind.BREAK, SessionKind.LUNCH]))
    ).all()
    return attendance_report(
        [Participant(registration_id, institution_id, kind.value if kind else NO_INSTITUTION, modes[registration_id])
         for registration_id, institution_id, kind in people],
        [(registration_id, day) for registration_id, day in check_ins],
        spans,
        [SessionSlot(*row) for row in sessions],
        meeting.days, meeting.timezone,
    )


def _identity(name: str, email: str) -> str:
    """Who an unmatched connection stands for, so one person's reconnections count once."""
    return f"email:{email_key(email)}" if email_key(email) else f"name:{name_key(name)}"


@dataclass(frozen=True)
class ReportSummary:
    report: OnlineReport
    connections: int
    matched: int


def online_reports(meeting: Meeting) -> list[ReportSummary]:
    rows = db.session.execute(
        select(OnlineReport, func.count(OnlineAttendance.id), func.count(OnlineAttendance.registration_id))
        .outerjoin(OnlineAttendance, OnlineAttendance.report_id == OnlineReport.id)
        .where(OnlineReport.meeting_id == meeting.id)
        .group_by(OnlineReport.id)
        .order_by(OnlineReport.imported_at.desc(), OnlineReport.id.desc())
        .options(selectinload(OnlineReport.imported_by))
    ).all()
    return [ReportSummary(report, connections, matched) for report, connections, matched in rows]


def unmatched_connections(meeting: Meeting) -> Sequence[OnlineAttendance]:
    return db.session.scalars(
        select(OnlineAttendance).options(selectinload(OnlineAttendance.report))
        .where(OnlineAttendance.meeting_id == meeting.id, OnlineAttendance.registration_id.is_(None))
        .order_by(OnlineAttendance.name, OnlineAttendance.email, OnlineAttendance.joined_at)
    ).all()


def report_connections(report: OnlineReport) -> Sequence[OnlineAttendance]:
    return db.session.scalars(
        select(OnlineAttendance)
        .options(selectinload(OnlineAttendance.registration).selectinload(Registration.person))
        .where(OnlineAttendance.report_id == report.id)
        .order_by(OnlineAttendance.line)
    ).all()
