"""Public addresses of records, for what is built in a request and, alike, by the mail worker."""
from datetime import date

from flask import g, url_for

from planner.models import Meeting, Session


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
        self.session = _address_before_id("public.session", slug=slug, session_id=0, _external=external)
        self.person = _address_before_id("public.person", slug=slug, person_id=0, _external=external)
        self.institution = _address_before_id("public.institution", slug=slug, institution_id=0, _external=external)
        self._day = url_for("public.day", slug=slug, day=date(2000, 1, 1), _external=external).removesuffix("2000-01-01")

    def day(self, day: date) -> str:
        return self._day + day.isoformat()


def _address_before_id(endpoint: str, **values) -> str:
    """The address with its last segment, the record's id (given as 0), left off."""
    address = url_for(endpoint, **values)
    if not address.endswith("/0"):
        raise ValueError(f"{endpoint} does not end with the record's id: {address}")
    return address[:-1]


def meeting_links(meeting, *, external: bool = False) -> MeetingLinks:
    """The links of ``meeting`` (with scheme and host when ``external``), built once per request."""
    built = g.setdefault("meeting_links", {})
    key = (meeting.slug, external)
    if key not in built:
        built[key] = MeetingLinks(meeting.slug, external=external)
    return built[key]
