"""The public pages at the stable addresses: meetings, agenda, days, sessions, people, institutions.

Every page with times shows them in the reader's zone (see reader_zone.py) beside the meeting's. Each is kept
under its meeting's state (kept.py): built once per edit, zone and address.
"""
from datetime import date

from flask import Blueprint, abort, render_template
from flask_babel import gettext

from planner.domain.agenda import agenda_days
from planner.domain.calendars import join_link
from planner.domain.documents import Reader
from planner.domain.naming import people_by_institution
from planner.domain.vocabulary import OfficerRole
from planner.queries import agenda as queries
from planner.queries.documents import document_counts, readable_documents
from planner.queries.listing import listed_directory, listed_officers
from planner.web.access import meeting_day_or_404, readable_meeting_with_state_or_404
from planner.web.kept import kept_page
from planner.web.reader_zone import reader_zone

public = Blueprint("public", __name__)


@public.get("/")
def index():
    return render_template("public/index.html", meetings=queries.published_meetings())


@public.get("/events/<slug>/")
def agenda(slug: str):
    meeting, state = readable_meeting_with_state_or_404(slug)
    zones = reader_zone(meeting)
    return kept_page(meeting, state, "public/agenda.html", varies=(zones,), context=lambda: dict(
        meeting=meeting, zones=zones, days=agenda_days(queries.agenda_sessions(meeting), zones.name, meeting.days,
                                                       meeting_zone=meeting.timezone),
        officers=listed_officers(meeting),
        documents=readable_documents(meeting, Reader.PUBLIC, meeting_only=True),
        document_counts=document_counts(meeting, Reader.PUBLIC)))


@public.get("/events/<slug>/days/<isodate:day>")
def day(slug: str, day: date):
    meeting, state = readable_meeting_with_state_or_404(slug)
    meeting_day_or_404(meeting, day)
    zones = reader_zone(meeting)
    # The address names the meeting's day; far away it can run over two of the reader's.
    return kept_page(meeting, state, "public/day.html", varies=(zones,), context=lambda: dict(
        meeting=meeting, zones=zones, day=day, reader_days=agenda_days(
            queries.agenda_sessions(meeting, day=day), zones.name, [], meeting_zone=meeting.timezone),
        document_counts=document_counts(meeting, Reader.PUBLIC)))


@public.get("/events/<slug>/sessions/<int:session_id>")
def session(slug: str, session_id: int):
    meeting, state = readable_meeting_with_state_or_404(slug)
    zones = reader_zone(meeting)

    def context() -> dict:
        found = queries.find_session(meeting, session_id)
        if found is None:
            abort(404, description=gettext("This meeting has no such session."))
        link = join_link(found.online_link, attendance_mode=found.attendance_mode,
                         link_public=found.online_link_public, day_mode=None, meeting_link=meeting.online_link)
        return dict(meeting=meeting, zones=zones, session=found, join_link=link,
                    documents=readable_documents(meeting, Reader.PUBLIC, session_ids=[found.id]))

    return kept_page(meeting, state, "public/session.html", varies=(zones,), context=context)


@public.get("/events/<slug>/people/")
def people(slug: str):
    """The meeting's bureau and speakers, by institution, as a published list of participants' speakers is."""
    meeting, state = readable_meeting_with_state_or_404(slug)

    def context() -> dict:
        listed, _ = listed_directory(meeting)
        offices: dict[int, list[OfficerRole]] = {}
        for officer in listed_officers(meeting):
            offices.setdefault(officer.person_id, []).append(officer.role)
        return dict(meeting=meeting, groups=people_by_institution(listed), offices=offices)

    return kept_page(meeting, state, "public/people.html", varies=(), context=context)


@public.get("/events/<slug>/people/<int:person_id>")
def person(slug: str, person_id: int):
    meeting, state = readable_meeting_with_state_or_404(slug)
    zones = reader_zone(meeting)

    def context() -> dict:
        found = queries.find_person(meeting, person_id)
        if found is None:
            abort(404, description=gettext("This meeting has no such person."))
        return dict(meeting=meeting, zones=zones, person=found,
                    sessions=queries.sessions_of_people(meeting, [found.id]))

    return kept_page(meeting, state, "public/person.html", varies=(zones,), context=context)


@public.get("/events/<slug>/institutions/")
def institutions(slug: str):
    meeting, state = readable_meeting_with_state_or_404(slug)
    return kept_page(meeting, state, "public/institutions.html", varies=(), context=lambda: dict(
        meeting=meeting, institutions=queries.meeting_institutions(meeting)))


@public.get("/events/<slug>/institutions/<int:institution_id>")
def institution(slug: str, institution_id: int):
    meeting, state = readable_meeting_with_state_or_404(slug)
    zones = reader_zone(meeting)

    def context() -> dict:
        found = queries.find_institution(meeting, institution_id)
        if found is None:
            abort(404, description=gettext("This meeting has no such institution."))
        institution, people = found
        return dict(meeting=meeting, zones=zones, institution=institution, people=people,
                    sessions=queries.sessions_of_people(meeting, [person.id for person in people]))

    return kept_page(meeting, state, "public/institution.html", varies=(zones,), context=context)
