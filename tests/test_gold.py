"""The hand-made gold of the seeds (tests/gold/seeds.toml): well-formed, exact spans, and met by extraction."""

from __future__ import annotations

import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import crosscheck
from crosscheck.claims import extract

ROOT = Path(__file__).resolve().parent.parent
GOLD: dict[str, Any] = tomllib.loads((ROOT / "tests" / "gold" / "seeds.toml").read_text(encoding="utf-8"))
SEEDS = {p.name[:3]: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
CLAIMS: list[dict[str, Any]] = GOLD["claim"]
EVENTS: list[dict[str, Any]] = GOLD["event"]


@pytest.mark.parametrize("row", CLAIMS + EVENTS, ids=lambda r: f"{r['seed']}:{r['start']}")
def test_span_is_exact(row: dict[str, Any]) -> None:
    """Every gold row's text is exactly the seed's characters at its offsets."""
    assert SEEDS[row["seed"]][row["start"] : row["end"]] == row["text"]


def test_every_seed_is_annotated_for_every_kind() -> None:
    """All five seeds have claims and events, and every claim kind appears in the gold."""
    assert {r["seed"] for r in CLAIMS} == set(SEEDS) == {r["seed"] for r in EVENTS}
    assert {r["kind"] for r in CLAIMS} == {"quantity", "ordinal", "date"}


def test_values_are_well_formed() -> None:
    """Quantities carry an amount and bound; dates a granularity and an ordered range or none at all."""
    for row in CLAIMS:
        if row["kind"] == "date":
            assert ("earliest" in row) == ("latest" in row), row["text"]
            if "earliest" in row:
                assert date.fromisoformat(row["earliest"]) <= date.fromisoformat(row["latest"])
        else:
            assert Decimal(row["amount"]) > 0 and row["bound"], row["text"]
    for row in EVENTS:
        assert row["polarity"] in ("affirmed", "negated")
        assert row["hedge"] in ("none", "reported", "planned", "future")


def test_no_duplicate_rows() -> None:
    """A span is annotated once per kind."""
    keys = [(r["seed"], r["kind"], r["start"], r["end"]) for r in CLAIMS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("kind", ["quantity", "ordinal", "date"])
def test_extraction_recall_on_the_gold(kind: str) -> None:
    """Extraction finds at least 90% of the gold claims of each kind at the same span, with the gold's value."""
    docs = {d.id[:3]: d for d in crosscheck.load_documents(str(ROOT / "seeds"))}
    found = {
        (seed, c.span.start, c.span.end): c for seed, d in docs.items() for c in extract(d) if c.kind == kind
    }
    gold = [r for r in CLAIMS if r["kind"] == kind]
    right = 0
    for row in gold:
        claim = found.get((row["seed"], row["start"], row["end"]))
        if claim is None:
            continue
        value: Any = claim.value
        if kind == "date":
            right += (row.get("earliest"), row.get("latest")) == (
                value.earliest and value.earliest.isoformat(),
                value.latest and value.latest.isoformat(),
            )
        else:
            right += (Decimal(row["amount"]), row["bound"], row.get("unit")) == (
                value.amount,
                value.bound,
                value.unit,
            )
    assert right / len(gold) >= 0.9, f"{right}/{len(gold)}"
