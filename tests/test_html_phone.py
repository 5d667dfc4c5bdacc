"""The HTML report's phone and keyboard markup (what tests/test_browser.py drives in Chromium): claims,
findings and fact rows in the Tab order, a tab per document, a link per finding, the legend and the
shared-copy summary; same bytes every run, source text escaped."""

from __future__ import annotations

import re
from html import unescape

import pytest

import crosscheck
from crosscheck import Report
from crosscheck.render import render

from .conftest import make_doc
from .test_render_formats import _hostile_report, _parse


@pytest.fixture(scope="module")
def html(conflict_report: Report) -> str:
    return render(conflict_report, "html")


@pytest.fixture(scope="module")
def conflict_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    from .test_render_formats import write_conflict_seeds

    folder = write_conflict_seeds(tmp_path_factory.mktemp("phone"))
    return crosscheck.check(crosscheck.load_documents(folder))


def test_same_report_same_bytes(conflict_report: Report, html: str) -> None:
    assert render(conflict_report, "html") == html


def test_every_claim_with_a_group_is_in_the_tab_order(conflict_report: Report, html: str) -> None:
    """A mark of a claim in a group is focusable; a mark whose group a filter dropped is not; every
    finding card and fact-table row is focusable."""
    page = _parse(html)
    marks = [attrs for tag, attrs in page.tags if tag == "mark"]
    assert marks
    for attrs in marks:
        grouped = "v-none" not in (attrs.get("class") or "")
        assert (attrs.get("tabindex") == "0") is grouped, attrs
    cards = [attrs for tag, attrs in page.tags if tag == "article" and "group" in (attrs.get("class") or "")]
    assert len(cards) == len(conflict_report.groups)
    assert all(attrs.get("tabindex") == "0" for attrs in cards)
    rows = [attrs for tag, attrs in page.tags if tag == "tr" and "fact" in (attrs.get("class") or "").split()]
    assert rows and all(attrs.get("tabindex") == "0" for attrs in rows)

    filtered = Report(
        documents=conflict_report.documents, claims=conflict_report.claims, groups=conflict_report.conflicts
    )
    marks = [attrs for tag, attrs in _parse(render(filtered, "html")).tags if tag == "mark"]
    assert any("v-none" in (a.get("class") or "") and "tabindex" not in a for a in marks)


def test_every_finding_has_a_link_by_its_id(conflict_report: Report, html: str) -> None:
    """Each finding's heading carries its id (``#g0001`` lands on it) and a link to itself; the fact
    table's topic links to the same anchor."""
    for group in conflict_report.groups:
        assert html.count(f'id="{group.id}"') == 1
        assert f'<a class="permalink" href="#{group.id}"' in html
    first = conflict_report.groups[0]
    matrix = html[html.index('id="fact-table"') : html.index("</table>")]
    assert f'<a href="#{first.id}" data-group="0">' in matrix


def test_one_tab_per_document(conflict_report: Report, html: str) -> None:
    """A tab list holds one tab per document, in order, controlling that document's column; the first
    is selected."""
    tabs = re.findall(
        r'<button type="button" role="tab" id="tab-(\d+)" aria-controls="doc-(\d+)" '
        r'aria-selected="(true|false)" tabindex="(0|-1)">([^<]*)</button>',
        html,
    )
    assert [(t[0], t[1]) for t in tabs] == [(str(n), str(n)) for n in range(len(conflict_report.documents))]
    assert [t[2] for t in tabs] == ["true"] + ["false"] * (len(tabs) - 1)
    assert [t[3] for t in tabs] == ["0"] + ["-1"] * (len(tabs) - 1)
    assert [unescape(t[4]) for t in tabs] == [d.label for d in conflict_report.documents]
    assert html.index('role="tablist"') < html.index('id="docs"')


def test_the_legend_names_each_mark(html: str) -> None:
    legend = html[html.index('<ul class="legend"') : html.index("</ul>", html.index('<ul class="legend"'))]
    swatches = re.findall(r'<span class="swatch v-(\w+)">([^<]+)</span>', legend)
    assert swatches == [
        ("conflict", "conflict"),
        ("possible_conflict", "possible conflict"),
        ("agreement", "agreement"),
        ("single_source", "single-source"),
    ]
    assert html.index('class="legend"') < html.index('id="fact-table"')


def test_the_shared_copy_is_summarised_at_the_top(conflict_report: Report, html: str) -> None:
    """Each pair of documents carrying the same copy is named above the fact table; a report without
    shared copy says so."""
    top = unescape(html[html.index('id="shared-copy"') : html.index('id="fact-table"')])
    assert len(conflict_report.shared_passages) == 2
    for a, b, n in conflict_report.shared_passages:
        label_a, label_b = conflict_report.document(a).label, conflict_report.document(b).label
        assert f"{label_a} and {label_b} share {n} copied or rewritten sentences" in top
    alone = crosscheck.check([make_doc("a", "Officials said 12 warships joined.\n")])
    assert "no two documents share copied or rewritten sentences" in render(alone, "html")


def test_tabs_and_shared_copy_escape_source_text() -> None:
    """Labels with markup appear escaped in the tabs and the shared-copy line."""
    report = _hostile_report()
    html = render(report, "html")
    tabs = html[html.index('role="tablist"') : html.index('id="docs"')]
    assert "<A>" not in tabs and "&lt;A&gt;" in tabs and "<img" not in tabs
    assert html.count("<script") == 2
