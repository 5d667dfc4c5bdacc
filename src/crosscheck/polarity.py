"""Polarity and hedges as data: does a span assert, deny, or only expect or report what it says?

The cue lists live in ``data/cues.toml`` (negation words, negating verbs such as "refused to", their
exceptions such as "no more than", and hedge categories "reported", "future", "possible");
`load_cues` reads a user's file of the same shape and adds it to them.
`stance` reads the cues inside a window of text; `claim_window` picks the window for a claim: its
clause, from the clause's start to the claim's end.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from attrs import frozen

from ._regex import trie
from .errors import ConfigError
from .lexicon import Lexicon, default_lexicon
from .model import Polarity

__all__ = ["Cues", "Stance", "claim_window", "cues_of", "default_cues", "in_aside", "load_cues", "stance"]

# Where a clause starts: punctuation, dashes, quotes and the words that open a new clause.
_CLAUSE = re.compile(
    r"[,;:()\u2014\u2013“”\"]|\s-\s|\b(?:that|which|who|while|whereas|but|although|though|because|when|"
    r"as|after|before|saying|adding)\b",
    re.IGNORECASE,
)


# A relative clause set off by commas, closed by one: ", which will go into effect in 30 days,".
_ASIDE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,;:()\u2014\u2013\"“”]*,")

_ADVERB = r"\s+(?:(?:[a-z]+ly|also|still|now|already|not)\s+)?"
_WORD_START = r"(?<![\w'’])"


@frozen
class Cues:
    """Compiled cue tables. Build with `default_cues` or `load_cues`."""

    negation: re.Pattern[str]
    exceptions: re.Pattern[str]
    hedges: tuple[tuple[str, re.Pattern[str]], ...]  # (category, its cues), in category order


@frozen
class Stance:
    """What the cues in a window say: the polarity, the hedge category, and the cues found (start, end, text)."""

    polarity: Polarity = "affirmed"
    hedge: str | None = None
    cues: tuple[tuple[int, int, str], ...] = ()


def _pattern(cues: list[str]) -> re.Pattern[str]:
    """The cues as one case-insensitive pattern: `_alternatives` behind a guard (the same matches)."""
    parts, guard = _alternatives(cues)
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(f"(?:{guard})(?:{'|'.join(parts)})", re.IGNORECASE)


def _alternatives(cues: list[str]) -> tuple[list[str], str]:
    """One alternative per cue, longest first, and the guard every match passes where it starts."""
    ordered = sorted(set(cues), key=lambda c: (-len(c), c))
    parts = []
    starts: dict[str, set[str]] = {"": set(), _WORD_START: set()}  # lead -> first characters
    firsts: set[str] = set()  # the first words of the cues that start a word
    for cue in ordered:
        first, *rest = [re.escape(w) for w in cue.split()]
        # One adverb may stand inside a multi-word cue: "are also said to", "is now expected to".
        body = first + "".join((_ADVERB if i == 0 else r"\s+") + w for i, w in enumerate(rest))
        lead = "" if cue[0] in "'’" or cue.startswith("n'") or cue.startswith("n’") else _WORD_START
        parts.append(lead + body + r"(?![\w'’])")
        starts[lead].add(re.escape(cue[0]))
        if lead:
            firsts.add(cue.split()[0])
    # A cue can only start where its lead holds and its first letter stands, and one that starts a
    # word only where one of the first words of those cues stands as a whole word (no letter, digit or
    # apostrophe after it: a space, or the end of a one-word cue): checking that once per position,
    # before trying each alternative there, finds the same matches several times faster.
    guard = "|".join(
        f"{lead}(?=[{''.join(sorted(chars))}])" + (f"(?={trie(sorted(firsts))}(?![\\w'’]))" if lead else "")
        for lead, chars in starts.items()
        if chars
    )
    return parts, guard


def _strings(data: dict[str, Any], table: str, key: str, origin: str) -> list[str]:
    section = data.get(table, {})
    if not isinstance(section, dict):
        raise ConfigError(f"{origin}: [{table}] must be a table")
    raw = section.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(c, str) and c.strip() for c in raw):
        raise ConfigError(f"{origin}: [{table}] {key} must be a list of non-empty strings")
    return [" ".join(c.lower().split()) for c in raw]


def _merge(tables: list[tuple[dict[str, Any], str]]) -> Cues:
    negation: list[str] = []
    exceptions: list[str] = []
    category: dict[str, str] = {}
    for data, origin in tables:
        negation += _strings(data, "negation", "words", origin) + _strings(data, "negation", "verbs", origin)
        exceptions += _strings(data, "negation", "exceptions", origin)
        hedge = data.get("hedge", {})
        if not isinstance(hedge, dict):
            raise ConfigError(f"{origin}: [hedge] must be a table of category = [cues]")
        for name in sorted(hedge):
            for cue in _strings(data, "hedge", name, origin):
                category[cue] = name  # a later file may move a cue to another category
    # "n't" is written inside its word ("weren't"): it needs no word start.
    negation_pattern = _pattern([c for c in negation if not c.startswith(("n'", "n’"))])
    glued = (
        re.compile(r"n['’]t(?![\w'’])", re.IGNORECASE)
        if any(c.startswith(("n'", "n’")) for c in negation)
        else None
    )
    if glued is not None:
        negation_pattern = re.compile(f"{glued.pattern}|{negation_pattern.pattern}", re.IGNORECASE)
    return Cues(
        negation=negation_pattern,
        exceptions=_pattern(exceptions),
        hedges=tuple(
            (name, _pattern([c for c, n in category.items() if n == name]))
            for name in sorted(set(category.values()))
        ),
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read cues file: {exc}") from None


@cache
def _default_data() -> dict[str, Any]:
    return default_lexicon().section("cues")


@cache
def default_cues() -> Cues:
    """The cues shipped with crosscheck (``crosscheck/data/cues.toml``)."""
    return _merge([(_default_data(), "cues.toml")])


def cues_of(lexicon: Lexicon) -> Cues:
    """The cues of ``lexicon``'s ``[cues]`` section, compiled once per lexicon."""
    if lexicon is default_lexicon():  # (an equal copy, unpickled in a worker, compiles its own once)
        return default_cues()
    origin = ", ".join(lexicon.files)
    return lexicon.compiled("cues", lambda: _merge([(lexicon.section("cues"), origin)]))


