"""Inputs beyond .txt/.md: an HTML page's article text, and a JSON Lines corpus of documents."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import crosscheck
from crosscheck import DocumentError
from crosscheck.sources import html_article, read_jsonl, read_page

from .conftest import SEEDS

PAGE = """<!DOCTYPE html>
<html><head>
<title>Joint drills | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="article:published_time" content="2022-12-01T09:30:00Z">
<link rel="canonical" href="https://example.org/drills">
<style>body { color: red; }</style>
<script>var tracking = "In September, Beijing sent 9,999 troops";</script>
</head>
<body>
<header><a href="/">Home</a> <a href="/world">World</a></header>
<nav><ul><li>Sports</li><li>Weather: 3 storms expected</li></ul></nav>
<article>
  <header><h1>China and Russia hold joint drills</h1><p class="byline">By A. Reporter</p></header>
  <p>In September, Beijing sent   more than 2,000 troops
     along with more than 300 military vehicles.</p>
  <p>Officials said it was the <em>sixth</em> joint patrol since 2019 &amp; more would follow.</p>
  <aside>Read also: 5 things to know</aside>
  <script>console.log("1,000 clicks")</script>
</article>
<aside>Most read: 12 stories</aside>
<footer>© 2022 Example Media, 400 employees</footer>
</body></html>
"""


def test_html_page_yields_the_article_text_without_page_chrome() -> None:
    """Article paragraphs are kept, with whitespace collapsed; nav, aside, script, style, footer are dropped."""
    page = html_article(PAGE)
    assert page.text == (
        "China and Russia hold joint drills\n\nBy A. Reporter\n\n"
        "In September, Beijing sent more than 2,000 troops along with more than 300 military vehicles.\n\n"
        "Officials said it was the sixth joint patrol since 2019 & more would follow.\n"
    )
    for chrome in ("Home", "Sports", "storms", "Read also", "Most read", "Example Media", "9,999", "color"):
        assert chrome not in page.text


def test_html_page_metadata_comes_from_its_head() -> None:
    """The page's <title>, site name, publication time and canonical URL become document metadata."""
    page = html_article(PAGE)
    assert page.title == "Joint drills | The Daily Example"
    assert page.source == "The Daily Example"
    assert page.published == dt.date(2022, 12, 1)
    assert page.url == "https://example.org/drills"


def test_main_is_used_when_there_is_no_article_and_body_otherwise() -> None:
    """Without <article>, the <main> element is the article; without either, the body minus chrome."""
    with_main = "<body><nav>Menu 1</nav><main><p>Main text of 3 paragraphs.</p></main><p>Other 4.</p></body>"
    assert html_article(with_main).text == "Main text of 3 paragraphs.\n"
    bare = "<body><nav>Menu 1</nav><p>First.</p><div>Second<br>line</div><footer>F 2</footer></body>"
    assert html_article(bare).text == "First.\n\nSecond\n\nline\n"


def test_largest_article_wins_over_teasers() -> None:
    """A page with a related-story teaser picks the longest <article> as the story."""
    markup = (
        "<body><article><p>Teaser: 2 ships.</p></article>"
        "<article><p>The real story says 5 warships sailed on Sunday, with 2 destroyers.</p></article></body>"
    )
    assert (
        html_article(markup).text == "The real story says 5 warships sailed on Sunday, with 2 destroyers.\n"
    )


def test_html_file_loads_with_spans_indexing_the_extracted_text(tmp_path: Path) -> None:
    """A .html document's text is the extracted article; every claim's span indexes that text."""
    (tmp_path / "drills.html").write_text(PAGE, encoding="utf-8")
    (doc,) = crosscheck.load_documents(tmp_path / "drills.html")
    assert doc.id == "drills"
    assert doc.text == read_page(PAGE).text  # trafilatura's text when the web extra is installed
    assert doc.source == "The Daily Example" and doc.published == dt.date(2022, 12, 1)
    assert not doc.published_inferred
    report = crosscheck.check([doc])
    texts = {c.text for c in report.claims}
    assert "more than 2,000 troops" in texts
    assert "9,999" not in " ".join(texts)
    for claim in report.claims:
        assert doc.text[claim.span.start : claim.span.end] == claim.text


def test_manifest_overrides_what_the_page_says(tmp_path: Path) -> None:
    """A folder's manifest.toml wins over the page's own metadata, as for text files."""
    (tmp_path / "drills.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "manifest.toml").write_text(
        '[files."drills.htm"]\nsource = "Wire copy"\npublished = 2022-12-02\n', encoding="utf-8"
    )
    (doc,) = crosscheck.load_documents(tmp_path)
    assert (doc.source, doc.published, doc.title) == (
        "Wire copy",
        dt.date(2022, 12, 2),
        "Joint drills | The Daily Example",
    )


