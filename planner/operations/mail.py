"""Sending email through the SMTP server the configuration names (PLANNER_SMTP_*)."""
import smtplib
import ssl
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from email.message import EmailMessage

# Refusals of one message; smtplib resets the transaction, so the connection serves the next one. (A message to an
# address beyond ASCII, to a server without SMTPUTF8, is refused before its transaction begins.)
_REFUSALS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError,
             smtplib.SMTPNotSupportedError)


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    username: str = ""
    password: str = ""
    use_tls: bool = False  # STARTTLS after connecting
    sender: str = ""  # the From address


def smtp_settings(config: Mapping) -> SmtpSettings | None:
    """The mail server from an application's configuration (PLANNER_SMTP_*); none when no host is set."""
    if not config.get("SMTP_HOST"):
        return None
    # The environment's values arrive parsed as JSON where they can be: a numeric password is a number.
    return SmtpSettings(host=str(config["SMTP_HOST"]), port=int(config.get("SMTP_PORT") or 25),
                        username=str(config.get("SMTP_USERNAME") or ""),
                        password=str(config.get("SMTP_PASSWORD") or ""),
                        use_tls=bool(config.get("SMTP_USE_TLS")), sender=str(config.get("SMTP_FROM") or ""))


def send_messages(messages: Iterable[EmailMessage], settings: SmtpSettings) -> Iterator[str | None]:
    """Send ``messages`` in order over one connection, yielding for each ``None`` once it went out, or why not.

    A message the server refuses (its recipient, say) does not hold up the others; once the
    connection fails, every message not yet sent fails with it. Messages are taken one at a
    time, so a caller may build each only when it is due.
    """
    pending = iter(messages)
    taken = 0  # a message taken from ``pending`` and not yet answered for
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=30) as smtp:
            if settings.use_tls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password)
            for message in pending:
                taken = 1
                try:
                    smtp.send_message(message)
                except _REFUSALS as refusal:
                    outcome = _reason(refusal)
                else:
                    outcome = None
                taken = 0
                yield outcome
    except (smtplib.SMTPException, OSError) as error:
        reason = _reason(error)
        for _ in range(taken):
            yield reason
        for _ in pending:
            yield reason


def _reason(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"refused by the mail server: {code} {answer.decode(errors='replace')}"
                         for code, answer in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return f"refused by the mail server: {error.smtp_code} {error.smtp_error.decode(errors='replace')}"
    return f"{type(error).__name__}: {error}"
