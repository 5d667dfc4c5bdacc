"""The fact table (issue 13 item 1): one row per fact, one column per source, in every format."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

import crosscheck
from crosscheck import Document, Report
from crosscheck.cli import main
from crosscheck.model import Verdict
from crosscheck.render import render
from crosscheck.render._common import cell_text, fact_table, lead_claims
from crosscheck.render.terminal import render_terminal

from .conftest import SEEDS, make_doc
from .test_render_formats import write_conflict_seeds

# Three outlets on one bridge collapse, none copying another: a toll that grew, and one undated wire.
BRIDGE = (
    make_doc(
        "gazette",
        "RIVERTON — Two people died when the Old Mill Bridge collapsed into the river on Monday, the fire "
        "chief said.\nRescuers searched the water through the night.\n",
        "2025-03-03",
        "Riverton Gazette",
    ),
    make_doc(
        "valley",
        "The death toll from the collapse of the Old Mill Bridge rose to three people on Tuesday, according "
        "to county officials.\nEngineers had inspected the span in 2021.\n",
        "2025-03-04",
        "Valley News",
    ),
    make_doc(
        "wire",
        "Three people were killed in Monday's collapse of the Old Mill Bridge in Riverton, a hospital "
        "spokeswoman said.\nTraffic was diverted downstream.\n",
        None,
        "County Wire",
    ),
)


@pytest.fixture(scope="module")
def bridge() -> Report:
    return crosscheck.check(BRIDGE)


@pytest.fixture(scope="module")
def conflict_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    report = crosscheck.check(crosscheck.load_documents(write_conflict_seeds(tmp_path_factory.mktemp("c"))))
    assert len(report.conflicts) == 1
    return report


def _deaths(report: Report) -> crosscheck.Group:
    return next(
        g for g in report.groups if {c.text.casefold() for c in g.claims} >= {"two people", "three people"}
    )


_ROW_START = re.compile(r"[✓✗?·] (agreement|conflict|possible conflict|single source)")


def _row(text: str, needle: str) -> list[str]:
    """The lines of a terminal table row: from the line holding ``needle`` to the next row (its
    verdict), a blank line or the origin line under the table (rows are not spaced apart)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if needle in line)
    end = next(
        (
            i
            for i in range(start + 1, len(lines))
            if not lines[i].strip()
            or _ROW_START.search(lines[i])
            or lines[i].lstrip().startswith(("origin ", "every column"))
        ),
        len(lines),
    )
    return lines[start:end]


def test_terminal_table_puts_each_value_under_its_source(bridge: Report) -> None:
    """The deaths row: "Two people" under the Gazette, "three people" under Valley News, "Three people"
    under the undated wire, and the verdict with its confidence."""
    group = _deaths(bridge)
    assert group.verdict is not Verdict.SINGLE_SOURCE and group.confidence is not None
    out = render_terminal(bridge, width=120)
    head = next(line for line in out.splitlines() if "Riverton Gazette" in line and "Valley News" in line)
    columns = [head.index("Riverton Gazette"), head.index("Valley News"), head.index("County Wire")]
    assert columns == sorted(columns)
    row = _row(out, "Two people")
    first = row[0]
    assert first.index("Two people") == columns[0]
    assert first.index("three people") == columns[1]
    assert first.index("Three people") == columns[2]
    verdict = " ".join(row)
    assert f"{group.confidence:.2f}" in verdict
    assert ("possible" if group.verdict is Verdict.POSSIBLE_CONFLICT else group.verdict.value) in verdict
    dates = next(line for line in out.splitlines() if "2025-03-03" in line and "no date" in line)
    assert dates.index("2025-03-03") < dates.index("2025-03-04") < dates.index("no date")


def test_the_table_comes_first_and_counts_single_source(bridge: Report) -> None:
    """Summary, then the table, then the findings; single-source claims are one line until asked for."""
    out = render_terminal(bridge, width=100)
    assert out.index("FACTS (") < out.index("Two people") < out.index("CONFLICTS (")
    n = len(bridge.single_source)
    assert n > 0
    claims = "claim" if n == 1 else "claims"
    assert f"{n} single-source {claims} (one document each); --all lists them" in out
    inspected = next(g for g in bridge.single_source if g.claims[0].text == "in 2021")
    assert inspected.id not in out and '"in 2021"' not in out
    everything = render_terminal(bridge, width=100, single_source=True)
    assert inspected.id in everything and "listed in the table" in everything
    table = everything[everything.index("FACTS (") : everything.index("CONFLICTS (")]
    assert "single source" in table and "in 2021" in table


