"""Web pages as a user saves them: article text and the page's own date, outlet and title, with no manifest.

Read through trafilatura when the ``web`` extra is installed, else by the built-in reader; both read
the metadata the page declares (meta tags, JSON-LD, ``<time>``). Every test here runs both ways: the
built-in reader by hiding trafilatura (``no_trafilatura``), trafilatura's own only where it is
installed (``pytest.importorskip``), and `read_page`'s choices against a stand-in trafilatura.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
import warnings
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import crosscheck
from crosscheck import InputWarning
from crosscheck.sources import html_article, read_page

META_PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Mill fire kills 12 | The Riverton Courier</title>
<meta property="og:title" content="Mill fire kills 12 in Riverton">
<meta property="og:site_name" content="The Riverton Courier">
<meta property="article:published_time" content="2024-03-04T18:20:00-05:00">
<link rel="canonical" href="https://courier.example/news/mill-fire">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article>
<h1>Mill fire kills 12 in Riverton</h1>
<p>RIVERTON, March 4 — At least 12 people died when a fire swept through the old textile mill on
Monday, the fire chief said.</p>
<p>Firefighters fought the blaze for more than six hours. About 40 workers were inside when it began,
according to the owner.</p>
<p>The mill, built in 1911, employed 230 people.</p>
</article>
<aside><h2>Related</h2><ul><li><a href="/x">Council votes on 7 budget lines</a></li></ul></aside>
<footer>© 2024 The Riverton Courier</footer>
</body></html>
"""

JSONLD_PAGE = """<!doctype html>
<html><head>
<title>Bridge collapse</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "WebSite", "name": "valley.example"},
 {"@type": ["NewsArticle"], "headline": "Two bridges collapse after storm",
  "datePublished": "2024-03-05T07:00:00Z",
  "publisher": {"@type": "Organization", "name": "Valley Daily"}}]}
</script>
</head><body>
<div class="menu"><a href="/">Front page</a></div>
<main>
<h1>Two bridges collapse after storm</h1>
<p>Two bridges over the Grey River collapsed on Tuesday after a night of heavy rain, county officials
said. Nobody was on either bridge when they fell.</p>
<p>The county closed 14 roads and said repairs would cost about $3 million. Schools in the valley
will stay shut until Thursday.</p>
</main>
</body></html>
"""

TIME_PAGE = """<!doctype html>
<html><head><title>Harbour reopens</title></head><body>
<article>
<h1>Harbour reopens after three-day closure</h1>
<p>Posted <time datetime="2024-02-28T09:00">Feb. 28</time></p>
<p>The harbour reopened on Wednesday after a three-day closure, port officials said. More than 60
ships had waited offshore for the storm to pass.</p>
<p>The closure cost local fishermen an estimated $250,000, the fishermen's association said, and two
trawlers were damaged at their moorings.</p>
</article>
</body></html>
"""

BARE_PAGE = """<html><body>
<div>
<h2>School board meeting</h2>
<p>The school board voted 5 to 2 on Tuesday to extend the school day by 20 minutes starting next
year, after a debate that ran late into the evening.</p>
<p>About 150 parents attended the meeting, which ran for three hours. Several of them asked the
board to publish the cost of the change before the vote.</p>
</div>
</body></html>
"""


class Page(NamedTuple):
    name: str
    markup: str
    title: str | None
    source: str | None
    published: dt.date | None
    says: str  # a sentence of the article text


PAGES = [
    Page(
        "meta",
        META_PAGE,
        "Mill fire kills 12 in Riverton",
        "The Riverton Courier",
        dt.date(2024, 3, 4),
        "The mill, built in 1911, employed 230 people.",
    ),
    Page(
        "jsonld",
        JSONLD_PAGE,
        "Two bridges collapse after storm",
        "Valley Daily",
        dt.date(2024, 3, 5),
        "The county closed 14 roads and said repairs would cost about $3 million.",
    ),
    Page(
        "time",
        TIME_PAGE,
        "Harbour reopens",
        None,
        dt.date(2024, 2, 28),
        "More than 60 ships had waited offshore for the storm to pass.",
    ),
    Page(
        "bare",
        BARE_PAGE,
        None,
        None,
        None,
        "About 150 parents attended the meeting, which ran for three hours.",
    ),
]
CHROME = ("Home", "Related", "Council votes", "©", "Front page", "valley.example")


