"""What a meeting still lacks before participants rely on it, as the overview lists it: each with where to fix it."""
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _, ngettext

from planner.domain.vocabulary import MeetingFormat
from planner.models import Meeting
from planner.queries.organise import MeetingOverview


@dataclass(frozen=True)
class Missing:
    text: str
    fix_url: str
    fix_label: str


# One whole sentence a format: its name inside a sentence changes with the language (gender, case).
NO_ONLINE_LINK = {
    MeetingFormat.ONLINE: lambda: _("This online meeting has no online link."),
    MeetingFormat.HYBRID: lambda: _("This hybrid meeting has no online link."),
}


def checklist(meeting: Meeting, figures: MeetingOverview, conflicts: int) -> list[Missing]:
    slug = meeting.slug
    found = []
    if figures.counts["rooms"] == 0:
        found.append(Missing(_("The meeting has no rooms yet."),
                             url_for("organise.directory_page", slug=slug, kind="rooms"), _("Add rooms")))
    if figures.sessions_without_room:
        found.append(Missing(ngettext("%(num)d session has no room.", "%(num)d sessions have no room.",
                                      figures.sessions_without_room),
                             url_for("organise.timetable_start", slug=slug), _("Give them a room in the timetable")))
    if figures.people_without_institution:
        found.append(Missing(
            ngettext("%(num)d person has no institution.", "%(num)d people have no institution.",
                     figures.people_without_institution),
            url_for("organise.directory_page", slug=slug, kind="people"), _("Complete the people")))
    if conflicts:
        found.append(Missing(ngettext("%(num)d conflict (a person or a room in two places).",
                                      "%(num)d conflicts (people or rooms in two places).", conflicts),
                             url_for("organise.conflicts", slug=slug), _("See the conflicts")))
    if meeting.format is not MeetingFormat.IN_PERSON and not meeting.online_link:
        found.append(Missing(NO_ONLINE_LINK[meeting.format](), url_for("organise.edit_meeting", slug=slug),
                             _("Add the link in the details")))
    return found
