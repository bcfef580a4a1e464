"""What a form view answers when the operation refuses: errors beside fields, or what someone else changed."""
from collections.abc import Callable

from flask import flash, render_template
from flask_wtf import FlaskForm

from planner.domain.errors import InvalidInput, StaleEdit
from planner.extensions import db
from planner.web.wording import say


def show_invalid(form: FlaskForm, error: InvalidInput) -> None:
    """Put each message beside its field, in the reader's language; a message for no field of this form goes to
    the top."""
    db.session.rollback()
    for name, message in error.errors.items():
        message = say(message)
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = [*field.errors, message] if isinstance(field.errors, list) else [message]
        else:
            form.form_errors.append(message)


def commit_and_say(change: Callable[[], str]) -> None:
    """Make ``change`` and flash what it says; or, when the operation refuses, undo it and flash why (both in the
    reader's language: the session keeps plain text)."""
    try:
        said = change()
    except InvalidInput as error:
        db.session.rollback()
        flash(say(error.message))
    else:
        db.session.commit()
        flash(say(said))


def stale_page(template: str, form: FlaskForm, error: StaleEdit, status: int = 409, **context):
    """Show what the other organiser changed, keep this organiser's input, and let them decide."""
    db.session.rollback()
    form.version.data = str(error.current)
    return render_template(template, form=form, stale=error, **context), status
