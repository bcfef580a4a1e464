"""Records as the JSON the API documents. Times: ISO 8601 with the reader's offset (the meeting's unless
``?tz=`` names another zone), plus both zone names."""
from typing import Any

from flask import url_for

from planner.domain.conflicts import Conflict
from planner.domain.timezones import to_local
from planner.domain.documents import language_name
from planner.models import Document, DocumentVersion, Institution, Meeting, Person, Room, Session
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
        "language": meeting.language,
        "url": url_for("public.agenda", slug=meeting.slug, _external=True),
        "api_url": url_for("api.event", slug=meeting.slug, _external=True),
    }


def meeting_detail(meeting: Meeting, reader_zone: str, sessions, rooms, people, institutions, officers,
                   documents: list[Document], *, for_organiser: bool = False) -> dict[str, Any]:
    """The whole meeting; its organisers also read whether it is published, its default online link and
    its drafts (``sessions``, ``people``, ``institutions`` and ``documents`` are what the reader may see)."""
    by_session: dict[int | None, list[Document]] = {}
    for document in documents:
        by_session.setdefault(document.session_id, []).append(document)
    body = {
        **meeting_summary(meeting),
        "reader_timezone": reader_zone,
        "hosts": meeting.hosts,
        "description": meeting.description,
        "contact_email": meeting.contact_email,
        "days": [day.isoformat() for day in meeting.days],
        "officers": [officer_json(officer, index) for index, officer in enumerate(officers)],
        "rooms": [room_json(room) for room in rooms],
        "institutions": [institution_json(item) for item in institutions],
        "people": [person_json(person) for person in people],
        "documents": [document_json(document, meeting) for document in by_session.get(None, [])],
        "sessions": [session_json(session, meeting, reader_zone, for_organiser=for_organiser,
                                  documents=by_session.get(session.id, [])) for session in sessions],
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
    session: Session, meeting: Meeting, reader_zone: str | None = None, *, for_organiser: bool = False,
    documents: list[Document] | None = None,
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
    if documents is not None:
        body["documents"] = [document_json(document, meeting) for document in documents]
    return body


def document_json(document: Document, meeting: Meeting) -> dict[str, Any]:
    """A document with each language version's current revision: its address, name, type, size and hash."""
    return {
        "id": document.id,
        "title": document.title,
        "kind": document.kind.value,
        "visibility": document.visibility.value,
        "session_id": document.session_id,
        "position": document.position,
        "languages": [_version_json(version, document, meeting) for version in document.languages],
        "version": document.version,
    }


def _version_json(version: DocumentVersion, document: Document, meeting: Meeting) -> dict[str, Any]:
    revision = version.current
    stored = revision.stored_file
    return {
        "language": version.language,
        "name": language_name(version.language),
        "url": url_for("documents.download", slug=meeting.slug, document_id=document.id, language=version.language,
                       _external=True),
        "link": revision.link or None,
        "filename": revision.filename or None,
        "content_type": stored.content_type if stored else None,
        "size": stored.size if stored else None,
        "sha256": stored.sha256 if stored else None,
        "revision": revision.number,
        "updated_at": revision.uploaded_at.isoformat(),
    }


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
