"""Writing iCalendar content lines (RFC 5545, with RFC 6868 parameter values) straight to text.

icalendar builds a tree of property objects and folds each line a character at a time: about
a millisecond an event, most of a feed's time at a few hundred sessions. Events are flat and
made of a handful of value types, so they are written here directly; icalendar still writes
the VTIMEZONE, and icalendar, vobject and ical.js read every file back in the tests.
"""
import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone

LIMIT = 75  # octets a line should not pass, its line break aside
CRLF = "\r\n"
_NEEDS_QUOTES = re.compile(r"[:;,]|^\s|\s$")
# What no value may carry into a line unescaped: a CR or LF would end it and start a property of the sender's
# choosing (an ATTENDEE, a whole VEVENT); the other controls (tab aside) are not allowed in a value at all.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def text(value: str) -> str:
    """A TEXT value: backslashes, semicolons, commas and line breaks escaped."""
    # Chained replaces run in C; str.translate with a mapping is several times slower.
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "").replace("\n", "\\n"))


def texts(values: Iterable[str]) -> str:
    """A list of TEXT values (CATEGORIES)."""
    return ",".join(text(value) for value in values)


def parameter(value: str) -> str:
    """A parameter value: RFC 6868 escapes for what cannot stand in one; quoted when it holds ``:;,`` or
    an outer space (which parsers trim)."""
    value = value.replace("^", "^^").replace("\r\n", "\n").replace("\n", "^n").replace('"', "^'")
    return f'"{value}"' if _NEEDS_QUOTES.search(value) else value


def utc(instant: datetime) -> str:
    """A DATE-TIME in UTC form, as DTSTAMP, CREATED and LAST-MODIFIED must be."""
    return _date_time(instant.astimezone(timezone.utc)) + "Z"


def local(moment: datetime) -> str:
    """A DATE-TIME on a wall clock, written without its zone (the line carries TZID)."""
    return _date_time(moment)


def _date_time(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")[:19].replace("-", "").replace(":", "")


def duration(length: timedelta) -> str:
    """A positive DURATION in days, hours, minutes and seconds (P1D, PT1H30M)."""
    days, seconds = length.days, length.seconds
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    clock = "".join(f"{amount}{unit}" for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if amount)
    return "P" + (f"{days}D" if days else "") + (f"T{clock}" if clock else "" if days else "T0S")


def line(name: str, value: str, parameters: dict[str, str | list[str]] | None = None) -> str:
    """One content line, folded, with its line break; ``value`` is already written in its type's form."""
    if parameters:
        name = named(name, parameters)
    # Every line passes here, so whatever a value holds (TEXT is escaped already; a URI or an address is not)
    # no control character reaches the file.
    return fold(_CONTROL.sub("", f"{name}:{value}")) + CRLF


def named(name: str, parameters: dict[str, str | list[str]]) -> str:
    """A property's name with its parameters; a parameter given a list takes several values (FEATURE=AUDIO,VIDEO)."""
    return name + "".join(
        f";{key}=" + (",".join(map(parameter, param)) if isinstance(param, list) else parameter(param))
        for key, param in parameters.items())


def fold(content: str) -> str:
    """Break a line after at most 75 octets, each continuation starting with a space.

    A break never falls inside a UTF-8 sequence, nor right after a backslash: some clients
    read an escape split over two lines as two characters.
    """
    if len(content) <= LIMIT and content.isascii():
        return content
    octets = content.encode()
    if len(octets) <= LIMIT:
        return content
    pieces, start, room = [], 0, LIMIT
    while len(octets) - start > room:
        end = start + room
        while octets[end] & 0xC0 == 0x80:  # a continuation byte: the character began before the break
            end -= 1
        if octets[end - 1] == 0x5C and end - 1 > start:
            end -= 1
        pieces.append(octets[start:end].decode())
        start, room = end, LIMIT - 1
    pieces.append(octets[start:].decode())
    return (CRLF + " ").join(pieces)
