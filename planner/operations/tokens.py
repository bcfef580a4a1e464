"""API tokens: a random secret shown once; only its hash is kept."""
from sqlalchemy import select

from planner.database import utcnow
from planner.domain.secrets import hash_secret, new_secret
from planner.domain.wording import _
from planner.extensions import db
from planner.models import ApiToken, User
from planner.operations.validation import raise_if_any, required_text

PREFIX = "plnr_"


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    errors: dict[str, str] = {}
    name = required_text(errors, "name", name, _("What the token is for"), 100)
    raise_if_any(errors)
    secret = new_secret(PREFIX)
    token = ApiToken(user=user, name=name, prefix=secret[:12], secret_hash=hash_secret(secret))
    db.session.add(token)
    db.session.flush()
    return token, secret


def revoke_token(token: ApiToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.flush()


def user_for_secret(secret: str) -> User | None:
    """The active user a live token belongs to, noting when it was last used."""
    token = db.session.scalar(select(ApiToken).where(ApiToken.secret_hash == hash_secret(secret)))
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    token.last_used_at = utcnow()
    return token.user
