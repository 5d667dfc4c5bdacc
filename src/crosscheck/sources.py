"""Readers for inputs beyond plain text: an HTML page's article text, and a JSON Lines corpus.

HTML (`read_page`): through trafilatura when the extra ``crosscheck[web]`` is installed (imported
lazily, here only), else with the built-in reader `html_article`. Built-in: the stdlib parser builds a
small tree; the article is the largest ``<article>``, else ``<main>``, else ``<body>``; scripts,
styles, navigation, asides and the page's header and footer are dropped (an ``<article>``'s own
header, with its headline, is kept). Block elements become paragraphs separated by a blank line and
whitespace inside a paragraph is collapsed. The text the reader returns IS the document's text: every
span indexes it, and the report shows it.

Metadata, read by the built-in reader too: the title from ``og:title``, JSON-LD
``headline``, else ``<title>``; the outlet from ``og:site_name``, else JSON-LD ``publisher.name``; the
publication date from ``article:published_time``, JSON-LD ``datePublished``, a ``date``/``pubdate``/
``itemprop=datePublished`` meta, else the article's first ``<time datetime>``; the URL from
``og:url`` or the canonical link. With trafilatura these come first (a page's metadata is the same
with or without the extra) and its own fill the gaps; its date search is held to the page's markup
(no text heuristics, no wall clock), so the same page gives the same bytes on every run.

JSON Lines: one JSON object a line with ``id`` and ``text`` (required) and ``source``, ``published``
(``YYYY-MM-DD``), ``published_inferred``, ``title``, ``url`` (optional; other keys are ignored).
A bad line is a `DocumentError` naming the file and the line number.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from html.parser import HTMLParser
from types import ModuleType
from typing import Any, NamedTuple

from .errors import DocumentError

__all__ = ["HtmlArticle", "JsonlRecord", "html_article", "read_jsonl", "read_jsonl_lines", "read_page"]

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
    reader: str = "builtin"
    """Which reader made ``text``: ``"trafilatura"`` or ``"builtin"``."""
    note: str | None = None
    """Why trafilatura was installed but not used for this page, if it was not."""


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
        self.ld: list[_Node] = []  # <script type="application/ld+json"> elements

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
        if tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self.ld.append(node)
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
    """The article text of an HTML page by the built-in reader (see the module docstring), and its metadata."""
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
    title, source, published, url = _metadata(builder, chosen)
    return HtmlArticle(
        text=text + "\n" if text else "", title=title, source=source, published=published, url=url
    )


def _metadata(
    builder: _TreeBuilder, chosen: _Node
) -> tuple[str | None, str | None, dt.date | None, str | None]:
    meta: dict[str, str] = {}
    for m in builder.meta:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and m.get("content", "").strip():
            meta.setdefault(key, m["content"].strip())  # the first of a repeated key counts
    ld = _news_ld(builder.ld)
    titles = _find(builder.root, "title")
    title = (
        meta.get("og:title")
        or _ld_text(ld.get("headline"))
        or (_SPACE.sub(" ", _text(titles[0])).strip() if titles else "")
    )
    publisher = ld.get("publisher")
    source = meta.get("og:site_name") or _ld_text(
        publisher.get("name") if isinstance(publisher, dict) else publisher
    )
    url = meta.get("og:url") or next(
        (link.get("href", "") for link in builder.links if link.get("rel", "").lower() == "canonical"), ""
    )
    stamps = (
        meta.get("article:published_time"),
        _ld_text(ld.get("datePublished")),
        *(meta.get(key) for key in _DATE_KEYS),
        _time_stamp(chosen),
    )
    published = next((d for d in map(_iso_date, stamps) if d is not None), None)
    return title or None, source or None, published, url or None


_DATE_KEYS = ("datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued")
_NEWS_TYPES = frozenset(
    ["newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting"]
)


def _news_ld(scripts: list[_Node]) -> dict[str, Any]:
    """The first JSON-LD object of a news article type (in a list or an ``@graph`` too); {} when none."""
    for script in scripts:
        raw = "".join(c for c in script.children if isinstance(c, str))
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # a page's broken JSON-LD is no reason to refuse its text
        items = data if isinstance(data, list) else [data]
        for item in items:
            graph = item.get("@graph") if isinstance(item, dict) else None
            for node in [item, *graph] if isinstance(graph, list) else [item]:
                if not isinstance(node, dict):
                    continue
                kinds = node.get("@type")
                names = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.lower() in _NEWS_TYPES for k in names):
                    return node
    return {}


def _ld_text(value: object) -> str:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return _SPACE.sub(" ", value).strip() if isinstance(value, str) else ""


def _time_stamp(node: _Node) -> str:
    times = _find(node, "time")
    return times[0].attrs.get("datetime", "") if times else ""


def _iso_date(stamp: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((stamp or "").strip()[:10])
    except ValueError:
        return None


# trafilatura's date search held to the page's own markup: no search of the text, and a fixed latest
# date instead of today's, so the result never depends on the day it runs.
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2999-12-31"}


def _web_reader() -> tuple[ModuleType | None, str | None]:
    """trafilatura when the ``web`` extra is installed, else None; and why an installed one cannot be used."""
    try:
        return importlib.import_module("trafilatura"), None
    except ImportError as exc:
        if isinstance(exc, ModuleNotFoundError) and exc.name == "trafilatura":
            return None, None  # the extra is not installed: the built-in reader, silently
        return (
            None,
            f"trafilatura cannot be imported ({_SPACE.sub(' ', str(exc))}); read with the built-in reader",
        )


def read_page(markup: str) -> HtmlArticle:
    """A page's article text and metadata: through trafilatura when installed, else `html_article`.

    The metadata the page declares (read by `html_article`) comes first, trafilatura's fills the gaps;
    the built-in text stands in when trafilatura finds none or only loses its paragraph breaks, and a
    page with no article text for the built-in reader (only chrome) has none. Raises RecursionError
    for markup nested too deeply to read.
    """
    builtin = html_article(markup)
    module, note = _web_reader()
    if module is None or not builtin.text:
        return builtin._replace(note=note)  # only chrome: trafilatura's rescue would return the menu
    try:
        found = module.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            deduplicate=False,  # trafilatura's cache would make a page's text depend on pages before it
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # a third-party extractor failing on one page: the built-in reader
        return builtin._replace(
            note=f"trafilatura failed on this page ({type(exc).__name__}); read with the built-in reader"
        )
    text = str(getattr(found, "text", None) or "").strip()
    if "\n" not in text and _SPACE.sub(" ", text) == _SPACE.sub(" ", builtin.text).strip():
        text = ""  # the same words with the paragraph breaks lost (trafilatura's rescue of a short page)
    return HtmlArticle(
        text=text + "\n" if text else builtin.text,
        title=builtin.title or _attr(found, "title"),
        source=builtin.source or _attr(found, "sitename"),
        published=builtin.published or _iso_date(_attr(found, "date")),
        url=builtin.url or _attr(found, "url"),
        reader="trafilatura" if text else "builtin",
    )


def _attr(found: object, name: str) -> str | None:
    value = getattr(found, name, None)
    return _SPACE.sub(" ", value).strip() or None if isinstance(value, str) else None


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
