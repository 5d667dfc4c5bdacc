"""Digits that are no quantity: each named rule of `quantities.DIGIT_FILTERS` with its case rows."""

from __future__ import annotations

import re

import pytest

from crosscheck.numbers import NUMBER
from crosscheck.quantities import DIGIT_FILTERS, digit_filter, find_quantities

# (text, the digits looked at, the rule that drops them or None, what find_quantities keeps)
CASES = [
    ("The Tu-95 bombers flew over the sea.", "95", "glued_to_a_word", []),
    ("Flight MH17 was shot down.", "17", "glued_to_a_word", []),
    ("The talks resume at 10:30 on Monday.", "30", "glued_to_a_word", []),
    ("It was a magnitude-6.1 quake.", "6.1", None, ["6.1"]),
    ("They lost 5-6 on Sunday.", "5", "range_or_score", []),
    ("Some 2\u200b,000 people fled.", "2", "split_number", []),
    ("They walked around 2, 000ft up.", "000", "split_piece", ["around 2"]),
    ("In 1999 the plant closed.", "1999", "year", []),
    ("The plant employs 1999 workers.", "1999", "year", []),  # what the rule costs: a count read as a year
    ("It cost $1999 to fix.", "1999", None, ["$1999"]),
    ("Police said 12 people died.", "12", None, ["12 people"]),
    ("He pointed a. 357 caliber revolver at them.", "357", "calibre", []),
    ("She carried a 38 Special and a 22-calibre rifle.", "38", "calibre", []),
    ("Police seized six AK 47 rifles.", "47", "model_name", ["six AK 47 rifles"]),
    ("The SEA-ME-WE 4 cable and USB 2.0 ports failed.", "4", "model_name", []),
    ("The bank lent IDR 5 billion.", "5", None, ["5 billion"]),
    ("The MagSafe 2 connector and the iPhone 5 ship.", "2", "product_name", []),
    ("The MagSafe 2 connector and the iPhone 5 ship.", "5", "product_name", []),
    ("BlackBerry sold 1 million phones.", "1", None, ["1 million phones"]),
    ("QUAKE KILLS 12 IN IRAN", "12", None, ["12"]),
    ("Two men were held at 54 State St. on Monday.", "54", "street_address", ["Two men"]),
    ("The shop at 40 East 5th Ave. closed.", "40", "street_address", []),
    ("He visited 12 Main Street shops.", "12", "street_address", []),  # what the rule costs
    ("The screen has a 1,280 x 800 resolution.", "1,280", "dimensions", []),
    ("The screen has a 1,280 x 800 resolution.", "800", "dimensions", []),
    ("The fix works for IE6, 7, 8 and 9.", "7", "version_list", []),
    ("The fix works for IE6, 7, 8 and 9.", "9", "version_list", []),
    ("The G8, 20 leaders met.", "20", None, ["20 leaders"]),  # no list goes on: a count
    ("It won 3 games by 2 x 4 votes.", "3", None, ["3 games"]),
]


def _match(text: str, digits: str) -> re.Match[str]:
    """The match of written digits holding ``digits`` (from its currency sign, if any)."""
    start = text.index(digits)
    return next(m for m in NUMBER.finditer(text) if m.group("num") and m.start("num") == start)


@pytest.mark.parametrize(("text", "digits", "rule", "kept"), CASES, ids=[c[0][:30] for c in CASES])
def test_digit_filters_name_what_is_no_quantity(
    text: str, digits: str, rule: str | None, kept: list[str]
) -> None:
    """The rule that drops the digits is named; what find_quantities keeps is exactly the rest."""
    m = _match(text, digits)
    assert digit_filter(text, m, 0, len(text)) == rule
    found = find_quantities("d", text)
    assert [q.text for q in found] == kept
    for q in found:
        assert text[q.span.start : q.span.end] == q.text


def test_every_digit_filter_has_a_case_row() -> None:
    """Each rule of the table is exercised by a row, and the names are distinct."""
    names = [name for name, _rule in DIGIT_FILTERS]
    assert len(names) == len(set(names))
    assert {c[2] for c in CASES if c[2]} == set(names)
