"""Alignment's clustering: complete linkage, the same as checking every pair at every merge, agreeing
pairs before clashing ones."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.align.cluster import cluster as _cluster
from crosscheck.model import About, Claim, Interval, Quantity, Span


def _claim(doc: str, start: int, amount: int) -> Claim:
    span = Span(doc, start, start + 1)
    return Claim(
        id=f"{doc}:{start}-{start + 1}",
        document=doc,
        kind="quantity",
        span=span,
        text="x",
        sentence=span,
        value=Quantity(
            amount=Decimal(amount),
            bound="exact",
            interval=Interval(low=Decimal(amount), high=Decimal(amount)),
        ),
        about=About(thing="troops"),
    )


def _linked(p: Claim, q: Claim, edges: dict[tuple[str, str], float]) -> bool:
    if p.document == q.document:  # one document saying it twice: linked when the values agree
        return p.value == q.value
    return (min(p.id, q.id), max(p.id, q.id)) in edges


def _naive(block: list[Claim], edges: dict[tuple[str, str], float]) -> set[frozenset[str]]:
    """The reference: before every merge, check every pair of the two clusters; pairs of one value
    first (strongest first), then pairs of two values."""
    members = {c.id: [c] for c in block}
    owner = {c.id: c.id for c in block}
    by_id = {c.id: c for c in block}

    def order(item: tuple[tuple[str, str], float]) -> tuple[bool, float, tuple[str, str]]:
        (x, y), score = item
        return (by_id[x].value != by_id[y].value, -score, item[0])

    for (x, y), _ in sorted(edges.items(), key=order):
        cx, cy = owner[x], owner[y]
        if cx == cy or not all(_linked(p, q, edges) for p in members[cx] for q in members[cy]):
            continue
        members[cx].extend(members.pop(cy))
        for claim in members[cx]:
            owner[claim.id] = cx
    return {frozenset(c.id for c in group) for group in members.values()}


@st.composite
def blocks(draw: st.DrawFn) -> tuple[list[Claim], dict[tuple[str, str], float]]:
    n = draw(st.integers(1, 14))
    block = [
        _claim(f"d{draw(st.integers(0, 5))}", i * 10, draw(st.sampled_from([1, 1, 2]))) for i in range(n)
    ]
    block.sort(key=lambda c: (c.document, c.span.start))
    edges: dict[tuple[str, str], float] = {}
    for i, a in enumerate(block):
        for b in block[i + 1 :]:
            if a.document != b.document and draw(st.booleans()):
                key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                edges[key] = float(draw(st.sampled_from([62, 70, 70, 85, 100])))
    return block, edges


@settings(max_examples=300, deadline=None, database=None)
@given(blocks())
def test_complete_linkage_matches_checking_every_pair(
    case: tuple[list[Claim], dict[tuple[str, str], float]],
) -> None:
    block, edges = case
    ranked = sorted(block, key=lambda c: c.id)
    position = {c.id: n for n, c in enumerate(ranked)}
    clusters = _cluster(ranked, {(position[x], position[y]): s for (x, y), s in edges.items()})
    assert {frozenset(c.id for c in group) for group, _ in clusters} == _naive(block, edges)
    assert sorted(c.id for group, _ in clusters for c in group) == sorted(c.id for c in block)
    for group, scores in clusters:
        pairs = {(a, b) for a, b, _ in scores}
        for i, p in enumerate(group):
            for q in group[i + 1 :]:
                assert _linked(p, q, edges)  # every member is linked with every other
                if p.document != q.document:
                    assert (min(p.id, q.id), max(p.id, q.id)) in pairs


def test_publication_dates_at_the_calendars_ends_do_not_crash_alignment() -> None:
    import datetime as dt

    from crosscheck import Document, check

    docs = [
        Document(id="a", text="The fire killed 12 people last week.", published=dt.date(1, 1, 1)),
        Document(id="b", text="The fire killed 12 people on Monday.", published=dt.date(9999, 12, 31)),
        Document(id="c", text="The fire killed 15 people on Monday.", published=dt.date(1, 1, 2)),
    ]
    report = check(docs)
    assert {c.document for c in report.claims} == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("clash", "sibling", "bar", "expected"),
    [
        # A says six and, elsewhere, five; B's five matches A's six better: one fact, A's six against B
        (95.8, 89.7, 90.0, [{"six", "five", "other"}]),
        # without the rule a document never holds two values of one fact: A's five agrees, six alone
        (95.8, 89.7, None, [{"five", "other"}, {"six"}]),
        # a clash below the bar is not sure enough to show A contradicting itself
        (88.0, 80.0, 90.0, [{"five", "other"}, {"six"}]),
        # A's own five is the closer match of B's five: the six is another fact
        (95.8, 97.0, 90.0, [{"five", "other"}, {"six"}]),
        # A's five is not linked to B's: nothing stands between A's six and B's five
        (95.8, None, 90.0, [{"six", "other"}, {"five"}]),
    ],
)
def test_a_document_contradicting_itself_meets_the_report_it_contradicts(
    clash: float, sibling: float | None, bar: float | None, expected: list[set[str]]
) -> None:
    named = {"six": _claim("a", 0, 6), "five": _claim("a", 50, 5), "other": _claim("b", 0, 5)}
    ranked = sorted(named.values(), key=lambda c: c.id)
    at = {c.id: n for n, c in enumerate(ranked)}
    name_of = {c.id: name for name, c in named.items()}

    def key(p: str, q: str) -> tuple[int, int]:
        x, y = at[named[p].id], at[named[q].id]
        return (min(x, y), max(x, y))

    edges = {key("six", "other"): clash}
    if sibling is not None:
        edges[key("five", "other")] = sibling
    clusters = _cluster(ranked, edges, share=0.5, contradiction_bar=bar)  # Config.link_share
    assert sorted(sorted(name_of[c.id] for c in group) for group, _ in clusters) == sorted(
        sorted(group) for group in expected
    )


def test_alignment_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    from crosscheck.align import align
    from crosscheck.config import Config
    from crosscheck.model import Document

    docs = {d: Document(id=d, text="x" * 40) for d in ("a", "b")}
    claims = [_claim("a", 0, 5), _claim("b", 0, 6)]
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert len(align(claims, docs, config=Config())) >= 1
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
