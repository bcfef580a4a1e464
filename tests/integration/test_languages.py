"""Planner in seven languages: which one a reader gets, and that each reader gets their own."""
import functools
import re
from datetime import date, datetime, timezone
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.plurals import get_plural
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from planner.domain.languages import INTERFACE_LANGUAGES, babel_identifier
from planner.extensions import db
from planner.operations.meetings import update_meeting
from planner.web.language import COOKIE
from planner.web.presenters import city_name, date_span, long_date, short_date, time_range, zone_in_words
from planner.domain.vocabulary import OfficerRole, Role
from planner.operations.agenda import assign_role
from planner.operations.officers import add_officer
from tests.integration.browsing import submit, text_of
from tests.integration.test_calendar_feeds import agenda, issue, participant  # noqa: F401

HTML = re.compile(r'<html lang="([^"]+)" dir="(ltr|rtl)">')


def language_of(response) -> tuple[str, str]:
    return HTML.search(response.get_data(as_text=True)).groups()


def test_english_without_any_choice(client, agenda):
    assert language_of(client.get("/events/test-meeting/")) == ("en", "ltr")


def test_the_address_chooses_and_the_cookie_remembers_it(client, agenda):
    chosen = client.get("/events/test-meeting/?lang=ko")
    assert language_of(chosen) == ("ko", "ltr")
    assert f"{COOKIE}=ko" in chosen.headers["Set-Cookie"]
    assert language_of(client.get("/events/test-meeting/people/%d" % agenda["chang"].id)) == ("ko", "ltr")
    assert language_of(client.get("/events/test-meeting/?lang=ar")) == ("ar", "rtl")
    assert language_of(client.get("/events/test-meeting/")) == ("ar", "rtl")


def test_the_address_wins_over_the_browser_and_the_browser_over_the_meeting(client, agenda):
    update_meeting(agenda["meeting"], actor=None, **_fields(agenda["meeting"], language="ru"))
    db.session.commit()
    assert language_of(client.get("/events/test-meeting/")) == ("ru", "ltr")
    french_browser = {"Accept-Language": "de-CH, fr-CH;q=0.9, en;q=0.5"}
    assert language_of(client.get("/events/test-meeting/", headers=french_browser)) == ("fr", "ltr")
    assert language_of(client.get("/events/test-meeting/?lang=es", headers=french_browser)) == ("es", "ltr")


@pytest.mark.parametrize("asked, given", [("zh-CN", "zh-Hans"), ("zh", "zh-Hans"), ("zh-Hans-SG", "zh-Hans"),
                                          ("zh-TW", "en"), ("zh-Hant", "en"), ("ar-EG", "ar"), ("ko-KR", "ko"),
                                          ("pt-BR", "en"), ("*", "en")])
def test_a_browser_gets_the_interface_language_it_asks_for(client, agenda, asked, given):
    assert language_of(client.get("/events/test-meeting/", headers={"Accept-Language": asked}))[0] == given


def test_an_unknown_language_in_the_address_is_not_remembered(client, agenda):
    answer = client.get("/events/test-meeting/?lang=xx")
    assert language_of(answer) == ("en", "ltr") and COOKIE not in answer.headers.get("Set-Cookie", "")


def test_french_and_english_readers_of_the_same_page_get_their_own_pages(app, agenda):
    french, english, french_browser = app.test_client(), app.test_client(), app.test_client()
    in_french = french.get("/events/test-meeting/?lang=fr")
    in_english = english.get("/events/test-meeting/")
    by_browser = french_browser.get("/events/test-meeting/", headers={"Accept-Language": "fr"})
    assert (language_of(in_french), language_of(in_english), language_of(by_browser)) == (
        ("fr", "ltr"), ("en", "ltr"), ("fr", "ltr"))
    assert in_french.headers["ETag"] != in_english.headers["ETag"] == english.get("/events/test-meeting/").headers["ETag"]
    for answer in (in_french, in_english, by_browser):
        assert {"Cookie", "Accept-Language"} <= set(answer.vary)
    # An English reader's validator does not bring back the French page as unchanged.
    assert french.get("/events/test-meeting/", headers={"If-None-Match": in_english.headers["ETag"]}).status_code == 200


def test_the_personal_page_is_kept_for_each_language(client, agenda, participant):
    token = issue(participant)
    assert language_of(client.get(f"/my/{token}?lang=zh-Hans")) == ("zh-Hans", "ltr")
    assert language_of(client.get(f"/my/{token}?lang=en")) == ("en", "ltr")


