"""The value types of the data model: spans, documents and sentences, and the normalized values a
finder gives (`Quantity` with its `Interval`, `DateValue`, `Event`) with the mentions that carry them.
Every one is a frozen attrs instance; `crosscheck.model` re-exports them beside the claim, group and
report types.

Offsets are born with the text: a `Span` always indexes `Document.text` as it was read.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

import attrs
from attrs import field, frozen

from .errors import SpanError

__all__ = [
    "Bound",
    "DateMention",
    "DateRelation",
    "DateValue",
    "Document",
    "Event",
    "Granularity",
    "Interval",
    "Polarity",
    "Quantity",
    "QuantityMention",
    "Sentence",
    "Span",
]

Polarity = Literal["affirmed", "negated"]


# "range": a stated range ("between 40 and 50", "40-50", "hundreds of"); amount is its low end.
Bound = Literal["exact", "more_than", "at_least", "approx", "at_most", "less_than", "range"]


Granularity = Literal["day", "week", "month", "year", "range"]


DateRelation = Literal["on", "since", "until"]


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise SpanError(f"span {attribute.name} must be >= 0, got {value}")


@frozen(order=True)
class Span:
    """A half-open character range ``[start, end)`` in one document's text."""

    doc_id: str
    start: int = field(validator=_non_negative)
    end: int = field(validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise SpanError(f"span {self.doc_id}:{self.start}-{self.end} ends before it starts")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when both spans are in one document and share at least one character."""
        return self.doc_id == other.doc_id and self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies wholly inside this span."""
        return self.doc_id == other.doc_id and self.start <= other.start and other.end <= self.end


@frozen(kw_only=True)
class Document:
    """One source text with its metadata. ``text`` is kept exactly as read (decoded with ``encoding``:
    ``utf-8``, or ``utf-16``/``utf-32`` after a byte-order mark, or the ``cp1252`` fallback)."""

    id: str
    text: str = field(repr=False)
    path: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False
    encoding: str = "utf-8"

    def text_of(self, span: Span) -> str:
        """The characters a span points at; raises SpanError if the span is not in this document."""
        if span.doc_id != self.id or span.end > len(self.text):
            raise SpanError(f"span {span.doc_id}:{span.start}-{span.end} does not fit document {self.id!r}")
        return self.text[span.start : span.end]

    @property
    def label(self) -> str:
        """How a report names the document: its source, or its id when the source is unknown."""
        return self.source or self.id


@frozen
class Sentence:
    """A sentence (or a line without a final stop, such as a headline) and its span."""

    span: Span
    text: str


@frozen(kw_only=True)
class Interval:
    """A set of numbers: ``low``/``high`` of None mean unbounded; ``*_closed`` says if the end belongs to it."""

    low: Decimal | None
    high: Decimal | None
    low_closed: bool = True
    high_closed: bool = True

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals."""
        return _below(self, other) and _below(other, self)

    def __str__(self) -> str:
        lo = "-inf" if self.low is None else _fmt(self.low)
        hi = "inf" if self.high is None else _fmt(self.high)
        return f"{'[' if self.low_closed and self.low is not None else '('}{lo}, {hi}{']' if self.high_closed and self.high is not None else ')'}"


def _below(a: Interval, b: Interval) -> bool:
    """True when a's lower end is not past b's upper end."""
    if a.low is None or b.high is None:
        return True
    if a.low < b.high:
        return True
    return a.low == b.high and a.low_closed and b.high_closed


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


@frozen(kw_only=True)
class Quantity:
    """A normalized number: its amount as written (scaled), the qualifier, and the interval it allows.

    ``unit`` is a measure or currency ("hour", "USD"), or None for a count of things; the counted
    thing itself is in the claim's ``about``.
    """

    amount: Decimal
    bound: Bound
    interval: Interval
    unit: str | None = None
    ordinal: bool = False


@frozen(kw_only=True)
class DateValue:
    """A date as a range ``[earliest, latest]`` with its granularity; unresolved values have no range."""

    earliest: date | None
    latest: date | None
    granularity: Granularity
    relation: DateRelation = "on"
    relative: bool = False

    @property
    def resolved(self) -> bool:
        return self.earliest is not None and self.latest is not None

    def overlaps(self, other: DateValue) -> bool:
        """True when both are resolved and their ranges share a day."""
        if not (self.resolved and other.resolved):
            return False
        assert self.earliest and self.latest and other.earliest and other.latest
        return self.earliest <= other.latest and other.earliest <= self.latest

    def gap_days(self, other: DateValue) -> int | None:
        """Days between the two ranges (0 when they overlap); None when either is unresolved."""
        if not (self.resolved and other.resolved):
            return None
        assert self.earliest and self.latest and other.earliest and other.latest
        if self.overlaps(other):
            return 0
        if self.latest < other.earliest:
            return (other.earliest - self.latest).days
        return (self.earliest - other.latest).days


@frozen(kw_only=True)
class Event:
    """Who did what to whom, where: "the Russian bombers landed in China" is (Russian bombers, land, -, China).

    ``action`` is the verb's lemma; ``subject``/``object``/``place`` are canonical names where the term
    tables know them, else the words as written without their article. ``polarity`` and ``hedge`` say
    whether the text asserts, denies or only expects it ("future", "reported", "possible").
    """

    subject: str | None
    action: str
    object: str | None = None
    place: str | None = None
    polarity: Polarity = "affirmed"
    hedge: str | None = None
    passive: bool = False


@frozen(kw_only=True)
class QuantityMention:
    """What the quantity finder returns: a phrase like "more than 2,000 troops" and its parts.

    ``span`` covers the whole phrase (qualifier, number, counted noun); ``noun`` is the counted
    noun phrase as written (lower-cased, "#" dropped) and ``head`` its last word, None when the
    number counts nothing named.
    """

    span: Span
    text: str
    value: Quantity
    noun: str | None = None
    head: str | None = None
    # whose figure it is, as written, where the figure names no thing without it: a win-loss record's
    # owner ("Klitschko" of "Klitschko (52-3"), part of what it counts (`records`)
    owner: str | None = None


@frozen(kw_only=True)
class DateMention:
    """What the date finder returns: a phrase like "on Wednesday" or "since 2019" and its value."""

    span: Span
    text: str
    value: DateValue
