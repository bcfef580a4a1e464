"""The organisers' documents page: upload (a plain form, or the page's script one file at a time), links,
details, order, language versions and their revisions, deletion."""
from babel.lists import format_list
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext, ngettext
from flask_login import current_user
from sqlalchemy import select

from planner.domain.documents import Reader, RefusedFile, language_name
from planner.domain.errors import InvalidInput, StaleEdit
from planner.domain.wording import _
from planner.domain.timezones import to_local
from planner.extensions import db
from planner.models import Document, Meeting, Session
from planner.operations import documents as operations
from planner.operations.file_store import Upload
from planner.queries.documents import find_document, readable_documents
from planner.web.access import organised_meeting_or_abort
from planner.web.downloads import send_revision
from planner.web.forms import option
from planner.web.organise import organise
from planner.web.organise.document_forms import (
    WHOLE_MEETING, DocumentForm, LinkDocumentForm, UploadDocumentsForm, VersionFileForm, VersionLinkForm,
    language_choices,
)
from planner.web.organise.forms import ConfirmForm
from planner.web.organise.responses import show_invalid, stale_page
from planner.web.presenters import language_in_sentence, reader_locale, short_date_time
from planner.web.uploads import limits, receive_documents_at
from planner.web.wording import say

receive_documents_at(organise, "organise.upload_documents", "organise.add_version_file")


def _sessions(meeting: Meeting) -> list[Session]:
    query = (select(Session).where(Session.meeting_id == meeting.id, Session.deleted_at.is_(None))
             .order_by(Session.starts_at, Session.id))
    return list(db.session.scalars(query))


def _prepare(form, meeting: Meeting, sessions: list[Session]) -> None:
    form.session.choices = [option(WHOLE_MEETING, gettext("The whole meeting"))] + [
        option(str(s.id), f"{short_date_time(to_local(s.starts_at, meeting.timezone))} {s.title}"
                          + (" " + gettext("(draft)") if s.draft else "")) for s in sessions]


def _chosen_session(form, sessions: list[Session]) -> Session | None:
    if not form.session.data:
        return None
    chosen = next((s for s in sessions if str(s.id) == form.session.data), None)
    if chosen is None:
        raise InvalidInput("session", _("This meeting has no such session."))
    return chosen


def _page(meeting: Meeting, *, upload_form=None, link_form=None, status: int = 200, refused=()):
    sessions = _sessions(meeting)
    upload_form = upload_form or UploadDocumentsForm(formdata=None)
    link_form = link_form or LinkDocumentForm(formdata=None)
    for form in (upload_form, link_form):
        _prepare(form, meeting, sessions)
    return render_template(
        "organise/documents.html", meeting=meeting, upload_form=upload_form, link_form=link_form,
        documents=readable_documents(meeting, Reader.ORGANISER), sessions={s.id: s for s in sessions},
        refused=refused, move_form=ConfirmForm(),
    ), status


@organise.get("/events/<slug>/organise/documents")
def documents_page(slug: str):
    return _page(organised_meeting_or_abort(slug))


@organise.post("/events/<slug>/organise/documents/upload")
def upload_documents(slug: str):
    """Each file becomes a document of its own; a refused file is reported by name and the others are kept.

    The page's script sends one file a request and asks for JSON, to show each file's progress and answer.
    """
    meeting = organised_meeting_or_abort(slug)
    sessions = _sessions(meeting)
    form = UploadDocumentsForm()
    _prepare(form, meeting, sessions)
    wants_json = request.accept_mimetypes.best == "application/json"
    files = [file for file in request.files.getlist(form.files.name) if file.filename]
    valid = form.validate_on_submit()
    if valid and not files:
        form.files.errors = [gettext("Choose one or more files.")]
    stored, refused = [], []
    if valid and files:
        try:
            session = _chosen_session(form, sessions)
            for file in files:
                try:
                    stored.append(operations.upload_document(
                        meeting, upload=Upload(file.filename, file.stream), title=form.title.data or "",
                        language=form.language.data, kind=form.kind.data, visibility=form.visibility.data,
                        session=session, limits=limits(), actor=current_user))
                except RefusedFile as error:
                    refused.append((file.filename, say(error.message)))
        except InvalidInput as error:
            show_invalid(form, error)
            stored = []
        else:
            db.session.commit()
    if wants_json:
        return _upload_answer(meeting, form, stored, refused)
    if stored:
        quoted = [gettext("“%(title)s”", title=document.title) for document in stored]
        locale = reader_locale()
        titles = ", ".join(quoted) if locale is None else format_list(quoted, locale=locale)
        flash(ngettext("Added %(num)d document: %(titles)s.", "Added %(num)d documents: %(titles)s.", len(stored),
                       titles=titles))
    if stored and not refused:
        return redirect(url_for("organise.documents_page", slug=slug), 303)
    return _page(meeting, upload_form=form, refused=refused, status=400)


