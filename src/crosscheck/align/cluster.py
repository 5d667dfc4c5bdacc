"""Complete-linkage clustering over scored edges: agreeing pairs first, then clashing ones, each
strongest first; deterministic."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence

from ..model import Claim, Event
from ..values import claims_compatible as compatible

__all__ = ["cluster"]

Members = tuple[tuple[Claim, ...], tuple[tuple[str, str, float], ...]]


def cluster(
    claims: Sequence[Claim],
    edges: Mapping[tuple[int, int], float],
    share: float = 1.0,
    slots: Sequence[str | None] | None = None,
    contradiction_bar: float | None = None,
    growing: Collection[str] = (),
    max_values: int = 0,
) -> list[Members]:
    """Complete-linkage agglomeration over the edges, deterministic: the pairs of compatible claims
    first, strongest first, then the pairs that clash, strongest first. (Strongest first over all
    edges let a weak clash pull a stray count into a fact before its agreeing reports had gathered;
    on the dev half of benchmarks/gold this order took count agreement recall from 73% to 79%.)

    ``claims`` are in id order and ``edges`` keyed by their positions, lower first, so ties between
    equal scores are broken by the claims' ids. Two clusters merge when every pair of their claims is
    linked (`_linked`), or with ``share`` < 1 at least that share of them, and no two claims of one
    document in them are incompatible (a toll reported as 1, 3
    and 5 is one fact even where two of its reports were not scored together); the number of linked
    pairs between clusters is kept up to date instead of re-checking every pair at each merge.

    A document that contradicts itself ("dispatched six warships" in one paragraph, "a flotilla of
    five warships" in another) still meets the report it contradicts: with ``contradiction_bar``, a
    clash scoring at least that joins x to y's group over another claim of x's document there that
    gives y's value, when x is the closer match of y (`_closer_match`), and the same the other way.

    With ``max_values``, two clusters whose values clash merge only while the merged cluster holds at
    most that many values no two of which can both hold (`_few_values`; a growing toll may hold any).

    A toll grows within one story ("killing one person" in the lead, "the toll rose to 24"
    further down): two values of one document measuring one of the ``growing`` slots
    (`Config.growing_things`: deaths, injuries, arrests, ...) do not keep their clusters apart. (On the
    dev half of benchmarks/gold: count conflict recall 45% -> 51% at precision 100% -> 93%, agreement
    P/R 93/90 -> 91/92; ECB+ with both events, conflicts holding both 18 -> 14.)
    """
    # a cluster's members (None once merged into another) and its slot, by the cluster's number
    members: list[list[int] | None] = [[x] for x in range(len(claims))]
    size_of = [1] * len(claims)
    slot_of: list[str | None] = list(slots) if slots is not None else [None] * len(claims)
    owner = list(range(len(claims)))
    links: list[dict[int, int]] = [{} for _ in claims]  # cluster -> cluster -> linked pairs
    # cluster -> cluster -> pairs of one document that cannot be one fact (1,500 and 50,000 soldiers
    # in one text): whatever the share, such clusters never merge
    splits: list[dict[int, int]] = [{} for _ in claims]

    def link(x: int, y: int, table: list[dict[int, int]] = links) -> None:
        table[x][y] = table[x].get(y, 0) + 1
        table[y][x] = table[y].get(x, 0) + 1

    for x, y in edges:  # each pair once, lower first: one link each
        links[x][y] = 1
        links[y][x] = 1
    # what `compatible` reads of a claim (its value, polarity and words), as a small number: a block
    # of wire copy repeats a few of them many times, so each two are compared once
    reads: dict[tuple[object, ...], int] = {}
    read_as = [reads.setdefault((c.value, c.polarity, c.text), len(reads)) for c in claims]
    alike: dict[int, bool] = {}
    # a cluster's distinct readings (read_as numbers) and one claim of each, for `_few_values`
    values: list[frozenset[int]] = [frozenset((r,)) for r in read_as]
    sample_of = {r: x for x, r in enumerate(read_as)}

    def agree_read(p: int, q: int) -> bool:
        return agree(sample_of[p], sample_of[q])

    def agree(x: int, y: int) -> bool:
        p, q = read_as[x], read_as[y]
        key = p * len(claims) + q if p <= q else q * len(claims) + p
        found = alike.get(key)
        if found is None:
            found = alike[key] = compatible(claims[x], claims[y])
        return found

    # Only claims with an edge can ever merge, so only their pairs within one document are read (one
    # document's 5,000 claims of one block, with no other document, cost nothing).
    touched = {x for pair in edges for x in pair}
    by_document: dict[str, list[int]] = defaultdict(list)
    for x, claim in enumerate(claims):
        if x in touched:
            by_document[claim.document].append(x)
    for same in by_document.values():
        for n, x in enumerate(same):
            for y in same[n + 1 :]:
                if _linked(claims, x, y, edges, agree):
                    link(x, y)
                elif not _one_toll(claims[x], claims[y], growing):
                    link(x, y, splits)
    # agreeing pairs first, strongest first, then clashing ones: each fact's reports gather by value
    # before two values of one fact are joined, so a weak clash cannot pull a stray claim in early;
    # ties by the pair (lower, higher). Sorted as plain numbers (stable: by pair, then by strength).
    size = len(claims)
    pairs = list(edges)
    strength = [-score for score in edges.values()]
    by_pair = [x * size + y for x, y in pairs]
    agreeing: list[int] = []
    clashing: list[int] = []
    for n, (x, y) in enumerate(pairs):
        p, q = read_as[x], read_as[y]
        found = alike.get(p * size + q if p <= q else q * size + p)
        (agreeing if (agree(x, y) if found is None else found) else clashing).append(n)
    # a cluster's name is the claim it started from; it lives on in the table of whichever of two
    # merging clusters has more neighbours (the other's are moved into it: never the larger table)
    name = list(range(size))
    for clash, order in ((False, agreeing), (True, clashing)):
        order.sort(key=by_pair.__getitem__)
        order.sort(key=strength.__getitem__)
        for n in order:
            x, y = pairs[n]
            cx, cy = owner[x], owner[y]
            if cx == cy:
                continue
            # (the three tests that keep two clusters apart, cheapest first: none has an effect)
            if links[cx].get(cy, 0) < share * size_of[cx] * size_of[cy]:
                continue
            slot, other = slot_of[cx], slot_of[cy]
            if slot and other and slot != other:
                continue
            if splits[cx].get(cy) and not (
                contradiction_bar is not None
                and clash
                and -strength[n] >= contradiction_bar
                and _closer_match(
                    claims, _members(members, cx), _members(members, cy), x, y, -strength[n], edges, agree
                )
            ):
                continue
            if (
                clash
                and max_values
                and not _few_values(
                    claims, values[cx] | values[cy], max_values, agree_read, growing, sample_of.__getitem__
                )
            ):
                continue
            if slot is None:
                slot = other
            keep, gone = (
                (cx, cy) if len(links[cx]) + len(splits[cx]) >= len(links[cy]) + len(splits[cy]) else (cy, cx)
            )
            slot_of[keep] = slot
            name[keep] = name[cx]
            for table in (links, splits):
                kept = table[keep]
                for z, k in table[gone].items():
                    del table[z][gone]
                    if z != keep:
                        kept[z] = table[z][keep] = kept.get(z, 0) + k
                table[gone] = {}
            moved = _members(members, gone)
            for m in moved:
                owner[m] = keep
            members[keep] = _members(members, cx) + _members(members, cy)
            members[gone] = None
            values[keep] = values[cx] | values[cy]
            size_of[keep] += size_of[gone]
    # each cluster's edges, read once (not every pair of its members: a cluster of 10,000 copies has
    # 50 million pairs and at most MAX_TIME_NEIGHBOURS edges a claim)
    inside: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for x, y in edges:
        if owner[x] == owner[y]:
            inside[owner[x]].append((x, y))
    out: list[Members] = []
    roots = [root for root, group in enumerate(members) if group is not None]
    for root in sorted(roots, key=name.__getitem__):
        group = _members(members, root)
        group.sort(key=lambda x: (claims[x].document, claims[x].span.start, claims[x].span.end))
        at = {x: n for n, x in enumerate(group)}
        # in the order of the group's members: the earlier member of a pair, then the later one
        placed = []
        for x, y in inside.get(root, ()):
            p, q = at[x], at[y]
            placed.append((p, q, x, y) if p < q else (q, p, x, y))  # no two pairs have one (p, q)
        placed.sort()
        scores = tuple((claims[x].id, claims[y].id, edges[(x, y)]) for _p, _q, x, y in placed)
        out.append((tuple(claims[x] for x in group), scores))
    return out


def _members(members: Sequence[list[int] | None], root: int) -> list[int]:
    group = members[root]
    assert group is not None
    return group


def _closer_match(
    claims: Sequence[Claim],
    left: Sequence[int],
    right: Sequence[int],
    x: int,
    y: int,
    score: float,
    edges: Mapping[tuple[int, int], float],
    agree: Callable[[int, int], bool],
) -> bool:
    """Every pair of one document across ``left`` and ``right`` that cannot be one fact holds x
    (or y), and its other claim gives y's (or x's) value, linked to it by less than ``score``."""

    def link(p: int, q: int) -> float:
        return edges.get((p, q) if p < q else (q, p), 0.0)

    by_document: dict[str, list[int]] = defaultdict(list)
    for q in right:
        by_document[claims[q].document].append(q)
    for p in left:
        for q in by_document.get(claims[p].document, ()):  # pairs of one document only
            if agree(p, q):
                continue
            if not (
                (p == x and agree(q, y) and 0 < link(q, y) < score)
                or (q == y and agree(p, x) and 0 < link(p, x) < score)
            ):
                return False
    return True


def _few_values(
    claims: Sequence[Claim],
    readings: frozenset[int],
    most: int,
    agree_read: Callable[[int, int], bool],
    growing: Collection[str],
    sample_of: Callable[[int], int],
) -> bool:
    """Whether the readings of a cluster hold at most ``most`` values no two of which can both hold (a
    greedy count, in reading order): one fact misreported gives two or three figures; more are
    several facts of one kind ("six weeks", "four months", "35 years", "eight years" of one story),
    not one. A toll that grows (``growing``) may give any number."""
    if len(readings) <= most:
        return True
    if all(claims[sample].about.measure in growing for sample in (sample_of(r) for r in readings)):
        return True
    kept: list[int] = []
    for r in sorted(readings):
        if all(not agree_read(r, k) for k in kept):
            kept.append(r)
            if len(kept) > most:
                return False
    return True


def _one_toll(a: Claim, b: Claim, growing: Collection[str]) -> bool:
    """Two values of one growing count in one document: "one dead", then "24 dead"."""
    return a.about.measure is not None and a.about.measure == b.about.measure and a.about.measure in growing


def _linked(
    claims: Sequence[Claim],
    x: int,
    y: int,
    edges: Mapping[tuple[int, int], float],
    agree: Callable[[int, int], bool],
) -> bool:
    p, q = claims[x], claims[y]
    if p.document == q.document:  # one document saying it twice: the same value, the same event
        return agree(x, y) and (not isinstance(p.value, Event) or p.value == q.value)
    return ((x, y) if x < y else (y, x)) in edges
