"""Words with their offsets, and the small closed word classes the rule-based readers share.

`events` and `attribution` read sentences without a parser: they walk these tokens. Every token
keeps its exact offsets in the document text, so spans built from tokens index the text as read.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import default_lexicon

__all__ = ["DETERMINERS", "PREPOSITIONS", "Token", "is_capitalized", "strip_determiners", "tokenize"]

# A number ("2,000", full-width "２，０００"), a word (with inner hyphens, apostrophes and dots: "H-6K",
# "Russia’s", "U.S") or one other character.
_TOKEN = re.compile(r"\d[\d,.，٬．٫]*\d|[A-Za-z0-9#@][\w\-’'.]*\w|[A-Za-z0-9]|[^\w\s]")

# Closed word classes: data/grammar.toml.
DETERMINERS = default_lexicon().words("grammar.determiners")
PREPOSITIONS = default_lexicon().words("grammar.prepositions")


class Token(NamedTuple):
    """One token: its offsets in the document text, its characters, and ``low``: them lower-cased, apostrophes straight."""

    start: int
    end: int
    text: str
    low: str


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` in order (a trailing "." of "U.S." is its own token).

    A document's sentences are tokenized once, by its `reading.Reading`; this reads the text again."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        low = word.lower()
        if "’" in low:
            low = low.replace("’", "'")
        append(_new(Token, (m.start(), m.end(), word, low)))  # Token(...) without its Python-level __new__
    return out


_new = tuple.__new__


def is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def strip_determiners(tokens: list[Token]) -> list[Token]:
    """``tokens`` without leading determiners ("the Russian bombers" -> "Russian bombers")."""
    i = 0
    while i < len(tokens) - 1 and tokens[i].low in DETERMINERS:
        i += 1
    return tokens[i:]
