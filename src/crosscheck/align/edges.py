"""The edges of alignment: which pairs of a block are scored, which become edges, and the two
rules that take edges away again (one fact per document; two scopes).

A compatible pair scoring at least ``Config.agree_bar`` and an incompatible one scoring at least
``Config.possible_bar`` are edges; a placed and an unplaced claim need ``Config.unplaced_bar``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from attrs import evolve

from ..config import Config
from ..kinds import kind_of
from ..model import Claim, DateValue, Quantity
from ..numbers import ORDINAL_SEGMENTS
from ..values import claims_compatible as compatible
from .blocking import signature, time_pairs
from .rules import HARD_RULES, Source, placed, same_fact_score
from .rules import scored as rules_scored
from .source import story_value

__all__: list[str] = []


def _edge(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> float | None:
    """The pair's same-fact score when it is an edge of the clustering, else None."""
    result = rules_scored(a, b, docs, config)
    return None if result is None else _edge_of(a, b, result, docs, config)


def _edge_of(
    a: Claim, b: Claim, result: tuple[float, float], docs: Mapping[str, Source], config: Config
) -> float | None:
    """`_edge` of a pair that passed the hard rules, from its `rules.scored` score and evidence."""
    score, evidence = result
    if (
        placed(a, docs[a.document].published) != placed(b, docs[b.document].published)
        and score < config.unplaced_bar
    ):
        return None  # one side dated, the other not: only strong evidence says one story
    if compatible(a, b):
        return score if score >= config.agree_bar else None
    if score < config.possible_bar or evidence <= 0:
        return None  # a clash is shown only when the features themselves count for one fact
    if _counter_moved_on(a, b, docs, config) or _same_relative_words(a, b) or _other_positions(a, b):
        return None
    return score


def _other_positions(a: Claim, b: Claim) -> bool:
    """Two ordinals that name different positions, not one misreported: of segments of one event ("the
    third round", "the fourth round"; `numbers.ORDINAL_SEGMENTS`), or of two series their words tell
    apart ("the fifth NBA coach fired", "the third Eastern Conference head coach"). (ECB+ with both
    events of each topic: every one of the 10 ordinal conflicts reported at d9faef2 was wrong.)"""
    if not kind_of(a.kind).series:
        return False
    x, y = _phrase_words(a), _phrase_words(b)
    if (x | y) & ORDINAL_SEGMENTS:
        # one segment told two ways needs the same deed on both sides ("stopped in the sixth round",
        # "stopped in the seventh round")
        return not (a.about.action and a.about.action == b.about.action)
    return bool(x and y) and not (x <= y or y <= x)


