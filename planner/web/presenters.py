"""How times, days and names read on a page: Jinja filters over the domain's time functions.

Times take the zone to show them in: the reader's (``zones.name``) for the main figure,
the meeting's (``zones.meeting``) for the one beneath it. Days and times are written in the reader's language
(web.language) by Babel from CLDR; English keeps the forms Planner wrote before it spoke other languages
("Monday 18 October 2021", "09:00"), which CLDR's English does not ("Monday, October 18, 2021", "9:00 AM").
"""
import functools
from datetime import date, datetime, time
from itertools import groupby

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from flask import Flask
from flask_babel import get_locale, gettext, ngettext
from markupsafe import Markup, escape

from planner.domain.cldr import city_of, clock_time, written_size
from planner.domain.documents import ACCEPTED_TYPES, by_kind, language_name, language_name_in
from planner.domain.documents import size_text as english_size
from planner.addresses import meeting_links
from planner.domain.participant_list import written_name
from planner.domain.changes import FIELD_LABELS, differences
from planner.domain.agenda import role_groups
from planner.domain.burden import DayBurden, SessionBurden
from planner.domain.vocabulary import N_, OfficerRole, Role
from planner.domain.timezones import (
    WAKING_HOURS, ReaderZone, city_zone_names, days_elsewhere, days_later, is_known_zone, local_day, next_day_mark,
    to_local, zone_city, zone_description, zone_labels,
)


def reader_locale() -> Locale | None:
    """The reader's locale for Babel; None for English (and outside a request), which keeps Planner's own forms."""
    locale = get_locale()
    return None if locale is None or locale.language == "en" else locale


def wall_clock(local: datetime) -> str:
    """A wall-clock time: "09:00"; the locale's own short form elsewhere ("9:00 ص", 24-hour where it is used)."""
    return _hour(local.time())


def later_day_mark(starts_at: datetime, ends_at: datetime | None, zone_name: str) -> str:
    """" (+1 day)" after the end of a span that ends on a later day than it starts, in the reader's language."""
    days = 0 if ends_at is None else days_later(starts_at, ends_at, zone_name)
    if not days:
        return ""
    if reader_locale() is None:
        return next_day_mark(starts_at, ends_at, zone_name)
    return " " + ngettext("(+%(num)d day)", "(+%(num)d days)", days)


def clock(instant: datetime, zone_name: str) -> str:
    return wall_clock(to_local(instant, zone_name))


def time_range(session, zone_name: str) -> str:
    """"09:00–10:00"; "18:30" for an item without an end; "21:30–00:30 (+1 day)" past the reader's midnight."""
    if session.ends_at is None:
        return clock(session.starts_at, zone_name)
    return (f"{clock(session.starts_at, zone_name)}–{clock(session.ends_at, zone_name)}"
            f"{later_day_mark(session.starts_at, session.ends_at, zone_name)}")


def clock_range_with_day(session, zone_name: str) -> str:
    return f"{short_date(local_day(session.starts_at, zone_name))} {time_range(session, zone_name)}"


def meeting_time_range(session, zones: ReaderZone) -> str:
    """The session on the meeting's clocks, to sit under the reader's: "Mon 09:00–10:00".

    The weekday shows only when the meeting's day is not the reader's.
    """
    start = to_local(session.starts_at, zones.meeting)
    weekday = f"{weekday_name(start.date())} " if start.date() != local_day(session.starts_at, zones.name) else ""
    return f"{weekday}{time_range(session, zones.meeting)}"


def when(session, zones: ReaderZone) -> Markup:
    """A session's time for the reader and, when the zones differ, the meeting's beneath it.

    Written here rather than as a template macro: a long agenda shows it hundreds of times,
    and a macro call costs several times as much as a function's.
    """
    start = to_local(session.starts_at, zones.name)
    html = f'<span class="nowrap"><time datetime="{start.isoformat()}">{wall_clock(start)}</time>'
    if session.ends_at is not None:
        end = to_local(session.ends_at, zones.name)
        mark = later_day_mark(session.starts_at, session.ends_at, zones.name)
        html += f'–<time datetime="{end.isoformat()}">{wall_clock(end)}</time>{mark}'
    html += "</span>"
    if zones.differs:
        meeting_clock = gettext("%(city)s time", city=city_name(zones.meeting))
        html += (f' <span class="meeting-time"><span class="nowrap">{escape(meeting_time_range(session, zones))}'
                 f'</span> {escape(meeting_clock)}</span>')
    return Markup(html)


