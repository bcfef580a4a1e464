"""No page mixes languages: every page of tests/pages.py, read in Korean (a script with no Latin letters), shows no
Latin word but those organisers and participants typed and a few names that are the same in every language."""
import re
from html.parser import HTMLParser

import pytest
from babel import Locale
from sqlalchemy import String, Text, select

from planner.domain.cldr import city_of
from planner.domain.timezones import city_zone_names, zone_city
from planner.extensions import db
from planner.models import Change
from planner.operations.accounts import find_user, start_sign_in
from tests.pages import ORGANISER, PUBLIC, build_every_page

# Names a Korean secretariat writes in Latin letters too: products, formats, units, zones.
SAME_IN_EVERY_LANGUAGE = {"Planner", "JSON", "API", "CSV", "PDF", "ZIP", "QR", "URL", "UTC", "GMT", "Zoom",
                          "Microsoft", "Teams", "Webex", "iCalendar", "ics", "xlsx", "MB", "KB", "A4", "A5", "IANA",
                          "YYYY", "MM", "DD", "HH", "SMTP", "https", "http", "www", "NGO", "UID", "zip", "UTF",
                          "Excel", "Word", "PowerPoint", "OpenDocument", "mm", "Enter", "Esc", "Shift",
                          # CLDR's Korean units of a file's size.
                          "byte", "kB", "GB",
                          # The honorifics a hint gives as examples: badges print them as organisers type them.
                          "Mr", "Ms", "Dr", "Amb"}
# Identifiers, addresses, file names and IANA zone names (Asia/Seoul) are the same in every language.
SAME_EVERYWHERE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\S+@\S+|https?://\S+|/\S+"
                             r"|\b\w+/\w+\b|(?<![\w.-])[\w.-]*\.(?:csv|pdf|docx|xlsx|ics|zip)\b")
LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]{2,}")
# What a reader sees or hears besides the text: labels of inputs and images, tooltips.
SHOWN_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")
NOT_READ = {"script", "style", "code", "datalist", "template", "pre"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ReadText(HTMLParser):
    """The text of a page as a reader meets it, leaving out code and anything marked as another language."""

    def __init__(self):
        super().__init__()
        self.skipping: list[str] = []
        self.open: list[str] = []
        self.read: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        other_language = attributes.get("lang") not in (None, "ko")
        if tag not in VOID:
            self.open.append(tag)
            if tag in NOT_READ or other_language or self.skipping:
                self.skipping.append(tag)
        if self.skipping and tag not in VOID:
            return
        self.read.extend(attributes[name] or "" for name in SHOWN_ATTRIBUTES if name in attributes)
        if tag == "input" and attributes.get("type") in ("submit", "button"):
            self.read.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in VOID or tag not in self.open:
            return
        while self.open:
            closed = self.open.pop()
            if self.skipping:
                self.skipping.pop()
            if closed == tag:
                break

    def handle_data(self, data):
        if not self.skipping:
            self.read.append(data)


def typed_words() -> set[str]:
    """Every Latin word stored in the database: titles, names, emails, file names, as someone typed them."""
    words = set()
    for mapper in db.Model.registry.mappers:
        # A change's summary is Planner's own words, stored as it wrote them (in English): not typed.
        columns = [column for column in mapper.columns if isinstance(column.type, (String, Text))
                   and column is not Change.__table__.c.summary]
        for row in db.session.execute(select(*columns)) if columns else ():
            for value in row:
                found = LATIN_WORD.findall(value or "")
                words.update(found)
                words.update(word.upper() for word in found)  # family names as badges print them
    return words


def zones_cldr_does_not_name() -> set[str]:
    """Words of the zones CLDR has no Korean city for: the picker writes those as the tz database does."""
    korean = Locale("ko")
    return {word for zone in city_zone_names() if city_of(zone, korean) == zone_city(zone)
            for word in LATIN_WORD.findall(zone_city(zone))}


def latin_words_of(page: str, allowed: set[str]) -> set[str]:
    reader = ReadText()
    reader.feed(page)
    text = SAME_EVERYWHERE.sub(" ", " ".join(reader.read))
    return {word for word in LATIN_WORD.findall(text) if word not in allowed}


@pytest.fixture
def records(make):
    return build_every_page(make)


@pytest.fixture
def organiser(app, records):
    user = find_user("organiser@example.org")
    start_sign_in(user, remembered=False)
    db.session.commit()
    return app.test_client(user=user)


def read_in_korean(client, address: str) -> str:
    response = client.get(address + ("&" if "?" in address else "?") + "lang=ko", follow_redirects=True)
    assert response.status_code == 200, address
    return response.get_data(as_text=True)


@pytest.mark.parametrize("address", PUBLIC + ORGANISER)
def test_a_page_read_in_korean_shows_english_only_where_someone_typed_it(client, organiser, records, address):
    reader = organiser if address in ORGANISER else client
    page = read_in_korean(reader, address.format(**records))
    found = latin_words_of(page, typed_words() | zones_cldr_does_not_name() | SAME_IN_EVERY_LANGUAGE)
    assert not found, " ".join(sorted(found))