def test_html_page_without_article_text_is_refused(tmp_path: Path) -> None:
    """A page with nothing but chrome is a one-line DocumentError naming the file."""
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Menu</nav><script>x()</script></body></html>", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"empty\.html: no article text in this HTML page"):
        crosscheck.load_documents(path)


def _jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_jsonl_corpus_gives_one_document_a_line_with_metadata(tmp_path: Path) -> None:
    """Each line's id, text, source, published, title and url become a Document; unknown keys are ignored."""
    rows: list[object] = [
        {
            "id": "ap",
            "text": "Beijing sent more than 2,000 troops.",
            "source": "AP",
            "published": "2022-12-01",
        },
        {
            "id": "xin",
            "text": "China sent 1,500 troops.",
            "title": "Drills",
            "url": "https://x.test/1",
            "lang": "en",
        },
    ]
    path = _jsonl(tmp_path / "corpus.jsonl", rows)
    ap, xin = crosscheck.load_documents(path)
    assert (ap.id, ap.source, ap.published, ap.path) == ("ap", "AP", dt.date(2022, 12, 1), f"{path}:1")
    assert ap.text == "Beijing sent more than 2,000 troops."
    assert (xin.title, xin.url, xin.source, xin.published, xin.path) == (
        "Drills",
        "https://x.test/1",
        None,
        None,
        f"{path}:2",
    )


def test_folder_mixes_text_html_and_jsonl(tmp_path: Path) -> None:
    """A folder takes .txt, .md, .html and .jsonl files, in name order."""
    (tmp_path / "a.txt").write_text("Plain text with 3 ships.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text("<article><p>Page with 4 ships.</p></article>", encoding="utf-8")
    _jsonl(tmp_path / "c.jsonl", [{"id": "c1", "text": "Line with 5 ships."}])
    (tmp_path / "notes.csv").write_text("ignored,1\n", encoding="utf-8")
    docs = crosscheck.load_documents(tmp_path)
    assert [d.id for d in docs] == ["a", "b", "c1"]
    assert docs[1].text == "Page with 4 ships.\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n', r"corpus\.jsonl:2: not valid JSON"),
        ('{"id": "a", "text": "ok"}\n\n["a", "b"]\n', r"corpus\.jsonl:3: expected a JSON object"),
        ('{"text": "no id"}\n', r"corpus\.jsonl:1: 'id' must be a non-empty string"),
        ('{"id": "a", "text": "  "}\n', r"corpus\.jsonl:1: 'text' of 'a' must be a non-empty string"),
        ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', r"corpus\.jsonl:2: duplicate document id 'a' \(also line 1\)"),
        ('{"id": "a", "text": "x", "published": "last week"}\n', r"corpus\.jsonl:1: published 'last week' is not a date"),
        ('{"id": "a", "text": "x", "source": 7}\n', r"corpus\.jsonl:1: 'source' must be a string"),
        ('{"id": "a", "text": "x", "published_inferred": "yes"}\n', r"corpus\.jsonl:1: 'published_inferred' must be true or false"),
    ],
)  # fmt: skip
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    """A bad line is a one-line DocumentError naming the file and the line number."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DocumentError, match=message) as info:
        crosscheck.load_documents(path)
    assert "\n" not in str(info.value)


def test_jsonl_without_documents_is_refused() -> None:
    """A JSON Lines file of blank lines only names the file."""
    with pytest.raises(DocumentError, match=r"x\.jsonl: no documents in this JSON Lines file"):
        read_jsonl("x.jsonl", "\n\n")


def test_seeds_as_jsonl_give_the_same_claims(tmp_path: Path) -> None:
    """The seed articles packed into one .jsonl file yield the same claims and groups as the folder."""
    folder = crosscheck.load_documents(SEEDS)
    rows: list[object] = [
        {
            "id": d.id,
            "text": d.text,
            "source": d.source,
            "title": d.title,
            "published": None if d.published is None else d.published.isoformat(),
            "published_inferred": d.published_inferred,
        }
        for d in folder
    ]
    packed = crosscheck.load_documents(_jsonl(tmp_path / "seeds.jsonl", rows))
    a, b = crosscheck.check(folder).to_dict(), crosscheck.check(packed).to_dict()
    for doc in [*a["documents"], *b["documents"]]:  # type: ignore[union-attr]
        doc.pop("path")
    assert a == b
