"""Forms of the check-in desk and of the online report import."""
from flask_babel import lazy_gettext as _
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField, StringField
from wtforms.validators import AnyOf, DataRequired, Length

from planner.web.organise.forms import ZONE_PICKER

CHECK_IN, UNDO = "check_in", "undo"
MAX_QUERY_LENGTH = 100  # a search at the door is a name, or part of one


class TickForm(FlaskForm):
    """One tick at the door: check in, or undo. It says what the desk wants, so sending it twice is harmless."""

    # Not called "action": a form's input of that name hides the form's own action in the browser's DOM.
    step = HiddenField(validators=[AnyOf([CHECK_IN, UNDO], message=_("Say whether to check in or undo."))])
    q = HiddenField(validators=[Length(max=MAX_QUERY_LENGTH, message=_(  # the search to go back to
        "A search is at most %(num)d characters.", num=MAX_QUERY_LENGTH))])


class OnlineReportForm(FlaskForm):
    report = FileField(_("Attendance report (CSV)"), validators=[FileRequired(message=_("Choose the report file."))],
                       description=_("Name or email, join time and leave time; at most 2 MB."))
    timezone = StringField(_("Time zone of times without an offset"), validators=[DataRequired()],
                           render_kw=ZONE_PICKER, description=_("The zone the platform wrote its times in, when the "
                                                                 "file does not say; usually the meeting's."))
