"""JSON Lines corpora: one JSON object a line with ``id`` and ``text`` (required) and ``source``,
``published`` (``YYYY-MM-DD``), ``published_inferred``, ``title``, ``url`` (optional; other keys are
ignored). A bad line is a `DocumentError` naming the file and the line number; a line over the size
limit is read past, never held (`bounded_lines`). `crosscheck.sources` re-exports the readers."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple, TextIO

from .errors import DocumentError

__all__ = ["JsonlRecord", "bounded_lines", "read_jsonl", "read_jsonl_lines"]


class JsonlRecord(NamedTuple):
    """One document of a JSON Lines corpus, with the line it came from."""

    line: int
    id: str
    text: str
    source: str | None
    title: str | None
    url: str | None
    published: dt.date | None
    published_inferred: bool


def read_jsonl(path: str, raw: str, *, problems: list[DocumentError] | None = None) -> list[JsonlRecord]:
    """The documents of a JSON Lines corpus (blank lines skipped).

    A bad line (not JSON, no id or text, a duplicate id, a bad field) raises `DocumentError`; with a
    ``problems`` list it is appended there instead and the line is skipped, the other lines kept.
    """
    return read_jsonl_lines(path, enumerate(raw.splitlines(), 1), problems=problems)


def read_jsonl_lines(
    path: str, lines: Iterable[tuple[int, str]], *, problems: list[DocumentError] | None = None
) -> list[JsonlRecord]:
    """`read_jsonl` over ``(line number, line)`` pairs, taken one at a time (a file read line by line
    is never held whole). The iterable may append to ``problems`` as it goes (a line it does not
    give), so the problems stay in line order."""
    records: list[JsonlRecord] = []
    seen: dict[str, int] = {}
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = _record(path, number, line, seen)
        except DocumentError as exc:
            if problems is None:
                raise
            problems.append(exc)
            continue
        seen[record.id] = number
        records.append(record)
    if not records and not problems:
        raise DocumentError(f"{path}: no documents in this JSON Lines file", path=path)
    return records


def _record(path: str, number: int, line: str, seen: dict[str, int]) -> JsonlRecord:
    where = f"{path}:{number}"
    try:
        item = json.loads(line, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{where}: not valid JSON ({exc.msg})", path=path) from None
    except RecursionError:
        raise DocumentError(f"{where}: not valid JSON (nested too deeply)", path=path) from None
    if not isinstance(item, dict):
        raise DocumentError(f"{where}: expected a JSON object with 'id' and 'text'", path=path)
    doc_id, text = item.get("id"), item.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise DocumentError(f"{where}: 'id' must be a non-empty string", path=path)
    if not isinstance(text, str) or not text.strip():
        raise DocumentError(f"{where}: 'text' of {doc_id!r} must be a non-empty string", path=path)
    if doc_id in seen:
        raise DocumentError(
            f"{where}: duplicate document id {doc_id!r} (also line {seen[doc_id]})", path=path
        )
    for key in ("id", "text", "source", "title", "url", "published"):
        _no_surrogate(item.get(key), key, doc_id, where, path)
    inferred = item.get("published_inferred", False)
    if not isinstance(inferred, bool):
        raise DocumentError(f"{where}: 'published_inferred' must be true or false", path=path)
    return JsonlRecord(
        line=number,
        id=doc_id,
        text=text,
        source=_opt(item, "source", where, path),
        title=_opt(item, "title", where, path),
        url=_opt(item, "url", where, path),
        published=_published(item, where, path),
        published_inferred=inferred,
    )


def _json_int(digits: str) -> int | Decimal:
    """A JSON integer: an int, or a `Decimal` beyond Python's 4,300-digit limit for int() (no field
    crosscheck reads is a number, so a huge one in any key is kept, never a reason to fail)."""
    return int(digits) if len(digits) <= _INT_DIGITS else Decimal(digits)


_INT_DIGITS = 4000  # under sys.get_int_max_str_digits() (4,300 by default)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogate(value: object, key: str, doc_id: object, where: str, path: str) -> None:
    """Refuse a string holding a lone surrogate (a JSON escape such as ``\\ud800``): it is not Unicode
    text, and no report, store or file could hold it as UTF-8."""
    if not isinstance(value, str):
        return
    found = _SURROGATE.search(value)
    if found is not None:
        shown = str(doc_id).encode("utf-8", "backslashreplace").decode("utf-8")
        raise DocumentError(
            f"{where}: {key!r} of '{shown}' holds a lone surrogate "
            f"(\\u{ord(found.group()):04x} at offset {found.start()}), not Unicode text",
            path=path,
        )


def _opt(item: dict[str, object], key: str, where: str, path: str) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise DocumentError(f"{where}: {key!r} must be a string", path=path)


def _published(item: dict[str, object], where: str, path: str) -> dt.date | None:
    value = _opt(item, "published", where, path)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DocumentError(f"{where}: published {value!r} is not a date (YYYY-MM-DD)", path=path) from None


def bounded_lines(
    file: TextIO, where: str, limit: int, problems: list[DocumentError]
) -> Iterator[tuple[int, str]]:
    """The lines of ``file`` (split at ``\\n`` only, as JSON Lines is) with their numbers, each without
    its ``\\n``; a line over ``limit`` bytes (UTF-8) is read past in pieces, never held, and appended
    to ``problems`` instead."""
    number = 0
    while line := file.readline(limit + 1):
        number += 1
        ended = line.endswith("\n")
        content = line[:-1] if ended else line
        size = _utf8_size(content)
        if not ended and len(line) > limit:  # the rest of this line is still to come
            while piece := file.readline(_PIECE):
                size += _utf8_size(piece.removesuffix("\n"))
                if piece.endswith("\n"):
                    break
        if size > limit:
            message = f"{where}:{number}: a line of {size:,} bytes, over the size limit of {limit:,} bytes (--max-bytes)"
            problems.append(DocumentError(message, path=where))
            continue
        yield number, content


_PIECE = 1 << 20


def _utf8_size(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))
