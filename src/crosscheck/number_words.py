"""Number words and the quantity finder's word lists: parsing "three hundred and forty-two", qualifier arithmetic.

``parse_words(["three", "hundred", "and", "forty", "two"])`` is ``(342, 5)``; "a dozen" is 12;
fractions ("a third", "two-thirds", "half") and vague plurals ("dozens of", "hundreds of thousands
of") have their own tables. The word lists of ``data/quantities.toml`` are read once here;
`numbers` compiles the patterns from them (and re-exports these names).
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import Any

from .lexicon import default_lexicon
from .model import Bound, Interval

__all__ = [
    "AGED_THINGS",
    "CHANGE_VERBS",
    "COUNT_NOUNS",
    "CURRENCY_SYMBOLS",
    "CURRENCY_WORDS",
    "DETERMINERS",
    "FALLING",
    "FRACTIONS",
    "GLUED_UNITS",
    "GROUP_MARKS",
    "HYPHEN_ATTRIBUTES",
    "HYPHEN_COUNTS",
    "MONEY_SUFFIXES",
    "MONTHS",
    "MULTIPLIERS",
    "NOT_A_COUNT_WORDS",
    "NUMBER_WORDS",
    "ORDINALS",
    "ORDINAL_HEADS",
    "ORDINAL_IDIOMS",
    "ORDINAL_LEADS",
    "ORDINAL_RANKS",
    "ORDINAL_SEGMENTS",
    "OVER_MORE_THAN_WORDS",
    "POINT_MARKS",
    "QUALIFIERS",
    "RECORD_NOUNS",
    "RECORD_VERBS",
    "SCALES",
    "SCORE_NOUNS",
    "SMALL",
    "STOPWORDS",
    "STREET_WORDS",
    "TENS",
    "UNITS",
    "UNIT_DIMENSIONS",
    "VAGUE_PLURALS",
    "ascii_digits",
    "bound_of",
    "clean",
    "interval_of",
    "parse_words",
]

# Thousands separators and decimal points: ASCII, full-width and Arabic (`numbers.DIGITS`).
GROUP_MARKS = ",，٬"
POINT_MARKS = ".．٫"
SMALL: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}  # fmt: skip
# Every number word: never a name ("Twelve people were killed": "Twelve" is no actor).
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# Denominators of fractions as words, singular and plural ("a third", "two-thirds").
FRACTIONS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip
# "dozens of" and friends: the closed interval each allows (a count of at least two such units).
VAGUE_PLURALS: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}

# Words that may join a number after a scale: "three hundred and forty-two".
_AND_AFTER = frozenset(["hundred", "thousand", "million", "billion"])


def parse_words(words: list[str], has_a: bool) -> tuple[int, int]:
    """The value of the longest well-formed number at the start of ``words`` and how many it used.

    ``has_a`` says the number was written "a hundred"/"a dozen": then it must start with a scale.
    An "and" is read only between a scale and a smaller number ("three hundred and forty-two").
    """
    total, current, used, last = 0, 0, 0, ""
    if has_a and (not words or (words[0] not in SCALES and words[0] != "dozen")):
        return 0, 0
    i = 0
    while i < len(words):
        w = words[i]
        if w == "and":
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if last not in _AND_AFTER or not (nxt in SMALL or nxt in TENS):
                break
            last, i = w, i + 1
            continue
        if w == "dozen":
            if i and last not in SMALL:
                break
            current = (current or 1) * 12
        elif w in SCALES:
            if i and last in SCALES and SCALES[last] >= SCALES[w]:
                break
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total, current = total + (current or 1) * SCALES[w], 0
        elif w in TENS:
            if i and (last in SMALL or last in TENS or last == "dozen"):
                break
            current += TENS[w]
        elif w in SMALL:
            if i and (last in SMALL or last == "dozen" or (last in TENS and SMALL[w] >= 10)):
                break
            current += SMALL[w]
        else:
            break
        last, used, i = w, i + 1, i + 1
        if w == "dozen":
            break
    return total + current, used


def clean(x: Decimal) -> Decimal:
    """``x`` without trailing zeros or exponent: Decimal("10200000000.0") -> Decimal("10200000000")."""
    integral = x.to_integral_value()
    return integral if x == integral else x.normalize()


def ascii_digits(raw: str) -> str:
    """``raw`` (a match of `DIGITS`) with ASCII digits, "," for its separators and "." for its point:
    "２，０００" -> "2,000", "٣٫٥" -> "3.5". The same length, so offsets into ``raw`` still hold."""
    if raw.isascii():
        return raw
    out = []
    for char in raw:
        if char in GROUP_MARKS:
            out.append(",")
        elif char in POINT_MARKS:
            out.append(".")
        else:
            digit = unicodedata.decimal(char, None)
            out.append(char if digit is None else str(digit))
    return "".join(out)


def bound_of(kind: str) -> Bound:
    """The model's bound for a qualifier kind of data/quantities.toml ("approx_below" is "approx")."""
    if kind == "approx_below":
        return "approx"
    if kind in ("exact", "more_than", "at_least", "approx", "at_most", "less_than", "range"):
        return kind  # type: ignore[return-value]
    raise ValueError(kind)


