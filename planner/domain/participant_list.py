"""The list of participants as a protocol office prints it: the bureau first, then delegations grouped by
kind of institution (governments by country, in alphabetical order), each person as they write their name.

Pure: plain entries in, the ordered groups and their spreadsheet rows out. The page, the CSV file and the
.xlsx file are all made from ``participant_list``, so they can never list people in different orders.
"""
from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from planner.domain.names import fold
from planner.domain.vocabulary import N_, DayMode, InstitutionKind, ParticipantRole

# The order delegations are listed in, by the kind of their institution. Kinds a meeting does not use
# are simply not there.
KIND_ORDER: tuple[str, ...] = tuple(kind.value for kind in (
    InstitutionKind.GOVERNMENT, InstitutionKind.INTERNATIONAL, InstitutionKind.REGIONAL,
    InstitutionKind.CIVIL_SOCIETY, InstitutionKind.THINK_TANK, InstitutionKind.ACADEMIA, InstitutionKind.PRIVATE,
))
NO_INSTITUTION_HEADING = N_("Other participants")

# Particles that belong to a family name written last ("Ursula VON DER LEYEN", "Luis DE LA CRUZ").
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du",
                        "la", "le", "ten", "ter", "bin", "binti", "al", "el", "y"})


def family_name_in_capitals(name: str) -> str:
    """The name with its family name in capitals, as lists of participants write it: "CHANG Wook-jin",
    "Ana María GARCÍA", "Ursula VON DER LEYEN".

    A Korean or Chinese name romanised with a hyphenated given name ("Chang Wook-jin") puts the family
    name first; other names put it last. A name of one word has no family name, a name already written
    with a word in capitals says which it is, and a script without capitals (Hangul) stays as written.
    """
    words = name.split()
    if len(words) < 2 or any(_is_capitalised(word) for word in words):
        return name
    if "-" in words[-1] and "-" not in words[0]:
        first_of_family, last_of_family = 0, 0
    else:
        first_of_family = last_of_family = len(words) - 1
        while first_of_family > 1 and words[first_of_family - 1].casefold() in _PARTICLES:
            first_of_family -= 1
    return " ".join(word.upper() if first_of_family <= index <= last_of_family else word
                    for index, word in enumerate(words))


