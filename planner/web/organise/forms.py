"""The organisers' forms. They check the shape of the input; the operations check the rules."""
from flask_babel import LazyString, lazy_gettext as _
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField, DateField, DateTimeLocalField, EmailField, HiddenField, IntegerField, SelectField,
    SelectMultipleField, StringField, TextAreaField, URLField,
)
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional, Regexp, StopValidation

from planner.domain.vocabulary import (
    AttendanceMode, DayMode, InstitutionKind, MeetingFormat, OfficerRole, ParticipantRole, Role, SessionKind,
    SessionStatus,
)
from planner.domain.languages import DEFAULT_LANGUAGE
from planner.web.forms import choices, day_field, language_options, option
from planner.web.presenters import reader_locale, short_date


# A zone field offers the list of current zone names (templates/_zone_names.html), searchable as one types.
ZONE_PICKER = {"list": "zone-names", "autocomplete": "off"}


class VersionedForm(FlaskForm):
    """Carries the version the organiser started from, so a stale edit is caught, not saved."""

    # ASCII digits only: "²" and "①" are digits to str.isdigit() but not to int().
    version = HiddenField(validators=[Optional(), Regexp(r"^[0-9]{1,9}$", message=_(
        "The form's version is not a number; reload the page."))])

    @property
    def based_on_version(self) -> int | None:
        # Filled from a record the version is a number; from the browser, text (or absent).
        version = str(self.version.data or "")
        return int(version) if version.isascii() and version.isdigit() else None


class RequiredUnlessTicked:
    """Required, unless the box ``other`` is ticked: then the field is ignored, whatever it holds."""

    def __init__(self, other: str, message: str):
        self.other, self.required = other, InputRequired(message=message)

    def __call__(self, form, field):
        if form[self.other].data:
            field.errors[:] = []
            raise StopValidation()
        self.required(form, field)


class MeetingForm(VersionedForm):
    title = StringField(_("Title"), validators=[DataRequired()])
    short_name = StringField(_("Short name"))
    slug = StringField(_("Web address (slug)"),
                       description=_("Lower-case letters, digits and hyphens; it cannot change later."))
    hosts = TextAreaField(_("Hosts"))
    description = TextAreaField(_("Description"))
    first_day = DateField(_("First day"), validators=[InputRequired(message=_("Give the first day."))])
    last_day = DateField(_("Last day"), validators=[InputRequired(message=_("Give the last day."))])
    timezone = StringField(_("Time zone"), validators=[DataRequired()], render_kw=ZONE_PICKER,
                           description=_("An IANA zone, such as Asia/Seoul: type a city to choose from the list."))
    venue = StringField(_("Venue"))
    format = SelectField(_("Format"), choices=choices(MeetingFormat))
    language = SelectField(_("Language"), default=DEFAULT_LANGUAGE,
                           choices=language_options(),
                           description=_("Its pages' language for readers whose browser asks for none of these."))
    online_link = URLField(_("Default online link"), validators=[Optional()])
    contact_email = EmailField(_("Contact email"), validators=[Optional()])


class RoomForm(VersionedForm):
    name = StringField(_("Name"), validators=[DataRequired()])
    capacity = IntegerField(_("Capacity (seats)"), validators=[Optional(), NumberRange(min=0, max=100000)])
    online_only = BooleanField(_("Online only (no physical room)"))
    venue = StringField(_("Venue, if elsewhere"),
                        description=_("Only for a room away from the meeting's venue, such as a restaurant in town"))
    address = StringField(_("Address of that venue"))


class InstitutionForm(VersionedForm):
    name = StringField(_("Name"), validators=[DataRequired()])
    acronym = StringField(_("Acronym"))
    kind = SelectField(_("Kind"), choices=choices(InstitutionKind))
    country = StringField(_("Country"))


class PersonForm(VersionedForm):
    honorific = StringField(_("Honorific"), description=_("Mr, Ms, Dr, H.E., Amb."))
    name = StringField(_("Name as written"), validators=[DataRequired()],
                       description=_("Korean names put the family name first: Chang Wook-jin."))
    position = StringField(_("Position"))
    institution = SelectField(_("Institution"), coerce=str)
    email = EmailField(_("Email"), validators=[Optional()])


class SessionForm(VersionedForm):
    title = StringField(_("Title"), validators=[DataRequired()])
    kind = SelectField(_("Kind"), choices=choices(SessionKind))
    starts = DateTimeLocalField(_("Starts"), format="%Y-%m-%dT%H:%M",
                                validators=[InputRequired(message=_("Give the start date and time."))])
    ends = DateTimeLocalField(_("Ends"), format="%Y-%m-%dT%H:%M", validators=[RequiredUnlessTicked(
        "no_end", _("Give the end date and time, or tick “No end time”."))])
    no_end = BooleanField(_("No end time"),
                          description=_("For an item the agenda gives only a start: “18:30 Reception”"))
    room = SelectField(_("Room"), coerce=str)
    parent = SelectField(_("Inside"), coerce=str, description=_("A break or talk can sit inside a longer block."))
    attendance_mode = SelectField(_("Attendance"), choices=choices(AttendanceMode))
    status = SelectField(_("Status"), choices=choices(SessionStatus))
    thematic_area = StringField(_("Thematic area"))
    description = TextAreaField(_("Description"))
    online_link = URLField(_("Online link"), validators=[Optional()])
    online_link_public = BooleanField(_("Show the online link to the public"))
    draft = BooleanField(_("Draft (hidden from the public)"))


