"""The quantity finder's compiled patterns.

The number words and word lists (``parse_words``, "a dozen" is 12, fractions, vague plurals, the
tables of ``data/quantities.toml``) are `number_words`, re-exported here; the regexes built from them
(`NUMBER`, `FORMS`, `CANDIDATE`, the words before and after a number) are compiled once here
(`noun_phrases` reads the counted noun after a number). `quantities.find_quantities` uses them and
keeps the spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._regex import trie
from .number_words import (
    AGED_THINGS,
    CHANGE_VERBS,
    COUNT_NOUNS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DETERMINERS,
    FALLING,
    FRACTIONS,
    GLUED_UNITS,
    GROUP_MARKS,
    HYPHEN_ATTRIBUTES,
    HYPHEN_COUNTS,
    MONEY_SUFFIXES,
    MONTHS,
    MULTIPLIERS,
    NOT_A_COUNT_WORDS,
    NUMBER_WORDS,
    ORDINAL_HEADS,
    ORDINAL_IDIOMS,
    ORDINAL_LEADS,
    ORDINAL_RANKS,
    ORDINAL_SEGMENTS,
    ORDINALS,
    OVER_MORE_THAN_WORDS,
    POINT_MARKS,
    QUALIFIERS,
    SCALES,
    SCORE_NOUNS,
    SMALL,
    STOPWORDS,
    STREET_WORDS,
    TENS,
    UNIT_DIMENSIONS,
    UNITS,
    VAGUE_PLURALS,
    ascii_digits,
    bound_of,
    clean,
    interval_of,
    parse_words,
)

__all__ = [
    "AGED_THINGS",
    "AGE_AFTER",
    "AGE_OPENING_AFTER",
    "AGE_OPENING_BEFORE",
    "AGE_PHRASE_BEFORE",
    "AGE_VERB_BEFORE",
    "AND",
    "BLOCKED_BEFORE",
    "CANDIDATE",
    "CANDIDATE_WORDS",
    "CARDINAL_WORD",
    "CHANGE_BEFORE",
    "CHANGE_VERBS",
    "CLAUSE_OPENS_BEFORE",
    "COUNT_NOUNS",
    "CUR",
    "CURRENCY_AFTER",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DECADE_AGES",
    "DETERMINERS",
    "DETERMINER_AFTER_OF",
    "DIGITS",
    "FALLING",
    "FORMS",
    "FRACTIONS",
    "GLUED_UNITS",
    "GROUP_MARKS",
    "HYPHEN_ATTRIBUTES",
    "HYPHEN_COUNTS",
    "MONEY_SUFFIXES",
    "MONTH",
    "MONTHS",
    "MONTH_AFTER",
    "MONTH_BEFORE",
    "MULTIPLIERS",
    "NOT_A_COUNT_BEFORE",
    "NOUN_WORD",
    "NO_BEFORE",
    "NUMBER",
    "NUMBER_WORDS",
    "ORDINALS",
    "ORDINAL_HEADS",
    "ORDINAL_IDIOMS",
    "ORDINAL_LEADS",
    "ORDINAL_RANKS",
    "ORDINAL_SEGMENTS",
    "ORDINAL_WORD",
    "OVER_MORE_THAN_AFTER",
    "OVER_MORE_THAN_BEFORE",
    "PARTITIVE_AFTER",
    "POINT_MARKS",
    "PREPOSITION_OVER",
    "QUALIFIERS",
    "QUALIFIER_BEFORE",
    "REFERRING",
    "REFERS_BACK_BELOW",
    "SCALES",
    "SCALE_AFTER",
    "SCALE_WORD",
    "SCORE_NOUNS",
    "SMALL",
    "STOPWORDS",
    "STREET_AFTER",
    "STREET_WORDS",
    "TENS",
    "TIME_AFTER",
    "TOKEN",
    "TOKEN_CHARS",
    "UNITS",
    "UNIT_AFTER",
    "UNIT_DIMENSIONS",
    "URLISH",
    "VAGUE_PLURALS",
    "WORDNUM",
    "WORD_BEFORE",
    "ascii_digits",
    "bound_of",
    "clean",
    "interval_of",
    "parse_words",
]

# ---------------------------------------------------------------------------------------------
# Patterns (compiled once) for quantities.find_quantities


def _alt(words: Iterable[str]) -> str:
    """The words as one alternative, longest first (a trie: the same matches, fewer attempts)."""
    return trie(words)


CARDINAL_WORD = _alt([*SMALL, *TENS, *SCALES, "dozen"])
AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+"  # "three hundred and forty-two"
CUR = r"(?:US\$|A\$|AU\$|\$A(?=\d)|C\$|NZ\$|CN¥|JP¥|[$€£¥₹₽]|(?:USD|EUR|GBP|CNY|RMB|RUB|JPY|INR|AUD)\s?)"
# Digits are any Unicode decimal digits (``\d``: "2", full-width "２", Arabic-Indic "٢", Devanagari
# "२"); thousands separators and decimal points are the ASCII, full-width and Arabic ones, so that
# "２，０００" is one number, never "２" and "０００". `ascii_digits` gives the value's ASCII form;
# spans keep the characters as written.
_GROUP = f"[{GROUP_MARKS}]"
_POINT = f"[{POINT_MARKS}]"
_MARK = f"[{GROUP_MARKS}{POINT_MARKS}]"
DIGITS = rf"\d{{1,3}}(?:{_GROUP}\d{{3}})++(?:{_POINT}\d++)?+|\d++(?:{_POINT}\d++)?+"
ORDINAL_WORD = rf"(?:(?:{_alt(TENS)})-)?(?:{_alt(ORDINALS)})"


def _guard(words: Iterable[str], *, also: Iterable[str] = ()) -> str:
    """A zero-width check that a match may start here: a word start where one of ``words`` (or of the
    regexes ``also``) begins the text, or a currency sign or digit anywhere. Checked once per position,
    before the alternatives are tried there, it finds the same matches several times faster: every
    alternative of the pattern starts with a digit, a currency, or one of those words at a word start,
    so a position where none stands cannot start a match ("the", "and", "said" are never tried). A
    currency is checked by its first two characters (every `CUR` starts with a sign, or with one of the
    letter pairs of ``[uaecnjgri][$usnzpbm]``: "US", "A$", "AU", "C$", "CN", "NZ", "JP", "EU", "GB",
    "RM", "RU", "IN"), so the letters that open a currency are no reason to try the alternatives at
    every "a", "e" or "n"."""
    words = sorted(set(words))
    firsts = "".join(sorted({re.escape(w[0]) for w in words} | {re.escape(a[0]) for a in also}))
    starts = "|".join([trie(words), *also])
    return rf"(?:\b(?=[{firsts}])(?={starts})|(?=[\d$€£¥₹₽]|[uaecnjgri][$usnzpbm]))"


# Every alternative of `NUMBER` starts with a digit, a currency, or at a word start with one of these
# words (an ordinal, "forty-second", "a dozen").
_NUMBER_GUARD = _guard([*ORDINALS, *TENS, *SMALL, *SCALES, "dozen"], also=[r"a\s"])
NUMBER = re.compile(
    rf"""
    {_NUMBER_GUARD}
    (?:\b(?P<ordword>{ORDINAL_WORD})(?P<ever>-ever)?\b
  | \b(?P<a>a\s+)?(?P<words>(?:{CARDINAL_WORD})(?:(?:-|\s+|{AND})(?:{CARDINAL_WORD}))*)\b
  | (?P<cur>{CUR})?
    (?<!\d)(?P<num>{DIGITS})
    (?P<suf>st|nd|rd|th|{_alt([*GLUED_UNITS, *MONEY_SUFFIXES])})?(?!\w|{_MARK}\d))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "$1 million", "$137-million"
