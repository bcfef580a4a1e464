"""Small pieces every form of the site uses."""
from wtforms.fields.choices import SelectChoice


def option(value: str, label: str) -> SelectChoice:
    return SelectChoice(value, label)


def choices(vocabulary) -> list[SelectChoice]:
    return [option(member.value, member.label) for member in vocabulary]


def day_field(day) -> str:
    """The name of the form field holding how someone attends ``day``."""
    return f"day_{day:%Y_%m_%d}"
