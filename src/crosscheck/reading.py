"""A document read once: its sentences, lower-cased text, lines, tokens and clauses, for every finder.

Extraction used to re-derive these per claim or per finder (sentences split again for syndication,
the text lower-cased and tokenized behind module-level caches keyed by the whole text). A `Reading`
is built once per document (`read`) and handed to each finder; what it derives lazily (the
lower-cased text, line starts, tokens of a span, where a clause starts) is computed once and kept on
the reading, so nothing outlives the document and nothing is shared between documents.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import Any

from .model import Document, Sentence, Span
from .segment import split_sentences
from .tokens import Token, tokenize

__all__ = ["CLAUSE", "Reading", "read"]

# Where a clause starts: punctuation, dashes, brackets and the conjunctions that open a new clause.
# The one clause rule of claim context (actor, action, place, pronoun subject); the cue windows of
# `polarity` have their own, wider rule (quotes and subordinators too).
CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:while|whereas|but|which|who)\b", re.IGNORECASE)

_BREAK = re.compile(r"\r\n?|[\n\u2028\u2029]")


class Reading:
    """One document as the finders read it: built once per document by `read`.

    ``like``: an earlier reading of the same text (another copy of a syndicated story): what the text
    alone decides (where its sentences, lines and clauses are, its tokens and lower-cased form, the
    `memo` dicts) is taken from it instead of being worked out again; the sentences are rebuilt with
    this document's id. Nothing that depends on the document's metadata is shared."""

    def __init__(
        self, doc: Document, sentences: tuple[Sentence, ...] | None = None, *, like: Reading | None = None
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.sentences: tuple[Sentence, ...]
        if like is not None and like.text == doc.text:
            if sentences is None:
                sentences = tuple(
                    Sentence(Span(doc.id, s.span.start, s.span.end), s.text) for s in like.sentences
                )
            self._tokens: dict[tuple[int, int], list[Token]] = like._tokens
            self._clauses: dict[tuple[int, int], int] = like._clauses
            self._memos: dict[str, dict[Any, Any]] = like._memos
            for name in ("lower", "line_starts"):  # the cached properties already worked out
                if name in like.__dict__:
                    self.__dict__[name] = like.__dict__[name]
        else:
            self._tokens = {}
            self._clauses = {}
            self._memos = {}
        self.sentences = split_sentences(doc.id, doc.text) if sentences is None else sentences

    @cached_property
    def lower(self) -> str:
        """The text lower-cased (the same length as the text: every offset holds)."""
        return self.text.lower()

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Where each line of the text starts ("\\r\\n" is one break)."""
        return (0, *(m.end() for m in _BREAK.finditer(self.text)))

    def line_number(self, position: int) -> int:
        """The number (from 0) of the line holding ``position``."""
        return bisect_right(self.line_starts, position) - 1

    def line(self, number: int) -> tuple[int, int] | None:
        """The start and end of line ``number`` (its break excluded from neither), or None when there is none."""
        starts = self.line_starts
        if not 0 <= number < len(starts):
            return None
        return starts[number], starts[number + 1] if number + 1 < len(starts) else len(self.text)

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of ``text[start:end]`` (`tokens.tokenize`), tokenized once per span."""
        found = self._tokens.get((start, end))
        if found is None:
            found = self._tokens[(start, end)] = tokenize(self.text, start, end)
        return found[:]  # a copy: a finder may change its list

    def memo(self, name: str) -> dict[Any, Any]:
        """A dict kept on this reading under ``name``, for what a finder derives once per document (a
        line's verdict, a span's words) and reads again; it goes with the reading. Only what the text
        alone decides belongs here: readings of the same text share their memos (``like``)."""
        found = self._memos.get(name)
        if found is None:
            found = self._memos[name] = {}
        return found

    def clause_start(self, sentence_start: int, position: int) -> int:
        """Where the clause holding ``position`` starts (by `CLAUSE`; ``sentence_start`` when no boundary precedes it)."""
        key = (sentence_start, position)
        found = self._clauses.get(key)
        if found is None:
            found = sentence_start
            for match in CLAUSE.finditer(self.text, sentence_start, position):
                found = match.end()
            self._clauses[key] = found
        return found

    def clause_end(self, position: int, end: int) -> int:
        """Where the clause holding ``position`` ends: the next `CLAUSE` boundary before ``end``, else ``end``."""
        stop = CLAUSE.search(self.text, position, end)
        return stop.start() if stop else end


def read(doc: Document, like: Reading | None = None) -> Reading:
    """``doc`` read once: its sentences split, the rest derived on first use (``like``: an earlier
    reading of the same text, whose work is taken over; see `Reading`)."""
    return Reading(doc, like=like)
