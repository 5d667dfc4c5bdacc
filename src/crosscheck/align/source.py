"""What the pair rules read of a document, once per run: its publication date and the names it
mentions, how rare each name is among the run's documents, and how much of a story two documents
share (`story_value`)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from itertools import repeat

from attrs import field, frozen

from ..date_patterns import MONTHS, WEEKDAYS
from ..model import Document

__all__ = ["STORY_SHIFT", "Source", "source_of", "story_value", "with_rarity", "writes_as_name"]


@frozen
class Source:
    """What the pair rules read of a claim's document: its publication date and the names it mentions."""

    published: date | None
    names: frozenset[str]
    # how rare each name is among the run's documents (log(1 + N / documents naming it)), one
    # mapping shared by all sources of a run: a name every outlet gives says less than a rare one
    rarity: Mapping[str, float] = field(factory=dict, eq=False, repr=False)
    doc_id: str = field(default="", eq=False)
    weight: float = field(default=0.0, eq=False, repr=False)  # the rarity of all its names
    # which of the run's distinct sets of names it mentions (numbered in the order of the run's
    # sources; -1 outside a run): the story of two documents is a function of their two sets of
    # names, and outlets of one wire story often name the same set, so a pair of sets is read once
    names_no: int = field(default=-1, eq=False, repr=False)
    # lower names_no * 2**32 + higher -> story value, one dict shared by the run's sources
    stories: dict[int, float] = field(factory=dict, eq=False, repr=False)


def writes_as_name(doc: Source, actor: str) -> bool:
    """Whether a document of the run writes a word of ``actor`` as a name (a source read outside a run,
    with no table of the run's names, takes every actor for one)."""
    return not doc.doc_id or any(word in doc.rarity for word in actor.lower().split())


# A capitalised word ("Manokwari", "Lopez"): names are what tells one event's coverage from another's.
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]{2,}\b")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?\"“”:]\s*|\n\s*)$")


def source_of(doc: Document, stopwords: frozenset[str]) -> Source:
    """The document's `Source`: capitalised words that do not open a sentence, without stopwords,
    months and weekdays (read once per document and run)."""
    names = set()
    text = doc.text
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in stopwords or lower[:3] in _CALENDAR:
            continue
        if _OPENS_SENTENCE.search(text, max(0, match.start() - 3), match.start()):
            continue
        names.add(lower)
    return Source(published=doc.published, names=frozenset(names))


def with_rarity(sources: Mapping[str, Source]) -> dict[str, Source]:
    """The sources with one rarity table over all of them (see `Source.rarity`)."""
    counts: dict[str, int] = {}
    for source in sources.values():
        for name in source.names:
            counts[name] = counts.get(name, 0) + 1
    n = len(sources)
    rarity = {name: math.log(1 + n / k) for name, k in counts.items()}
    stories: dict[int, float] = {}
    sets: dict[frozenset[str], int] = {}
    return {
        key: Source(
            published=s.published,
            names=s.names,
            rarity=rarity,
            doc_id=key,
            weight=sum(rarity[name] for name in s.names),
            names_no=sets.setdefault(s.names, len(sets)),
            stories=stories,
        )
        for key, s in sources.items()
    }


# Where sharing names stops counting against one story: outlets covering one event share about a
# quarter of their (rarity-weighted) names, two events of one kind fewer. At 0 the zero point was
# half the names, and most pairs of one event's reports counted against; 0.5 (chosen on the dev
# half with benchmarks/pairs.py, weights refitted) puts it at a quarter.
STORY_SHIFT = 0.5


def story_value(da: Source, db: Source) -> float:
    """How much of the rarer names the two documents share, from -1 (none) through 0 (a quarter,
    `STORY_SHIFT`) to 1 (three quarters or more), in steps of 0.1 (so pairs of claims with equal
    signatures and equal stories score once); 0 when either document names fewer than three."""
    if len(da.names) < 3 or len(db.names) < 3:
        return 0.0
    x, y = da.names_no, db.names_no
    shared_table = x >= 0 and y >= 0 and da.stories is db.stories
    key = (x << 32) + y if x <= y else (y << 32) + x
    value = da.stories.get(key) if shared_table else None
    if value is None:
        # fsum: exact, so the order a set of names is walked in (the hash seed's) changes nothing
        shared = math.fsum(map(da.rarity.get, da.names & db.names, repeat(1.0)))
        base = min(da.weight, db.weight) or 1.0
        value = round(max(-1.0, min(1.0, 2 * shared / base - 1 + STORY_SHIFT)), 1)
        if shared_table:
            da.stories[key] = value
    return value


_CALENDAR = frozenset(name[:3] for name in (*MONTHS, *WEEKDAYS))
