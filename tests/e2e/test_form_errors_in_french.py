"""An organiser reading in French sends the meeting's form wrongly, and reads what is wrong in French."""
from datetime import date

import pytest
from playwright.sync_api import expect

from planner.domain.vocabulary import TeamRole
from planner.extensions import db
from planner.operations.accounts import create_organiser
from planner.operations.team import grant_role
from tests.e2e.conftest import sign_in

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"


@pytest.fixture
def workshop(make):
    meeting = make.meeting(slug="egm", title="Réunion du groupe d’experts", timezone="Europe/Zurich",
                           first_day=date(1999, 9, 13), last_day=date(1999, 9, 14))
    grant_role(meeting, create_organiser("organiser@example.org", PASSWORD), TeamRole.ORGANISER, actor=None)
    db.session.commit()
    return meeting


def field(page, label: str):
    return page.locator("div.field", has=page.get_by_label(label, exact=True))


def test_a_french_organiser_reads_the_forms_errors_in_french(page, live_server, workshop):
    sign_in(page, live_server, "organiser@example.org", PASSWORD)
    page.goto(f"{live_server}/events/egm/organise/edit?lang=fr")

    # A field the form itself requires: WTForms' own message, in French.
    page.get_by_label("Titre", exact=True).fill("")
    page.locator("form.form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Rien n’a été enregistré. Veuillez corriger les champs signalés ci-dessous.")
    title = field(page, "Titre")
    expect(title.locator(".error-message")).to_have_text("Ce champ est requis.")
    expect(page.get_by_label("Titre", exact=True)).to_have_attribute("aria-invalid", "true")

    # A rule the operation checks, below the web layer: its refusal, in French too.
    page.get_by_label("Titre", exact=True).fill("Réunion du groupe d’experts")
    page.get_by_label("Nom abrégé", exact=True).fill("x" * 81)
    page.locator("form.form button[type=submit]").click()
    short_name = field(page, "Nom abrégé")
    expect(short_name.locator(".error-message")).to_have_text(
        "Le nom abrégé dépasse la longueur autorisée (80 caractères au maximum).")
    for text in (short_name.inner_text(), page.get_by_role("alert").inner_text()):
        for english in ("Short name", "too long", "characters", "Nothing was saved", "required"):
            assert english not in text
