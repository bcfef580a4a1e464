"""Staff at the door read the desk in Korean: a tick is shown and announced in Korean; in Arabic it reads right to left."""
import pytest
from playwright.sync_api import expect

from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.domain.vocabulary import TeamRole
from planner.operations.team import grant_role
from tests.integration.presence_support import PASSWORD, build_small_meeting

pytestmark = pytest.mark.e2e


@pytest.fixture
def door_meeting(make):
    meeting = build_small_meeting(make)
    door = create_organiser("door@example.org", PASSWORD, name="Door Staff")
    grant_role(meeting.meeting, door, TeamRole.DOOR_STAFF, actor=None)
    db.session.commit()
    return meeting


def sign_in(page, live_server):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("door@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{live_server}/organise/**")


def test_the_desk_in_korean_checks_someone_in_and_says_so_in_korean(phone, live_server, door_meeting):
    sign_in(phone, live_server)
    phone.goto(f"{live_server}/events/egm/organise/check-in/2021-10-18?lang=ko")
    counts = phone.locator("#door-counts")
    expect(counts).to_contain_text("현장 예정 4명 중 0명 체크인")
    phone.get_by_label("이름으로 검색하거나 명찰을 스캔하세요").press_sequentially("minji", delay=30)
    phone.get_by_role("button", name="Dr Kim Min-ji 님 체크인").tap()
    expect(counts).to_contain_text("현장 예정 4명 중 1명 체크인")
    expect(phone.locator("#door-said")).to_contain_text("Dr Kim Min-ji 님 체크인 완료")
    undo = phone.get_by_role("button", name="Dr Kim Min-ji 님 체크인 취소")
    expect(undo).to_have_attribute("aria-pressed", "true")
    expect(undo).to_contain_text("✓ 입장 · 취소")
    expect(phone.locator("#r%d .door-status" % door_meeting.registration_id("kim"))).to_contain_text("(담당: Door Staff)")


def test_the_desk_in_arabic_reads_right_to_left(phone, live_server, door_meeting):
    sign_in(phone, live_server)
    phone.goto(f"{live_server}/events/egm/organise/check-in/2021-10-18?lang=ar")
    assert phone.evaluate("getComputedStyle(document.querySelector('#door')).direction") == "rtl"
    search = phone.get_by_label("ابحث بالاسم أو امسح شارة")
    expect(search).to_be_visible()
    # The search button sits to the left of the box, as Arabic reads.
    box, button = search.bounding_box(), phone.get_by_role("button", name="بحث").bounding_box()
    assert button["x"] < box["x"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
