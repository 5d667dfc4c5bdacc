"""Value comparison: intervals honour qualifiers, ordinals must match, dates must overlap."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crosscheck import DateValue, Interval, Quantity
from crosscheck.values import compatible, describe, why_incompatible

INF = None


def q(
    low: str | None, high: str | None, lc: bool = True, hc: bool = True, unit: str | None = None
) -> Quantity:
    amount = Decimal(low if low is not None else high or "0")
    iv = Interval(
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        low_closed=lc,
        high_closed=hc,
    )
    return Quantity(amount=amount, bound="exact", interval=iv, unit=unit)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (q("2000", INF, lc=False), q("2100", "2100"), True),  # more than 2,000 ~ 2,100
        (q("2000", INF, lc=False), q("2000", INF, lc=False), True),  # more than 2,000 ~ more than 2,000
        (q("2000", INF, lc=False), q("1890", "2310"), True),  # more than 2,000 ~ about 2,100
        (q("2000", INF, lc=False), q("1500", "1500"), False),  # more than 2,000 vs 1,500
        (q("2000", INF, lc=False), q("2000", "2000"), False),  # more than 2,000 vs exactly 2,000
        (q("2000", INF), q("2000", "2000"), True),  # at least 2,000 ~ 2,000
        (q(INF, "100", hc=False), q("100", "100"), False),  # fewer than 100 vs 100
        (q(INF, "100"), q("100", "100"), True),  # up to 100 ~ 100
        (q("5", "5"), q("3", "3"), False),
        (q("8", "8", unit="hour"), q("8", "8"), False),  # a measure never equals a count
    ],
)
def test_quantity_compatibility(a: Quantity, b: Quantity, expected: bool) -> None:
    """Two quantities agree exactly when their intervals share a value and units match."""
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def _d(a: str, b: str, gran: str = "day", rel: str = "on") -> DateValue:
    return DateValue(
        earliest=dt.date.fromisoformat(a),
        latest=dt.date.fromisoformat(b),
        granularity=gran,
        relation=rel,  # type: ignore[arg-type]
    )


def test_dates_agree_when_ranges_overlap() -> None:
    """ "In November" agrees with "on Wednesday" resolved to Nov. 30; a different day does not."""
    november = _d("2022-11-01", "2022-11-30", "month")
    assert compatible(november, _d("2022-11-30", "2022-11-30"))
    assert not compatible(_d("2022-11-29", "2022-11-29"), _d("2022-11-30", "2022-11-30"))
    assert not compatible(
        _d("2019-01-01", "2019-12-31", "year", "since"), _d("2019-01-01", "2019-12-31", "year")
    )


def test_ordinals_must_be_equal() -> None:
    """ "sixth" agrees only with "sixth"."""
    six = Quantity(
        amount=Decimal(6), bound="exact", interval=Interval(low=Decimal(6), high=Decimal(6)), ordinal=True
    )
    five = Quantity(
        amount=Decimal(5), bound="exact", interval=Interval(low=Decimal(5), high=Decimal(5)), ordinal=True
    )
    assert compatible(six, six)
    assert not compatible(six, five)
    assert describe(six) == "6th"
    assert "6th ≠ 5th" in why_incompatible(six, five)


def test_descriptions_are_readable() -> None:
    """Values read as a fact-checker would say them."""
    more = Quantity(
        amount=Decimal(2000),
        bound="more_than",
        interval=Interval(low=Decimal(2000), high=None, low_closed=False),
    )
    assert describe(more) == "more than 2,000"
    assert describe(_d("2022-11-01", "2022-11-30", "month")) == "November 2022"
    assert describe(_d("2019-01-01", "2019-12-31", "year", "since")) == "since 2019"
