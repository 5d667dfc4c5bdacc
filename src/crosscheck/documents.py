"""Load documents: files and folders of ``.txt``/``.md``, with a folder's ``manifest.toml`` metadata.

Also ``.html``/``.htm`` pages (the document's text is the article text `sources.html_article`
extracts, so spans index that text) and ``.jsonl`` corpora (one document a line, `sources.read_jsonl`).

A document's id is its file name without the suffix, and its text is the file decoded as UTF-8,
untouched (no newline translation, no stripping), so every span indexes the bytes the user gave.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path

from .dates import parse_dateline
from .errors import DocumentError, ManifestError
from .model import Document
from .sources import html_article, read_jsonl

__all__ = ["SUFFIXES", "load_documents", "read_manifest"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
_HTML = (".html", ".htm")
MANIFEST = "manifest.toml"
_FIELDS = ("source", "published", "title", "url", "published_inferred")
_TABLE = re.compile(r'^\s*\[\s*files\s*\.\s*(?:"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([\w.-]+))\s*\]')
_INFERRED = re.compile(r"^\s*published\s*=.*#.*\binferred\b", re.IGNORECASE)


def load_documents(*paths: str | os.PathLike[str]) -> tuple[Document, ...]:
    """Read every path (a file, or a folder of .txt/.md/.html/.htm/.jsonl files sorted by name) into documents.

    Raises `DocumentError` (a one-line message naming the file) for a missing path, an undecodable or
    empty file, a folder without documents or duplicate ids, and `ManifestError` for a bad manifest.
    """
    if not paths:
        raise DocumentError("no paths given: name at least one file or folder")
    docs: list[Document] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            docs.extend(_load_folder(path))
        elif path.is_file():
            meta = read_manifest(path.parent).get(path.name, {})
            docs.extend(_load_path(path, meta))
        else:
            raise DocumentError(f"{path}: no such file or folder", path=str(path))
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.id in seen:
            raise DocumentError(
                f"{doc.path}: duplicate document id {doc.id!r} (also {seen[doc.id]})", path=doc.path
            )
        seen[doc.id] = doc.path or doc.id
    return tuple(docs)


def _load_folder(folder: Path) -> Iterable[Document]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not files:
        raise DocumentError(
            f"{folder}: no .txt or .md documents in this folder (nor .html, .htm, .jsonl)", path=str(folder)
        )
    manifest = read_manifest(folder)
    return [doc for p in files for doc in _load_path(p, manifest.get(p.name, {}))]


def _load_path(path: Path, meta: dict[str, object]) -> list[Document]:
    if path.suffix.lower() != ".jsonl":
        return [_load_file(path, meta)]
    docs = []
    for r in read_jsonl(str(path), _read_text(path)):
        published, inferred = r.published, r.published_inferred
        if published is None:
            published = parse_dateline(r.text)
            inferred = published is not None
        docs.append(
            Document(
                id=r.id,
                text=r.text,
                path=f"{path}:{r.line}",
                source=r.source,
                title=r.title,
                url=r.url,
                published=published,
                published_inferred=inferred,
            )
        )
    return docs


def _read_text(path: Path) -> str:
    """The file decoded as UTF-8, untouched; refuses unreadable, undecodable and empty files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read: {exc.strerror or exc}", path=str(path)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            f"{path}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", path=str(path)
        ) from None
    if not text.strip():
        raise DocumentError(f"{path}: empty file", path=str(path))
    return text


def _load_file(path: Path, meta: dict[str, object]) -> Document:
    text = _read_text(path)
    if path.suffix.lower() in _HTML:
        page = html_article(text)
        if not page.text:
            raise DocumentError(f"{path}: no article text in this HTML page", path=str(path))
        text = page.text
        found = {"source": page.source, "title": page.title, "url": page.url, "published": page.published}
        meta = {**{k: v for k, v in found.items() if v is not None}, **meta}
    published = meta.get("published")
    inferred = bool(meta.get("published_inferred", False))
    if published is None:
        published = parse_dateline(text)
        inferred = published is not None
    assert published is None or isinstance(published, dt.date)
    return Document(
        id=path.stem,
        text=text,
        path=str(path),
        source=_opt_str(meta.get("source")),
        title=_opt_str(meta.get("title")),
        url=_opt_str(meta.get("url")),
        published=published,
        published_inferred=inferred,
    )


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def read_manifest(folder: Path) -> dict[str, dict[str, object]]:
    """The ``[files."NAME"]`` tables of ``folder/manifest.toml`` (empty when there is none), checked.

    ``published`` is a TOML date (or an ISO ``"YYYY-MM-DD"`` string); a ``# inferred`` comment on its
    line, or ``published_inferred = true``, marks it as worked out rather than printed. A name that is
    not a plain file name in this folder is refused; unknown keys are ignored.
    """
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: not valid UTF-8", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{path}: malformed TOML: {exc}", path=str(path)) from None
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise ManifestError(f"{path}: 'files' must be a table of [files.\"NAME\"] tables", path=str(path))
    inferred = _inferred_names(raw)
    out: dict[str, dict[str, object]] = {}
    for name, meta in files.items():
        if not isinstance(meta, dict):
            raise ManifestError(f"{path}: [files.{name!r}] must be a table", path=str(path))
        if name != Path(name).name or name in ("", ".", ".."):
            raise ManifestError(
                f"{path}: file name {name!r} is not a plain name in this folder", path=str(path)
            )
        entry = {k: v for k, v in meta.items() if k in _FIELDS}
        published = entry.get("published")
        if isinstance(published, str):
            try:
                published = dt.date.fromisoformat(published)
            except ValueError:
                raise ManifestError(
                    f"{path}: [files.{name!r}] published {published!r} is not a date (YYYY-MM-DD)",
                    path=str(path),
                ) from None
        if isinstance(published, dt.datetime):
            published = published.date()
        if published is not None and not isinstance(published, dt.date):
            raise ManifestError(
                f"{path}: [files.{name!r}] published {published!r} is not a date (YYYY-MM-DD)", path=str(path)
            )
        if published is not None:
            entry["published"] = published
            if name in inferred:
                entry.setdefault("published_inferred", True)
        out[name] = entry
    return out


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
