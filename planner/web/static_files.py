"""Stylesheets and scripts are kept by browsers for a year: each address carries its file's modification time
(``/static/planner.css?v=…``), so a changed file is a new address and nobody keeps an old one. An address without it (a module a script
imports by its plain name) is asked about again on each use, so it is never stale either.

Only the static files: SEND_FILE_MAX_AGE_DEFAULT would also reach the invitation archives that organisers
download through ``send_file``.
"""
from pathlib import Path

from flask import Flask, request, send_from_directory

# Browsers ask for /favicon.ico on their own, whatever a page links; a day, since its address never changes.
FAVICON_MAX_AGE_SECONDS = 24 * 3600


def register(app: Flask) -> None:
    folder = Path(app.static_folder)
    app.add_url_rule("/favicon.ico", "favicon", lambda: send_from_directory(
        folder, "favicon.ico", mimetype="image/vnd.microsoft.icon", max_age=FAVICON_MAX_AGE_SECONDS))

    @app.url_defaults
    def add_version(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values:
            try:
                values.setdefault("v", int((folder / values["filename"]).stat().st_mtime))
            except OSError:
                pass  # no such file: its address answers 404 anyway

    @app.after_request
    def cache_for_long(response):
        if request.endpoint == "static" and response.status_code == 200 and "v" in request.args:
            response.cache_control.no_cache = None  # send_file's default, for files without a lifetime
            response.cache_control.public = True
            response.cache_control.max_age = app.config["STATIC_MAX_AGE_SECONDS"]
        return response