def test_rows_run_conflicts_then_possible_conflicts_then_agreements(conflict_report: Report) -> None:
    """The edited seeds: the conflict row first, agreements after it, no single-source row."""
    table = fact_table(conflict_report)
    verdicts = [g.verdict for g in table.rows]
    rank = {Verdict.CONFLICT: 0, Verdict.POSSIBLE_CONFLICT: 1, Verdict.AGREEMENT: 2}
    assert verdicts[0] is Verdict.CONFLICT and verdicts == sorted(verdicts, key=rank.__getitem__)
    assert len(table.rows) == len(conflict_report.groups) - len(conflict_report.single_source)
    out = render_terminal(conflict_report, width=140)  # narrower, the cells wrap "1,500 / soldiers"
    first = " ".join(_row(out, "troops sent by China"))
    assert "✗ conflict" in first and "(numeric)" in first
    assert "2,000 troops" in first and "1,500 soldiers" in first
    assert out.index("troops sent by China") < out.index("✓ agreement")


def test_columns_are_grouped_by_origin(conflict_report: Report) -> None:
    """AP and 002 carry the same wire copy: side by side, one origin letter, and the line that says so."""
    table = fact_table(conflict_report)
    ids = [d.id for d in table.columns]
    ap, copy = ids.index("000_95279f800b99fdd1"), ids.index("002_802931a856429f27")
    assert abs(ap - copy) == 1
    assert table.origin_name(ids[ap]) == table.origin_name(ids[copy])
    out = render_terminal(conflict_report, width=120)
    assert f"origin {table.origin_name(ids[ap])}: Associated Press, 002_802931a856429f27" in out


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_table_fits_the_width(conflict_report: Report, bridge: Report, width: int) -> None:
    """No line of the report is wider than the console, and every source of the table is named."""
    for report in (conflict_report, bridge):
        out = render_terminal(report, width=width)
        assert max(len(line) for line in out.splitlines()) <= width
        table = out[out.index("FACTS (") : out.index("CONFLICTS (")]
        for doc in fact_table(report).columns:
            assert doc.label[:10] in table


def _many_sources(n: int) -> list[Document]:
    return [
        make_doc(
            f"d{i:02d}",
            f"Officials said 12 warships joined the drills on Sunday, outlet {i} reported.\n",
            f"2023-07-{10 + i:02d}",
            f"Outlet Number {i}",
        )
        for i in range(n)
    ]


