"""Compare and describe normalized values: when two quantities or dates can both hold, and why not."""

from __future__ import annotations

from decimal import Decimal

from .model import Claim, DateValue, Event, Quantity

__all__ = ["compatible", "describe", "describe_event", "why_incompatible"]

_BOUND_WORDS = {
    "exact": "",
    "more_than": "more than ",
    "at_least": "at least ",
    "approx": "about ",
    "at_most": "at most ",
    "less_than": "less than ",
    "range": "",
}
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def compatible(a: Quantity | DateValue | Event, b: Quantity | DateValue | Event) -> bool:
    """True when both values can hold at once: overlapping intervals, equal ordinals, overlapping dates."""
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        if a.unit != b.unit or a.ordinal != b.ordinal:
            return False
        if a.ordinal:
            return a.amount == b.amount
        return a.interval.overlaps(b.interval)
    if isinstance(a, Event) and isinstance(b, Event):
        return a.polarity == b.polarity  # "X happened" and "X did not happen" cannot both hold
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return a.relation == b.relation and a.overlaps(b)
    return False


def claims_compatible(a: Claim, b: Claim) -> bool:
    """Two claims can both hold: compatible values, and one does not deny what the other asserts."""
    return a.polarity == b.polarity and compatible(a.value, b.value)


def comparable_hedges(a: Claim, b: Claim) -> bool:
    """A plan or a possibility ("will send", "may send") is not compared with a fact ("sent")."""
    return (a.hedge in _SOFT) == (b.hedge in _SOFT)


_SOFT = frozenset({"future", "possible"})


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def describe(value: Quantity | DateValue | Event) -> str:
    """A short human reading of a normalized value: "more than 2,000 (2000, inf)", "6th", "2022-11-30"."""
    if isinstance(value, Event):
        return describe_event(value)
    if isinstance(value, Quantity):
        if value.ordinal:
            n = int(value.amount)
            suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
            return f"{n}{suffix}"
        unit = f" {value.unit}" if value.unit else ""
        if value.bound == "range" and value.interval.low is not None and value.interval.high is not None:
            return f"{_number(value.interval.low)}–{_number(value.interval.high)}{unit}"
        text = f"{_BOUND_WORDS[value.bound]}{_number(value.amount)}{unit}"
        return text if value.bound == "exact" else f"{text} {value.interval}"
    return describe_date(value)


def describe_event(value: Event) -> str:
    """An event in words: "Russian bombers land in China", "China not provide information (future)"."""
    words = [value.subject or "someone", "not" if value.polarity == "negated" else "", value.action]
    if value.object:
        words.append(value.object)
    if value.place:
        words.append(f"in {value.place}")
    text = " ".join(w for w in words if w)
    return f"{text} ({value.hedge})" if value.hedge else text


def describe_date(value: DateValue) -> str:
    """A date range in words at its granularity: "2022-11-30", "November 2022", "2019", "since 2019"."""
    prefix = "" if value.relation == "on" else value.relation + " "
    if not value.resolved:
        return prefix + "unresolved"
    assert value.earliest is not None and value.latest is not None
    if value.granularity == "day" and value.earliest == value.latest:
        body = value.earliest.isoformat()
    elif value.granularity == "month":
        body = value.earliest.strftime("%B %Y")
    elif value.granularity == "year":
        body = str(value.earliest.year)
    else:
        body = f"{value.earliest.isoformat()}..{value.latest.isoformat()}"
    return prefix + body


def why_incompatible(a: Quantity | DateValue | Event, b: Quantity | DateValue | Event) -> str:
    """One clause saying why two values cannot both hold (for conflict explanations)."""
    if isinstance(a, Quantity) and isinstance(b, Quantity):
        if a.ordinal:
            return f"{describe(a)} ≠ {describe(b)}: one series cannot be at both counts at once"
        return f"{a.interval} and {b.interval} share no value"
    if isinstance(a, Event) and isinstance(b, Event):
        return f"one says {describe(a)!r}, the other {describe(b)!r}"
    if isinstance(a, DateValue) and isinstance(b, DateValue):
        return f"{describe(a)} and {describe(b)} do not overlap"
    return "the values are of different kinds"
