"""The languages Planner's own words are written in: the six official languages of the United Nations and Korean.

Tags are BCP 47 (``zh-Hans``), as pages write them in ``<html lang>``; Babel and the catalogues' folders spell
them with an underscore (``zh_Hans``).
"""
from babel import Locale

from planner.domain.wording import Message, _

INTERFACE_LANGUAGES = ("en", "fr", "es", "ru", "zh-Hans", "ar", "ko")
DEFAULT_LANGUAGE = "en"
RIGHT_TO_LEFT = frozenset({"ar"})
# Chinese in traditional characters reads as another written language: a reader asking for it is not served
# Simplified Chinese unasked.
_TRADITIONAL_CHINESE = frozenset({"hant", "tw", "hk", "mo"})


def babel_identifier(tag: str) -> str:
    return tag.replace("-", "_")


def direction(tag: str) -> str:
    return "rtl" if tag in RIGHT_TO_LEFT else "ltr"


def own_name(tag: str) -> str:
    """The language named in itself, as a picker shows it: "Français", "한국어", "中文 (简体)"."""
    name = Locale.parse(babel_identifier(tag)).display_name
    return name[:1].upper() + name[1:]


def interface_language(text: str | None) -> str | None:
    """The interface language ``text`` names exactly (any case, ``_`` or ``-``), or None."""
    wanted = (text or "").strip().replace("_", "-").casefold()
    return next((tag for tag in INTERFACE_LANGUAGES if tag.casefold() == wanted), None)


def closest_interface_language(text: str) -> str | None:
    """The interface language a browser's ``Accept-Language`` entry (``fr-CH``, ``zh-CN``, ``ko``) asks for."""
    subtags = text.strip().replace("_", "-").casefold().split("-")
    if subtags[0] == "zh":
        return None if _TRADITIONAL_CHINESE & set(subtags[1:]) else "zh-Hans"
    return interface_language(subtags[0])


def unknown_language_message(text: str) -> Message:
    return _("“%(text)s” is not a language Planner is written in; choose one of %(languages)s.", text=text,
             languages=", ".join(INTERFACE_LANGUAGES))