@pytest.fixture
def no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ``web`` extra absent: importing trafilatura fails as if it were not installed."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def _fake_trafilatura(monkeypatch: pytest.MonkeyPatch, extract: Any) -> None:
    """A stand-in trafilatura whose ``bare_extraction`` is ``extract``."""
    module = types.ModuleType("trafilatura")
    module.bare_extraction = extract  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "trafilatura", module)


def _load(tmp_path: Path, page: Page, manifest: str = "") -> crosscheck.Document:
    (tmp_path / f"{page.name}.html").write_text(page.markup, encoding="utf-8")
    if manifest:
        (tmp_path / "manifest.toml").write_text(manifest, encoding="utf-8")
    (doc,) = crosscheck.load_documents(tmp_path / f"{page.name}.html")
    return doc


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_builtin_reader_reads_the_page_metadata(page: Page) -> None:
    """Meta tags, JSON-LD (in an @graph, a @type list) and <time> give title, outlet and date; none: unknown."""
    found = html_article(page.markup)
    assert (found.title, found.source, found.published) == (page.title, page.source, page.published)
    assert page.says in " ".join(found.text.split())
    for chrome in CHROME:
        assert chrome not in found.text


@pytest.mark.usefixtures("no_trafilatura")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_without_the_extra_a_saved_page_loads_with_its_metadata(tmp_path: Path, page: Page) -> None:
    """No manifest: the page's own date, outlet and title; the built-in reader's text, spans exact."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", InputWarning)  # no note: a missing extra is not a problem
        doc = _load(tmp_path, page)
    assert read_page(page.markup).reader == "builtin"
    assert doc.text == html_article(page.markup).text
    assert (doc.title, doc.source, doc.published) == (page.title, page.source, page.published)
    assert not doc.published_inferred
    _check_claims(doc)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_with_trafilatura_the_article_text_is_its_text(tmp_path: Path, page: Page) -> None:
    """trafilatura's text is the document's text (spans index it), its metadata fills no declared field."""
    trafilatura = pytest.importorskip("trafilatura")
    doc = _load(tmp_path, page)
    found = read_page(page.markup)
    assert found.reader == "trafilatura"
    assert doc.text == str(trafilatura.bare_extraction(page.markup).text).strip() + "\n"
    assert page.says in " ".join(doc.text.split())
    for chrome in CHROME:
        assert chrome not in doc.text
    declared = [(page.title, doc.title), (page.source, doc.source), (page.published, doc.published)]
    assert all(mine == got for mine, got in declared if mine is not None)
    if page.published is None:
        assert doc.published is None  # no date in the markup: unknown, never today's
    _check_claims(doc)


def _check_claims(doc: crosscheck.Document) -> None:
    report = crosscheck.check([doc])
    assert report.claims
    for claim in report.claims:
        assert doc.text[claim.span.start : claim.span.end] == claim.text
    assert crosscheck.render(report, "json") == crosscheck.render(crosscheck.check([doc]), "json")


def test_the_dateline_of_a_page_is_no_claim(tmp_path: Path) -> None:
    """ "RIVERTON, March 4 —" opening the article is neither a date claim nor the lead's event date."""
    doc = _load(tmp_path, PAGES[0])
    claims = crosscheck.check([doc]).claims
    assert not any(c.kind == "date" and c.text == "March 4" for c in claims)
    lead = next(c for c in claims if c.text == "At least 12 people")
    assert lead.about.actor != "March"
    assert lead.about.when is not None and lead.about.when.earliest == dt.date(2024, 3, 4)  # "on Monday"


def test_a_page_without_metadata_takes_its_dateline_date(tmp_path: Path) -> None:
    """No date in the markup: a dateline with a year gives it, marked inferred."""
    markup = BARE_PAGE.replace("<p>The school board", "<p>EASTON, Nov. 12, 2024 — The school board")
    doc = _load(tmp_path, Page("easton", markup, None, None, None, ""))
    assert (doc.published, doc.published_inferred) == (dt.date(2024, 11, 12), True)


