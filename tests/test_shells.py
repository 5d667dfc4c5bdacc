"""Thin shells over the library (issue 13 item 7): the JSON contract's one home, one reading order."""

from __future__ import annotations

import json

import crosscheck
from crosscheck import Report, Verdict
from crosscheck.model import value_dict
from crosscheck.render import render, to_json
from crosscheck.render.sections import SECTIONS, sections

from .conftest import make_doc

TROOPS = "In September, {who} sent {n} to take part in a joint exercise with Russia. It was {day}."


def _report() -> Report:
    return crosscheck.check(
        [
            make_doc(
                "a", TROOPS.format(who="Beijing", n="more than 2,000 troops", day="in 2021"), source="AP"
            ),
            make_doc("b", TROOPS.format(who="China", n="1,500 soldiers", day="cold"), source="Reuters"),
        ]
    )


def test_the_contract_lives_in_render_to_json() -> None:
    """`Report.to_dict()` is `render.to_json.report_dict`; `--format json` prints exactly it."""
    report = _report()
    assert report.to_dict() == to_json.report_dict(report)
    assert json.loads(render(report, "json")) == to_json.report_dict(report)
    assert render(report, "json") == json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    claim = report.claims[0]
    assert value_dict(claim.value) == to_json.value_dict(claim.value) == to_json.claim_dict(claim)["value"]
    assert to_json.group_dict(report.groups[0])["id"] == report.groups[0].id


def test_one_reading_order_in_every_format() -> None:
    """Terminal, Markdown and HTML show the findings' sections in `SECTIONS` order, each counted."""
    report = _report()
    assert [s.verdict for s in SECTIONS] == [
        Verdict.CONFLICT,
        Verdict.POSSIBLE_CONFLICT,
        Verdict.AGREEMENT,
        Verdict.SINGLE_SOURCE,
    ]
    parts = sections(report)
    assert sum(len(s.groups) for s in parts) == len(report.groups)
    assert all(g.verdict is s.verdict for s in parts for g in s.groups)
    for fmt, facts, heading in (
        ("terminal", "FACTS (", lambda s: f"{s.title.upper()} ({len(s.groups)})"),
        ("markdown", "## Facts (", lambda s: f"## {s.title} ({len(s.groups)})"),
        ("html", 'id="facts"', lambda s: f'<h2 class="v-{s.key}">{s.title} ({len(s.groups)})</h2>'),
    ):
        out = render(report, fmt)
        places = [out.index(heading(s)) for s in parts]
        assert out.index(facts) < places[0] and places == sorted(places), fmt
