"""What a count covers: its scope ("in the province", "in Sumatra alone", "in 13 countries", "across Asia").

Two outlets' tolls of one disaster differ when one counts a province and the other the whole ocean's
shores; that is two facts, not a conflict. A count's scope is the place phrase right after it (past
its slot words: "170,000 people were killed *in the province*", "killing 170,000 *in Sumatra
alone*"), else a clause-opening place phrase before it ("*In neighbouring Central Aceh district*, 10
people were killed"). A phrase is a scope only when it names a place: a capitalised name, or a place
noun of the ``[scopes]`` table in ``data/terms.toml`` ("province", "countries", "nationwide"), its
words normalized by ``[words]`` ("in the region" and "in the area" are one scope).
"In the blast" or "in 2004" is no scope.
"""

from __future__ import annotations

import re

from .model import QuantityMention
from .terms import Terms

__all__ = ["scope_of"]

# The words between a count and its scope ("were killed in the province"), the prepositions that
# open it, the words that end its phrase or are left out of it, and the words that are a scope on
# their own are `Terms.scope_words` (`[scope_words]` in data/terms.toml).
_WORD = re.compile(r"[\w'’-]+")
_STOP = re.compile(r"[,;:.!?()\[\]\"“”\u2014\u2013]")
_MAX_WORDS = 5
_OPENING = re.compile(r"\s*In\s+([^,;:.]{2,60}?),\s")


def scope_of(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    """The count's scope as its words, lower-cased and without articles ("province", "sumatra
    alone", "13 countries"), or None. ``lo``/``hi`` bound the search (the quantity's sentence)."""
    return _after(text, q.span.end, hi, terms) or _opening(text, lo, q.span.start, terms)


def _after(text: str, position: int, hi: int, terms: Terms) -> str | None:
    cursor = position
    for _ in range(6):
        match = _WORD.search(text, cursor, hi)
        if match is None or _STOP.search(text, cursor, match.start()):
            return None
        word = match.group().lower()
        if word in terms.scope_words["whole"]:
            return word
        if word in terms.scope_words["prepositions"]:
            return _phrase(text, match.end(), hi, terms)
        if word not in terms.scope_words["between"] and terms.measures.get(word) is None:
            return None
        cursor = match.end()
    return None


def _phrase(text: str, position: int, hi: int, terms: Terms) -> str | None:
    words: list[str] = []
    named = False
    cursor = position
    while len(words) < _MAX_WORDS:
        match = _WORD.search(text, cursor, hi)
        if match is None or _STOP.search(text, cursor, match.start()):
            break
        raw = match.group()
        low = raw.lower()
        if low in terms.scope_words["ends"] or (words and low[0].isdigit()):
            break
        cursor = match.end()
        if low == "alone":
            words.append(low)
            break
        if low in terms.scope_words["skip"]:
            continue
        words.append(terms.words.get(low, low))  # "region" and "zone" are "area" ([words])
        named = named or raw[0].isupper() or low in terms.scopes
    if not named or all(w.isdigit() for w in words):
        return None
    return " ".join(words)


def _opening(text: str, lo: int, start: int, terms: Terms) -> str | None:
    match = _OPENING.match(text, lo, start)
    if match is None:
        return None
    words = _WORD.findall(match.group(1))
    kept = [
        terms.words.get(w.lower(), w.lower()) for w in words if w.lower() not in terms.scope_words["skip"]
    ]
    if not kept or any(w.isdigit() for w in kept):
        return None  # "In 2004, ..." dates the sentence; it does not bound the count
    if not any(w[0].isupper() for w in words[1:] if w) and not any(w in terms.scopes for w in kept):
        return None
    return " ".join(kept)
