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

FORMAT = "planner-meeting-export"
# Raise it when a file of this version could no longer be read as it is; a reader refuses a newer one.
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SCHEMA_FILE = "meeting_export.schema.json"
# Whatever a file holds, reading it unpacks at most this much (a small ZIP can unpack to gigabytes).
MAX_UNPACKED_BYTES = 2 * 1024 ** 3


class UnreadableArchive(ValueError):
    """The file cannot be imported; the message says why, naming the part that is wrong."""


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
        raise UnreadableArchive("This is not a ZIP file, or it is cut short: export the meeting again.") from None
    with archive:
        entries = {info.filename: info for info in archive.infolist()}
        if MANIFEST not in entries:
            raise UnreadableArchive(f"The ZIP holds no {MANIFEST}: it is not a Planner meeting export.")
        if sum(info.file_size for info in entries.values()) > MAX_UNPACKED_BYTES:
            raise UnreadableArchive("The ZIP unpacks to more than 2 GB; it is not a meeting export.")
        contents = {}
        for name in entries:
            try:
                contents[name] = archive.read(name)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
                raise UnreadableArchive(f"The ZIP is damaged: {name} cannot be read ({error}).") from None
    manifest = _manifest(contents.pop(MANIFEST))
    return manifest, contents


def _manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise UnreadableArchive(f"{MANIFEST} is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise UnreadableArchive(f"{MANIFEST} is not JSON: {error.msg} at line {error.lineno}, column "
                                f"{error.colno}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UnreadableArchive(f"{MANIFEST} does not say it is a {FORMAT}: it is not a Planner meeting export.")
    version = manifest.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise UnreadableArchive(f"The file is in export format {version}, made by a newer Planner; this one reads "
                                f"format {FORMAT_VERSION} and older. Update Planner to import it.")
    problems = schema_problems(manifest)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise UnreadableArchive(f"{MANIFEST} does not follow the export format: {'; '.join(problems[:5])}{more}.")
    return manifest


def schema_problems(manifest: dict) -> list[str]:
    """Where ``manifest`` breaks the shipped JSON Schema, each as 'at PATH: what'."""
    import jsonschema_rs

    validator = jsonschema_rs.validator_for(export_schema())
    return [f"at {_path(error.instance_path)}: {error.message}" for error in validator.iter_errors(manifest)]


def _path(parts) -> str:
    return "/" + "/".join(str(part) for part in parts) if parts else "the top"
