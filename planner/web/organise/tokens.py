"""An organiser's API tokens: create one (its secret shown once), revoke one."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import current_user

from planner.domain.errors import InvalidInput
from planner.extensions import db
from planner.models import ApiToken
from planner.operations.tokens import create_token, revoke_token
from planner.web.organise import organise
from planner.web.organise.forms import ConfirmForm, TokenForm
from planner.web.organise.responses import show_invalid


@organise.route("/organise/tokens", methods=["GET", "POST"])
def tokens():
    form = TokenForm()
    secret = None
    if form.validate_on_submit():
        try:
            _, secret = create_token(current_user, form.name.data)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            form = TokenForm(formdata=None)
    return render_template("organise/tokens.html", form=form, secret=secret, revoke_form=ConfirmForm(),
                           tokens=sorted(current_user.tokens, key=lambda t: t.id, reverse=True)
                           ), 400 if form.errors else 200


@organise.post("/organise/tokens/<int:token_id>/revoke")
def revoke(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != current_user.id:
        abort(404, description=gettext("You have no such token."))
    if ConfirmForm().validate_on_submit():
        revoke_token(token)
        db.session.commit()
        flash(gettext("Revoked the token “%(name)s”; it no longer opens the API.", name=token.name))
    return redirect(url_for("organise.tokens"))