def long_date(day: date) -> str:
    """"Monday 18 October 2021"; "lundi 18 octobre 2021", "понедельник, 18 октября 2021 г."."""
    locale = reader_locale()
    return f"{day:%A} {day.day} {day:%B %Y}" if locale is None else format_date(day, "full", locale=locale)


def short_date(day: date) -> str:
    """"Mon 18 Oct"; "lun. 18 oct.", "10월 18일 (월)"."""
    locale = reader_locale()
    return f"{day:%a} {day.day} {day:%b}" if locale is None else format_skeleton("MMMEd", day, locale=locale)


def weekday_name(day: date) -> str:
    locale = reader_locale()
    return f"{day:%a}" if locale is None else format_date(day, "EEE", locale=locale)


def written_moment(moment) -> str:
    """A day or time a domain message holds (domain.wording.Moment), in the reader's language; English as the
    domain wrote it."""
    locale = reader_locale()
    if locale is None:
        return str.__str__(moment)
    if moment.form == "span":
        starts, ends = moment.values
        return short_date_time(starts) if ends is None else f"{short_date_time(starts)}–{wall_clock(ends)}"
    day = moment.values[0]
    skeleton = {"day": "MMMEd", "day_year": "yMMMEd", "day_month": "MMMd", "day_month_year": "yMMMd"}[moment.form]
    return format_skeleton(skeleton, day, locale=locale)


def written_list(items: list[str], separator: str = ", ") -> str:
    """A list inside a sentence as the reader's language writes one ("a, b et c"); English as Planner wrote it,
    joined by ``separator``."""
    locale = reader_locale()
    return separator.join(items) if locale is None else format_list(items, locale=locale)


def language_in_sentence(code: str) -> str:
    """A document's language named inside a sentence, in the sentence's language: "English", "영어"."""
    return language_name_in(code, reader_locale() or "en")


def size_text(size: int) -> str:
    """A file's size: "3.4 MB"; "3,4 Mo" in French."""
    locale = reader_locale()
    return english_size(size) if locale is None else written_size(size, locale)


def city_name(zone_name: str) -> str:
    """The place a zone is named after, in the reader's language: "Seoul"; "Séoul", "서울" (CLDR)."""
    locale = reader_locale()
    if locale is None or not is_known_zone(zone_name):
        return zone_city(zone_name)
    return city_of(zone_name, locale)


def short_date_time(local: datetime, since: datetime | None = None) -> str:
    """A wall-clock moment already in its zone, "Sun 17 Oct 20:00"; only the time when it falls on
    the same day as ``since`` (the start of the same span)."""
    if since is not None and since.date() == local.date():
        return wall_clock(local)
    return f"{short_date(local.date())} {wall_clock(local)}"


def date_span(first: date, last: date) -> str:
    """"18–22 October 2021"; CLDR's interval elsewhere: "18–22 octubre de 2021", "2021년 10월 18일~22일"."""
    if locale := reader_locale():
        return format_date(first, "long", locale=locale) if first == last else format_interval(
            first, last, "yMMMMd", locale=locale)
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} – {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} – {last.day} {last:%B %Y}"


def local_moment(instant: datetime, zone_name: str) -> str:
    return f"{to_local(instant, zone_name):%Y-%m-%d %H:%M}"


def zoned_moment(instant: datetime, zone_name: str) -> str:
    """An instant for organisers, in the meeting's zone and saying which."""
    return f"{local_moment(instant, zone_name)} ({zone_name})"


def change_author(change) -> str:
    """Who made a change, as the history names them: an account by its name, a participant as one."""
    if change.user is not None:
        return change.user.name or change.user.email
    if change.participant_name:
        return gettext("%(name)s (participant)", name=change.participant_name)
    return gettext("Planner (no account: a command or the demo loader)")


def change_differences(change, zone_name: str) -> list:
    return readable_differences(differences(change.before or {}, change.after or {}), zone_name)


def readable_differences(found, zone_name: str) -> list[tuple[str, str, str]]:
    """(label, then, now) as organisers read them: the fields' labels, instants in the meeting's zone."""
    return [(FIELD_LABELS.get(name, name.replace("_", " ").capitalize()), _shown(then, zone_name),
             _shown(now, zone_name)) for name, then, now in found if name not in _SHOWN_ELSEWHERE]