def _upload_answer(meeting: Meeting, form, stored: list[Document], refused: list[tuple[str, str]]):
    errors = {name: messages[0] for name, messages in form.errors.items() if messages}
    body = {
        "stored": [{"id": document.id, "title": document.title,
                    "url": url_for("organise.document_page", slug=meeting.slug, document_id=document.id)}
                   for document in stored],
        "refused": [{"filename": filename, "message": message} for filename, message in refused],
        "errors": errors,
    }
    return jsonify(body), 201 if stored else 400


@organise.post("/events/<slug>/organise/documents/link")
def link_document(slug: str):
    meeting = organised_meeting_or_abort(slug)
    sessions = _sessions(meeting)
    form = LinkDocumentForm()
    _prepare(form, meeting, sessions)
    if form.validate_on_submit():
        try:
            with db.session.begin_nested():
                document = operations.add_document(
                    meeting, title=form.title.data, kind=form.kind.data, visibility=form.visibility.data,
                    session=_chosen_session(form, sessions), actor=current_user)
                operations.add_link(document, language=form.language.data, link=form.link.data, actor=current_user)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(gettext("Added the link “%(title)s”.", title=document.title))
            return redirect(url_for("organise.documents_page", slug=slug), 303)
    return _page(meeting, link_form=form, status=400)


def _document_or_404(meeting: Meeting, document_id: int) -> Document:
    document = find_document(meeting, document_id)
    if document is None:
        abort(404, description=gettext("This meeting has no such document."))
    return document


def _document_page(meeting: Meeting, document: Document, *, form=None, file_form=None, link_form=None,
                   stale=None, status: int = 200):
    sessions = _sessions(meeting)
    form = form or DocumentForm(formdata=None, obj=document, data={
        "session": str(document.session_id or WHOLE_MEETING), "kind": document.kind.value,
        "visibility": document.visibility.value})
    _prepare(form, meeting, sessions)
    file_form = _offering_languages(file_form or VersionFileForm(formdata=None), document)
    link_form = _offering_languages(link_form or VersionLinkForm(formdata=None), document)
    return render_template(
        "organise/document.html", meeting=meeting, document=document, form=form, file_form=file_form,
        link_form=link_form, confirm_form=ConfirmForm(), stale=stale, language_name=language_name,
    ), status


def _offering_languages(form, document: Document):
    """The form, its languages those a meeting usually has and those the document has already."""
    form.language.choices = language_choices(tuple(version.language for version in document.languages))
    return form


