"""Who is calling the API: a bearer token, or a signed-in organiser's browser carrying its CSRF token."""
from flask import abort, g, request
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError

from planner.models import User
from planner.operations.tokens import user_for_secret

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def resolve_api_user() -> None:
    """Set ``g.api_user`` for the request, or stop it with 401 when it must be authenticated; ``g.from_page``
    when a page of Planner's own calls it (a signed-in browser, not a token)."""
    g.api_user, g.from_page = None, False
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, secret = header.partition(" ")
        user = user_for_secret(secret.strip()) if scheme.lower() == "bearer" and secret.strip() else None
        if user is None:
            abort(401, description="The bearer token is missing, unknown or revoked.")
        g.api_user = user
    elif current_user.is_authenticated:
        # A browser's cookie travels on its own; the CSRF token proves the page asked for this change.
        if request.method not in SAFE_METHODS:
            try:
                validate_csrf(request.headers.get("X-CSRFToken", ""))
            except ValidationError as error:
                abort(400, description=f"{error} Send the page's token in the X-CSRFToken header.")
        g.api_user, g.from_page = current_user._get_current_object(), True

    elif request.method not in SAFE_METHODS:
        abort(401, description="Changes need a bearer token (Authorization: Bearer …).")


def api_user() -> User | None:
    return g.get("api_user")


def require_api_user() -> User:
    user = api_user()
    if user is None:
        abort(401, description="This needs a bearer token (Authorization: Bearer …).")
    return user
