"""How people and institutions are named on pages and in files, and listed by institution.

Shared by the stored records (planner.models) and the read-only copies a whole agenda is
loaded into (planner.queries.listing), so the two can never name someone differently.
"""


class PersonNaming:
    __slots__ = ()
    honorific: str
    name: str

    @property
    def display_name(self) -> str:
        return f"{self.honorific} {self.name}" if self.honorific else self.name


class InstitutionNaming:
    __slots__ = ()
    name: str
    acronym: str

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short(self) -> str:
        return self.acronym or self.name


def people_by_institution(people) -> list[tuple[object | None, list]]:
    """People under their institutions, institutions by name, people by name; those without one last (None)."""
    groups: dict[int | None, tuple[object | None, list]] = {}
    for person in sorted(people, key=lambda p: (p.name.casefold(), p.id)):
        institution = person.institution
        key = institution.id if institution is not None else None
        groups.setdefault(key, (institution, []))[1].append(person)
    return sorted(groups.values(), key=lambda group: (group[0] is None, group[0].name.casefold() if group[0] else ""))
