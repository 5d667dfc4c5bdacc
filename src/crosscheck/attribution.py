"""Who asserts a claim: "the Russian Defense Ministry said", "according to Julianne Smith", quotes.

A per-document pass over the sentences, in order, so that later mentions resolve to earlier ones:
"the ministry said" takes the ministry the document named before, "Smith" the "Julianne Smith"
named before, "he" the last person. Sources are normalized with the ``[organisations]`` and
``[actors]`` tables of `terms` ("Russian Defence Ministry" = "Russian Defense Ministry").
The words it knows (reporting verbs, titles, generic heads) are data: ``data/attribution.toml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from .lexicon import default_lexicon
from .model import Sentence
from .reading import Reading
from .terms import Terms
from .tokens import DETERMINERS, Token, is_capitalized, strip_determiners, tokenize

__all__ = ["Attribution", "find_attributions", "source_at", "speech_time"]

_BOUNDARY = frozenset(',”"“:;(—–') | frozenset(
    ["and", "but", "that", "while", "although", "though", "when", "where", "because", "as", "so", "then"]
)
_NOT_AFTER = frozenset(["to", "by", "of", "from", "for", "with", "about"])
_PRONOUNS = {"he": "person", "she": "person", "it": "any", "they": "any"}
_END = frozenset('.,;:!?)”"—–')
_QUOTE = re.compile(r"“[^”\n]{3,}”|\"[^\"\n]{3,}\"")  # what `_quotes` finds, said as a pattern
_CLOSER = {"“": "”", '"': '"'}


def _quotes(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_QUOTE.finditer(text)``, in time linear in the text.

    The pattern scans from every opening quote to the end of its line when no closing quote
    follows, so a line of 20,000 unclosed "“" is quadratic. Here the next closing quote and the next
    line break are found once and reused until the scan passes them.
    """
    found: dict[str, int] = {}

    def next_of(char: str, pos: int) -> int:
        at = found.get(char, -2)
        if at != -1 and at < pos:  # not looked for yet, or behind us: look again from here
            at = text.find(char, pos)
            found[char] = at
        return at  # -1: none from here on

    pos = 0
    while True:
        opens = [at for at in (next_of("“", pos), next_of('"', pos)) if at != -1]
        if not opens:
            return
        start = min(opens)
        close = next_of(_CLOSER[text[start]], start + 1)
        line_end = next_of("\n", start + 1)
        if close != -1 and (line_end == -1 or close < line_end) and close - start - 1 >= 3:
            yield start, close + 1
            pos = close + 1
        else:
            pos = start + 1


class Attribution(NamedTuple):
    """A source asserting the claims of one sentence: who, where the name is written, and the cue."""

    sentence: int  # start offset of the sentence it covers
    source: str  # normalized name
    start: int  # the source's words in the text (for a quote: where its speaker is named)
    end: int
    cue: str  # "said", "according to", "as stated by", "quote", ...
    at: int  # offset of the cue: claims take the nearest cue before them


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = default_lexicon().section("attribution")
    return {key: frozenset(str(w).lower() for w in value) for key, value in data.items()}


@cache
def _by_phrase_starts() -> frozenset[str]:
    """The first words of the "by" phrases: only where one stands can a phrase start."""
    return frozenset(phrase.split(" ")[0] for phrase in _lexicon()["by_phrases"])


@cache
def _cue_starts() -> frozenset[str]:
    """Every word a cue of `_sentence_attributions` starts with ("according", the first words of the
    "by" phrases, the reporting verbs and the first words of the two-word ones): at any other word the
    sentence's scan does nothing."""
    verbs = _lexicon()["verbs"]
    return frozenset({"according"} | _by_phrase_starts() | {v.split(" ", 1)[0] for v in verbs})


class _History:
    """What the document has named so far: sources (latest last) and people's full names."""

    def __init__(self) -> None:
        self.sources: list[tuple[str, frozenset[str], bool]] = []  # (name, heads, is_person)
        self.people: list[str] = []

    def add(self, name: str, heads: frozenset[str], person: bool) -> None:
        self.sources.append((name, heads, person))
        if person and " " in name and name not in self.people:
            self.people.append(name)

    def by_head(self, head: str) -> str | None:
        for name, heads, _person in reversed(self.sources):
            if head in heads:
                return name
        return None

    def last(self, person: bool | None) -> str | None:
        for name, _heads, is_person in reversed(self.sources):
            if person is None or is_person == person:
                return name
        return None


def _words(tokens: Sequence[Token]) -> set[str]:
    return {t.low.removesuffix("'s") for t in tokens}