class RoleForm(FlaskForm):
    person = SelectField(_("Person"), coerce=str, validators=[DataRequired(message=_("Choose a person."))])
    role = SelectField(_("Role"), choices=choices(Role))
    on_behalf_of = StringField(_("On behalf of"), description=_("Optional: whom they speak for, e.g. UNMAS and UNDP"))


class OfficerForm(FlaskForm):
    person = SelectField(_("Person"), coerce=str, validators=[DataRequired(message=_("Choose a person."))])
    role = SelectField(_("Office"), choices=choices(OfficerRole))


class ConfirmForm(VersionedForm):
    """A POST that only needs its CSRF token (and the version it was asked about)."""


class SessionFilterForm(FlaskForm):
    """The sessions list's filters: a GET form, so a filtered list has an address of its own."""

    class Meta:
        csrf = False

    day = SelectField(_("Day"), default="")
    room = SelectField(_("Room"), default="")
    kind = SelectField(_("Kind"), default="", choices=[option("", _("Any kind")), *choices(SessionKind)])
    status = SelectField(_("Status"), default="", choices=[option("", _("Any status")), *choices(SessionStatus)])


MAX_SHIFT_MINUTES = 61 * 24 * 60  # a meeting's longest span: more could only leave it


class BulkSessionsForm(FlaskForm):
    """What to do with the sessions ticked in the list (their ids and versions come as ``session`` values)."""

    action = SelectField(_("With the chosen sessions"), choices=[
        option("shift", _("Shift by some minutes")), option("room", _("Move to a room")),
        option("draft", _("Mark as draft")),
        option("public", _("Mark as public")), option("delete", _("Delete")),
    ])
    to_room = SelectField(_("Room to move them to"))
    minutes = IntegerField(_("Minutes (negative: earlier)"), validators=[Optional(), NumberRange(
        min=-MAX_SHIFT_MINUTES, max=MAX_SHIFT_MINUTES, message=_("Shift by at most 61 days' worth of minutes."))])


class UndoForm(FlaskForm):
    """Undo my last change; ``day`` is the timetable day to come back to."""

    day = HiddenField()


class TokenForm(FlaskForm):
    name = StringField(_("What the token is for"), validators=[DataRequired()])


def day_label(day) -> str:
    """A day's choice in the registration form: "Mon 18 Oct" as before in English; the locale's own elsewhere."""
    return f"{day:%a %d %b}" if reader_locale() is None else short_date(day)


class RegistrationForm(VersionedForm):
    """A participant and how they attend; ``with_days`` adds one choice per day of the meeting."""

    person = SelectField(_("Person"), coerce=str,
                         description=_("Someone already in this meeting, or a new person below."))
    honorific = StringField(_("Honorific"))
    name = StringField(_("Name as written"))
    position = StringField(_("Position"))
    institution = SelectField(_("Institution"), coerce=str)
    email = EmailField(_("Email"), validators=[Optional()])
    role = SelectField(_("Takes part as"), choices=choices(ParticipantRole))
    home_timezone = StringField(_("Home time zone"), render_kw=ZONE_PICKER,
                                description=_("An IANA zone such as Europe/Zurich, for the time-zone view."))
    language = SelectField(_("Language"), default="", choices=[option("", _("— the meeting's —"))]
                           + language_options(),
                           description=_("Their invitations and personal calendar are written in it."))

    @classmethod
    def with_days(cls, days, **kwargs):
        form_class = type(cls.__name__, (cls,), {
            day_field(day): SelectField(LazyString(day_label, day), choices=choices(DayMode)) for day in days
        })
        return form_class(**kwargs)


class ImportForm(FlaskForm):
    file = FileField(_("CSV file"), validators=[FileRequired(message=_("Choose a CSV file."))])


class RegistrationSettingsForm(VersionedForm):
    registration_open = BooleanField(_("Open the public registration form"))
    registration_closes_at = DateTimeLocalField(_("Registration closes"), format="%Y-%m-%dT%H:%M",
                                                validators=[Optional()])
    attendance_changes_close_at = DateTimeLocalField(_("Participants may change their days until"),
                                                     format="%Y-%m-%dT%H:%M", validators=[Optional()])


class AgendaImportForm(FlaskForm):
    file = FileField(_("Spreadsheet (.xlsx or .csv)"), validators=[FileRequired(message=_("Choose a spreadsheet."))])


class AgendaImportConfirmForm(FlaskForm):
    """The previewed file, carried back whole with what the organiser saw it add."""

    content = HiddenField(validators=[DataRequired(message=_("The preview's file is missing; upload it again."))])
    filename = HiddenField(validators=[DataRequired(message=_("The preview's file is missing; upload it again."))])
    new_rooms = HiddenField()
    new_people = HiddenField()


class CopyMeetingForm(FlaskForm):
    title = StringField(_("Title of the new meeting"),
                        validators=[DataRequired(message=_("Give the new meeting a title."))])
    slug = StringField(_("Web address (slug)"),
                       description=_("Lower-case letters, digits and hyphens, e.g. egm-2022."))
    first_day = DateField(_("First day"),
                          validators=[InputRequired(message=_("Give the first day of the new meeting."))])
    same_weekdays = BooleanField(_("Same weekdays (Monday stays Monday): start on the first such day from then on"))
    with_people = BooleanField(_("Copy the people and institutions, the bureau, and who holds which role"),
                               default=True)
    documents = SelectMultipleField(_("Documents that carry over (each with its current file or link)"), coerce=int,
                                    option_widget=CheckboxInput(), widget=ListWidget(prefix_label=False))


class MeetingImportForm(FlaskForm):
    file = FileField(_("Export file (.zip)"), validators=[FileRequired(message=_("Choose a meeting's export file."))])
    slug = StringField(_("Web address (slug)"), description=_("Leave empty to keep the one in the file."))
