"""The data model: every value crosscheck produces is a frozen attrs instance defined here.

Offsets are born with the text: a `Span` always indexes `Document.text` as it was read, and
`document.text[span.start:span.end] == claim.text` holds for every claim.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Literal, get_args

import attrs
from attrs import field, frozen

from .errors import ConfigError, SpanError

__all__ = [
    "SCHEMA_VERSION",
    "About",
    "Bound",
    "Claim",
    "ClaimKind",
    "ConflictType",
    "DateMention",
    "DateValue",
    "Document",
    "Event",
    "Granularity",
    "Group",
    "Interval",
    "Polarity",
    "Quantity",
    "QuantityMention",
    "Reason",
    "Report",
    "Sentence",
    "Span",
    "Verdict",
]

ClaimKind = Literal["quantity", "ordinal", "date", "event"]
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


@frozen(kw_only=True)
class DateMention:
    """What the date finder returns: a phrase like "on Wednesday" or "since 2019" and its value."""

    span: Span
    text: str
    value: DateValue


@frozen(kw_only=True)
class About:
    """The words that say what a claim is about; alignment compares these, never the numbers."""

    thing: str | None = None
    phrase: str | None = None
    measure: str | None = None
    actor: str | None = None
    action: str | None = None
    place: str | None = None
    when: DateValue | None = None
    context: str = ""
    near: str = ""
    unresolved_subject: bool = False
    lead: bool = False  # in the document's headline or first sentences (claims.LEAD_SENTENCES)
    part: bool = False  # introduced as a part of a larger count: "including two corvettes"
    scope: str | None = None  # the place a count covers: "province", "13 countries" (scopes.py)


@frozen(kw_only=True)
class Claim:
    """One atomic, checkable statement of one document, pointing at its exact characters."""

    id: str
    document: str
    kind: ClaimKind
    span: Span
    text: str
    sentence: Span
    value: Quantity | DateValue | Event
    about: About
    attribution: str | None = None
    polarity: Polarity = "affirmed"
    hedge: str | None = None


class Verdict(enum.Enum):
    """What the sources say about one thing.

    ``POSSIBLE_CONFLICT``: values that cannot both hold, from claims whose sameness scored between
    the agreement and the conflict bars: candidates for a fact-checker to read, ranked, never silence.
    """

    AGREEMENT = "agreement"
    CONFLICT = "conflict"
    POSSIBLE_CONFLICT = "possible_conflict"
    SINGLE_SOURCE = "single_source"


class ConflictType(enum.StrEnum):
    """Why two values clash: the kind of value, a denial, a misattributed quotation, or a later figure."""

    NUMERIC = "numeric"  # two quantities that share no value
    COUNT = "count"  # two ordinals of one series ("the fifth" vs "the sixth" patrol)
    DATE = "date"  # two dates of one event that do not overlap
    POLARITY = "polarity"  # one asserts, the other denies
    ATTRIBUTION = "attribution"  # the same quoted words credited to different speakers
    UPDATED = "updated"  # a count that differs between an earlier and a later report: maybe an update


@frozen
class Reason:
    """One feature of a same-fact score: the rule that saw it, what it added (log-odds; < 0 counted
    against), and what it saw ("both count deaths", "published 3 days apart")."""

    rule: str
    weight: float
    detail: str


@frozen(kw_only=True)
class Group:
    """Claims from one or more documents about the same thing, with the verdict and why."""

    id: str
    verdict: Verdict
    claims: tuple[Claim, ...]
    explanation: str
    topic: str = ""
    conflict_type: ConflictType | None = None
    # same-fact scores of linked pairs, [claim id, claim id, score]: a spanning forest of the cluster's
    # links and the pairs its verdict reads (as many as its claims, not its pairs; `align._kept`)
    scores: tuple[tuple[str, str, float], ...] = ()
    origins: tuple[tuple[str, ...], ...] = ()
    confidence: float | None = None
    reasons: tuple[Reason, ...] = ()

    @property
    def independent_origins(self) -> int:
        """How many independent origins back the group (documents sharing copy or a source count once)."""
        return len(self.origins) if self.origins else len(self.documents)

    @property
    def lead_claims(self) -> tuple[Claim, ...]:
        """The claims that give the group's value: those of its first claim's kind. A figure (or an
        ordinal, a date) and the events that carry it are one group ("more than 2,000 troops" inside
        "Beijing sent more than 2,000 troops"), the figure's claims first."""
        kind = self.claims[0].kind
        return tuple(c for c in self.claims if c.kind == kind)

    @property
    def documents(self) -> tuple[str, ...]:
        """The ids of the documents backing this group, sorted and unique."""
        return tuple(sorted({c.document for c in self.claims}))