def test_the_picker_names_each_language_in_itself_and_links_this_page(client, agenda):
    page = client.get("/events/test-meeting/days/2021-10-19?lang=ko").get_data(as_text=True)
    picker = page[page.index('<nav class="languages"'):]
    picker = picker[:picker.index("</nav>")]
    links = re.findall(r'<a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+"( aria-current="true")?>([^<]+)</a>', picker)
    assert [(href, tag, name, bool(current)) for href, tag, current, name in links] == [
        ("?lang=en", "en", "English", False),
        ("?lang=fr", "fr", "Français", False),
        ("?lang=es", "es", "Español", False),
        ("?lang=ru", "ru", "Русский", False),
        ("?lang=zh-Hans", "zh-Hans", "中文 (简体)", False),
        ("?lang=ar", "ar", "العربية", False),
        ("?lang=ko", "ko", "한국어", True),
    ]


def test_the_printed_documents_and_error_pages_say_their_language(client, agenda):
    assert language_of(client.get("/events/test-meeting/programme?lang=ar")) == ("ar", "rtl")
    missing = client.get("/events/no-such-meeting/?lang=ru")
    assert missing.status_code == 404 and language_of(missing) == ("ru", "ltr")


def test_organisers_set_the_meeting_language_in_its_form(sign_in, agenda):
    organiser = sign_in(agenda["meeting"])
    form = organiser.get("/events/test-meeting/organise/edit").get_data(as_text=True)
    assert '<option dir="ltr" lang="ko" value="ko">한국어</option>' in form  # written in Korean, said so
    refused = submit(organiser, "/events/test-meeting/organise/edit", {"language": "de"}, with_field="venue")
    assert refused.status_code == 400 and "Not a valid choice" in refused.get_data(as_text=True)
    saved = submit(organiser, "/events/test-meeting/organise/edit", {"language": "ko"}, with_field="venue")
    assert saved.status_code == 302
    db.session.expire_all()
    assert agenda["meeting"].language == "ko"
    assert language_of(organiser.get("/events/test-meeting/")) == ("ko", "ltr")


def test_the_api_reads_and_changes_the_meeting_language_and_refuses_others(app, make, agenda):
    token = make.token(make.organiser("api@example.org", meetings=[agenda["meeting"]]))
    client = app.test_client()
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/v1/events/test-meeting").json["language"] == "en"
    refused = client.patch("/api/v1/events/test-meeting", json={"language": "de"}, headers=auth)
    assert refused.status_code == 422 and "language" in refused.get_data(as_text=True)
    assert "zh-Hans" in refused.get_data(as_text=True)
    changed = client.patch("/api/v1/events/test-meeting", json={"language": "zh-Hans"}, headers=auth)
    assert changed.status_code == 200 and changed.json["language"] == "zh-Hans"


def _fields(meeting, **changes) -> dict:
    return dict(title=meeting.title, short_name=meeting.short_name, hosts=meeting.hosts,
                description=meeting.description, first_day=meeting.first_day, last_day=meeting.last_day,
                timezone=meeting.timezone, venue=meeting.venue, format=meeting.format,
                online_link=meeting.online_link, contact_email=meeting.contact_email, language=meeting.language,
                published=meeting.published) | changes


def test_the_picker_of_a_page_not_kept_keeps_its_query(sign_in, agenda):
    organiser = sign_in(agenda["meeting"])
    page = organiser.get("/events/test-meeting/organise/sessions/?status=confirmed&lang=fr").get_data(as_text=True)
    assert 'href="?status=confirmed&amp;lang=ko"' in page


# --- catalogues -------------------------------------------------------------------------------------------------

CATALOGUE_FOLDER = Path(__file__).resolve().parents[2] / "planner" / "translations"
TRANSLATED = [tag for tag in INTERFACE_LANGUAGES if tag != "en"]


