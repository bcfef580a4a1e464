"""Emails about accounts: an invitation to a meeting's team, a password reset link. A text part and an HTML part.

Each is written in the language of the person who asked for it (``words``), the organiser inviting or the reader of
the reset page: the recipient has no language of their own here.
"""
import html
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from datetime import datetime

from planner.domain.calendars.words import ENGLISH, Words
from planner.domain.wording import _


def _message(*, to: str, sender: str, subject: str, paragraphs: list[str], link: str, link_text: str,
             stamp: datetime) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(stamp)
    message["Message-ID"] = make_msgid(domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    text = paragraphs[:1] + [f"{link_text}:\n{link}"] + paragraphs[1:]
    message.set_content("\n\n".join(text) + "\n")
    body = [f"<p>{html.escape(paragraphs[0])}</p>",
            f'<p><a href="{html.escape(link)}">{html.escape(link_text)}</a></p>',
            *(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs[1:])]
    message.add_alternative("<!doctype html>\n<html><body>\n" + "\n".join(body) + "\n</body></html>\n",
                            subtype="html")
    return message


def team_invitation_email(*, to: str, sender: str, meeting_title: str, role_label: str, invited_by: str,
                          link: str, expires: datetime, zone: str, stamp: datetime,
                          words: Words = ENGLISH) -> EmailMessage:
    """``role_label`` is the role's English label (domain.vocabulary); ``expires`` a local time in ``zone``."""
    say = words.say
    return _message(
        to=to, sender=sender, subject=say(_("You are invited to the team of %(meeting)s", meeting=meeting_title)),
        stamp=stamp,
        paragraphs=[say(_("%(who)s invites you to join the team of “%(meeting)s” as %(role)s.", who=invited_by,
                          meeting=meeting_title, role=words.label(role_label))),
                    say(_("The link works once, until %(day)s %(time)s (%(zone)s). If you have no account yet, you "
                          "choose your name and password there.", day=words.day(expires),
                          time=words.clock(expires), zone=words.zone(zone))),
                    say(_("If you did not expect this invitation, you can ignore this message."))],
        link=link, link_text=say(_("Accept the invitation")))


def password_reset_email(*, to: str, sender: str, site_name: str, link: str, stamp: datetime,
                         words: Words = ENGLISH) -> EmailMessage:
    say = words.say
    return _message(
        to=to, sender=sender, subject=say(_("Reset your %(site)s password", site=site_name)), stamp=stamp,
        paragraphs=[say(_("Someone asked to reset the password of your %(site)s account (%(email)s).",
                          site=site_name, email=to)),
                    say(_("The link works once, for one hour. Setting a new password signs you out everywhere.")),
                    say(_("If it was not you, ignore this message: your password stays as it is."))],
        link=link, link_text=say(_("Choose a new password")))
