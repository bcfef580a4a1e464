"""Accounts: creating them, their passwords, their sign-ins, password resets, and switching them off.

Secrets (a sign-in's, a reset link's) are shown once and stored as hashes. Every sign-in of an
account issued before a sign-out, a password change or reset, or a deactivation ends with it.
"""
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import joinedload
from werkzeug.security import check_password_hash

from planner.database import utcnow
from planner.domain.errors import InvalidInput
from planner.domain.passwords import password_problem
from planner.domain.secrets import hash_secret, new_secret
from planner.domain.wording import _
from planner.extensions import db
from planner.models import PasswordReset, SignIn, User
from planner.models import accounts as account_models
from planner.operations.validation import email_address, optional_text, raise_if_any, storable

SIGN_IN_IDLE_LIMIT = timedelta(hours=12)
SIGN_IN_LIFETIME = timedelta(days=30)
RESET_LIFETIME = timedelta(hours=1)
# A sign-in's "last seen" is written at most this often, so reading pages does not write on every request.
LAST_SEEN_GRANULARITY = timedelta(minutes=1)


def create_organiser(email: str, password: str, name: str = "", *, administrator: bool = False) -> User:
    """A new account, on no meeting's team yet."""
    errors: dict[str, str] = {}
    email = email_address(errors, "email", email)
    if not email:
        errors.setdefault("email", _("Give an email address."))
    elif find_user(email) is not None:
        errors["email"] = _("There is already an account for %(email)s.", email=email)
    if problem := password_problem(password, email):
        errors["password"] = problem
    name = optional_text(errors, "name", name, _("The name"), 200)
    raise_if_any(errors)
    user = User(email=email, name=name, administrator=administrator)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def no_account_yet() -> bool:
    return not db.session.scalar(select(exists().where(User.id.isnot(None))))


def find_user(email: str) -> User | None:
    if not storable(email):  # no account has such an address, and PostgreSQL would refuse to compare it
        return None
    email = email.strip()
    # The exact address too: SQLite's lower() folds ASCII only, and the unique constraint is on the exact address.
    return db.session.scalar(select(User).where(or_(User.email == email, func.lower(User.email) == email.lower())))


@cache
def _dummy_hash(hashing: Callable[[str], str]) -> str:
    """A hash of nothing, made by the method real passwords are hashed with (keyed by it), so checking a
    password against it takes as long as against a real account's."""
    return hashing(new_secret())


def authenticate(email: str, password: str) -> User | None:
    """The active account with this email and password, or None; as slow for an unknown email as for a known one."""
    user = find_user(email)
    if user is None:
        check_password_hash(_dummy_hash(account_models.generate_password_hash), password)
        return None
    if not user.check_password(password) or not user.active:
        return None
    return user


def start_sign_in(user: User, *, remembered: bool, user_agent: str = "", address: str = "",
                  now: datetime | None = None) -> str:
    """A new sign-in of ``user``; its secret (for the cookie) is set as the user's current one and returned."""
    now = now or utcnow()
    secret = new_secret()
    db.session.add(SignIn(user=user, secret_hash=hash_secret(secret), remembered=remembered, created_at=now,
                          last_seen_at=now, user_agent=user_agent[:300], address=address[:64]))
    db.session.flush()
    user.current_sign_in_secret = secret
    return secret


def resume_sign_in(secret: str, *, now: datetime | None = None) -> User | None:
    """The account a cookie's sign-in secret belongs to while that sign-in lasts; None once it has ended."""
    now = now or utcnow()
    sign_in = db.session.scalar(select(SignIn).options(joinedload(SignIn.user))
                                .where(SignIn.secret_hash == hash_secret(secret)))
    if sign_in is None or sign_in.ended_at is not None or not sign_in.user.active:
        return None
    # Left unflushed, so the caller sees them as the session's pending changes and commits them.
    if not _lasts(sign_in, now):
        sign_in.ended_at = now
        return None
    if now - sign_in.last_seen_at > LAST_SEEN_GRANULARITY:
        sign_in.last_seen_at = now
    sign_in.user.current_sign_in_secret = secret
    return sign_in.user


def _lasts(sign_in: SignIn, now: datetime) -> bool:
    """Whether a sign-in not yet ended still holds at ``now``: not idle too long (unless kept), not too old."""
    idle = now - sign_in.last_seen_at > SIGN_IN_IDLE_LIMIT and not sign_in.remembered
    return not idle and now - sign_in.created_at <= SIGN_IN_LIFETIME


