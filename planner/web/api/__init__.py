"""The JSON API, version 1. Documented in docs/API.md."""
from flask import Blueprint, jsonify

from planner.domain.errors import InvalidInput

api = Blueprint("api", __name__, url_prefix="/api/v1")


@api.errorhandler(InvalidInput)
def invalid_input(error: InvalidInput):
    body = {"error": {"status": 400, "title": "Bad Request", "message": error.message, "field": error.field}}
    return jsonify(body), 400


from planner.web.api import events  # noqa: E402,F401  (attaches the routes)
