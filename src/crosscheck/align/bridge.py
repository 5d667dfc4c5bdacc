"""Bridges across blocks: one rare figure counted under two names is one fact.

Blocking keeps "31 separate pieces" (of firefighting apparatus) and "31 fire apparatus", or "2,116" and
"2,116 points", apart: their counted things differ, or one names none. After every block is clustered,
two clusters of different blocks join when they give the same distinctive figure (`distinctive`) and
that pair of claims scores as one fact (`edges._edge_of`, every hard rule and bar included). Only
clusters whose values all agree are joined, and only while every value of the joined cluster is
compatible with every other: a bridge never makes or changes a conflict, it only gathers agreeing
reports. A figure given by more than ``MAX_BRIDGED`` clusters names no one fact and bridges none, and
two clusters a document is in both are never joined: that document tells the two apart ("11 points, 11
rebounds"; on the dev half of benchmarks/gold one wrong agreement fewer, nothing lost).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..config import Config
from ..model import Claim, Quantity, Reason
from ..values import claims_compatible as compatible
from .blocking import block_key
from .edges import _edge_of, _narrow_slot
from .rules import Source, explain
from .rules import scored as rules_scored

__all__ = ["MAX_BRIDGED", "bridge_clusters", "distinctive"]

Score = tuple[str, str, float]
Cluster = tuple[tuple[Claim, ...], tuple[Score, ...], tuple[Reason, ...]]

# A figure given by more clusters than this is too common to say which of them are one fact.
MAX_BRIDGED = 8


def distinctive(claim: Claim) -> bool:
    """A whole count of at least 11 that is no round figure ("31", "106", "2,116"; not "2,000", "40"),
    not an age nor an ordinal: two reports giving it by chance about different facts are rare."""
    value = claim.value
    if claim.kind != "quantity" or not isinstance(value, Quantity) or claim.about.measure == "age":
        return False
    amount = value.amount
    if not 11 <= amount < _LARGEST or amount != amount.to_integral_value():
        return False
    return int(amount) % 10 != 0


# Figures from here on are no count two reports give (and Decimal arithmetic on thousands of digits
# would raise): never distinctive.
_LARGEST = 10**15


def bridge_clusters(
    clusters: Sequence[Cluster],
    sources: Mapping[str, Source],
    config: Config,
) -> list[Cluster]:
    """``clusters`` with those a rare figure bridges joined (in the order of their first claims); a
    cluster holding two values that cannot both hold is never bridged."""
    by_figure: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for n, (members, _scores, _reasons) in enumerate(clusters):
        if not any(distinctive(c) for c in members) or not _all_compatible(clusters, (n,), (n,), config):
            continue
        seen: set[tuple[object, ...]] = set()
        for claim in members:
            if distinctive(claim):
                key = _key(claim)
                if key not in seen:
                    seen.add(key)
                    by_figure[key].append(n)
    block = {n: block_key(clusters[n][0][0], config) for found in by_figure.values() for n in found}
    bridges: list[tuple[float, str, str, int, int]] = []
    for key in sorted(by_figure, key=repr):
        found = by_figure[key]
        if not 2 <= len(found) <= MAX_BRIDGED:
            continue
        first = [next(c for c in clusters[n][0] if distinctive(c) and _key(c) == key) for n in found]
        for i in range(len(found)):
            for j in range(i + 1, len(found)):
                a, b = first[i], first[j]
                if a.document == b.document or block[found[i]] == block[found[j]]:
                    continue  # one block's clustering has already kept them apart
                result = rules_scored(a, b, sources, config)
                score = None if result is None else _edge_of(a, b, result, sources, config)
                if score is not None:
                    low, high = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                    bridges.append((score, low, high, found[i], found[j]))
    if not bridges:
        return list(clusters)
    bridges.sort(key=lambda b: (-b[0], b[1], b[2]))
    parent = list(range(len(clusters)))
    parts: dict[int, list[int]] = {n: [n] for n in range(len(clusters))}  # root -> its clusters
    joined: dict[int, list[Score]] = defaultdict(list)  # root -> the bridges inside it

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = n = parent[parent[n]]
        return n

    documents = {n: {c.document for c in clusters[n][0]} for n in range(len(clusters))}
    for score, x, y, i, j in bridges:
        ri, rj = root(i), root(j)
        if ri == rj or not _all_compatible(clusters, parts[ri], parts[rj], config):
            continue
        if documents[ri] & documents[rj]:
            continue  # a document gives the figure in both, under two names: two facts ("11 points, 11 rebounds")
        keep, gone = min(ri, rj), max(ri, rj)
        parent[gone] = keep
        parts[keep].extend(parts.pop(gone))
        documents[keep] |= documents.pop(gone)
        joined[keep].extend(joined.pop(gone, []))
        joined[keep].append((x, y, score))
    out: list[Cluster] = []
    for r in sorted(parts):
        if len(parts[r]) == 1:
            out.append(clusters[r])
            continue
        members = tuple(
            sorted(
                (c for n in parts[r] for c in clusters[n][0]),
                key=lambda c: (c.document, c.span.start, c.span.end),
            )
        )
        scores = tuple(s for n in sorted(parts[r]) for s in clusters[n][1]) + tuple(joined[r])
        # an agreement's reasons are its strongest pair's (`align._deciding`)
        best = max(scores, key=lambda s: (s[2], s[0], s[1]))
        by_id = {c.id: c for c in members}
        out.append((members, scores, explain(by_id[best[0]], by_id[best[1]], sources, config)))
    out.sort(key=lambda c: (c[0][0].document, c[0][0].span.start, c[0][0].span.end))
    return out


def _key(claim: Claim) -> tuple[object, ...]:
    value = claim.value
    assert isinstance(value, Quantity)
    return (value.amount, value.bound, value.unit, claim.polarity)


def _all_compatible(
    clusters: Sequence[Cluster], left: Sequence[int], right: Sequence[int], config: Config
) -> bool:
    """Every value of the one set of clusters can hold with every value of the other (each wording
    once), and they measure at most one slot between them (a death toll never joins an injury count)."""
    one = {(c.value, c.polarity, c.text): c for n in left for c in clusters[n][0]}
    other = {(c.value, c.polarity, c.text): c for n in right for c in clusters[n][0]}
    slots = {_narrow_slot(c, config) for c in (*one.values(), *other.values())} - {None}
    if len(slots) > 1:
        return False
    return all(compatible(a, b) for a in one.values() for b in other.values())
