"""Changing what the printed documents for the people depend on: the settings, and each badge's issue."""
from collections.abc import Collection, Mapping

from planner.database import utcnow
from planner.domain.badges import checked_colour
from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import ParticipantRole
from planner.domain.wording import _, ngettext
from planner.extensions import db
from planner.models import Badge, Meeting, Registration, User
from planner.operations import records
from planner.operations.history import record_change
from planner.queries.printing import badge_of, meeting_badges, print_settings


def update_print_settings(
    meeting: Meeting, *, list_published: bool, public_roles: Collection[str], family_names_in_capitals: bool,
    role_colours: Mapping[str, str], actor: User | None, based_on_version: int | None = None,
):
    known = {role.value for role in ParticipantRole}
    if set(public_roles) - known:
        raise InvalidInput("public_roles", _("Choose roles from the list."))
    if list_published and not public_roles:
        raise InvalidInput("public_roles", _("Choose which roles the published list shows."))
    colours = {role: checked_colour(f"colour_{role}", colour) for role, colour in role_colours.items()
               if role in known and colour}
    values = {"list_published": bool(list_published), "family_names_in_capitals": bool(family_names_in_capitals),
              "public_roles": sorted(public_roles), "role_colours": colours}
    settings = print_settings(meeting)
    if settings not in db.session:
        for name, value in values.items():
            setattr(settings, name, value)
        return records.created(settings, meeting_id=meeting.id, actor=actor,
                               summary=_("Chose the settings of the printed documents"))
    records.updated(settings, values, meeting_id=meeting.id, actor=actor, based_on_version=based_on_version,
                    summary=_("Changed the settings of the printed documents"))
    return settings


def _badge(registration: Registration) -> Badge:
    badge = badge_of(registration.meeting, registration.id)
    if badge is None:
        badge = Badge(meeting_id=registration.meeting_id, registration_id=registration.id, issue=1, printed_face="")
        db.session.add(badge)
    return badge


def reissue_badge(registration: Registration, *, actor: User | None) -> Badge:
    """A new issue of the badge's code: the code on any badge printed before stops reading."""
    badge = _badge(registration)
    badge.issue = (badge.issue or 1) + 1
    badge.revoked_at = None
    badge.printed_face = ""  # so "changed since the last print" offers it again
    db.session.flush()
    record_change(badge, meeting_id=registration.meeting_id, actor=actor, action="updated",
                  summary=_("Reissued the badge of %(name)s", name=registration.person.name), before=None, after=None)
    return badge


def revoke_badge(registration: Registration, *, actor: User | None) -> Badge:
    """The badge's code stops reading at the door until a new badge is issued."""
    badge = _badge(registration)
    if badge.revoked_at is None:
        badge.revoked_at = utcnow()
        db.session.flush()
        record_change(badge, meeting_id=registration.meeting_id, actor=actor, action="updated",
                      summary=_("Revoked the badge of %(name)s", name=registration.person.name), before=None,
                      after=None)
    return badge


def mark_badges_printed(meeting: Meeting, faces: Mapping[int, str], *, actor: User | None) -> int:
    """Remember what each badge printed said (registration id → badge_face), so later prints can offer only
    those added or changed since; returns how many were marked."""
    badges = meeting_badges(meeting)
    now = utcnow()
    for registration_id, face in faces.items():
        badge = badges.get(registration_id)
        if badge is None:
            badge = Badge(meeting_id=meeting.id, registration_id=registration_id, issue=1)
            db.session.add(badge)
        badge.printed_at, badge.printed_face = now, face
    db.session.flush()
    if faces:
        record_change(meeting, meeting_id=meeting.id, actor=actor, action="updated",
                      summary=ngettext("Printed %(num)d badge", "Printed %(num)d badges", len(faces)), before=None,
                      after=None)
    return len(faces)
