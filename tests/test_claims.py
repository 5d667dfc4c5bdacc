"""Claims: what becomes a claim, what does not, and what each claim is about."""

from __future__ import annotations

import pytest

from crosscheck.claims import extract

from .conftest import make_doc


def _quantities(text: str) -> list[str]:
    return [c.text for c in extract(make_doc("d", text)) if c.kind == "quantity"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cpl. Janice Leader, a 911 dispatcher, said 12 people called.", ["12 people"]),
        ("Ships carry over nearly $100 billion of trade each year.", []),
        ("He served 41 / 2 months in prison.", []),
        ("Call police on 0845 125 2222 now.", []),
        ("Posted at 10:04 am on May 14, 2013 with 300 comments", []),
        ("Beijing sent more than 2,000 troops.", ["more than 2,000 troops"]),
    ],
)
def test_noise_is_not_a_claim(text: str, expected: list[str]) -> None:
    """Emergency numbers, stacked qualifiers, fractions, phone numbers and page metadata make no claim."""
    assert _quantities(text) == expected


def test_rates_are_not_totals() -> None:
    """ "$23 million per season" is a rate (unit USD/season), never compared with a total."""
    (claim,) = [
        c for c in extract(make_doc("d", "They offered $23 million per season.")) if c.kind == "quantity"
    ]
    assert claim.value.unit == "USD/season"  # type: ignore[union-attr]


def test_claims_know_their_actor_and_pronoun_subjects() -> None:
    """The actor comes from aliases or the sentence's first name; a pronoun subject is marked unresolved."""
    doc = make_doc(
        "d",
        "In September, Beijing sent more than 2,000 troops. He had 53 catches for 605 yards. "
        "Jamaal Charles rushed for 226 yards.",
    )
    about = {c.text: c.about for c in extract(doc) if c.kind == "quantity"}
    assert about["more than 2,000 troops"].actor == "China"
    assert about["53 catches"].unresolved_subject
    assert about["226 yards"].actor == "Charles"
    for claim in extract(doc):
        assert doc.text[claim.span.start : claim.span.end] == claim.text
