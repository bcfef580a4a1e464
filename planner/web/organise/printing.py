"""The printed documents for the people, for the team: the list of participants (page, CSV, .xlsx) and the
settings of the list and the badges."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext as _
from flask_login import current_user
from wtforms import BooleanField, SelectMultipleField, StringField
from wtforms.widgets import CheckboxInput, ListWidget

from planner.domain.badges import role_colours
from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.permissions import Right
from planner.domain.vocabulary import ParticipantRole
from planner.extensions import db
from planner.operations.printing import update_print_settings
from planner.queries.printing import print_settings
from planner.web.access import organised_meeting_or_abort
from planner.web.forms import choices
from planner.web.organise import organise
from planner.web.organise.forms import VersionedForm
from planner.web.organise.responses import show_invalid, stale_page
from planner.web.participant_list import list_options_or_400, list_spreadsheet, render_list

EVERY_ROLE = frozenset(ParticipantRole)


@organise.get("/events/<slug>/organise/participants/list")
def participant_list_page(slug: str):
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    options = list_options_or_400(meeting, request.args, offered_roles=EVERY_ROLE)
    return render_list(meeting, options, public=False, offered_roles=EVERY_ROLE)


@organise.get("/events/<slug>/organise/participants/list.<any(csv, xlsx):spreadsheet>")
def participant_list_file(slug: str, spreadsheet: str):
    meeting = organised_meeting_or_abort(slug, right=Right.WORK_THE_DOOR)
    return list_spreadsheet(meeting, list_options_or_400(meeting, request.args, offered_roles=EVERY_ROLE), spreadsheet)


class PrintSettingsForm(VersionedForm):
    list_published = BooleanField(_("Publish the list of participants"))
    public_roles = SelectMultipleField(_("Roles the published list shows"), choices=choices(ParticipantRole),
                                       option_widget=CheckboxInput(), widget=ListWidget(prefix_label=False))
    family_names_in_capitals = BooleanField(_("Family names in capitals (“Mr CHANG Wook-jin”)"))


for _role in ParticipantRole:
    setattr(PrintSettingsForm, f"colour_{_role.value}",
            StringField(_("Band colour: %(role)s", role=_(_role.label)), render_kw={"type": "color"}))


def _settings_form(meeting) -> PrintSettingsForm:
    settings = print_settings(meeting)
    colours = role_colours(settings.role_colours)
    return PrintSettingsForm(data={
        "list_published": settings.list_published, "public_roles": settings.public_roles,
        "family_names_in_capitals": settings.family_names_in_capitals, "version": str(settings.version or ""),
        **{f"colour_{role.value}": colour for role, colour in colours.items()},
    })


@organise.route("/events/<slug>/organise/printing", methods=["GET", "POST"])
def printing_settings(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = PrintSettingsForm() if request.method == "POST" else _settings_form(meeting)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                update_print_settings(
                    meeting, list_published=form.list_published.data, public_roles=form.public_roles.data or [],
                    family_names_in_capitals=form.family_names_in_capitals.data,
                    role_colours={role.value: getattr(form, f"colour_{role.value}").data or ""
                                  for role in ParticipantRole},
                    actor=current_user, based_on_version=form.based_on_version,
                )
                db.session.commit()
                flash(gettext("Saved the settings of the printed documents."))
                return redirect(url_for("organise.printing_settings", slug=slug))
            except InvalidInput as error:
                show_invalid(form, error)
            except StaleEdit as error:
                return stale_page("organise/printing.html", form, error, meeting=meeting, roles=list(ParticipantRole))
        status = 400
    return render_template("organise/printing.html", meeting=meeting, form=form, stale=None,
                           roles=list(ParticipantRole)), status