def _is_capitalised(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def written_name(honorific: str, name: str, *, capitals: bool) -> str:
    """Honorific and name as printed: "Mr CHANG Wook-jin" (with ``capitals``), "Mr Chang Wook-jin" without."""
    shown = family_name_in_capitals(name) if capitals else name
    return f"{honorific} {shown}" if honorific else shown


@dataclass(frozen=True)
class Entry:
    """One registered participant, with what the list can print of them."""

    registration_id: int
    honorific: str
    name: str
    position: str
    institution: str  # its name, "" for none
    acronym: str
    country: str
    kind: str | None  # an InstitutionKind value, None without an institution
    role: ParticipantRole
    modes: Mapping[date, DayMode] = field(default_factory=dict)
    bureau_title: str = ""  # "Chair", "Vice-chair": the person's office in the meeting's bureau, if any
    bureau_rank: tuple[int, int] = (0, 0)  # the bureau's own order: the office's, then the organiser's

    def mode_on(self, day: date) -> DayMode:
        return self.modes.get(day, DayMode.ABSENT)

    def attends(self, day: date | None, how: DayMode | None) -> bool:
        """Whether the person attends on ``day`` (any day for None), in the way ``how`` (either way for None)."""
        modes = [self.mode_on(day)] if day else list(self.modes.values())
        wanted = {how} if how else {DayMode.IN_ROOM, DayMode.ONLINE}
        return any(mode in wanted for mode in modes)

    def attendance(self, day: date | None) -> str:
        """How they attend, in words (English, marked for the catalogues): that day's way, or over the whole meeting."""
        modes = {self.mode_on(day)} if day else set(self.modes.values())
        modes.discard(DayMode.ABSENT)
        if modes == {DayMode.IN_ROOM, DayMode.ONLINE}:
            return N_("In the room and online")
        return next(iter(modes)).label if modes else DayMode.ABSENT.label


@dataclass(frozen=True)
class Group:
    """People listed under one heading: a country and one of its institutions, or an institution alone."""

    section: str  # the kind's label ("Government", "International organisation"), or "Bureau"
    heading: str  # the country for governments, else the institution
    subheading: str  # the institution within a country, else ""
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class ListChoice:
    """What the reader asked the list for."""

    day: date | None = None
    attendance: DayMode | None = None
    roles: frozenset[ParticipantRole] = frozenset(ParticipantRole)

    def keeps(self, entry: Entry) -> bool:
        return entry.role in self.roles and (
            (self.day is None and self.attendance is None) or entry.attends(self.day, self.attendance))


BUREAU = N_("Bureau")


def participant_list(entries: Iterable[Entry], choice: ListChoice = ListChoice()) -> list[Group]:
    """The groups of the list in the order they print: the bureau first (its members are not listed again
    with their delegation), then delegations by kind of institution."""
    kept = [entry for entry in entries if choice.keeps(entry)]
    bureau = sorted((entry for entry in kept if entry.bureau_title), key=lambda entry: (entry.bureau_rank,
                                                                                          _person_key(entry)))
    groups = [Group(BUREAU, "", "", tuple(bureau))] if bureau else []
    grouped: dict[tuple, list[Entry]] = {}
    for entry in kept:
        if not entry.bureau_title:
            grouped.setdefault(_group_key(entry), []).append(entry)
    for key in sorted(grouped):
        members = sorted(grouped[key], key=_person_key)
        groups.append(Group(_section(members[0].kind), *_headings(members[0]), tuple(members)))
    return groups


def _headings(entry: Entry) -> tuple[str, str]:
    """What a person is listed under: a government's country, then the institution; or the institution."""
    if entry.kind == InstitutionKind.GOVERNMENT.value and entry.country:
        return entry.country, _institution(entry)
    return _institution(entry), ""


def _group_key(entry: Entry) -> tuple:
    rank = KIND_ORDER.index(entry.kind) if entry.kind in KIND_ORDER else len(KIND_ORDER) + (entry.kind is None)
    country = fold(entry.country) if entry.kind == InstitutionKind.GOVERNMENT.value else ""
    return rank, entry.kind or "", country, fold(entry.institution), entry.institution


def _person_key(entry: Entry) -> tuple:
    return fold(entry.name), entry.registration_id


def _section(kind: str | None) -> str:
    if kind is None:
        return NO_INSTITUTION_HEADING
    known = {member.value: member.label for member in InstitutionKind}
    return known.get(kind, kind)


def _institution(entry: Entry) -> str:
    if entry.acronym and entry.acronym != entry.institution:
        return f"{entry.institution} ({entry.acronym})"
    return entry.institution


LIST_HEADER = (N_("Section"), N_("Country or institution"), N_("Institution"), N_("Honorific"), N_("Name"),
               N_("Position"), N_("Role"), N_("Office in the bureau"))
ATTENDANCE_HEADER = N_("Attendance")


def list_rows(groups: Sequence[Group], *, capitals: bool, attendance: bool, day: date | None,
              words: Callable[[str], str] = str) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """The list as spreadsheet rows, one a person, in the order the page prints them.

    ``words`` writes Planner's own words (headings, sections, roles, offices, ways of attending) in the reader's
    language (the web layer's gettext); what organisers and participants typed is left as it is.
    """
    header = tuple(map(words, LIST_HEADER + ((ATTENDANCE_HEADER,) if attendance else ())))
    rows = []
    for group in groups:
        for entry in group.entries:
            shown = family_name_in_capitals(entry.name) if capitals else entry.name
            # The bureau prints no headings of its own: its rows say each officer's delegation.
            heading, subheading = _headings(entry) if group.section == BUREAU else (group.heading, group.subheading)
            row = (words(group.section), heading, subheading, entry.honorific, shown,
                   entry.position, words(entry.role.label), words(entry.bureau_title) if entry.bureau_title else "")
            rows.append(row + ((words(entry.attendance(day)),) if attendance else ()))
    return header, rows


def roles_from(values: Collection[str]) -> frozenset[ParticipantRole]:
    """Roles named by their values; unknown names are left out (the caller says which it refused)."""
    known = {role.value: role for role in ParticipantRole}
    return frozenset(known[value] for value in values if value in known)
