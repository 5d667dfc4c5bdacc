"""One finding, one group (issue 13 item 3) and the compact terminal report (the 60-line bound).

An event claim and the figure inside it are one fact: one group, one table row, named once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import crosscheck
from crosscheck import Report, Verdict
from crosscheck.cli import main
from crosscheck.render import render
from crosscheck.render.terminal import render_terminal
from crosscheck.store import Store

from .conftest import SEEDS, make_doc

TROOPS = "In September, {who} sent {n} to take part in a joint exercise with Russia."


def _pair(n_a: str, n_b: str) -> Report:
    return crosscheck.check(
        [
            make_doc("a", TROOPS.format(who="Beijing", n=n_a), "2022-12-01", "AP"),
            make_doc("b", TROOPS.format(who="China", n=n_b), "2022-12-02", "Reuters"),
        ]
    )


def test_an_event_and_the_figure_inside_it_are_one_group() -> None:
    """ "Beijing sent more than 2,000 troops" and "more than 2,000 troops" in it: one agreement,
    named as a phrase from the slot, the action and the actor, its quotes given once a document."""
    report = _pair("more than 2,000 troops", "more than 2,000 soldiers")
    troops = [g for g in report.groups if any("troops" in c.text for c in g.claims)]
    assert len(troops) == 1
    group = troops[0]
    assert group.verdict is Verdict.AGREEMENT
    assert {c.kind for c in group.claims} == {"quantity", "event"}
    assert group.claims[0].kind == "quantity"
    assert group.topic.startswith("troops sent by China")
    assert f"agree on {group.topic}" in group.explanation
    out = render_terminal(report, width=100, quotes=True)
    assert out.count("«more than 2,000 troops»") == 1  # the sentence is quoted once, not twice
    assert out.count(group.topic) == 1  # its finding's heading (the table row wraps it), not again


def test_a_conflict_keeps_the_event_and_names_both_figures() -> None:
    """A clash of the figures is the folded group's verdict, said of the folded topic."""
    report = _pair("more than 2,000 troops", "1,500 soldiers")
    (group,) = report.conflicts
    assert "1,500 soldiers" in {c.text for c in group.claims}
    assert "China sent 1,500 soldiers" in {c.text for c in group.claims}
    assert group.explanation.startswith(f"numeric conflict on {group.topic}: ")
    assert len(report.groups) == len({g.topic for g in report.groups})  # every fact named once
    out = render_terminal(report, width=100)
    assert f"numeric · {group.topic}" in out  # the finding's heading names it
    assert f"conflict on {group.topic}" not in out  # and the explanation under it does not again
    assert 'AP says "more than 2,000 troops" (more than 2,000); Reuters says "1,500 soldiers"' in out


def test_kind_filter_keeps_every_named_claim() -> None:
    """`kinds=["quantity"]` keeps the folded group as a quantity group without the event's claims,
    so every claim a group names is in the report (the JSON contract)."""
    narrowed = _pair("more than 2,000 troops", "1,500 soldiers").filter(kinds=["quantity"])
    ids = {c.id for c in narrowed.claims}
    assert narrowed.conflicts and all(c.id in ids for g in narrowed.groups for c in g.claims)


def test_agreements_are_rows_without_quotes_by_default() -> None:
    """The terminal report quotes conflicts; agreements are table rows, quoted with ``quotes``."""
    report = _pair("more than 2,000 troops", "more than 2,000 soldiers")
    out = render_terminal(report, width=100)
    assert f"AGREEMENTS ({len(report.agreements)}): rows of the table above; --all quotes them" in out
    assert "AP, 2022-12-01" not in out and "more than 2,000 troops" in out
    quoted = render_terminal(report, width=100, quotes=True)
    assert "AP, 2022-12-01" in quoted and "Reuters, 2022-12-02" in quoted
    conflict = render_terminal(_pair("more than 2,000 troops", "1,500 soldiers"), width=100)
    assert "AP, 2022-12-01" in conflict and "Reuters, 2022-12-02" in conflict


