"""A meeting's export file: a ZIP holding ``manifest.json`` (every record, as the JSON Schema shipped beside this
module describes it) and ``files/…`` (the binary columns, such as documents' bytes). docs/EXPORT.md tells the
format in prose.

Reading one checks everything before anything is written: a damaged ZIP, a manifest that is no JSON or breaks the
schema, a file from a newer format, are refused with a message naming what is wrong.
"""
import io
import json
import zipfile
from functools import lru_cache
from importlib.resources import files

from planner.domain.wording import _, ngettext

FORMAT = "planner-meeting-export"
# Raise it when a file of this version could no longer be read as it is; a reader refuses a newer one.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SCHEMA_FILE = "meeting_export.schema.json"
# Whatever a file holds, reading it unpacks at most this much (a small ZIP can unpack to gigabytes).
MAX_UNPACKED_BYTES = 2 * 1024 ** 3


class UnreadableArchive(ValueError):
    """The file cannot be imported; the message (a wording.Message, ``.message``) says why, naming the part that is
    wrong."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@lru_cache(maxsize=1)
def export_schema() -> dict:
    return json.loads(files("planner.domain").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


def write_archive(manifest: dict, blobs: dict[str, bytes]) -> bytes:
    """The ZIP of ``manifest`` and the ``blobs`` its binary columns name."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True))
        for name, data in sorted(blobs.items()):
            archive.writestr(name, data)
    return out.getvalue()


def read_archive(data: bytes) -> tuple[dict, dict[str, bytes]]:
    """The manifest and the files of an export, or UnreadableArchive saying what is wrong with it."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise UnreadableArchive(_("This is not a ZIP file, or it is cut short: export the meeting again.")) from None
    with archive:
        entries = {info.filename: info for info in archive.infolist()}
        if MANIFEST not in entries:
            raise UnreadableArchive(_("The ZIP holds no %(manifest)s: it is not a Planner meeting export.",
                                      manifest=MANIFEST))
        if sum(info.file_size for info in entries.values()) > MAX_UNPACKED_BYTES:
            raise UnreadableArchive(_("The ZIP unpacks to more than %(size)d GB; it is not a meeting export.",
                                      size=MAX_UNPACKED_BYTES // 1024 ** 3))
        contents = {}
        for name in entries:
            try:
                contents[name] = archive.read(name)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
                raise UnreadableArchive(_("The ZIP is damaged: %(name)s cannot be read (%(error)s).", name=name,
                                          error=str(error))) from None
    manifest = _manifest(contents.pop(MANIFEST))
    return manifest, contents


def _manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UnreadableArchive(_("%(manifest)s is not UTF-8 text.", manifest=MANIFEST)) from None
    except json.JSONDecodeError as error:
        raise UnreadableArchive(_("%(manifest)s is not JSON: %(error)s at line %(line)d, column %(column)d.",
                                  manifest=MANIFEST, error=error.msg, line=error.lineno,
                                  column=error.colno)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UnreadableArchive(_("%(manifest)s does not say it is a %(format)s: it is not a Planner meeting export.",
                                  manifest=MANIFEST, format=FORMAT))
    version = manifest.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise UnreadableArchive(_("The file is in export format %(version)d, made by a newer Planner; this one reads "
                                  "format %(known)d and older. Update Planner to import it.", version=version,
                                  known=FORMAT_VERSION))
    problems = schema_problems(manifest)
    if problems:
        # The schema's own words (jsonschema's) stay English: they name JSON paths and keywords.
        listed = "; ".join(problems[:5])
        raise UnreadableArchive(ngettext(
            "%(manifest)s does not follow the export format: %(problems)s (and %(num)d more).",
            "%(manifest)s does not follow the export format: %(problems)s (and %(num)d more).",
            len(problems) - 5, manifest=MANIFEST, problems=listed) if len(problems) > 5 else _(
            "%(manifest)s does not follow the export format: %(problems)s.", manifest=MANIFEST, problems=listed))
    return manifest


def schema_problems(manifest: dict) -> list[str]:
    """Where ``manifest`` breaks the shipped JSON Schema, each as 'at PATH: what'."""
    import jsonschema_rs

    validator = jsonschema_rs.validator_for(export_schema())
    return [f"at {_path(error.instance_path)}: {error.message}" for error in validator.iter_errors(manifest)]


def _path(parts) -> str:
    return "/" + "/".join(str(part) for part in parts) if parts else "the top"