def _normalize(text: str, tokens: list[Token], terms: Terms, history: _History) -> tuple[str, bool] | None:
    """The normalized source for the words ``tokens`` (and whether it is a person), registered in ``history``."""
    lex = _lexicon()
    toks = strip_determiners(tokens)
    if not toks:
        return None
    phrase = text[toks[0].start : toks[-1].end]
    low = phrase.lower()
    if len(toks) == 1 and low in _PRONOUNS:
        found = history.last(person=True if _PRONOUNS[low] == "person" else None)
        return None if found is None else (found, _PRONOUNS[low] == "person")
    words = _words(toks)
    heads = frozenset(words & lex["generic"])
    org = terms.organisation(phrase)
    if org is None:
        hits = terms.organisations_in(text, toks[0].start, toks[-1].end)
        if hits and hits[-1][1] == toks[-1].end:
            org = hits[-1][2]
    if org is not None:
        history.add(org, heads | frozenset(_words(tokenize(org, 0, len(org))) & lex["generic"]), False)
        return org, False
    if all(not is_capitalized(t) for t in toks) and toks[-1].low in lex["generic"]:
        # "the ministry", "the notice": the latest source with that head, else the words as written.
        found = history.by_head(toks[-1].low)
        if found is not None:
            return found, False
        if toks[-1].low in lex["documents"] and history.last(person=False) is not None:
            return history.last(person=False), False  # type: ignore[return-value]
    if toks[-1].low in lex["generic"] and not any(t.low.removesuffix("'s") in terms.actors for t in toks):
        found = history.by_head(toks[-1].low)  # "the Defense Ministry" with no country: the one named before
        if found is not None:
            return found, False
    # A person: the capitalized words after the titles ("Japanese Defence Minister Nobuo Kishi").
    run: list[Token] = []
    for tok in reversed(toks):
        if not is_capitalized(tok) or tok.low.rstrip(".") in lex["titles"] or tok.low in terms.actors:
            break
        run.insert(0, tok)
    if len(run) >= 2:
        name = text[run[0].start : run[-1].end]
        history.add(name, heads, True)
        return name, True
    if len(run) == 1 and len(toks) <= 3:
        single = run[0].text
        for person in reversed(history.people):
            if single in person.split():
                history.add(person, heads, True)
                return person, True
    actor = terms.actors.get(phrase) or terms.actors.get(low)
    if actor is not None:
        history.add(actor, heads, False)
        return actor, False
    name = " ".join(phrase.replace("’", "'").split())
    history.add(name, heads, len(run) == 1 and len(toks) == 1)
    return name, len(run) == 1 and len(toks) == 1


def _source_before(tokens: list[Token], i: int) -> list[Token] | None:
    """The source words right before the reporting verb at ``tokens[i]``, when a clause boundary precedes them."""
    allowed = _lexicon()["source_words"]
    j = i - 1
    while j >= 0 and i - j <= 9:
        tok = tokens[j]
        if is_capitalized(tok) or tok.low in allowed or tok.low in _PRONOUNS or tok.text in "’'":
            j -= 1
            continue
        break
    words = tokens[j + 1 : i]
    if not words or (j >= 0 and tokens[j].low not in _BOUNDARY):
        return None
    if all(t.low in DETERMINERS or t.low == "of" for t in words):
        return None
    return words


def _source_after(tokens: list[Token], i: int) -> list[Token] | None:
    """The source after an inverted reporting verb: '..., said Smith.' / ', reports the Moscow Times.'"""
    allowed = _lexicon()["source_words"]
    j = i + 1
    while j < len(tokens) and (is_capitalized(tokens[j]) or tokens[j].low in allowed):
        j += 1
    words = tokens[i + 1 : j]
    if not words or (j < len(tokens) and tokens[j].text not in _END):
        return None
    if not any(is_capitalized(t) for t in words):
        return None
    return words


def _phrase_after(tokens: list[Token], i: int) -> list[Token]:
    """The words after ``tokens[i-1]`` up to punctuation (at most 14): the object of "according to"."""
    j = i
    while j < len(tokens) and tokens[j].text not in _END and j - i < 14:
        j += 1
    words = tokens[i:j]
    for k in range(len(words) - 1, -1, -1):
        if words[k].low == "by":  # "a notice released Monday by the ... Command"
            words = words[k + 1 :]
            break
    allowed = _lexicon()["source_words"]
    for k, tok in enumerate(words):  # the name ends where lower-case words that are no part of it begin
        if k and not is_capitalized(tok) and tok.low not in allowed and tok.text not in "’'-":
            return words[:k]
    return words


