"""Administrators manage the site's accounts: switch them off and on, give or take administrator rights,
and hand out a password reset link."""
from flask import abort, current_app, redirect, render_template, url_for
from flask_babel import gettext
from sqlalchemy import select

from planner.database import utcnow
from planner.domain.account_mail import password_reset_email
from planner.domain.calendars.words import words_in
from planner.domain.errors import InvalidInput
from planner.domain.wording import _
from planner.extensions import db
from planner.jobs import deliver
from planner.models import User
from planner.operations.accounts import set_account_active, set_administrator, start_password_reset
from planner.operations.mail import smtp_settings
from planner.web.access import administrator_or_abort
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import commit_and_say
from planner.web.language import reader_language
from planner.web.senders import account_mail_sender

ACTIONS = ("deactivate", "activate", "make-administrator", "remove-administrator", "reset-password")


@organise.get("/organise/accounts")
def accounts():
    administrator_or_abort()
    users = db.session.scalars(select(User).order_by(User.email)).all()
    return render_template("organise/accounts.html", users=users, form=ConfirmForm())


@organise.post("/organise/accounts/<int:user_id>/<any(" + ", ".join(map(repr, ACTIONS)) + "):action>")
def account_action(user_id: int, action: str):
    actor = administrator_or_abort()
    user = db.session.get(User, user_id)
    if user is None:
        abort(404, description=gettext("There is no such account."))
    if not ConfirmForm().validate_on_submit():
        abort(400, description=gettext("The form has expired; reload the page and try again."))
    commit_and_say(lambda: _act(user, action, actor))
    return redirect(url_for("organise.accounts"))


def _act(user: User, action: str, actor: User) -> str:
    if action in ("deactivate", "activate"):
        set_account_active(user, action == "activate", actor=actor)
        if user.active:
            return gettext("%(email)s is active again.", email=user.email)
        return gettext("%(email)s is deactivated: it cannot sign in or use its tokens.", email=user.email)
    if action in ("make-administrator", "remove-administrator"):
        set_administrator(user, action == "make-administrator", actor=actor)
        if user.administrator:
            return gettext("%(email)s is now an administrator.", email=user.email)
        return gettext("%(email)s is no longer an administrator.", email=user.email)
    secret = start_password_reset(user)
    link = url_for("auth.reset_password_page", secret=secret, _external=True)
    if smtp_settings(current_app.config) is None:
        return gettext("Give %(email)s this reset link, valid for one hour: %(link)s", email=user.email, link=link)
    reason = deliver(password_reset_email(to=user.email, sender=account_mail_sender(),
                                          site_name=current_app.config["PLANNER_SITE_NAME"], link=link,
                                          stamp=utcnow(), words=words_in(reader_language().tag)),
                     current_app.config)
    if reason:
        raise InvalidInput("email", _("The reset link could not be sent to %(email)s: %(reason)s", email=user.email,
                                      reason=reason))
    return gettext("Sent %(email)s a reset link, valid for one hour.", email=user.email)
