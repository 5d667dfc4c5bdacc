"""A group keeps as many pair scores as it has claims, not as it has pairs, and its verdict is the one
all the pairs give (issue 14: "a group carried by thousands of copies is stored once, not per pair")."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import crosscheck
from crosscheck import Document, Group, Verdict
from crosscheck.align import _clash_test, _deciding, _edges, _kept, _narrow_slot, sources_of
from crosscheck.align.blocking import block_key
from crosscheck.align.cluster import cluster
from crosscheck.config import Config
from crosscheck.engines import LocalEngine
from crosscheck.model import About, Claim, Interval, Quantity, Span
from crosscheck.pipeline import index_documents
from crosscheck.terms import default_terms
from crosscheck.values import claims_compatible
from crosscheck.verdict import _first_clash, judge

from .conftest import make_doc

_SENTENCES = (
    "Officials said {n} warships arrived in the port.",
    "The navy said {n} warships arrived in the port on Monday.",
    "About {n} warships arrived in the port, officials said.",
    "Officials said more than {n} warships arrived in the port.",
)


def _copies(numbers: list[int], dated: list[bool], forms: list[int]) -> list[Document]:
    return [
        make_doc(
            f"d{k:03d}",
            f"Navy visit\n\n{_SENTENCES[form].format(n=n)}",
            published="2023-07-17" if on else None,
        )
        for k, (n, on, form) in enumerate(zip(numbers, dated, forms, strict=True))
    ]


def _without_scores(group: Group) -> Group:
    return attrs.evolve(group, scores=())


def _judged_both_ways(documents: list[Document]) -> list[tuple[Group, Group, int, int]]:
    """Each cluster judged from all its linked pairs and from the pairs a group keeps: (from all,
    from kept, claims, pairs)."""
    config = Config()
    docs, by_id = index_documents(documents)
    claims = LocalEngine(1).extract(docs, config, default_terms())
    sources = sources_of(by_id)
    blocks = defaultdict(list)
    for claim in claims:
        blocks[block_key(claim, config)].append(claim)
    out = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda c: (c.document, c.span.start, c.span.end))
        ranked, edges = _edges(block, sources, config)
        for members, scores in cluster(
            ranked, edges, config.link_share, [_narrow_slot(c, config) for c in ranked]
        ):
            clashes = list(map(_clash_test(members), scores))
            kept = _kept(members, scores, clashes, _deciding(scores, clashes))
            assert set(kept) <= set(scores)
            everything = judge(members, scores, by_id, (), (), config)
            reduced = judge(members, kept, by_id, (), (), config)
            out.append((everything, reduced, len(members), len(scores)))
    return out


def test_a_group_of_many_copies_lists_as_many_pairs_as_claims() -> None:
    """80 undated outlets carrying one wire sentence, a few with another figure: one conflict of 80
    figures and the 80 events that carry them ("warships arrived"), 3,160 linked pairs of figures and
    as many of events, of which the report lists about one a claim, every claim in one of them."""
    numbers = [14 if k % 10 == 3 else 12 for k in range(80)]
    documents = _copies(numbers, [False] * 80, [0] * 80)
    report = crosscheck.check(documents)
    data = json.loads(crosscheck.render(report, "json"))
    [group] = [g for g in data["groups"] if len(g["claims"]) > 1]
    assert group["verdict"] in ("conflict", "possible_conflict")
    assert len(group["claims"]) == 160
    assert len(group["scores"]) <= len(group["claims"]) + 4  # two clusters folded into one group
    assert {c for a, b, _ in group["scores"] for c in (a, b)} == set(group["claims"])
    # the pair that decides the conflict is listed: 12 against 14
    texts = {c["id"]: c["text"] for c in data["claims"]}
    assert any({texts[a], texts[b]} == {"12 warships", "14 warships"} for a, b, _ in group["scores"])
    clusters = [row for row in _judged_both_ways(documents) if row[2] > 1]
    assert [(claims, pairs) for _all, _kept, claims, pairs in clusters] == [(80, 80 * 79 // 2)] * 2
    for everything, reduced, _claims, _pairs in clusters:
        assert _without_scores(reduced) == _without_scores(everything)


@settings(max_examples=25, deadline=None, database=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([12, 12, 12, 14, 15]), st.booleans(), st.integers(0, len(_SENTENCES) - 1)),
        min_size=2,
        max_size=14,
    )
)
def test_the_kept_pairs_give_the_verdict_all_the_pairs_give(copies: list[tuple[int, bool, int]]) -> None:
    """Verdict, conflict type, confidence, explanation and reasons are the same from the kept pairs
    as from all of them, whatever the figures, dates and wordings of the copies."""
    numbers, dated, forms = (list(x) for x in zip(*copies, strict=True))
    for everything, reduced, claims, _pairs in _judged_both_ways(_copies(numbers, dated, forms)):
        assert _without_scores(reduced) == _without_scores(everything)
        assert len(reduced.scores) <= claims + 2
        if everything.verdict is not Verdict.SINGLE_SOURCE:
            assert reduced.scores


def test_the_seeds_verdicts_are_those_of_all_their_pairs(seed_documents: tuple[Document, ...]) -> None:
    for everything, reduced, _claims, _pairs in _judged_both_ways(list(seed_documents)):
        assert _without_scores(reduced) == _without_scores(everything)


def _claim(doc: str, start: int, amount: int, text: str, denied: bool) -> Claim:
    span = Span(doc, start, start + len(text))
    return Claim(
        id=f"{doc}:{span.start}-{span.end}",
        document=doc,
        kind="quantity",
        span=span,
        text=text,
        sentence=span,
        value=Quantity(
            amount=Decimal(amount),
            bound="exact",
            interval=Interval(low=Decimal(amount), high=Decimal(amount)),
        ),
        about=About(thing="warships"),
        polarity="denied" if denied else "affirmed",
    )


def _every_pair_first_clash(claims: tuple[Claim, ...]) -> tuple[Claim, Claim] | None:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if a.document != b.document and not claims_compatible(a, b):
                return a, b
    return None


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.sampled_from([12, 12, 14]),
            st.sampled_from(["12", "exactly 12"]),
            st.booleans(),
        ),
        max_size=16,
    )
)
def test_the_first_clash_of_a_group_is_the_one_every_pair_finds(
    draws: list[tuple[int, int, str, bool]],
) -> None:
    """A group whose pairs show no clash between documents still looks for one among its claims: the
    first two in its order, read from its kinds of claims instead of its pairs."""
    claims = tuple(
        _claim(f"d{doc}", 10 * n, amount, text, denied and n % 3 == 0)
        for n, (doc, amount, text, denied) in enumerate(draws)
    )
    assert _first_clash(claims) == _every_pair_first_clash(claims)


def test_ten_thousand_agreeing_copies_are_looked_over_by_their_wordings() -> None:
    """10,000 claims of 10,000 documents, all one figure: no clash, found without 50 million pairs
    (the naive search compares each pair: minutes; a clash at the end is still found)."""
    claims = tuple(_claim(f"d{n:05d}", 0, 12, "12", False) for n in range(10_000))
    assert _first_clash(claims) is None
    last = _claim("d99999", 0, 14, "14", False)
    assert _first_clash((*claims, last)) == (claims[0], last)
