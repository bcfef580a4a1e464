"""The printable programme: the whole meeting, or one day, laid out for the browser's own print."""
from collections.abc import Sequence
from datetime import date
from functools import partial

import re

from flask import Blueprint, abort, render_template, request
from flask_babel import gettext
from markupsafe import Markup

from planner.domain.errors import InvalidInput
from planner.domain.programme import (
    Edition, Paper, ProgrammeDay, ProgrammeOptions, attendance_legend, online_link, programme_days, programme_options,
)
from planner.domain.documents import Reader
from planner.models import Meeting
from planner.queries.documents import readable_documents
from planner.queries import agenda as queries
from planner.queries.listing import listed_officers
from planner.web.access import may_see_private_links, meeting_day_or_404, readable_meeting_or_404
from planner.web.presenters import css_string
from planner.web.wording import say

programme = Blueprint("programme", __name__)


@programme.get("/events/<slug>/programme")
def whole_meeting(slug: str):
    meeting = readable_meeting_or_404(slug)
    options = options_or_400()
    days = programme_days(queries.agenda_sessions(meeting), meeting.timezone, meeting.days, keep_empty_days=False)
    return render_programme(meeting, days, options)


@programme.get("/events/<slug>/programme/<isodate:day>")
def one_day(slug: str, day: date):
    meeting = readable_meeting_or_404(slug)
    meeting_day_or_404(meeting, day)
    options = options_or_400()
    sessions = queries.agenda_sessions(meeting, day=day)
    return render_programme(meeting, programme_days(sessions, meeting.timezone, [day], keep_empty_days=True),
                            options, day=day)


def options_or_400() -> ProgrammeOptions:
    try:
        return programme_options(request.args)
    except InvalidInput as error:
        abort(400, description=say(error.message))


def render_programme(
    meeting: Meeting, days: Sequence[ProgrammeDay], options: ProgrammeOptions, day: date | None = None
):
    """Any selection of days and sessions, printed the same way; ``day`` names a single day asked for."""
    private_links = may_see_private_links(meeting)
    if options.edition is Edition.INTERNAL and not private_links:
        abort(403, description=gettext("The internal edition, with the online links, is for the meeting's organisers."))
    return render_template(
        "programme/programme.html", meeting=meeting, days=days, day=day, options=options,
        legend=attendance_legend(days), papers=list(Paper),
        # Offered only what the reader may open: the internal edition is its organisers'.
        editions=[edition for edition in Edition if edition is not Edition.INTERNAL or private_links],
        join_link=partial(online_link, edition=options.edition, private_links=private_links,
                          meeting_link=meeting.online_link),
        officers=listed_officers(meeting),
        # Printed at the end of the whole programme (a day's sheet is for its room), with addresses to type in.
        documents=readable_documents(meeting, Reader.PUBLIC, meeting_only=True) if day is None else [],
    )


# Where the translated words put the two page numbers; each becomes a CSS counter.
_COUNTERS = re.compile("(\x00page\x00|\x00pages\x00)")


@programme.app_template_global()
def page_counter() -> Markup:
    """"Page 2 of 5" as the CSS ``content`` of a page's margin, in the reader's language: the words around the
    numbers as strings, the numbers as the page counters (every printed document's footer)."""
    words = gettext("Page %(page)s of %(pages)s", page="\x00page\x00", pages="\x00pages\x00")
    parts = [f"counter({part.strip(chr(0))})" if _COUNTERS.fullmatch(part) else css_string(part)
             for part in _COUNTERS.split(words) if part]
    return Markup(" ".join(parts))