# A record's own id and its meeting's are what the entry is about, not what changed.
_SHOWN_ELSEWHERE = frozenset({"id", "meeting_id"})


def _shown(value, zone_name: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, str) and len(value) > 16 and value[10:11] == "T":
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            return value
        if instant.tzinfo is not None:
            return f"{short_date_time(to_local(instant, zone_name))} ({zone_name})"
    return str(value)


def local_iso(instant: datetime, zone_name: str) -> str:
    return to_local(instant, zone_name).isoformat()


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string (for ``content:`` in a ``<style>``), where HTML escaping means nothing.

    Everything but letters, digits and spaces becomes a six-digit CSS escape, so no
    quote, backslash or ``</style>`` in a title can end the string or the element. Each escape
    ends with a space, which CSS reads as its end and drops: without it, the space after a comma
    ("SCE Mine Clearance, September 1999") would be taken as the escape's end and lost.
    """
    escaped = "".join(char if char.isalnum() or char == " " else f"\\{ord(char):06x} " for char in text)
    return Markup(f'"{escaped}"')


def reader_zone_description(meeting, zone_name: str) -> str:
    """The zone's abbreviation and offset over the days the meeting spans on its clocks."""
    first, last = days_elsewhere(meeting.first_day, meeting.last_day, meeting.timezone, zone_name)
    return zone_in_words(zone_name, first, last)


def zone_in_words(zone_name: str, first_day: date, last_day: date) -> str:
    """"KST, UTC+09:00"; in another language CLDR's name of the zone: "heure normale de la Corée, UTC+09:00"."""
    locale = reader_locale()
    if locale is None:
        return zone_description(zone_name, first_day, last_day)
    return functools.reduce(lambda before, after: gettext("%(before)s, then %(after)s", before=before, after=after),
                            zone_labels(zone_name, first_day, last_day, locale=str(locale)))


# The picker's groups: its own two, then the regions IANA names zones by.
THIS_MEETING, YOUR_CHOICE = N_("This meeting"), N_("Your choice")
NAMED_GROUPS = frozenset({
    THIS_MEETING, YOUR_CHOICE, N_("Africa"), N_("America"), N_("Antarctica"), N_("Arctic"), N_("Asia"),
    N_("Atlantic"), N_("Australia"), N_("Europe"), N_("Indian"), N_("Pacific"), N_("UTC")})


def zone_choices(zones: ReaderZone) -> list[tuple[str, list[tuple[str, str, bool]]]]:
    """The picker's options, ``(value, label, selected)`` by region (named in the reader's language): the meeting's
    zone first, the reader's always among them and selected once."""
    names = city_zone_names()
    groups = [(THIS_MEETING, [zones.meeting])]
    if zones.name not in names and zones.differs:
        groups.append((YOUR_CHOICE, [zones.name]))
    groups.extend((region, list(group)) for region, group in groupby(names, key=lambda name: name.split("/")[0]))
    selected = False
    choices = []
    for region, group in groups:
        options = []
        for name in group:
            chosen = name == zones.name and not selected
            selected = selected or chosen
            options.append((name, _zone_label(name, whole=region in (THIS_MEETING, YOUR_CHOICE)), chosen))
        choices.append((gettext(region) if region in NAMED_GROUPS else region, options))
    return choices


def _zone_label(zone_name: str, whole: bool) -> str:
    """A zone as the picker offers it: in English the tz database's name ("Asia/Seoul" for the meeting's own,
    "Argentina/Buenos Aires" under America); elsewhere CLDR's name of the city in the reader's language."""
    if reader_locale() is not None:
        return city_name(zone_name)
    return (zone_name if whole else zone_name.partition("/")[2] or zone_name).replace("_", " ")


def label(choice) -> str:
    """A fixed choice's label (a session's kind, a mode, a role) in the reader's language."""
    return gettext(choice.label)


# A role over several people holding it (a heading, not a count: one form in every language).
ROLE_PLURALS = {
    Role.CO_CHAIR: N_("Co-chairs"), Role.VICE_CHAIR: N_("Vice-chairs"), Role.MODERATOR: N_("Moderators"),
    Role.SPEAKER: N_("Speakers"), Role.PANELLIST: N_("Panellists"), Role.RAPPORTEUR: N_("Rapporteurs"),
}