def test_many_sources_fold_into_tables_that_fit() -> None:
    """Nine sources at 80 columns: the table folds into several, each of the same rows, none too wide,
    every source a column of one of them."""
    report = crosscheck.check(_many_sources(9))
    rows = fact_table(report).rows
    assert rows, "nine outlets saying 12 warships make a fact"
    out = render_terminal(report, width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
    parts = re.findall(r"table (\d+) of (\d+): the sources folded to fit the width", out)
    assert len(parts) >= 2 and {total for _, total in parts} == {str(len(parts))}
    table = out[out.index("FACTS (") : out.index("CONFLICTS (")]
    for i in range(9):
        assert f"Number {i}" in table
    wide = render_terminal(report, width=240)
    for group in rows:  # every part repeats every row
        assert table.count(group.id) == len(parts)
    assert "folded" not in wide


def test_markdown_table_escapes_pipes_and_line_breaks() -> None:
    """A source called "A|B\\nNews" stays one header cell; each row has as many cells as the header."""
    docs = [
        make_doc("a", "Officials said 12 warships joined the drills on Sunday.\n", source="A|B\nNews"),
        make_doc("b", "Officials said 12 warships joined the drills on Sunday.\n", "2023-07-18", "Other"),
    ]
    report = crosscheck.check(docs)
    md = render(report, "markdown")
    lines = md.splitlines()
    header = next(line for line in lines if line.startswith("| Fact | Verdict |"))
    assert r"A\|B News" in header
    cells = len(re.split(r"(?<!\\)\|", header))
    rows = [line for line in lines if line.startswith("| ") and line is not header]
    assert rows
    for row in rows:
        assert len(re.split(r"(?<!\\)\|", row)) == cells, row
    body = [r for r in rows if "12 warships" in r]
    assert body and all("agreement" in r for r in body)


def test_markdown_table_first_and_single_source_on_request(conflict_report: Report) -> None:
    md = render(conflict_report, "markdown")
    assert md.index("## Facts (") < md.index("## Conflicts (1)")
    facts = md[md.index("## Facts (") : md.index("## Conflicts (1)")]
    first_row = next(line for line in facts.splitlines() if line.startswith("| troops"))
    assert "✗ conflict (numeric)" in first_row and "more than 2,000 troops" in first_row
    assert "1,500 soldiers" in first_row
    n = len(conflict_report.single_source)
    assert f"{n} single-source claims (one document each); --all lists them." in facts
    assert "single source" not in facts
    full = render(conflict_report, "markdown", single_source=True)
    assert full.count("· single source") == n


def test_html_matrix_cells_link_to_their_spans(conflict_report: Report) -> None:
    """The matrix is above the documents; every cell link's target is a mark in the documents that
    starts with its claim's text."""
    html = render(conflict_report, "html")
    assert html.index('id="fact-table"') < html.index('id="findings"') < html.index('id="docs"')
    matrix = html[html.index('id="fact-table"') : html.index("</table>")]
    links = re.findall(r'<a href="#claim-(\d+)" data-claim="\d+">([^<]*)</a>', matrix)
    table = fact_table(conflict_report)
    # a cell links the figures (`lead_claims`), not the events folded in with them
    assert len(links) == sum(len(lead_claims(g)) for g in table.rows)
    for number, text in links:
        claim = conflict_report.claims[int(number)]
        anchor = re.search(rf'id="claim-{number}"[^>]*>([^<]*)', html)
        assert anchor is not None, number
        assert claim.text.startswith(unescape(anchor.group(1)) or claim.text)
        assert unescape(text).startswith(claim.text)
    heads = re.findall(r'<button type="button" data-col="(\d+)">', matrix)
    assert heads == [str(n) for n in range(2 + len(table.columns))]
    assert 'class="fact v-single_source"' not in matrix
    full = render(conflict_report, "html", single_source=True)
    assert full.count('class="fact v-single_source"') == len(conflict_report.single_source)


def test_cell_text_names_relative_dates_and_joins_claims(seed_report: Report) -> None:
    """ "on Wednesday" reads as "on Wednesday (2022-11-30)"; two claims of one document share a cell."""
    group = next(g for g in seed_report.groups if any(c.text == "on Wednesday" for c in g.claims))
    cell = cell_text(group, "000_95279f800b99fdd1")
    assert cell.startswith("on Wednesday (2022-11-30)")


def test_cli_all_lists_single_source(capsys: pytest.CaptureFixture[str]) -> None:
    """`crosscheck report seeds/` counts single-source claims; `--all` lists each with its group id."""
    report = crosscheck.check(crosscheck.load_documents(SEEDS))
    assert main(["report", str(SEEDS), "--jobs", "1"]) == 0
    short = capsys.readouterr().out
    assert main(["report", str(SEEDS), "--jobs", "1", "--all"]) == 0
    full = capsys.readouterr().out
    singles = report.single_source
    assert f"{len(singles)} single-source claims (one document each); --all lists them" in short
    assert all(f"[{g.id}]" not in short for g in singles)
    assert all(f"[{g.id}]" in full for g in singles)
    for group in report.groups:
        if group.verdict is not Verdict.SINGLE_SOURCE:
            assert group.id in short[short.index("FACTS (") : short.index("CONFLICTS (")]
    assert len(short.splitlines()) < len(full.splitlines())


def test_cli_all_in_markdown_file(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert (
        main(["report", str(SEEDS), "--jobs", "1", "--format", "markdown", "--all", "--out", str(out)]) == 0
    )
    assert "· single source" in out.read_text(encoding="utf-8")
