"""Error answers: a page for people, in the reader's language, JSON for API clients (in English), never a
stack trace."""
from flask import Flask, jsonify, render_template, request
from flask_babel import lazy_gettext
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, default_exceptions

from planner.domain.wording import Message, ngettext

# Each status's heading on the page, HTTP's own names (the API's "title"), in the reader's language.
TITLES = {
    400: lazy_gettext("Bad Request"),
    401: lazy_gettext("Unauthorized"),
    403: lazy_gettext("Forbidden"),
    404: lazy_gettext("Not Found"),
    405: lazy_gettext("Method Not Allowed"),
    409: lazy_gettext("Conflict"),
    410: lazy_gettext("Gone"),
    413: lazy_gettext("Request Entity Too Large"),
    415: lazy_gettext("Unsupported Media Type"),
    429: lazy_gettext("Too Many Requests"),
    500: lazy_gettext("Internal Server Error"),
    503: lazy_gettext("Service Unavailable"),
}

# What a page says when nothing more precise was given (Werkzeug's own descriptions are English only).
EXPLANATIONS = {
    400: lazy_gettext("The request could not be understood; go back, reload the page and try again."),
    401: lazy_gettext("Sign in to see this page."),
    403: lazy_gettext("You are not allowed to see this page."),
    404: lazy_gettext("There is no such page. Check the address, or start again from the list of meetings."),
    405: lazy_gettext("This address does not answer this kind of request."),
    409: lazy_gettext("This conflicts with a change made in the meantime; reload the page and try again."),
    410: lazy_gettext("This page is gone for good."),
    413: lazy_gettext("What was sent is too large."),
    415: lazy_gettext("What was sent is of a type this address does not take."),
    500: lazy_gettext("Planner failed to answer. The error was recorded; try again in a moment."),
    503: lazy_gettext("Planner cannot answer right now; try again in a moment."),
}
GENERAL = lazy_gettext("This request could not be answered.")
# Flask-WTF's reasons for refusing a form, which it writes in English only.
CSRF_REASONS = {
    "The CSRF token is missing.": lazy_gettext("The CSRF token is missing."),
    "The CSRF session token is missing.": lazy_gettext("The CSRF session token is missing."),
    "The CSRF token has expired.": lazy_gettext("The CSRF token has expired."),
    "The CSRF token is invalid.": lazy_gettext("The CSRF token is invalid."),
    "The CSRF tokens do not match.": lazy_gettext("The CSRF tokens do not match."),
    "The referrer header is missing.": lazy_gettext("The referrer header is missing."),
    "The referrer does not match the host.": lazy_gettext("The referrer does not match the host."),
}
FORM_EXPIRED = lazy_gettext("The form has expired or was not sent from this site; reload the page and try again.")


def wants_json() -> bool:
    return request.path.startswith("/api/")


def _explanation(error: HTTPException):
    """The page's text: the error's own message when it is one people can read in their language (a Message, said
    when printed, or a text the view translated), else the status's general explanation."""
    description = error.description
    if isinstance(error, CSRFError):
        return CSRF_REASONS.get(description, FORM_EXPIRED)
    default = default_exceptions.get(error.code)
    if isinstance(description, Message) or not description or (default and description == default.description):
        return description if isinstance(description, Message) else EXPLANATIONS.get(error.code, GENERAL)
    return description


def http_error(error: HTTPException):
    # The exception's own headers say what to do next (Allow on a 405), whichever body answers.
    headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
    if wants_json():
        body = {"error": {"status": error.code, "title": error.name, "message": error.description}}
        return jsonify(body), error.code, headers
    return render_template("error.html", error=error, title=TITLES.get(error.code, error.name),
                           explanation=_explanation(error)), error.code, headers


def too_many(error: RateLimitExceeded):
    """429 with Retry-After (the limiter adds it), and a message saying when to try again."""
    wait = max(1, round(error.limit.limit.get_expiry() / 60))
    error.description = ngettext(
        "Too many attempts. For your protection, this is refused for a while: try again in %(num)d minute at "
        "the latest.",
        "Too many attempts. For your protection, this is refused for a while: try again in %(num)d minutes at "
        "the latest.", wait)
    return http_error(error)


def register(app: Flask) -> None:
    app.register_error_handler(RateLimitExceeded, too_many)
    app.register_error_handler(HTTPException, http_error)
