"""How the API answers writes: commit once, or roll back and say which field and why."""
import functools
import re

from flask import g, jsonify, request

from planner.domain.errors import InvalidInput, StaleEdit
from planner.extensions import db
from planner.web.wording import say


# The operations name fields as the forms do; the API names them as its JSON does.
API_FIELD_NAMES = {
    "starts": "starts_at", "ends": "ends_at", "room": "room_id", "parent": "parent_id",
    "person": "person_id", "institution": "institution_id",
}


def error_body(status: int, title: str, message: str, **extra):
    return jsonify({"error": {"status": status, "title": title, "message": message, **extra}}), status


def _for_reader(message):
    """A refusal as the caller shows it: a page's own script (the timetable) shows it to its reader, in their
    language; programs calling with a token read English."""
    return say(message) if g.get("from_page") else message


def writes(view):
    """Commit when the view succeeds; roll back and explain when an operation refuses."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        try:
            response = view(*args, **kwargs)
        except InvalidInput as error:
            db.session.rollback()
            fields = {API_FIELD_NAMES.get(name, name): _for_reader(message) for name, message in error.errors.items()}
            return error_body(422, "Unprocessable Content", "Some fields are not valid; nothing was changed.",
                              fields=fields)
        except StaleEdit as error:
            db.session.rollback()
            status = 412 if g.get("version_from") == "If-Match" else 409
            return error_body(
                status, "Precondition Failed" if status == 412 else "Conflict",
                f"Someone else changed {error.what} since version {error.based_on}; nothing was changed. "
                f"Fetch it again, or resend with version {error.current}.",
                current_version=error.current,
                changes=[{"field": API_FIELD_NAMES.get(name, name), "then": then, "now": now}
                         for name, then, now in error.differences],
            )
        db.session.commit()
        return response

    return wrapper


def expected_version(body=None) -> int | None:
    """The version the client based its change on: If-Match, else a ``version`` in the body."""
    header = request.headers.get("If-Match")
    if header is not None and header.strip() != "*":
        g.version_from = "If-Match"
        # A record's ETag is its version ("3"); a meeting read whole has "3.<state of all it shows>": either names
        # the version an edit is based on.
        match = re.fullmatch(r'\s*(?:W/)?"(\d{1,9})(?:\.[0-9a-f]{32})?"\s*', header)
        if match is None:
            raise InvalidInput("If-Match", 'Give the ETag you received, such as "3".')
        return int(match.group(1))
    if body is not None and body.has("version"):
        version = body.integer("version", minimum=1)
        body.raise_if_invalid()
        g.version_from = "body"
        return version
    return None


def with_etag(payload: dict, version: int, status: int = 200, location: str | None = None):
    response = jsonify(payload)
    response.status_code = status
    response.set_etag(str(version))
    if location:
        response.headers["Location"] = location
    return response
