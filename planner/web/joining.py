"""Following a team invitation's link: an existing account gains the role; a new person makes their account."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import Length

from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import TeamRole
from planner.domain.wording import _
from planner.extensions import db
from planner.operations.accounts import find_user
from planner.operations.team import accept, open_invitation
from planner.web.auth import auth, sign_in_browser
from planner.web.organise.responses import show_invalid


class JoinForm(FlaskForm):
    name = StringField(lazy_gettext("Your name, as colleagues should see it"), validators=[Length(max=200)])
    password = PasswordField(lazy_gettext("Choose a password"), validators=[Length(max=500)])
    confirmation = PasswordField(lazy_gettext("The password again"), validators=[Length(max=500)])


@auth.route("/team/join/<secret>", methods=["GET", "POST"])
def join_team(secret: str):
    invitation = open_invitation(secret)
    if invitation is None:
        abort(404, description=_("This invitation link does not work any more: it was used, withdrawn, replaced "
                                 "by a newer one, or is more than seven days old. Ask the organiser for a new one."))
    existing = find_user(invitation.email)
    form = JoinForm()
    if form.validate_on_submit():
        if existing is None and form.password.data != form.confirmation.data:
            form.confirmation.errors.append(gettext("The two passwords are not the same."))
        else:
            try:
                user = accept(invitation, name=form.name.data or "", password=form.password.data or "")
            except InvalidInput as error:
                show_invalid(form, error)
            else:
                db.session.commit()
                meeting = invitation.meeting
                if existing is None:
                    sign_in_browser(user, remember=False)  # a new session: flash after it
                flash(gettext("You are on the team of %(meeting)s as %(role)s.", meeting=meeting.title,
                              role=gettext(invitation.role.label)))
                if existing is not None and not (current_user.is_authenticated and current_user.id == user.id):
                    return redirect(url_for("auth.login_page"))
                start = "organise.overview" if invitation.role is TeamRole.ORGANISER else "organise.check_in_start"
                return redirect(url_for(start, slug=meeting.slug))
    return render_template("auth/join.html", form=form, invitation=invitation, existing=existing), \
        400 if form.errors else 200