def _phrase_words(claim: Claim) -> frozenset[str]:
    """The words of an ordinal's counted phrase, plurals as singulars ("joint patrols": joint, patrol)."""
    words = (claim.about.phrase or "").lower().split()
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def _counter_moved_on(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> bool:
    """A series moves on with time ("fifth patrol" in 2022, "sixth" in 2023): not one fact."""
    if not kind_of(a.kind).series:
        return False
    pa, pb = docs[a.document].published, docs[b.document].published
    if pa is None or pb is None or pa == pb:
        return False
    early, late = (a, b) if pa < pb else (b, a)
    assert isinstance(early.value, Quantity) and isinstance(late.value, Quantity)
    gap = abs((pa - pb).days)
    if a.about.thing == b.about.thing == "day":
        # "the sixth straight day" of protests, two days later "the eighth day": a count of days moves
        # on by one a day (a day either way for the hour each report was written)
        return early.value.amount < late.value.amount <= early.value.amount + gap + 1
    return gap > config.counter_days and late.value.amount >= early.value.amount


def _same_relative_words(a: Claim, b: Claim) -> bool:
    """ "on Saturday" and "on Saturday" resolved against different publication dates: the words agree."""
    if not (isinstance(a.value, DateValue) and isinstance(b.value, DateValue)):
        return False
    return a.value.relative and b.value.relative and a.text.lower() == b.text.lower()


def _edges(
    block: Sequence[Claim], docs: Mapping[str, Source], config: Config
) -> tuple[list[Claim], dict[tuple[int, int], float]]:
    """The block's claims in id order, and the edges' scores keyed by those positions (lower first)."""
    order = sorted(range(len(block)), key=lambda i: block[i].id)
    rank = [0] * len(block)
    for r, i in enumerate(order):
        rank[i] = r
    edges: dict[tuple[int, int], float] = {}
    # Wire copy repeats claims word for word across outlets: a pair of signatures is scored once.
    kinds: dict[tuple[object, ...], int] = {}
    sig = [kinds.setdefault(signature(c, docs), len(kinds)) for c in block]
    document = [c.document for c in block]
    width = len(block) + 1
    # the story of a pair of documents, as 0..20 (tenths from -1 to 1), read once per pair of the
    # run's sets of names (`Source.names_no`: the story is a function of the two sets, and outlets of
    # one wire story name the same set); without a run's sources, each document its own set
    names = sorted(set(document))
    sources = [docs[d] for d in names]
    classes = [s.names_no for s in sources]
    if not all(c >= 0 for c in classes):
        classes = list(range(len(sources)))
    dindex = {d: n for n, d in enumerate(names)}
    doc_no = [dindex[d] for d in document]
    n_docs = len(names)
    cls = [classes[n] for n in doc_no]
    n_cls = max(classes, default=0) + 1
    source_of_cls = {classes[n]: s for n, s in enumerate(sources)}
    stories: dict[int, int] = {}  # lower set * n_cls + higher -> the pair's story, 0..20
    # a claim's signature and its document's set of names, as one number: what its pairs' scores read
    reads: dict[tuple[int, int], int] = {}
    read_as = [reads.setdefault(pair, len(reads)) for pair in zip(sig, cls, strict=True)]
    n_reads = len(reads)

    memo: dict[int, float | None] = {}  # signatures * 21 + story -> the edge's score, or None
    # pairs of signatures a hard rule keeps apart whatever their documents: scored None, unread
    apart: set[int] = set()

    def score_of(i: int, j: int) -> float | None:
        """The edge score of block[i] and block[j] (i < j), through the memo of their signatures."""
        ci, cj = cls[i], cls[j]
        pair = ci * n_cls + cj if ci <= cj else cj * n_cls + ci
        story = stories.get(pair)
        if story is None:
            story = stories[pair] = round(story_value(source_of_cls[ci], source_of_cls[cj]) * 10) + 10
        signatures = sig[i] * width + sig[j]
        key = signatures * 21 + story
        if key in memo:
            return memo[key]
        a, b = block[i], block[j]
        score = None
        if signatures not in apart:
            result = rules_scored(a, b, docs, config)
            if result is not None:
                score = _edge_of(a, b, result, docs, config)
            elif not _HARD_READS_PAIR:  # a hard rule fails whatever the documents' story
                apart.add(signatures)
        memo[key] = score
        return score

    # read_as pair (of the claim earlier in the block first) -> score: one look-up a pair of the sweep
    scores: dict[int, float | None] = {}
    unscored = -1.0  # no score is negative
    get_score = scores.get
    # rank * documents + document -> the best score of the claim's edges into that document (for
    # one fact per document)
    best: dict[int, float] = {}
    get_best = best.get
    # each claim's document number, what its scores read and rank, read together
    info = list(zip(doc_no, read_as, rank, strict=True))
    for i, later in time_pairs(block, docs, config):
        no_i, read_i, rank_i = info[i]
        row_i, into_i = read_i * n_reads, rank_i * n_docs
        for j in later:
            no_j, read_j, y = info[j]
            if no_j == no_i:
                continue
            key = row_i + read_j if i < j else read_j * n_reads + read_i
            score = get_score(key, unscored)
            if score == unscored:
                score = scores[key] = score_of(i, j) if i < j else score_of(j, i)
            if score is not None:
                edges[(rank_i, y) if rank_i < y else (y, rank_i)] = score
                k = y * n_docs + no_i
                if score > get_best(k, -1.0):
                    best[k] = score
                k = into_i + no_j
                if score > get_best(k, -1.0):
                    best[k] = score
    del scores
    ranked = [block[i] for i in order]
    ranked_sig = [sig[i] for i in order]
    ranked_doc = [doc_no[i] for i in order]
    _drop_outmatched(ranked, ranked_sig, edges, (best, ranked_doc, n_docs), config)
    del best
    _drop_other_scopes(ranked, ranked_sig, edges, docs, config, ([cls[i] for i in order], n_cls, stories))
    return ranked, edges


# Whether a hard rule reads the pair of documents (none does): then it is not read once per pair of signatures.
_HARD_READS_PAIR = any(f.startswith("pair.") for _name, reads, _rule in HARD_RULES for f in reads)


def _drop_outmatched(
    ranked: list[Claim],
    sig: list[int],
    edges: dict[tuple[int, int], float],
    into: tuple[dict[int, float], list[int], int],
    config: Config,
) -> None:
    """One fact per document: when b's edges into a's document reach a' as well as a, and the pair
    with a' scores at least ``Config.outmatch_margin`` more, while a and a' give different values,
    then a' is the claim of a's document that states b's fact, and a states another ("the first
    time China sent three branches" against "bombers landed for the first time", when the same
    document's "third time landed" matches that one far better).

    ``into``: the best score of each claim's edges into each document (``claim * documents +
    document``, as `_edges` gathered them), each claim's document number, and how many documents."""
    margin = config.outmatch_margin
    if margin <= 0 or not edges:
        return
    best, doc_no, width = into
    # only where a partner is outmatched by that much are the rivals listed
    # (y * width + x's document, x * width + y's document: each end's way into the other's document)
    suspects = [
        (x, y, score)
        for (x, y), score in edges.items()
        if best[y * width + doc_no[x]] >= score + margin or best[x * width + doc_no[y]] >= score + margin
    ]
    if not suspects:
        return
    # the rivals of a claim in a document: only the edges at or above the lowest bar a suspect
    # sets there (its score plus the margin, where its partner's best edge there reaches that)
    need: dict[int, float] = {}
    for x, y, score in suspects:
        bar = score + margin
        for key in (y * width + doc_no[x], x * width + doc_no[y]):
            if best[key] >= bar and bar < need.get(key, math.inf):
                need[key] = bar
    rivals: dict[int, list[tuple[float, int]]] = defaultdict(list)
    wanted = need.get
    for (x, y), score in edges.items():
        kx = y * width + doc_no[x]
        if score >= wanted(kx, math.inf):
            rivals[kx].append((score, x))
        ky = x * width + doc_no[y]
        if score >= wanted(ky, math.inf):
            rivals[ky].append((score, y))
    alike: dict[tuple[int, int], bool] = {}  # (signature, signature) -> compatible values

    def outmatched(own: int, key: int, score: float) -> bool:
        for rival_score, rival in rivals[key]:
            if rival_score < score + margin or sig[rival] == sig[own]:
                continue
            pair = (sig[own], sig[rival]) if sig[own] < sig[rival] else (sig[rival], sig[own])
            if pair not in alike:
                alike[pair] = compatible(ranked[own], ranked[rival])
            if not alike[pair]:
                return True
        return False

    for x, y, score in suspects:
        bar = score + margin
        kx, ky = y * width + doc_no[x], x * width + doc_no[y]
        if (best[kx] >= bar and outmatched(x, kx, score)) or (best[ky] >= bar and outmatched(y, ky, score)):
            del edges[(x, y)]


def _drop_other_scopes(
    ranked: list[Claim],
    sig: list[int],
    edges: dict[tuple[int, int], float],
    docs: Mapping[str, Source],
    config: Config,
    stories: tuple[list[int], int, Mapping[int, int]],
) -> None:
    """Two scopes: when b's document also states a value compatible with a, about the same slot,
    scoring as the same fact and within ``Config.scope_margin`` of the clash, a different value elsewhere in b's document speaks of another scope
    (China's 21 aircraft and the exercise's 140). The compatible claim is looked for in b's whole
    document, not only among a's partners in time: a date moved by a month must not unmask it.
    Not for slots whose count grows (`Config.growing_things`: deaths, injuries): a story giving two
    tolls gives an update or a part ("killing one man" in one village), and a place scope of its own
    is said by `scopes` ("in the province" against "in 13 countries").

    ``stories``: each claim's set of names (`Source.names_no`), how many sets, and the story of each
    edge's two sets (``lower * sets + higher`` -> 0..20), as `_edges` read them."""
    cls, n_cls, story_of = stories
    names: dict[str, int] = {}
    doc_no = [names.setdefault(c.document, len(names)) for c in ranked]
    # What a document says of a figure counts whether it asserts or denies it: "China did not dispatch
    # five warships" still speaks of China's five warships, so Russia's two ships there are another scope.
    asserted = [_as_asserted(c) for c in ranked]
    slots: dict[str | None, int] = {}
    slot = [slots.setdefault(_slot(c), len(slots)) for c in ranked]
    n_slots = len(slots)
    # a document's claims of one slot (document * slots + slot): what is read of them is their
    # signatures, the first claim of each distinct one, and which set of signatures it is
    # (documents of wire copy repeat one set)
    by_document: dict[int, dict[int, int]] = defaultdict(dict)
    for x in range(len(ranked)):
        by_document[doc_no[x] * n_slots + slot[x]].setdefault(sig[x], x)
    sets: dict[tuple[int, ...], int] = {}
    set_of = {group: sets.setdefault(tuple(first), len(sets)) for group, first in by_document.items()}
    n_sets = len(sets)
    n_sigs = max(sig, default=0) + 1
    said: dict[int, bool] = {}  # signature * n_sigs + signature -> compatible values, as said
    alike: dict[int, bool] = {}  # the same, as asserted
    margin = config.scope_margin
    agree_bar = config.agree_bar
    # ((signature * sets + set of signatures) * 21 + story) -> the best score of a compatible claim there
    agreeing: dict[int, float] = {}
    scores: dict[tuple[int, int, int], float | None] = {}  # (signature, signature, story) -> score

    def best_compatible(x: int, group: int, story: int) -> float:
        """The best same-fact score of a claim of the group giving x's value (0 when none does)."""
        best = 0.0
        for p in by_document[group].values():
            key = sig[x] * n_sigs + sig[p]
            same = alike.get(key)
            if same is None:
                same = alike[key] = compatible(asserted[x], asserted[p])
            if same:
                pair = (sig[x], sig[p], story)
                if pair not in scores:
                    scores[pair] = same_fact_score(asserted[x], asserted[p], docs, config)
                best = max(best, scores[pair] or 0.0)
        return best

    # what the loop reads of each claim, as lists: whether its slot's count grows, its signature as
    # the row of the pairs of signatures and as the row of the sets, where its document's groups
    # start, its slot; and each group's set of signatures (-1: the document says nothing of the slot)
    grows = [c.about.measure in config.growing_things for c in ranked]
    sig_row = [s * n_sigs for s in sig]
    set_row = [s * n_sets for s in sig]
    groups = [d * n_slots for d in doc_no]
    set_at = [-1] * (len(names) * n_slots)
    for group, kind in set_of.items():
        set_at[group] = kind
    dropped = []  # read after the loop: which edges go does not depend on the others
    for (x, y), score in edges.items():
        if grows[x]:
            continue  # a toll stated twice in one story is an update or a part, not another scope
        key = sig_row[x] + sig[y]
        same = said.get(key)
        if same is None:
            same = said[key] = compatible(ranked[x], ranked[y])
        if same:
            continue
        # y's document also gives x's value (or x's, y's), about as good a match as the clash (one
        # far weaker is another fact that happens to share the value)
        cls_x, cls_y = cls[x], cls[y]
        story = story_of[cls_x * n_cls + cls_y if cls_x <= cls_y else cls_y * n_cls + cls_x]
        floor = score - margin
        for own, other in ((x, y), (y, x)):  # y's document giving x's value, then x's giving y's
            group = groups[other] + slot[own]
            kind = set_at[group]
            if kind < 0:
                continue
            key = (set_row[own] + kind) * 21 + story
            best = agreeing.get(key)
            if best is None:
                best = agreeing[key] = best_compatible(own, group, story)
            if best >= agree_bar and best > floor:
                dropped.append((x, y))
                break
    for pair in dropped:
        del edges[pair]


def _as_asserted(claim: Claim) -> Claim:
    """The claim as its document would assert it: what a text says of a figure, whether it asserts
    or denies it ("did not dispatch five warships" still speaks of five warships)."""
    return claim if claim.polarity == "affirmed" else evolve(claim, polarity="affirmed")


def _narrow_slot(claim: Claim, config: Config) -> str | None:
    """The slot that keeps a claim from another slot's claims in a cluster; None for a headcount."""
    measure = claim.about.measure
    return None if measure is None or config.family_map.get(measure) == measure else measure


def _slot(claim: Claim) -> str | None:
    """What a claim counts for the two-scopes rule: its measured slot, else its counted thing."""
    return claim.about.measure or claim.about.thing
