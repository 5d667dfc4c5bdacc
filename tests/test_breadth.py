"""Breadth on real news (issue 12, item 1): the patterns reporters write, as golden rows.

Each row: a sentence, the quantity's exact span text, its amount, bound, interval and unit (None: a
count). "m" glued to a number is million when a counted plural or a currency word follows ("1.5m
people", "2m euros") or a currency sign comes before ("$1.2m"), metres otherwise ("1.5m high",
"fell 600m"); a capital "M" with nothing counted after it ("GeForce 9400M") is no quantity.
A multiplier ("tripled", "five times the limit") has unit "times"; a share ("two-thirds") "fraction".
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from crosscheck.quantities import find_quantities

D = Decimal
INF = None  # an open end of an interval

# text, span text, amount, bound, (low, high), unit
ROWS: list[tuple[str, str, str, str, tuple[str | None, str | None], str | None]] = [
    # units glued to or hyphenated with the number
    ("The phone has 60GB of storage.", "60GB", "60", "exact", ("60", "60"), "GB"),
    ("He was driving at 50mph on the road.", "50mph", "50", "exact", ("50", "50"), "mph"),
    ("She took 500mg of the drug.", "500mg", "500", "exact", ("500", "500"), "mg"),
    ("They ran 5km before dawn.", "5km", "5", "exact", ("5", "5"), "km"),
    ("The deal is worth $5bn.", "$5bn", "5000000000", "exact", ("5000000000", "5000000000"), "USD"),
    ("It has a 2.4-liter engine.", "2.4-liter engine", "2.4", "exact", ("2.4", "2.4"), "litre"),
    ("Police found a 68-year-old man.", "68-year-old man", "68", "exact", ("68", "68"), "year_of_age"),
    ("A 2.4GHz chip with 6MB of cache.", "2.4GHz", "2.4", "exact", ("2.4", "2.4"), "GHz"),
    ("Apple refreshed its 17in MacBook Pro.", "17in", "17", "exact", ("17", "17"), "inch"),
    ("He fell around 200ft from a ridge.", "around 200ft", "200", "approx", ("180", "220"), "ft"),
    ("Speeds reached 120 mph on the highway.", "120 mph", "120", "exact", ("120", "120"), "mph"),
    ("Comeaux, a 6-foot, 200-pound man, fled.", "200-pound man", "200", "exact", ("200", "200"), "lb"),
    (
        "The attack was about 150 nautical miles off Aden.",
        "about 150 nautical miles",
        "150",
        "approx",
        ("135", "165"),
        "nautical_mile",
    ),
    (
        "They made off with $137-million of diamonds.",
        "$137-million",
        "137000000",
        "exact",
        ("137000000", "137000000"),
        "USD",
    ),
    (
        "It is a condition of a 110bn-euro rescue package.",
        "110bn-euro",
        "110000000000",
        "exact",
        ("110000000000", "110000000000"),
        "EUR",
    ),
    ("They made off with 2m euros in gems.", "2m euros", "2000000", "exact", ("2000000", "2000000"), "EUR"),
    (
        "Ministers brought 1.5 billion rupiah in aid.",
        "1.5 billion rupiah",
        "1500000000",
        "exact",
        ("1500000000", "1500000000"),
        "IDR",
    ),
    ("Flames came from the three-story structure.", "three-story", "3", "exact", ("3", "3"), None),
    (
        "Cheeks got a one-year contract extension.",
        "one-year contract extension",
        "1",
        "exact",
        ("1", "1"),
        "year",
    ),
    # ranges with scale words or symbols
    (
        "Prices ranged from $250,000 to $1 million.",
        "from $250,000 to $1 million",
        "250000",
        "range",
        ("250000", "1000000"),
        "USD",
    ),
    (
        "It cost $10-12 billion.",
        "$10-12 billion",
        "10000000000",
        "range",
        ("10000000000", "12000000000"),
        "USD",
    ),
    ("Growth was 5–7% last year.", "5–7%", "5", "range", ("5", "7"), "percent"),
    (
        "Between 1.2m and 1.5m people watched.",
        "Between 1.2m and 1.5m people",
        "1200000",
        "range",
        ("1200000", "1500000"),
        None,
    ),
    ("The wall is between 1.2m and 1.5m high.", "between 1.2m and 1.5m", "1.2", "range", ("1.2", "1.5"), "m"),
    ("It fetched $1.2m-$1.5m at auction.", "$1.2m-$1.5m", "1200000", "range", ("1200000", "1500000"), "USD"),
    ("Some 10-12 people were hurt.", "10-12 people", "10", "range", ("10", "12"), None),
    ("The dhow was a 24- to 30-foot boat.", "24- to 30-foot boat", "24", "range", ("24", "30"), "ft"),
    ("Speeds of 50-60mph were reached.", "50-60mph", "50", "range", ("50", "60"), "mph"),
    # bare fractions and multipliers
    ("Two-thirds voted for it.", "Two-thirds", "0.6667", "exact", ("0.6667", "0.6667"), "fraction"),
    ("The plan was backed by two-thirds.", "two-thirds", "0.6667", "exact", ("0.6667", "0.6667"), "fraction"),
    (
        "Between half and two-thirds of homes were damaged.",
        "Between half and two-thirds of homes",
        "0.5",
        "range",
        ("0.5", "0.6667"),
        "fraction",
    ),
    ("More than half stayed home.", "More than half", "0.5", "more_than", ("0.5", INF), "fraction"),
    ("A dozen were hurt.", "A dozen", "12", "exact", ("12", "12"), None),
    ("Half a million people fled.", "Half a million people", "500000", "exact", ("500000", "500000"), None),
    (
        "It left nearly half a million homeless.",
        "nearly half a million homeless",
        "500000",
        "approx",
        ("450000", "500000"),
        None,
    ),
    (
        "The city bought at least a half-dozen others.",
        "at least a half-dozen others",
        "6",
        "at_least",
        ("6", INF),
        None,
    ),
    ("She hosted a half-hour show.", "a half-hour", "0.5", "exact", ("0.5", "0.5"), "hour"),
    ("He fell over half a kilometre.", "over half a kilometre", "0.5", "more_than", ("0.5", INF), "km"),
    ("Sales tripled last year.", "tripled", "3", "exact", ("3", "3"), "times"),
    (
        "That's more than five times the legal limit.",
        "more than five times",
        "5",
        "more_than",
        ("5", INF),
        "times",
    ),
    (
        "Tens of thousands angry Greeks marched.",
        "Tens of thousands angry Greeks",
        "20000",
        "range",
        ("20000", "99999"),
        None,
    ),
    # qualifiers the issue names
    ("He served over 10 years in prison.", "over 10 years", "10", "more_than", ("10", INF), "year"),
    (
        "Children under the age of ten were barred.",
        "under the age of ten",
        "10",
        "less_than",
        (INF, "10"),
        "year_of_age",
    ),
    ("The bid was as high as $184M.", "as high as $184M", "184000000", "at_most", (INF, "184000000"), "USD"),
    ("Six starts in 20 appearances over two seasons.", "two seasons", "2", "exact", ("2", "2"), None),
]

# Sentences whose numbers are no quantity.
NONE: list[tuple[str, str]] = [
    ("All but five of the passengers survived.", "five"),  # the others are counted, not five
    ("The Nvidia GeForce 9400M chip is faster.", "9400M"),  # a model, not a million
    ("The 76ers have opened 9-14 this season.", "9-14"),  # a record
    ("Call the tip line 24-7.", "24-7"),
    ("He was charged with third-degree murder.", "third"),
    ("It was a half-century of work.", "half"),
    ("The job is half done.", "half"),  # a bare "half" needs a qualifier
    ("Rahman, the two-time champion, lost.", "two"),
    ("He fell around 2, 000ft while climbing.", "000ft"),  # a number split by a space: not 0 ft
]


@pytest.mark.parametrize(
    ("text", "span", "amount", "bound", "interval", "unit"), ROWS, ids=[r[1] for r in ROWS]
)
def test_breadth_row(
    text: str, span: str, amount: str, bound: str, interval: tuple[str | None, str | None], unit: str | None
) -> None:
    found = find_quantities("d", text)
    for q in found:
        assert text[q.span.start : q.span.end] == q.text
    match = [q for q in found if q.text == span]
    assert match, f"{span!r} not found; got {[q.text for q in found]}"
    value = match[0].value
    low, high = interval
    assert (value.amount, value.bound, value.unit) == (D(amount), bound, unit)
    assert value.interval.low == (None if low is None else D(low))
    assert value.interval.high == (None if high is None else D(high))


@pytest.mark.parametrize(("text", "number"), NONE, ids=[r[1] for r in NONE])
def test_breadth_not_a_quantity(text: str, number: str) -> None:
    at = text.index(number)
    found = find_quantities("d", text)
    assert not [q for q in found if q.span.start < at + len(number) and at < q.span.end], found


def test_glued_m_reads_by_what_follows() -> None:
    text = "Last night 6.1m people watched; he fell 600m; they took 11m euros."
    got = [(q.text, q.value.amount, q.value.unit) for q in find_quantities("d", text)]
    assert got == [
        ("6.1m people", D(6100000), None),
        ("600m", D(600), "m"),
        ("11m euros", D(11000000), "EUR"),
    ]
