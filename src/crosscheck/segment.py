"""Split a document into sentences with exact character spans.

Lines come first: headlines, datelines ("Posted on December 1, 2022 by Associated Press") and
"Leave a Reply" have no final stop, so every line is its own unit. Within a line a sentence ends at
``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets right after it) when whitespace and
an uppercase letter, a digit or an opening quote follow, unless the stop closes an abbreviation
("U.S.", "Feb.", "No.", "D-Conn."), a single capital initial ("John F. Kennedy") or a spaced
ellipsis (". . .").

A run of text longer than `MAX_SENTENCE` characters without a boundary (a table, a scraped dump
without stops) is cut at the last whitespace before the limit, so the work per claim stays bounded
and a pathological input costs time in proportion to its length.

Spans are born from regex match offsets; ``text[s.span.start:s.span.end] == s.text`` always holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .model import Sentence, Span

__all__ = ["MAX_SENTENCE", "abbreviations", "split_sentences"]

MAX_SENTENCE = 2000

# A line: a run of characters without a line break.
_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
# A candidate boundary: stop characters, optional closers, whitespace, then what may open a sentence.
# A run of stops is taken whole, from its first character (the lookbehind) and without giving any
# back (possessive): a run that fails is tried once, not again from each of its characters, so a
# line ending in 10,000 dots is scanned in linear time. The matches are those of the plain pattern.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"”’')\]]*+(?=\s+[\"“‘'(\[]*\w)")
# What opens the next sentence, after the whitespace.
_NEXT_WORD = re.compile(r"\s+[\"“‘'(\[]*(\w)")
# Punctuation that may stand before an abbreviation inside its token: "(D-Conn.", "“Gen.".
_LEADING = "\"“‘'([{"
# Dotted initialisms such as "U.S.", "p.m.", "e.g." and single initials such as "F.".
_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z]\.")
# A spaced ellipsis ending at the stop: ". . ." (the stop being the last period).
_SPACED_ELLIPSIS = re.compile(r"\.\s\.\s?\Z")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The abbreviations of ``data/abbreviations.txt`` (each with its final period), loaded once."""
    raw = resources.files("crosscheck").joinpath("data/abbreviations.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in raw.splitlines())
    return frozenset(entry for entry in entries if entry)


def split_sentences(doc_id: str, text: str) -> tuple[Sentence, ...]:
    """The sentences of ``text`` in order, each with its span; blank lines give nothing."""
    out: list[Sentence] = []
    for line in _LINE.finditer(text):
        begin = line.start()
        for boundary in _BOUNDARY.finditer(text, line.start(), line.end()):
            if _ends_sentence(text, boundary.start(), boundary.end(), line.start(), line.end()):
                _emit(doc_id, text, begin, boundary.end(), out)
                begin = boundary.end()
        _emit(doc_id, text, begin, line.end(), out)
    return tuple(out)


def _emit(doc_id: str, text: str, start: int, end: int, out: list[Sentence]) -> None:
    """Append the sentence ``text[start:end]`` without its surrounding whitespace, if any is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        while cut > start + MAX_SENTENCE // 2 and not text[cut - 1].isspace():
            cut -= 1
        if cut == start + MAX_SENTENCE // 2:
            cut = start + MAX_SENTENCE  # no whitespace in the second half: cut at the limit
        _emit(doc_id, text, start, cut, out)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(Span(doc_id, start, end), text[start:end]))


def _ends_sentence(text: str, stop: int, after: int, line_start: int, line_end: int) -> bool:
    """Whether the stop run at ``text[stop:after]`` ends a sentence."""
    following = _NEXT_WORD.match(text, after, line_end)
    if following is None or not (following.group(1).isupper() or following.group(1).isdigit()):
        return False
    marks = text[stop:after].rstrip("\"”’')]")
    if marks != ".":
        return True  # "!", "?", "…", "?!" and "..." always end a sentence when a capital follows
    if _SPACED_ELLIPSIS.search(text, max(line_start, stop - 4), stop + 1):
        return False
    begin = stop  # the word the stop belongs to: the non-space run up to and including it
    while begin > line_start and not text[begin - 1].isspace():
        begin -= 1
    return not _is_abbreviation(text[begin : stop + 1].lstrip(_LEADING))


def _is_abbreviation(token: str) -> bool:
    """Whether ``token`` (ending in ".") is an abbreviation rather than a word that ends a sentence."""
    if not token or token == ".":
        return False
    known = abbreviations()
    if token in known or _INITIALS.fullmatch(token):
        return True
    # "D-Conn.", "R-Texas." style party-state tags and hyphenated compounds ending in an abbreviation.
    tail = token.rsplit("-", 1)[-1]
    return tail != token and (tail in known or bool(_INITIALS.fullmatch(tail)))
