"""The organiser's meeting-level pages (dashboard, overview, publishing, deleting, trash) read in French and Russian,
counts in each language's plural forms; what organisers typed stays as typed."""
import io
from datetime import datetime

import pytest
from openpyxl import Workbook

from planner.extensions import db
from planner.models import Meeting
from tests.integration.browsing import flashes_of, submit, text_of
from tests.integration.test_organiser_forms import ORGANISE, ids, organiser  # noqa: F401


@pytest.fixture
def sessions(seed, ids):
    """Two sessions without a room in the organiser's meeting."""
    with seed() as make:
        meeting = db.session.get(Meeting, ids["meeting"])
        make.session(meeting, "Opening")
        make.session(meeting, "Closing", datetime(2021, 10, 22, 16))


def test_a_french_organiser_reads_the_dashboard_and_the_overview_in_french(organiser, sessions):
    dashboard = text_of(organiser.get("/organise/?lang=fr"))
    assert "Mes réunions" in dashboard
    assert "Importer une réunion" in dashboard and "Corbeille" in dashboard and "Publié" in dashboard
    assert "Owned meeting" in dashboard

    overview = text_of(organiser.get(f"{ORGANISE}/"))
    assert "Organisation · 18–22 oct. 2021 · Asia/Seoul · Publiée" in overview
    assert "Vue d’ensemble" in overview and "Calendrier" in overview and "Historique" in overview
    assert "Reste à faire" in overview
    assert "2 séances n’ont pas de salle. Leur attribuer une salle dans le calendrier" in overview
    assert "Still to do" not in overview and "Add a session" not in overview

    unpublished = submit(organiser, f"{ORGANISE}/publish", follow_redirects=True)
    assert flashes_of(unpublished) == ["« Owned meeting » est de nouveau un brouillon : seuls ses organisateurs "
                                       "peuvent la consulter."]
    publish = text_of(organiser.get(f"{ORGANISE}/publish"))
    assert "Publier « Owned meeting » ?" in publish
    assert "l’ordre du jour, jour par jour : 2 séances, avec leurs salles" in publish


def test_a_russian_organiser_reads_counts_in_the_russian_plural_forms(organiser, sessions):
    organiser.get("/organise/?lang=ru")
    overview = text_of(organiser.get(f"{ORGANISE}/"))
    assert "Что ещё нужно сделать" in overview and "Для 2 заседаний не указан зал." in overview

    publish = text_of(organiser.get(f"{ORGANISE}/publish"))
    assert "Снова сделать совещание «Owned meeting» черновиком?" in publish
    assert "перестанут работать до повторной публикации" in publish

    delete = text_of(organiser.get(f"{ORGANISE}/delete"))
    assert "Удалить совещание «Owned meeting»?" in delete
    assert "Это также затронет: 2 заседания 1 зал 1 учреждение 1 человек" in delete
    assert "восстановить его можно в течение 30 дней" in delete


def test_the_trash_and_its_messages_in_french_and_russian(organiser, ids):
    organiser.get("/organise/?lang=fr")
    deleted = submit(organiser, f"{ORGANISE}/delete", follow_redirects=True)
    assert flashes_of(deleted) == ["« Owned meeting » a été placée dans la corbeille : elle peut être restaurée "
                                   "pendant 30 jours."]
    trash = text_of(organiser.get("/organise/trash"))
    assert "Une réunion supprimée reste ici, avec tout son contenu, pendant 30 jours" in trash
    assert "Supprimée le" in trash and "par owner@example.org" in trash and "Restaurer « Owned meeting »" in trash

    organiser.get("/organise/?lang=ru")
    trash = text_of(organiser.get("/organise/trash"))
    assert "хранится здесь 30 дней, после чего удаляется безвозвратно" in trash
    assert "пользователем owner@example.org" in trash and "Восстановить «Owned meeting»" in trash
    restored = submit(organiser, "/organise/trash", action_contains="/restore", follow_redirects=True)
    assert flashes_of(restored) == ["Совещание «Owned meeting» восстановлено со всем содержимым."]


