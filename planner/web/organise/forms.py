"""The organisers' forms. They check the shape of the input; the operations check the rules."""
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
from planner.domain.languages import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, own_name
from planner.web.forms import choices, day_field, option


# A zone field offers the list of current zone names (templates/_zone_names.html), searchable as one types.
ZONE_PICKER = {"list": "zone-names", "autocomplete": "off"}


class VersionedForm(FlaskForm):
    """Carries the version the organiser started from, so a stale edit is caught, not saved."""

    # ASCII digits only: "²" and "①" are digits to str.isdigit() but not to int().
    version = HiddenField(validators=[Optional(), Regexp(r"^[0-9]{1,9}$", message="The form's version is not a "
                                                                                  "number; reload the page.")])

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
    title = StringField("Title", validators=[DataRequired()])
    short_name = StringField("Short name")
    slug = StringField("Web address (slug)",
                       description="Lower-case letters, digits and hyphens; it cannot change later.")
    hosts = TextAreaField("Hosts")
    description = TextAreaField("Description")
    first_day = DateField("First day", validators=[InputRequired(message="Give the first day.")])
    last_day = DateField("Last day", validators=[InputRequired(message="Give the last day.")])
    timezone = StringField("Time zone", validators=[DataRequired()], render_kw=ZONE_PICKER,
                           description="An IANA zone, such as Asia/Seoul: type a city to choose from the list.")
    venue = StringField("Venue")
    format = SelectField("Format", choices=choices(MeetingFormat))
    language = SelectField("Language", default=DEFAULT_LANGUAGE,
                           choices=[option(tag, own_name(tag)) for tag in INTERFACE_LANGUAGES],
                           description="Its pages' language for readers whose browser asks for none of these.")
    online_link = URLField("Default online link", validators=[Optional()])
    contact_email = EmailField("Contact email", validators=[Optional()])


class RoomForm(VersionedForm):
    name = StringField("Name", validators=[DataRequired()])
    capacity = IntegerField("Capacity (seats)", validators=[Optional(), NumberRange(min=0, max=100000)])
    online_only = BooleanField("Online only (no physical room)")
    venue = StringField("Venue, if elsewhere",
                        description="Only for a room away from the meeting's venue, such as a restaurant in town")
    address = StringField("Address of that venue")


class InstitutionForm(VersionedForm):
    name = StringField("Name", validators=[DataRequired()])
    acronym = StringField("Acronym")
    kind = SelectField("Kind", choices=choices(InstitutionKind))
    country = StringField("Country")


class PersonForm(VersionedForm):
    honorific = StringField("Honorific", description="Mr, Ms, Dr, H.E., Amb.")
    name = StringField("Name as written", validators=[DataRequired()],
                       description="Korean names put the family name first: Chang Wook-jin.")
    position = StringField("Position")
    institution = SelectField("Institution", coerce=str)
    email = EmailField("Email", validators=[Optional()])


class SessionForm(VersionedForm):
    title = StringField("Title", validators=[DataRequired()])
    kind = SelectField("Kind", choices=choices(SessionKind))
    starts = DateTimeLocalField("Starts", format="%Y-%m-%dT%H:%M",
                                validators=[InputRequired(message="Give the start date and time.")])
    ends = DateTimeLocalField("Ends", format="%Y-%m-%dT%H:%M", validators=[RequiredUnlessTicked(
        "no_end", "Give the end date and time, or tick “No end time”.")])
    no_end = BooleanField("No end time", description="For an item the agenda gives only a start: “18:30 Reception”")
    room = SelectField("Room", coerce=str)
    parent = SelectField("Inside", coerce=str, description="A break or talk can sit inside a longer block.")
    attendance_mode = SelectField("Attendance", choices=choices(AttendanceMode))
    status = SelectField("Status", choices=choices(SessionStatus))
    thematic_area = StringField("Thematic area")
    description = TextAreaField("Description")
    online_link = URLField("Online link", validators=[Optional()])
    online_link_public = BooleanField("Show the online link to the public")
    draft = BooleanField("Draft (hidden from the public)")


class RoleForm(FlaskForm):
    person = SelectField("Person", coerce=str, validators=[DataRequired(message="Choose a person.")])
    role = SelectField("Role", choices=choices(Role))
    on_behalf_of = StringField("On behalf of", description="Optional: whom they speak for, e.g. UNMAS and UNDP")


class OfficerForm(FlaskForm):
    person = SelectField("Person", coerce=str, validators=[DataRequired(message="Choose a person.")])
    role = SelectField("Office", choices=choices(OfficerRole))


class ConfirmForm(VersionedForm):
    """A POST that only needs its CSRF token (and the version it was asked about)."""