SCALE_AFTER = re.compile(rf"(?:\s+|-)({_alt(SCALES)})\b", re.IGNORECASE)
# "5 billion yuan", "a 110bn-euro package"
CURRENCY_AFTER = re.compile(rf"(?:\s+|-)({_alt(CURRENCY_WORDS)})\b", re.IGNORECASE)
UNIT_AFTER = re.compile(rf"(\s+|-)({_alt(UNITS)})\b(?!-)", re.IGNORECASE)
QUALIFIER_BEFORE = re.compile(rf"\b({_alt(QUALIFIERS)})\s+\\?\Z", re.IGNORECASE)
WORD_BEFORE = re.compile(r"([A-Za-z]+)(['’]s)?\s+\Z")
MONTH = _alt(m.capitalize() for m in MONTHS)  # case-sensitive: "10 may die" is no date
MONTH_BEFORE = re.compile(rf"\b(?:{MONTH})\.?\s+\Z")
MONTH_AFTER = re.compile(rf"(?:\s+of)?\s+(?:{MONTH})\b")
# After a house number: up to two capitalised words (or a compass word and an ordinal) and a street
# word of data's `street_words` ("54 State St.", "40 East 5th Ave", "10 Downing Street").
STREET_AFTER = re.compile(
    rf"(?:\s+(?:[A-Z][a-z]+|[NSEW]\.?|\d+(?:st|nd|rd|th))){{1,3}}\s+(?:{_alt(w.capitalize() for w in STREET_WORDS)})\b"
)
NO_BEFORE = re.compile(r"\b(?:[Nn]os?\.|[Nn]umber)\s*\Z")
TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|hrs\b)|:\d", re.IGNORECASE)
NOUN_WORD = re.compile(r"[ \t]+(#?[A-Za-z]+(?:-[A-Za-z]+)*)(?![\w'’])")
TOKEN = re.compile(r"\S+")
URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|gov|edu|io|co|uk|ru|cn|info)(?:/|\b)", re.IGNORECASE)
TOKEN_CHARS = re.compile(r"[A-Za-z]+")
BLOCKED_BEFORE = frozenset("_:/@#-" + GROUP_MARKS + POINT_MARKS)
WORDNUM = rf"(?:{CARDINAL_WORD})(?:(?:-|\s+)(?:{CARDINAL_WORD}))*"
SCALE_WORD = _alt(SCALES)
# A fraction as words: "half", "a third", "two-thirds" (`quantity_forms._fraction_value` reads it)
_FRACTION = rf"(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?:{_alt(FRACTIONS)})"
_GLUED = _alt([*GLUED_UNITS, *MONEY_SUFFIXES])  # a unit or scale glued to a range's end: "5-7%", "1.2m"
# "in his early 30s", "in her mid-forties", "in their twenties": an age range of a decade of life.
DECADE_AGES = {
    "teens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
    "seventies": 70, "eighties": 80, "nineties": 90,
}  # fmt: skip
# "less than a minute", "around an hour": one of a unit, counted only after a qualifier.
A_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|mile|kilometre|kilometer)"
# Every alternative of `FORMS` starts with a digit, a currency, or at a word start with one of these
# words ("between", "from", "dozens", "tens of", "a third", "a pair of", "in his early 30s", "several dozen").
_FORMS_GUARD = _guard(
    [
        *SMALL,
        *TENS,
        *SCALES,
        *VAGUE_PLURALS,
        *FRACTIONS,
        *MULTIPLIERS,
        "dozen",
        "hundred",
        "tens",
        "between",
        "from",
        "several",
    ],
    also=[r"an?[\s-]", r"in\s"],
)
FORMS = re.compile(
    rf"""
    {_FORMS_GUARD}
    (?:(?<![\w/{GROUP_MARKS}{POINT_MARKS}-])(?P<whole>\d{{1,3}})[-\s](?P<mnum>[1-7])/(?P<mden>[2348])(?![\d/])
  | (?:\b(?P<rfrom>between|from)\s+)?(?<![\w/@#{GROUP_MARKS}{POINT_MARKS}-])(?P<cur1>{CUR})?(?P<n1>{DIGITS}|\b{WORDNUM}\b)
    (?P<g1>{_GLUED})?(?:\s+(?P<sc1>{SCALE_WORD}))?(?P<conn>\s*[-–]\s*|-?\s+to\s+|\s+and\s+)
    (?P<cur2>{CUR})?(?P<n2>{DIGITS}|{WORDNUM}\b)(?P<g2>{_GLUED})?(?!\w|{_MARK}\d|[-–]\d)
  | \b(?P<vague>{_alt(VAGUE_PLURALS)})\s+of\b
  | \b(?P<vague2>(?:tens|hundreds)\s+of\s+(?:thousands|millions))\b
  | \b(?P<several>several|a\s+few)\s+(?P<sunit>dozen|hundred|thousand|million)\b(?!\s+(?:and|or)\b)
  | (?:\b|(?<=ed\s)|(?<=ng\s))(?P<alone>dozens|scores|hundreds|thousands)\b(?!\s+of\b)
    (?=\s+(?:more\s+|others?\s+|people\s+)?(?:were\s+|have\s+been\s+)?
       (?:injured|wounded|hurt|dead|killed|missing|hospitali[sz]ed|arrested)\b
      |[\s,.;]|$)
  | \b(?P<frange>between)\s+(?P<fa>{_FRACTION})\s+and\s+(?P<fb>{_FRACTION})\b
  | \b(?:(?P<fnum>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?
    (?P<fden>{_alt(FRACTIONS)})\b(?=\s+(?:of|the|an?)\s|-[a-z]|\s+dozen\b|(?P<fbare>))
  | \b(?P<fnum2>two|three|four|five|six|seven|eight|nine)-(?P<fden2>thirds|quarters|fifths|sixths|tenths)\b
  | \b(?P<inum>one|\d+)\s+in\s+(?:every\s+)?(?P<iden>two|three|four|five|six|seven|eight|nine|ten|\d{{1,3}})\b
  | \b(?P<aunit>an?)(?=\s+{A_UNIT}s?\b)
  | \b(?P<pair>a\s+pair\s+of)(?=\s+[a-z])
  | \bin\s+(?:his|her|their)\s+(?P<age>(?:(?P<apart>early|mid|late)[\s-]?)?
    (?:(?P<adig>[1-9]0)[’']?s|(?P<aword>{_alt(DECADE_AGES)})))\b
  | \b(?P<mult>{_alt(MULTIPLIERS)})\b
  | \b(?P<fold>\d+|{_alt(SMALL)}|{_alt(TENS)}|hundred)[\s-]?fold\b)
    """,
    re.IGNORECASE | re.VERBOSE,
)
# What every match of NUMBER or FORMS holds: a digit (every currency is followed by one), or a word
# starting with a number, ordinal, fraction, multiplier or vague-plural word ("twofold" included).
# A sentence without it is skipped before the two scans.
CANDIDATE_WORDS = frozenset(
    {*ORDINALS, *TENS, *SMALL, *SCALES, "dozen", "hundred", *VAGUE_PLURALS, *FRACTIONS, *MULTIPLIERS}
)
# (The words are tried only at a word start with one of their first letters: the same answer, faster.)
_CANDIDATE_FIRSTS = "".join(sorted({w[0] for w in CANDIDATE_WORDS} | {"a", "i"}))
CANDIDATE = re.compile(
    rf"\d|\b(?=[{_CANDIDATE_FIRSTS}])(?:"
    + trie(sorted(CANDIDATE_WORDS))
    + rf"|an?\s+(?:{A_UNIT}|pair\s+of)|in\s+(?:his|her|their)\s)",
    re.IGNORECASE,
)
CHANGE_BEFORE = re.compile(rf"\b({_alt(CHANGE_VERBS)})\s+(?:by\s+)?\Z", re.IGNORECASE)
AGE_AFTER = re.compile(
    r"[-\s]years?[-\s]old\b", re.IGNORECASE
)  # "12-year-old", "12-year old", "12 years old"
# "the age of 45", "under the age of ten", "under age 18": an age; a qualifier before it bounds it.
AGE_PHRASE_BEFORE = re.compile(r"\b(?:[Tt]he\s+)?(?:age|Age|ages|Ages)\s+(?:of\s+)?\Z")
# "He was 77.", "who turned 40,", "dies at 75": an age when nothing counted follows the number.
AGE_VERB_BEFORE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|who)\s+(?:was|is|turned|turns)\s+\Z|\b(?:dies|died|dying)\s+at\s+\Z"
)
# "At 55, he is the same age as ...", "At 26, Lohan has ...": a sentence opened by a person's age.
AGE_OPENING_BEFORE = re.compile(r"\bAt\s+\Z")
AGE_OPENING_AFTER = re.compile(r",\s+(?:he|she|[A-Z][a-z]+)\b")
PREPOSITION_OVER = frozenset(["second", "minute", "hour", "day", "week", "month", "year"])
# "over three days" spans a period ("ran over three days": exactly three) unless it means "more than":
# after one of data's `over_more_than_before` ("served over 10 years"), opening a sentence or clause
# without a comma after it ("Over 10 years have passed"; "Over three days, ..." is a period) or
# before "ago", "old", "later", "earlier" ("over 10 years ago").
OVER_MORE_THAN_BEFORE = re.compile(rf"\b(?:{_alt(OVER_MORE_THAN_WORDS)})\s+\Z", re.IGNORECASE)
OVER_MORE_THAN_AFTER = re.compile(r"\s+(?:ago|old|later|earlier|of\s+age)\b", re.IGNORECASE)
# What may stand right before a word that opens a sentence or a clause (a line break, a stop, a quote).
CLAUSE_OPENS_BEFORE = re.compile(r"[\n\r.!?,;:\u2014\u2013\"“‘']\s*\Z")
NOT_A_COUNT_BEFORE = re.compile(rf"\b(?:{_alt(NOT_A_COUNT_WORDS)})\s+\Z", re.IGNORECASE)
REFERRING = frozenset(["the", "these", "those"])
# A definite article before a small whole number refers back to things the text has named ("the two
# countries", "these three", "the two sides"); before a larger one it gives a figure the outlet states,
# often its only statement of it ("Ninety percent of the 288 candidates", "led the 22,000 crowd",
# "almost all of the 2.5 million people eligible"), which another outlet may give otherwise. (On the dev
# halves of benchmarks/gold: count agreements +3, one conflict became a possible conflict; ECB+ with
# both events together: conflicts 86, none decided across events, as before.)
REFERS_BACK_BELOW = 10
# A count of some of the things a phrase names after it, not a noun of its own: "two of the bombs",
# "missing 10 of the Saints' 16 games", "28 of 41 passes" (what is counted is the plural after it; a part of them).
PARTITIVE_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:(?:the|these|those|its|their|his|her|our)(?:[ \t]+[A-Z][\w.-]*['’]s?)?(?:[ \t]+\d[\d,]*)?|\d[\d,]*)(?=[ \t])"
)
DETERMINER_AFTER_OF = re.compile(
    r"\s+of(?:\s+(?:the|its|their|his|her|our|this|that|these|those))?(?=\s)", re.I
)
