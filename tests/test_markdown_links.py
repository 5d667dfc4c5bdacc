"""No link in the Markdown report comes from the documents (RELIABILITY F18, the rest): bare URLs,
``www.`` names and e-mail addresses in texts, titles, sources, ids and URLs are escaped so that a GFM
renderer's autolink extension (GitHub, GitLab) leaves them as text.

That extension is cmark-gfm's, not in markdown-it-py, and linkify-it-py is not installed; so the
test parses the report with markdown-it-py (CommonMark) with ``text_join`` off, which leaves each
text run between backslash escapes as its own token: exactly the runs the extension scans for
``www.``, ``scheme://`` and ``name@host.tld``. None may hold one, while the rendered text still shows
each URL as written. The only link is the document's own ``url`` (a plain http(s) URL from its
metadata), written on purpose as ``<url>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

import crosscheck
from crosscheck import Document
from crosscheck.render.to_markdown import escape_markdown

TEXT = (
    "Said press@evil.example.com: on Monday 2,000 troops arrived, at https://evil.example/x?a=1 and "
    "WWW.Evil.example.\nOn Tuesday 40 ships sailed from ftp://files.evil.example and _www.under.example.\n"
)
SHOWN = ["https://evil.example/x?a=1", "WWW.Evil.example", "press@evil.example.com"]  # whole in a quote
AUTOLINKED = re.compile(r"(?i)www\.|[a-z]://|[\w.+-]@[\w-]+\.[\w-]")


def _docs() -> list[Document]:
    return [
        Document(
            id="a",
            text=TEXT,
            source="Wire www.source.example",
            title="Read https://title.example/t now",
            url="https://ok.example/a",
        ),
        Document(
            id="www.id.example",
            text="On Monday 3,000 troops arrived, according to http://other.example.\n",
            source="desk@mail.example.org",
            url="www.url.example/u",
        ),
    ]


def _tokens(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _tokens(token.children)


def _markdown() -> str:
    report = crosscheck.check(_docs(), jobs=1)
    return crosscheck.render(report, "markdown", single_source=True)


def test_no_text_run_a_gfm_renderer_scans_holds_a_url_www_name_or_address() -> None:
    md = MarkdownIt("commonmark")
    md.core.ruler.disable("text_join")
    tokens = list(_tokens(md.parse(_markdown())))
    runs: list[str] = []
    in_link = False
    for token in tokens:
        in_link = (in_link or token.type == "link_open") and token.type != "link_close"
        if token.type == "text" and not in_link:
            runs.append(token.content)
    assert any("www" in run for run in runs)  # the names are there, cut by escapes
    assert not [run for run in runs if AUTOLINKED.search(run)]
    assert [t.attrs.get("href") for t in tokens if t.type == "link_open"] == ["https://ok.example/a"]


def test_the_reader_still_sees_every_url_as_written() -> None:
    md = MarkdownIt("commonmark")
    shown = "".join(t.content for t in _tokens(md.parse(_markdown())) if t.type in ("text", "text_special"))
    for url in [*SHOWN, "www.source.example", "https://title.example/t", "www.id.example"]:
        assert url in shown
    assert "desk@mail.example.org" in shown and "www.url.example/u" in shown


def test_escaped_as_written() -> None:
    assert escape_markdown("see https://evil.example/x, www.evil.example or bob@evil.example") == (
        r"see https\://evil\.example/x, www\.evil\.example or bob\@evil\.example"
    )
    assert escape_markdown("2,000 troops (about 1.5 km away) at 10:30") == (
        "2,000 troops (about 1.5 km away) at 10:30"  # no URL: dots and colons as they were
    )
