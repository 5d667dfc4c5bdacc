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
A bad line is a `DocumentError` naming the file and the line number (`crosscheck.jsonl`, read
through here as before).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from html.parser import HTMLParser
from types import ModuleType
from typing import Any, NamedTuple

from .jsonl import JsonlRecord, read_jsonl, read_jsonl_lines

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
