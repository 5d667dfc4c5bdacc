"""Group claims of different documents that state the same fact, with a score and its reasons.

Find, then score, then cluster: claims are blocked by kind and measured slot (`blocking.block_key`)
and swept in time order, so only plausible pairs are scored; each pair gets a same-fact score from
the named pair rules (`rules.PAIR_RULES`, a logistic model whose weights live in `Config`).
Compatible pairs scoring at least ``Config.agree_bar`` and incompatible pairs scoring at least
``Config.possible_bar`` are edges; clustering is complete-linkage over them. Whether a cluster is a
conflict, a possible conflict or an agreement is `verdict.judge`'s call, from the scores.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from ..config import Config
from ..model import Claim, Document, Reason
from ..terms import default_terms
from ..values import claims_compatible as compatible
from .blocking import MAX_TIME_NEIGHBOURS, block_key
from .bridge import bridge_clusters
from .cluster import cluster
from .edges import _edges, _narrow_slot
from .rules import (
    PAIR_RULES,
    PairRule,
    Source,
    context_score,
    explain,
    same_fact_score,
    source_of,
    with_rarity,
)

__all__ = [
    "MAX_TIME_NEIGHBOURS",
    "PAIR_RULES",
    "Cluster",
    "PairRule",
    "Source",
    "align",
    "block_key",
    "bridge_clusters",
    "context_score",
    "explain",
    "same_fact_score",
    "sources_of",
]

# The claims of one cluster, the scores of the pairs it keeps of its linked pairs (`_kept`: as many as
# its claims, not as its pairs), and the reasons of its deciding pair (its strongest clash when values
# differ, else its strongest pair).
Cluster = tuple[tuple[Claim, ...], tuple[tuple[str, str, float], ...], tuple[Reason, ...]]
Score = tuple[str, str, float]


def align(
    claims: Iterable[Claim],
    documents: Mapping[str, Document],
    *,
    config: Config,
    sources: Mapping[str, Source] | None = None,
    bridged: bool = True,
) -> list[Cluster]:
    """Clusters of claims about the same fact; every claim is in exactly one (alone when nothing matches).

    Blocks are clustered one by one, then clusters of different blocks giving one rare figure are
    joined (`bridge_clusters`); ``bridged=False`` leaves that to the caller (an engine aligning blocks
    apart bridges once, over all of them).

    ``sources`` are `sources_of(documents)` when the caller has them already (the Dask engine reads
    them once per run, not once per block).

    Python's cyclic garbage collector is paused while it runs (and resumed after, if it was on): the
    run makes millions of small acyclic objects (pairs, scores, memo keys) next to every claim of
    the corpus, and each full collection walked all of them (a third of the time at 1,000 documents)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        if sources is None:
            sources = sources_of(documents)
        found = _align(claims, config, sources)
        return bridge_clusters(found, sources, config) if bridged else found
    finally:
        if enabled:
            gc.enable()


def _align(claims: Iterable[Claim], config: Config, sources: Mapping[str, Source]) -> list[Cluster]:
    blocks: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        blocks[block_key(claim, config)].append(claim)
    out: list[Cluster] = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda c: (c.document, c.span.start, c.span.end))
        ranked, edges = _edges(block, sources, config)
        slots = [_narrow_slot(c, config) for c in ranked]
        groups = cluster(
            ranked,
            edges,
            config.link_share,
            slots,
            config.contradiction_bar,
            frozenset(config.growing_things),
            config.max_values,
        )
        for members, scores in groups:
            clashes = list(map(_clash_test(members), scores))
            deciding = _deciding(scores, clashes)
            reasons = () if deciding is None else explain(*_pair(members, scores[deciding]), sources, config)
            out.append((members, _kept(members, scores, clashes, deciding), reasons))
    out.sort(key=lambda c: (c[0][0].document, c[0][0].span.start, c[0][0].span.end))
    return out


def sources_of(documents: Mapping[str, Document]) -> dict[str, Source]:
    """What the pair rules read of each document (`rules.Source`), read once per run, over all the
    run's documents (so every engine and every block sees the same rarity of names)."""
    stopwords = default_terms().stopwords
    return with_rarity({doc_id: source_of(documents[doc_id], stopwords) for doc_id in sorted(documents)})


