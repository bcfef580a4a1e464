"""Planner's own words in what it writes for one person, in a language named outright: calendar files and emails.

A participant's feed, an invitation the mail worker sends, a reset link: each is written for someone who may not be
the one asking, often outside any request, so the language is given, not read from the request. ``words_in(tag)``
reads the interface's compiled catalogues with Babel itself (the same files Flask-Babel reads), and ``Words.say``
writes a domain.wording Message in that language. English keeps Planner's own forms of days and times, as pages do
(web.presenters); the other languages take CLDR's.
"""
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from babel.dates import format_skeleton
from babel.support import Translations

from planner.domain.cldr import city_of, clock_time
from planner.domain.languages import DEFAULT_LANGUAGE, babel_identifier, direction, interface_language
from planner.domain.timezones import is_known_zone
from planner.domain.wording import Message, _

# planner/translations/<language>/LC_MESSAGES/messages.mo, compiled when Planner is installed (Makefile).
CATALOGUES = Path(__file__).resolve().parents[2] / "translations"


@dataclass(frozen=True)
class Words:
    """The words of one language; texts kept for one language are kept under ``language`` (a cache's key)."""

    language: str = DEFAULT_LANGUAGE
    translations: NullTranslations = field(default_factory=NullTranslations, compare=False, repr=False)

    def say(self, text):
        """``text`` in this language when it is a Message; any other value as it is (what people typed)."""
        if not isinstance(text, Message):
            return text
        params = {name: self.say(value) for name, value in text.params.items()}
        if text.plural is not None:
            params["num"] = text.num
            return self.translations.ngettext(text.msgid, text.plural, text.num) % params
        written = self.translations.gettext(text.msgid)
        return written % params if params else written

    def label(self, english: str) -> str:
        """A fixed choice's label (a role, a kind of session), marked in domain.vocabulary, in this language."""
        return self.translations.gettext(english) if english else english

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def locale(self) -> Locale | None:
        """Babel's locale; None for English, which keeps Planner's own forms."""
        return None if self.language == DEFAULT_LANGUAGE else Locale.parse(babel_identifier(self.language))

    def day(self, day: date) -> str:
        """"Mon 18 Oct 2021"; "lun. 18 oct. 2021", "2021년 10월 18일 (월)"."""
        locale = self.locale
        return f"{day:%a} {day.day} {day:%b %Y}" if locale is None else format_skeleton("yMMMEd", day, locale=locale)

    def clock(self, moment: datetime) -> str:
        """"09:00"; the locale's own short form elsewhere (24-hour where it is used)."""
        locale = self.locale
        return f"{moment:%H:%M}" if locale is None else clock_time(moment.time(), locale)

    def zone(self, zone_name: str) -> str:
        """The zone a time is on: its IANA name in English ("Asia/Seoul"), "heure de Séoul" elsewhere."""
        locale = self.locale
        if locale is None or not is_known_zone(zone_name):
            return zone_name
        return self.say(_("%(city)s time", city=city_of(zone_name, locale)))


ENGLISH = Words()


@lru_cache(maxsize=None)
def words_in(tag: str | None) -> Words:
    """The words of the interface language ``tag`` names (English for none, or for one Planner is not written in)."""
    tag = interface_language(tag) or DEFAULT_LANGUAGE
    if tag == DEFAULT_LANGUAGE:
        return ENGLISH
    return Words(tag, Translations.load(str(CATALOGUES), [babel_identifier(tag)]))
