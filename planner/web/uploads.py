"""The routes that receive documents: their own request size cap, and the limits their files are held to.

Werkzeug spools a large file to disk while it parses the form, so no upload is held in memory whole; a
body beyond the cap is refused from its Content-Length before any of it is read.
"""
from flask import Blueprint, abort, current_app, request

from planner.domain.documents import size_text
from planner.operations.file_store import Limits

# The form around a file (its part's headers, the other fields) takes far less than this.
FORM_ALLOWANCE = 1024 * 1024


def limits() -> Limits:
    config = current_app.config
    return Limits(file_bytes=config["DOCUMENT_FILE_MAX_BYTES"], meeting_bytes=config["DOCUMENTS_MEETING_MAX_BYTES"])


def request_cap() -> int:
    config = current_app.config
    return max(config["DOCUMENT_UPLOAD_REQUEST_MAX_BYTES"], config["DOCUMENT_FILE_MAX_BYTES"] + FORM_ALLOWANCE)


def receive_documents_at(blueprint: Blueprint, *endpoints: str) -> None:
    """Let ``endpoints`` take bodies up to the documents' cap, and no other route of ``blueprint``."""

    @blueprint.url_value_preprocessor
    def _raise_cap(endpoint: str | None, values: dict | None) -> None:
        # URL value preprocessors run before any before_request function, the CSRF check (which reads the form)
        # included.
        if endpoint not in endpoints:
            return
        cap = request_cap()
        if request.content_length is not None and request.content_length > cap:
            abort(413, description=f"What was sent is {size_text(request.content_length)}; at most "
                                   f"{size_text(cap)} can be sent at once, and each file can be at most "
                                   f"{size_text(limits().file_bytes)}. Send fewer files at a time.")
        request.max_content_length = cap
