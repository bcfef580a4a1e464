"""The security headers of every answer: Flask-Talisman's, and which answers no one may keep or refer from.

Scripts come only from our own files (no inline script, no ``on…=`` attribute); the one inline
stylesheet (the programme's page rules, which depend on the meeting) carries the request's nonce,
and style attributes set CSS custom properties (the timetable's positions, the programme's depths).
"""
from flask import Flask, Response, request
from flask_talisman import Talisman

CONTENT_SECURITY_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "style-src-attr": "'unsafe-inline'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Their answers are for one organiser or one participant: no shared cache, nor the browser's, may keep them.
PRIVATE_BLUEPRINTS = ("organise", "personal", "auth")
PRIVATE_API_ENDPOINTS = {"api.registrations", "api.registration", "api.headcounts", "api.export"}
PRIVATE_CACHE_CONTROL = "private, no-store"

talisman = Talisman()


def register(app: Flask) -> None:
    # Registered before Talisman's own: Flask runs these last-registered first, so this one has the last word.
    app.after_request(_private_answers)
    talisman.init_app(
        app,
        content_security_policy=CONTENT_SECURITY_POLICY,
        content_security_policy_nonce_in=["style-src"],
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        # TLS ends at the proxy in front (README); HSTS is sent whenever the request came over HTTPS.
        force_https=False,
        strict_transport_security=True,
        # Cookies are the sign-in's business (planner/web/auth.py and the SESSION_COOKIE_* settings): left as set.
        session_cookie_secure=False,
        session_cookie_http_only=False,
        session_cookie_samesite=app.config.get("SESSION_COOKIE_SAMESITE"),
    )


def _private_answers(response: Response) -> Response:
    if request.path.startswith("/my/"):
        # The address is the participant's secret: it must not travel to a join link's host in a Referer.
        response.headers["Referrer-Policy"] = "no-referrer"
    if (request.blueprint in PRIVATE_BLUEPRINTS or request.endpoint in PRIVATE_API_ENDPOINTS
            or "Authorization" in request.headers):
        response.headers["Cache-Control"] = PRIVATE_CACHE_CONTROL
    return response
