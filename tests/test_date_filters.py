"""Words that look like dates and are none: each named rule of `dates.DATE_FILTERS` with its case rows."""

from __future__ import annotations

from datetime import date

import pytest

from crosscheck.date_patterns import BY_KIND
from crosscheck.dates import DATE_FILTERS, date_filter, find_dates

PUBLISHED = date(2024, 3, 15)

# (text, pattern kind, the words it matches, the rule that drops them or None, the dates kept)
CASES = [
    ("Prices may rise in march, officials said.", "month", "march", "lower_case_name", []),
    ("He rested on sunday.", "weekday", "sunday", "lower_case_name", []),
    ("Shares rose on dec. 3, 2023.", "mdy", "dec. 3, 2023", "lower_case_name", ["2023"]),  # the year stays
    ("May Smith won the race.", "month", "May", "ambiguous_month", []),
    ("Veterans of the October Revolution met.", "month", "October", "ambiguous_month", []),
    ("In May, prices rose.", "month", "In May", None, ["In May"]),
    ("The novelist J. March wrote it.", "month", "March", "initial_march", []),
    ("The Sunday Times reported it.", "weekday", "Sunday", "weekday_in_a_name", []),
    ("Police said Saturday Jones was arrested.", "weekday", "Saturday", None, ["Saturday"]),
    (
        "He works Monday and Friday.",
        "wdrange",
        "Monday and Friday",
        "and_without_between",
        ["Monday", "Friday"],
    ),
    (
        "Talks ran between Monday and Friday.",
        "wdrange",
        "between Monday and Friday",
        None,
        ["between Monday and Friday"],
    ),
    (
        "It ran from Dec. 1 and Dec. 3.",
        "mdrange",
        "from Dec. 1 and Dec. 3",
        "and_without_between",
        ["Dec. 1", "Dec. 3"],
    ),
    ("He has led it for the past five years.", "window", "for the past five years", "counted_window", []),
    ("Prices rose over the last 8 years.", "window", "over the last 8 years", "counted_window", []),
    ("Prices rose over the past month.", "window", "over the past month", None, ["over the past month"]),
    ("She was hit by a gray 2013 Toyota Camry.", "year", "2013", "model_year", []),
    ("He crashed his 2008 Bentley in 2009.", "year", "2008", "model_year", ["in 2009"]),
    ("He hosted the 2007 Oscars.", "year", "2007", None, ["2007"]),
    ("Fixes come on the second Tuesday of each month.", "weekday", "Tuesday", "recurring_weekday", []),
    ("The market opens every Monday.", "weekday", "Monday", "recurring_weekday", []),
]


@pytest.mark.parametrize(("text", "kind", "words", "rule", "kept"), CASES, ids=[c[0][:32] for c in CASES])
def test_date_filters_name_what_is_no_date(
    text: str, kind: str, words: str, rule: str | None, kept: list[str]
) -> None:
    """The rule that drops a match is named; find_dates keeps exactly the rest, spans exact."""
    start = text.index(words)
    m = next(m for m in BY_KIND[kind].finditer(text) if m.start() <= start < m.end())
    assert date_filter(kind, m, text, 0) == rule
    found = find_dates("d", text, PUBLISHED)
    assert [d.text for d in found] == kept
    for d in found:
        assert text[d.span.start : d.span.end] == d.text


def test_every_date_filter_has_a_case_row() -> None:
    """Each rule of the table is exercised by a row, and the names are distinct."""
    names = [name for name, _rule in DATE_FILTERS]
    assert len(names) == len(set(names))
    assert {c[3] for c in CASES if c[3]} == set(names)
