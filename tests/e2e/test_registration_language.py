"""A participant registers in Spanish in Chromium, by mouse and keyboard; the organiser's invitation then reaches
them in Spanish, as a real SMTP server receives it."""
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from planner.database import utcnow
from planner.extensions import db
from tests.conftest import PASSWORD
from tests.e2e.conftest import sign_in
from tests.integration.invitation_support import inbox, received  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e

MONDAY, TUESDAY = date(2021, 10, 18), date(2021, 10, 19)


@pytest.fixture
def meeting(make, live_server):
    meeting = make.meeting(first_day=MONDAY, last_day=TUESDAY, short_name="EGM 2021",
                           contact_email="secretariat@example.org")
    meeting.registration_open, meeting.registration_closes_at = True, utcnow() + timedelta(days=3)
    make.session(meeting, "Opening session", datetime(2021, 10, 18, 9), datetime(2021, 10, 18, 11))
    make.organiser(meetings=[meeting])
    db.session.commit()
    return meeting


def test_someone_registering_in_spanish_gets_their_invitation_in_spanish(page, live_server, meeting, inbox):
    page.goto(f"{live_server}/events/test-meeting/register?lang=es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Inscribirse")).to_be_visible()
    # The form offers the language it is read in.
    expect(page.get_by_label("Su idioma")).to_have_value("es")

    page.get_by_label("Tratamiento").click()
    page.keyboard.type("Sra.")
    page.keyboard.press("Tab")
    page.keyboard.type("Ana García")  # the name, next in the tab order
    page.get_by_label("Correo electrónico").fill("ana@example.org")
    page.get_by_label("Participa en calidad de").select_option("expert")
    page.get_by_label("Tipo de institución").focus()
    page.keyboard.press("ArrowDown")  # keyboard changes a select's value without opening it
    page.get_by_role("button", name="Inscribirse").click()
    body = page.locator("main")
    expect(body).to_contain_text("Idioma de sus invitaciones y su calendario: Español")
    expect(body).to_contain_text("Ana García")

    # The organiser, reading Planner in English, invites everyone to the opening.
    page.context.clear_cookies()
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/test-meeting/organise/invitations?lang=en&select=all")
    scope = page.get_by_label("Invite to")
    value = scope.locator("option", has_text="Opening session").first.get_attribute("value")
    scope.select_option(value)
    expect(page.get_by_role("checkbox", name="Ana García")).to_be_checked()
    page.get_by_role("button", name="Send invitations").click()

    got = received(inbox)
    _, _, message = got["ana@example.org", "Opening session"]
    assert message["Content-Language"] == "es"
    assert message["Subject"].startswith("Invitación: Opening session — lun, 18 oct 2021")
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Queda usted invitado(a) a la sesión «Opening session» de EGM 2021." in text
    assert '<html lang="es" dir="ltr">' in message.get_body(("html",)).get_content()
