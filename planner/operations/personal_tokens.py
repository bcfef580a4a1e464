"""The secret in a participant's own addresses (/my/<token>, /my/<token>/calendar.ics).

Only its hash is kept, as for API tokens: a copy of the database opens nobody's agenda,
and the secret is seen only by the person it is given to. Losing it costs nothing, since
issuing a new one (which also retires the old one) is always possible.
"""
from planner.database import utcnow
from planner.domain.secrets import hash_secret, new_secret
from planner.domain.wording import _
from planner.extensions import db
from planner.models import Registration, User
from planner.operations.history import record_change


def issue_personal_token(registration: Registration, *, actor: User | None) -> str:
    """A new secret for the participant's addresses; the one before, if any, stops working."""
    secret = new_secret()
    registration.personal_token_hash = hash_secret(secret)
    registration.personal_token_issued_at = utcnow()
    db.session.flush()
    # The history says that it happened, never the hash.
    record_change(registration, meeting_id=registration.meeting_id, actor=actor, action="updated",
                  summary=_("Issued a new personal address for %(name)s", name=registration.person.name),
                  before=None, after=None)
    return secret


def revoke_personal_token(registration: Registration, *, actor: User | None) -> None:
    if registration.personal_token_hash is None:
        return
    registration.personal_token_hash = None
    registration.personal_token_issued_at = None
    db.session.flush()
    record_change(registration, meeting_id=registration.meeting_id, actor=actor, action="updated",
                  summary=_("Revoked the personal address of %(name)s", name=registration.person.name),
                  before=None, after=None)
