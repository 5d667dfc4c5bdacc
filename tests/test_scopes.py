"""What a count covers (scopes.py): golden rows text -> scope, and what a fact-checker sees of it."""

from __future__ import annotations

import pytest

import crosscheck
from crosscheck.claims import extract

from .conftest import make_doc

# (sentence, the claim's text, its scope)
ROWS = [
    ("The tsunami killed 170,000 people in the province.", "170,000 people", "province"),
    ("The tsunami killed 230,000 people in 13 countries around the ocean.", "230,000 people", "13 countries"),
    ("The wave killed 170,000 people in Sumatra alone.", "170,000 people", "sumatra alone"),
    ("A tsunami killed 230,000 people across Asia.", "230,000 people", "asia"),
    ("In neighbouring Central Aceh district, 10 people were killed.", "10 people", "central aceh district"),
    ("Twelve people were killed nationwide.", "Twelve people", "nationwide"),
    ("Four people were injured in the province on Monday.", "Four people", "province"),
    ("It was the sixth such patrol in the region.", "sixth such patrol", "area"),  # [words]: region = area
    # no place: an event, a date or a plain noun is no scope
    ("Twelve people were killed in the blast on Monday.", "Twelve people", None),
    ("In 2004, a tsunami killed 230,000 people.", "230,000 people", None),
    ("In March, 12 people died.", "12 people", None),
    ("Three people died in hospital.", "Three people", None),
]


@pytest.mark.parametrize(("text", "claim_text", "scope"), ROWS)
def test_the_scope_of_a_count(text: str, claim_text: str, scope: str | None) -> None:
    claims = {c.text: c for c in extract(make_doc("x", text)) if c.kind in ("quantity", "ordinal")}
    assert claim_text in claims, sorted(claims)
    claim = claims[claim_text]
    assert claim.about.scope == scope
    assert make_doc("x", text).text[claim.span.start : claim.span.end] == claim.text


def test_counts_over_different_places_are_at_most_a_possible_conflict() -> None:
    report = crosscheck.check(
        [
            make_doc("a", "The quake on Monday killed 170,000 people in the province, officials said."),
            make_doc("b", "The quake on Monday killed 230,000 people in 13 countries, officials said."),
        ]
    )
    assert report.conflicts == ()
    for group in report.possible_conflicts:
        assert "counted over different places" in group.explanation


def test_counts_over_one_place_told_two_ways_still_conflict() -> None:
    report = crosscheck.check(
        [
            make_doc("a", "The quake on Monday killed 12 people in the province, officials said."),
            make_doc("b", "The quake on Monday killed 15 people in Aceh province, officials said."),
        ]
    )
    assert len(report.conflicts) == 1, [g.explanation for g in report.groups]
