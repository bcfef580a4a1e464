"""The API's published contract: an OpenAPI 3.1 description of every address, body, answer and error.

Written here once, beside the views it describes, and held to them by tests: every route under
/api/v1 must be described (and nothing else), and Schemathesis sends the live app calls built from
this description and checks each answer against it (tests/integration/test_api_contract.py).
"""
from flask import jsonify

from planner.web.api import api
from planner.web.api.openapi_schemas import ID, ref, schemas

JSON = "application/json"
MULTIPART = "multipart/form-data"
DIRECTORY = {  # address part → (one of them, its record, body of a new one, body of a change)
    "rooms": ("room", "Room", "NewRoom", "RoomChange"),
    "institutions": ("institution", "Institution", "NewInstitution", "InstitutionChange"),
    "people": ("person", "PersonWithEmail", "NewPerson", "PersonChange"),
    "officers": ("officer", "Officer", "NewOfficer", "OfficerChange"),
}
LISTS = {  # address part → the list's schema; anyone reads a published meeting's, its organisers everything
    "rooms": "Rooms", "institutions": "Institutions", "people": "People", "officers": "Officers",
}
ERRORS = {
    400: "The body is not a JSON object, a parameter is wrong (`field` names it), or a browser call lacks its "
         "X-CSRFToken.",
    401: "No valid bearer token: missing where one is needed, or unknown or revoked.",
    403: "The caller may not do this: they do not organise this meeting (in a role that may change it), or, "
         "creating a meeting, are not an administrator.",
    404: "No such meeting, record or address.",
    409: "The body's `version` is stale: someone changed the record since (`current_version`, `changes`).",
    412: "The If-Match version is stale: someone changed the record since (`current_version`, `changes`).",
    413: "The body is larger than the documents' request cap (a file is at most 50 MB by default).",
    415: "The body is not sent as application/json (multipart/form-data for documents).",
    422: "A field is wrong: `fields` names each one and says why. Nothing was changed.",
    428: "Deleting a meeting needs If-Match with its ETag, as the browser asks to confirm.",
}
PUBLIC = [{}, {"bearer": []}]  # anyone; an organiser's token shows them their drafts too
ORGANISERS = [{"bearer": []}]


def _answer(description: str, schema: str | None = None, *, etag: bool = False, location: bool = False) -> dict:
    answer: dict = {"description": description}
    if schema:
        answer["content"] = {JSON: {"schema": ref(schema)}}
    headers = {}
    if etag:
        headers["ETag"] = {"description": "The record's version, to send back in If-Match.", "required": True,
                           "schema": {"type": "string"}}
    if location:
        headers["Location"] = {"description": "The new record's address.", "required": True,
                               "schema": {"type": "string", "format": "uri"}}
    return {**answer, "headers": headers} if headers else answer


def _operation(summary: str, answers: dict, errors: tuple[int, ...], *, security=ORGANISERS, body: str | None = None,
               parameters: tuple[dict, ...] = (), form: str | None = None) -> dict:
    operation = {
        "summary": summary,
        "security": security,
        "responses": {**{str(status): answer for status, answer in answers.items()},
                      **{str(status): {"$ref": f"#/components/responses/E{status}"} for status in (401, *errors)}},
    }
    if parameters:
        operation["parameters"] = list(parameters)
    if body:
        operation["requestBody"] = {"required": True, "content": {JSON: {"schema": ref(body)}}}
    if form:
        operation["requestBody"] = {"required": True, "content": {MULTIPART: {"schema": ref(form)}}}
    return operation


def _path(*names: str) -> list[dict]:
    schemas_ = {"slug": {"type": "string", "minLength": 1}}
    return [{"name": name, "in": "path", "required": True, "schema": schemas_.get(name, ID)} for name in names]


IF_MATCH = {"name": "If-Match", "in": "header", "required": False, "schema": {"type": "string"},
            "description": 'The ETag of the version this change is based on, such as "3".'}
