"""The public pages at the stable addresses: meetings, agenda, days, sessions, people, institutions.

Every page with times shows them in the reader's zone (see reader_zone.py) beside the meeting's.
"""
from datetime import date

from flask import Blueprint, abort, render_template

from planner.domain.agenda import agenda_days
from planner.domain.calendars import join_link
from planner.domain.naming import people_by_institution
from planner.queries import agenda as queries
from planner.queries.listing import listed_directory, listed_officers
from planner.web.access import meeting_day_or_404, readable_meeting_or_404
from planner.web.reader_zone import reader_zone

public = Blueprint("public", __name__)


@public.get("/")
def index():
    return render_template("public/index.html", meetings=queries.published_meetings())


@public.get("/events/<slug>/")
def agenda(slug: str):
    meeting = readable_meeting_or_404(slug)
    zones = reader_zone(meeting)
    days = agenda_days(queries.agenda_sessions(meeting), zones.name, meeting.days, meeting_zone=meeting.timezone)
    return render_template("public/agenda.html", meeting=meeting, zones=zones, days=days,
                           officers=listed_officers(meeting))


@public.get("/events/<slug>/days/<isodate:day>")
def day(slug: str, day: date):
    meeting = readable_meeting_or_404(slug)
    meeting_day_or_404(meeting, day)
    zones = reader_zone(meeting)
    # The address names the meeting's day; far away it can run over two of the reader's.
    reader_days = agenda_days(
        queries.agenda_sessions(meeting, day=day), zones.name, [], meeting_zone=meeting.timezone
    )
    return render_template("public/day.html", meeting=meeting, zones=zones, day=day, reader_days=reader_days)


@public.get("/events/<slug>/sessions/<int:session_id>")
def session(slug: str, session_id: int):
    meeting = readable_meeting_or_404(slug)
    found = queries.find_session(meeting, session_id)
    if found is None:
        abort(404, description="This meeting has no such session.")
    link = join_link(found.online_link, attendance_mode=found.attendance_mode, link_public=found.online_link_public,
                     day_mode=None, meeting_link=meeting.online_link)
    return render_template("public/session.html", meeting=meeting, zones=reader_zone(meeting), session=found,
                           join_link=link)


@public.get("/events/<slug>/people/")
def people(slug: str):
    """The meeting's bureau and speakers, by institution, as a published list of participants' speakers is."""
    meeting = readable_meeting_or_404(slug)
    listed, _ = listed_directory(meeting)
    offices: dict[int, list[str]] = {}
    for officer in listed_officers(meeting):
        offices.setdefault(officer.person_id, []).append(officer.role.label)
    return render_template("public/people.html", meeting=meeting, groups=people_by_institution(listed),
                           offices=offices)


@public.get("/events/<slug>/people/<int:person_id>")
def person(slug: str, person_id: int):
    meeting = readable_meeting_or_404(slug)
    found = queries.find_person(meeting, person_id)
    if found is None:
        abort(404, description="This meeting has no such person.")
    sessions = queries.sessions_of_people(meeting, [found.id])
    return render_template(
        "public/person.html", meeting=meeting, zones=reader_zone(meeting), person=found, sessions=sessions
    )


@public.get("/events/<slug>/institutions/")
def institutions(slug: str):
    meeting = readable_meeting_or_404(slug)
    return render_template(
        "public/institutions.html", meeting=meeting, institutions=queries.meeting_institutions(meeting)
    )


@public.get("/events/<slug>/institutions/<int:institution_id>")
def institution(slug: str, institution_id: int):
    meeting = readable_meeting_or_404(slug)
    found = queries.find_institution(meeting, institution_id)
    if found is None:
        abort(404, description="This meeting has no such institution.")
    institution, people = found
    sessions = queries.sessions_of_people(meeting, [person.id for person in people])
    return render_template("public/institution.html", meeting=meeting, zones=reader_zone(meeting),
                           institution=institution, people=people, sessions=sessions)
