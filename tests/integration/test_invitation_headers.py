"""Mail that cannot be written as it stands fails alone, with its reason on the send's page; the rest goes out."""
from sqlalchemy import update

from planner.extensions import db
from planner.models import Session
from tests.integration.invitation_support import agenda, inbox, invite, received, sign_in  # noqa: F401  (fixtures)
from tests.integration.test_invitation_queue import progress


def test_a_title_stored_with_a_line_break_fails_its_messages_alone_and_the_batch_ends(client, agenda, inbox):
    # As a title stored before titles were checked: a line break, and a header after it.
    db.session.execute(update(Session).where(Session.id == agenda["opening"].id).values(
        title="Opening session\r\nBcc: eve@example.org"))
    db.session.commit()
    sign_in(client, agenda["organiser"])
    response = invite(client, "meeting", agenda["chang"])
    assert sorted(received(inbox)) == [("chang@example.org", "Expert discussion"),
                                       ("chang@example.org", "Opening remarks")]
    page = progress(client, response)
    assert "Done</strong>: sent 2 of 3, 1 failed." in page
    assert ("<td>Mr Chang Wook-jin &lt;chang@example.org&gt;</td><td>Opening session Bcc: eve@example.org</td>"
            "<td>The message could not be written. Its Subject header would hold a line break or control character: "
            "“Invitation: Opening session Bcc: eve@example.org — Mon 18 Oct 2021 09:00–11:00 (Asia/Seoul)”.</td>"
            ) in page


def test_an_address_beyond_ascii_to_a_server_without_smtputf8_fails_alone(client, agenda, inbox):
    person = agenda["chang"].person
    person.email = "chäng@example.org"
    db.session.commit()
    sign_in(client, agenda["organiser"])
    page = progress(client, invite(client, "meeting", agenda["chang"], agenda["finlay"]))
    assert sorted(received(inbox)) == [("finlay@example.org", "Expert discussion"),
                                       ("finlay@example.org", "Opening session")]
    assert "Done</strong>: sent 2 of 5, 3 failed." in page
