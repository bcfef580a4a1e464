"""How often a door may be tried: sign-in, password-reset requests, the public registration form.

Failed sign-ins count per account (the email tried) and per address; once either is over its
limit, every sign-in there answers 429 with Retry-After, the right password too, until the window
passes. Counts are kept in Redis when PLANNER_REDIS_URL is set, so every worker counts the same
attempts, and in memory otherwise.

Each application gets a limiter of its own: Flask-Limiter keeps its storage and settings on the
limiter object, so one shared by several applications (the tests make many) would mix them up.
"""
from flask import Flask, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

KEY_PREFIX = "planner-limits"


def _email_tried() -> str:
    email = (request.form.get("email") or "").strip().casefold()[:254]
    return f"account:{email}" if email else ""


def _failed(response) -> bool:
    # The sign-in form answers 400 when it refuses; a redirect means the account signed in.
    return response.status_code == 400


def init_limits(app: Flask) -> None:
    limiter = Limiter(get_remote_address, app=app, headers_enabled=True,
                      key_prefix=app.config.get("RATELIMIT_KEY_PREFIX", KEY_PREFIX),
                      storage_uri=app.config.get("RATELIMIT_STORAGE_URI") or app.config["REDIS_URL"] or "memory://")
    limits = {
        "auth.login_page": [
            limiter.limit("10 per 15 minutes", key_func=_email_tried, methods=["POST"], deduct_when=_failed,
                          scope="sign-in-account"),
            limiter.limit("50 per 15 minutes", methods=["POST"], deduct_when=_failed, scope="sign-in-address"),
        ],
        "auth.request_password_reset": [
            limiter.limit("5 per hour", key_func=_email_tried, methods=["POST"], scope="password-reset-account"),
        ],
        "registration.register": [
            limiter.limit("20 per hour", methods=["POST"], scope="registration-address"),
        ],
    }
    app.extensions["planner_limiter"] = limiter  # the limits refer to it weakly
    for endpoint, decorators in limits.items():
        view = app.view_functions[endpoint]
        for decorate in decorators:
            view = decorate(view)
        app.view_functions[endpoint] = view