MINE = {"name": "mine", "in": "query", "required": False, "schema": {"type": "string", "enum": ["true"]},
        "description": "true: the meetings the caller organises (a bearer token is needed), drafts included."}
TZ = {"name": "tz", "in": "query", "required": False, "schema": {"type": "string"},
      "description": "An IANA time zone to write the times in (default: the meeting's)."}
WRITE = (400, 403, 404, 415, 422)
CHANGE = WRITE + (409, 412)
REMOVE = (400, 403, 404, 409, 412, 422)  # 422: an If-Match that is no ETag


def _record_paths(base: str, ids: tuple[str, ...], name: str, record: str, new: str, change: str, *,
                  collection: dict | None = None) -> dict:
    """GET, PATCH and DELETE of one record, and POST (with any GET) of its collection."""
    return {
        base: {"parameters": _path(*ids[:-1]), **(collection or {}), "post": _operation(
            f"Add a {name}", {201: _answer(f"The new {name}.", record, etag=True, location=True)}, WRITE, body=new)},
        f"{base}/{{{ids[-1]}}}": {
            "parameters": _path(*ids),
            "get": _operation(f"One {name}", {200: _answer(f"The {name}.", record, etag=True)}, (403, 404)),
            "patch": _operation(f"Change a {name}", {200: _answer(f"The {name} as changed.", record, etag=True)},
                                CHANGE, body=change, parameters=(IF_MATCH,)),
            "delete": _operation(f"Delete a {name}", {204: _answer("Deleted.")}, REMOVE, parameters=(IF_MATCH,)),
        },
    }


UPLOAD = (400, 403, 404, 413, 415, 422)


def _document_paths(events: str, session: str) -> dict:
    """Documents: read as the caller may (an organiser's token reads them all), added as multipart/form-data."""
    documents = f"{events}/documents"
    added = {201: _answer("The document with its language versions.", "Document", location=True)}
    return {
        documents: {
            "parameters": _path("slug"),
            "get": _operation("The documents the caller may read",
                              {200: _answer("The documents, the meeting's first, then by session.", "Documents")},
                              (404,), security=PUBLIC),
            "post": _operation("Add a document on the meeting, with its first file or link", added, UPLOAD,
                               form="NewDocument"),
        },
        f"{session}/documents": {"parameters": _path("slug", "session_id"), "post": _operation(
            "Add a document on a session, with its first file or link", added, UPLOAD, form="NewDocument")},
        f"{documents}/{{document_id}}": {
            "parameters": _path("slug", "document_id"),
            "get": _operation("One document", {200: _answer("The document.", "Document")}, (404,), security=PUBLIC),
            "delete": _operation("Delete a document with all its versions", {204: _answer("Deleted.")},
                                 (400, 403, 404)),
        },
        f"{documents}/{{document_id}}/versions": {"parameters": _path("slug", "document_id"), "post": _operation(
            "Add a language version, or a new revision of one the document has (its address stays)", added, UPLOAD,
            form="NewVersion")},
    }


