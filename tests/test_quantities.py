"""Quantity finding: the golden table, the seed articles, bounds, tolerance and span offsets."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from crosscheck.model import QuantityMention
from crosscheck.quantities import find_quantities
from crosscheck.segment import split_sentences

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases" / "quantities.toml").read_text(encoding="utf-8"))[
    "case"
]

# Every quantity of every seed article, in text order.
SEED_QUANTITIES: dict[str, list[str]] = {
    "000": [
        "eight-hour mission",
        "first time",
        "more than 2,000 troops",
        "more than 300 military vehicles",
        "21 combat aircraft",
        "three warships",
        "first time",
        "three branches",
        "more than doubled",
        "$10.2 billion",
    ],
    "001": [
        "five warships",
        "sixth such joint patrol",
        "five #warships",
        "four ship-borne #helicoptersdeparted",
    ],
    "002": [
        "two corvette-class ships",
        "first time",
        "more than 2,000 soldiers",
        "more than 300 military vehicles",
        "21 combat aircraft",
        "three warships",
        "more than 50,000 soldiers",
        "5,000 weapons units",
        "140 aircraft",
        "60 warships",
    ],
    "003": [
        "second in-person Quad summit",
        "second in-person summit",
        "Two Chinese bombers",
        "two Russian bombers",
    ],
    "004": [
        "approximately twenty combat drills",
        "two anti-submarine ships",
        "two corvettes",
        "five warships",
        "sixth such patrol",
    ],
}
# Years, designations, dates' day numbers and URL digits: no quantity may touch them.
_NOT_QUANTITIES = re.compile(
    r"\b(?:18|19|20)\d\d\b|Tu-95|H-6K|G-20|Feb\. 24|Nov\. 30|July 17|December 1\b|61meXb84AV"
)


def _check_invariants(text: str, found: tuple[QuantityMention, ...], doc_id: str = "d") -> None:
    previous_end = -1
    for q in found:
        assert q.span.doc_id == doc_id
        assert text[q.span.start : q.span.end] == q.text
        assert q.span.start >= previous_end, "mentions overlap or are out of order"
        previous_end = q.span.end
        assert q.text == q.text.strip()
        assert (q.noun is None) == (q.head is None)
        if q.noun is not None:
            assert q.noun == q.noun.lower() and "#" not in q.noun
            assert q.head == q.noun.split()[-1]


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:40] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    text: str = case["text"]
    found = find_quantities("d", text)
    _check_invariants(text, found)
    expected: list[dict[str, Any]] = case["expect"]
    assert [q.text for q in found] == [e["text"] for e in expected]
    for q, e in zip(found, expected, strict=True):
        v = q.value
        assert v.amount == Decimal(e["amount"]), q.text
        assert v.bound == e["bound"], q.text
        assert v.interval.low == _dec(e.get("low")), q.text
        assert v.interval.high == _dec(e.get("high")), q.text
        assert v.unit == e.get("unit"), q.text
        assert q.noun == e.get("noun"), q.text
        assert v.ordinal == e.get("ordinal", False), q.text
        assert v.interval.low_closed == (v.bound != "more_than" and v.interval.low is not None)
        assert v.interval.high_closed == (v.bound != "less_than" and v.interval.high is not None)


def test_golden_table_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert sum(1 for c in CASES if not c["expect"]) >= 10


def test_head_is_the_last_word() -> None:
    (q,) = find_quantities("d", "Beijing sent 21 combat aircraft.")
    assert (q.noun, q.head) == ("combat aircraft", "aircraft")


def test_backslash_is_not_in_the_money_span() -> None:
    text = r"to \$10.2 billion in October"
    (q,) = find_quantities("d", text)
    assert q.text == "$10.2 billion" and text[q.span.start - 1] == "\\"
    assert q.value.amount == Decimal("10200000000") and q.value.unit == "USD"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("about 200 ships", "150", "250"),
        ("nearly 200 ships", "150", "200"),
        ("approximately twenty combat drills", "15", "25"),
    ],
)
def test_tolerance_is_a_parameter(text: str, low: str, high: str) -> None:
    (q,) = find_quantities("d", text, tolerance=Decimal("0.25"))
    assert (q.value.interval.low, q.value.interval.high) == (Decimal(low), Decimal(high))


def test_window_offsets_are_into_the_whole_text() -> None:
    text = "Five ships left. Then 300 troops and three warships came. Four jets stayed."
    start = text.index("Then")
    end = text.index("Four") - 1
    found = find_quantities("doc", text, start, end)
    _check_invariants(text, found, "doc")
    assert [q.text for q in found] == ["300 troops", "three warships"]
    assert found[0].span.start == text.index("300")


def test_window_end_cuts_the_noun_phrase() -> None:
    text = "They sent 300 military vehicles."
    found = find_quantities("d", text, 0, text.index("military") + len("military"))
    assert [q.text for q in found] == ["300 military"]


def test_deterministic() -> None:
    text = (SEEDS / "002_802931a856429f27.txt").read_text(encoding="utf-8")
    assert find_quantities("d", text) == find_quantities("d", text)


@pytest.mark.parametrize("seed", sorted(SEED_QUANTITIES))
def test_seed_quantities(seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    forbidden = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)]
    assert forbidden
    found: list[QuantityMention] = []
    for sentence in split_sentences(seed, text):
        mentions = find_quantities(seed, text, sentence.span.start, sentence.span.end)
        _check_invariants(text, mentions, seed)
        for q in mentions:
            assert sentence.span.contains(q.span)
            assert not any(q.span.start < e and b < q.span.end for b, e in forbidden), q.text
        found.extend(mentions)
    assert [q.text for q in found] == SEED_QUANTITIES[seed]


def test_seed_values() -> None:
    text = (SEEDS / "000_95279f800b99fdd1.txt").read_text(encoding="utf-8")
    by_text = {q.text: q for q in find_quantities("000", text)}
    troops = by_text["more than 2,000 troops"]
    assert troops.value.bound == "more_than" and troops.value.amount == 2000 and troops.noun == "troops"
    assert str(troops.value.interval) == "(2000, inf)"
    mission = by_text["eight-hour mission"]
    assert (mission.value.amount, mission.value.unit, mission.noun) == (8, "hour", "mission")
    money = by_text["$10.2 billion"]
    assert (money.value.amount, money.value.unit, money.noun) == (Decimal("10200000000"), "USD", None)
    first = by_text["first time"]
    assert first.value.ordinal and first.value.amount == 1 and first.noun == "time"


def test_whole_seed_text_at_once_matches_sentence_by_sentence() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        whole = find_quantities("d", text)
        _check_invariants(text, whole)
        assert [q.text for q in whole] == SEED_QUANTITIES[path.name[:3]]


def test_currencies_in_any_case_are_money() -> None:
    """Currency codes and prefixes read in any letter case, glued or spaced, and after a sign."""
    text = (
        "It paid US$5, au$8, C$9, nz$3, CN¥4, jp¥2, EUR 6, gbp 8, rmb 10, Rub 11, INR 12 and $A14, plus ₹9."
    )
    found = [(q.text, q.value.amount, q.value.unit) for q in find_quantities("d", text)]
    assert found == [
        ("US$5", 5, "USD"),
        ("au$8", 8, "AUD"),
        ("C$9", 9, "CAD"),
        ("nz$3", 3, "NZD"),
        ("CN¥4", 4, "CNY"),
        ("jp¥2", 2, "JPY"),
        ("EUR 6", 6, "EUR"),
        ("gbp 8", 8, "GBP"),
        ("rmb 10", 10, "CNY"),
        ("Rub 11", 11, "RUB"),
        ("INR 12", 12, "INR"),
        ("$A14", 14, "AUD"),
        ("₹9", 9, "INR"),
    ]
