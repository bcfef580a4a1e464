"""A meeting's team: roles granted, changed and removed, and invitations to join by email.

Every change is in the meeting's history. A meeting always keeps at least one organiser.
"""
from datetime import datetime, timedelta

from sqlalchemy import func, select

from planner.database import utcnow
from planner.domain.errors import InvalidInput
from planner.domain.secrets import hash_secret, new_secret
from planner.domain.vocabulary import TeamRole
from planner.domain.wording import _
from planner.extensions import db
from planner.models import Meeting, TeamInvitation, TeamMember, User
from planner.operations.accounts import create_organiser, find_user
from planner.operations.history import record_change, snapshot
from planner.operations.validation import email_address, raise_if_any

INVITATION_LIFETIME = timedelta(days=7)


def _who(user: User) -> str:
    return f"{user.name} <{user.email}>" if user.name else user.email


def member_of(meeting: Meeting, user: User) -> TeamMember | None:
    return db.session.scalar(select(TeamMember).where(TeamMember.meeting_id == meeting.id,
                                                      TeamMember.user_id == user.id))


def grant_role(meeting: Meeting, user: User, role: TeamRole, *, actor: User | None) -> TeamMember:
    """Give ``user`` ``role`` on the meeting's team (changing the role they hold, if any)."""
    member = member_of(meeting, user)
    if member is not None:
        change_role(member, role, actor=actor)
        return member
    member = TeamMember(meeting=meeting, user=user, role=role)
    db.session.add(member)
    db.session.flush()
    record_change(member, meeting_id=meeting.id, actor=actor, action="created",
                  summary=_("Gave %(who)s the role %(role)s", who=_who(user), role=role.named), before=None,
                  after=snapshot(member))
    return member


def _refuse_losing_last_organiser(member: TeamMember) -> None:
    if member.role is not TeamRole.ORGANISER:
        return
    organisers = db.session.scalar(select(func.count()).where(TeamMember.meeting_id == member.meeting_id,
                                                              TeamMember.role == TeamRole.ORGANISER))
    if organisers <= 1:
        raise InvalidInput("role", _("A meeting needs at least one organiser: give someone else the role first."))


def change_role(member: TeamMember, role: TeamRole, *, actor: User | None) -> None:
    if member.role is role:
        return
    _refuse_losing_last_organiser(member)
    before = snapshot(member)
    member.role = role
    db.session.flush()
    record_change(member, meeting_id=member.meeting_id, actor=actor, action="updated",
                  summary=_("Made %(who)s %(role)s", who=_who(member.user), role=role.named), before=before,
                  after=snapshot(member))


def remove_member(member: TeamMember, *, actor: User | None) -> None:
    _refuse_losing_last_organiser(member)
    record_change(member, meeting_id=member.meeting_id, actor=actor, action="deleted",
                  summary=_("Removed %(who)s (%(role)s) from the team", who=_who(member.user),
                            role=member.role.named),
                  before=snapshot(member), after=None)
    db.session.delete(member)
    db.session.flush()


def invite(meeting: Meeting, email: str, role: TeamRole, *, actor: User | None,
           now: datetime | None = None) -> tuple[TeamInvitation, str]:
    """An invitation for ``email`` to hold ``role``; returns it and the secret of its link (to be emailed)."""
    errors: dict[str, str] = {}
    email = email_address(errors, "email", email)
    if not email:
        errors.setdefault("email", _("Give the colleague's email address."))
    raise_if_any(errors)
    existing = find_user(email)
    if existing is not None and member_of(meeting, existing) is not None:
        raise InvalidInput("email", _("%(email)s is already on this meeting's team; change their role below.",
                                        email=existing.email))
    now = now or utcnow()
    for pending in pending_invitations(meeting, now=now):
        if pending.email.casefold() == email.casefold():
            raise InvalidInput("email", _("%(email)s has already been invited; resend or withdraw that invitation.",
                                            email=email))
    secret = new_secret()
    invitation = TeamInvitation(meeting=meeting, email=email, role=role, secret_hash=hash_secret(secret),
                                invited_by_id=actor.id if actor else None, created_at=now,
                                expires_at=now + INVITATION_LIFETIME)
    db.session.add(invitation)
    db.session.flush()
    record_change(invitation, meeting_id=meeting.id, actor=actor, action="created",
                  summary=_("Invited %(email)s to the team as %(role)s", email=email, role=role.named), before=None,
                  after=_invitation_snapshot(invitation))
    return invitation, secret


