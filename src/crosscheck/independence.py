"""Which documents are one origin: shared (copied or lightly rewritten) passages between documents.

Two sentences of different documents are copies when most of the shorter one's word trigrams occur in
the other (``Config.copy_containment``). Documents sharing at least ``Config.syndication_sentences``
copied sentences carry one wire story and form one origin (transitively). Within a group, two claims
are also one origin when their own sentences are copies of each other, or when both are attributed to
the same source. Sentences with the same words are found by hashing and rewrites through an inverted
index of trigrams, so the cost grows with the distinct sentences and their shared trigrams, never with
all pairs of sentences or of outlets repeating one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from attrs import frozen

from .config import Config
from .model import Claim, Document, Sentence, Span
from .segment import split_sentences

__all__ = ["Syndication", "claim_origins", "find_syndication"]

_K = TypeVar("_K")

_WORD = re.compile(r"\w+")
# A family of wordings (a sentence and its rewrites) carried by more documents than this is credited
# to its first carrier only (in id order): wire copy in a thousand outlets costs a thousand entries,
# not half a million pairs.
_PAIRWISE_CARRIERS = 50
_MIN_TRIGRAMS = 4  # sentences shorter than this (headlines of two words, "Leave a Reply") never count


@frozen(kw_only=True)
class Syndication:
    """Copied passages between documents: sentence copies, and documents grouped into origins."""

    copy_of: Mapping[Span, int]  # sentence span -> its wording (sentences with the same words share one)
    rewrites: frozenset[tuple[int, int]]  # pairs of wordings (lower first) that are copies of each other
    shared: tuple[tuple[str, str, int], ...]  # (doc_a, doc_b, copied sentences), doc_a < doc_b
    origin_of: Mapping[str, str]  # document id -> the id of its origin (the first document of the origin)

    def copied(self, a: Span, b: Span) -> bool:
        """True when sentences ``a`` and ``b`` of two different documents are copies (word for word or rewritten)."""
        wa, wb = self.copy_of.get(a), self.copy_of.get(b)
        if a.doc_id == b.doc_id or wa is None or wb is None:
            return False
        return wa == wb or ((wa, wb) if wa < wb else (wb, wa)) in self.rewrites

    def origin_documents(self, origin: str) -> tuple[str, ...]:
        return tuple(sorted(d for d, o in self.origin_of.items() if o == origin))


def _find(parent: dict[_K, _K], x: _K) -> _K:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def find_syndication(
    documents: Sequence[Document],
    config: Config,
    *,
    sentences: Mapping[str, Sequence[Sentence]] | None = None,
) -> Syndication:
    """Sentence copies between documents and the documents' origins.

    ``sentences``: the sentences of documents already read (by id, as extraction split them); any
    other document is split here.

    Sentences with the same words are one *wording*, found by hashing however many outlets repeat
    it; two wordings are copies (a light rewrite) when most of the shorter one's trigrams occur in the
    other, found through an inverted index of trigrams of distinct wordings (a phrase in more than
    ``max_trigram_postings`` of them is too common to count). Copied sentences are counted for each
    pair of documents, except that a family of wordings (a sentence and its rewrites) carried by more
    than `_PAIRWISE_CARRIERS` documents is credited to its first carrier only (wire copy in a thousand
    outlets costs a thousand entries, not half a million pairs).
    """
    wording_of: dict[tuple[str, ...], int] = {}  # a sentence's words -> its wording number, or -1
    grams_of: list[frozenset[tuple[str, str, str]]] = []
    said: list[list[Span]] = []  # wording -> the sentences that say it
    known = sentences or {}
    for doc in documents:
        split = known.get(doc.id)
        for sentence in split_sentences(doc.id, doc.text) if split is None else split:
            words = tuple(map(str.lower, _WORD.findall(sentence.text)))
            number = wording_of.get(words)
            if number is None:
                grams = frozenset(zip(words, words[1:], words[2:], strict=False))
                if len(grams) < _MIN_TRIGRAMS:
                    number = wording_of[words] = -1  # "Leave a Reply" is no evidence of copying
                else:
                    number = wording_of[words] = len(grams_of)
                    grams_of.append(grams)
                    said.append([])
            if number >= 0:
                said[number].append(sentence.span)
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, grams in enumerate(grams_of):
        for gram in grams:
            index[gram].append(i)
    rewrites: set[tuple[int, int]] = set()
    for i, grams in enumerate(grams_of):
        hits: Counter[int] = Counter()
        for gram in grams:
            postings = index[gram]
            if len(postings) > config.max_trigram_postings:
                continue  # a phrase everyone uses ("one of the") says nothing about copying
            hits.update(postings[bisect_right(postings, i) :])  # postings ascend: the wordings after i
        for j, shared in hits.items():
            if shared / min(len(grams), len(grams_of[j])) >= config.copy_containment:
                rewrites.add((i, j))
    # A family is a wording and its rewrites, transitively. Copies are counted pair by pair in a small
    # family (same wording, or a direct rewrite), and against the first carrier in a large one.
    family = {i: i for i in range(len(said))}
    for i, j in sorted(rewrites):
        ri, rj = _find(family, i), _find(family, j)
        if ri != rj:
            family[max(ri, rj)] = min(ri, rj)
    wordings: dict[int, list[int]] = defaultdict(list)
    for i in range(len(said)):
        wordings[_find(family, i)].append(i)
    pairs_in: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(rewrites):
        pairs_in[_find(family, i)].append((i, j))
    per_pair: Counter[tuple[str, str]] = Counter()
    for root, members in wordings.items():
        carriers = sorted({span.doc_id for i in members for span in said[i]})
        if len(carriers) < 2:
            continue
        if len(carriers) > _PAIRWISE_CARRIERS:
            # wire copy in many outlets: each sentence is credited to the family's first carrier only
            for i in members:
                for span in said[i]:
                    if span.doc_id != carriers[0]:
                        per_pair[(carriers[0], span.doc_id)] += 1
            continue
        for i in members:  # the same words in two documents
            _count_pairs(per_pair, said[i], said[i])
        for i, j in pairs_in[root]:  # a sentence and its rewrite in two documents
            _count_pairs(per_pair, said[i], said[j])
    rewritten = {i for pair in rewrites for i in pair}
    copy_of = {
        span: i
        for i, spans in enumerate(said)
        if i in rewritten or len({span.doc_id for span in spans}) > 1
        for span in spans
    }
    shared_pairs = tuple(sorted((a, b, n) for (a, b), n in per_pair.items()))
    parent = {doc.id: doc.id for doc in documents}
    for a, b, n in shared_pairs:
        if n >= config.syndication_sentences:
            ra, rb = _find(parent, a), _find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return Syndication(
        copy_of=copy_of,
        rewrites=frozenset(rewrites),
        shared=shared_pairs,
        origin_of={doc.id: _find(parent, doc.id) for doc in sorted(documents, key=lambda d: d.id)},
    )


def _count_pairs(per_pair: Counter[tuple[str, str]], xs: list[Span], ys: list[Span]) -> None:
    """Count each pair of sentences of two documents, one from ``xs`` and one from ``ys`` (once when the same list)."""
    for n, a in enumerate(xs):
        for b in xs[n + 1 :] if xs is ys else ys:
            if a.doc_id != b.doc_id:
                per_pair[(a.doc_id, b.doc_id) if a.doc_id < b.doc_id else (b.doc_id, a.doc_id)] += 1


def claim_origins(claims: Iterable[Claim], syndication: Syndication) -> tuple[tuple[str, ...], ...]:
    """The group's claims' documents partitioned into independent origins (each a sorted tuple of ids)."""
    members = sorted(claims, key=lambda c: (c.document, c.span.start))
    docs = sorted({c.document for c in members})
    parent = {d: syndication.origin_of.get(d, d) for d in docs}
    parent.update({o: o for o in list(parent.values())})

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    # Claims from sentences with one wording, or credited to one source, are one origin: the
    # documents of each such bucket are joined (linear in the group, however many outlets carry it).
    by_wording: dict[int, str] = {}
    by_source: dict[str, str] = {}
    for claim in members:
        wording = syndication.copy_of.get(claim.sentence)
        attributed = getattr(claim, "attribution", None)
        if wording is not None:
            union(by_wording.setdefault(wording, claim.document), claim.document)
        if attributed:
            union(by_source.setdefault(attributed, claim.document), claim.document)
    # Rewrites: two wordings that are copies of each other join their documents too.
    wordings = sorted(by_wording)
    for n, wa in enumerate(wordings):
        for wb in wordings[n + 1 :]:
            if (wa, wb) in syndication.rewrites:
                union(by_wording[wa], by_wording[wb])
    origins: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        origins[find(d)].append(d)
    return tuple(sorted(tuple(sorted(v)) for v in origins.values()))