@pytest.mark.parametrize("page", PAGES[:3], ids=lambda p: p.name)
def test_the_manifest_wins_over_the_page(tmp_path: Path, page: Page) -> None:
    """What the manifest gives is kept; what it leaves out comes from the page."""
    manifest = f'[files."{page.name}.html"]\nsource = "Wire copy"\npublished = 2020-01-02\n'
    doc = _load(tmp_path, page, manifest)
    assert (doc.source, doc.published, doc.title) == ("Wire copy", dt.date(2020, 1, 2), page.title)


def test_read_page_takes_trafilaturas_text_and_fills_metadata_gaps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stand-in's text is the text; the declared metadata wins; its own fills what the page leaves out."""
    found = types.SimpleNamespace(
        text="School board meeting\nThe board voted 5 to 2.",
        title="School board meeting",
        sitename="Easton Herald",
        date="2024-11-12",
        url=None,
    )
    _fake_trafilatura(monkeypatch, lambda markup, **kw: found)
    page = read_page(BARE_PAGE)
    assert page.text == "School board meeting\nThe board voted 5 to 2.\n"
    assert (page.title, page.source, page.published, page.reader) == (
        "School board meeting",
        "Easton Herald",
        dt.date(2024, 11, 12),
        "trafilatura",
    )
    declared = read_page(META_PAGE)
    assert (declared.title, declared.source, declared.published) == PAGES[0][2:5]


def test_read_page_keeps_the_builtin_paragraphs_when_only_breaks_are_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """trafilatura's rescue of a short page joins headline and paragraphs on one line: same words, so the
    built-in text, which keeps the headline out of the lead sentence, is kept."""
    builtin = html_article(META_PAGE)
    flat = " ".join(builtin.text.split())
    _fake_trafilatura(monkeypatch, lambda markup, **kw: types.SimpleNamespace(text=flat))
    page = read_page(META_PAGE)
    assert (page.text, page.reader) == (builtin.text, "builtin")


def test_a_page_of_only_chrome_is_refused_with_or_without_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trafilatura would return the menu of a page with no article: the page is refused either way."""
    _fake_trafilatura(monkeypatch, lambda markup, **kw: types.SimpleNamespace(text="Menu"))
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    with pytest.raises(crosscheck.DocumentError, match=r"empty\.html: no article text in this HTML page"):
        crosscheck.load_documents(path)


def test_a_failing_trafilatura_falls_back_with_a_one_line_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An extractor error on one page: the built-in reader reads it, and the warning names the file."""

    def broken(markup: str, **kw: object) -> object:
        raise ValueError("bad tree")

    _fake_trafilatura(monkeypatch, broken)
    with pytest.warns(InputWarning) as caught:
        doc = _load(tmp_path, PAGES[1])
    assert doc.text == html_article(JSONLD_PAGE).text and doc.source == "Valley Daily"
    (message,) = [str(w.message) for w in caught]
    assert (
        message
        == f"{tmp_path}/jsonld.html: trafilatura failed on this page (ValueError); read with the built-in reader"
    )


def test_a_broken_install_is_named_once_per_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura installed but not importable (a missing dependency): built-in reader, one-line warning."""
    import importlib

    real = importlib.import_module

    def fail(name: str, package: str | None = None) -> types.ModuleType:
        if name == "trafilatura":
            raise ImportError("lxml.html.clean is now a separate project.\nInstall lxml_html_clean.")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fail)
    with pytest.warns(InputWarning) as caught:
        doc = _load(tmp_path, PAGES[0])
    assert doc.source == "The Riverton Courier"
    (message,) = [str(w.message) for w in caught]
    assert "\n" not in message
    assert message.startswith(f"{tmp_path}/meta.html: trafilatura cannot be imported (lxml.html.clean")


def test_trafilatura_output_is_the_same_bytes_every_run(tmp_path: Path) -> None:
    """Two loads of the same pages, in another order: the same documents and the same JSON report."""
    pytest.importorskip("trafilatura")
    for page in PAGES:
        (tmp_path / f"{page.name}.html").write_text(page.markup, encoding="utf-8")
    first = crosscheck.load_documents(tmp_path)
    for page in reversed(PAGES):
        read_page(page.markup)
    second = crosscheck.load_documents(tmp_path)
    assert first == second
    assert crosscheck.render(crosscheck.check(first), "json") == crosscheck.render(
        crosscheck.check(second), "json"
    )
