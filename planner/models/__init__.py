"""The database models, one module per aggregate."""
from planner.models.accounts import ApiToken, PasswordReset, SignIn, User
from planner.models.agenda import Session, SessionRole
from planner.models.attendance import DayAttendance, Registration
from planner.models.documents import Document, DocumentRevision, DocumentVersion, StoredChunk, StoredFile
from planner.models.history import Change
from planner.models.invitations import InvitationBatch, InvitationFailure, SentInvitation
from planner.models.meeting import Meeting, MeetingOfficer, Room
from planner.models.people import Institution, Person
from planner.models.presence import CheckIn, OnlineAttendance, OnlineReport
from planner.models.printing import Badge, PrintSettings
from planner.models.team import TeamInvitation, TeamMember

__all__ = [
    "ApiToken", "Badge", "Change", "CheckIn", "DayAttendance", "Document", "DocumentRevision", "DocumentVersion",
    "Institution", "InvitationBatch", "InvitationFailure", "Meeting", "MeetingOfficer", "OnlineAttendance",
    "OnlineReport", "PasswordReset", "Person", "PrintSettings", "Registration", "Room", "SentInvitation", "Session",
    "SessionRole", "SignIn", "StoredChunk", "StoredFile", "TeamInvitation", "TeamMember", "User",
]
