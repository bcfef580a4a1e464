"""The words of the domain: the fixed choices a meeting's data is made of."""
import enum


class Choice(str, enum.Enum):
    """A fixed choice whose value is stored and whose label is shown."""

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value


class MeetingFormat(Choice):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Hybrid"


class AttendanceMode(Choice):
    """How a session can be attended."""

    IN_PERSON = "in_person", "In the room"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In the room and online"


class SessionKind(Choice):
    OPENING = "opening", "Opening"
    REMARKS = "remarks", "Remarks"
    PANEL = "panel", "Panel"
    WORKING = "working", "Working session"
    BILATERAL = "bilateral", "Bilateral meeting"
    ROUNDTABLE = "roundtable", "Roundtable"
    BREAK = "break", "Break"
    LUNCH = "lunch", "Lunch"
    RECEPTION = "reception", "Reception"
    CLOSING = "closing", "Closing"

    @property
    def is_pause(self) -> bool:
        return self in (SessionKind.BREAK, SessionKind.LUNCH)


class SessionStatus(Choice):
    TENTATIVE = "tentative", "Tentative"
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"


class Role(Choice):
    """What a person does in a session, in the order agendas list them."""

    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    MODERATOR = "moderator", "Moderator"
    SPEAKER = "speaker", "Speaker"
    PANELLIST = "panellist", "Panellist"
    RAPPORTEUR = "rapporteur", "Rapporteur"


class OfficerRole(Choice):
    """An office in the bureau of a whole meeting, in the order a published agenda lists them."""

    CHAIR = "chair", "Chair"
    CO_CHAIR = "co_chair", "Co-chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    RAPPORTEUR = "rapporteur", "Rapporteur"
    SECRETARY = "secretary", "Secretary"

    @property
    def plural(self) -> str:
        return "Secretaries" if self is OfficerRole.SECRETARY else f"{self.label}s"


class InstitutionKind(Choice):
    GOVERNMENT = "government", "Government"
    INTERNATIONAL = "international", "International organisation"
    REGIONAL = "regional", "Regional organisation"
    CIVIL_SOCIETY = "civil_society", "Civil society / NGO"
    # Stored institutions of this kind were filed as "Think tank / NGO"; which were NGOs is theirs to say.
    THINK_TANK = "think_tank", "Think tank"
    PRIVATE = "private", "Private sector"
    ACADEMIA = "academia", "Academia"


class ParticipantRole(Choice):
    DELEGATE = "delegate", "Delegate"
    EXPERT = "expert", "Expert"
    OBSERVER = "observer", "Observer"
    STAFF = "staff", "Staff"
    PRESS = "press", "Press"


class DayMode(Choice):
    """How a registered participant attends one day."""

    IN_ROOM = "in_room", "In the room"
    ONLINE = "online", "Online"
    ABSENT = "absent", "Not attending"


class BatchKind(Choice):
    """What one send of invitation emails carried."""

    INVITATIONS = "invitations", "Invitations"
    UPDATES = "updates", "Updates"


class BatchStatus(Choice):
    QUEUED = "queued", "Waiting for the mail worker"
    SENDING = "sending", "Sending"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"

    @property
    def finished(self) -> bool:
        return self in (BatchStatus.DONE, BatchStatus.FAILED)


class TeamRole(Choice):
    """What a member of a meeting's team may do there (domain.permissions says what each may)."""

    ORGANISER = "organiser", "Organiser"
    DOOR_STAFF = "door_staff", "Door staff"
