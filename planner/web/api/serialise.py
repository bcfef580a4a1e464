"""Records as the JSON the API documents. Times: ISO 8601 with the reader's offset (the meeting's unless
``?tz=`` names another zone), plus both zone names."""
from typing import Any

from flask import url_for

from planner.domain.conflicts import Conflict
from planner.domain.timezones import to_local
from planner.models import Institution, Meeting, Person, Room, Session
from planner.addresses import meeting_links


def meeting_summary(meeting: Meeting) -> dict[str, Any]:
    return {
        "slug": meeting.slug,
        "title": meeting.title,
        "short_name": meeting.short_name,
        "first_day": meeting.first_day.isoformat(),
        "last_day": meeting.last_day.isoformat(),
        "timezone": meeting.timezone,
        "venue": meeting.venue,
        "format": meeting.format.value,
        "url": url_for("public.agenda", slug=meeting.slug, _external=True),
        "api_url": url_for("api.event", slug=meeting.slug, _external=True),
    }


def meeting_detail(meeting: Meeting, reader_zone: str, sessions, people, institutions, officers, *,
                   for_organiser: bool = False) -> dict[str, Any]:
    """The whole meeting; its organisers also read whether it is published, its default online link and
    its drafts (``sessions``, ``people`` and ``institutions`` are what the reader may see)."""
    body = {
        **meeting_summary(meeting),
        "reader_timezone": reader_zone,
        "hosts": meeting.hosts,
        "description": meeting.description,
        "contact_email": meeting.contact_email,
        "days": [day.isoformat() for day in meeting.days],
        "officers": [officer_json(officer, index) for index, officer in enumerate(officers)],
        "rooms": [room_json(room) for room in meeting.rooms],
        "institutions": [institution_json(item) for item in institutions],
        "people": [person_json(person) for person in people],
        "sessions": [session_json(session, meeting, reader_zone, for_organiser=for_organiser)
                     for session in sessions],
        "version": meeting.version,
    }
    if for_organiser:
        body.update(published=meeting.published, online_link=meeting.online_link)
    return body


def officer_json(officer, position: int) -> dict[str, Any]:
    """A member of the bureau; ``position`` is their place in its order, 0 first."""
    return {"id": officer.id, "role": officer.role.value, "person_id": officer.person_id, "position": position,
            "version": officer.version}


def room_json(room: Room) -> dict[str, Any]:
    return {"id": room.id, "name": room.name, "capacity": room.capacity, "online_only": room.online_only,
            "venue": room.venue, "address": room.address, "version": room.version}


def institution_json(institution: Institution) -> dict[str, Any]:
    return {
        "id": institution.id,
        "name": institution.name,
        "acronym": institution.acronym,
        "kind": institution.kind.value,
        "country": institution.country,
        "version": institution.version,
    }


def person_json(person: Person, *, for_organiser: bool = False) -> dict[str, Any]:
    body = {
        "id": person.id,
        "honorific": person.honorific,
        "name": person.name,
        "position": person.position,
        "institution_id": person.institution_id,
        "version": person.version,
    }
    if for_organiser:
        body["email"] = person.email
    return body


def session_json(
    session: Session, meeting: Meeting, reader_zone: str | None = None, *, for_organiser: bool = False
) -> dict[str, Any]:
    zone = reader_zone or meeting.timezone
    body = {
        "id": session.id,
        "uid": str(session.uid),
        "title": session.title,
        "kind": session.kind.value,
        "starts_at": to_local(session.starts_at, zone).isoformat(),
        "ends_at": to_local(session.ends_at, zone).isoformat() if session.ends_at is not None else None,
        "timezone": meeting.timezone,
        "reader_timezone": zone,
        "room_id": session.room_id,
        "parent_id": session.parent_id,
        "attendance_mode": session.attendance_mode.value,
        # The join link is for the entitled; the public sees it only when the organiser says so.
        "online_link": session.online_link if session.online_link_public or for_organiser else None,
        "status": session.status.value,
        "thematic_area": session.thematic_area,
        "description": session.description,
        "roles": [
            {"id": role.id, "role": role.role.value, "person_id": role.person_id, "position": index,
             "on_behalf_of": role.on_behalf_of}
            for index, role in enumerate(session.roles)
        ],
        "url": f"{meeting_links(meeting, external=True).session}{session.id}",
        "version": session.version,
    }
    if for_organiser:
        body.update(online_link_public=session.online_link_public, draft=session.draft, sequence=session.sequence)
    return body


def conflict_json(conflict: Conflict, meeting: Meeting) -> dict[str, Any]:
    return {
        "kind": conflict.kind,
        "message": conflict.message,
        "session_ids": list(conflict.session_ids),
        "person_id": conflict.person_id,
        "room_id": conflict.room_id,
        "sessions": [
            url_for("public.session", slug=meeting.slug, session_id=session_id, _external=True)
            for session_id in conflict.session_ids
        ],
    }
