"""Group claims of different documents that speak of the same thing (the only importer of rapidfuzz).

Claims are blocked by (kind, counted thing, unit) so only plausible pairs are scored; within a block a
pair is comparable when actors do not differ, event times overlap, and their context words are
similar enough (rapidfuzz, case-insensitive). Clustering is complete-linkage: a claim joins a group
only when it is comparable with every member from another document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta

from rapidfuzz import fuzz, utils

from .config import Config
from .model import Claim, DateValue, Document, Event, Quantity
from .values import claims_compatible as compatible
from .values import comparable_hedges

__all__ = ["Cluster", "align", "block_key", "context_score"]

Cluster = tuple[tuple[Claim, ...], tuple[tuple[str, str, float], ...]]


def context_score(a: str, b: str) -> float:
    """How alike two claims' context words are, 0..100 (rapidfuzz token_sort and token_set, averaged)."""
    if not a or not b:
        return 0.0
    sort = fuzz.token_sort_ratio(a, b, processor=utils.default_process)
    subset = fuzz.token_set_ratio(a, b, processor=utils.default_process)
    return round((sort + subset) / 2, 1)


def block_key(claim: Claim) -> tuple[str, str, str]:
    """The block a claim is aligned in: only claims with the same key are ever compared."""
    value = claim.value
    if isinstance(value, Quantity):
        return (claim.kind, claim.about.thing or "", value.unit or "")
    if isinstance(value, Event):
        return (claim.kind, value.action, "")
    # Dates of a day, a week or a month are compared with each other; years and longer spans with
    # each other: a span of years overlaps nearly every date and says too little about a day.
    long = (
        value.earliest is not None and value.latest is not None and (value.latest - value.earliest).days > 40
    )
    return (claim.kind, value.relation, "long" if long else "short")


def _window(claim: Claim, doc: Document, config: Config) -> tuple[date, date] | None:
    """When the claim's event happened: its own date, a date in its sentence, or the weeks before publication."""
    when = claim.value if isinstance(claim.value, DateValue) else claim.about.when
    if when is not None and when.earliest is not None and when.latest is not None:
        return when.earliest, when.latest
    if doc.published is None:
        return None
    return doc.published - timedelta(days=config.event_window_days), doc.published


