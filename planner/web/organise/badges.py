"""Name badges and name plates for printing, and the code on a badge that opens the check-in desk at its person.

The badge's code is an address under the check-in desk: only the meeting's organisers and door staff get
past the sign-in and the access check, so to anyone else it says nothing about the person.
"""
from dataclasses import dataclass
from datetime import date, datetime, timezone

import segno
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from markupsafe import Markup

from planner.domain.badges import (
    BadgeClaim, Sheet, badge_code, badge_face, read_badge_code, role_colours, sheet_from, text_colour_on,
)
from planner.domain.errors import InvalidInput
from planner.domain.names import fold
from planner.domain.participant_list import Entry, written_name
from planner.domain.permissions import Right
from planner.domain.timezones import local_day
from planner.domain.vocabulary import DayMode
from planner.extensions import db
from planner.models import Badge, Meeting, Registration
from planner.operations.printing import mark_badges_printed, reissue_badge, revoke_badge
from planner.queries.printing import list_entries, meeting_badges, print_settings
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm
from planner.web.wording import say

# A scanned badge's address: the site's address, the meeting's and the code, well within this.
MAX_SCANNED_LENGTH = 500

WHICH = {"all": "Everyone", "changed": "Only those added or changed since the last print", "chosen": "Those chosen"}


@dataclass(frozen=True)
class PrintedBadge:
    entry: Entry
    name: str
    institution: str
    colour: str
    text_colour: str
    code_address: str
    face: str
    printed: bool
    revoked: bool

    @property
    def qr_svg(self) -> Markup:
        # segno writes only the symbol's paths: safe to put in the page as it is.
        return Markup(segno.make(self.code_address, error="m").svg_inline(border=2, omitsize=True,
                                                                           svgclass="badge-code"))


def desk_day(meeting: Meeting) -> date:
    """Today's desk while the meeting is on, else its first day's."""
    today = local_day(datetime.now(timezone.utc), meeting.timezone)
    return today if today in meeting.days else meeting.first_day


def _badge_claim(meeting: Meeting, registration_id: int, badge: Badge | None) -> BadgeClaim:
    return BadgeClaim(meeting.id, registration_id, badge.issue if badge else 1)


def _institution_line(entry: Entry) -> str:
    if entry.institution and entry.country and entry.kind == "government":
        return f"{entry.institution}, {entry.country}"
    return entry.institution or entry.country


def printed_badges(meeting: Meeting) -> list[PrintedBadge]:
    """Every participant's badge as it would print now, in alphabetical order of names."""
    settings = print_settings(meeting)
    colours = role_colours(settings.role_colours)
    badges = meeting_badges(meeting)
    secret = current_app.config["SECRET_KEY"]
    made = []
    for entry in sorted(list_entries(meeting), key=lambda entry: (fold(entry.name), entry.registration_id)):
        badge = badges.get(entry.registration_id)
        name = written_name(entry.honorific, entry.name, capitals=settings.family_names_in_capitals)
        institution = _institution_line(entry)
        claim = _badge_claim(meeting, entry.registration_id, badge)
        colour = colours[entry.role]
        made.append(PrintedBadge(
            entry=entry, name=name, institution=institution, colour=colour, text_colour=text_colour_on(colour),
            code_address=url_for("organise.scanned_badge", slug=meeting.slug,
                                 code=badge_code(secret, claim), _external=True),
            face=badge_face(name, entry.position, institution, entry.role.value, colour, str(claim.issue)),
            printed=bool(badge and badge.printed_at), revoked=bool(badge and badge.revoked_at),
        ))
    return made


def _chosen_ids() -> set[int]:
    values = request.values.getlist("r")
    if not all(value.isascii() and value.isdigit() and len(value) < 10 for value in values):
        abort(400, description=gettext("r: choose participants from the list."))
    return {int(value) for value in values}


def _selection(badges: list[PrintedBadge], which: str, chosen: set[int], faces: dict[int, str]) -> list[PrintedBadge]:
    if which == "changed":
        return [badge for badge in badges if faces.get(badge.entry.registration_id) != badge.face]
    if which == "chosen":
        return [badge for badge in badges if badge.entry.registration_id in chosen]
    return badges


