"""The programme, the list of participants and the badges printed by Chromium in Chinese, Korean and Arabic, and
the PDF's text read back: Planner's own words in the reader's language, names as typed, nothing overprinted.

pypdfium2 reads each line as its characters lie on the page (by baseline, spaces kept), where pypdf splits
Hangul and Arabic lines by glyph bottoms. Chromium writes Arabic in visual order, as presentation forms: a line
is compared in normal form (NFKC) and, for Arabic words, in either order.
"""
import unicodedata

import pypdfium2
import pytest

from planner.demo import egm_border_management_2021 as egm
from planner.demo.loader import load_demo_meetings
from planner.extensions import db
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in
from tests.integration.print_support import build_print_meeting

pytestmark = pytest.mark.e2e

PROGRAMME = f"/events/{egm.MEETING.slug}/programme/2021-10-18"


def pdf_lines(data: bytes) -> list[str]:
    """Every printed line of every page, in normal form, runs of space made one."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [" ".join(unicodedata.normalize("NFKC", line).split())
                for page in document for line in page.get_textpage().get_text_range().splitlines()]
    finally:
        document.close()


def printed(page, address: str, fitted: bool = False) -> list[str]:
    response = page.goto(address)
    assert response is not None and response.ok, f"{address} answered {response and response.status}"
    if fitted:
        page.wait_for_selector("html[data-fitted=true]", state="attached")
    return pdf_lines(page.pdf(prefer_css_page_size=True))


def has(lines: list[str], words: str) -> bool:
    """``words`` on one printed line, in reading order or (Arabic, drawn right to left) in the order drawn."""
    words = unicodedata.normalize("NFKC", words)
    return any(words in line or words[::-1] in line for line in lines)


@pytest.fixture
def demo(app_context, live_server):
    load_demo_meetings()
    db.session.commit()
    return live_server


@pytest.mark.parametrize("tag, words", [
    ("zh-Hans", ["日程", "2021年10月18日星期一", "时间 会议场次 会议室、参会方式", "第 1 页，共 1 页",
                 "09:30–12:30 Expert discussion: Airports and aviation"]),
    ("ko", ["일정", "2021년 10월 18일 월요일", "시간 세션 회의실, 참석 방식", "1쪽 중 1쪽",
            "오전 9:30–오후 12:30 Expert discussion: Airports and aviation"]),
    ("ar", ["البرنامج", "أكتوبر", "الاثنين", "الوقت", "الجلسة"]),
])
def test_the_programme_prints_in_the_readers_language_with_the_names_as_typed(page, demo, tag, words):
    lines = printed(page, f"{demo}{PROGRAMME}?lang={tag}")
    for expected in words:
        assert has(lines, expected), f"{expected!r} is not printed in {tag}: {lines[:25]}"
    assert has(lines, "Expert discussion: Airports and aviation")
    assert has(lines, "Ministry of Foreign Affairs of the Republic of Korea")
    assert not any("Page 1 of" in line or "TIME SESSION" in line for line in lines)


@pytest.fixture
def organiser_page(make, page, live_server):
    meeting = build_print_meeting(make)
    make.organiser("organiser@example.org", PASSWORD, meetings=[meeting.meeting])
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    return page


@pytest.mark.parametrize("tag", ["zh-Hans", "ko", "ar"])
def test_the_participant_list_and_badges_print_in_the_readers_language(organiser_page, live_server, tag):
    english_list = printed(organiser_page, f"{live_server}/events/egm/organise/participants/list?paper=a4&lang=en",
                           fitted=True)
    english_badges = printed(organiser_page, f"{live_server}/events/egm/organise/badges?lang=en", fitted=True)
    lines = printed(organiser_page, f"{live_server}/events/egm/organise/participants/list?paper=a4&lang={tag}",
                    fitted=True)
    badges = printed(organiser_page, f"{live_server}/events/egm/organise/badges?lang={tag}", fitted=True)
    # The names organisers typed print the same whatever the language; Planner's own words do not.
    assert has(lines, "Kim Min-ji") or has(lines, "KIM Min-ji")
    assert lines != english_list
    assert not any("Page 1 of" in line for line in lines)
    typed = [line for line in english_badges if "KIM Min-ji" in line or "Chang" in line.title()]
    assert typed and all(has(badges, line) for line in typed)
    assert english_badges != badges
