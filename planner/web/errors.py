"""Error answers: a page for people, JSON for API clients, never a stack trace."""
from flask import Flask, jsonify, render_template, request
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


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, http_error)
