"""Sessions through forms: add, edit (with the people in it), delete. The no-JavaScript path of the timetable."""
from datetime import date, datetime, time

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select

from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.timezones import local_day, to_local
from planner.domain.vocabulary import AttendanceMode, Role, SessionKind, SessionStatus
from planner.extensions import db
from planner.models import Meeting, Person, Room, Session, SessionRole
from planner.operations.agenda import add_session, assign_role, delete_session, move_role, remove_role, update_session
from planner.queries.agenda import agenda_sessions
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.organise import organise
from planner.web.forms import option
from planner.web.organise.forms import ConfirmForm, RoleForm, SessionForm
from planner.web.organise.responses import show_invalid, stale_page
from planner.web.presenters import label, short_date_time
from planner.web.wording import say


def _prepare(form: SessionForm, meeting: Meeting, session: Session | None) -> None:
    rooms = meeting.rooms
    form.room.choices = [option("", gettext("— no room —"))] + [option(str(room.id), room.name) for room in rooms]
    blocks = [s for s in agenda_sessions(meeting, public=False)
              if session is None or s.id != session.id]
    form.parent.choices = [option("", gettext("— not inside another session —"))] + [
        option(str(s.id), f"{short_date_time(to_local(s.starts_at, meeting.timezone))} {s.title}") for s in blocks
    ]


def _session_fields(form: SessionForm, meeting: Meeting) -> dict:
    return dict(
        title=form.title.data, kind=SessionKind(form.kind.data), starts=form.starts.data,
        ends=None if form.no_end.data else form.ends.data,
        attendance_mode=AttendanceMode(form.attendance_mode.data), status=SessionStatus(form.status.data),
        room=db.session.get(Room, int(form.room.data)) if form.room.data else None,
        parent=db.session.get(Session, int(form.parent.data)) if form.parent.data else None,
        thematic_area=form.thematic_area.data, description=form.description.data,
        online_link=form.online_link.data, online_link_public=form.online_link_public.data, draft=form.draft.data,
    )


def _initial_times(meeting: Meeting) -> tuple[datetime, datetime]:
    requested = request.args.get("day", "")
    try:
        day = date.fromisoformat(requested)
    except ValueError:
        day = meeting.first_day
    if day not in meeting.days:
        day = meeting.first_day
    return datetime.combine(day, time(9)), datetime.combine(day, time(10))


@organise.route("/events/<slug>/organise/sessions/new", methods=["GET", "POST"])
def new_session(slug: str):
    meeting = organised_meeting_or_abort(slug)
    starts, ends = _initial_times(meeting)
    form = SessionForm(data={"starts": starts, "ends": ends, "status": "confirmed", "kind": SessionKind.WORKING.value,
                             "attendance_mode": _default_mode(meeting), "room": request.args.get("room", "")})
    _prepare(form, meeting, None)
    if form.validate_on_submit():
        try:
            session = add_session(meeting, actor=current_user, **_session_fields(form, meeting))
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            if "another" in request.form:  # "Save and add another": the next one on the same day, in the same room
                flash(gettext("Added “%(title)s”.", title=session.title))
                return redirect(url_for("organise.new_session", slug=slug, room=session.room_id or None,
                                        day=local_day(session.starts_at, meeting.timezone).isoformat()))
            if session.kind.is_pause:  # nobody chairs a coffee break: back to the day it is on
                flash(gettext("Added “%(title)s”.", title=session.title))
                return redirect(url_for("organise.timetable", slug=slug,
                                        day=local_day(session.starts_at, meeting.timezone)))
            flash(gettext("Added “%(title)s”. Now add the people who chair and speak.", title=session.title))
            return redirect(url_for("organise.edit_session", slug=slug, session_id=session.id))
    return render_template("organise/session_form.html", meeting=meeting, form=form, session=None,
                           role_form=None), 400 if form.errors else 200


def _default_mode(meeting: Meeting) -> str:
    return {"in_person": "in_person", "online": "online"}.get(meeting.format.value, "hybrid")


def _form_data(session: Session, meeting: Meeting) -> dict:
    return dict(
        title=session.title, kind=session.kind.value, attendance_mode=session.attendance_mode.value,
        status=session.status.value, room=str(session.room_id or ""), parent=str(session.parent_id or ""),
        starts=to_local(session.starts_at, meeting.timezone).replace(tzinfo=None),
        ends=to_local(session.ends_at, meeting.timezone).replace(tzinfo=None) if session.ends_at else None,
        no_end=session.ends_at is None,
        thematic_area=session.thematic_area, description=session.description, online_link=session.online_link,
        online_link_public=session.online_link_public, draft=session.draft, version=str(session.version),
    )


