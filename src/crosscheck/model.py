"""The data model: every value crosscheck produces is a frozen attrs instance, defined here (claims,
groups, reports) or in `crosscheck.value_types` (spans, documents, values, mentions), re-exported here.

Offsets are born with the text: a `Span` always indexes `Document.text` as it was read, and
`document.text[span.start:span.end] == claim.text` holds for every claim.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Literal, get_args

import attrs
from attrs import frozen

from .errors import ConfigError
from .value_types import (
    Bound,
    DateMention,
    DateValue,
    Document,
    Event,
    Granularity,
    Interval,
    Polarity,
    Quantity,
    QuantityMention,
    Sentence,
    Span,
)
from .value_types import DateRelation as DateRelation  # not in `__all__`, imported from here

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
