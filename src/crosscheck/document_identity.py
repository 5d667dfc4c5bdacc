"""Who a document is: its id (a file's name, or its path when files of one name come from different
folders), its metadata (the manifest's, else an HTML page's own, else its dateline's date), and the
text checks that make it a document any report can write (`crosscheck.documents`)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

from .dates import parse_dateline, placeable
from .decoding import shown_name
from .errors import DocumentError
from .model import Document
from .sources import read_page

__all__ = ["qualified_ids", "with_id"]

_HTML = (".html", ".htm")


def qualified_ids(files: Sequence[str | os.PathLike[str]]) -> list[str]:
    """The ids of files that share a name but not a folder: each file's path without its suffix,
    relative to the folders' common parent, with ``/`` (``news/day1/article.txt`` and
    ``news/day2/article.txt`` are ``day1/article`` and ``day2/article``)."""
    paths = [Path(os.path.abspath(f)) for f in files]
    root = os.path.commonpath([str(p.parent) for p in paths])
    return [shown_name((p.parent / p.stem).relative_to(root).as_posix()) for p in paths]


def with_id(doc: Document, new: str) -> Document:
    """``doc`` under another id (everything else kept)."""
    return Document(
        id=new,
        text=doc.text,
        path=doc.path,
        source=doc.source,
        title=doc.title,
        url=doc.url,
        published=doc.published,
        published_inferred=doc.published_inferred,
        encoding=doc.encoding,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _surrogate(doc: Document) -> str | None:
    """What holds a lone surrogate (a JSON or JSON-LD escape such as ``\\ud800``: not Unicode text, which
    no report or store can write as UTF-8), or None."""
    for name, value in (
        ("text", doc.text),
        ("title", doc.title),
        ("source", doc.source),
        ("url", doc.url),
        ("id", doc.id),
    ):
        found = None if value is None else _SURROGATE.search(value)
        if found is not None:
            return (
                f"its {name} holds a lone surrogate (\\u{ord(found.group()):04x} at offset "
                f"{found.start()}), not Unicode text"
            )
    return None


def _shown(path: Path) -> str:
    """``path`` as valid text (`shown_name`): how messages and documents name it."""
    return shown_name(str(path))


def _name_note(path: Path) -> str | None:
    """A caveat for a file whose name is not valid UTF-8 (None for any other name)."""
    raw = path.name.encode("utf-8", "surrogateescape")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (
            f"{_shown(path)}: file name is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); its id is written {shown_name(path.stem)}"
        )
    return None


def _unplaceable(published: dt.date) -> str:
    return (
        f"published {published.isoformat()} is too near the calendar's ends (years 1 and 9999) to place "
        "anything in time; read as undated"
    )


def _document(path: Path, text: str, encoding: str, meta: dict[str, object]) -> tuple[Document, list[str]]:
    """The document of one file, and the caveats about how it was read."""
    where = _shown(path)
    notes: list[str] = []
    if path.suffix.lower() in _HTML:
        try:
            page = read_page(text)
        except RecursionError:
            raise DocumentError(f"{where}: HTML nested too deeply to read", path=where) from None
        if not page.text:
            raise DocumentError(f"{where}: no article text in this HTML page", path=where)
        text = page.text
        if page.note is not None:
            notes.append(page.note)
        found = {"source": page.source, "title": page.title, "url": page.url, "published": page.published}
        meta = {**{k: v for k, v in found.items() if v is not None}, **meta}
    published = meta.get("published")
    inferred = bool(meta.get("published_inferred", False))
    if published is None:
        published = parse_dateline(text)
        inferred = published is not None
    assert published is None or isinstance(published, dt.date)
    if published is not None and not placeable(published):
        notes.append(_unplaceable(published))
        published, inferred = None, False
    doc = Document(
        id=shown_name(path.stem),
        text=text,
        path=where,
        source=_opt_str(meta.get("source")),
        title=_opt_str(meta.get("title")),
        url=_opt_str(meta.get("url")),
        published=published,
        published_inferred=inferred,
        encoding=encoding,
    )
    return doc, notes


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)
