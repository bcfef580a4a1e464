"""What a meeting still lacks before participants rely on it, as the overview lists it: each with where to fix it."""
from dataclasses import dataclass

from flask import url_for

from planner.domain.vocabulary import MeetingFormat
from planner.models import Meeting
from planner.queries.organise import MeetingOverview


@dataclass(frozen=True)
class Missing:
    text: str
    fix_url: str
    fix_label: str


def checklist(meeting: Meeting, figures: MeetingOverview, conflicts: int) -> list[Missing]:
    slug = meeting.slug
    found = []
    if figures.counts["rooms"] == 0:
        found.append(Missing("The meeting has no rooms yet.",
                             url_for("organise.directory_page", slug=slug, kind="rooms"), "Add rooms"))
    if figures.sessions_without_room:
        found.append(Missing(_count(figures.sessions_without_room, "session has no room.", "sessions have no room."),
                             url_for("organise.timetable_start", slug=slug), "Give them a room in the timetable"))
    if figures.people_without_institution:
        found.append(Missing(
            _count(figures.people_without_institution, "person has no institution.", "people have no institution."),
            url_for("organise.directory_page", slug=slug, kind="people"), "Complete the people"))
    if conflicts:
        found.append(Missing(_count(conflicts, "conflict (a person or a room in two places).",
                                    "conflicts (people or rooms in two places)."),
                             url_for("organise.conflicts", slug=slug), "See the conflicts"))
    if meeting.format is not MeetingFormat.IN_PERSON and not meeting.online_link:
        found.append(Missing(f"This {meeting.format.label.lower()} meeting has no online link.",
                             url_for("organise.edit_meeting", slug=slug), "Add the link in the details"))
    return found


def _count(number: int, one: str, many: str) -> str:
    return f"1 {one}" if number == 1 else f"{number} {many}"
