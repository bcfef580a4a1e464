"""Organiser accounts."""
from sqlalchemy import func, or_, select

from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.models import User
from planner.operations.validation import email_address, optional_text, storable

MINIMUM_PASSWORD_LENGTH = 10


def create_organiser(email: str, password: str, name: str = "") -> User:
    errors: dict[str, str] = {}
    email = email_address(errors, "email", email)
    if not email:
        errors.setdefault("email", "Give an email address.")
    elif find_user(email) is not None:
        errors["email"] = f"There is already an account for {email}."
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        errors["password"] = f"Use at least {MINIMUM_PASSWORD_LENGTH} characters."
    name = optional_text(errors, "name", name, "The name", 200)
    if errors:
        raise InvalidInput(errors=errors)
    user = User(email=email, name=name)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def find_user(email: str) -> User | None:
    if not storable(email):  # no account has such an address, and PostgreSQL would refuse to compare it
        return None
    email = email.strip()
    # The exact address too: SQLite's lower() folds ASCII only, and the unique constraint is on the exact address.
    return db.session.scalar(select(User).where(or_(User.email == email, func.lower(User.email) == email.lower())))
