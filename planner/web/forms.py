"""Small pieces every form of the site uses."""
from flask_babel import lazy_gettext
from wtforms.fields.choices import SelectChoice

from planner.domain.languages import INTERFACE_LANGUAGES, direction, own_name


def option(value: str, label: str) -> SelectChoice:
    return SelectChoice(value, label)


def language_options() -> list[SelectChoice]:
    """Each interface language named in itself, and marked as written in it (screen readers, fonts, bidi)."""
    return [SelectChoice(tag, own_name(tag), render_kw={"lang": tag, "dir": direction(tag)})
            for tag in INTERFACE_LANGUAGES]


def choices(vocabulary) -> list[SelectChoice]:
    """A fixed choice of the domain for each member, its label (marked with N_) in the reader's language."""
    return [option(member.value, lazy_gettext(member.label)) for member in vocabulary]


def day_field(day) -> str:
    """The name of the form field holding how someone attends ``day``."""
    return f"day_{day:%Y_%m_%d}"
