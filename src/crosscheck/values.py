"""Compare and describe normalized values: when two quantities or dates can both hold, and why not."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .date_patterns import MONTHS, WEEKDAYS
from .model import Claim, DateValue, Event, Interval, Quantity
from .numbers import UNIT_DIMENSIONS
from .readings import only_by_reading, reading, round_step, same_round_figure

__all__ = [
    "compatible",
    "dates_compatible",
    "dates_why",
    "day_words",
    "describe",
    "describe_event",
    "dimension",
    "events_compatible",
    "events_why",
    "in_base_unit",
    "only_by_reading",
    "quantities_compatible",
    "quantities_why",
    "reading",
    "round_step",
    "same_round_figure",
    "why_incompatible",
]

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


def quantities_compatible(a: Quantity, b: Quantity) -> bool:
    """Two figures or ordinals can both hold: overlapping intervals (or readings), equal ordinals."""
    if a.ordinal != b.ordinal:
        return False
    if a.unit != b.unit:
        # "about 200 feet" and "about 60 metres": one length in two units, compared literally
        x, y = in_base_unit(a), in_base_unit(b)
        return x is not None and y is not None and x[0] == y[0] and x[1].overlaps(y[1])
    if a.ordinal:
        return a.amount == b.amount
    if not a.interval.overlaps(b.interval):
        return same_round_figure(a, b)
    ra, rb = reading(a), reading(b)
    if ra is not None and rb is not None:
        return ra.overlaps(rb)
    # one side a bounded round figure, the other an estimate ("at least 70" and "about 100"): both
    # are reporters' round figures, and they read apart
    if ra is not None and b.bound == "approx":
        return ra.overlaps(b.interval)
    if rb is not None and a.bound == "approx":
        return rb.overlaps(a.interval)
    return True


def dates_compatible(a: DateValue, b: DateValue) -> bool:
    """Two dates can both hold: the same relation ("on", "since") and overlapping days."""
    return a.relation == b.relation and a.overlaps(b)


def events_compatible(a: Event, b: Event) -> bool:
    """ "X happened" and "X did not happen" cannot both hold."""
    return a.polarity == b.polarity


# value type -> (can both hold, why not): each kind's entry in `kinds.KINDS` names its pair
_BY_TYPE: dict[type, tuple[Callable[[Any, Any], bool], Callable[[Any, Any], str]]] = {}


def compatible(a: Quantity | DateValue | Event, b: Quantity | DateValue | Event) -> bool:
    """True when both values can hold at once (`quantities_compatible`, `dates_compatible`,
    `events_compatible`, by the values' type); values of different types never can."""
    if type(a) is not type(b):
        return False
    return _BY_TYPE[type(a)][0](a, b)


def dimension(unit: str | None) -> str | None:
    """The dimension a unit measures ("ft" -> "length"), or the unit itself when it has none known."""
    found = UNIT_DIMENSIONS.get(unit or "")
    return found[0] if found else unit


def in_base_unit(q: Quantity) -> tuple[str, Interval] | None:
    """The quantity's interval in its dimension's base unit (metres, kilograms), None without one.

    An exact figure is read to the precision it is written in, half its last digit either side: "22
    miles (35 kilometers)" is one depth, though 22 miles is 35.4 km (a figure given in two units is a
    conversion, rounded); "35 kilometers" and "36 kilometers" still cannot both hold."""
    found = UNIT_DIMENSIONS.get(q.unit or "")
    if found is None:
        return None
    name, size = found
    i = q.interval
    if q.bound == "exact" and i.low is not None and i.low == i.high:
        exponent = q.amount.as_tuple().exponent
        half = Decimal(5).scaleb((exponent if isinstance(exponent, int) else 0) - 1)
        i = Interval(low=i.low - half, high=i.high + half, low_closed=True, high_closed=False)
    return name, Interval(
        low=None if i.low is None else i.low * size,
        high=None if i.high is None else i.high * size,
        low_closed=i.low_closed,
        high_closed=i.high_closed,
    )


# A bare day a text names: "on Friday" (a weekday) or "On November 12" (a month and day, no year).
DayWords = tuple[str, int] | tuple[str, int, int]
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_MONTH_DAY = re.compile(
    r"\b("
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?!,?\s*\d{4})",
    re.IGNORECASE,
)
# ... and the day first, as British and wire copy write it: "on 27 December", "the 4th of January"
_DAY_MONTH = re.compile(
    r"\b([0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?("
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b\.?(?!,?\s*\d{4})",
    re.IGNORECASE,
)


def day_words(claim: Claim) -> DayWords | None:
    """The day a date claim's words name when no calendar date can be worked out (an undated page):
    ``("weekday", 4)`` for "on Friday", ``("month_day", 11, 12)`` for "On November 12" or "on 12
    November"; else None."""
    if not isinstance(claim.value, DateValue) or claim.value.granularity != "day":
        return None
    found = _MONTH_DAY.search(claim.text)
    if found is not None:
        return ("month_day", MONTHS[found.group(1).lower()], int(found.group(2)))
    found = _DAY_MONTH.search(claim.text)
    if found is not None:
        return ("month_day", MONTHS[found.group(2).lower()], int(found.group(1)))
    found = _WEEKDAY_WORD.search(claim.text)
    if found is not None:
        return ("weekday", WEEKDAYS[found.group(1).lower()])
    return None


def _day_of(claim: Claim, kind: str) -> DayWords | None:
    """The claim's day in the form ``kind`` asks for: from its words, or from its resolved date."""
    value = claim.value
    assert isinstance(value, DateValue)
    if value.resolved and value.granularity == "day" and value.earliest == value.latest:
        day = value.earliest
        assert day is not None
        return ("weekday", day.weekday()) if kind == "weekday" else ("month_day", day.month, day.day)
    words = day_words(claim)
    return words if words is not None and words[0] == kind else None


