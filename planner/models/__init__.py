"""The database models, one module per aggregate."""
from planner.models.agenda import Session, SessionRole
from planner.models.attendance import DayAttendance, Registration
from planner.models.meeting import Meeting, Room
from planner.models.people import Institution, Person

__all__ = ["DayAttendance", "Institution", "Meeting", "Person", "Registration", "Room", "Session", "SessionRole"]
