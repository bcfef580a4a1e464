"""Messages the domain and the operations write for people, in English, that the web layer can translate.

The domain imports no Flask, so it cannot know the reader's language. ``_`` and ``ngettext`` (the names
``pybabel extract`` looks for, so the catalogues find these messages) return a ``Message``: a ``str`` whose value
is the English text, as before (the API, the logs, the command line and the tests read English), that also keeps
its message id and placeholders, so ``web.wording.say`` can write it again in the reader's language. Placeholders
that are Messages themselves (a field's name inside a sentence) are translated with it; what people typed (a
title, a name) is passed as plain text and stays as typed.

A Message printed in a page (Jinja escapes it through ``__html__``) is written in the reader's language by the
translator the web layer installs (``translate_with``); outside the web layer English stays.

A Message can be kept (``as_data``, JSON) and read back (``from_data``) to be said later in another reader's
language: the history keeps each change's summary so.
"""
from collections.abc import Callable, Mapping
from datetime import date, datetime
from html import escape
from typing import Any


class Message(str):
    """English text that remembers how to be translated: its msgid (and plural), its count and placeholders."""

    msgid: str
    plural: str | None
    num: int | None
    params: Mapping[str, Any]
    context: str | None

    def __new__(cls, msgid: str, plural: str | None = None, num: int | None = None,
                params: Mapping[str, Any] | None = None, context: str | None = None):
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
        message.context = context
        return message

    def __reduce__(self):
        # Copies and pickles keep the message, not only its English.
        return Message, (self.msgid, self.plural, self.num, self.params, self.context)

    def as_data(self) -> dict:
        """The message as JSON can hold it, placeholders included, for ``from_data`` to read back."""
        data = {"msgid": self.msgid, "params": {name: _value_data(value) for name, value in self.params.items()
                                                if not (self.plural is not None and name == "num")}}
        if self.plural is not None:
            data |= {"plural": self.plural, "num": self.num}
        if self.context is not None:
            data["context"] = self.context
        return data

    @classmethod
    def from_data(cls, data: Mapping) -> "Message":
        params = {name: _value_from_data(value) for name, value in data.get("params", {}).items()}
        return cls(data["msgid"], data.get("plural"), data.get("num"), params, data.get("context"))

    def __html__(self) -> str:
        return escape(_translator(self), quote=True)


class Moment(str):
    """A day or a time inside a message, as the wall clock of the meeting reads it: its English text as Planner
    writes it (the API, the tests), and the local values the web layer writes again in the reader's language.
    ``form`` says which: "span" (a local start and end, the end None for a point in time), "day" (a date with its
    weekday), "day_year" (a date with its weekday and year), "day_month" and "day_month_year" (a date)."""

    form: str
    values: tuple

    def __new__(cls, english: str, form: str, *values):
        moment = super().__new__(cls, english)
        moment.form, moment.values = form, values
        return moment

    def __reduce__(self):
        return Moment, (str.__str__(self), self.form, *self.values)


class LanguageName(str):
    """A language named inside a message: its English name, and its code for the web layer to name it in the
    reader's language (CLDR)."""

    code: str

    def __new__(cls, english: str, code: str):
        name = super().__new__(cls, english)
        name.code = code
        return name

    def __reduce__(self):
        return LanguageName, (str.__str__(self), self.code)


class FileSize(str):
    """A file's size inside a message: "3.4 MB" in English; the web layer writes it in the reader's units."""

    size: int

    def __new__(cls, english: str, size: int):
        text = super().__new__(cls, english)
        text.size = size
        return text

    def __reduce__(self):
        return FileSize, (str.__str__(self), self.size)


class Listing(str):
    """A list inside a message (sessions, what a deletion took along): English joins the items with
    ``separator``; the web layer writes the list as the reader's language does ("a, b et c")."""

    items: tuple
    separator: str

    def __new__(cls, items, separator: str = ", "):
        items = tuple(items)
        listing = super().__new__(cls, separator.join(items))
        listing.items, listing.separator = items, separator
        return listing

    def __reduce__(self):
        return Listing, (self.items, self.separator)


def _value_data(value: Any) -> Any:
    if isinstance(value, Message):
        return {"message": value.as_data()}
    if isinstance(value, Moment):
        return {"moment": [str.__str__(value), value.form, *(_when_data(each) for each in value.values)]}
    if isinstance(value, LanguageName):
        return {"language": [str.__str__(value), value.code]}
    if isinstance(value, FileSize):
        return {"size": [str.__str__(value), value.size]}
    if isinstance(value, Listing):
        return {"list": [[_value_data(item) for item in value.items], value.separator]}
    if isinstance(value, str):
        return str.__str__(value)
    return value


def _value_from_data(data: Any) -> Any:
    if not isinstance(data, dict):
        return data
    (kind, value), = data.items()
    if kind == "message":
        return Message.from_data(value)
    if kind == "moment":
        english, form, *values = value
        return Moment(english, form, *(_when_from_data(each) for each in values))
    if kind == "language":
        return LanguageName(*value)
    if kind == "size":
        return FileSize(*value)
    items, separator = value
    return Listing([_value_from_data(item) for item in items], separator)


def _when_data(value: date | datetime | None) -> dict | None:
    if value is None:
        return None
    return {"datetime" if isinstance(value, datetime) else "date": value.isoformat()}


def _when_from_data(data: dict | None) -> date | datetime | None:
    if data is None:
        return None
    (kind, text), = data.items()
    return datetime.fromisoformat(text) if kind == "datetime" else date.fromisoformat(text)


def _(msgid: str, **params: Any) -> Message:
    """A message for people: ``_("%(what)s is required.", what=_("The title"))``."""
    return Message(msgid, params=params)


def ngettext(singular: str, plural: str, num: int, **params: Any) -> Message:
    """A message that depends on a count, written ``%(num)d`` in it."""
    return Message(singular, plural, num, params)


def pgettext(context: str, msgid: str, **params: Any) -> Message:
    """A message whose translation depends on where it stands: ``pgettext("role in a sentence", "chair")``."""
    return Message(msgid, params=params, context=context)


def english(message: Message) -> str:
    return str.__str__(message)


_translator: Callable[[Message], str] = english


def translate_with(translator: Callable[[Message], str]) -> None:
    """Installs how a Message printed in a page is written (the web layer's, in the reader's language)."""
    global _translator
    _translator = translator