class SessionFilterForm(FlaskForm):
    """The sessions list's filters: a GET form, so a filtered list has an address of its own."""

    class Meta:
        csrf = False

    day = SelectField("Day", default="")
    room = SelectField("Room", default="")
    kind = SelectField("Kind", default="", choices=[option("", "Any kind"), *choices(SessionKind)])
    status = SelectField("Status", default="", choices=[option("", "Any status"), *choices(SessionStatus)])


MAX_SHIFT_MINUTES = 61 * 24 * 60  # a meeting's longest span: more could only leave it


class BulkSessionsForm(FlaskForm):
    """What to do with the sessions ticked in the list (their ids and versions come as ``session`` values)."""

    action = SelectField("With the chosen sessions", choices=[
        option("shift", "Shift by some minutes"), option("room", "Move to a room"), option("draft", "Mark as draft"),
        option("public", "Mark as public"), option("delete", "Delete"),
    ])
    to_room = SelectField("Room to move them to")
    minutes = IntegerField("Minutes (negative: earlier)", validators=[Optional(), NumberRange(
        min=-MAX_SHIFT_MINUTES, max=MAX_SHIFT_MINUTES, message="Shift by at most 61 days' worth of minutes.")])


class UndoForm(FlaskForm):
    """Undo my last change; ``day`` is the timetable day to come back to."""

    day = HiddenField()


class TokenForm(FlaskForm):
    name = StringField("What the token is for", validators=[DataRequired()])


class RegistrationForm(VersionedForm):
    """A participant and how they attend; ``with_days`` adds one choice per day of the meeting."""

    person = SelectField("Person", coerce=str, description="Someone already in this meeting, or a new person below.")
    honorific = StringField("Honorific")
    name = StringField("Name as written")
    position = StringField("Position")
    institution = SelectField("Institution", coerce=str)
    email = EmailField("Email", validators=[Optional()])
    role = SelectField("Takes part as", choices=choices(ParticipantRole))
    home_timezone = StringField("Home time zone", render_kw=ZONE_PICKER, description="An IANA zone such as Europe/Zurich, for the "
                                                              "time-zone view.")
    language = SelectField("Language", default="", choices=[option("", "— the meeting's —")]
                           + [option(tag, own_name(tag)) for tag in INTERFACE_LANGUAGES],
                           description="Their invitations and personal calendar are written in it.")

    @classmethod
    def with_days(cls, days, **kwargs):
        form_class = type(cls.__name__, (cls,), {
            day_field(day): SelectField(f"{day:%a %d %b}", choices=choices(DayMode)) for day in days
        })
        return form_class(**kwargs)


class ImportForm(FlaskForm):
    file = FileField("CSV file", validators=[FileRequired(message="Choose a CSV file.")])


class RegistrationSettingsForm(VersionedForm):
    registration_open = BooleanField("Open the public registration form")
    registration_closes_at = DateTimeLocalField("Registration closes", format="%Y-%m-%dT%H:%M",
                                                validators=[Optional()])
    attendance_changes_close_at = DateTimeLocalField("Participants may change their days until",
                                                     format="%Y-%m-%dT%H:%M", validators=[Optional()])


class AgendaImportForm(FlaskForm):
    file = FileField("Spreadsheet (.xlsx or .csv)", validators=[FileRequired(message="Choose a spreadsheet.")])


class AgendaImportConfirmForm(FlaskForm):
    """The previewed file, carried back whole with what the organiser saw it add."""

    content = HiddenField(validators=[DataRequired(message="The preview's file is missing; upload it again.")])
    filename = HiddenField(validators=[DataRequired(message="The preview's file is missing; upload it again.")])
    new_rooms = HiddenField()
    new_people = HiddenField()


class CopyMeetingForm(FlaskForm):
    title = StringField("Title of the new meeting", validators=[DataRequired(message="Give the new meeting a title.")])
    slug = StringField("Web address (slug)", description="Lower-case letters, digits and hyphens, e.g. egm-2022.")
    first_day = DateField("First day", validators=[InputRequired(message="Give the first day of the new meeting.")])
    same_weekdays = BooleanField("Same weekdays (Monday stays Monday): start on the first such day from then on")
    with_people = BooleanField("Copy the people and institutions, the bureau, and who holds which role", default=True)
    documents = SelectMultipleField("Documents that carry over (each with its current file or link)", coerce=int,
                                    option_widget=CheckboxInput(), widget=ListWidget(prefix_label=False))


class MeetingImportForm(FlaskForm):
    file = FileField("Export file (.zip)", validators=[FileRequired(message="Choose a meeting's export file.")])
    slug = StringField("Web address (slug)", description="Leave empty to keep the one in the file.")
