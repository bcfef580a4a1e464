"""The web layer: blueprints for pages and the JSON API. Nothing below imports it."""
from flask import Flask

from planner.web import (
    access, errors, kept, language, limits, presenters, reader_zone, security, static_files, wording,
)
from planner.web.api import api
from planner.web import joining  # noqa: F401  (attaches the team-invitation route to auth)
from planner.web import participant_list  # noqa: F401  (attaches the published list of participants to public)
from planner.web.auth import auth
from planner.web.calendars import calendars
from planner.web.converters import IsoDateConverter, RecordIdConverter
from planner.web.documents import documents
from planner.web.organise import organise
from planner.web.programme import programme
from planner.web.personal import personal
from planner.web.public import public
from planner.web.registration import registration


def register_web(app: Flask) -> None:
    app.url_map.converters["isodate"] = IsoDateConverter
    app.url_map.converters["int"] = RecordIdConverter
    presenters.register(app)
    app.add_template_global(access.may_organise)
    errors.register(app)
    security.register(app)
    reader_zone.register(app)
    language.register(app)
    wording.register(app)
    kept.register(app)
    static_files.register(app)
    app.register_blueprint(public)
    app.register_blueprint(programme)
    app.register_blueprint(calendars)
    app.register_blueprint(api)
    app.register_blueprint(auth)
    app.register_blueprint(organise)
    app.register_blueprint(registration)
    app.register_blueprint(personal)
    app.register_blueprint(documents)
    limits.init_limits(app)
