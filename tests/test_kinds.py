"""One home per claim kind: every kind has a full `Kind` entry in `KINDS`, the verdict and the
renderers read it, and a kind with no entry is a clear error naming it."""

from __future__ import annotations

import json
from typing import get_args

import attrs
import pytest

import crosscheck
from crosscheck import kinds
from crosscheck.conflicts import IDENTIFIED
from crosscheck.kinds import KINDS, Kind, UnknownKindError, kind_of
from crosscheck.model import Claim, ClaimKind, ConflictType, Document, Report, Verdict
from crosscheck.pipeline import check_claims
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


def _death_tolls() -> tuple[list[Document], list[Claim]]:
    """Two outlets' death tolls, extracted as quantities, then made claims of a kind of their own."""
    docs = [
        make_doc("a", "The fire killed 12 people on Monday, officials said.", source="AP"),
        make_doc("b", "The fire killed 30 people on Monday, officials said.", source="Reuters"),
    ]
    claims = [
        attrs.evolve(c, kind="toll") if c.kind == "quantity" else c  # type: ignore[arg-type]
        for c in crosscheck.check(docs).claims
    ]
    return docs, claims


def _toll_kind() -> Kind:
    """A new kind, one entry: a death toll, written and worded its own way."""
    quantity = KINDS["quantity"]
    return attrs.evolve(
        quantity,
        name="toll",
        conflict_type=ConflictType.COUNT,
        single_source="gives a toll for",
        topic_head=lambda claim: ("death toll", False),
        folded_topic=lambda claims, events, event, place: f"death toll as {events[0].text}",
        to_json=lambda value: {**quantity.to_json(value), "type": "toll"},
    )


def test_a_new_kind_is_one_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kind the pipeline has never seen goes through alignment, the verdict and the JSON report
    by its `KINDS` entry alone: its conflict type, its topic, its JSON."""
    docs, claims = _death_tolls()
    monkeypatch.setattr(kinds, "KINDS", {**KINDS, "toll": _toll_kind()})
    report = check_claims(docs, claims)
    tolls = [g for g in report.groups if g.claims[0].kind == "toll"]
    assert [(g.verdict, g.conflict_type, g.topic) for g in tolls] == [
        (Verdict.CONFLICT, ConflictType.COUNT, "death toll as The fire killed 12 people")
    ]
    assert tolls[0].explanation.startswith(
        'count conflict on death toll as The fire killed 12 people: AP says "12'
    )
    data = json.loads(render(report, "json"))
    assert {c["value"]["type"] for c in data["claims"] if c["kind"] == "toll"} == {"toll"}


def test_a_single_source_is_worded_by_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    docs, claims = _death_tolls()
    monkeypatch.setattr(kinds, "KINDS", {**KINDS, "toll": _toll_kind()})
    report = check_claims(docs[:1], [c for c in claims if c.document == "a"])
    (toll,) = [g for g in report.groups if g.claims[0].kind == "toll"]
    assert toll.explanation.startswith(
        'Only AP gives a toll for death toll as The fire killed 12 people: "12 people"'
    )


def test_a_kind_without_an_entry_is_named_by_the_verdict() -> None:
    """Without its entry, the same claims stop the check with the kind's name (it was a bare
    ``KeyError: 'toll'`` deep in `verdict`)."""
    docs, claims = _death_tolls()
    with pytest.raises(UnknownKindError, match="unknown claim kind 'toll'"):
        check_claims(docs, claims)


def test_every_kind_names_its_fact_by_a_known_rule() -> None:
    """`Kind.identified_by` is one of the conflict rules' ways of naming a fact (`conflicts.IDENTIFIED`)."""
    assert {k.identified_by for k in KINDS.values()} <= set(IDENTIFIED)


@pytest.mark.parametrize(
    ("kind", "conflict"),
    [("quantity", ConflictType.NUMERIC), ("ordinal", ConflictType.COUNT), ("date", ConflictType.DATE)],
)
def test_the_seeds_conflicts_are_typed_by_their_kind(
    kind: str, conflict: ConflictType, seed_report: Report
) -> None:
    """Each finding's conflict type is its kind's (`Kind.conflict_type`), save a denial, a
    misattribution or an update."""
    typed = {
        g.conflict_type
        for g in seed_report.groups
        if g.claims[0].kind == kind and g.conflict_type is not None
    } - {ConflictType.POLARITY, ConflictType.ATTRIBUTION, ConflictType.UPDATED}
    assert KINDS[kind].conflict_type is conflict
    assert typed <= {conflict}


def test_each_kind_compares_its_values_and_says_why_they_clash() -> None:
    # `values.compatible` and `values.why_incompatible` compare two values by the comparison of
    # their kind's entry: one home per kind, whichever door a caller uses.
    from crosscheck import values
    from crosscheck.claims import extract

    texts = (
        "Police said 12 people died in the blast on Monday, the sixth attack since May.",
        "Police said 15 people died in the blast on Tuesday, the fifth attack since May.",
    )
    a, b = (
        {c.kind: c for c in reversed(extract(make_doc(f"d{n}", t, published="2024-03-06")))}
        for n, t in enumerate(texts)
    )  # each kind's first claim: "12 people", "sixth attack", "on Monday"
    for kind in ("quantity", "ordinal", "date"):
        x, y = a[kind].value, b[kind].value
        entry = KINDS[kind]
        assert isinstance(x, entry.value_type)
        assert entry.compatible(x, y) is values.compatible(x, y) is False
        assert entry.why_incompatible(x, y) == values.why_incompatible(x, y)
        assert entry.compatible(x, x) is True
    assert values.compatible(a["quantity"].value, a["date"].value) is False
