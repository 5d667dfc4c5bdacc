"""A folder's ``manifest.toml``: one ``[files."NAME"]`` table of metadata per document file.

``published`` is a TOML date (or an ISO ``"YYYY-MM-DD"`` string); a ``# inferred`` comment on its
line, or ``published_inferred = true``, marks it as worked out rather than printed. `scan_manifest`
never raises: a manifest that cannot be used at all is its ``error``; an entry that cannot be used
(not a table, a date that is not a date, a name that is not a plain file name in this folder) is in
``bad``, so only that entry's file is left out; an unknown key is ignored with a note.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import NamedTuple

from .decoding import shown_name
from .errors import ManifestError

__all__ = ["FIELDS", "MANIFEST", "Manifest", "read_manifest", "scan_manifest"]

MANIFEST = "manifest.toml"
FIELDS = ("published", "published_inferred", "source", "title", "url")
_TABLE = re.compile(r'^\s*\[\s*files\s*\.\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([\w.-]+))\s*\]')
_INFERRED = re.compile(r"^\s*published\s*=[^#\n]*#.*\binferred\b", re.IGNORECASE)


class Manifest(NamedTuple):
    """What a folder's manifest says, and what is wrong with it."""

    path: str
    entries: dict[str, dict[str, object]]
    bad: dict[str, ManifestError]
    notes: dict[str, list[str]]
    error: ManifestError | None = None


def read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    """The checked ``[files."NAME"]`` tables of ``folder/manifest.toml`` (empty when there is none).

    Raises `ManifestError` for the first problem `scan_manifest` finds; unknown keys are ignored.
    """
    manifest = scan_manifest(folder)
    if manifest.error is not None:
        raise manifest.error
    for error in manifest.bad.values():
        raise error
    return manifest.entries


def scan_manifest(folder: Path, max_bytes: int | None = None) -> Manifest:
    """``folder/manifest.toml`` read and checked entry by entry (see the module docstring). A manifest
    over ``max_bytes`` (``--max-bytes``, as for a document) cannot be used and is never read."""
    path = folder / MANIFEST
    where = shown_name(str(path))
    empty = Manifest(where, {}, {}, {})
    if not path.is_file():
        return empty
    if path.is_symlink() and not path.resolve().is_relative_to(folder.resolve()):
        error = ManifestError(
            f"{where}: a symbolic link to a file outside {shown_name(str(folder))} (not followed)", path=where
        )
        return empty._replace(error=error)
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return empty._replace(error=_too_large(where, size, max_bytes))
        with path.open("rb") as file:
            data_bytes = file.read() if max_bytes is None else file.read(max_bytes + 1)
        if max_bytes is not None and len(data_bytes) > max_bytes:  # it grew since stat
            return empty._replace(error=_too_large(where, len(data_bytes), max_bytes))
        raw = data_bytes.decode("utf-8")
        data = tomllib.loads(raw)
    except OSError as exc:
        return empty._replace(error=ManifestError(f"{where}: cannot read: {exc.strerror or exc}", path=where))
    except UnicodeDecodeError:
        return empty._replace(error=ManifestError(f"{where}: not valid UTF-8", path=where))
    except tomllib.TOMLDecodeError as exc:
        return empty._replace(error=ManifestError(f"{where}: malformed TOML: {exc}", path=where))
    except RecursionError:
        return empty._replace(error=ManifestError(f"{where}: TOML nested too deeply to read", path=where))
    files = data.get("files", {})
    if not isinstance(files, dict):
        error = ManifestError(f"{where}: 'files' must be a table of [files.\"NAME\"] tables", path=where)
        return empty._replace(error=error)
    inferred = _inferred_names(raw)
    manifest = empty
    for name, meta in files.items():
        try:
            entry, unknown = _entry(where, name, meta, name in inferred)
        except ManifestError as exc:
            manifest.bad[name] = exc
            continue
        manifest.entries[name] = entry
        if unknown:
            known = ", ".join(FIELDS)
            manifest.notes[name] = [
                f"{where}: [files.{name!r}] unknown key {key!r} ignored (known: {known})" for key in unknown
            ]
    return manifest


def _too_large(where: str, size: int, limit: int) -> ManifestError:
    return ManifestError(
        f"{where}: {size:,} bytes, over the size limit of {limit:,} bytes (--max-bytes)", path=where
    )


def _entry(where: str, name: str, meta: object, inferred: bool) -> tuple[dict[str, object], list[str]]:
    """One entry, checked, and its unknown keys; raises `ManifestError`."""
    if name != Path(name).name or name in ("", ".", "..") or "\\" in name:
        raise ManifestError(f"{where}: file name {name!r} is not a plain name in this folder", path=where)
    if not isinstance(meta, dict):
        raise ManifestError(f"{where}: [files.{name!r}] must be a table", path=where)
    entry = {k: v for k, v in meta.items() if k in FIELDS}
    unknown = sorted(k for k in meta if k not in FIELDS)
    published = entry.get("published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise ManifestError(
                f"{where}: [files.{name!r}] published {published!r} is not a date (YYYY-MM-DD)", path=where
            ) from None
    if isinstance(published, dt.datetime):
        published = published.date()
    if published is not None and not isinstance(published, dt.date):
        raise ManifestError(
            f"{where}: [files.{name!r}] published {published!r} is not a date (YYYY-MM-DD)", path=where
        )
    if published is not None:
        entry["published"] = published
        if inferred:
            entry.setdefault("published_inferred", True)
    if not isinstance(entry.get("published_inferred", False), bool):
        raise ManifestError(f"{where}: [files.{name!r}] published_inferred must be true or false", path=where)
    for key in ("source", "title", "url"):
        if key in entry and not isinstance(entry[key], str):
            raise ManifestError(f"{where}: [files.{name!r}] {key} must be a string", path=where)
    return entry, unknown


def _inferred_names(raw: str) -> set[str]:
    """Names whose ``published`` line carries a ``# inferred`` comment (tomllib drops comments)."""
    names: set[str] = set()
    current: str | None = None
    for line in raw.splitlines():
        table = _TABLE.match(line)
        if table:
            current = next(g for g in table.groups() if g is not None)
        elif line.lstrip().startswith("["):
            current = None
        elif current is not None and _INFERRED.match(line):
            names.add(current)
    return names
