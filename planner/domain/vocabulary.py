"""The words of the domain: the fixed choices a meeting's data is made of."""
import enum

from planner.domain.wording import Message, pgettext


def N_(label: str) -> str:
    """Marks a label for the catalogues (gettext's no-op): pages show it translated (web.presenters.label)."""
    return label


class Choice(str, enum.Enum):
    """A fixed choice whose value is stored and whose label is shown."""

    def __new__(cls, value: str, label: str, in_sentence: Message | None = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        member._in_sentence = in_sentence
        return member

    @property
    def named(self) -> Message:
        """The label as a message, for a history summary or a refusal to say in its reader's language."""
        return Message(self.label)

    @property
    def in_sentence(self) -> Message:
        """The choice inside a sentence ("Ana is chair of “Opening”"): lower case in English, the form each
        language uses there (a choice made without one falls back on its label)."""
        return self._in_sentence if self._in_sentence is not None else self.named

    def __str__(self) -> str:
        return self.value


class MeetingFormat(Choice):
    IN_PERSON = "in_person", N_("In person")
    ONLINE = "online", N_("Online")
    HYBRID = "hybrid", N_("Hybrid")


class AttendanceMode(Choice):
    """How a session can be attended."""

    IN_PERSON = "in_person", N_("In the room")
    ONLINE = "online", N_("Online")
    HYBRID = "hybrid", N_("In the room and online")


class SessionKind(Choice):
    OPENING = "opening", N_("Opening")
    REMARKS = "remarks", N_("Remarks")
    PANEL = "panel", N_("Panel")
    WORKING = "working", N_("Working session")
    BILATERAL = "bilateral", N_("Bilateral meeting")
    ROUNDTABLE = "roundtable", N_("Roundtable")
    BREAK = "break", N_("Break")
    LUNCH = "lunch", N_("Lunch")
    RECEPTION = "reception", N_("Reception")
    CLOSING = "closing", N_("Closing")

    @property
    def is_pause(self) -> bool:
        return self in (SessionKind.BREAK, SessionKind.LUNCH)


class SessionStatus(Choice):
    TENTATIVE = "tentative", N_("Tentative")
    CONFIRMED = "confirmed", N_("Confirmed")
    CANCELLED = "cancelled", N_("Cancelled")


class Role(Choice):
    """What a person does in a session, in the order agendas list them."""

    CHAIR = "chair", N_("Chair"), pgettext("role in a sentence", "chair")
    CO_CHAIR = "co_chair", N_("Co-chair"), pgettext("role in a sentence", "co-chair")
    VICE_CHAIR = "vice_chair", N_("Vice-chair"), pgettext("role in a sentence", "vice-chair")
    MODERATOR = "moderator", N_("Moderator"), pgettext("role in a sentence", "moderator")
    SPEAKER = "speaker", N_("Speaker"), pgettext("role in a sentence", "speaker")
    PANELLIST = "panellist", N_("Panellist"), pgettext("role in a sentence", "panellist")
    RAPPORTEUR = "rapporteur", N_("Rapporteur"), pgettext("role in a sentence", "rapporteur")


class OfficerRole(Choice):
    """An office in the bureau of a whole meeting, in the order a published agenda lists them."""

    CHAIR = "chair", N_("Chair"), pgettext("role in a sentence", "chair")
    CO_CHAIR = "co_chair", N_("Co-chair"), pgettext("role in a sentence", "co-chair")
    VICE_CHAIR = "vice_chair", N_("Vice-chair"), pgettext("role in a sentence", "vice-chair")
    RAPPORTEUR = "rapporteur", N_("Rapporteur"), pgettext("role in a sentence", "rapporteur")
    SECRETARY = "secretary", N_("Secretary"), pgettext("role in a sentence", "secretary")

    @property
    def plural(self) -> str:
        return "Secretaries" if self is OfficerRole.SECRETARY else f"{self.label}s"


class InstitutionKind(Choice):
    GOVERNMENT = "government", N_("Government")
    INTERNATIONAL = "international", N_("International organisation")
    REGIONAL = "regional", N_("Regional organisation")
    CIVIL_SOCIETY = "civil_society", N_("Civil society / NGO")
    # Stored institutions of this kind were filed as "Think tank / NGO"; which were NGOs is theirs to say.
    THINK_TANK = "think_tank", N_("Think tank")
    PRIVATE = "private", N_("Private sector")
    ACADEMIA = "academia", N_("Academia")


class ParticipantRole(Choice):
    DELEGATE = "delegate", N_("Delegate"), pgettext("participant role in a sentence", "delegate")
    EXPERT = "expert", N_("Expert"), pgettext("participant role in a sentence", "expert")
    OBSERVER = "observer", N_("Observer"), pgettext("participant role in a sentence", "observer")
    STAFF = "staff", N_("Staff"), pgettext("participant role in a sentence", "staff")
    PRESS = "press", N_("Press"), pgettext("participant role in a sentence", "press")


class DayMode(Choice):
    """How a registered participant attends one day."""

    IN_ROOM = "in_room", N_("In the room"), pgettext("attendance in a sentence", "in the room")
    ONLINE = "online", N_("Online"), pgettext("attendance in a sentence", "online")
    ABSENT = "absent", N_("Not attending"), pgettext("attendance in a sentence", "not attending")


class BatchKind(Choice):
    """What one send of invitation emails carried."""

    INVITATIONS = "invitations", N_("Invitations")
    UPDATES = "updates", N_("Updates")


class BatchStatus(Choice):
    QUEUED = "queued", N_("Waiting for the mail worker")
    SENDING = "sending", N_("Sending")
    DONE = "done", N_("Done")
    FAILED = "failed", N_("Failed")

    @property
    def finished(self) -> bool:
        return self in (BatchStatus.DONE, BatchStatus.FAILED)


class TeamRole(Choice):
    """What a member of a meeting's team may do there (domain.permissions says what each may)."""

    ORGANISER = "organiser", N_("Organiser")
    DOOR_STAFF = "door_staff", N_("Door staff")
