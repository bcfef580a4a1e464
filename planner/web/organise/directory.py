"""A meeting's rooms, institutions and people: one list-add-edit-delete pattern, three kinds of record."""
from collections.abc import Callable
from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.vocabulary import InstitutionKind
from planner.extensions import db
from planner.models import Institution, Meeting, Person, Room
from planner.operations import meetings as operations
from planner.queries.organise import registration_of, roles_of_person, sessions_in_room
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.organise import organise
from planner.web.forms import option
from planner.web.organise.forms import ConfirmForm, InstitutionForm, PersonForm, RoomForm
from planner.web.organise.responses import show_invalid, stale_page
from planner.web.presenters import clock_range_with_day


@dataclass(frozen=True)
class Directory:
    kind: str
    model: type
    form: type
    add: Callable
    update: Callable
    delete: Callable
    fields: Callable  # (form, meeting) -> operation keyword arguments
    affected: Callable  # record -> lines describing what deleting it would change
    order_by: object
    prepare: Callable = lambda form, meeting: None

    def records(self, meeting: Meeting):
        query = select(self.model).where(self.model.meeting_id == meeting.id).order_by(self.order_by)
        return db.session.scalars(query).all()


def _institution_choices(form: PersonForm, meeting: Meeting) -> None:
    institutions = db.session.scalars(
        select(Institution).where(Institution.meeting_id == meeting.id).order_by(Institution.name)
    )
    form.institution.choices = [option("", _("— none —"))] + [option(str(i.id), i.display_name) for i in institutions]


def _chosen_institution(form: PersonForm, meeting: Meeting) -> Institution | None:
    if not form.institution.data:
        return None
    return db.session.get(Institution, int(form.institution.data))


def _room_affected(room: Room) -> list[str]:
    return [_("“%(session)s”, %(when)s, will have no room", session=s.title,
              when=clock_range_with_day(s, room.meeting.timezone)) for s in sessions_in_room(room)]


def _person_affected(person: Person) -> list[str]:
    lines = [_("%(role)s of “%(session)s” is removed", role=_(role.role.label), session=role.session.title)
             for role in roles_of_person(person)]
    if registration_of(person) is not None:
        lines.append(_("their registration for this meeting is removed"))
    return lines


DIRECTORIES = {
    directory.kind: directory
    for directory in (
        Directory(
            "rooms", Room, RoomForm, operations.add_room, operations.update_room, operations.delete_room,
            fields=lambda form, meeting: dict(name=form.name.data, capacity=form.capacity.data,
                                              online_only=form.online_only.data, venue=form.venue.data,
                                              address=form.address.data),
            affected=_room_affected, order_by=Room.position,
        ),
        Directory(
            "institutions", Institution, InstitutionForm, operations.add_institution,
            operations.update_institution, operations.delete_institution,
            fields=lambda form, meeting: dict(name=form.name.data, acronym=form.acronym.data,
                                              kind=InstitutionKind(form.kind.data), country=form.country.data),
            affected=lambda institution: [_("%(name)s will have no institution", name=p.display_name)
                                          for p in institution.people],
            order_by=Institution.name,
        ),
        Directory(
            "people", Person, PersonForm, operations.add_person, operations.update_person,
            operations.delete_person,
            fields=lambda form, meeting: dict(
                honorific=form.honorific.data, name=form.name.data, position=form.position.data,
                institution=_chosen_institution(form, meeting), email=form.email.data,
            ),
            affected=_person_affected, order_by=Person.name, prepare=_institution_choices,
        ),
    )
}


