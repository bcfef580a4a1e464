"""Configuration: defaults here, then ``instance/config.py``, then the environment."""
import os
import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask


class Defaults:
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    WTF_CSRF_TIME_LIMIT = None
    PLANNER_SITE_NAME = "Planner"
    # The mail server for invitations (PLANNER_SMTP_HOST, …); without a host they are offered as files.
    SMTP_HOST = ""
    SMTP_PORT = 25
    SMTP_USERNAME = ""
    SMTP_PASSWORD = ""
    SMTP_USE_TLS = False
    SMTP_FROM = ""
    # Built calendar files: kept in this process up to this size, or in Redis (PLANNER_REDIS_URL) for this long.
    REDIS_URL = ""
    FEED_CACHE_MAX_BYTES = 64 * 1024 * 1024
    FEED_CACHE_EXPIRE_SECONDS = 24 * 60 * 60
    # Events' calendar text, kept in each process so that a feed built after an edit writes only what changed:
    # a session has two or three versions (with or without its join link); each takes one or two kilobytes.
    EVENT_TEXT_CACHE_ENTRIES = 10_000
    # Meetings' calendars (every event of a meeting's files, for one state of it), kept in each process too: a
    # participant's feed after an edit is put together from it. A few hundred kilobytes each at 500 sessions.
    MEETING_CALENDAR_CACHE_ENTRIES = 16
    # Static addresses change with their files (planner/web/static_files.py), so browsers may keep them long.
    STATIC_MAX_AGE_SECONDS = 365 * 24 * 60 * 60
    # No request body beyond this is read: Werkzeug answers 413 before spooling it. Uploads are the largest
    # (a participants CSV is at most 2 MB); the online reports' page allows its own (web/organise/online_reports.py).
    MAX_CONTENT_LENGTH = 4 * 1024 * 1024
    # Meeting documents: a file, and all of one meeting's files together (the same bytes count once). Only the
    # routes that receive documents take bodies beyond MAX_CONTENT_LENGTH, up to DOCUMENT_UPLOAD_REQUEST_MAX_BYTES
    # (several files in one plain form; the page's script sends each file alone), see planner/web/uploads.py.
    DOCUMENT_FILE_MAX_BYTES = 50 * 1024 * 1024
    DOCUMENTS_MEETING_MAX_BYTES = 1024 * 1024 * 1024
    DOCUMENT_UPLOAD_REQUEST_MAX_BYTES = 256 * 1024 * 1024
    # Cookies: never readable by scripts, not sent on cross-site requests, and HTTPS-only when the site is served
    # over HTTPS (PLANNER_SECURE_COOKIES, on in `make serve`).
    SECURE_COOKIES = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    # How many proxies in front set X-Forwarded-For/-Proto/-Host (werkzeug's ProxyFix); 0 trusts none of them.
    TRUSTED_PROXIES = 0
    # Where links in what the command line prints point (a password reset link, say).
    BASE_URL = "http://127.0.0.1:5000"
    # Days a deleted meeting stays in the trash, restorable, before `flask trash empty` (or the worker) purges it.
    TRASH_DAYS = 30
    # The benchmark's X-Query-Count header (planner/query_count.py); off in every real deployment.
    COUNT_QUERIES = False


def load_config(app: Flask, test_config: dict | None) -> None:
    app.config.from_object(Defaults)
    if test_config is not None:
        app.config.update(test_config)
    else:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("PLANNER")
        if url := os.environ.get("PLANNER_DATABASE_URL"):
            app.config["SQLALCHEMY_DATABASE_URI"] = url
    app.config.setdefault(
        "SQLALCHEMY_DATABASE_URI", "sqlite:///" + str(Path(app.instance_path) / "planner.sqlite")
    )
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(app.config["SQLALCHEMY_DATABASE_URI"])
    secure = bool(app.config["SECURE_COOKIES"])
    app.config.update(SESSION_COOKIE_SECURE=secure, REMEMBER_COOKIE_SECURE=secure)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path))


def database_url(url: str) -> str:
    """Let a plain ``postgresql://`` address use the psycopg 3 driver that Planner ships with."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _instance_secret_key(instance_path: Path) -> str:
    """A key kept in the instance folder, so sessions survive a restart of a local install.

    A real deployment sets PLANNER_SECRET_KEY (or SECRET_KEY in instance/config.py)
    and never reaches this.
    """
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()