def same_day_words(a: Claim, b: Claim) -> bool | None:
    """For two date claims of which at least one cannot be placed on the calendar (an undated page):
    do they name the same day ("on Friday" and "Friday"; "On Nov. 12" and "November 12"; "on Friday"
    and a dated report's Tuesday, December 9)? None when they cannot be told, or when both are placed
    (their calendar dates are compared). A resolved day that matches the words says only that both
    can hold, not that they are one fact (any Sunday matches "Sunday"): that is the score's to say."""
    va, vb = a.value, b.value
    if not (isinstance(va, DateValue) and isinstance(vb, DateValue)) or (va.resolved and vb.resolved):
        return None
    if va.relation != vb.relation:
        return None
    for kind in ("month_day", "weekday"):
        x, y = _day_of(a, kind), _day_of(b, kind)
        if x is not None and y is not None:
            return x == y
    return None


def claims_compatible(a: Claim, b: Claim) -> bool:
    """Two claims can both hold: compatible values, and one does not deny what the other asserts.

    "exactly 2,000" is no round figure: it never takes the reading of "more than 2,000" (`same_round_figure`).
    Dates of an undated page compare by the day their words name (`same_day_words`).
    """
    if a.polarity != b.polarity:
        return False
    same_day = same_day_words(a, b)
    if same_day is not None:
        return same_day
    if not compatible(a.value, b.value):
        return False
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        rounded = same_round_figure(a.value, b.value) and not a.value.interval.overlaps(b.value.interval)
        return not (rounded and (_EXACTLY.search(a.text) or _EXACTLY.search(b.text)))
    return True


_EXACTLY = re.compile(r"\b(?:exactly|precisely)\b", re.IGNORECASE)


def comparable_hedges(a: Claim, b: Claim) -> bool:
    """A plan or a possibility ("will send", "may send") is not compared with a fact ("sent")."""
    return (a.hedge in _SOFT) == (b.hedge in _SOFT)


_SOFT = frozenset({"future", "possible"})


def _number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def describe(value: Quantity | DateValue | Event) -> str:
    """A short human reading of a normalized value, in words: "more than 2,000", "6th", "2022-11-30"."""
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
        return f"{_BOUND_WORDS[value.bound]}{_number(value.amount)}{unit}"
    return describe_date(value)


def _interval_words(interval: Interval) -> str:
    """An interval in words: "1,350 to 1,650", "more than 2,000", "at most 40", "12"."""
    low, high = interval.low, interval.high
    if low is not None and high is not None:
        return _span_words(interval)
    if low is not None:
        return f"{'at least' if interval.low_closed else 'more than'} {_number(low)}"
    if high is not None:
        return f"{'at most' if interval.high_closed else 'less than'} {_number(high)}"
    return "any value"


def _reach(q: Quantity) -> str:
    """A quantity in words with the values it allows when that is not plain: "about 1,500 (1,350 to 1,650)"."""
    words = describe(q)
    if q.bound in ("approx", "range") or q.interval.low is None or q.interval.high is None:
        allowed = _interval_words(q.interval)
        if allowed not in words:
            return f"{words} ({allowed})" if q.bound == "approx" else words
    return words


def _span_words(interval: Interval) -> str:
    assert interval.low is not None and interval.high is not None
    if interval.low == interval.high:
        return _number(interval.low)
    return f"{_number(interval.low)} to {_number(interval.high)}"


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


def _below_all(x: Interval, y: Interval) -> bool:
    """Every value of ``x`` lies below every value of ``y`` (for two intervals that share none)."""
    return x.high is not None and (y.low is None or x.high <= y.low)


def quantities_why(a: Quantity, b: Quantity) -> str:
    """One clause saying why two figures or ordinals cannot both hold."""
    if a.ordinal:
        return f"{describe(a)} ≠ {describe(b)}: one series cannot be at both counts at once"
    if a.unit != b.unit:
        x, y = in_base_unit(a), in_base_unit(b)
        if x is not None and y is not None:
            return (
                f"in one unit, {describe(a)} is {_interval_words(x[1])} and {describe(b)} is "
                f"{_interval_words(y[1])}: no value is both"
            )
    if only_by_reading(a, b):
        ra, rb = reading(a), reading(b)
        if ra is not None and rb is not None:
            return (
                f"both could hold literally; outlets give their nearest round figure, so one reads as "
                f"{_span_words(ra)} and the other as {_span_words(rb)}"
            )
        read, as_read = (a, ra) if ra is not None else (b, rb)
        assert as_read is not None
        return (
            f"both could hold literally; outlets give their nearest round figure, so "
            f"{describe(read)} reads as {_span_words(as_read)}"
        )
    low, high = (a, b) if _below_all(a.interval, b.interval) else (b, a)
    return f"{_reach(low)} is below {_reach(high)}: no value is both"


def events_why(a: Event, b: Event) -> str:
    return f"one says {describe(a)!r}, the other {describe(b)!r}"


def dates_why(a: DateValue, b: DateValue) -> str:
    return f"{describe(a)} and {describe(b)} do not overlap"


_BY_TYPE.update(
    {
        Quantity: (quantities_compatible, quantities_why),
        DateValue: (dates_compatible, dates_why),
        Event: (events_compatible, events_why),
    }
)


def why_incompatible(a: Quantity | DateValue | Event, b: Quantity | DateValue | Event) -> str:
    """One clause saying why two values cannot both hold (for conflict explanations)."""
    if type(a) is not type(b):
        return "the values are of different kinds"
    return _BY_TYPE[type(a)][1](a, b)