def _clash_test(members: tuple[Claim, ...]) -> Callable[[Score], bool]:
    """Whether the values of a pair of the cluster clash (`values.claims_compatible`, which reads a
    claim's value, polarity and text): a cluster of wire copies repeats a few of those many times, so
    each two of them are compared once."""
    keys: dict[tuple[object, ...], int] = {}
    kind_of = {c.id: keys.setdefault((c.value, c.polarity, c.text), len(keys)) for c in members}
    sample = {k: c for c in members for k in (kind_of[c.id],)}
    alike: dict[int, bool] = {}  # x * len(keys) + y -> the values of kinds x < y clash

    def clash(pair: Score) -> bool:
        x, y = kind_of[pair[0]], kind_of[pair[1]]
        if x == y:
            return False
        key = x * len(keys) + y if x < y else y * len(keys) + x
        if key not in alike:
            alike[key] = not compatible(sample[x], sample[y])
        return alike[key]

    return clash


def _deciding(scores: tuple[Score, ...], clashes: Sequence[bool]) -> int | None:
    """Where the pair whose features are the cluster's reasons is in ``scores``: its strongest
    clash when values differ (``clashes``: whether each pair's values clash), else its strongest
    pair (ties to the higher ids); None without pairs."""
    if not scores:
        return None
    among = [n for n, clash in enumerate(clashes) if clash] or range(len(scores))
    return max(among, key=lambda n: (scores[n][2], scores[n][0], scores[n][1]))


def _pair(members: tuple[Claim, ...], score: Score) -> tuple[Claim, Claim]:
    by_id = {c.id: c for c in members}
    return by_id[score[0]], by_id[score[1]]


def _kept(
    members: tuple[Claim, ...],
    scores: tuple[Score, ...],
    clashes: Sequence[bool],
    deciding: int | None,
) -> tuple[Score, ...]:
    """The pairs a cluster keeps of its linked pairs, in their order: at most two more than its claims,
    where a cluster of 400 wire copies has tens of thousands of pairs.

    They are a maximum spanning forest of the links (Kruskal's: strongest first, ties by the ids; it
    joins every claim to the cluster by its strongest links), and the pairs a verdict reads: the
    strongest clash between two documents (the first of the highest, in the order of ``scores``, as
    `verdict.judge` takes it), the weakest pair (an agreement's confidence is the lowest score of all
    the pairs), and the pair whose features are the reasons (``deciding``). So `verdict.judge` reads
    the same verdict, confidence and explanation from these as from all the pairs.
    """
    if len(scores) < 2:
        return scores
    keep = {n for n in (deciding,) if n is not None}
    # strongest first, ties by the ids: the ids as their places in id order, sorted as plain numbers
    # (by the pair of places, then stably by strength); a union-find over the places
    place = {c: n for n, c in enumerate(sorted({c.id for c in members}))}
    width = len(place)
    ends = [(place[p], place[q]) for p, q, _s in scores]
    by_ids = [p * width + q for p, q in ends]
    strength = [-s for _p, _q, s in scores]
    order = sorted(range(len(scores)), key=by_ids.__getitem__)
    order.sort(key=strength.__getitem__)
    parent = list(range(width))
    for n in order:
        a, b = ends[n]
        while (up := parent[a]) != a:  # a's root, halving the path to it
            parent[a] = a = parent[up]
        while (up := parent[b]) != b:
            parent[b] = b = parent[up]
        if a != b:
            parent[max(a, b)] = min(a, b)
            keep.add(n)
    document = {c.id: c.document for c in members}
    weakest, strongest = 0, None
    for n, pair in enumerate(scores):
        if pair[2] < scores[weakest][2]:
            weakest = n
        if (
            clashes[n]
            and (strongest is None or pair[2] > scores[strongest][2])
            and document[pair[0]] != document[pair[1]]
        ):
            strongest = n
    keep.add(weakest)
    if strongest is not None:
        keep.add(strongest)
    return tuple(scores[n] for n in sorted(keep))