@organise.route("/events/<slug>/organise/documents/<int:document_id>", methods=["GET", "POST"])
def document_page(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    form = DocumentForm()
    sessions = _sessions(meeting)
    _prepare(form, meeting, sessions)
    if request.method == "GET" or not form.validate_on_submit():
        return _document_page(meeting, document, form=form if request.method == "POST" else None,
                              status=400 if request.method == "POST" else 200)
    try:
        operations.update_document(document, title=form.title.data, kind=form.kind.data,
                                   visibility=form.visibility.data, session=_chosen_session(form, sessions),
                                   actor=current_user, based_on_version=form.based_on_version)
    except InvalidInput as error:
        show_invalid(form, error)
        return _document_page(meeting, document, form=form, status=400)
    except StaleEdit as error:
        return stale_page("organise/document.html", form, error, meeting=meeting, document=document,
                          file_form=VersionFileForm(formdata=None), link_form=VersionLinkForm(formdata=None),
                          confirm_form=ConfirmForm(), language_name=language_name)
    db.session.commit()
    flash(gettext("Saved “%(title)s”.", title=document.title))
    return redirect(url_for("organise.document_page", slug=slug, document_id=document.id), 303)


@organise.post("/events/<slug>/organise/documents/<int:document_id>/files")
def add_version_file(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    form = _offering_languages(VersionFileForm(), document)
    if form.validate_on_submit():
        file = form.file.data
        try:
            revision = operations.add_file(document, language=form.language.data,
                                           upload=Upload(file.filename, file.stream), limits=limits(),
                                           actor=current_user)
        except RefusedFile as error:
            form.file.errors = [say(error.message)]
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(gettext("Stored “%(filename)s” as revision %(number)s of the %(language)s version.",
                          filename=revision.filename, number=revision.number,
                          language=language_in_sentence(form.language.data)))
            return redirect(url_for("organise.document_page", slug=slug, document_id=document.id), 303)
    return _document_page(meeting, document, file_form=form, status=400)


@organise.post("/events/<slug>/organise/documents/<int:document_id>/links")
def add_version_link(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    form = _offering_languages(VersionLinkForm(), document)
    if form.validate_on_submit():
        try:
            operations.add_link(document, language=form.language.data, link=form.link.data, actor=current_user)
        except InvalidInput as error:
            show_invalid(form, error)
        else:
            db.session.commit()
            flash(gettext("Linked the %(language)s version.", language=language_in_sentence(form.language.data)))
            return redirect(url_for("organise.document_page", slug=slug, document_id=document.id), 303)
    return _document_page(meeting, document, link_form=form, status=400)


@organise.post("/events/<slug>/organise/documents/<int:document_id>/move")
def move_document(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    direction = request.form.get("direction")
    if ConfirmForm().validate_on_submit() and direction in ("up", "down"):
        operations.move_document(document, offset=-1 if direction == "up" else 1, actor=current_user)
        db.session.commit()
    else:
        flash(gettext("Nothing moved: say up or down, from the page."))
    return redirect(url_for("organise.documents_page", slug=slug, _anchor=f"document-{document.id}"), 303)


@organise.route("/events/<slug>/organise/documents/<int:document_id>/delete", methods=["GET", "POST"])
def delete_document(slug: str, document_id: int):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        title = document.title
        operations.delete_document(document, actor=current_user)
        db.session.commit()
        flash(gettext("Deleted the document “%(title)s”.", title=title))
        return redirect(url_for("organise.documents_page", slug=slug), 303)
    return _confirm_deletion(
        meeting, document, form, gettext("the document “%(title)s”", title=document.title),
        consequence=gettext("Its addresses stop working."),
        affected=[ngettext("its %(language)s version and its %(num)d revision",
                           "its %(language)s version and its %(num)d revisions", len(version.revisions),
                           language=language_in_sentence(version.language)) for version in document.languages])


@organise.route("/events/<slug>/organise/documents/<int:document_id>/languages/<language>/delete",
                methods=["GET", "POST"])
def delete_language(slug: str, document_id: int, language: str):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    version = next((each for each in document.languages if each.language == language), None)
    if version is None:
        abort(404, description=gettext("This document has no version in that language."))
    form = ConfirmForm()
    if form.validate_on_submit():
        operations.delete_language(version, actor=current_user)
        db.session.commit()
        flash(gettext("Removed the %(language)s version of “%(title)s”.", language=language_in_sentence(language),
                      title=document.title))
        return redirect(url_for("organise.document_page", slug=slug, document_id=document.id), 303)
    what = gettext("the %(language)s version of “%(title)s”", language=language_in_sentence(language),
                   title=document.title)
    return _confirm_deletion(meeting, document, form, what,
                             affected=[ngettext("its %(num)d revision", "its %(num)d revisions", len(version.revisions))],
                             consequence=gettext("Its address stops working."))


def _confirm_deletion(meeting: Meeting, document: Document, form, what: str, *, affected: list[str],
                      consequence: str):
    return render_template(
        "organise/confirm_delete.html", meeting=meeting, form=form, what=what, affected=affected,
        consequence=consequence, cancel_url=url_for("organise.document_page", slug=meeting.slug,
                                                    document_id=document.id))


@organise.get("/events/<slug>/organise/documents/<int:document_id>/revisions/<int:revision_id>")
def revision_download(slug: str, document_id: int, revision_id: int):
    meeting = organised_meeting_or_abort(slug)
    document = _document_or_404(meeting, document_id)
    revision = next((revision for version in document.languages for revision in version.revisions
                     if revision.id == revision_id), None)
    if revision is None:
        abort(404, description=gettext("This document has no such revision."))
    return send_revision(revision, public=False)

