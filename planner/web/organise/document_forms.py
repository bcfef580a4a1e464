"""The organisers' forms for documents: shapes only; the operations check the rules and the files."""
from flask_babel import LazyString, lazy_gettext as _
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, MultipleFileField
from wtforms import SelectField, StringField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired

from planner.domain.documents import (
    COMMON_LANGUAGES, DocumentKind, DocumentVisibility, language_name, language_name_in,
)
from planner.web.forms import choices, option
from planner.web.organise.forms import VersionedForm
from planner.web.presenters import reader_locale

WHOLE_MEETING = ""


def _language_label(code: str) -> str:
    """A document's language named in itself and, where that differs, in the reader's: "Deutsch — 독일어"."""
    own, readers = language_name(code), language_name_in(code, reader_locale() or "en")
    return own if own == readers else f"{own} — {readers}"


def language_choices(extra: tuple[str, ...] = ()) -> list:
    codes = list(COMMON_LANGUAGES) + [code for code in extra if code not in COMMON_LANGUAGES]
    # Built once with the form class, named when a page is written: lazily, in that page's language.
    return [SelectChoice(code, LazyString(_language_label, code), render_kw={"lang": code}) for code in codes]


class _Placing(FlaskForm):
    kind = SelectField(_("Type"), choices=choices(DocumentKind))
    visibility = SelectField(_("Who may read it"), choices=choices(DocumentVisibility),
                             description=_("Participants read theirs through their personal page."))
    session = SelectField(_("For"), choices=[option(WHOLE_MEETING, _("The whole meeting"))], validate_choice=False)


class UploadDocumentsForm(_Placing):
    files = MultipleFileField(_("Files"), description=_("PDF, Word, Excel, PowerPoint, OpenDocument, text or "
                                                          "pictures; several at once, each a document of its own."))
    title = StringField(_("Title"), description=_("Left empty, each document is named after its file."))
    language = SelectField(_("Language"), choices=language_choices())


class LinkDocumentForm(_Placing):
    title = StringField(_("Title"), validators=[DataRequired(message=_("Give the document a title."))])
    link = URLField(_("Web address"),
                    validators=[DataRequired(message=_("Give the web address the document is at."))])
    language = SelectField(_("Language"), choices=language_choices())


class DocumentForm(VersionedForm, _Placing):
    title = StringField(_("Title"), validators=[DataRequired(message=_("Give the document a title."))])


class VersionFileForm(FlaskForm):
    file = FileField(_("File"), validators=[FileRequired(message=_("Choose the file."))])
    language = SelectField(_("Language"), choices=language_choices(),
                           description=_("A language it has already: this file replaces the one readers get."))


class VersionLinkForm(FlaskForm):
    link = URLField(_("Web address"), validators=[DataRequired(message=_("Give the web address the version is at."))])
    language = SelectField(_("Language"), choices=language_choices())