def active_sign_ins(user: User, *, now: datetime | None = None) -> list[SignIn]:
    now = now or utcnow()
    return [sign_in for sign_in in user.sign_ins if sign_in.ended_at is None and _lasts(sign_in, now)]


def end_sign_ins(user: User, *, keep_secret: str | None = None, now: datetime | None = None) -> None:
    """End every sign-in of ``user`` (but the one whose secret is ``keep_secret``): their cookies stop working."""
    query = update(SignIn).where(SignIn.user_id == user.id, SignIn.ended_at.is_(None))
    if keep_secret is not None:
        query = query.where(SignIn.secret_hash != hash_secret(keep_secret))
    db.session.execute(query.values(ended_at=now or utcnow()), execution_options={"synchronize_session": "fetch"})
    db.session.flush()


def end_sign_in(user: User, sign_in_id: int, *, now: datetime | None = None) -> bool:
    """End one of the account's own sign-ins (another account's is not found)."""
    sign_in = db.session.get(SignIn, sign_in_id)
    if sign_in is None or sign_in.user_id != user.id:
        return False
    if sign_in.ended_at is None:
        sign_in.ended_at = now or utcnow()
        db.session.flush()
    return True


def _set_password(user: User, password: str, confirmation: str, errors: dict) -> None:
    if problem := password_problem(password, user.email):
        errors["password"] = problem
    elif password != confirmation:
        errors["confirmation"] = _("The two passwords are not the same.")
    raise_if_any(errors)
    user.set_password(password)


def change_password(user: User, *, current: str, password: str, confirmation: str) -> None:
    """A signed-in user's new password; every other sign-in of theirs ends, this one stays."""
    errors: dict[str, str] = {}
    if not user.check_password(current):
        errors["current"] = _("This is not your current password.")
        raise_if_any(errors)
    _set_password(user, password, confirmation, errors)
    end_sign_ins(user, keep_secret=user.current_sign_in_secret)


def start_password_reset(user: User, *, now: datetime | None = None) -> str:
    """A single-use reset link's secret, valid for an hour; earlier unused links of the account stop working."""
    now = now or utcnow()
    db.session.execute(update(PasswordReset).where(PasswordReset.user_id == user.id, PasswordReset.used_at.is_(None))
                       .values(used_at=now), execution_options={"synchronize_session": "fetch"})
    secret = new_secret()
    db.session.add(PasswordReset(user=user, secret_hash=hash_secret(secret), created_at=now,
                                 expires_at=now + RESET_LIFETIME))
    db.session.flush()
    return secret


def open_password_reset(secret: str, *, now: datetime | None = None) -> PasswordReset | None:
    now = now or utcnow()
    if not storable(secret):
        return None
    reset = db.session.scalar(select(PasswordReset).where(PasswordReset.secret_hash == hash_secret(secret)))
    if reset is None or reset.used_at is not None or now >= reset.expires_at or not reset.user.active:
        return None
    return reset


def reset_password(reset: PasswordReset, *, password: str, confirmation: str, now: datetime | None = None) -> User:
    """Set the new password through a reset link, which is then used up; every sign-in of the account ends."""
    _set_password(reset.user, password, confirmation, {})
    reset.used_at = now or utcnow()
    end_sign_ins(reset.user, now=now)
    return reset.user


def set_account_active(user: User, active: bool, *, actor: User) -> None:
    """Switch an account off (it can no longer sign in or use its API tokens; its sign-ins end) or on again."""
    if not active and user.id == actor.id:
        raise InvalidInput("active", _("You cannot deactivate your own account."))
    user.active = active
    if not active:
        end_sign_ins(user)
    db.session.flush()


def set_administrator(user: User, administrator: bool, *, actor: User) -> None:
    if not administrator and user.administrator and _administrator_count() <= 1:
        raise InvalidInput("administrator", _("The site needs at least one administrator."))
    if not administrator and user.id == actor.id:
        raise InvalidInput("administrator", _("Ask another administrator to remove your own administrator rights."))
    user.administrator = administrator
    db.session.flush()


def _administrator_count() -> int:
    return db.session.scalar(select(func.count()).where(User.administrator.is_(True), User.active.is_(True)))