def test_in_english_the_pages_read_as_before(organiser, sessions):
    overview = text_of(organiser.get(f"{ORGANISE}/"))
    assert "Organising · 18–22 October 2021 · Asia/Seoul · Published" in overview
    assert "Still to do" in overview and "2 sessions have no room." in overview


AGENDA_IMPORT = f"{ORGANISE}/agenda-import"


def agenda_with_mistakes() -> bytes:
    # Day 9 of a five-day meeting, a time that is none, no title: three problems in one row.
    book = Workbook()
    book.active.append(["day", "start", "title"])
    book.active.append(["9", "25:00", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload_agenda(organiser):
    return submit(organiser, AGENDA_IMPORT, {"file": (io.BytesIO(agenda_with_mistakes()), "agenda.xlsx")},
                  content_type="multipart/form-data")


def test_an_agenda_sheets_problems_read_in_french_and_in_the_russian_plural(organiser, ids):
    organiser.get("/organise/?lang=fr")
    refused = upload_agenda(organiser)
    assert refused.status_code == 400
    page = text_of(refused)
    assert "Corrigez ces 3 problèmes et importez de nouveau le fichier :" in page
    assert "Ligne 2, day : La réunion compte les jours 1 à 5 ; il n’y a pas de jour 9." in page
    assert "Ligne 2, start : « 25:00 » n’est pas une heure ; écrivez-la sous la forme 09:00." in page
    assert "Ligne 2, title : Indiquez le titre de la séance." in page

    organiser.get("/organise/?lang=ru")
    page = text_of(upload_agenda(organiser))
    assert "Исправьте 3 ошибки и импортируйте файл ещё раз:" in page
    assert "Строка 2, day: В совещании дни с 1 по 5; дня 9 нет." in page
    assert "Строка 2, title: Укажите название заседания." in page


def test_in_english_the_agenda_sheets_problems_read_as_before(organiser, ids):
    page = text_of(upload_agenda(organiser))
    assert "Correct these 3 problems and import the file again:" in page
    assert "Row 2, day: The meeting has days 1 to 5; there is no day 9." in page


def test_an_unreadable_export_is_refused_in_french_on_the_page_and_in_english_by_the_command(organiser, runner,
                                                                                            tmp_path):
    organiser.get("/organise/?lang=fr")
    refused = submit(organiser, "/organise/meetings/import", {"file": (io.BytesIO(b"PK not really"), "x.zip"),
                                                               "slug": "restored"},
                     content_type="multipart/form-data")
    assert refused.status_code == 400
    assert ("Rien n’a été importé. Ce fichier n’est pas un fichier ZIP, ou il est incomplet : exportez de nouveau "
            "la réunion.") in text_of(refused)

    (tmp_path / "x.zip").write_bytes(b"PK not really")
    said = runner.invoke(args=["meeting", "import", str(tmp_path / "x.zip"), "--slug", "restored"]).output
    assert "This is not a ZIP file, or it is cut short: export the meeting again." in said


def test_the_rooms_the_bureau_and_the_history_in_french(organiser, ids):
    organiser.get("/organise/?lang=fr")
    rooms = text_of(organiser.get(f"{ORGANISE}/rooms/"))
    assert "Salles" in rooms and "Hall A 80 places" in rooms and "Ajouter une salle" in rooms
    added = submit(organiser, f"{ORGANISE}/rooms/", {"name": "Salle B"}, follow_redirects=True)
    assert flashes_of(added) == ["La salle « Salle B » a été ajoutée."]
    delete = text_of(organiser.get(f"{ORGANISE}/rooms/{ids['room']}/delete"))
    assert "Supprimer la salle « Hall A » ?" in delete and "Aucun autre élément n’y fait référence." in delete
    bureau = text_of(organiser.get(f"{ORGANISE}/bureau"))
    assert "Aucun membre du bureau pour l’instant." in bureau and "Ajouter un membre du bureau" in bureau
    history = text_of(organiser.get(f"{ORGANISE}/history"))
    assert "Historique" in history
