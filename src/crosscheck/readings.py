"""Reporters' numbers: how a round figure and its qualifier read ("more than 2,000" is in the two
thousands), beside the literal interval `values` compares first (`docs/concepts.md`)."""

from __future__ import annotations

from decimal import Decimal

from .model import DateValue, Event, Interval, Quantity

__all__ = ["only_by_reading", "reading", "round_step", "same_round_figure"]


def round_step(amount: Decimal) -> Decimal | None:
    """The rounding step of a round figure (2,000 -> 1,000; 150 -> 10; 2,500 -> 100), None when not round."""
    if amount != amount.to_integral_value() or amount < 10:
        return None
    n, step = int(amount), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return Decimal(step) if step > 1 else None


def reading(q: Quantity) -> Interval | None:
    """How a reporter's bounded round figure reads: "more than 2,000" is above 2,000 and below the next
    step of its rounding (3,000); "at least 2,000" the same from 2,000; "up to"/"fewer than 2,000" from
    1,000. None when the figure is not round or not bounded one way (it reads literally).

    Outlets give their nearest round figure: "more than 2,000" and "more than 3,000" both hold
    literally, yet one says the count is in the two-thousands and the other in the three-thousands.
    """
    if q.bound not in _ONE_SIDED or q.amount != q.amount.to_integral_value():
        return None
    step = round_step(q.amount)
    if step is None:
        # a count that is not round is the outlet's own figure: "at least 4" says 4 so far,
        # "more than 4" says 5 (both literal readings would also hold for a later toll of 5)
        one = Decimal(1)
        if q.bound == "at_least":
            return Interval(low=q.amount, high=q.amount)
        if q.bound == "more_than":
            return Interval(low=q.amount + one, high=q.amount + one)
        if q.bound == "at_most":
            return Interval(low=q.amount, high=q.amount)
        return Interval(low=q.amount - one, high=q.amount - one)
    if q.bound in ("more_than", "at_least"):
        return Interval(
            low=q.amount, high=q.amount + step, low_closed=q.bound == "at_least", high_closed=False
        )
    return Interval(low=q.amount - step, high=q.amount, low_closed=False, high_closed=q.bound == "at_most")


_ONE_SIDED = frozenset({"more_than", "at_least", "at_most", "less_than"})


def same_round_figure(a: Quantity, b: Quantity) -> bool:
    """ "2,000" and "more than 2,000" (or "about", "nearly", "up to 2,000"): one round figure, qualified
    by one outlet and not the other; not a conflict."""
    if a.amount != b.amount or round_step(a.amount) is None or "range" in (a.bound, b.bound):
        return False
    return (a.bound == "exact") != (b.bound == "exact")


def only_by_reading(a: Quantity | DateValue | Event, b: Quantity | DateValue | Event) -> bool:
    """True when two quantities both hold literally but not as reporters' round figures (`reading`)."""
    return (
        isinstance(a, Quantity)
        and isinstance(b, Quantity)
        and a.unit == b.unit
        and not a.ordinal
        and not b.ordinal
        and a.interval.overlaps(b.interval)
    )
