"""How people and institutions are named on pages and in files.

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
