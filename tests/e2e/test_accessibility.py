"""Every public page, every organiser page and the check-in desk pass axe-core's WCAG 2.2 A and AA rules, on a
laptop and on a phone."""
import pytest

from planner.domain.vocabulary import Role, TeamRole
from planner.extensions import db
from planner.operations.agenda import assign_role
from planner.operations.accounts import create_organiser
from planner.operations.team import grant_role
from tests.e2e.accessibility import axe, violations  # noqa: F401  (fixture)
from tests.e2e.conftest import LAPTOP, PHONE, opened_page, sign_in
from tests.integration.presence_support import build_small_meeting

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
PUBLIC = ["/", "/events/egm/", "/events/egm/days/2021-10-18", "/events/egm/sessions/{session}",
          "/events/egm/institutions/", "/events/egm/people/{person}", "/events/egm/programme", "/login"]
ORGANISER = ["/organise/", "/events/egm/organise/", "/events/egm/organise/timetable/2021-10-18",
             "/events/egm/organise/sessions/", "/events/egm/organise/sessions/{session}/edit",
             "/events/egm/organise/sessions/new", "/events/egm/organise/rooms/", "/events/egm/organise/people/",
             "/events/egm/organise/institutions/", "/events/egm/organise/participants/",
             "/events/egm/organise/check-in/2021-10-18", "/events/egm/organise/attendance",
             "/events/egm/organise/conflicts", "/events/egm/organise/burden", "/events/egm/organise/invitations",
             "/events/egm/organise/history", "/events/egm/organise/edit", "/events/egm/organise/publish",
             "/events/egm/organise/printing", "/events/egm/organise/participants/list",
             "/events/egm/organise/badges", "/events/egm/organise/name-plates"]


@pytest.fixture
def meeting(make):
    small = build_small_meeting(make)
    grant_role(small.meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()
    # A person page is public only for someone holding a role in a public session.
    session, speaker = small.meeting.sessions[0], small.meeting.people[0]
    assign_role(session, speaker, Role.SPEAKER)
    db.session.commit()
    return dict(session=session.id, person=speaker.id)


@pytest.mark.parametrize("device", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_no_page_breaks_a_wcag_22_a_or_aa_rule(browser, live_server, meeting, device, axe):
    found = {}
    with opened_page(browser, **device, bypass_csp=True) as page:
        for address in PUBLIC:
            found.update(_check(page, live_server, address.format(**meeting), axe))
        sign_in(page, live_server, "organiser@example.org", PASSWORD)
        for address in [*ORGANISER, *PUBLIC[1:-1]]:
            found.update(_check(page, live_server, address.format(**meeting), axe))
    assert not found, "\n".join(f"{address}: {problem}" for address, problems in found.items()
                                   for problem in problems)


def _check(page, base, address, axe_script) -> dict:
    response = page.goto(base + address)
    assert response is not None and response.ok, f"{address} answered {response and response.status}"
    problems = violations(page, axe_script)
    return {address: problems} if problems else {}