def _comparable(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> float | None:
    """The pair's context score when the two claims may speak of the same thing, else None.

    Incompatible values need more: a context score of at least ``conflict_context_score`` and a known,
    overlapping event time on both sides, because a false conflict costs more than a missed one.
    """
    if a.about.actor and b.about.actor and a.about.actor != b.about.actor and a.kind != "date":
        return None
    if not comparable_hedges(a, b):
        return None
    if isinstance(a.value, Event) and not _same_event(a, b):
        return None  # events align only as the same action on the same object and place
    if a.polarity != b.polarity and not isinstance(a.value, Event):
        return None  # a negation near a number or date may belong to another clause: only events are denied
    agree = compatible(a, b)
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        gap = a.value.gap_days(b.value)
        if (
            gap is None
            or gap > _date_window(a.value, b.value, config)
            or not _similar_precision(a.value, b.value)
        ):
            return None
    else:
        wa, wb = _window(a, docs[a.document], config), _window(b, docs[b.document], config)
        if wa is not None and wb is not None and (wa[1] < wb[0] or wb[1] < wa[0]):
            return None
        if not agree and (wa is None or wb is None):
            return None  # when either event time is unknown, sameness is uncertain: never a conflict
        if not agree and _consistent_over_time(a, b, docs, config):
            return None
    if not agree and _same_relative_words(a, b):
        return None
    if not agree and a.about.action and b.about.action and a.about.action != b.about.action:
        return None  # "plunged 5.4%" vs "closed down 3.9%": different actions measure different things
    score = context_score(a.about.context, b.about.context)
    if agree:
        return score if score >= config.min_context_score else None
    if score < config.conflict_context_score:
        return None
    if a.about.actor and b.about.actor and a.about.actor != b.about.actor:
        return None  # dates of different actors' acts ("Thomas on Wednesday", "Ivory on Tuesday")
    if a.about.unresolved_subject or b.about.unresolved_subject:
        return None  # "He had 53 catches": whose? sameness is uncertain, never a conflict
    if isinstance(a.value, Event) and isinstance(b.value, Event):
        if not _same_event(a, b):
            return None  # "did not land in China" denies only the very same event
    elif a.kind == "date":
        if not (a.about.action and a.about.action == b.about.action):
            return None  # two dates conflict only as dates of one named action ("approved in 2009")
    elif context_score(a.about.near, b.about.near) < config.near_conflict_score:
        return None
    return score


def _same_event(a: Claim, b: Claim) -> bool:
    """The same action on the same object and place, by the same subject (or the same actor)."""
    ea, eb = a.value, b.value
    assert isinstance(ea, Event) and isinstance(eb, Event)
    if ea.action != eb.action:
        return False
    alike = context_score(a.about.context, b.about.context) >= 80  # a rewrite of one sentence
    for x, y in ((ea.object, eb.object), (ea.place, eb.place)):
        if (x is None) != (y is None) or (x and y and _spelling(x, y) < 80 and not alike):
            return False
    same_subject = bool(ea.subject and eb.subject and _spelling(ea.subject, eb.subject) >= 80)
    return same_subject or bool(a.about.actor and a.about.actor == b.about.actor)


def _spelling(x: str, y: str) -> float:
    return float(fuzz.ratio(x, y, processor=utils.default_process))


def _consistent_over_time(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """A counter that grows with time ("fifth patrol" in 2022, "sixth" in 2023; a death toll) is not a conflict."""
    if a.kind != "ordinal" and (a.about.thing or "") not in config.growing_things:
        return False
    pa, pb = docs[a.document].published, docs[b.document].published
    if pa is None or pb is None or pa == pb:
        return False
    if a.kind == "ordinal" and abs((pa - pb).days) <= config.counter_days:
        return False  # a series does not move on within days: the same "sixth patrol" is meant
    early, late = (a, b) if pa < pb else (b, a)
    assert isinstance(early.value, Quantity) and isinstance(late.value, Quantity)
    return late.value.amount >= early.value.amount


def _same_relative_words(a: Claim, b: Claim) -> bool:
    """ "on Saturday" and "on Saturday" resolved against different publication dates: the words agree."""
    if not (isinstance(a.value, DateValue) and isinstance(b.value, DateValue)):
        return False
    return a.value.relative and b.value.relative and a.text.lower() == b.text.lower()


def _date_window(a: DateValue, b: DateValue, config: Config) -> int:
    """How far apart two dates may be and still speak of one event: wider for coarse dates ("since 2017")."""
    assert a.earliest and a.latest and b.earliest and b.latest
    narrowest = min((a.latest - a.earliest).days, (b.latest - b.earliest).days) + 1
    return max(config.date_window_days, 2 * narrowest)


def _similar_precision(a: DateValue, b: DateValue) -> bool:
    """A day and a year (or a multi-year range) say too little about each other to be compared."""
    assert a.earliest and a.latest and b.earliest and b.latest
    da = (a.latest - a.earliest).days + 1
    db = (b.latest - b.earliest).days + 1
    return max(da, db) <= 40 * min(da, db)


# A claim is compared with at most this many claims of its block that start at or after it in time
# (its nearest in time). Seeds and ordinary desks never reach it (a block holds tens of claims); in a
# corpus of thousands of documents it keeps long ranges ("in 2022", "since 2019", "in recent
# decades"), which overlap everything, from making a block cost quadratic time and memory.
MAX_TIME_NEIGHBOURS = 256


def _time_pairs(
    block: Sequence[Claim], docs: Mapping[str, Document], config: Config
) -> Iterator[tuple[int, list[int]]]:
    """For claims ``i`` of ``block``, the claims ``j`` whose event times allow a comparison with it: a sweep over time.

    Exactly the pairs `_comparable` does not reject on time alone (two dates at most
    ``date_window_days`` apart; two event windows that overlap, or either unknown), found in time
    order instead of all pairs, so a block spanning years of news costs near-linear time. Pairs come
    in time order, not block order: the edges found do not depend on the order they are scored in.
    Each pair comes once, as ``(i, [.., j, ..])`` or ``(j, [.., i, ..])``. Each claim meets at most `MAX_TIME_NEIGHBOURS` later-starting claims (a cap, not a time rule).
    """
    timed: list[tuple[int, int, int]] = []  # (start, end, index) as day ordinals, closed
    untimed: list[int] = []
    for i, claim in enumerate(block):
        if isinstance(claim.value, DateValue):
            if claim.value.earliest is None or claim.value.latest is None:
                continue  # an unresolved date is never compared
            width = (claim.value.latest - claim.value.earliest).days + 1
            reach = max(config.date_window_days, 2 * width)  # covers `_date_window` of any pair
            span = (claim.value.earliest, claim.value.latest + timedelta(days=reach))
        else:
            window = _window(claim, docs[claim.document], config)
            if window is None:
                untimed.append(i)
                continue
            span = window
        timed.append((span[0].toordinal(), span[1].toordinal(), i))
    timed.sort()
    starts = [start for start, _end, _i in timed]
    for k, (_start, end, i) in enumerate(timed):
        # the later-starting claims whose start is within this claim's reach, at most the cap
        stop = min(bisect_right(starts, end, k + 1), k + 1 + MAX_TIME_NEIGHBOURS)
        yield i, [j for _s, _e, j in timed[k + 1 : stop]]
    everyone = [j for _s, _e, j in timed]
    for n, i in enumerate(untimed):  # an unknown event time may be compared with any other
        yield i, everyone + untimed[n + 1 :]


def _signature(claim: Claim, docs: Mapping[str, Document]) -> tuple[object, ...]:
    """Everything `_comparable` reads of a claim: two claims with one signature compare alike with any other."""
    published = None if isinstance(claim.value, DateValue) else docs[claim.document].published
    return (claim.kind, claim.value, claim.about, claim.polarity, claim.hedge, claim.text.lower(), published)


def _edges(
    block: Sequence[Claim], docs: Mapping[str, Document], config: Config
) -> tuple[list[Claim], dict[tuple[int, int], float]]:
    """The block's claims in id order, and the comparable pairs' scores keyed by those positions (lower first)."""
    order = sorted(range(len(block)), key=lambda i: block[i].id)
    rank = [0] * len(block)
    for r, i in enumerate(order):
        rank[i] = r
    edges: dict[tuple[int, int], float] = {}
    # Wire copy repeats claims word for word across outlets: a pair of signatures is scored once.
    kinds: dict[tuple[object, ...], int] = {}
    signature = [kinds.setdefault(_signature(c, docs), len(kinds)) for c in block]
    document = [c.document for c in block]
    width = len(block) + 1
    scored: dict[int, float | None] = {}
    for i, later in _time_pairs(block, docs, config):
        doc_i, sig_i = document[i], signature[i]
        for j in later:
            if document[j] == doc_i:
                continue
            key = sig_i * width + signature[j] if i < j else signature[j] * width + sig_i
            if key in scored:
                score = scored[key]
            else:
                a, b = (block[i], block[j]) if i < j else (block[j], block[i])
                score = scored[key] = _comparable(a, b, docs, config)
            if score is not None:
                x, y = rank[i], rank[j]
                edges[(x, y) if x < y else (y, x)] = score
    # Two scopes: when b's document also states a value compatible with a (about a thing a is
    # comparable with), a different value elsewhere in b's document speaks of another scope.
    ranked = [block[i] for i in order]
    partners: dict[int, list[int]] = defaultdict(list)
    for x, y in edges:
        partners[x].append(y)
        partners[y].append(x)
    agreeing: dict[int, set[str]] = {}  # claim -> documents of its partners it is compatible with

    def agreeing_documents(x: int) -> set[str]:
        if x not in agreeing:
            one = ranked[x]
            agreeing[x] = {ranked[p].document for p in partners[x] if compatible(one, ranked[p])}
        return agreeing[x]

    for x, y in list(edges):
        a, b = ranked[x], ranked[y]
        if compatible(a, b):
            continue
        # (b itself is not compatible with a, so any compatible partner in b's document is another claim)
        if b.document in agreeing_documents(x) or a.document in agreeing_documents(y):
            del edges[(x, y)]
    return ranked, edges


def align(claims: Iterable[Claim], documents: Mapping[str, Document], *, config: Config) -> list[Cluster]:
    """Clusters of claims about the same thing; every claim is in exactly one (alone when nothing matches)."""
    blocks: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        blocks[block_key(claim)].append(claim)
    out: list[Cluster] = []
    for key in sorted(blocks):
        block = sorted(blocks[key], key=lambda c: (c.document, c.span.start, c.span.end))
        ranked, edges = _edges(block, documents, config)
        out.extend(_cluster(ranked, edges))
    return out


def _cluster(claims: Sequence[Claim], edges: Mapping[tuple[int, int], float]) -> list[Cluster]:
    """Complete-linkage agglomeration over the edges, strongest first, deterministic.

    ``claims`` are in id order and ``edges`` keyed by their positions, lower first, so ties between
    equal scores are broken by the claims' ids. Two clusters merge when every pair of their claims is
    linked (`_linked`); the number of linked pairs between clusters is kept up to date instead of
    re-checking every pair at each merge.
    """
    members: dict[int, list[int]] = {x: [x] for x in range(len(claims))}
    owner = list(range(len(claims)))
    links: list[dict[int, int]] = [{} for _ in claims]  # cluster -> cluster -> linked pairs

    def link(x: int, y: int) -> None:
        links[x][y] = links[x].get(y, 0) + 1
        links[y][x] = links[y].get(x, 0) + 1

    for x, y in edges:
        link(x, y)
    by_document: dict[str, list[int]] = defaultdict(list)
    for x, claim in enumerate(claims):
        by_document[claim.document].append(x)
    for same in by_document.values():
        for n, x in enumerate(same):
            for y in same[n + 1 :]:
                if _linked(claims, x, y, edges):
                    link(x, y)
    for (x, y), _score in sorted(edges.items(), key=lambda item: (-item[1], item[0])):
        cx, cy = owner[x], owner[y]
        if cx == cy or links[cx].get(cy, 0) != len(members[cx]) * len(members[cy]):
            continue
        for z, n in links[cy].items():
            del links[z][cy]
            if z != cx:
                links[cx][z] = links[z][cx] = links[cx].get(z, 0) + n
        links[cy] = {}
        for m in members[cy]:
            owner[m] = cx
        members[cx].extend(members.pop(cy))
    out: list[Cluster] = []
    for group in members.values():
        group.sort(key=lambda x: (claims[x].document, claims[x].span.start, claims[x].span.end))
        pairs = (((x, y) if x < y else (y, x)) for n, x in enumerate(group) for y in group[n + 1 :])
        scores = tuple((claims[x].id, claims[y].id, edges[(x, y)]) for x, y in pairs if (x, y) in edges)
        out.append((tuple(claims[x] for x in group), scores))
    out.sort(key=lambda cluster: (cluster[0][0].document, cluster[0][0].span.start, cluster[0][0].span.end))
    return out


def _linked(claims: Sequence[Claim], x: int, y: int, edges: Mapping[tuple[int, int], float]) -> bool:
    p, q = claims[x], claims[y]
    if p.document == q.document:  # one document saying it twice: the same value, the same event
        return compatible(p, q) and (not isinstance(p.value, Event) or p.value == q.value)
    return ((x, y) if x < y else (y, x)) in edges