def paths() -> dict:
    events = "/events/{slug}"
    session = f"{events}/sessions/{{session_id}}"
    found = {
        "/openapi.json": {"get": _operation(
            "This description", {200: {"description": "OpenAPI 3.1.", "content": {JSON: {"schema": {}}}}}, (),
            security=PUBLIC)},
        "/events": {
            "get": _operation("Published meetings, or (mine=true) those the caller organises, drafts included",
                              {200: _answer("The meetings.", "MeetingList")}, (400,), security=PUBLIC,
                              parameters=(MINE,)),
            "post": _operation("Create a meeting (administrators); the caller organises it",
                               {201: _answer("The whole meeting.", "Meeting", etag=True, location=True)},
                               (400, 403, 415, 422), body="NewMeeting"),
        },
        events: {
            "parameters": _path("slug"),
            "get": _operation("A meeting with its bureau and agenda: published, or organised by the caller",
                              {200: _answer("The meeting; its organisers also read drafts, published and "
                                            "online_link.", "Meeting", etag=True)},
                              (400, 404), security=PUBLIC, parameters=(TZ,)),
            "patch": _operation("Change a meeting", {200: _answer("The whole meeting as changed.", "Meeting",
                                                                  etag=True)},
                                CHANGE, body="MeetingChange", parameters=(IF_MATCH, TZ)),
            "delete": _operation("Delete a meeting: it goes to the trash, as in the browser",
                                 {204: _answer("In the trash; its organisers can restore it in the browser.")},
                                 REMOVE + (428,), parameters=(IF_MATCH,)),
        },
        f"{events}/conflicts": {"parameters": _path("slug"), "get": _operation(
            "What clashes in the agenda", {200: _answer("The conflicts.", "Conflicts")}, (403, 404))},
        f"{events}/export": {"parameters": _path("slug"), "get": _operation(
            "The meeting's export file: a ZIP of manifest.json and files (docs/EXPORT.md)",
            {200: {"description": "The export.", "content": {"application/zip": {
                "schema": {"type": "string", "contentMediaType": "application/zip"}}}}}, (403, 404))},
        f"{events}/headcounts": {"parameters": _path("slug"), "get": _operation(
            "Who attends each day and session", {200: _answer("The headcounts.", "Headcounts")}, (403, 404))},
        **_record_paths(f"{events}/sessions", ("slug", "session_id"), "session", "OrganisedSession", "NewSession",
                        "SessionChange", collection={"get": _operation(
                            "The agenda's sessions in time order; organisers also read drafts",
                            {200: _answer("The sessions.", "Sessions")}, (400, 404), security=PUBLIC,
                            parameters=(TZ,))}),
        f"{session}/roles": {"parameters": _path("slug", "session_id"), "post": _operation(
            "Give a person a role in a session",
            {201: _answer("The session with its roles.", "OrganisedSession", etag=True, location=True)},
            WRITE, body="NewRole")},
        f"{session}/roles/{{role_id}}": {
            "parameters": _path("slug", "session_id", "role_id"),
            "patch": _operation("Say on whose behalf someone holds a role",
                                {200: _answer("The session with its roles.", "OrganisedSession", etag=True)},
                                CHANGE, body="RoleChange", parameters=(IF_MATCH,)),
            "delete": _operation("Take a role away", {204: _answer("Removed.")}, REMOVE, parameters=(IF_MATCH,)),
        },
        **_record_paths(f"{events}/registrations", ("slug", "registration_id"), "registration", "Registration",
                        "NewRegistration", "RegistrationChange", collection={"get": _operation(
                            "Everyone registered", {200: _answer("The registrations.", "Registrations")}, (403, 404))}),
    }
    found.update(_document_paths(events, session))
    # Anyone reads a published session; organisers also their drafts and private links.
    found[session]["get"] = _operation(
        "One session", {200: _answer("The session; organisers get drafts, online_link_public, draft and sequence.",
                                     "SessionForReader", etag=True)}, (404,), security=PUBLIC)
    for kind, (name, record, new, change) in DIRECTORY.items():
        found.update(_record_paths(f"{events}/{kind}", ("slug", "record_id"), name, record, new, change,
                                   collection={"get": _operation(
                                       f"The meeting's {kind}: what the public sees, or everything for its "
                                       f"organisers", {200: _answer(f"The {kind}.", LISTS[kind])}, (404,),
                                       security=PUBLIC)}))
    return found


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Planner API", "version": "1",
                 "description": "Meetings, their agendas, directories and registrations. Prose: docs/API.md."},
        "servers": [{"url": "/api/v1"}],
        "paths": paths(),
        "components": {
            "schemas": schemas(),
            "responses": {f"E{status}": {"description": text, "content": {JSON: {"schema": ref("Error")}}}
                          for status, text in ERRORS.items()},
            "securitySchemes": {"bearer": {
                "type": "http", "scheme": "bearer", "bearerFormat": "plnr_…",
                "description": "An organiser's API token (/organise/tokens). A signed-in organiser's browser may "
                               "send its session cookie with the page's X-CSRFToken header instead.",
            }},
        },
    }


@api.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
