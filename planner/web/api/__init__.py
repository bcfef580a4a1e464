"""The JSON API, version 1. Documented in docs/API.md."""
from flask import Blueprint

api = Blueprint("api", __name__, url_prefix="/api/v1")

from planner.web.api import events  # noqa: E402,F401  (attaches the routes)
