"""Importing an agenda from a spreadsheet: upload, preview (every row checked, nothing written), confirm."""
import base64
import binascii
import io

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user

from planner.domain.agenda_sheet import COLUMNS, EXAMPLE_ROWS, MAX_BYTES, read_agenda, read_table
from planner.domain.spreadsheets import csv_text
from planner.domain.spreadsheets import CsvProblems
from planner.extensions import db
from planner.operations.agenda_import import UnconfirmedAdditions, import_agenda, preview_agenda_import
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise
from planner.web.organise.forms import AgendaImportConfirmForm, AgendaImportForm

PAGE = "organise/agenda_import.html"


@organise.route("/events/<slug>/organise/agenda-import", methods=["GET", "POST"])
def agenda_import(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = AgendaImportForm()
    if not form.validate_on_submit():
        return render_template(PAGE, meeting=meeting, form=form, columns=COLUMNS), 400 if form.errors else 200
    data, filename = form.file.data.read(MAX_BYTES + 1), form.file.data.filename or ""
    try:
        rows = read_agenda(read_table(data, filename), meeting.days)
        preview = preview_agenda_import(meeting, rows)
    except CsvProblems as error:
        return render_template(PAGE, meeting=meeting, form=form, columns=COLUMNS, problems=error.problems), 400
    return _preview_page(meeting, rows, preview, data, filename)


def _preview_page(meeting, rows, preview, data: bytes, filename: str, status: int = 200):
    confirm = AgendaImportConfirmForm(formdata=None, data={
        "content": base64.b64encode(data).decode(), "filename": filename,
        "new_rooms": "\n".join(preview.new_rooms), "new_people": "\n".join(preview.new_people)})
    return render_template("organise/agenda_import_preview.html", meeting=meeting, rows=rows, preview=preview,
                           form=confirm, filename=filename), status


@organise.post("/events/<slug>/organise/agenda-import/confirm")
def confirm_agenda_import(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = AgendaImportConfirmForm()
    try:
        data = base64.b64decode(form.content.data or "", validate=True)
    except (binascii.Error, ValueError):
        data = b""
    if not form.validate_on_submit() or not data:
        flash(gettext("The preview's file is missing or damaged; upload it again."))
        return redirect(url_for("organise.agenda_import", slug=slug))
    filename = form.filename.data
    try:
        rows = read_agenda(read_table(data, filename), meeting.days)
        done = import_agenda(meeting, rows, actor=current_user, confirmed_rooms=_names(form.new_rooms.data),
                             confirmed_people=_names(form.new_people.data))
    except CsvProblems as error:
        db.session.rollback()
        return render_template(PAGE, meeting=meeting, form=AgendaImportForm(), columns=COLUMNS,
                               problems=error.problems), 400
    except UnconfirmedAdditions as changed:
        db.session.rollback()
        flash(gettext("The meeting changed since the preview: check what the import adds now, and confirm again."))
        return _preview_page(meeting, rows, changed.preview, data, filename, status=409)
    db.session.commit()
    sessions = ngettext("%(num)d session", "%(num)d sessions", len(done.sessions))
    if done.new_rooms or done.new_people:
        flash(gettext("Imported the agenda from %(file)s: %(sessions)s, %(rooms)s, %(people)s.", file=filename,
                      sessions=sessions, rooms=ngettext("%(num)d new room", "%(num)d new rooms", len(done.new_rooms)),
                      people=ngettext("%(num)d new person", "%(num)d new people", len(done.new_people))))
    else:
        flash(gettext("Imported the agenda from %(file)s: %(sessions)s.", file=filename, sessions=sessions))
    return redirect(url_for("organise.session_list", slug=slug))


def _names(text: str | None) -> list[str]:
    return [name for name in (text or "").split("\n") if name]


@organise.get("/events/<slug>/organise/agenda-import/template.<any(xlsx, csv):spreadsheet>")
def agenda_template(slug: str, spreadsheet: str):
    meeting = organised_meeting_or_abort(slug)
    filename = f"{meeting.slug}-agenda-template.{spreadsheet}"
    if spreadsheet == "csv":
        body, mimetype = csv_text(COLUMNS, EXAMPLE_ROWS).encode("utf-8"), "text/csv; charset=utf-8"
    else:
        body = _workbook([COLUMNS, *EXAMPLE_ROWS])
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _workbook(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Agenda"
    for row in rows:
        sheet.append(list(row))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
