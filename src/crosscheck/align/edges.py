"""The edges of alignment: which pairs of a block are scored, which become edges, and the two
rules that take edges away again (one fact per document; two scopes).

A compatible pair scoring at least ``Config.agree_bar`` and an incompatible one scoring at least
``Config.possible_bar`` are edges; a placed and an unplaced claim need ``Config.unplaced_bar``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from attrs import evolve

from ..config import Config
from ..kinds import kind_of
from ..model import Claim, DateValue, Quantity
from ..values import claims_compatible as compatible
from .blocking import signature, time_pairs
from .rules import Source, placed, same_fact_score, scored
from .source import story_value

__all__: list[str] = []


def _edge(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> float | None:
    """The pair's same-fact score when it is an edge of the clustering, else None."""
    result = scored(a, b, docs, config)
    if result is None:
        return None
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
    if _counter_moved_on(a, b, docs, config) or _same_relative_words(a, b):
        return None
    return score


def _counter_moved_on(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> bool:
    """A series moves on with time ("fifth patrol" in 2022, "sixth" in 2023): not one fact."""
    if not kind_of(a.kind).series:
        return False
    pa, pb = docs[a.document].published, docs[b.document].published
    if pa is None or pb is None or abs((pa - pb).days) <= config.counter_days:
        return False
    early, late = (a, b) if pa < pb else (b, a)
    assert isinstance(early.value, Quantity) and isinstance(late.value, Quantity)
    return late.value.amount >= early.value.amount


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
    # the story of a pair of documents, as 0..20 (tenths from -1 to 1), read once per pair
    names = sorted(set(document))
    dindex = {d: n for n, d in enumerate(names)}
    doc_no = [dindex[d] for d in document]
    n_docs = len(names)
    stories: dict[int, int] = {}
    scored: dict[int, float | None] = {}
    for i, later in time_pairs(block, docs, config):
        doc_i, sig_i, no_i = document[i], sig[i], doc_no[i]
        source_i = docs[doc_i]
        for j in later:
            no_j = doc_no[j]
            if no_j == no_i:
                continue
            pair = no_i * n_docs + no_j if no_i < no_j else no_j * n_docs + no_i
            story = stories.get(pair)
            if story is None:
                story = stories[pair] = round(story_value(source_i, docs[document[j]]) * 10) + 10
            key = (sig_i * width + sig[j] if i < j else sig[j] * width + sig_i) * 21 + story
            if key in scored:
                score = scored[key]
            else:
                a, b = (block[i], block[j]) if i < j else (block[j], block[i])
                score = scored[key] = _edge(a, b, docs, config)
            if score is not None:
                x, y = rank[i], rank[j]
                edges[(x, y) if x < y else (y, x)] = score
    ranked = [block[i] for i in order]
    ranked_sig = [sig[i] for i in order]
    _drop_outmatched(ranked, ranked_sig, edges, config)
    _drop_other_scopes(ranked, ranked_sig, edges, docs, config)
    return ranked, edges


def _drop_outmatched(
    ranked: list[Claim], sig: list[int], edges: dict[tuple[int, int], float], config: Config
) -> None:
    """One fact per document: when b's edges into a's document reach a' as well as a, and the pair
    with a' scores at least ``Config.outmatch_margin`` more, while a and a' give different values,
    then a' is the claim of a's document that states b's fact, and a states another ("the first
    time China sent three branches" against "bombers landed for the first time", when the same
    document's "third time landed" matches that one far better)."""
    margin = config.outmatch_margin
    if margin <= 0 or not edges:
        return
    names: dict[str, int] = {}
    doc_no = [names.setdefault(c.document, len(names)) for c in ranked]
    width = len(names)
    # claim * width + document -> the best score of the claim's edges into that document
    best: dict[int, float] = {}
    get = best.get
    for (x, y), score in edges.items():
        k = y * width + doc_no[x]
        if score > get(k, -1.0):
            best[k] = score
        k = x * width + doc_no[y]
        if score > get(k, -1.0):
            best[k] = score
    # only where a partner is outmatched by that much are the rivals listed
    suspects = []
    wanted: set[int] = set()
    for (x, y), score in edges.items():
        kx, ky = y * width + doc_no[x], x * width + doc_no[y]
        floor = score + margin
        if best[kx] >= floor or best[ky] >= floor:
            suspects.append((x, y, score))
            wanted.add(kx)
            wanted.add(ky)
    if not suspects:
        return
    rivals: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (x, y), score in edges.items():
        if (key := y * width + doc_no[x]) in wanted:
            rivals[key].append((score, x))
        if (key := x * width + doc_no[y]) in wanted:
            rivals[key].append((score, y))
    alike: dict[tuple[int, int], bool] = {}  # (signature, signature) -> compatible values

    def outmatched(own: int, other: int, score: float) -> bool:
        for rival_score, rival in rivals.get(other * width + doc_no[own], ()):
            if rival_score < score + margin or sig[rival] == sig[own]:
                continue
            key = (sig[own], sig[rival]) if sig[own] < sig[rival] else (sig[rival], sig[own])
            if key not in alike:
                alike[key] = compatible(ranked[own], ranked[rival])
            if not alike[key]:
                return True
        return False

    for x, y, score in suspects:
        if outmatched(x, y, score) or outmatched(y, x, score):
            del edges[(x, y)]


def _drop_other_scopes(
    ranked: list[Claim],
    sig: list[int],
    edges: dict[tuple[int, int], float],
    docs: Mapping[str, Source],
    config: Config,
) -> None:
    """Two scopes: when b's document also states a value compatible with a, about the same slot,
    scoring as the same fact and within ``Config.scope_margin`` of the clash, a different value elsewhere in b's document speaks of another scope
    (China's 21 aircraft and the exercise's 140). The compatible claim is looked for in b's whole
    document, not only among a's partners in time: a date moved by a month must not unmask it.
    Not for slots whose count grows (`Config.growing_things`: deaths, injuries): a story giving two
    tolls gives an update or a part ("killing one man" in one village), and a place scope of its own
    is said by `scopes` ("in the province" against "in 13 countries")."""
    by_document: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    # What a document says of a figure counts whether it asserts or denies it: "China did not dispatch
    # five warships" still speaks of China's five warships, so Russia's two ships there are another scope.
    asserted = [_as_asserted(c) for c in ranked]
    for x, claim in enumerate(ranked):
        by_document[(claim.document, _slot(claim))].append(x)
    alike: dict[tuple[int, int, bool], bool] = {}  # (signature, signature, as said) -> compatible values

    def compatible_at(x: int, p: int, claims: Sequence[Claim] = asserted) -> bool:
        key = (sig[x], sig[p], claims is ranked)
        if key not in alike:
            alike[key] = compatible(claims[x], claims[p])
        return alike[key]

    margin = config.scope_margin
    # (signature, story, document) -> the best score of a compatible claim there
    agreeing: dict[tuple[int, float, str], float] = {}
    # (signature, its document, document): the same, without reading the story again
    read: dict[tuple[int, str, str], float] = {}
    scores: dict[tuple[int, int, float], float | None] = {}  # (signature, signature, story) -> score

    def same_fact(x: int, p: int, story: float) -> float:
        key = (sig[x], sig[p], story)
        if key not in scores:
            scores[key] = same_fact_score(asserted[x], asserted[p], docs, config)
        return scores[key] or 0.0

    def best_compatible(x: int, document: str) -> float:
        """The best same-fact score of a claim of ``document`` giving x's value (0 when none does)."""
        one = ranked[x]
        direct = (sig[x], one.document, document)
        found = read.get(direct)
        if found is None:
            story = story_value(docs[one.document], docs[document])
            key = (sig[x], story, document)
            if key not in agreeing:
                agreeing[key] = max(
                    (
                        same_fact(x, p, story)
                        for p in by_document[(document, _slot(one))]
                        if compatible_at(x, p)
                    ),
                    default=0.0,
                )
            found = read[direct] = agreeing[key]
        return found

    def other_scope(x: int, y: int, score: float) -> bool:
        """y's document also gives x's value, about as good a match as the clash (one far weaker is
        another fact that happens to share the value)."""
        best = best_compatible(x, ranked[y].document)
        return best >= config.agree_bar and best > score - margin

    for (x, y), score in list(edges.items()):
        a = ranked[x]
        if a.about.measure in config.growing_things:
            continue  # a toll stated twice in one story is an update or a part, not another scope
        if compatible_at(x, y, ranked):
            continue
        if other_scope(x, y, score) or other_scope(y, x, score):
            del edges[(x, y)]


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