# What each kind's pages say, whole sentences (a room, an institution and a person differ in gender and case).
SAID = {
    "rooms": {
        "added": lambda name: _("Added room “%(name)s”.", name=name),
        "saved": lambda name: _("Saved room “%(name)s”.", name=name),
        "stale": lambda name: _("Someone changed room “%(name)s” meanwhile; check it before deleting.", name=name),
        "deleted": lambda name: _("Deleted room “%(name)s”.", name=name),
        "delete?": lambda name: _("Delete room “%(name)s”?", name=name),
    },
    "institutions": {
        "added": lambda name: _("Added institution “%(name)s”.", name=name),
        "saved": lambda name: _("Saved institution “%(name)s”.", name=name),
        "stale": lambda name: _("Someone changed institution “%(name)s” meanwhile; check it before deleting.",
                                name=name),
        "deleted": lambda name: _("Deleted institution “%(name)s”.", name=name),
        "delete?": lambda name: _("Delete institution “%(name)s”?", name=name),
    },
    "people": {
        "added": lambda name: _("Added person “%(name)s”.", name=name),
        "saved": lambda name: _("Saved person “%(name)s”.", name=name),
        "stale": lambda name: _("Someone changed person “%(name)s” meanwhile; check it before deleting.", name=name),
        "deleted": lambda name: _("Deleted person “%(name)s”.", name=name),
        "delete?": lambda name: _("Delete person “%(name)s”?", name=name),
    },
}


def directory_or_404(kind: str) -> Directory:
    if kind not in DIRECTORIES:
        abort(404)
    return DIRECTORIES[kind]


def _form_data(record) -> dict:
    data = {column: getattr(record, column) for column in record.__table__.columns.keys()}
    if isinstance(record, Person):
        data["institution"] = str(record.institution_id or "")
    if isinstance(record, Institution):
        data["kind"] = record.kind.value
    return data


@organise.route("/events/<slug>/organise/<kind>/", methods=["GET", "POST"])
def directory_page(slug: str, kind: str):
    directory = directory_or_404(kind)
    meeting = organised_meeting_or_abort(slug)
    form = directory.form()
    directory.prepare(form, meeting)
    if form.validate_on_submit():
        try:
            record = directory.add(meeting, actor=current_user, **directory.fields(form, meeting))
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(SAID[directory.kind]["added"](record.name))
            return redirect(url_for("organise.directory_page", slug=slug, kind=kind))
    return render_template("organise/directory.html", meeting=meeting, directory=directory, form=form,
                           records=directory.records(meeting)), 400 if form.errors else 200


@organise.route("/events/<slug>/organise/<kind>/<int:record_id>/edit", methods=["GET", "POST"])
def edit_record(slug: str, kind: str, record_id: int):
    directory = directory_or_404(kind)
    meeting = organised_meeting_or_abort(slug)
    record = record_of_meeting_or_404(directory.model, meeting, record_id)
    form = directory.form(data=_form_data(record))
    directory.prepare(form, meeting)
    if form.validate_on_submit():
        try:
            directory.update(record, actor=current_user, based_on_version=form.based_on_version,
                             **directory.fields(form, meeting))
        except InvalidInput as error:
            show_invalid(form, error)
        except StaleEdit as error:
            return stale_page("organise/record_form.html", form, error, meeting=meeting, directory=directory,
                              record=record)
        else:
            db.session.commit()
            flash(SAID[directory.kind]["saved"](record.name))
            return redirect(url_for("organise.directory_page", slug=slug, kind=kind))
    return render_template("organise/record_form.html", meeting=meeting, directory=directory, form=form,
                           record=record), 400 if form.errors else 200


@organise.route("/events/<slug>/organise/<kind>/<int:record_id>/delete", methods=["GET", "POST"])
def delete_record(slug: str, kind: str, record_id: int):
    directory = directory_or_404(kind)
    meeting = organised_meeting_or_abort(slug)
    record = record_of_meeting_or_404(directory.model, meeting, record_id)
    form = ConfirmForm(data={"version": str(record.version)})
    if form.validate_on_submit():
        name = record.name
        try:
            directory.delete(record, actor=current_user, based_on_version=form.based_on_version)
        except StaleEdit:
            db.session.rollback()
            flash(SAID[directory.kind]["stale"](name))
            return redirect(url_for("organise.delete_record", slug=slug, kind=kind, record_id=record_id))
        db.session.commit()
        flash(SAID[directory.kind]["deleted"](name))
        return redirect(url_for("organise.directory_page", slug=slug, kind=kind))
    return render_template(
        "organise/confirm_delete.html", meeting=meeting, form=form, question=SAID[kind]["delete?"](record.name),
        affected=directory.affected(record), consequence=None,
        cancel_url=url_for("organise.directory_page", slug=slug, kind=kind),
    )
