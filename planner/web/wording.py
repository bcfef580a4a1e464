"""The domain's messages (domain.wording.Message) written in the reader's language: ``say`` is the one door.

Pages and flashed messages say them; the API does not (its clients are programs, which read the English the
Message is as a ``str``). Flashed messages are said before they are flashed: the session keeps plain text only.
"""
import flask_babel
from flask import Flask

from planner.domain.wording import FileSize, LanguageName, Listing, Message, Moment, translate_with
from planner.web.presenters import language_in_sentence, size_text, written_list, written_moment


def say(text):
    """``text`` in the reader's language when it is a Message; any other value as it is (what people typed)."""
    if isinstance(text, Moment):
        return written_moment(text)
    if isinstance(text, LanguageName):
        return language_in_sentence(text.code)
    if isinstance(text, FileSize):
        return size_text(text.size)
    if isinstance(text, Listing):
        return written_list([say(item) for item in text.items], text.separator)
    if not isinstance(text, Message):
        return text
    params = {name: say(value) for name, value in text.params.items()}
    if text.plural is not None:
        params.pop("num", None)
        if text.context is not None:
            return flask_babel.npgettext(text.context, text.msgid, text.plural, text.num, **params)
        return flask_babel.ngettext(text.msgid, text.plural, text.num, **params)
    if text.context is not None:
        return flask_babel.pgettext(text.context, text.msgid, **params)
    return flask_babel.gettext(text.msgid, **params)


def register(app: Flask) -> None:
    # A Message printed in a template is said too (Jinja escapes it through Message.__html__).
    translate_with(say)
    app.add_template_filter(say)