@frozen(kw_only=True)
class Report:
    """The finished result of `check()`: documents, claims and groups, in a stable order."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    shared_passages: tuple[tuple[str, str, int], ...] = ()

    def __repr__(self) -> str:
        """Short and deterministic, ``<Report 5 documents, 3 conflicts, 16 agreements>``: a test
        failure or a debugger shows the counts, not 240 characters of the first document."""
        counts = [
            (len(self.documents), "document", "documents"),
            (len(self.conflicts), "conflict", "conflicts"),
            (len(self.possible_conflicts), "possible conflict", "possible conflicts"),
            (len(self.agreements), "agreement", "agreements"),
            (len(self.single_source), "single-source", "single-source"),
        ]
        return "<Report " + ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts) + ">"

    @property
    def conflicts(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.verdict is Verdict.CONFLICT)

    @property
    def agreements(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.verdict is Verdict.AGREEMENT)

    @property
    def single_source(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.verdict is Verdict.SINGLE_SOURCE)

    @property
    def possible_conflicts(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if g.verdict is Verdict.POSSIBLE_CONFLICT)

    def filter(
        self,
        *,
        verdicts: Iterable[Verdict | str] | None = None,
        kinds: Iterable[str] | None = None,
        min_sources: int = 1,
        min_origins: int = 1,
    ) -> Report:
        """A new report narrowed to what is asked; every argument left out keeps everything.

        ``verdicts``: the groups of these verdicts (`Verdict` or its value, ``"conflict"``);
        ``kinds``: the claims of these kinds and the groups made of them (a group is of its first
        claim's kind: a figure with the event that carries it is a quantity group, and keeps the
        event's claims only when events are asked for too); ``min_sources`` and
        ``min_origins``: agreements and (possible) conflicts backed by at least that many documents,
        and independent origins (`Group.independent_origins`); single-source groups are never held
        to these two. Documents are all kept; a claim whose group was hidden stays in ``claims``
        (it was extracted). Groups keep their ids, so ``g0007`` is the same group filtered or not.
        Raises `ConfigError` for an unknown verdict or kind, or a minimum below 1.
        """
        wanted_verdicts = _verdicts(verdicts)
        wanted_kinds = _kinds(kinds)
        for name, value in (("min_sources", min_sources), ("min_origins", min_origins)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{name}: expected a whole number >= 1, got {value!r}")

        def kept(group: Group) -> bool:
            if group.verdict not in wanted_verdicts or group.claims[0].kind not in wanted_kinds:
                return False
            return group.verdict is Verdict.SINGLE_SOURCE or (
                len(group.documents) >= min_sources and group.independent_origins >= min_origins
            )

        def narrowed(group: Group) -> Group:
            """A group of a figure and the event carrying it, with the event's claims dropped when
            events are not asked for: every claim a group names is in ``claims``."""
            if all(c.kind in wanted_kinds for c in group.claims):
                return group
            return attrs.evolve(group, claims=tuple(c for c in group.claims if c.kind in wanted_kinds))

        return Report(
            documents=self.documents,
            claims=tuple(c for c in self.claims if c.kind in wanted_kinds),
            groups=tuple(narrowed(g) for g in self.groups if kept(g)),
            shared_passages=self.shared_passages,
        )

    def document(self, doc_id: str) -> Document:
        """The document with this id; KeyError when there is none."""
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def find(self, doc_id: str, snippet: str) -> tuple[Group, ...]:
        """Groups holding a claim of ``doc_id`` whose sentence or text contains ``snippet``."""
        doc = self.document(doc_id)
        needle = snippet.casefold()
        out = []
        for group in self.groups:
            for claim in group.claims:
                if claim.document == doc_id and (
                    needle in claim.text.casefold() or needle in doc.text_of(claim.sentence).casefold()
                ):
                    out.append(group)
                    break
        return tuple(out)

    def to_dict(self) -> dict[str, object]:
        """The JSON contract, exactly what ``--format json`` prints (`render.to_json.report_dict`)."""
        from .render.to_json import report_dict  # the contract's home; imported when asked for

        return report_dict(self)

    def contract_sections(self) -> dict[str, object]:
        """`to_dict` with its lists as iterators, built one item at a time
        (`render.to_json.contract_sections`, what the JSON renderer streams)."""
        from .render.to_json import contract_sections

        return contract_sections(self)


_CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)


def _verdicts(given: Iterable[Verdict | str] | None) -> frozenset[Verdict]:
    if given is None:
        return frozenset(Verdict)
    out = set()
    for item in given:
        if isinstance(item, Verdict):
            out.add(item)
            continue
        try:
            out.add(Verdict(str(item).replace("-", "_")))
        except ValueError:
            known = ", ".join(v.value for v in Verdict)
            raise ConfigError(f"unknown verdict {item!r}: choose from {known}") from None
    return frozenset(out)


def _kinds(given: Iterable[str] | None) -> frozenset[str]:
    if given is None:
        return frozenset(_CLAIM_KINDS)
    out = frozenset(given)
    unknown = sorted(out - set(_CLAIM_KINDS))
    if unknown:
        raise ConfigError(f"unknown claim kind {unknown[0]!r}: choose from {', '.join(_CLAIM_KINDS)}")
    return out


SCHEMA_VERSION = 2


def value_dict(value: Quantity | DateValue | Event) -> dict[str, object]:
    """A normalized value as JSON (`render.to_json.value_dict`)."""
    from .render.to_json import value_dict as contract_value

    return contract_value(value)