def test_the_seeds_report_fits_in_60_lines(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The done-when line: at 100 columns the seeds' terminal report is at most 60 lines, with every
    conflict, possible conflict and agreement a table row; --verdict single_source lists the rest."""
    monkeypatch.setenv("COLUMNS", "100")
    assert main(["report", str(SEEDS), "--no-pager", "--color", "never", "--no-config"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) <= 60, len(out.splitlines())
    assert max(len(line) for line in out.splitlines()) <= 100
    report = crosscheck.check(crosscheck.load_documents(SEEDS))
    table = out[out.index("FACTS (") : out.index("CONFLICTS (")]
    for group in report.groups:
        if group.verdict is not Verdict.SINGLE_SOURCE:
            assert group.id in table
    assert main(["report", str(SEEDS), "--no-pager", "--verdict", "single_source", "--no-config"]) == 0
    listed = capsys.readouterr().out
    assert all(g.id in listed for g in report.single_source)


def test_check_reports_progress() -> None:
    """`check(progress=)` says each document extracted, then alignment; the report is unchanged."""
    docs = [
        make_doc("a", TROOPS.format(who="Beijing", n="2,000 troops")),
        make_doc("b", TROOPS.format(who="China", n="2,000 soldiers")),
    ]
    calls: list[tuple[str, int, int]] = []
    report = crosscheck.check(docs, progress=lambda *call: calls.append(call))
    assert calls[:2] == [("extract", 1, 2), ("extract", 2, 2)]
    n = len(report.claims)
    assert calls[2:] == [("align", 0, n), ("align", n, n)]
    assert render(report, "json") == render(crosscheck.check(docs), "json")


def test_store_check_is_the_report_of_its_documents(tmp_path: Path) -> None:
    """`Store.check()` gives the report `check` gives of the stored documents, byte for byte."""
    docs = crosscheck.load_documents(SEEDS)
    with Store(tmp_path / "s.sqlite") as store:
        store.add(docs)
        stored = store.check()
    assert render(stored, "json") == render(crosscheck.check(docs), "json")
    with (
        Store(tmp_path / "empty.sqlite") as empty,
        pytest.raises(crosscheck.errors.StoreError, match="no documents"),
    ):
        empty.check()
    assert json.loads(render(stored, "json"))["summary"]["agreements"] == len(stored.agreements)


def test_topics_are_phrases_that_name_each_part_once() -> None:
    """An event's topic is a clause in the past ("Russian bombers landed in China"), its actor and
    place not repeated after it; a figure carried by an event reads "troops sent by China"."""
    text = "Russian bombers landed in China on Wednesday, and Russia flew {n} over the Sea of Japan."
    report = crosscheck.check(
        [
            make_doc("a", text.format(n="two patrols"), "2022-12-01", "AP"),
            make_doc("b", text.format(n="two patrols"), "2022-12-01", "Reuters"),
        ]
    )
    topics = {g.topic for g in report.groups}
    assert any(t.startswith("Russian bombers landed in China") for t in topics), topics
    assert not any(" · Russia · China" in t for t in topics)
    assert any(t.startswith("patrols flown by Russia · Sea of Japan") for t in topics), topics
    pair = _pair("more than 2,000 troops", "more than 2,000 soldiers")
    assert "troops sent by China · September 2022" in {g.topic for g in pair.agreements}


def test_an_event_and_its_date_in_one_document_are_one_single_source_fact() -> None:
    """ "Putin sent his troops into Ukraine on Feb. 24" is one fact only this document gives, listed
    once under --verdict single_source, named "when … sent troops in Ukraine"."""
    report = crosscheck.check(
        [
            make_doc(
                "a", "Russian President Vladimir Putin sent his troops into Ukraine on Feb. 24.", "2022-12-01"
            ),
            make_doc("b", "The weather was fine.", "2022-12-01"),
        ]
    )
    (group,) = report.single_source
    assert [c.kind for c in group.claims] == ["date", "event"]
    assert group.topic.startswith("when Russian President Vladimir Putin sent troops")
    assert f"Only a speaks of {group.topic}" in group.explanation


def test_a_figure_next_to_a_bare_event_folds_and_one_beside_another_event_does_not() -> None:
    """ "China sent" + "about 1,500 soldiers" (the event finder left out its object) is one finding;
    "first time" beside "the Chinese bombers flew", though in its sentence, stays the landing's."""
    report = _pair("more than 2,000 troops", "about 1,500 soldiers")
    (conflict,) = report.conflicts
    assert {c.text for c in conflict.claims if c.kind == "event"} >= {"Beijing sent more than 2,000 troops"}
    assert not report.single_source  # no event left alone beside its figure
    text = "As part of the drills, the Russian bombers for the first time landed in China and the Chinese bombers flew to an air base in Russia."
    both = crosscheck.check(
        [make_doc("a", text, "2022-12-01", "AP"), make_doc("b", text, "2022-12-02", "Reuters")]
    )
    flights = [g for g in both.groups if any("flew" in c.text for c in g.claims)]
    assert flights and all(g.claims[0].kind == "event" for g in flights)


def test_a_date_beside_an_event_folded_elsewhere_is_named_by_it() -> None:
    """ "In September, Beijing sent more than 2,000 troops": the event is the troops' finding, and
    the date, a fact of its own, reads "when China sent …", not "date when dispatched"."""
    report = _pair("more than 2,000 troops", "more than 2,000 soldiers")
    topics = [g.topic for g in report.groups]
    assert "troops sent by China · September 2022" in topics
    dates = [g for g in report.groups if g.claims[0].kind == "date"]
    assert [g.topic.startswith("when China sent") for g in dates] == [True]
    assert [c.kind for c in dates[0].claims] == ["date", "date"]  # named by the event, not folded


def test_asking_for_agreements_quotes_them(capsys: pytest.CaptureFixture[str]) -> None:
    """`--verdict agreement` (as `--all`) quotes each agreement under the table, sources and dates."""
    assert main(["report", str(SEEDS), "--no-pager", "--no-config", "--verdict", "agreement"]) == 0
    out = capsys.readouterr().out
    assert "Associated Press, 2022-12-01" in out and "rows of the table above" not in out
    assert "CONFLICTS (0)" in out and "SINGLE-SOURCE (0)" in out
