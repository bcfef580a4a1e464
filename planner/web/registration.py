"""The public registration form of a meeting, open only when and while its organisers say so."""
from flask import Blueprint, render_template
from flask_babel import lazy_gettext
from flask_wtf import FlaskForm
from wtforms import EmailField, SelectField, StringField
from wtforms.validators import DataRequired

from planner.domain.errors import InvalidInput
from planner.domain.languages import own_name
from planner.domain.vocabulary import DayMode, InstitutionKind, ParticipantRole
from planner.extensions import db
from planner.operations.registrations import is_registration_open, self_register
from planner.web.access import published_meeting_or_404
from planner.web.forms import day_field, language_options, option
from planner.web.language import reader_language
from planner.web.organise.responses import show_invalid
from planner.web.presenters import long_date

registration = Blueprint("registration", __name__)


def translated(vocabulary) -> list:
    """A fixed choice's options, each label in the reader's language (the labels are marked in the vocabulary)."""
    return [option(member.value, lazy_gettext(member.label)) for member in vocabulary]


class SelfRegistrationForm(FlaskForm):
    honorific = StringField(lazy_gettext("Honorific"), description=lazy_gettext("Mr, Ms, Dr, H.E., Amb."))
    name = StringField(lazy_gettext("Your name as you write it"),
                       validators=[DataRequired(message=lazy_gettext("Give your name."))])
    position = StringField(lazy_gettext("Position"))
    institution = StringField(lazy_gettext("Institution"))
    institution_kind = SelectField(lazy_gettext("Kind of institution"), choices=translated(InstitutionKind))
    email = EmailField(lazy_gettext("Email"), validators=[DataRequired(message=lazy_gettext("Give your email address."))])
    role = SelectField(lazy_gettext("You take part as"), choices=[
        option(role.value, lazy_gettext(role.label)) for role in ParticipantRole if role is not ParticipantRole.STAFF
    ])
    home_timezone = StringField(lazy_gettext("Your time zone"),
                                description=lazy_gettext("Such as Europe/Zurich; we show you the agenda in it."))
    # Each language in its own name, as the page's picker writes it: a reader finds theirs whatever the page's.
    language = SelectField(lazy_gettext("Your language"), choices=language_options(),
                           description=lazy_gettext("Your invitations and your calendar come in it."))


@registration.route("/events/<slug>/register", methods=["GET", "POST"])
def register(slug: str):
    meeting = published_meeting_or_404(slug)
    if not is_registration_open(meeting):
        return render_template("public/registration_closed.html", meeting=meeting)
    form_class = type("MeetingRegistrationForm", (SelfRegistrationForm,), {
        day_field(day): SelectField(long_date(day), choices=translated(DayMode)) for day in meeting.days
    })
    # Whoever reads the form in a language most likely wants to be written to in it.
    form = form_class(data={"language": reader_language().tag})
    if form.validate_on_submit():
        try:
            created = self_register(
                meeting, name=form.name.data, email=form.email.data, role=ParticipantRole(form.role.data),
                honorific=form.honorific.data, position=form.position.data, institution_name=form.institution.data,
                institution_kind=InstitutionKind(form.institution_kind.data), home_timezone=form.home_timezone.data,
                language=form.language.data,
                days={day: DayMode(getattr(form, day_field(day)).data) for day in meeting.days},
            )
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            return render_template("public/registered.html", meeting=meeting, registration=created,
                                   language_name=own_name(created.language) if created.language else "")
    return render_template("public/register.html", meeting=meeting, form=form), 400 if form.errors else 200
