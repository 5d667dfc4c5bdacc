"""The quantity finder's lexicon: number words, qualifier arithmetic, word lists and compiled patterns.

``parse_words(["three", "hundred", "and", "forty", "two"])`` is ``(342, 5)``; "a dozen" is 12;
fractions ("a third", "two-thirds", "half") and vague plurals ("dozens of", "hundreds of thousands
of") have their own tables. The word lists of ``data/quantities.toml`` and the regexes built from them
are compiled once here; `quantities.find_quantities` uses them and keeps the spans.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ._regex import trie
from .lexicon import default_lexicon
from .model import Bound, Interval, Quantity, QuantityMention, Span

__all__ = [
    "AGE_AFTER",
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
    "DETERMINERS",
    "DETERMINER_AFTER_OF",
    "DIGITS",
    "FALLING",
    "FORMS",
    "FRACTIONS",
    "GLUED_UNITS",
    "GROUP_MARKS",
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
    "ORDINAL_WORD",
    "OVER_MORE_THAN_AFTER",
    "OVER_MORE_THAN_BEFORE",
    "POINT_MARKS",
    "PREPOSITION_OVER",
    "QUALIFIERS",
    "QUALIFIER_BEFORE",
    "REFERRING",
    "SCALES",
    "SCALE_AFTER",
    "SCALE_WORD",
    "SMALL",
    "STOPWORDS",
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
    "make_mention",
    "noun_phrase",
    "parse_words",
]

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
NUMBER_WORDS: frozenset[str] = frozenset()  # filled below, once ORDINALS is known
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
    "twice": Decimal(2), "thrice": Decimal(3),
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
ORDINAL_IDIOMS = frozenset(tuple(idiom.split(" ", 1)) for idiom in _DATA["words"]["ordinal_idioms"])
COUNT_NOUNS = _list(_DATA, "count_nouns")
HYPHEN_COUNTS = _list(_DATA, "hyphen_counts")
MONTHS = default_lexicon().words("dates.months")  # month names have one home: data/dates.toml
STOPWORDS = _list(_DATA, "stopwords")
ORDINAL_HEADS = _list(_DATA, "ordinal_heads")
CHANGE_VERBS = _list(_DATA, "rising") | _list(_DATA, "falling")
FALLING = _list(_DATA, "falling")

# ---------------------------------------------------------------------------------------------
# Patterns (compiled once) for quantities.find_quantities


def _alt(words: Iterable[str]) -> str:
    """The words as one alternative, longest first (a trie: the same matches, fewer attempts)."""
    return trie(words)


CARDINAL_WORD = _alt([*SMALL, *TENS, *SCALES, "dozen"])
AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+"  # "three hundred and forty-two"
CUR = r"(?:US\$|CN¥|JP¥|[$€£¥₹₽]|(?:USD|EUR|GBP|CNY|RMB|RUB|JPY|INR)\s?)"
# Digits are any Unicode decimal digits (``\d``: "2", full-width "２", Arabic-Indic "٢", Devanagari
# "२"); thousands separators and decimal points are the ASCII, full-width and Arabic ones, so that
# "２，０００" is one number, never "２" and "０００". `ascii_digits` gives the value's ASCII form;
# spans keep the characters as written.
GROUP_MARKS = ",，٬"
POINT_MARKS = ".．٫"
_GROUP = f"[{GROUP_MARKS}]"
_POINT = f"[{POINT_MARKS}]"
_MARK = f"[{GROUP_MARKS}{POINT_MARKS}]"
DIGITS = rf"\d{{1,3}}(?:{_GROUP}\d{{3}})++(?:{_POINT}\d++)?+|\d++(?:{_POINT}\d++)?+"
ORDINAL_WORD = rf"(?:(?:{_alt(TENS)})-)?(?:{_alt(ORDINALS)})"


def _guard(words: Iterable[str]) -> str:
    """A zero-width check that a match may start here: a word start at one of ``words``' first letters,
    or a currency sign or digit anywhere. Checked once per position, before the alternatives are
    tried there, it finds the same matches several times faster."""
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return rf"(?:\b(?=[{firsts}\d])|(?=[UCJEGRI$€£¥₹₽\d]))"  # the first characters of CUR


NUMBER = re.compile(
    rf"""
    {_guard([*ORDINALS, *TENS, *SMALL, *SCALES, "dozen", "a"])}
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
NO_BEFORE = re.compile(r"\b(?:[Nn]os?\.|[Nn]umber)\s*\Z")
TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|hrs\b)|:\d", re.IGNORECASE)
NOUN_WORD = re.compile(r"[ \t]+(#?[A-Za-z]+(?:-[A-Za-z]+)*)(?![\w'’])")
TOKEN = re.compile(r"\S+")
URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|gov|edu|io|co|uk|ru|cn|info)(?:/|\b)", re.IGNORECASE)
TOKEN_CHARS = re.compile(r"[A-Za-z]+")
BLOCKED_BEFORE = frozenset("_:/@#-" + GROUP_MARKS + POINT_MARKS)
WORDNUM = rf"(?:{CARDINAL_WORD})(?:(?:-|\s+)(?:{CARDINAL_WORD}))*"
SCALE_WORD = _alt(SCALES)
# A fraction as words: "half", "a third", "two-thirds" (`quantities._fraction_value` reads it)
_FRACTION = rf"(?:(?:an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?(?:{_alt(FRACTIONS)})"
_GLUED = _alt([*GLUED_UNITS, *MONEY_SUFFIXES])  # a unit or scale glued to a range's end: "5-7%", "1.2m"
# "less than a minute", "around an hour": one of a unit, counted only after a qualifier.
A_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|mile|kilometre|kilometer)"
FORMS = re.compile(
    rf"""
    {_guard([*SMALL, *TENS, *SCALES, *VAGUE_PLURALS, *FRACTIONS, *MULTIPLIERS, "dozen", "hundred", "between", "from", "a"])}
    (?:(?:\b(?P<rfrom>between|from)\s+)?(?<![\w/@#{GROUP_MARKS}{POINT_MARKS}-])(?P<cur1>{CUR})?(?P<n1>{DIGITS}|\b{WORDNUM}\b)
    (?P<g1>{_GLUED})?(?:\s+(?P<sc1>{SCALE_WORD}))?(?P<conn>\s*[-–]\s*|-?\s+to\s+|\s+and\s+)
    (?P<cur2>{CUR})?(?P<n2>{DIGITS}|{WORDNUM}\b)(?P<g2>{_GLUED})?(?!\w|{_MARK}\d|[-–]\d)
  | \b(?P<vague>{_alt(VAGUE_PLURALS)})\s+of\b
  | \b(?P<vague2>(?:tens|hundreds)\s+of\s+(?:thousands|millions))\b
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
CANDIDATE = re.compile(r"\d|\b" + trie(sorted(CANDIDATE_WORDS)) + rf"|\ban?\s+{A_UNIT}", re.IGNORECASE)
CHANGE_BEFORE = re.compile(rf"\b({_alt(CHANGE_VERBS)})\s+(?:by\s+)?\Z", re.IGNORECASE)
AGE_AFTER = re.compile(r"-years?-old\b|\s+years?\s+old\b", re.IGNORECASE)
# "the age of 45", "under the age of ten", "under age 18": an age; a qualifier before it bounds it.
AGE_PHRASE_BEFORE = re.compile(r"\b(?:[Tt]he\s+)?(?:age|Age|ages|Ages)\s+(?:of\s+)?\Z")
# "He was 77.", "who turned 40,", "dies at 75": an age when nothing counted follows the number.
AGE_VERB_BEFORE = re.compile(
    r"\b(?:[Hh]e|[Ss]he|who)\s+(?:was|is|turned|turns)\s+\Z|\b(?:dies|died|dying)\s+at\s+\Z"
)
PREPOSITION_OVER = frozenset(["second", "minute", "hour", "day", "week", "month", "year"])
# "over three days" spans a period ("ran over three days": exactly three) unless it means "more than":
# after one of data's `over_more_than_before` ("served over 10 years"), opening a sentence or clause
# without a comma after it ("Over 10 years have passed"; "Over three days, ..." is a period) or
# before "ago", "old", "later", "earlier" ("over 10 years ago").
OVER_MORE_THAN_BEFORE = re.compile(
    rf"\b(?:{_alt(_list(_DATA, 'over_more_than_before'))})\s+\Z", re.IGNORECASE
)
OVER_MORE_THAN_AFTER = re.compile(r"\s+(?:ago|old|later|earlier|of\s+age)\b", re.IGNORECASE)
# What may stand right before a word that opens a sentence or a clause (a line break, a stop, a quote).
CLAUSE_OPENS_BEFORE = re.compile(r"[\n\r.!?,;:\u2014\u2013\"“‘']\s*\Z")
NOT_A_COUNT_BEFORE = re.compile(rf"\b(?:{_alt(_list(_DATA, 'not_a_count_before'))})\s+\Z", re.IGNORECASE)
REFERRING = frozenset(["the", "these", "those"])
DETERMINER_AFTER_OF = re.compile(
    r"\s+of(?:\s+(?:the|its|their|his|her|our|this|that|these|those))?(?=\s)", re.I
)


# ---------------------------------------------------------------------------------------------
# The counted noun phrase after a number, and the mention it makes


def noun_phrase(text: str, pos: int, hi: int, *, ordinal: bool) -> tuple[int, list[str]]:
    """The end of the counted noun phrase right after ``pos`` and its words (without "such")."""
    found: list[tuple[str, int]] = []  # (word as written, its end offset)
    end, stopped = pos, False
    while len(found) < 4 and not stopped:
        m = NOUN_WORD.match(text, end, hi)
        if m is None:
            break
        word = m.group(1).lstrip("#").lower()
        if ordinal and end == pos and word == "such":
            end = m.end()  # "the sixth such patrol": in the span, not in the noun
            continue
        if word in STOPWORDS or word in _NUMBER_WORDS:
            break
        found.append((m.group(1), m.end()))
        end = m.end()
        if _terminal(word):
            stopped = True
            nxt = NOUN_WORD.match(text, end, hi)  # "weapons units", "aircraft carriers"
            if nxt and _plural(nxt.group(1).lower()) and nxt.group(1).lower() not in STOPWORDS:
                found.append((nxt.group(1), nxt.end()))
    while (
        found and not stopped and found[-1][0].lower().endswith(_NOT_NOUN_ENDINGS) and found[-1][0][0] != "#"
    ):
        found.pop()  # a verb or an adverb ("the first time landed"); hashtags are kept as nouns
    if not found:
        return pos, []
    return found[-1][1], [w for w, _ in found]


_NUMBER_WORDS = frozenset([*SMALL, *TENS, *SCALES, *ORDINALS, "dozen"])
_NOT_NOUN_ENDINGS = ("ed", "ly")


def _plural(word: str) -> bool:
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _terminal(word: str) -> bool:
    return _plural(word) or word.rsplit("-", 1)[-1] in COUNT_NOUNS


def make_mention(
    doc_id: str, text: str, start: int, end: int, value: Quantity, words: list[str]
) -> QuantityMention:
    noun = " ".join(w.replace("#", "") for w in words).lower() or None
    head = noun.rsplit(" ", 1)[-1] if noun else None
    return QuantityMention(
        span=Span(doc_id, start, end), text=text[start:end], value=value, noun=noun, head=head
    )


NUMBER_WORDS = frozenset(SMALL) | frozenset(TENS) | frozenset(SCALES) | frozenset(ORDINALS)