def _role_form(meeting: Meeting) -> RoleForm:
    form = RoleForm(prefix="role")
    people = db.session.scalars(select(Person).where(Person.meeting_id == meeting.id).order_by(Person.name))
    form.person.choices = [option("", gettext("— choose —"))] + [option(str(p.id), p.display_name) for p in people]
    return form


@organise.route("/events/<slug>/organise/sessions/<int:session_id>/edit", methods=["GET", "POST"])
def edit_session(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug)
    session = record_of_meeting_or_404(Session, meeting, session_id)
    form = SessionForm(data=_form_data(session, meeting))
    _prepare(form, meeting, session)
    if form.validate_on_submit():
        try:
            update_session(session, actor=current_user, based_on_version=form.based_on_version,
                           **_session_fields(form, meeting))
        except InvalidInput as error:
            show_invalid(form, error)
        except StaleEdit as error:
            return stale_page("organise/session_form.html", form, error, meeting=meeting, session=session,
                              role_form=_role_form(meeting))
        else:
            db.session.commit()
            flash(gettext("Saved “%(title)s”.", title=session.title))
            day = local_day(session.starts_at, meeting.timezone)
            return redirect(url_for("organise.timetable", slug=slug, day=day))
    return render_template("organise/session_form.html", meeting=meeting, form=form, session=session,
                           role_form=_role_form(meeting)), 400 if form.errors else 200


@organise.route("/events/<slug>/organise/sessions/<int:session_id>/delete", methods=["GET", "POST"])
def delete_session_page(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug)
    session = record_of_meeting_or_404(Session, meeting, session_id)
    form = ConfirmForm(data={"version": str(session.version)})
    day = local_day(session.starts_at, meeting.timezone)
    if form.validate_on_submit():
        try:
            delete_session(session, actor=current_user, based_on_version=form.based_on_version)
        except StaleEdit:
            db.session.rollback()
            flash(gettext("Someone changed “%(title)s” meanwhile; check it before deleting.", title=session.title))
            return redirect(url_for("organise.delete_session_page", slug=slug, session_id=session_id))
        db.session.commit()
        flash(gettext("Deleted “%(title)s”. Subscribed calendars will show it as cancelled.", title=session.title))
        return redirect(url_for("organise.timetable", slug=slug, day=day))
    affected = [gettext("“%(title)s” inside it is deleted too", title=child.title)
                for child in session.children if child.deleted_at is None]
    affected += [gettext("%(person)s loses the role of %(role)s", person=role.person.display_name,
                         role=label(role.role).lower()) for role in session.roles]
    return render_template("organise/confirm_delete.html", meeting=meeting, form=form,
                           what=gettext("the session “%(title)s”", title=session.title),
                           question=gettext("Delete the session “%(title)s”?", title=session.title),
                           affected=affected, consequence=None,
                           cancel_url=url_for("organise.edit_session", slug=slug, session_id=session_id))


@organise.post("/events/<slug>/organise/sessions/<int:session_id>/roles")
def add_role(slug: str, session_id: int):
    meeting = organised_meeting_or_abort(slug)
    session = record_of_meeting_or_404(Session, meeting, session_id)
    role_form = _role_form(meeting)
    if role_form.validate_on_submit():
        person = record_of_meeting_or_404(Person, meeting, int(role_form.person.data))
        try:
            assign_role(session, person, Role(role_form.role.data), on_behalf_of=role_form.on_behalf_of.data,
                        actor=current_user)
        except InvalidInput as error:
            show_invalid(role_form, error)
        else:
            db.session.commit()
            flash(gettext("%(person)s added as %(role)s.", person=person.display_name,
                          role=label(Role(role_form.role.data)).lower()))
            return redirect(url_for("organise.edit_session", slug=slug, session_id=session_id) + "#people")
    form = SessionForm(data=_form_data(session, meeting))
    _prepare(form, meeting, session)
    return render_template("organise/session_form.html", meeting=meeting, form=form, session=session,
                           role_form=role_form), 400


@organise.post("/events/<slug>/organise/roles/<int:role_id>/<any(remove, up, down):action>")
def change_role(slug: str, role_id: int, action: str):
    meeting = organised_meeting_or_abort(slug)
    session_role = db.session.get(SessionRole, role_id)
    if session_role is None or session_role.session.meeting_id != meeting.id:
        abort(404, description=gettext("This meeting has no such role."))
    form = ConfirmForm()
    if not form.validate_on_submit():
        return redirect(url_for("organise.edit_session", slug=slug, session_id=session_role.session_id))
    session_id = session_role.session_id
    try:
        if action == "remove":
            remove_role(session_role, actor=current_user)
        else:
            move_role(session_role, -1 if action == "up" else 1, actor=current_user)
    except InvalidInput as error:
        db.session.rollback()
        flash(say(error.message))
    else:
        db.session.commit()
    return redirect(url_for("organise.edit_session", slug=slug, session_id=session_id) + "#people")
