"""Planner's own words in calendar files and invitation emails, in the reader's language: the public feed in the
language web.language chooses, a participant's feed and invitations in the language of their registration (else
the meeting's). Each file read back by icalendar, vobject and ical.js; each email by a real SMTP server."""
import pytest

from planner.extensions import db
from planner.operations.agenda import update_session
from tests.calendar_readers import all_text_readers, icaljs_instants  # noqa: F401  (fixtures)
from tests.integration.invitation_support import (  # noqa: F401  (fixtures)
    agenda as invitation_agenda, inbox, invite, received, sign_in,
)
from tests.integration.test_calendar_feeds import FEED, agenda, issue, participant  # noqa: F401  (fixtures)


def texts_by_title(data: bytes, readers) -> dict[str, dict[str, tuple[str, str]]]:
    """{parser: {UID's title as English lists it: (summary, description)}} — the three parsers must agree."""
    read = {name: reader(data) for name, reader in readers.items()}
    assert read["icalendar"] == read["vobject"] == read["ical.js"]
    return read["icalendar"]


def test_the_public_feed_speaks_french_when_asked_in_french_and_english_otherwise(client, agenda, all_text_readers):
    uid = {name: str(agenda[name].uid) for name in ("opening", "called_off")}
    french = texts_by_title(client.get(f"{FEED}?lang=fr").data, all_text_readers)
    english = texts_by_title(client.application.test_client().get(FEED).data, all_text_readers)
    assert french[uid["called_off"]][0] == "Annulée : Called-off session"
    assert french[uid["called_off"]][1].startswith("Cette séance est annulée.")
    assert ("Président(e) : Mr Chang Wook-jin, Director-General for International Organizations, "
            "Ministry of Foreign Affairs") in french[uid["opening"]][1]
    assert "Participer en ligne : https://meet.example.org/egm" in french[uid["opening"]][1]
    assert english[uid["called_off"]][0] == "Cancelled: Called-off session"
    assert "Chair: Mr Chang Wook-jin" in english[uid["opening"]][1]
    assert "Join online: https://meet.example.org/egm" in english[uid["opening"]][1]


def test_french_and_english_feeds_of_one_meeting_stay_apart_and_fresh_after_an_edit(app, agenda, all_text_readers):
    """The meeting's calendar, each event's text and each built file are kept: none may serve one language's words
    to a reader of the other, before or after an edit."""
    french_reader, english_reader = app.test_client(), app.test_client()
    uid = str(agenda["called_off"].uid)

    def summaries():
        french = french_reader.get(f"{FEED}?lang=fr")  # then remembered by its cookie
        english = english_reader.get(FEED)
        assert french.headers["ETag"] != english.headers["ETag"]
        return (texts_by_title(french.data, all_text_readers)[uid][0],
                texts_by_title(english.data, all_text_readers)[uid][0])

    assert summaries() == ("Annulée : Called-off session", "Cancelled: Called-off session")
    assert french_reader.get(FEED).data != english_reader.get(FEED).data  # the cookie keeps French, kept or not
    update_session(agenda["called_off"], actor=None, title="Field visit")
    db.session.commit()
    assert summaries() == ("Annulée : Field visit", "Cancelled: Field visit")
    assert summaries() == ("Annulée : Field visit", "Cancelled: Field visit")  # now from the caches


def test_a_korean_participants_feed_is_in_korean_whatever_the_reader_asks(client, agenda, participant,
                                                                          all_text_readers):
    participant.language = "ko"
    db.session.commit()
    feed = client.get(f"/my/{issue(participant)}/calendar.ics?lang=fr")
    opening = texts_by_title(feed.data, all_text_readers)[str(agenda["opening"].uid)]
    assert "의장: Mr Chang Wook-jin" in opening[1]
    assert "온라인 참여: https://meet.example.org/egm" in opening[1]
    assert "일정: http://localhost/events/test-meeting/sessions/" in opening[1]
    public = texts_by_title(client.application.test_client().get(FEED).data, all_text_readers)
    assert "Chair: Mr Chang Wook-jin" in public[str(agenda["opening"].uid)][1]


@pytest.fixture
def spanish(invitation_agenda):
    invitation_agenda["chang"].language = "es"
    db.session.commit()
    return invitation_agenda


def test_an_invitation_comes_in_spanish_when_the_participants_registration_says_so(client, spanish, inbox):
    sign_in(client, spanish["organiser"])
    invite(client, f"session:{spanish['opening'].id}", spanish["chang"], spanish["finlay"])
    got = received(inbox)
    _, event, message = got["chang@example.org", "Opening session"]
    assert message["Subject"] == "Invitación: Opening session — lun, 18 oct 2021 9:00–11:00 (hora de Seúl)"
    assert message["Content-Language"] == "es"
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Queda usted invitado(a) a la sesión «Opening session» de EGM 2021." in text
    assert "Fecha y hora: lun, 18 oct 2021 9:00–11:00 (hora de Seúl)\nLugar: Main hall, Seoul" in text
    assert "Presidencia: Mr Chang Wook-jin" in text
    assert "Para cualquier consulta, diríjase a EGM 2021 <secretariat@example.org>." in text
    assert '<html lang="es" dir="ltr">' in message.get_body(("html",)).get_content()
    assert "Presidencia: Mr Chang Wook-jin" in str(event["DESCRIPTION"])
    # Finlay's registration names no language, nor does the meeting: English, as before.
    _, _, english = got["finlay@example.org", "Opening session"]
    assert english["Subject"] == "Invitation: Opening session — Mon 18 Oct 2021 09:00–11:00 (Asia/Seoul)"


def test_without_a_language_of_their_own_a_participant_is_written_to_in_the_meetings(client, spanish, inbox):
    spanish["meeting"].language = "ar"
    db.session.commit()
    sign_in(client, spanish["organiser"])
    invite(client, f"session:{spanish['opening'].id}", spanish["finlay"])
    [(_, message)] = inbox.take()
    assert message["Subject"].startswith("دعوة: Opening session — ")
    assert '<html lang="ar" dir="rtl">' in message.get_body(("html",)).get_content()
