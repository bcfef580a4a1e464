"""Recording who actually came: check-ins at the door and imported online attendance reports."""
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from planner.domain.errors import InvalidInput
from planner.domain.intervals import days_touched
from planner.domain.matching import Match, Registrant, Registrants
from planner.domain.platform_report import ReportRow, file_digest, read_platform_report
from planner.domain.timezones import is_known_zone, unknown_zone_message
from planner.domain.wording import Moment, _, ngettext
from planner.extensions import db
from planner.models import CheckIn, Meeting, OnlineAttendance, OnlineReport, Person, Registration, User
from planner.operations import records

MAX_FILENAME_LENGTH = 255


# Check-in at the door

def find_check_in(registration: Registration, day: date) -> CheckIn | None:
    return db.session.scalar(select(CheckIn).where(CheckIn.registration_id == registration.id, CheckIn.day == day))


def check_in(registration: Registration, day: date, *, actor: User | None) -> CheckIn:
    """Check a participant in for ``day``. Already checked in, they stay as they were: two people at the
    door may tick the same person, and the first tick is the one that counts."""
    meeting = registration.meeting
    if day not in meeting.days:
        raise InvalidInput("day", _("%(day)s is not a day of this meeting.",
                                    day=Moment(f"{day:%d %B %Y}", "day_month_year", day)))
    existing = find_check_in(registration, day)
    if existing is not None:
        return existing
    person = registration.person
    entry = CheckIn(registration_id=registration.id, day=day, checked_in_by_id=actor.id if actor else None)
    return records.created(entry, meeting_id=meeting.id, actor=actor,
                           summary=_("Checked in %(name)s on %(day)s", name=person.name, day=_on(day)))


def undo_check_in(registration: Registration, day: date, *, actor: User | None) -> bool:
    """Take back a check-in; whether there was one to take back."""
    existing = find_check_in(registration, day)
    if existing is None:
        return False
    records.deleted(existing, meeting_id=registration.meeting_id, actor=actor,
                    summary=_("Undid the check-in of %(name)s on %(day)s", name=registration.person.name,
                              day=_on(day)))
    return True


# Online attendance reports

@dataclass
class ImportOutcome:
    """What importing a report did. ``report`` is None when nothing new was stored."""

    report: OnlineReport | None = None
    already_imported: OnlineReport | None = None
    rows_in_file: int = 0
    duplicate_rows: int = 0
    stored: list[tuple[ReportRow, Match]] = field(default_factory=list)
    outside_meeting_days: list[ReportRow] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return sum(1 for _, match in self.stored if match.matched)

    @property
    def unmatched(self) -> list[tuple[ReportRow, Match]]:
        return [(row, match) for row, match in self.stored if not match.matched]


def import_online_report(meeting: Meeting, data: bytes, *, filename: str, zone_name: str,
                         actor: User | None) -> ImportOutcome:
    """Store a platform's attendance report, every row or none.

    The same file is recognised by its content and imported once; a row already
    stored from another file (the same person, email and times) is not stored twice.
    Raises ``InvalidInput`` for a bad zone and ``UnreadableReport`` for a file with
    any row that cannot be read.
    """
    zone_name = (zone_name or "").strip()
    if not is_known_zone(zone_name):
        raise InvalidInput("timezone", unknown_zone_message(zone_name, meeting.timezone))
    digest = file_digest(data)
    earlier = db.session.scalar(
        select(OnlineReport).where(OnlineReport.meeting_id == meeting.id, OnlineReport.content_sha256 == digest)
    )
    if earlier is not None:
        return ImportOutcome(already_imported=earlier)
    rows = read_platform_report(data, zone_name)
    outcome = ImportOutcome(rows_in_file=len(rows), outside_meeting_days=[
        row for row in rows if not days_touched(row.joined_at, row.left_at, meeting.days, meeting.timezone)
    ])
    seen = _stored_fingerprints(meeting)
    new_rows = []
    for row in rows:
        if row.fingerprint not in seen:
            seen.add(row.fingerprint)
            new_rows.append(row)
    outcome.duplicate_rows = len(rows) - len(new_rows)
    if not new_rows:
        return outcome
    registrants = _registrants(meeting)
    outcome.stored = [(row, registrants.match(row.name, row.email)) for row in new_rows]
    name = (filename or "").strip()[:MAX_FILENAME_LENGTH] or "report.csv"
    report = OnlineReport(
        meeting_id=meeting.id, filename=name, content_sha256=digest, timezone=zone_name,
        rows_in_file=len(rows), duplicate_rows=outcome.duplicate_rows,
        imported_by_id=actor.id if actor else None,
    )
    records.created(report, meeting_id=meeting.id, actor=actor, summary=_(
        "Imported the online attendance report “%(name)s”: %(connections)s, %(matched)s, %(unmatched)s", name=name,
        connections=ngettext("%(num)d connection", "%(num)d connections", len(new_rows)),
        matched=ngettext("%(num)d matched to registrations", "%(num)d matched to registrations", outcome.matched),
        unmatched=ngettext("%(num)d not matched", "%(num)d not matched", len(outcome.unmatched))))
    db.session.add_all([
        OnlineAttendance(
            meeting_id=meeting.id, report_id=report.id, registration_id=match.registration_id, line=row.line,
            name=row.name, email=row.email, joined_at=row.joined_at, left_at=row.left_at, matched_by=match.by,
            unmatched_reason=match.reason[:200], fingerprint=row.fingerprint,
        )
        for row, match in outcome.stored
    ])
    db.session.flush()
    outcome.report = report
    return outcome


def delete_online_report(report: OnlineReport, *, actor: User | None) -> None:
    """Remove an imported report and every connection it brought."""
    records.deleted(report, meeting_id=report.meeting_id, actor=actor,
                    summary=_("Removed the online attendance report “%(name)s”", name=report.filename))


def _on(day: date) -> Moment:
    return Moment(f"{day:%a %d %b %Y}", "day_year", day)


def _stored_fingerprints(meeting: Meeting) -> set[str]:
    query = select(OnlineAttendance.fingerprint).where(OnlineAttendance.meeting_id == meeting.id)
    return set(db.session.scalars(query))


def _registrants(meeting: Meeting) -> Registrants:
    rows: Sequence = db.session.execute(
        select(Registration.id, Person.name, Person.email)
        .join(Person, Person.id == Registration.person_id)
        .where(Registration.meeting_id == meeting.id)
    ).all()
    return Registrants(Registrant(registration_id, (name,), email) for registration_id, name, email in rows)
