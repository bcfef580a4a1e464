"""Reading who attends which day, counted by the domain's rules."""
from datetime import date

from sqlalchemy import select

from planner.domain.headcounts import DayHeadcount, Headcount, count_days, count_session
from planner.extensions import db
from planner.models import DayAttendance, Meeting, Registration


def day_headcounts(meeting: Meeting) -> dict[date, DayHeadcount]:
    rows = db.session.execute(
        select(Registration.person_id, DayAttendance.day, DayAttendance.mode)
        .join(DayAttendance, DayAttendance.registration_id == Registration.id)
        .where(Registration.meeting_id == meeting.id)
    ).all()
    return count_days(rows)


def session_headcounts(meeting: Meeting, sessions, days: dict[date, DayHeadcount] | None = None) -> dict[int, Headcount]:
    days = day_headcounts(meeting) if days is None else days
    return {s.id: count_session(s.starts_at, s.attendance_mode, meeting.timezone, days) for s in sessions}
