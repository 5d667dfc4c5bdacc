"""The edges of alignment, read through its memos (a pair of signatures scored once, a document's claims
of a slot read as their set of signatures), are the edges of scoring every pair one by one."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck.align import sources_of
from crosscheck.align.blocking import block_key, signature, time_pairs
from crosscheck.align.edges import _as_asserted, _edge, _edges, _slot
from crosscheck.align.rules import Source, same_fact_score
from crosscheck.config import Config
from crosscheck.engines import LocalEngine
from crosscheck.model import Claim, Document
from crosscheck.pipeline import index_documents
from crosscheck.terms import default_terms
from crosscheck.values import claims_compatible

from .conftest import make_doc

Edges = dict[tuple[int, int], float]


def _every_pair(block: list[Claim], docs: dict[str, Source], config: Config) -> tuple[list[Claim], Edges]:
    """The reference: every pair the sweep allows scored on its own, then each rule that takes edges
    away read as its docstring says, claim by claim."""
    ranked = sorted(block, key=lambda c: c.id)
    rank = {c.id: n for n, c in enumerate(ranked)}
    edges: Edges = {}
    for i, later in time_pairs(block, docs, config):
        for j in later:
            a, b = (block[i], block[j]) if i < j else (block[j], block[i])
            if a.document != b.document and (score := _edge(a, b, docs, config)) is not None:
                x, y = sorted((rank[a.id], rank[b.id]))
                edges[(x, y)] = score
    sig = [signature(c, docs) for c in ranked]
    margin = config.outmatch_margin

    def outmatched(own: int, other: int, score: float) -> bool:
        return any(
            ranked[r].document == ranked[own].document
            and rival >= score + margin
            and sig[r] != sig[own]
            and not claims_compatible(ranked[own], ranked[r])
            for (p, q), rival in edges.items()
            if other in (p, q)
            for r in (q if p == other else p,)
        )

    if margin > 0:
        edges = {(x, y): s for (x, y), s in edges.items() if not (outmatched(x, y, s) or outmatched(y, x, s))}

    def other_scope(x: int, y: int, score: float) -> bool:
        one = _as_asserted(ranked[x])
        best = max(
            (
                same_fact_score(one, _as_asserted(p), docs, config) or 0.0
                for p in ranked
                if p.document == ranked[y].document
                and _slot(p) == _slot(ranked[x])
                and claims_compatible(one, _as_asserted(p))
            ),
            default=0.0,
        )
        return best >= config.agree_bar and best > score - config.scope_margin

    return ranked, {
        (x, y): s
        for (x, y), s in edges.items()
        if ranked[x].about.measure in config.growing_things
        or claims_compatible(ranked[x], ranked[y])
        or not (other_scope(x, y, s) or other_scope(y, x, s))
    }


def _blocks(documents: list[Document], config: Config) -> tuple[list[list[Claim]], dict[str, Source]]:
    docs, by_id = index_documents(documents)
    blocks: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in LocalEngine(1).extract(docs, config, default_terms()):
        blocks[block_key(claim, config)].append(claim)
    ordered = [
        sorted(blocks[k], key=lambda c: (c.document, c.span.start, c.span.end)) for k in sorted(blocks)
    ]
    return ordered, sources_of(by_id)


def test_the_seed_corpus_edges_are_those_of_every_pair(seed_documents: tuple[Document, ...]) -> None:
    config = Config()
    blocks, docs = _blocks(list(seed_documents), config)
    linked = 0
    for block in blocks:
        ranked, edges = _edges(block, docs, config)
        assert (ranked, edges) == _every_pair(block, docs, config)
        linked += len(edges)
    assert linked > 10  # the seeds align: the comparison is not of empty tables


_SENTENCES = (
    "China sent {n} warships to the drill on Monday, officials said.",
    "Officials said China did not send {n} warships to the drill.",
    "Russia sent {m} warships and China {n} warships to the drill.",
    "The drill drew {n} warships on {day}, the navy said.",
    "{n} people were killed and {m} injured in the blast, police said.",
)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 4), st.sampled_from((3, 5, 12)), st.sampled_from((2, 7)), st.booleans()),
        min_size=2,
        max_size=9,
    )
)
def test_wire_copy_edges_are_those_of_every_pair(texts: list[tuple[int, int, int, bool]]) -> None:
    """Outlets repeating a few sentences with a few figures (so signatures repeat, documents share
    sets of them, and two scopes and one fact per document both fire)."""
    documents = [
        make_doc(
            f"d{k}",
            "Naval drill\n\n"
            + _SENTENCES[form].format(n=n, m=m, day="Sunday")
            + " "
            + _SENTENCES[(form + 2) % 5].format(n=m, m=n, day="Monday"),
            published="2023-07-17" if dated else None,
        )
        for k, (form, n, m, dated) in enumerate(texts)
    ]
    config = Config()
    blocks, docs = _blocks(documents, config)
    for block in blocks:
        assert _edges(block, docs, config) == _every_pair(block, docs, config)
