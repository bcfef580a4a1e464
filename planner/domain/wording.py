"""Messages the domain and the operations write for people, in English, that the web layer can translate.

The domain imports no Flask, so it cannot know the reader's language. ``_`` and ``ngettext`` (the names
``pybabel extract`` looks for, so the catalogues find these messages) return a ``Message``: a ``str`` whose value
is the English text, as before (the API, the logs, the command line and the tests read English), that also keeps
its message id and placeholders, so ``web.wording.say`` can write it again in the reader's language. Placeholders
that are Messages themselves (a field's name inside a sentence) are translated with it; what people typed (a
title, a name) is passed as plain text and stays as typed.

A Message printed in a page (Jinja escapes it through ``__html__``) is written in the reader's language by the
translator the web layer installs (``translate_with``); outside the web layer English stays.
"""
from collections.abc import Callable, Mapping
from html import escape
from typing import Any


class Message(str):
    """English text that remembers how to be translated: its msgid (and plural), its count and placeholders."""

    msgid: str
    plural: str | None
    num: int | None
    params: Mapping[str, Any]

    def __new__(cls, msgid: str, plural: str | None = None, num: int | None = None,
                params: Mapping[str, Any] | None = None):
        params = dict(params or {})
        if plural is not None:
            # gettext's own rule in English: the singular for one, the plural otherwise; the count is "num".
            params.setdefault("num", num)
            english = (msgid if num == 1 else plural) % params
        else:
            # As gettext does: a message without placeholders is not formatted (a "%" in it stays).
            english = msgid % params if params else msgid
        message = super().__new__(cls, english)
        message.msgid, message.plural, message.num, message.params = msgid, plural, num, params
        return message

    def __reduce__(self):
        # Copies and pickles keep the message, not only its English.
        return Message, (self.msgid, self.plural, self.num, self.params)

    def __html__(self) -> str:
        return escape(_translator(self), quote=True)


class Moment(str):
    """A day or a time inside a message, as the wall clock of the meeting reads it: its English text as Planner
    writes it (the API, the tests), and the local values the web layer writes again in the reader's language.
    ``form`` says which: "span" (a local start and end, the end None for a point in time), "day" (a date with its
    weekday), "day_month" and "day_month_year" (a date)."""

    form: str
    values: tuple

    def __new__(cls, english: str, form: str, *values):
        moment = super().__new__(cls, english)
        moment.form, moment.values = form, values
        return moment

    def __reduce__(self):
        return Moment, (str.__str__(self), self.form, *self.values)


def _(msgid: str, **params: Any) -> Message:
    """A message for people: ``_("%(what)s is required.", what=_("The title"))``."""
    return Message(msgid, params=params)


def ngettext(singular: str, plural: str, num: int, **params: Any) -> Message:
    """A message that depends on a count, written ``%(num)d`` in it."""
    return Message(singular, plural, num, params)


def english(message: Message) -> str:
    return str.__str__(message)


_translator: Callable[[Message], str] = english


def translate_with(translator: Callable[[Message], str]) -> None:
    """Installs how a Message printed in a page is written (the web layer's, in the reader's language)."""
    global _translator
    _translator = translator
