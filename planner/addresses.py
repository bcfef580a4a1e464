"""Public addresses of records, for what is built in a request and, alike, by the mail worker."""
from datetime import date

from flask import g, url_for

from planner.models import Meeting, Session


def session_address(session: Session) -> str:
    """``session_page_url`` for a session loaded with its meeting at hand, as invitations take it."""
    return session_page_url(session.meeting, session)


def session_page_url(meeting: Meeting, session: Session) -> str:
    # A deleted session has no page of its own any more; its meeting's agenda has.
    if session.deleted_at is not None:
        return url_for("public.agenda", slug=meeting.slug, _external=True)
    return f"{meeting_links(meeting, external=True).session}{session.id}"


class MeetingLinks:
    """The addresses of a meeting's public pages, for pages that link to hundreds of them.

    ``url_for`` costs tens of microseconds a call; a long agenda links to thousands of sessions,
    people and institutions, which took more time than the rest of its page. So each kind of
    address is built once, with a stand-in id, and the ids are put in its place.
    """

    def __init__(self, slug: str, *, external: bool = False):
        common = dict(slug=slug, _external=external)
        self.session = _address_before("public.session", "0", session_id=0, **common)
        self.person = _address_before("public.person", "0", person_id=0, **common)
        self.institution = _address_before("public.institution", "0", institution_id=0, **common)
        self._day = _address_before("public.day", "2000-01-01", day=date(2000, 1, 1), **common)

    def day(self, day: date) -> str:
        return self._day + day.isoformat()


def _address_before(endpoint: str, stand_in: str, **values) -> str:
    """The address with its last segment, ``stand_in`` for a record's id or a day, left off."""
    address = url_for(endpoint, **values)
    if not address.endswith("/" + stand_in):
        raise ValueError(f"{endpoint} does not end with the value it is built for: {address}")
    return address.removesuffix(stand_in)


def meeting_links(meeting, *, external: bool = False) -> MeetingLinks:
    """The links of ``meeting`` (with scheme and host when ``external``), built once per request."""
    built = g.setdefault("meeting_links", {})
    key = (meeting.slug, external)
    if key not in built:
        built[key] = MeetingLinks(meeting.slug, external=external)
    return built[key]
