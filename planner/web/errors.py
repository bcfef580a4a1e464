"""Error answers: a page for people, JSON for API clients, never a stack trace."""
from flask import Flask, jsonify, render_template, request
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException


def wants_json() -> bool:
    return request.path.startswith("/api/")


def http_error(error: HTTPException):
    # The exception's own headers say what to do next (Allow on a 405), whichever body answers.
    headers = [(name, value) for name, value in error.get_headers() if name.lower() != "content-type"]
    if wants_json():
        body = {"error": {"status": error.code, "title": error.name, "message": error.description}}
        return jsonify(body), error.code, headers
    return render_template("error.html", error=error), error.code, headers


def too_many(error: RateLimitExceeded):
    """429 with Retry-After (the limiter adds it), and a message saying when to try again."""
    wait = max(1, round(error.limit.limit.get_expiry() / 60))
    error.description = (f"Too many attempts. For your protection, this is refused for a while: try again in "
                         f"{wait} minute{'s' if wait != 1 else ''} at the latest.")
    return http_error(error)


def register(app: Flask) -> None:
    app.register_error_handler(RateLimitExceeded, too_many)
    app.register_error_handler(HTTPException, http_error)