def load_cues(path: str | Path) -> Cues:
    """The default cues extended by a user's file of the same shape."""
    p = Path(path)
    return _merge([(_default_data(), "cues.toml"), (_read(p), str(p))])


def _is_name(text: str, start: int, end: int, window_start: int) -> bool:
    """A one-word cue written with a capital after other words ("in May", "Will Smith") is a name."""
    word = text[start:end]
    if " " in word or not word[:1].isupper() or start == window_start:
        return False
    before = text[window_start:start].rstrip()
    if _title_case(text[window_start:end]):
        return False  # in a headline every word has a capital: "Gary Ross Will Not Direct …"
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def stance(text: str, start: int, end: int, cues: Cues | None = None) -> Stance:
    """The polarity and hedge the cues in ``text[start:end]`` give; two negations cancel ("did not refuse to")."""
    cues = cues or default_cues()
    blocked = [m.span() for m in cues.exceptions.finditer(text, start, end)]
    # an aside closed before the window ends ("The changes, which will go into effect in 30 days, were
    # completed") says nothing of the clause around it
    asides = [m.span() for m in _ASIDE.finditer(text, start, end)]
    found: list[tuple[int, int, str]] = []
    negations = 0
    for m in cues.negation.finditer(text, start, end):
        if (
            any(s <= m.start() < e for s, e in blocked)
            or any(s <= m.start() < e for s, e in asides)
            or _is_name(text, m.start(), m.end(), start)
        ):
            continue
        negations += 1
        found.append((m.start(), m.end(), m.group(0)))
    hedge = None
    last = -1
    for name, pattern in cues.hedges:
        for m in pattern.finditer(text, start, end):
            if _is_name(text, m.start(), m.end(), start) or any(s <= m.start() < e for s, e in asides):
                continue
            found.append((m.start(), m.end(), m.group(0)))
            if m.start() > last:  # the cue nearest the claim's end decides
                hedge, last = name, m.start()
    polarity: Polarity = "negated" if negations % 2 else "affirmed"
    return Stance(polarity=polarity, hedge=hedge, cues=tuple(sorted(found)))


def clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts (the sentence start when no boundary precedes it)."""
    start = sentence_start
    for match in _CLAUSE.finditer(text, sentence_start, position):
        start = match.end()
    return start


def in_aside(text: str, start: int, end: int, span_start: int, span_end: int) -> bool:
    """Whether ``text[span_start:span_end]`` lies in an aside of ``text[start:end]`` (", which will go
    into effect in 30 days,"): what it says is its own clause's, not the sentence's."""
    return any(
        s <= span_start and span_end <= e for s, e in (m.span() for m in _ASIDE.finditer(text, start, end))
    )


def claim_window(text: str, sentence_start: int, span_start: int, span_end: int) -> tuple[int, int]:
    """The window whose cues bear on a claim: from its clause's start to the claim's end."""
    return clause_start(text, sentence_start, span_start), span_end