def _sentence_attributions(
    text: str, sentence: Sentence, terms: Terms, history: _History, reading: Reading | None
) -> list[Attribution]:
    lex = _lexicon()
    by_starts = _by_phrase_starts()
    s = sentence.span.start
    tokens = tokenize(text, s, sentence.span.end) if reading is None else reading.tokens(s, sentence.span.end)
    out: list[Attribution] = []

    def add(words: list[Token], cue: str, at: int, notes: list[Token] | None = None) -> None:
        found = _normalize(text, words, terms, history)
        if found is None:
            return
        source = found[0]
        if notes:  # "according to a brief notice released by X": the notice is X's from now on
            history.add(source, frozenset(_words(notes) & lex["generic"]), found[1])
        toks = strip_determiners(words)
        out.append(Attribution(s, source, toks[0].start, toks[-1].end, cue, at))

    i = 0
    starts = _cue_starts()
    for begin in [n for n, t in enumerate(tokens) if t.low in starts]:  # at any other word, nothing
        if begin < i:
            continue  # inside a phrase read already
        i = begin
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.low == "according" and nxt is not None and nxt.low == "to":
            words = _phrase_after(tokens, i + 2)
            full = tokens[i + 2 : i + 2 + 14]
            if words:
                add(words, "according to", tok.start, notes=full)
            i += 2
            continue
        three = " ".join(t.low for t in tokens[i : i + 3]) if tok.low in by_starts else ""
        if three in lex["by_phrases"]:
            words = _phrase_after(tokens, i + 3)
            if words:
                add(words, three, tok.start)
            i += 3
            continue
        verb = tok.low
        if nxt is not None and f"{verb} {nxt.low}" in lex["verbs"]:
            verb = f"{verb} {nxt.low}"
        if verb in lex["verbs"] and not is_capitalized(tok):
            after = tokens[i + 2] if " " in verb else nxt
            if verb == "quoted" and after is not None:
                k = i + 1
                while k < len(tokens) and tokens[k].low != "as" and k - i < 9:
                    k += 1
                if k < len(tokens) and tokens[k].low == "as":
                    add(tokens[i + 1 : k], verb, tok.start)
                    i = k
                    continue
            if after is None or after.low not in _NOT_AFTER:
                words_before = _source_before(tokens, i)
                if words_before is not None:
                    add(words_before, verb, tok.start)
                elif i > 0 and tokens[i - 1].text in ',”"':
                    words_after = _source_after(tokens, i + (1 if " " in verb else 0))
                    if words_after is not None:
                        add(words_after, verb, tok.start)
        i += 1
    return out


def find_attributions(
    text: str, sentences: Sequence[Sentence], terms: Terms, *, reading: Reading | None = None
) -> list[Attribution]:
    """Every attribution of a document, sentence by sentence; sentences inside a quote take its speaker.

    ``reading``: the document's `Reading` (of ``text``), whose tokens the other finders share."""
    history = _History()
    out: list[Attribution] = []
    for sentence in sentences:
        out.extend(_sentence_attributions(text, sentence, terms, history, reading))
    covered = {a.sentence for a in out}
    # The attributions by cue offset, and the sentences by end, so that each quote looks only at
    # its neighbourhood: many quotes in a long document cost time in proportion to their number.
    by_at = sorted((a.at, i) for i, a in enumerate(out))
    ends = [sentence.span.end for sentence in sentences]
    ordered = all(a.span.end <= b.span.start for a, b in pairwise(sentences))  # as split_sentences gives
    for open_, close in _quotes(text):
        after = [
            i
            for _, i in by_at[bisect_left(by_at, (close, -1)) : bisect_right(by_at, (close + 60, len(out)))]
            if out[i].start >= close - 1
        ]
        before = [
            i
            for _, i in by_at[bisect_left(by_at, (open_ - 60, -1)) : bisect_left(by_at, (open_, -1))]
            if out[i].end <= open_
        ]
        speaker = out[min(after)] if after else (out[max(before)] if before else None)
        if speaker is None:
            continue
        first = bisect_right(ends, open_) if ordered else 0
        for sentence in sentences[first:]:
            span = sentence.span
            if ordered and span.start >= close:
                break
            if span.start < close and open_ < span.end and span.start not in covered:
                insort(by_at, (open_, len(out)))
                out.append(
                    Attribution(span.start, speaker.source, speaker.start, speaker.end, "quote", open_)
                )
                covered.add(span.start)
    out.sort(key=lambda a: (a.sentence, a.at))
    return out


def source_at(attributions: Sequence[Attribution], sentence_start: int, position: int) -> str | None:
    """Who asserts what stands at ``position`` of the sentence: the nearest cue before it, else the first after."""
    mine = [a for a in attributions if a.sentence == sentence_start]
    before = [a for a in mine if a.at <= position]
    if before:
        return before[-1].source
    return mine[0].source if mine else None


_GAP_AFTER = re.compile(r"[\s,]*")
_GAP_BEFORE = re.compile(r"[\s,]*(?:the\s+)?")


def speech_time(
    text: str, attributions: Sequence[Attribution], sentence_start: int, start: int, end: int
) -> bool:
    """Whether ``text[start:end]`` dates the saying itself: "said Monday", "announced on Sunday",
    "In a letter Tuesday, Xi said", "a notice released Monday by ..." (the outlet's claim, not the source's)."""
    if text[start:end].endswith(("'s", "’s")):
        return False  # "described Wednesday's patrols": the date of what was described
    for a in attributions:
        if a.sentence != sentence_start or a.cue == "quote":
            continue
        lo, hi = min(a.at, a.start), max(a.at + len(a.cue), a.end)
        if lo <= start and end <= hi:
            return True
        if hi <= start and _GAP_AFTER.fullmatch(text, hi, start):
            return True
        if end <= lo and a.start < a.at and _GAP_BEFORE.fullmatch(text, end, lo):
            return True
    return False