@organise.get("/events/<slug>/organise/badges")
def badges_page(slug: str):
    meeting = organised_meeting_or_abort(slug)
    try:
        sheet = sheet_from(request.args.get("sheet"))
    except InvalidInput as error:
        abort(400, description=f"sheet: {say(error.errors['sheet'])}")
    which = request.args.get("which", "all")
    if which not in WHICH:
        abort(400, description=gettext("which: choose everyone, those changed since the last print, or those chosen."))
    everyone = printed_badges(meeting)
    faces = {registration_id: badge.printed_face for registration_id, badge in meeting_badges(meeting).items()}
    shown = _selection(everyone, which, _chosen_ids(), faces)
    pages = [shown[start:start + sheet.per_page] for start in range(0, len(shown), sheet.per_page)]
    return render_template("printed/badges.html", meeting=meeting, sheet=sheet, sheets=list(Sheet), which=which,
                           choices=WHICH, everyone=everyone, pages=pages, shown=shown, form=ConfirmForm())


@organise.post("/events/<slug>/organise/badges/printed")
def badges_printed(slug: str):
    """After printing: remember what each printed badge said, so the next print can offer only what changed."""
    meeting = organised_meeting_or_abort(slug)
    if not ConfirmForm().validate_on_submit():
        abort(400, description=gettext("The form has expired; reload the page and try again."))
    chosen = _chosen_ids()
    faces = {badge.entry.registration_id: badge.face for badge in printed_badges(meeting)
             if badge.entry.registration_id in chosen}
    count = mark_badges_printed(meeting, faces, actor=current_user)
    db.session.commit()
    flash(ngettext("Marked %(num)d badge as printed.", "Marked %(num)d badges as printed.", count))
    return redirect(url_for("organise.badges_page", slug=slug, which="changed"))


@organise.post("/events/<slug>/organise/badges/<int:registration_id>/<any(reissue, revoke):action>")
def change_badge(slug: str, registration_id: int, action: str):
    meeting = organised_meeting_or_abort(slug)
    registration = record_of_meeting_or_404(Registration, meeting, registration_id)
    if not ConfirmForm().validate_on_submit():
        abort(400, description=gettext("The form has expired; reload the page and try again."))
    (reissue_badge if action == "reissue" else revoke_badge)(registration, actor=current_user)
    db.session.commit()
    name = registration.person.name
    flash(gettext("Reissued the badge of %(name)s: print it again; the old one no longer opens the desk.", name=name)
          if action == "reissue" else
          gettext("Revoked the badge of %(name)s: its code no longer opens the desk.", name=name))
    return redirect(url_for("organise.badges_page", slug=slug, which="chosen", r=registration_id))


@organise.get("/events/<slug>/organise/check-in/badge/<code>")
def scanned_badge(slug: str, code: str):
    """A badge's code, scanned: the desk of today at that person, if the code is this meeting's and current."""
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    registration_id = current_badge_holder(meeting, code)
    day = desk_day(meeting)
    if registration_id is None:
        flash(gettext("This badge does not open this meeting's desk: it was revoked or replaced by a newer badge, "
                      "or it is another meeting's. Find the person by name."))
        return redirect(url_for("organise.check_in_desk", slug=slug, day=day))
    return redirect(url_for("organise.check_in_desk", slug=slug, day=day, person=registration_id,
                            _anchor=f"r{registration_id}"))


def current_badge_holder(meeting: Meeting, code: str) -> int | None:
    """Whose current badge of ``meeting`` carries ``code``; None for a revoked, replaced or foreign one."""
    claim = read_badge_code(current_app.config["SECRET_KEY"], code)
    if claim is None or claim.meeting_id != meeting.id:
        return None
    registration = db.session.get(Registration, claim.registration_id)
    if registration is None or registration.meeting_id != meeting.id:
        return None
    badge = meeting_badges(meeting).get(claim.registration_id)
    if badge is not None and (badge.revoked_at is not None or badge.issue != claim.issue):
        return None
    if badge is None and claim.issue != 1:
        return None
    return claim.registration_id


@organise.get("/events/<slug>/organise/name-plates")
def name_plates(slug: str):
    """Folded A4 tent cards: everyone attending in the room on some day, or those chosen."""
    meeting = organised_meeting_or_abort(slug)
    chosen = _chosen_ids()
    settings = print_settings(meeting)
    entries = sorted(list_entries(meeting), key=lambda entry: (fold(entry.name), entry.registration_id))
    everyone = [(entry, written_name(entry.honorific, entry.name, capitals=settings.family_names_in_capitals))
                for entry in entries]
    plates = [(entry, name) for entry, name in everyone
              if (entry.registration_id in chosen if chosen else entry.attends(None, DayMode.IN_ROOM))]
    return render_template("printed/name_plates.html", meeting=meeting, plates=plates, everyone=everyone,
                           chosen=chosen, page_size="A4 landscape")
