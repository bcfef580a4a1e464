"""Invitation emails: a text and an HTML part for people, and a calendar part for their calendar app.

The layout is the one Google Calendar sends and Outlook, Apple Mail, Gmail and Thunderbird
all act on: multipart/alternative with the text/calendar part last, carrying the METHOD
in its Content-Type as Outlook requires, and the same file attached as invite.ics.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr

from planner.domain.calendars.events import CANCEL, Attendee, CalendarEntry, Organizer, describe, invitation
from planner.domain.calendars.words import ENGLISH, Words
from planner.domain.timezones import days_later, next_day_mark, to_local
from planner.domain.wording import _, ngettext

# A CR or LF in a header would end it and let the rest add headers (a Bcc) or begin the body; the other control
# characters have no place in one either.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


class UnwritableMessage(ValueError):
    """A message that cannot be written as it stands; the reason is for the organisers."""


@dataclass(frozen=True)
class Letter:
    """One invitation (or update, or cancellation) about one session for one person."""

    entry: CalendarEntry
    method: str  # REQUEST or CANCEL
    update: bool  # the person was sent an earlier version
    recipient: Attendee
    organizer: Organizer
    sender: str
    meeting_name: str
    zone_name: str
    words: Words = ENGLISH  # the recipient's language: their registration's, else the meeting's

    @property
    def subject(self) -> str:
        title, when = self.entry.title, self.when
        if self.method == CANCEL:
            return self.words.say(_("Cancelled: %(title)s — %(when)s", title=title, when=when))
        if self.update:
            return self.words.say(_("Updated invitation: %(title)s — %(when)s", title=title, when=when))
        return self.words.say(_("Invitation: %(title)s — %(when)s", title=title, when=when))

    @property
    def when(self) -> str:
        words, entry = self.words, self.entry
        starts = to_local(entry.starts_at, self.zone_name)
        clocks = words.clock(starts)
        if entry.ends_at is not None:
            clocks += f"–{words.clock(to_local(entry.ends_at, self.zone_name))}{self._next_day_mark()}"
        return f"{words.day(starts.date())} {clocks} ({words.zone(self.zone_name)})"

    def _next_day_mark(self) -> str:
        if self.words.locale is None:
            return next_day_mark(self.entry.starts_at, self.entry.ends_at, self.zone_name)
        days = days_later(self.entry.starts_at, self.entry.ends_at, self.zone_name)
        return " " + self.words.say(ngettext("(+%(num)d day)", "(+%(num)d days)", days)) if days else ""

    @property
    def opening(self) -> str:
        title, meeting = self.entry.title, self.meeting_name
        if self.method == CANCEL:
            return self.words.say(_("“%(title)s” of %(meeting)s is cancelled.", title=title, meeting=meeting))
        if self.update:
            return self.words.say(_("“%(title)s” of %(meeting)s has changed; your calendar will show it as it is "
                                    "now.", title=title, meeting=meeting))
        return self.words.say(_("You are invited to “%(title)s” of %(meeting)s.", title=title, meeting=meeting))

    def paragraphs(self) -> list[str]:
        facts = [self.words.say(_("When: %(when)s", when=self.when))]
        if self.entry.location:
            facts.append(self.words.say(_("Where: %(place)s", place=self.entry.location)))
        return [self.opening, "\n".join(facts), describe(self.entry, self.words),
                self.words.say(_("Questions go to %(organiser)s.",
                                 organiser=f"{self.organizer.name} <{self.organizer.email}>"))]

    def calendar(self, *, stamp: datetime) -> bytes:
        return invitation(self.entry, method=self.method, zone_name=self.zone_name, organizer=self.organizer,
                          attendee=self.recipient, stamp=stamp, words=self.words)


def invitation_email(letter: Letter, *, stamp: datetime) -> EmailMessage:
    calendar = letter.calendar(stamp=stamp)
    message = EmailMessage()
    headers = {
        "Subject": letter.subject,
        "From": letter.sender,
        "To": formataddr((letter.recipient.name, letter.recipient.email)),
        "Reply-To": formataddr((letter.organizer.name, letter.organizer.email)),
        "Date": format_datetime(stamp),
        "Message-ID": make_msgid(domain=parseaddr(letter.sender)[1].rpartition("@")[2]),
    }
    for name, value in headers.items():  # the one door for every header's value
        if _CONTROL.search(value):
            raise UnwritableMessage(f"Its {name} header would hold a line break or control character: "
                                    f"“{_CONTROL.sub(' ', value)}”.")
        message[name] = value
    message.set_content("\n\n".join(letter.paragraphs()) + "\n")
    message.add_alternative(_html(letter.paragraphs(), letter.words), subtype="html")
    # Base64 keeps the calendar's CRLF line ends exactly as written.
    message.add_alternative(calendar, maintype="text", subtype="calendar", cte="base64",
                            params={"method": letter.method, "charset": "utf-8"})
    message.make_mixed()
    message.add_attachment(calendar, maintype="application", subtype="ics", filename="invite.ics")
    # After make_mixed, which moves every Content- header of the message into its first part.
    message["Content-Language"] = letter.words.language
    return message


def _html(paragraphs: list[str], words: Words) -> str:
    body = "".join(f"<p>{_linked(paragraph)}</p>\n" for paragraph in paragraphs if paragraph)
    return f'<!doctype html>\n<html lang="{words.language}" dir="{words.direction}"><body>\n{body}</body></html>\n'


def _linked(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        words = [f'<a href="{html.escape(word)}">{html.escape(word)}</a>' if word.startswith(("https://", "http://"))
                 else html.escape(word) for word in line.split(" ")]
        lines.append(" ".join(words))
    return "<br>\n".join(lines)
