"""The tense of a date's clause: whether it looks forward or back, read from cue words.

The cue nearest before the date in its clause decides, else the nearest after it; the cues are
``[hedge] future`` and ``[tense]`` in ``data/cues.toml``, and any lower-case "-ed" word is a past form
unless a participle or an adjective ("be held", "the wounded"). `dates` and `date_resolvers` read it to
place a weekday or a month named without a year.
"""

from __future__ import annotations

import re
from typing import Literal

from .date_patterns import FORWARD_CUES, PARTICIPLE_AFTER, PAST_CUES
from .lexicon import default_lexicon
from .polarity import clause_start
from .tokens import DETERMINERS

__all__ = ["Tense", "cues", "finite_before", "looks_back", "tense", "tense_of"]

Tense = Literal["future", "past"]
_REACH = 240  # how far a date's clause may run either side of it (a region may be a whole text)
_PAST_FORM = re.compile(r"(?<![\w'’-])[a-z]{2,}ed(?![\w'’-])")  # "arrested"; lower case, so not "Ahmed"
_NOT_PAST_FORM = default_lexicon().words("dates.not_past_forms")
_INNER_ADVERBS = default_lexicon().words("dates.inner_adverbs")
_WORD_CHAR = re.compile(r"\w")
# Clause boundaries of `polarity.clause_start` that often open a phrase, not a clause ("before the
# judge", "as early as Friday"): a clause they open without a tense cue takes the tense around it.
_PHRASE_OPENERS = default_lexicon().words("dates.phrase_openers")
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")


def _boundary_end(text: str, pos: int, stop: int) -> int | None:
    """The end of the first clause boundary in ``text[pos:stop]`` (the boundaries of `polarity.clause_start`)."""
    last = clause_start(text, pos, stop)
    if last == pos:
        return None
    while (earlier := clause_start(text, pos, last - 1)) != pos:  # cut inside the boundary: the one before
        last = earlier
    return last


def _word_before(text: str, pos: int, lo: int) -> str:
    """The word before ``pos`` as written, passing over adverbs ("will be formally charged")."""
    while pos > lo:
        m = _LAST_WORD.search(text, max(lo, pos - 40), pos)
        if m is None:
            return ""
        word = m[1].lower()
        if word not in _INNER_ADVERBS and not (word.endswith("ly") and len(word) > 4):
            return m[1]
        pos = m.start()
    return ""


def _not_a_cue(text: str, start: int, end: int, kind: Tense, lo: int) -> bool:
    """A one-word cue that is a participle or adjective ("be held", "the wounded") or a name ("said Will Jones")."""
    word = text[start:end]
    if any(c.isspace() for c in word):
        return False
    before = _word_before(text, start, lo)
    if kind == "past" and before.lower() in PARTICIPLE_AFTER | DETERMINERS:
        return True
    return word[:1].isupper() and before[:1].islower()


def cues(text: str, start: int, end: int, lo: int) -> list[tuple[int, int, Tense]]:
    """Tense cues in ``text[start:end]``, in order: the longest at a place wins, a past cue on a tie."""
    found: list[tuple[int, int, Tense]] = [
        (m.start(), m.end(), "past") for m in PAST_CUES.finditer(text, start, end)
    ]
    found += [(m.start(), m.end(), "future") for m in FORWARD_CUES.finditer(text, start, end)]
    found += [
        (m.start(), m.end(), "past")
        for m in _PAST_FORM.finditer(text, start, end)
        if m.group() not in _NOT_PAST_FORM and not m.group().endswith("eed")
    ]
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2] != "past"))
    out: list[tuple[int, int, Tense]] = []
    cursor = start
    for s, e, kind in found:
        if s >= cursor and not _not_a_cue(text, s, e, kind, lo):
            out.append((s, e, kind))
            cursor = e
    return out


def tense(text: str, start: int, end: int, lo: int, hi: int, need_past: bool = False) -> Tense | None:
    """Whether the clause holding ``text[start:end]`` looks forward or back (None: it does not say).

    The cue nearest before the date in its clause decides, else the nearest after it; a date alone in
    its clause ("On Saturday, he will ...") takes the tense of the clause after it. Without
    ``need_past``, "past" may come back as None (no forward cue near: the common case, read fast).
    """
    floor, ceil = max(lo, start - _REACH), min(hi, end + _REACH)
    if not need_past and FORWARD_CUES.search(text, floor, ceil) is None:
        return None
    head = clause_start(text, floor, start)
    first = _boundary_end(text, end, ceil)
    tail = ceil if first is None else first
    if (
        first is not None
        and not _WORD_CHAR.search(text, head, start)
        and not _WORD_CHAR.search(text, end, first)
    ):
        second = _boundary_end(text, first, ceil)
        tail = ceil if second is None else second
    before = cues(text, head, start, lo)
    after = cues(text, end, tail, lo)
    while not (before or after):  # "appear before the court on Tuesday": a phrase, not a clause
        opener = _LAST_WORD.search(text, max(floor, head - 12), head)
        if opener is None or opener[1].lower() not in _PHRASE_OPENERS or opener.end(1) != head:
            break
        head = clause_start(text, floor, opener.start(1))
        before = cues(text, head, start, lo)
    if not (before or after) and tail < ceil and not _WORD_CHAR.search(text, head, start):
        # "In Saturday's semifinals, Creighton will play": a clause opening with the date and
        # saying no tense takes the first tense after it
        after = cues(text, tail, ceil, lo)[:1]
    if before:
        return before[-1][2]
    return after[0][2] if after else None


def tense_of(m: re.Match[str], text: str, need_past: bool = False) -> Tense | None:
    return tense(text, m.start(), m.end(), m.pos, m.endpos, need_past)


def looks_back(m: re.Match[str], text: str) -> bool:
    """True when the date's clause looks back, or says nothing and its sentence has a past cue."""
    said = tense_of(m, text, need_past=True)
    if said is not None:
        return said == "past"
    return any(kind == "past" for _, _, kind in cues(text, m.pos, m.endpos, m.pos))


def finite_before(text: str, pos: int, lo: int) -> bool:
    """True when a finite past verb stands right before ``pos`` ("said Saturday Jones ...")."""
    found = cues(text, max(lo, pos - 40), pos, lo)
    return bool(found) and found[-1][2] == "past" and not text[found[-1][1] : pos].strip()
