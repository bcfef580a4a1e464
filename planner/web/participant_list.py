"""The list of participants: the printable page for the team (and, once published, the public), its CSV
and .xlsx copies. Every copy is made from the same ``participant_list`` call, so they keep one order."""
from dataclasses import dataclass
from datetime import date

from flask import Response, abort, render_template, request
from flask_babel import gettext
from werkzeug.datastructures import MultiDict

from planner.domain.participant_list import Group, ListChoice, list_rows, participant_list, roles_from
from planner.domain.programme import Paper
from planner.domain.spreadsheets import csv_text, xlsx_bytes
from planner.domain.vocabulary import DayMode, ParticipantRole
from planner.models import Meeting, PrintSettings
from planner.queries.printing import list_entries, print_settings
from planner.web.access import readable_meeting_or_404
from planner.web.public import public

ATTENDANCE_CHOICES = (DayMode.IN_ROOM, DayMode.ONLINE)


@dataclass(frozen=True)
class ListOptions:
    choice: ListChoice
    paper: Paper
    show_attendance: bool


def list_options_or_400(meeting: Meeting, args: MultiDict, *, offered_roles: frozenset[ParticipantRole]
                        ) -> ListOptions:
    """The reader's filters from the query string; anything not understood is refused with its field named."""
    day = _day_or_400(meeting, args.get("day", ""))
    how = args.get("attendance", "")
    if how and how not in {mode.value for mode in ATTENDANCE_CHOICES}:
        abort(400, description=gettext("attendance: choose “in_room” or “online”."))
    asked = args.getlist("role")
    roles = roles_from(asked)
    if len(roles) != len(set(asked)) or not roles <= offered_roles:
        abort(400, description=gettext("role: choose roles from the list."))
    paper = args.get("paper", Paper.A4.value)
    if paper not in {choice.value for choice in Paper}:
        abort(400, description=gettext("paper: choose A4 or US Letter."))
    return ListOptions(
        choice=ListChoice(day=day, attendance=DayMode(how) if how else None, roles=roles or offered_roles),
        paper=Paper(paper), show_attendance=args.get("attendance_shown") == "1",
    )


def _day_or_400(meeting: Meeting, value: str) -> date | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        day = None
    if day not in meeting.days:
        abort(400, description=gettext("day: give a day of the meeting as YYYY-MM-DD."))
    return day


def listed_groups(meeting: Meeting, options: ListOptions) -> list[Group]:
    return participant_list(list_entries(meeting), options.choice)


def public_roles(settings: PrintSettings) -> frozenset[ParticipantRole]:
    return roles_from(settings.public_roles)


def render_list(meeting: Meeting, options: ListOptions, *, public: bool, offered_roles: frozenset[ParticipantRole]):
    settings = print_settings(meeting)
    return render_template(
        "printed/participants.html", meeting=meeting, groups=listed_groups(meeting, options), options=options,
        capitals=settings.family_names_in_capitals, public=public, papers=list(Paper),
        roles=[role for role in ParticipantRole if role in offered_roles], attendance_choices=ATTENDANCE_CHOICES,
        args=request.args,
    )


def list_spreadsheet(meeting: Meeting, options: ListOptions, kind: str) -> Response:
    settings = print_settings(meeting)
    header, rows = list_rows(listed_groups(meeting, options), capitals=settings.family_names_in_capitals,
                             attendance=options.show_attendance, day=options.choice.day, words=gettext)
    filename = f"{meeting.slug}-participants.{kind}"
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if kind == "csv":
        return Response(csv_text(header, rows), mimetype="text/csv", headers=disposition)
    return Response(xlsx_bytes(header, rows, title=gettext("Participants")), headers=disposition,
                    mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@public.get("/events/<slug>/participants")
def published_list(slug: str):
    """The list as the organiser published it: only the roles they chose, and nothing of how people attend."""
    meeting = readable_meeting_or_404(slug)
    settings = print_settings(meeting)
    offered = public_roles(settings)
    if not (settings.list_published and offered):
        abort(404, description=gettext("The list of participants of this meeting is not published."))
    args = request.args.copy()
    for private in ("day", "attendance", "attendance_shown"):
        args.pop(private, None)
    return render_list(meeting, list_options_or_400(meeting, args, offered_roles=offered), public=True,
                       offered_roles=offered)