def _invitation_snapshot(invitation: TeamInvitation) -> dict:
    """What the history keeps of an invitation: never its secret's hash."""
    values = snapshot(invitation)
    values.pop("secret_hash")
    return values


def resend(invitation: TeamInvitation, *, actor: User | None, now: datetime | None = None) -> str:
    """A new link for the invitation, valid seven days from now; the old link stops working."""
    now = now or utcnow()
    if invitation.accepted_at is not None or invitation.withdrawn_at is not None:
        raise InvalidInput("invitation", _("This invitation was already accepted or withdrawn."))
    before = _invitation_snapshot(invitation)
    secret = new_secret()
    invitation.secret_hash = hash_secret(secret)
    invitation.expires_at = now + INVITATION_LIFETIME
    db.session.flush()
    record_change(invitation, meeting_id=invitation.meeting_id, actor=actor, action="updated",
                  summary=_("Sent the invitation to %(email)s again", email=invitation.email), before=before,
                  after=_invitation_snapshot(invitation))
    return secret


def withdraw(invitation: TeamInvitation, *, actor: User | None, now: datetime | None = None) -> None:
    if invitation.withdrawn_at is not None or invitation.accepted_at is not None:
        return
    before = _invitation_snapshot(invitation)
    invitation.withdrawn_at = now or utcnow()
    db.session.flush()
    record_change(invitation, meeting_id=invitation.meeting_id, actor=actor, action="updated",
                  summary=_("Withdrew the invitation to %(email)s", email=invitation.email), before=before,
                  after=_invitation_snapshot(invitation))


def pending_invitations(meeting: Meeting, *, now: datetime | None = None) -> list[TeamInvitation]:
    now = now or utcnow()
    query = select(TeamInvitation).where(TeamInvitation.meeting_id == meeting.id,
                                         TeamInvitation.accepted_at.is_(None), TeamInvitation.withdrawn_at.is_(None),
                                         TeamInvitation.expires_at > now).order_by(TeamInvitation.id)
    return list(db.session.scalars(query))


def open_invitation(secret: str, *, now: datetime | None = None) -> TeamInvitation | None:
    """The invitation a link's secret opens, while it is neither used, withdrawn nor expired."""
    invitation = db.session.scalar(select(TeamInvitation).where(TeamInvitation.secret_hash == hash_secret(secret)))
    if invitation is None or not invitation.open_at(now or utcnow()):
        return None
    return invitation


def accept(invitation: TeamInvitation, *, name: str = "", password: str = "",
           now: datetime | None = None) -> User:
    """Take up the invitation: an existing account gains the role; a new person's account is made with the
    name and password they chose. The link is used up."""
    user = find_user(invitation.email)
    if user is None:
        errors = {} if name.strip() else {"name": _("Give your name as colleagues should see it.")}
        try:
            user = create_organiser(invitation.email, password, name, administrator=False)
        except InvalidInput as refused:
            errors.update(refused.errors)
        raise_if_any(errors)
    elif not user.active:
        raise InvalidInput("email", _("This account has been deactivated; ask an administrator."))
    before = _invitation_snapshot(invitation)
    invitation.accepted_at = now or utcnow()
    grant_role(invitation.meeting, user, invitation.role, actor=user)
    record_change(invitation, meeting_id=invitation.meeting_id, actor=user, action="updated",
                  summary=_("%(email)s accepted the invitation", email=invitation.email), before=before,
                  after=_invitation_snapshot(invitation))
    return user
