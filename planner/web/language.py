"""The language a reader reads Planner in, the one place it is chosen: ``?lang=`` (then remembered in a cookie)
> remembered cookie > the browser's ``Accept-Language`` > the meeting's own language > English.

A valid ``?lang=`` is remembered like the reader's zone (reader_zone.py), so the picker's links (plain links,
no JavaScript) and a shared link both carry over to the next page. Pages of a meeting name it through
``answer_of(meeting)`` (web.access and web.kept do), so its default language can decide.
"""
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import flask_babel
from flask import Flask, Response, g, has_request_context, request
from flask_babel import Babel

from planner.domain.languages import (
    DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, babel_identifier, closest_interface_language, direction,
    interface_language, own_name,
)

# planner/translations/<language>/LC_MESSAGES/messages.po, compiled to .mo when Planner is installed (Makefile).
CATALOGUES = Path(__file__).resolve().parent.parent / "translations"
COOKIE = "planner_lang"
REMEMBER_FOR = 365 * 24 * 60 * 60


@dataclass(frozen=True)
class ReaderLanguage:
    tag: str          # BCP 47, as <html lang> writes it
    source: str       # "address", "remembered", "browser", "meeting" or "default"

    @property
    def direction(self) -> str:
        return direction(self.tag)

    @property
    def babel(self) -> str:
        return babel_identifier(self.tag)


@dataclass(frozen=True)
class LanguageChoice:
    tag: str
    name: str
    href: str
    current: bool


def choose_language(*, requested: str | None, remembered: str | None, accepted: list[str],
                    meeting_language: str | None) -> ReaderLanguage:
    if tag := interface_language(requested):
        return ReaderLanguage(tag, "address")
    if tag := interface_language(remembered):
        return ReaderLanguage(tag, "remembered")
    for entry in accepted:
        if tag := closest_interface_language(entry):
            return ReaderLanguage(tag, "browser")
    if tag := interface_language(meeting_language):
        return ReaderLanguage(tag, "meeting")
    return ReaderLanguage(DEFAULT_LANGUAGE, "default")


def answer_of(meeting) -> None:
    """Says this request answers with one meeting's page, so the meeting's default language can decide."""
    if g.get("meeting_language") != meeting.language:
        g.meeting_language = meeting.language
        flask_babel.refresh()


def reader_language() -> ReaderLanguage:
    """The language of this request's answer; English outside a request (the mail worker, a command)."""
    if not has_request_context():
        return ReaderLanguage(DEFAULT_LANGUAGE, "default")
    # Accept-Language in the browser's order of preference (quality, then as written).
    accepted = [value for value, quality in request.accept_languages if quality > 0]
    choice = choose_language(requested=request.args.get("lang"), remembered=request.cookies.get(COOKIE),
                             accepted=accepted, meeting_language=g.get("meeting_language"))
    g.reader_language = choice
    return choice


def language_choices() -> list[LanguageChoice]:
    """The picker's links: this address in each language, written relative (``?lang=fr``) so that a page names
    not its own path (a missing person's 404 is the same as any other's). A kept page (shared by every reader of
    the address and language) keeps no query but ``lang``; other pages keep theirs (a list's filters, say)."""
    current = reader_language().tag
    others = [] if g.get("keeping") else [(key, value) for key, value in request.args.items(multi=True)
                                          if key != "lang"]
    return [LanguageChoice(tag, own_name(tag), f"?{urlencode([*others, ('lang', tag)])}",
                           tag == current) for tag in INTERFACE_LANGUAGES]


def _remember(response: Response) -> Response:
    choice = g.pop("reader_language", None)
    if choice is None:
        return response
    # The same address is written in another language for another cookie or browser.
    response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    if choice.source == "address" and request.cookies.get(COOKIE) != choice.tag:
        response.set_cookie(COOKIE, choice.tag, max_age=REMEMBER_FOR, samesite="Lax", secure=request.is_secure)
    return response


def register(app: Flask) -> None:
    Babel(app, locale_selector=lambda: reader_language().babel, default_translation_directories=str(CATALOGUES))
    app.add_template_global(reader_language)
    app.add_template_global(language_choices)
    app.after_request(_remember)
