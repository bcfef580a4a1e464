"""Signing in and out, and resetting a forgotten password.

A browser's session carries the secret of one sign-in (operations.accounts), not the account's
id: ending the sign-in ends the session and its remember-me cookie wherever they were copied.
"""
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from planner.database import utcnow
from planner.domain.account_mail import password_reset_email
from planner.domain.calendars.words import words_in
from planner.domain.errors import InvalidInput
from planner.domain.wording import _
from planner.extensions import db, login
from planner.jobs import deliver
from planner.models import User
from planner.operations.accounts import (
    authenticate, end_sign_ins, find_user, open_password_reset, reset_password, resume_sign_in, start_password_reset,
    start_sign_in,
)
from planner.operations.mail import smtp_settings
from planner.web.organise.responses import show_invalid
from planner.web.language import reader_language
from planner.web.senders import account_mail_sender

auth = Blueprint("auth", __name__)


@login.user_loader
def load_user(secret: str) -> User | None:
    user = resume_sign_in(secret)
    if db.session.dirty:
        db.session.commit()  # the sign-in's "last seen", or its end once it expired
    return user


class LoginForm(FlaskForm):
    email = EmailField(lazy_gettext("Email"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(lazy_gettext("Password"), validators=[DataRequired(), Length(max=500)])
    remember = BooleanField(lazy_gettext("Keep me signed in (for up to 30 days)"))


def _safe_next(target: str | None) -> str:
    """Only follow a ``next`` address on this site, never to another host."""
    if target and not urlsplit(target).netloc and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("organise.dashboard")


def sign_in_browser(user: User, *, remember: bool) -> None:
    """Start a new sign-in for this browser, with a new session (and so a new CSRF token)."""
    session.clear()
    start_sign_in(user, remembered=remember, user_agent=request.user_agent.string,
                  address=request.remote_addr or "")
    db.session.commit()
    login_user(user, remember=remember)


@auth.route("/login", methods=["GET", "POST"])
def login_page():
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(form.email.data, form.password.data)
        if user is not None:
            sign_in_browser(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next")))
        form.password.errors.append(gettext("The email or the password is not right."))
    return render_template("auth/login.html", form=form), 200 if not form.errors else 400


@auth.post("/logout")
@login_required
def logout():
    end_sign_ins(current_user._get_current_object())
    db.session.commit()
    logout_user()
    flash(gettext("You are signed out, in this browser and everywhere else."))
    return redirect(url_for("public.index"))


@auth.get("/logout")
def logout_page():
    if not current_user.is_authenticated:
        return redirect(url_for("public.index"))
    return render_template("auth/logout.html")


class ResetRequestForm(FlaskForm):
    email = EmailField(lazy_gettext("Email"), validators=[DataRequired(), Length(max=254)])


@auth.route("/password-reset", methods=["GET", "POST"])
def request_password_reset():
    form = ResetRequestForm()
    mail = smtp_settings(current_app.config) is not None
    if form.validate_on_submit():
        user = find_user(form.email.data)
        if mail and user is not None and user.active:
            secret = start_password_reset(user)
            db.session.commit()
            deliver(password_reset_email(
                to=user.email, sender=account_mail_sender(), site_name=current_app.config["PLANNER_SITE_NAME"],
                link=url_for("auth.reset_password_page", secret=secret, _external=True), stamp=utcnow(),
                words=words_in(reader_language().tag),  # the page's reader asked; the account has no language
            ), current_app.config)
        # The same answer whether or not the address has an account.
        return render_template("auth/reset_requested.html", email=form.email.data, mail=mail)
    return render_template("auth/reset_request.html", form=form, mail=mail), 200 if not form.errors else 400


class NewPasswordForm(FlaskForm):
    password = PasswordField(lazy_gettext("New password"), validators=[DataRequired(), Length(max=500)])
    confirmation = PasswordField(lazy_gettext("The new password again"), validators=[DataRequired(), Length(max=500)])


@auth.route("/password-reset/<secret>", methods=["GET", "POST"])
def reset_password_page(secret: str):
    reset = open_password_reset(secret)
    if reset is None:
        abort(404, description=_("This reset link does not work any more: it was used, replaced by a newer one, "
                                 "or is more than an hour old. Ask for a new one."))
    form = NewPasswordForm()
    if form.validate_on_submit():
        try:
            reset_password(reset, password=form.password.data, confirmation=form.confirmation.data)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            logout_user()
            flash(gettext("Your password is changed, and every earlier sign-in has ended. "
                          "Sign in with the new password."))
            return redirect(url_for("auth.login_page"))
    return render_template("auth/reset_password.html", form=form, email=reset.user.email), \
        200 if not form.errors else 400