def interval_of(kind: str, x: Decimal, t: Decimal) -> Interval:
    """The numbers a qualifier kind allows around ``x``, with tolerance ``t`` for "about"-type ones."""
    if kind == "more_than":
        return Interval(low=x, high=None, low_closed=False, high_closed=False)
    if kind == "at_least":
        return Interval(low=x, high=None, high_closed=False)
    if kind == "approx":
        return Interval(low=clean(x * (1 - t)), high=clean(x * (1 + t)))
    if kind == "approx_below":
        return Interval(low=clean(x * (1 - t)), high=x)
    if kind == "at_most":
        return Interval(low=None, high=x, low_closed=False)
    if kind == "less_than":
        return Interval(low=None, high=x, low_closed=False, high_closed=False)
    return Interval(low=x, high=x)


# ---------------------------------------------------------------------------------------------
# Word lists of data/quantities.toml

# Glued suffixes after a currency amount ("€3m", "$2bn").
MONEY_SUFFIXES: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
}
MULTIPLIERS: dict[str, Decimal] = {
    "doubled": Decimal(2), "doubling": Decimal(2), "tripled": Decimal(3), "tripling": Decimal(3),
    "trebled": Decimal(3), "quadrupled": Decimal(4), "halved": Decimal("0.5"), "halving": Decimal("0.5"),
    "twice": Decimal(2), "thrice": Decimal(3), "once": Decimal(1),
}  # fmt: skip


def _load_words() -> dict[str, Any]:
    return default_lexicon().section("quantities")


def _table(data: dict[str, Any], name: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in data[name].items()}


def _list(data: dict[str, Any], name: str) -> frozenset[str]:
    value = data["words"][name]
    return frozenset(value.split() if isinstance(value, str) else (str(v) for v in value))


_DATA = _load_words()
CURRENCY_SYMBOLS = _table(_DATA, "currency_symbols")
CURRENCY_WORDS = _table(_DATA, "currency_words")
GLUED_UNITS = _table(_DATA, "glued_units")  # "60GB", "50mph", "17in": suffix -> unit
UNITS = _table(_DATA, "units")  # measure word -> unit
# unit -> (dimension, its size in the dimension's base unit): "ft" -> ("length", 0.3048)
UNIT_DIMENSIONS: dict[str, tuple[str, Decimal]] = {
    unit: (str(pair[0]), Decimal(str(pair[1]))) for unit, pair in _DATA.get("unit_dimensions", {}).items()
}
QUALIFIERS = _table(_DATA, "qualifiers")  # qualifier -> bound ("approx_below": nearly/almost)
DETERMINERS = _list(_DATA, "determiners")
ORDINAL_LEADS = _list(_DATA, "ordinal_leads")
ORDINAL_RANKS = _list(_DATA, "ordinal_ranks")  # "finished 30th": a rank with no noun
ORDINAL_IDIOMS = frozenset(tuple(idiom.split(" ", 1)) for idiom in _DATA["words"]["ordinal_idioms"])
COUNT_NOUNS = _list(_DATA, "count_nouns")
HYPHEN_COUNTS = _list(_DATA, "hyphen_counts")
HYPHEN_ATTRIBUTES = _list(_DATA, "hyphen_attributes")  # "a 10-point lead": the lead is counted
MONTHS = default_lexicon().words("dates.months")  # month names have one home: data/dates.toml
STOPWORDS = _list(_DATA, "stopwords")
ORDINAL_HEADS = _list(_DATA, "ordinal_heads")
ORDINAL_SEGMENTS = _list(_DATA, "ordinal_segments")  # "the third round": one of several segments
CHANGE_VERBS = _list(_DATA, "rising") | _list(_DATA, "falling")
FALLING = _list(_DATA, "falling")
OVER_MORE_THAN_WORDS = _list(_DATA, "over_more_than_before")  # "served over 10 years"
NOT_A_COUNT_WORDS = _list(_DATA, "not_a_count_before")  # "all but five"
STREET_WORDS = _list(_DATA, "street_words")  # "54 State St.": a house number
SCORE_NOUNS = _list(_DATA, "score_nouns")  # "a 9-14 start", "a 31-24 win": a record or a score
AGED_THINGS = _list(_DATA, "aged_things")  # "35-year-old regulations": a duration, no age
RECORD_NOUNS = _list(_DATA, "record_nouns")  # "a 9-5 season": a win-loss record before it
RECORD_VERBS = _list(_DATA, "record_verbs")  # "improved to 52-3": a win-loss record after it
# Every number word: never a name ("Twelve people were killed": "Twelve" is no actor).
NUMBER_WORDS = frozenset(SMALL) | frozenset(TENS) | frozenset(SCALES) | frozenset(ORDINALS)
