"""Emails about accounts: an invitation to a meeting's team, a password reset link. A text part and an HTML part."""
import html
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from datetime import datetime


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
                          link: str, expires: str, stamp: datetime) -> EmailMessage:
    return _message(
        to=to, sender=sender, subject=f"You are invited to the team of {meeting_title}", stamp=stamp,
        paragraphs=[f"{invited_by} invites you to join the team of “{meeting_title}” as {role_label}.",
                    f"The link works once, until {expires}. If you have no account yet, you choose your name "
                    "and password there.",
                    "If you did not expect this invitation, you can ignore this message."],
        link=link, link_text="Accept the invitation")


def password_reset_email(*, to: str, sender: str, site_name: str, link: str, stamp: datetime) -> EmailMessage:
    return _message(
        to=to, sender=sender, subject=f"Reset your {site_name} password", stamp=stamp,
        paragraphs=[f"Someone asked to reset the password of your {site_name} account ({to}).",
                    "The link works once, for one hour. Setting a new password signs you out everywhere.",
                    "If it was not you, ignore this message: your password stays as it is."],
        link=link, link_text="Choose a new password")
