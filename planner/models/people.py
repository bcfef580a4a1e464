"""Institutions and the people who come from them, kept per meeting."""
from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKeyConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.domain.naming import InstitutionNaming, PersonNaming
from planner.domain.vocabulary import InstitutionKind
from planner.extensions import db
from planner.database import enum_column

if TYPE_CHECKING:
    from planner.models.agenda import SessionRole
    from planner.models.meeting import Meeting, MeetingOfficer


class Institution(InstitutionNaming, db.Model):
    __tablename__ = "institutions"
    __table_args__ = (
        UniqueConstraint("meeting_id", "name"),
        UniqueConstraint("meeting_id", "id"),
        CheckConstraint("name <> ''", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    acronym: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[InstitutionKind] = mapped_column(enum_column(InstitutionKind, "institution_kind"))
    country: Mapped[str] = mapped_column(String(100), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="institutions")
    people: Mapped[list[Person]] = relationship(
        back_populates="institution", primaryjoin="Institution.id == Person.institution_id",
        foreign_keys="Person.institution_id", order_by="Person.name",
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Institution {self.short}>"


class Person(PersonNaming, db.Model):
    __tablename__ = "people"
    __table_args__ = (
        UniqueConstraint("meeting_id", "id"),
        # The institution must belong to the same meeting as the person.
        ForeignKeyConstraint(
            ["meeting_id", "institution_id"], ["institutions.meeting_id", "institutions.id"],
            name="fk_people_institution_same_meeting",
        ),
        CheckConstraint("name <> ''", name="name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    honorific: Mapped[str] = mapped_column(String(20), default="")
    # The name as the person writes it; Korean names put the family name first.
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(300), default="")
    institution_id: Mapped[int | None] = mapped_column(Integer, index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)

    meeting: Mapped[Meeting] = relationship(back_populates="people")
    institution: Mapped[Institution | None] = relationship(
        back_populates="people", primaryjoin="Institution.id == Person.institution_id",
        foreign_keys=[institution_id],
    )
    roles: Mapped[list[SessionRole]] = relationship(back_populates="person")
    offices: Mapped[list[MeetingOfficer]] = relationship(
        primaryjoin="Person.id == MeetingOfficer.person_id", foreign_keys="MeetingOfficer.person_id",
        back_populates="person",
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Person {self.name}>"
