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

from attrs import frozen

from .config import Config
from .model import Claim, Document, Span
from .segment import split_sentences

__all__ = ["Syndication", "claim_origins", "find_syndication"]

_WORD = re.compile(r"\w+")
_MIN_TRIGRAMS = 4  # sentences shorter than this (headlines of two words, "Leave a Reply") never count


@frozen(kw_only=True)
class Syndication:
    """Copied passages between documents: sentence copies, and documents grouped into origins."""

    copies: frozenset[tuple[Span, Span]]  # pairs of sentence spans (ordered by doc id) that are copies
    shared: tuple[tuple[str, str, int], ...]  # (doc_a, doc_b, copied sentences), doc_a < doc_b
    origin_of: Mapping[str, str]  # document id -> the id of its origin (the first document of the origin)

    def origin_documents(self, origin: str) -> tuple[str, ...]:
        return tuple(sorted(d for d, o in self.origin_of.items() if o == origin))


def _trigrams(text: str) -> frozenset[tuple[str, str, str]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def find_syndication(documents: Sequence[Document], config: Config) -> Syndication:
    """Sentence copies between documents and the documents' origins."""
    sentences: list[tuple[Span, frozenset[tuple[str, str, str]]]] = []
    for doc in documents:
        for sentence in split_sentences(doc.id, doc.text):
            grams = _trigrams(sentence.text)
            if len(grams) >= _MIN_TRIGRAMS:
                sentences.append((sentence.span, grams))
    index: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, (_, grams) in enumerate(sentences):
        for gram in grams:
            index[gram].append(i)
    copies: set[tuple[Span, Span]] = set()
    for i, (span, grams) in enumerate(sentences):
        hits: Counter[int] = Counter()
        for gram in grams:
            postings = index[gram]
            if len(postings) > config.max_trigram_postings:
                continue  # a phrase everyone uses ("one of the") says nothing about copying
            hits.update(postings[bisect_right(postings, i) :])  # postings ascend: the sentences after i
        for j, shared in hits.items():
            other, other_grams = sentences[j]
            if other.doc_id == span.doc_id:
                continue
            if shared / min(len(grams), len(other_grams)) >= config.copy_containment:
                copies.add((span, other) if span.doc_id < other.doc_id else (other, span))
    per_pair = Counter((a.doc_id, b.doc_id) for a, b in copies)
    shared_pairs = tuple(sorted((a, b, n) for (a, b), n in per_pair.items()))
    parent = {doc.id: doc.id for doc in documents}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, n in shared_pairs:
        if n >= config.syndication_sentences:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return Syndication(
        copies=frozenset(copies),
        shared=shared_pairs,
        origin_of={doc.id: find(doc.id) for doc in sorted(documents, key=lambda d: d.id)},
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
            pair = (a.sentence, b.sentence) if a.document < b.document else (b.sentence, a.sentence)
            attributed = getattr(a, "attribution", None)
            if pair in syndication.copies or (attributed and attributed == getattr(b, "attribution", None)):
                union(a.document, b.document)
    origins: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        origins[find(d)].append(d)
    return tuple(sorted(tuple(sorted(v)) for v in origins.values()))
