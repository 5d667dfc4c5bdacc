"""Which documents are one origin: shared (copied or lightly rewritten) passages between documents.

Two sentences of different documents are copies when most of the shorter one's word trigrams occur in
the other (``Config.copy_containment``). Documents sharing at least ``Config.syndication_sentences``
copied sentences carry one wire story and form one origin (transitively). Within a group, two claims
are also one origin when their own sentences are copies of each other, or when both are attributed to
the same source. Candidate sentence pairs are found through an inverted index of trigrams, so the cost
grows with the number of shared trigrams, not with all pairs of sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from attrs import frozen

from .config import Config
from .model import Claim, Document, Span
from .segment import split_sentences

__all__ = ["Syndication", "claim_origins", "find_syndication"]

_K = TypeVar("_K")

_WORD = re.compile(r"\w+")
_MIN_TRIGRAMS = 4  # sentences shorter than this (headlines of two words, "Leave a Reply") never count


@frozen(kw_only=True)
class Syndication:
    """Copied passages between documents: sentence copies, and documents grouped into origins."""

    copy_of: Mapping[Span, int]  # sentence span -> its copy group (sentences that are one passage)
    shared: tuple[tuple[str, str, int], ...]  # (first holder, document, copied sentences), first < document
    origin_of: Mapping[str, str]  # document id -> the id of its origin (the first document of the origin)

    def copied(self, a: Span, b: Span) -> bool:
        """True when sentences ``a`` and ``b`` of two different documents are one passage, copied or rewritten."""
        group = self.copy_of.get(a)
        return a.doc_id != b.doc_id and group is not None and group == self.copy_of.get(b)

    def origin_documents(self, origin: str) -> tuple[str, ...]:
        return tuple(sorted(d for d, o in self.origin_of.items() if o == origin))


def _find(parent: dict[_K, _K], x: _K) -> _K:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def find_syndication(documents: Sequence[Document], config: Config) -> Syndication:
    """Sentence copies between documents and the documents' origins.

    Sentences with the same words are one passage at once (wire copy repeated by a thousand outlets
    costs one entry, not a million pairs); distinct sentences are joined as rewrites of one passage
    through the trigram index. A document is credited with the passages it shares with the first
    document (in id order) that carries them; documents sharing ``syndication_sentences`` passages
    with it are one origin with it.
    """
    distinct: dict[tuple[str, ...], int] = {}  # a sentence's words -> its distinct sentence number
    grams_of: list[frozenset[tuple[str, str, str]]] = []
    holders: list[list[Span]] = []  # distinct sentence -> the spans that say it
    for doc in documents:
        for sentence in split_sentences(doc.id, doc.text):
            words = tuple(w.lower() for w in _WORD.findall(sentence.text))
            number = distinct.get(words)
            if number is None:
                grams = frozenset(zip(words, words[1:], words[2:], strict=False))
                if len(grams) < _MIN_TRIGRAMS:
                    number = distinct[words] = -1  # "Leave a Reply" is no evidence of copying
                else:
                    number = distinct[words] = len(grams_of)
                    grams_of.append(grams)
                    holders.append([])
            if number >= 0:
                holders[number].append(sentence.span)
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, grams in enumerate(grams_of):
        for gram in grams:
            index[gram].append(i)
    passage = {i: i for i in range(len(grams_of))}  # union-find over distinct sentences
    for i, grams in enumerate(grams_of):
        hits: Counter[int] = Counter()
        for gram in grams:
            postings = index[gram]
            if len(postings) > config.max_trigram_postings:
                continue  # a phrase everyone uses ("one of the") says nothing about copying
            hits.update(postings[bisect_right(postings, i) :])  # postings ascend: the sentences after i
        for j, shared in hits.items():
            if shared / min(len(grams), len(grams_of[j])) >= config.copy_containment:
                ri, rj = _find(passage, i), _find(passage, j)
                if ri != rj:
                    passage[max(ri, rj)] = min(ri, rj)
    spans: dict[int, list[Span]] = defaultdict(list)
    for i, said in enumerate(holders):
        spans[_find(passage, i)].extend(said)
    copy_of: dict[Span, int] = {}
    per_pair: Counter[tuple[str, str]] = Counter()
    for group, said in spans.items():
        if len({span.doc_id for span in said}) < 2:
            continue  # a passage of one document only is nobody's copy
        first = min(span.doc_id for span in said)
        for span in said:
            copy_of[span] = group
            if span.doc_id != first:
                per_pair[(first, span.doc_id)] += 1
    shared_pairs = tuple(sorted((a, b, n) for (a, b), n in per_pair.items()))
    parent = {doc.id: doc.id for doc in documents}
    for a, b, n in shared_pairs:
        if n >= config.syndication_sentences:
            ra, rb = _find(parent, a), _find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return Syndication(
        copy_of=copy_of,
        shared=shared_pairs,
        origin_of={doc.id: _find(parent, doc.id) for doc in sorted(documents, key=lambda d: d.id)},
    )


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

    for i, a in enumerate(members):
        for b in members[i + 1 :]:
            if a.document == b.document:
                continue
            attributed = getattr(a, "attribution", None)
            if syndication.copied(a.sentence, b.sentence) or (
                attributed and attributed == getattr(b, "attribution", None)
            ):
                union(a.document, b.document)
    origins: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        origins[find(d)].append(d)
    return tuple(sorted(tuple(sorted(v)) for v in origins.values()))
