"""At the door: a badge's QR code shown to the phone's camera, or typed by a handheld scanner into the search
box, opens the desk at its person, and one tap checks them in.

The camera is Chromium's fake capture device playing a video of the printed code; Chromium on Linux has no
BarcodeDetector, so the page reads the frames with jsQR, as Firefox and desktop browsers would.
"""
import io

import pytest
import segno
from PIL import Image
from playwright.sync_api import expect
from sqlalchemy import select

from planner.domain.badges import BadgeClaim, badge_code
from planner.extensions import db
from planner.models import CheckIn
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, sign_in
from tests.integration.print_support import build_print_meeting

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"


@pytest.fixture
def door(make):
    meeting = build_print_meeting(make)
    make.organiser("door@example.org", PASSWORD, meetings=[meeting.meeting])
    return meeting


def badge_address(app, live_server: str, meeting, key: str) -> str:
    code = badge_code(app.config["SECRET_KEY"], BadgeClaim(meeting.meeting.id, meeting.registration_id(key), 1))
    return f"{live_server}/events/egm/organise/check-in/badge/{code}"


def camera_video(path, address: str) -> None:
    """A few frames of a Y4M video (what Chromium's fake camera plays) showing the badge's QR code."""
    picture = io.BytesIO()
    segno.make(address, error="m").save(picture, kind="png", scale=6, border=4)
    code = Image.open(picture).convert("RGB")
    frame = Image.new("RGB", (640, 480), "white")
    frame.paste(code, ((640 - code.width) // 2, (480 - code.height) // 2))
    luma, blue, red = frame.convert("YCbCr").split()
    chroma = [plane.resize((320, 240)).tobytes() for plane in (blue, red)]
    with open(path, "wb") as video:
        video.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(10):
            video.write(b"FRAME\n" + luma.tobytes() + chroma[0] + chroma[1])


def checked_in(app) -> list[int]:
    with app.app_context():
        return db.session.scalars(select(CheckIn.registration_id)).all()


def test_the_phones_camera_reads_a_badge_and_opens_the_desk_at_its_person(app, browser, door, live_server, tmp_path):
    video = tmp_path / "badge.y4m"
    camera_video(video, badge_address(app, live_server, door, "kim"))
    # A browser of its own: the camera it sees is chosen when it starts.
    camera_browser = browser.browser_type.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}"])
    try:
        context = camera_browser.new_context(**PHONE)
        context.grant_permissions(["camera"], origin=live_server)
        phone = context.new_page()
        phone.set_default_timeout(15_000)
        sign_in(phone, live_server, "door@example.org", PASSWORD)
        phone.goto(f"{live_server}/events/egm/organise/check-in")
        phone.get_by_role("button", name="Scan a badge with the camera").click()
        expect(phone.locator(".door-scanned")).to_have_text("Badge of Dr Kim Min-ji. Show everyone")
        expect(phone.locator("#door-list .door-line:visible .door-name")).to_have_text(["Dr Kim Min-ji"])
        phone.get_by_role("button", name="Check in Dr Kim Min-ji").click()
        expect(phone.get_by_role("button", name="Undo check-in of Dr Kim Min-ji")).to_be_visible()
    finally:
        camera_browser.close()
    assert checked_in(app) == [door.registration_id("kim")]


def test_a_handheld_scanner_types_the_code_into_the_search_box(app, door, phone, live_server):
    sign_in(phone, live_server, "door@example.org", PASSWORD)
    phone.goto(f"{live_server}/events/egm/organise/check-in")
    # A scanner is a keyboard: it types the address quickly, then Enter.
    phone.get_by_label("Search by name").press_sequentially(badge_address(app, live_server, door, "chang"), delay=2)
    phone.keyboard.press("Enter")
    expect(phone.locator(".door-scanned")).to_have_text("Badge of Mr Chang Wook-jin. Show everyone")
    phone.get_by_role("button", name="Check in Mr Chang Wook-jin").click()
    expect(phone.get_by_role("button", name="Undo check-in of Mr Chang Wook-jin")).to_be_visible()
    assert checked_in(app) == [door.registration_id("chang")]
