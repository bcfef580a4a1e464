"""The JSON API, version 1. Documented in docs/API.md."""
from flask import Blueprint, jsonify

from planner.domain.errors import InvalidInput

from planner.extensions import csrf
from planner.web.api.auth import resolve_api_user

api = Blueprint("api", __name__, url_prefix="/api/v1")
# Token-authenticated; browser sessions calling it are checked for their CSRF header in resolve_api_user.
csrf.exempt(api)
api.before_request(resolve_api_user)



@api.errorhandler(InvalidInput)
def invalid_input(error: InvalidInput):
    body = {"error": {"status": 400, "title": "Bad Request", "message": error.message, "field": error.field,
                      "fields": error.errors}}
    return jsonify(body), 400


from planner.web.api import (  # noqa: E402,F401  (attach the routes)
    agenda, directory, documents, events, openapi, registrations,
)