def compiled(tag: str) -> Translations:
    """The catalogue of ``tag`` as `make catalogues` compiles it, checked as Babel's compiler checks it."""
    with open(CATALOGUE_FOLDER / babel_identifier(tag) / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalogue = read_po(po, locale=babel_identifier(tag))
    problems = [(message.id, errors) for message, errors in catalogue.check()]
    assert problems == [], tag
    mo = BytesIO()
    write_mo(mo, catalogue)
    mo.seek(0)
    return Translations(fp=mo)


@pytest.mark.parametrize("tag", TRANSLATED)
def test_every_catalogue_compiles_with_its_languages_plural_rule(tag):
    with open(CATALOGUE_FOLDER / babel_identifier(tag) / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalogue = read_po(po, locale=babel_identifier(tag))
    # gettext's rule for whole numbers, as Babel derives it from CLDR (Russian: 3 forms, Arabic: 6).
    assert catalogue.plural_forms == get_plural(babel_identifier(tag)).plural_forms
    assert catalogue.num_plurals == {"fr": 2, "es": 2, "ru": 3, "zh-Hans": 1, "ar": 6, "ko": 1}[tag]
    compiled(tag)


# A real message of the pages (templates/public/_agenda.html), in the forms CLDR's plural rules ask for.
DOCUMENTS = {
    "fr": {0: "0 document", 1: "1 document", 2: "2 documents", 21: "21 documents"},
    "es": {1: "1 documento", 2: "2 documentos", 21: "21 documentos"},
    "ru": {1: "1 документ", 2: "2 документа", 5: "5 документов", 11: "11 документов", 21: "21 документ",
           22: "22 документа", 25: "25 документов", 101: "101 документ", 112: "112 документов"},
    "zh-Hans": {1: "1 份文件", 2: "2 份文件"},
    "ar": {0: "لا توجد وثائق", 1: "وثيقة واحدة", 2: "وثيقتان", 3: "3 وثائق", 10: "10 وثائق", 11: "11 وثيقة",
           99: "99 وثيقة", 100: "100 وثيقة", 103: "103 وثائق"},
    "ko": {1: "문서 1건", 2: "문서 2건"},
}


@pytest.mark.parametrize("tag", TRANSLATED)
def test_counted_words_take_each_languages_plural_forms(tag):
    translations = compiled(tag)
    written = {count: translations.ngettext("%(num)d document", "%(num)d documents", count) % {"num": count}
               for count in DOCUMENTS[tag]}
    assert written == DOCUMENTS[tag]


def test_arabic_counts_from_eleven_to_ninety_nine_take_the_accusative_singular():
    # Babel's Plural-Forms for Arabic put 100-102 at index 4 and 11-99 at index 5, not in CLDR's order of names.
    translations = compiled("ar")
    written = {count: translations.ngettext("%(num)d person", "%(num)d people", count) % {"num": count}
               for count in (11, 99, 100, 102, 111)}
    assert written == {11: "11 شخصًا", 99: "99 شخصًا", 100: "100 شخص", 102: "102 شخص", 111: "111 شخصًا"}


def test_the_compiled_catalogues_serve_the_pages(client, agenda):
    """`make catalogues` (run by `make run`, `make test` and CI) has compiled them where Flask-Babel reads."""
    assert all((CATALOGUE_FOLDER / babel_identifier(tag) / "LC_MESSAGES" / "messages.mo").is_file()
               for tag in TRANSLATED), "run `make catalogues`"
    page = client.get("/events/test-meeting/?lang=ru").get_data(as_text=True)
    assert '<nav class="languages" aria-label="Язык">' in page


# --- days and times ---------------------------------------------------------------------------------------------

MONDAY, FRIDAY, TUESDAY_NEXT_MONTH = date(2021, 10, 18), date(2021, 10, 22), date(2021, 11, 2)
# 09:00–10:30 and 21:00 in Seoul, as a session's instants.
MORNING = SimpleNamespace(starts_at=datetime(2021, 10, 18, 0, tzinfo=timezone.utc),
                          ends_at=datetime(2021, 10, 18, 1, 30, tzinfo=timezone.utc))
EVENING = SimpleNamespace(starts_at=datetime(2021, 10, 18, 12, tzinfo=timezone.utc), ends_at=None)


def written_in(app, tag: str):
    context = app.test_request_context(f"/?lang={tag}")
    context.push()
    return context


@pytest.mark.parametrize("tag, long, short, span, across_months, times", [
    ("en", "Monday 18 October 2021", "Mon 18 Oct", "18–22 October 2021", "18 October – 2 November 2021",
     ("09:00–10:30", "21:00")),
    ("fr", "lundi 18 octobre 2021", "lun. 18 oct.", "18–22 oct. 2021", "18 oct.\u2009–\u20092 nov. 2021",
     ("09:00–10:30", "21:00")),
    ("es", "lunes, 18 de octubre de 2021", "lun, 18 oct", "18–22 de octubre de 2021",
     "18 de octubre\u2009–\u20092 de noviembre de 2021", ("9:00–10:30", "21:00")),
    ("ru", "понедельник, 18 октября 2021\u202fг.", "пн, 18 окт.", "18–22 окт. 2021\u202fг.",
     "18 окт. – 2 нояб. 2021\u202fг.",
     ("09:00–10:30", "21:00")),
    ("zh-Hans", "2021年10月18日星期一", "10月18日周一", "2021年10月18日至22日", "2021年10月18日至11月2日",
     ("09:00–10:30", "21:00")),
    ("ar", "الاثنين، 18 أكتوبر 2021", "الاثنين، 18 أكتوبر", "18–22 أكتوبر 2021", "18 أكتوبر – 2 نوفمبر 2021",
     ("9:00 ص–10:30 ص", "9:00 م")),
    ("ko", "2021년 10월 18일 월요일", "10월 18일 (월)", "2021년 10월 18일~22일", "2021년 10월 18일 ~ 11월 2일",
     ("오전 9:00–오전 10:30", "오후 9:00")),
])
def test_days_and_times_are_written_as_cldr_writes_them_and_english_as_before(
        app, tag, long, short, span, across_months, times):
    # CLDR's typography: a thin space around a dash between words, a narrow no-break space before "г.". Its
    # abbreviated day periods are Latin in Korean ("AM 9:00"): a time takes the wide ones people write ("오전").
    context = written_in(app, tag)
    try:
        assert (long_date(MONDAY), short_date(MONDAY), date_span(MONDAY, FRIDAY),
                date_span(MONDAY, TUESDAY_NEXT_MONTH)) == (long, short, span, across_months)
        assert (time_range(MORNING, "Asia/Seoul"), time_range(EVENING, "Asia/Seoul")) == times
    finally:
        context.pop()


@pytest.mark.parametrize("tag, seoul, paris", [
    ("en", "KST, UTC+09:00", "CEST, UTC+02:00, then CET, UTC+01:00"),
    ("fr", "heure normale de la Corée, UTC+09:00",
     "heure d’été d’Europe centrale, UTC+02:00, puis heure normale d’Europe centrale, UTC+01:00"),
    ("ko", "대한민국 표준시, UTC+09:00", "중부유럽 하계 표준시, UTC+02:00, 이후 중부유럽 표준시, UTC+01:00"),
])
def test_zones_are_named_in_the_readers_language(app, tag, seoul, paris):
    context = written_in(app, tag)
    try:
        assert zone_in_words("Asia/Seoul", MONDAY, FRIDAY) == seoul
        assert zone_in_words("Europe/Paris", date(2021, 10, 29), date(2021, 11, 2)) == paris
        assert city_name("Asia/Seoul") == {"en": "Seoul", "fr": "Séoul", "ko": "서울"}[tag]
    finally:
        context.pop()


def test_the_agenda_reads_its_days_and_zones_in_the_readers_language(client, agenda):
    page = client.get("/events/test-meeting/?lang=fr&tz=Europe/Paris").get_data(as_text=True)
    assert "lun. 18 oct." in page and "(heure d’été d’Europe centrale, UTC+02:00)" in page
    assert "Mon 18 Oct" not in page


# --- the words of the pages -------------------------------------------------------------------------------------

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


@functools.cache
def messages_in_the_code() -> dict[tuple[str, str | None], str | tuple]:
    """Every message babel.cfg finds in the code and templates, as `make catalogues-update` extracts them, by its
    msgid and context (pgettext's: "chair" as a role inside a sentence)."""
    root = CATALOGUE_FOLDER.parent.parent
    with open(root / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)

    def where_babel_cfg_looks(path: str) -> bool:
        # Walking .git, instance/ and the rest as well would take seconds.
        return Path(path).relative_to(root).parts[:1] in ((), ("planner",), ("templates",))

    found = {}
    for _, _, message, _, context in extract_from_dir(str(root), method_map, options_map,
                                                      directory_filter=where_babel_cfg_looks):
        found[message if isinstance(message, str) else message[0], context] = message
    return found


@pytest.mark.parametrize("tag", TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(tag):
    with open(CATALOGUE_FOLDER / babel_identifier(tag) / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalogue = read_po(po, locale=babel_identifier(tag))
    missing, broken = [], []
    for (key, context), message in messages_in_the_code().items():
        entry = catalogue.get(key, context=context)
        strings = () if entry is None else (entry.string if isinstance(entry.string, tuple) else (entry.string,))
        if entry is None or entry.fuzzy or not all(strings):
            missing.append(key)
            continue
        # A singular may leave its number out ("The file has a problem"); its plural still names it.
        wanted = set(PLACEHOLDER.findall(" ".join(message) if isinstance(message, tuple) else key))
        for string in strings:
            # A plural form may write its number in words ("وثيقتان", two documents), never drop another value.
            given = set(PLACEHOLDER.findall(string))
            if given - wanted or (wanted - given) - ({"num"} if isinstance(message, tuple) else set()):
                broken.append((key, string))
    assert (missing, broken) == ([], [])


def test_the_personal_page_speaks_korean_and_english_as_before(client, agenda, participant):
    token = issue(participant)
    korean = client.get(f"/my/{token}?lang=ko").get_data(as_text=True)
    assert "님의 일정</h2>" in korean and ">캘린더에 추가</a>" in korean and ">참석일 저장</button>" in korean
    assert ">Organiser sign-in<" not in korean and ">주최 측 로그인</a>" in korean
    # The fixed choices are translated; the titles organisers typed stay as typed.
    assert '<span class="kind">실무 세션</span>' in korean and '<span class="mode">현장</span>' in korean
    assert ">Site visit</a>" in korean
    english = client.get(f"/my/{token}?lang=en").get_data(as_text=True)
    assert ">Add to calendar</a>" in english and ">Save my days</button>" in english
    assert '<span class="kind">Working session</span>' in english


def test_the_public_agenda_speaks_french_but_for_what_organisers_typed(client, agenda):
    page = text_of(client.get("/events/test-meeting/?lang=fr"))
    for words in ("Programme", "Institutions", "Ajouter à l’agenda", "S’abonner", "Imprimer le programme",
                  "Les horaires sont indiqués dans le fuseau horaire de la réunion, Asia/Seoul "
                  "(heure normale de la Corée, UTC+09:00).", "Afficher les horaires en", "Séance de travail",
                  "En salle et en ligne", "lundi 18 octobre 2021"):
        assert words in page, words
    assert "Opening session" in page and "Test meeting" in page
    html = client.get("/events/test-meeting/?lang=fr").get_data(as_text=True)
    assert '<optgroup label="Cette réunion">' in html and '<optgroup label="Asie">' in html
    for english in ("Add to calendar", "Times are", "Working session ·", "Print the programme"):
        assert english not in page, english


def test_counted_people_on_the_institutions_page_take_russian_plural_forms(client, make):
    meeting = make.meeting()
    counts = {"Ministry of Justice": 1, "Korea Customs Service": 3, "Ministry of the Interior": 5}
    for name, count in counts.items():
        institution = make.institution(meeting, name)
        for number in range(count):
            person = make.person(meeting, f"{name} {number}", institution=institution)
            assign_role(make.session(meeting, f"Session {name} {number}"), person, Role.SPEAKER)
    db.session.commit()
    page = text_of(client.get("/events/test-meeting/institutions/?lang=ru"))
    assert "Ministry of Justice 1 человек" in page
    assert "Korea Customs Service 3 человека" in page
    assert "Ministry of the Interior 5 человек" in page


def test_a_session_past_midnight_says_so_in_the_readers_language(app):
    late = SimpleNamespace(starts_at=datetime(2021, 10, 18, 12, 30, tzinfo=timezone.utc),
                           ends_at=datetime(2021, 10, 18, 15, 30, tzinfo=timezone.utc))
    for tag, written in (("en", "21:30–00:30 (+1 day)"), ("ru", "21:30–00:30 (+1 день)"), ("fr", "21:30–00:30 (+1 jour)")):
        context = written_in(app, tag)
        try:
            assert time_range(late, "Asia/Seoul") == written
        finally:
            context.pop()


def test_the_bureau_and_the_people_page_in_spanish(client, agenda):
    add_officer(agenda["meeting"], agenda["chang"], OfficerRole.RAPPORTEUR, actor=None)
    db.session.commit()
    page = text_of(client.get("/events/test-meeting/?lang=es"))
    assert "Mesa Relator(a) Mr Chang Wook-jin" in page
    people = text_of(client.get("/events/test-meeting/people/?lang=es"))
    assert "Chang Wook-jin" in people and "(Relator(a) de la reunión)" in people
    english = text_of(client.get("/events/test-meeting/people/?lang=en"))
    assert "(Rapporteur of the meeting)" in english