# An office of the bureau held by several people (a separate table: Role.CHAIR == OfficerRole.CHAIR as strings).
OFFICE_PLURALS = {
    OfficerRole.CHAIR: N_("Chairs"), OfficerRole.CO_CHAIR: N_("Co-chairs"), OfficerRole.VICE_CHAIR: N_("Vice-chairs"),
    OfficerRole.RAPPORTEUR: N_("Rapporteurs"), OfficerRole.SECRETARY: N_("Secretaries"),
}


def office_heading(office, count: int) -> str:
    """"Rapporteur", "Rapporteurs": an office of the bureau over the people holding it."""
    return gettext(OFFICE_PLURALS[office]) if count > 1 else label(office)


def role_heading(role, count: int) -> str:
    """"Speaker", "Speakers": a role over the people holding it; a chair stays "Chair" however many share it."""
    return gettext(ROLE_PLURALS[role]) if count > 1 and role in ROLE_PLURALS else label(role)


def _hour(moment: time) -> str:
    locale = reader_locale()
    return f"{moment:%H:%M}" if locale is None else clock_time(moment, locale)


def waking_hours() -> str:
    earliest, latest = WAKING_HOURS
    return f"{_hour(earliest)}–{_hour(latest)}"


def burden_summary(item: SessionBurden) -> str:
    """One line: how many online participants the session keeps up outside waking hours, and when."""
    if not item.online_count:
        return gettext("No one follows it online.")
    span = item.burdened_span
    if span is None:
        line = ngettext("%(num)d online participant, within %(hours)s at home",
                        "%(num)d online participants, all within %(hours)s at home", item.online_count,
                        hours=waking_hours())
    else:
        line = ngettext("%(num)d online participant between %(start)s and %(end)s",
                        "%(num)d online participants between %(start)s and %(end)s", len(item.burdened),
                        start=_hour(span[0]), end=_hour(span[1]))
    if item.without_zone:
        return gettext("%(summary)s; %(without)s.", summary=line, without=ngettext(
            "%(num)d without a home time zone", "%(num)d without a home time zone", len(item.without_zone)))
    return gettext("%(summary)s.", summary=line)


def day_burden_summary(day: DayBurden) -> str:
    if not day.sessions:
        return gettext("No session can be followed online.")
    if not day.online_count:
        return gettext("No one is registered to follow this day online.")
    if not day.burdened_participants:
        return ngettext("Day total: every session within %(hours)s at home for %(num)d online participant.",
                        "Day total: every session within %(hours)s at home for %(num)d online participants.",
                        day.online_count, hours=waking_hours())
    return gettext(
        "Day total: %(participants)s outside %(hours)s, in %(sessions)s (%(attendances)s).",
        participants=ngettext("%(part)d of %(num)d online participant", "%(part)d of %(num)d online participants",
                              day.online_count, part=day.burdened_participants),
        hours=waking_hours(),
        sessions=ngettext("%(part)d of %(num)d session", "%(part)d of %(num)d sessions", len(day.sessions),
                          part=day.burdened_sessions),
        attendances=ngettext("%(num)d attendance", "%(num)d attendances", day.burdened_attendances))


def file_type_label(mime: str) -> str:
    return ACCEPTED_TYPES.get(mime, mime)


def bureau_groups(officers) -> list:
    """The bureau by office (chair first, secretary last), officers in their listed order."""
    return role_groups(officers, OfficerRole)


def register(app: Flask) -> None:
    for presenter in (clock, time_range, meeting_time_range, long_date, short_date, short_date_time, local_iso,
                      local_day, burden_summary, day_burden_summary, css_string, local_moment,
                      zoned_moment, language_name, language_in_sentence, size_text, file_type_label, by_kind, label):
        app.add_template_filter(presenter)
    app.add_template_filter(later_day_mark, "next_day_mark")
    # Under their older names, which the templates use: in the reader's language.
    app.add_template_filter(city_name, "zone_city")
    app.add_template_global(zone_in_words, "zone_description")
    for presenter in (date_span, reader_zone_description, zone_choices, city_zone_names,
                      waking_hours, change_author, change_differences, readable_differences, role_groups, meeting_links,
                      when, written_name, role_heading, office_heading, bureau_groups):
        app.add_template_global(presenter)
