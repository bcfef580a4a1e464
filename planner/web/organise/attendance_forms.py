"""Forms of the check-in desk and of the online report import."""
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
    step = HiddenField(validators=[AnyOf([CHECK_IN, UNDO], message="Say whether to check in or undo.")])
    q = HiddenField(validators=[Length(max=MAX_QUERY_LENGTH, message=f"A search is at most {MAX_QUERY_LENGTH} "
                                                                        "characters.")])  # the search to go back to


class OnlineReportForm(FlaskForm):
    report = FileField("Attendance report (CSV)", validators=[FileRequired(message="Choose the report file.")],
                       description="Name or email, join time and leave time; at most 2 MB.")
    timezone = StringField("Time zone of times without an offset", validators=[DataRequired()], render_kw=ZONE_PICKER,
                           description="The zone the platform wrote its times in, when the file does not say; "
                                       "usually the meeting's.")
