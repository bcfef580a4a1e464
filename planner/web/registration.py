"""The public registration form of a meeting, open only when and while its organisers say so."""
from flask import Blueprint, render_template
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired

from planner.domain.errors import InvalidInput
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole
from planner.extensions import db
from planner.operations.registrations import is_registration_open, self_register
from planner.web.limits import registrations_per_address
from planner.web.access import published_meeting_or_404
from planner.web.forms import choices, day_field, option
from planner.web.organise.responses import show_invalid

registration = Blueprint("registration", __name__)


class SelfRegistrationForm(FlaskForm):
    honorific = StringField("Honorific", description="Mr, Ms, Dr, H.E., Amb.")
    name = StringField("Your name as you write it", validators=[DataRequired(message="Give your name.")])
    position = StringField("Position")
    institution = StringField("Institution")
    institution_kind = SelectField("Kind of institution", choices=choices(InstitutionKind))
    email = EmailField("Email", validators=[DataRequired(message="Give your email address.")])
    role = SelectField("You take part as", choices=[
        option(role.value, role.label) for role in ParticipantRole if role is not ParticipantRole.STAFF
    ])
    home_timezone = StringField("Your time zone", description="Such as Europe/Zurich; we show you the agenda in it.")


@registration.route("/events/<slug>/register", methods=["GET", "POST"])
@registrations_per_address
def register(slug: str):
    meeting = published_meeting_or_404(slug)
    if not is_registration_open(meeting):
        return render_template("public/registration_closed.html", meeting=meeting)
    form_class = type("MeetingRegistrationForm", (SelfRegistrationForm,), {
        day_field(day): SelectField(f"{day:%A %d %B}", choices=choices(DayMode)) for day in meeting.days
    })
    form = form_class()
    if form.validate_on_submit():
        try:
            created = self_register(
                meeting, name=form.name.data, email=form.email.data, role=ParticipantRole(form.role.data),
                honorific=form.honorific.data, position=form.position.data, institution_name=form.institution.data,
                institution_kind=InstitutionKind(form.institution_kind.data), home_timezone=form.home_timezone.data,
                days={day: DayMode(getattr(form, day_field(day)).data) for day in meeting.days},
            )
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            return render_template("public/registered.html", meeting=meeting, registration=created)
    return render_template("public/register.html", meeting=meeting, form=form), 400 if form.errors else 200
