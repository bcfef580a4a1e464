"""How times, days and names read on a page: Jinja filters over the domain's time functions."""
from datetime import date, datetime

from flask import Flask
from markupsafe import Markup

from planner.domain.changes import differences
from planner.domain.programme import role_groups
from planner.domain.timezones import local_day, to_local, zone_description


def clock(instant: datetime, zone_name: str) -> str:
    return f"{to_local(instant, zone_name):%H:%M}"


def time_range(session, zone_name: str) -> str:
    return f"{clock(session.starts_at, zone_name)}–{clock(session.ends_at, zone_name)}"


def clock_range_with_day(session, zone_name: str) -> str:
    return f"{short_date(local_day(session.starts_at, zone_name))} {time_range(session, zone_name)}"


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def date_span(first: date, last: date) -> str:
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


def local_moment(instant: datetime, zone_name: str) -> str:
    return f"{to_local(instant, zone_name):%Y-%m-%d %H:%M}"


def change_differences(change) -> list:
    return differences(change.before or {}, change.after or {})


def local_iso(instant: datetime, zone_name: str) -> str:
    return to_local(instant, zone_name).isoformat()


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string (for ``content:`` in a ``<style>``), where HTML escaping means nothing.

    Everything but letters, digits and spaces becomes a six-digit CSS escape, so no
    quote, backslash or ``</style>`` in a title can end the string or the element.
    """
    escaped = "".join(char if char.isalnum() or char == " " else f"\\{ord(char):06x}" for char in text)
    return Markup(f'"{escaped}"')


def register(app: Flask) -> None:
    app.add_template_filter(css_string)
    app.add_template_filter(clock)
    app.add_template_filter(time_range)
    app.add_template_filter(long_date)
    app.add_template_filter(short_date)
    app.add_template_filter(local_iso)
    app.add_template_global(date_span)
    app.add_template_filter(local_day)
    app.add_template_filter(local_moment)
    app.add_template_global(change_differences)
    app.add_template_global(zone_description)
    app.add_template_global(role_groups)
