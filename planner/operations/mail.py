"""Sending email through the SMTP server the configuration names (PLANNER_SMTP_*)."""
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    username: str = ""
    password: str = ""
    use_tls: bool = False  # STARTTLS after connecting
    sender: str = ""  # the From address


@dataclass(frozen=True)
class Delivery:
    sent: int  # the first ``sent`` messages went out
    error: str | None = None  # why the rest did not


def send_messages(messages: Sequence[EmailMessage], settings: SmtpSettings) -> Delivery:
    """Send ``messages`` in order over one connection, stopping at the first failure."""
    sent = 0
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
            if settings.use_tls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password)
            for message in messages:
                smtp.send_message(message)
                sent += 1
    except (smtplib.SMTPException, OSError) as error:
        return Delivery(sent, f"{type(error).__name__}: {error}")
    return Delivery(sent)
