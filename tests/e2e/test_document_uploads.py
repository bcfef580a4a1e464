"""An organiser uploads documents in the browser: chosen or dropped, several at once, each with its progress bar
and its own answer; without the page's script the plain form does the same in one send."""
import re

import pytest
from playwright.sync_api import expect

from planner.extensions import db
from tests.conftest import PASSWORD
from tests.e2e.conftest import opened_page, sign_in
from tests.integration.document_support import executable_bytes, pdf_bytes

pytestmark = pytest.mark.e2e

BIG = 4 * 1024 * 1024  # long enough, at the throttled speed below, for the bar to be seen moving


@pytest.fixture
def meeting(make):
    meeting = make.meeting()
    make.session(meeting, "Opening session")
    make.organiser("organiser@example.org", meetings=[meeting])
    db.session.commit()
    return meeting


def _file(name: str, content: bytes, mime: str = "application/pdf") -> dict:
    return {"name": name, "mimeType": mime, "buffer": content}


def test_chosen_files_upload_one_by_one_with_progress_and_a_refusal_of_their_own(page, live_server, meeting):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/test-meeting/organise/documents")
    # Upload at 8 Mbit/s, so that a 4 MB file takes a few seconds and its bar has values between 0 and 100.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": 1_000_000})
    page.get_by_label("Files").set_input_files([
        _file("Programme provisoire.pdf", pdf_bytes("programme", padding=BIG)),
        _file("setup.pdf", executable_bytes()),
        _file("정보 안내문.pdf", pdf_bytes("안내")),
    ])
    page.get_by_label("Type").select_option(label="Information note")
    page.get_by_role("combobox", name="Language").select_option(value="fr")
    page.get_by_role("button", name="Upload").click()

    bar = page.get_by_role("progressbar", name="Sending “Programme provisoire.pdf”")
    seen = set()
    for _ in range(200):
        value = int(bar.get_attribute("value") or 0)
        seen.add(value)
        if value == 100:
            break
        page.wait_for_timeout(50)
    assert any(0 < value < 100 for value in seen), f"the bar went from nothing to done: {sorted(seen)}"
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})

    rows = page.locator("[data-progress] li")
    expect(rows.nth(0)).to_contain_text("Stored as “Programme provisoire”.")
    expect(rows.nth(1)).to_contain_text("“setup.pdf” is application/x-msdownload (.exe) by its content")
    expect(rows.nth(2)).to_contain_text("Stored as “정보 안내문”.")
    page.get_by_role("link", name="Show the list with the new documents").click()
    table = page.locator("table.documents-table")
    expect(table).to_contain_text("Programme provisoire")
    expect(table).to_contain_text("정보 안내문")
    expect(table).not_to_contain_text("setup")
    with page.expect_download() as downloaded:
        table.get_by_role("link", name="Français").nth(1).click(modifiers=["Alt"])
    assert downloaded.value.suggested_filename == "정보 안내문.pdf"


def test_dropped_files_upload_the_same_way(page, live_server, meeting):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/test-meeting/organise/documents")
    expect(page.get_by_text("Or drop files here.")).to_be_visible()
    dropped = page.evaluate_handle("""() => {
        const files = new DataTransfer();
        files.items.add(new File(["Ordre du jour\\n"], "ordre du jour.txt", {type: "text/plain"}));
        files.items.add(new File(["Agenda\\n"], "agenda.txt", {type: "text/plain"}));
        return files;
    }""")
    page.locator("[data-drop-zone]").dispatch_event("drop", {"dataTransfer": dropped})
    page.get_by_role("button", name="Upload").click()
    rows = page.locator("[data-progress] li")
    expect(rows.nth(0)).to_contain_text("Stored as “ordre du jour”.")
    expect(rows.nth(1)).to_contain_text("Stored as “agenda”.")


def test_without_the_script_the_plain_form_sends_every_file_at_once(browser, live_server, meeting):
    with opened_page(browser, java_script_enabled=False) as page:
        sign_in(page, live_server, "organiser@example.org", PASSWORD)
        page.goto(f"{live_server}/events/test-meeting/organise/documents")
        expect(page.get_by_text("Or drop files here.")).to_be_hidden()
        page.get_by_label("Files").set_input_files([_file("Concept note.pdf", pdf_bytes()),
                                                    _file("virus.docx", executable_bytes())])
        page.get_by_role("button", name="Upload").click()
        expect(page.get_by_text("Added 1 document: “Concept note”.")).to_be_visible()
        refused = page.get_by_role("alert")
        expect(refused).to_contain_text("1 file refused; nothing of it was stored:")
        expect(refused.get_by_role("listitem")).to_have_text(re.compile(
            r"^“virus.docx” is application/x-msdownload \(.exe\) by its content, which documents cannot be\."))
