"""Readers for inputs beyond plain text: an HTML page's article text, and a JSON Lines corpus.

HTML: the stdlib parser builds a small tree; the article is the largest ``<article>``, else
``<main>``, else ``<body>``; scripts, styles, navigation, asides and the page's header and footer are
dropped (an ``<article>``'s own header, with its headline, is kept). Block elements become paragraphs
separated by a blank line and whitespace inside a paragraph is collapsed. That extracted text IS the
document's text: every span indexes it, and the report shows it.

JSON Lines: one JSON object a line with ``id`` and ``text`` (required) and ``source``, ``published``
(``YYYY-MM-DD``), ``published_inferred``, ``title``, ``url`` (optional; other keys are ignored).
A bad line is a `DocumentError` naming the file and the line number.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from typing import NamedTuple

from .errors import DocumentError

__all__ = ["HtmlArticle", "JsonlRecord", "html_article", "read_jsonl"]

_SKIP = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "aside", "iframe", "form", "button"}
)
_CHROME = frozenset({"header", "footer"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
_BLOCK = frozenset(
    {
        "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "h1",
        "h2", "h3", "h4", "h5", "h6", "header", "footer", "hr", "li", "main", "ol", "p", "pre", "section",
        "table", "td", "th", "tr", "ul", "body",
    }
)  # fmt: skip
_SPACE = re.compile(r"\s+")


class HtmlArticle(NamedTuple):
    """What a page yields: the article's plain text and the metadata its head declares."""

    text: str
    title: str | None
    source: str | None
    published: dt.date | None
    url: str | None


class _Node:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []


class _TreeBuilder(HTMLParser):
    """A forgiving tree: an end tag closes the nearest open element of its name, stray ones are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack = [self.root]
        self.meta: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            self.meta.append(values)
        elif tag == "link":
            self.links.append(values)
        if tag in ("p", "li") and self.stack[-1].tag == tag:
            self.stack.pop()
        node = _Node(tag, values)
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _find(node: _Node, tag: str) -> list[_Node]:
    found: list[_Node] = []
    for child in node.children:
        if isinstance(child, _Node) and child.tag not in _SKIP:
            if child.tag == tag:
                found.append(child)
            else:
                found.extend(_find(child, tag))
    return found


def _paragraphs(node: _Node, in_article: bool, out: list[list[str]], pre: bool = False) -> None:
    """Append the node's text to ``out``: a list of paragraphs, each a list of text pieces."""
    for child in node.children:
        if isinstance(child, str):
            out[-1].append(child if pre else _SPACE.sub(" ", child))
            continue
        if child.tag in _SKIP or child.tag in ("head", "title") or (child.tag in _CHROME and not in_article):
            continue
        block = child.tag in _BLOCK
        if block:
            out.append([])
        _paragraphs(child, in_article or child.tag == "article", out, pre or child.tag == "pre")
        if block:
            out.append([])


def _text(node: _Node) -> str:
    paragraphs: list[list[str]] = [[]]
    _paragraphs(node, node.tag == "article", paragraphs)
    lines = ["".join(p).strip() for p in paragraphs]
    return "\n\n".join(line for line in lines if line)


def html_article(markup: str) -> HtmlArticle:
    """The article text of an HTML page (see the module docstring) and its title, site, date and URL."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    root = builder.root
    articles = _find(root, "article")
    if articles:
        chosen = max(articles, key=lambda n: len(_text(n)))  # max keeps the first of equals
    else:
        mains = _find(root, "main")
        bodies = _find(root, "body")
        chosen = mains[0] if mains else bodies[0] if bodies else root
    text = _text(chosen)
    meta = {(m.get("property") or m.get("name") or "").lower(): m.get("content", "") for m in builder.meta}
    titles = _find(root, "title")
    title = meta.get("og:title") or (_SPACE.sub(" ", _text(titles[0])).strip() if titles else "")
    url = meta.get("og:url") or next(
        (link.get("href", "") for link in builder.links if link.get("rel", "").lower() == "canonical"), ""
    )
    stamp = meta.get("article:published_time") or meta.get("date") or _time_stamp(chosen)
    return HtmlArticle(
        text=text + "\n" if text else "",
        title=title or None,
        source=meta.get("og:site_name") or None,
        published=_iso_date(stamp),
        url=url or None,
    )


def _time_stamp(node: _Node) -> str:
    times = _find(node, "time")
    return times[0].attrs.get("datetime", "") if times else ""


def _iso_date(stamp: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(stamp.strip()[:10])
    except ValueError:
        return None


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
    records: list[JsonlRecord] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), 1):
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
        item = json.loads(line)
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
