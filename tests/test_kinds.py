"""One home per claim kind: every kind has a full `Kind` entry in `KINDS`, the verdict and the
renderers read it, and a kind with no entry is a clear error naming it."""

from __future__ import annotations

import json
from typing import get_args

import attrs
import pytest

import crosscheck
from crosscheck import kinds
from crosscheck.kinds import KINDS, Kind, UnknownKindError, kind_of
from crosscheck.model import Claim, ClaimKind, Report
from crosscheck.render import render, to_json

from .conftest import make_doc


def test_every_claim_kind_has_an_entry_and_only_those() -> None:
    assert sorted(KINDS) == sorted(get_args(ClaimKind))


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_gives_every_field(name: str) -> None:
    entry = KINDS[name]
    assert entry.name == name
    for field in attrs.fields(Kind):
        value = getattr(entry, field.name)
        assert value is not None, f"{name}.{field.name} is not given"
        if field.type is not None and "Callable" in str(field.type):
            assert callable(value), f"{name}.{field.name} is not callable"


def test_an_unknown_kind_is_named() -> None:
    with pytest.raises(
        UnknownKindError, match=r"unknown claim kind 'percentage'.*quantity, ordinal, date, event"
    ):
        kind_of("percentage")


def test_every_seed_claim_is_written_by_its_kind(seed_report: Report) -> None:
    """The JSON of each claim's value is its kind's `to_json`, and each kind appears in the seeds."""
    seen = set()
    for claim in seed_report.claims:
        seen.add(claim.kind)
        assert to_json.claim_dict(claim)["value"] == KINDS[claim.kind].to_json(claim.value)
    assert seen == set(KINDS)


def _unknown(claim: Claim) -> Claim:
    return attrs.evolve(claim, kind="percentage")  # type: ignore[arg-type]


def test_a_renderer_names_a_kind_it_has_no_entry_for(seed_report: Report) -> None:
    """A claim of a kind nobody described stops the JSON report with the kind's name, not a KeyError."""
    claim = _unknown(seed_report.claims[0])
    report = attrs.evolve(seed_report, claims=(claim, *seed_report.claims[1:]))
    with pytest.raises(UnknownKindError, match="'percentage'"):
        render(report, "json")


def test_an_html_table_sorts_cells_by_their_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fact table's sort keys are the kinds' own: a figure's cell sorts by its amount, and by
    whatever its entry says once the entry changes."""
    docs = [
        make_doc("a", "More than 2,000 troops arrived on Monday."),
        make_doc("b", "About 1,500 troops arrived on Monday."),
    ]
    report = crosscheck.check(docs)
    assert 'data-key="2000"' in render(report, "html")
    resorted = attrs.evolve(KINDS["quantity"], sort_key=lambda claim: f"by-entry-{claim.document}")
    monkeypatch.setattr(kinds, "KINDS", {**KINDS, "quantity": resorted})
    page = render(report, "html")
    assert 'data-key="by-entry-a"' in page and 'data-key="2000"' not in page


def test_a_kind_entry_changes_what_the_report_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON a report writes for a value is read from the entry: change the entry, the JSON follows."""
    docs = [
        make_doc("a", "More than 2,000 troops arrived on Monday."),
        make_doc("b", "About 1,500 troops arrived on Monday."),
    ]
    report = crosscheck.check(docs)
    quantity = KINDS["quantity"]
    marked = attrs.evolve(quantity, to_json=lambda v: {**quantity.to_json(v), "marked": True})
    monkeypatch.setattr(kinds, "KINDS", {**KINDS, "quantity": marked})
    data = json.loads(render(report, "json"))
    values = [c["value"] for c in data["claims"] if c["kind"] == "quantity"]
    assert values and all(v["marked"] for v in values)
