"""Every page a person reads, public, personal or the organisers' (the check-in desk and the printed documents
among them), passes axe-core's WCAG 2.2 A and AA rules, on a laptop and on a phone. The pages are the URL
map's: a new page that is not checked here fails this file until it is."""
import pytest

from tests.e2e.accessibility import axe, violations  # noqa: F401  (fixture)
from tests.e2e.conftest import LAPTOP, PHONE, opened_page, sign_in
from tests.pages import ORGANISER, PASSWORD, PUBLIC, build_every_page, pages_not_listed

pytestmark = pytest.mark.e2e


@pytest.fixture
def meeting(make):
    return build_every_page(make)


def test_every_page_of_the_url_map_is_checked():
    assert pages_not_listed() == set(), "add these pages to tests/pages.py: PUBLIC or ORGANISER (or, if they are " \
                                        "files, NOT_PAGES)"


@pytest.mark.parametrize("device", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_no_page_breaks_a_wcag_22_a_or_aa_rule(browser, live_server, meeting, device, axe):
    found = {}
    with opened_page(browser, **device, bypass_csp=True) as page:
        for address in PUBLIC:
            found.update(_check(page, live_server, address.format(**meeting), axe))
        sign_in(page, live_server, "organiser@example.org", PASSWORD)
        for address in [*ORGANISER, *PUBLIC[1:-4]]:
            found.update(_check(page, live_server, address.format(**meeting), axe))
    assert not found, "\n".join(f"{address}: {problem}" for address, problems in found.items()
                                   for problem in problems)


def _check(page, base, address, axe_script) -> dict:
    response = page.goto(base + address)
    assert response is not None and response.ok, f"{address} answered {response and response.status}"
    problems = violations(page, axe_script)
    return {address: problems} if problems else {}
