"""Pages for looking back over a meeting: its conflicts and its history."""
from flask import render_template

from planner.queries.conflicts import meeting_conflicts
from planner.queries.organise import meeting_history
from planner.web.access import organised_meeting_or_abort
from planner.web.organise import organise


@organise.get("/events/<slug>/organise/conflicts")
def conflicts(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return render_template("organise/conflicts.html", meeting=meeting, conflicts=meeting_conflicts(meeting))


@organise.get("/events/<slug>/organise/history")
def history(slug: str):
    meeting = organised_meeting_or_abort(slug)
    return render_template("organise/history.html", meeting=meeting, entries=_entries(meeting_history(meeting)))


def _entries(changes) -> list[list]:
    """The changes, newest first, those made together (one batch: a move with what moved inside it, a bulk
    change) as one entry."""
    entries: list[list] = []
    for change in changes:
        if entries and change.batch is not None and entries[-1][0].batch == change.batch:
            entries[-1].append(change)
        else:
            entries.append([change])
    return entries
