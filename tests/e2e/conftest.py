"""Browser fixtures: the app served live over the test database, and headless Chromium to drive and print it.

One browser serves the whole test session; each test gets a fresh live server on a
free port over the same database fixture as the other tests, and a fresh page.
"""
import os
import shutil
import threading
from contextlib import contextmanager

import pytest
from werkzeug.serving import make_server

from tests.e2e.printed import PrintedPage, read_pdf

CHROMIUM = os.environ.get("PLANNER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture
def live_server(app):
    """The base address of ``app`` served over HTTP in a thread, for as long as the test runs."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set PLANNER_CHROMIUM)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


LAPTOP = {"viewport": {"width": 1366, "height": 768}}
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@contextmanager
def opened_page(browser, **options):
    """A page in a fresh browser context made with ``options`` (a viewport, a phone's touch)."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser):
    with opened_page(browser, viewport={"width": 1400, "height": 1000}) as page:
        yield page


@pytest.fixture
def laptop(browser):
    with opened_page(browser, **LAPTOP) as page:
        yield page


@pytest.fixture
def phone(browser):
    with opened_page(browser, **PHONE) as page:
        yield page


@pytest.fixture
def print_pdf(page, live_server):
    """Print an address of the live server to PDF, as the browser's own print would, and read it back."""
    def printing(address: str) -> list[PrintedPage]:
        response = page.goto(live_server + address)
        assert response is not None and response.ok, f"{address} answered {response and response.status}"
        return read_pdf(page.pdf(prefer_css_page_size=True))

    return printing


def sign_in(page, base: str, email: str, password: str) -> None:
    """Sign in through the real form, as an organiser would."""
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="My meetings").wait_for()
