"""A meeting's team: who holds which role, inviting colleagues by email, changing and removing roles."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired

from planner.database import utcnow
from planner.domain.account_mail import team_invitation_email
from planner.domain.calendars.words import words_in
from planner.domain.errors import InvalidInput
from planner.domain.timezones import to_local
from planner.domain.vocabulary import TeamRole
from planner.domain.wording import _
from planner.extensions import db
from planner.jobs import deliver
from planner.models import Meeting, TeamInvitation, TeamMember
from planner.operations import team
from planner.operations.mail import smtp_settings
from planner.web.access import organised_meeting_or_abort, record_of_meeting_or_404
from planner.web.forms import choices
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import commit_and_say, show_invalid
from planner.web.language import reader_language
from planner.web.senders import account_mail_sender
from planner.web.wording import say


class InviteForm(FlaskForm):
    email = EmailField(lazy_gettext("Colleague's email"), validators=[DataRequired()])
    role = SelectField(lazy_gettext("Role"), choices=choices(TeamRole), default=TeamRole.ORGANISER.value)


class RoleForm(FlaskForm):
    role = SelectField(lazy_gettext("Role"), choices=choices(TeamRole))


def _page(meeting: Meeting, invite_form: InviteForm, status: int = 200, link: str | None = None):
    members = sorted(meeting.team, key=lambda member: (member.role is not TeamRole.ORGANISER, member.user.email))
    return render_template("organise/team.html", meeting=meeting, members=members, invite_form=invite_form,
                           role_form=RoleForm, confirm_form=ConfirmForm(), link=link,
                           invitations=team.pending_invitations(meeting),
                           mail=smtp_settings(current_app.config) is not None), status


@organise.get("/events/<slug>/organise/team")
def team_page(slug: str):
    return _page(organised_meeting_or_abort(slug), InviteForm())


def _send(meeting: Meeting, invitation: TeamInvitation, secret: str) -> str | None:
    """Email the invitation's link; without a mail server, the link to pass on by hand (None once emailed)."""
    link = url_for("auth.join_team", secret=secret, _external=True)
    if smtp_settings(current_app.config) is None:
        return link
    expires = to_local(invitation.expires_at, meeting.timezone)
    reason = deliver(team_invitation_email(
        to=invitation.email, sender=account_mail_sender(), meeting_title=meeting.title,
        role_label=invitation.role.label, invited_by=current_user.name or current_user.email, link=link,
        expires=expires, zone=meeting.timezone, stamp=utcnow(), words=words_in(reader_language().tag)),
        current_app.config)
    if reason:
        raise InvalidInput("email", _("The invitation could not be sent to %(email)s: %(reason)s",
                                      email=invitation.email, reason=reason))
    return None


@organise.post("/events/<slug>/organise/team/invite")
def invite_colleague(slug: str):
    meeting = organised_meeting_or_abort(slug)
    form = InviteForm()
    if form.validate_on_submit():
        try:
            invitation, secret = team.invite(meeting, form.email.data, TeamRole(form.role.data),
                                             actor=current_user)
            db.session.commit()
            link = _send(meeting, invitation, secret)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            if link is None:
                flash(gettext("Invited %(email)s as %(role)s; the link is on its way.", email=invitation.email,
                              role=gettext(invitation.role.label)))
                return redirect(url_for("organise.team_page", slug=slug))
            return _page(meeting, InviteForm(formdata=None), link=link)
    return _page(meeting, form, 400)


@organise.post("/events/<slug>/organise/team/invitations/<int:invitation_id>/<any(resend, withdraw):action>")
def invitation_action(slug: str, invitation_id: int, action: str):
    meeting = organised_meeting_or_abort(slug)
    invitation = record_of_meeting_or_404(TeamInvitation, meeting, invitation_id)
    if not ConfirmForm().validate_on_submit():
        abort(400, description=gettext("The form has expired; reload the page and try again."))
    link = None
    try:
        if action == "withdraw":
            team.withdraw(invitation, actor=current_user)
            db.session.commit()
            flash(gettext("Withdrew the invitation to %(email)s; its link no longer works.", email=invitation.email))
        else:
            secret = team.resend(invitation, actor=current_user)
            db.session.commit()
            link = _send(meeting, invitation, secret)
            if link is None:
                flash(gettext("Sent %(email)s a new link, valid for seven days; the old one no longer works.",
                              email=invitation.email))
    except InvalidInput as error:
        db.session.rollback()
        flash(say(error.message))
    if link is not None:
        return _page(meeting, InviteForm(formdata=None), link=link)
    return redirect(url_for("organise.team_page", slug=slug))


@organise.post("/events/<slug>/organise/team/<int:member_id>/<any(role, remove):action>")
def member_action(slug: str, member_id: int, action: str):
    meeting = organised_meeting_or_abort(slug)
    member = record_of_meeting_or_404(TeamMember, meeting, member_id)
    form = RoleForm() if action == "role" else ConfirmForm()
    if not form.validate_on_submit():
        abort(400, description=gettext("Choose one of the roles offered."))
    who = member.user.email

    def change() -> str:
        if action == "remove":
            team.remove_member(member, actor=current_user)
            return gettext("%(email)s is no longer on this meeting's team.", email=who)
        team.change_role(member, TeamRole(form.role.data), actor=current_user)
        return gettext("%(email)s is now %(role)s.", email=who, role=gettext(member.role.label))

    commit_and_say(change)
    return redirect(url_for("organise.team_page", slug=slug))
