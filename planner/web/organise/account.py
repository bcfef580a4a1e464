"""The signed-in account itself: its password and where it is signed in."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import PasswordField
from wtforms.validators import DataRequired, Length

from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.operations.accounts import active_sign_ins, change_password, end_sign_in
from planner.domain.secrets import hash_secret
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import show_invalid


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_("Current password"), validators=[DataRequired(), Length(max=500)])
    password = PasswordField(_("New password"), validators=[DataRequired(), Length(max=500)])
    confirmation = PasswordField(_("The new password again"), validators=[DataRequired(), Length(max=500)])


@organise.route("/organise/account", methods=["GET", "POST"])
def account():
    user = current_user._get_current_object()
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            change_password(user, current=form.current.data, password=form.password.data,
                            confirmation=form.confirmation.data)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(gettext("Your password is changed. Every other sign-in of your account has ended."))
            return redirect(url_for("organise.account"))
    this_one = hash_secret(user.current_sign_in_secret or "")
    return render_template("organise/account.html", form=form, end_form=ConfirmForm(), this_one=this_one,
                           sign_ins=active_sign_ins(user)), 400 if form.errors else 200


@organise.post("/organise/account/sign-ins/<int:sign_in_id>/end")
def end_one_sign_in(sign_in_id: int):
    if not ConfirmForm().validate_on_submit():
        abort(400, description=gettext("The form has expired; reload the page and try again."))
    if not end_sign_in(current_user._get_current_object(), sign_in_id):
        abort(404, description=gettext("You have no such sign-in."))
    db.session.commit()
    flash(gettext("That sign-in has ended."))
    return redirect(url_for("organise.account"))
