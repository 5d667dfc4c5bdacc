"""The date finder's vocabulary: month and weekday names, and the compiled patterns `dates` resolves.

Each pattern kind ("mdy", "weekday", "event", ...) is resolved by ``date_resolvers._r_<kind>``; order matters
only for ties, since `dates.find_dates` keeps the earliest, then longest, candidate.
"""

from __future__ import annotations

import re
from typing import cast

from ._regex import trie
from .lexicon import default_lexicon
from .model import DateRelation

__all__ = [
    "AMBIGUOUS_MONTHS",
    "BY_KIND",
    "CONTEXT_WORDS",
    "DATELINE_PREFIX",
    "EACH_PERIOD_AFTER",
    "EVERY_BEFORE",
    "FORWARD_CUES",
    "MONTHS",
    "MONTH_PREFIXES",
    "NEEDS",
    "NEED_HINTS",
    "NEXT_CAP",
    "NUMBER_WORDS",
    "PARTICIPLE_AFTER",
    "PAST_CUES",
    "PATTERNS",
    "RELATIONS",
    "SENTENCE_OPENERS",
    "UNIT_DAYS",
    "VEHICLE_MAKES",
    "WEEKDAYS",
    "YEAR",
]

# The word classes of data/dates.toml (read there what each is).
_LEX = default_lexicon()
MONTHS: dict[str, int] = _LEX.table("dates.months")
WEEKDAYS: dict[str, int] = _LEX.table("dates.weekdays")
NUMBER_WORDS: dict[str, int] = _LEX.table("dates.number_words")
UNIT_DAYS: dict[str, int] = _LEX.table("dates.unit_days")
AMBIGUOUS_MONTHS: frozenset[str] = _LEX.words("dates.ambiguous_months")
CONTEXT_WORDS: frozenset[str] = _LEX.words("dates.context_words")
VEHICLE_MAKES: frozenset[str] = _LEX.words("dates.vehicle_makes")  # "a 2013 Toyota": a model year
# A weekday of a schedule: "the second Tuesday of each month", "every Monday".
EACH_PERIOD_AFTER = re.compile(r"\s+of\s+(?:each|every|the)\s+month\b", re.IGNORECASE)
EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+\Z", re.IGNORECASE)
RELATIONS: dict[str, DateRelation] = cast(dict[str, DateRelation], _LEX.table("dates.relations"))
# The first three letters of every month and weekday name ("sep", "thu"): a word starting so is no name.
MONTH_PREFIXES = frozenset(m[:3] for m in MONTHS) | frozenset(w[:3] for w in WEEKDAYS)
# The full name of each month: the longest of its names ("may" is one).
_FULL_MONTHS = tuple(
    max((m for m in MONTHS if MONTHS[m] == n), key=len) for n in sorted(set(MONTHS.values()))
)


_ADVERB = r"\s+(?:(?:[a-z]+ly|also|still|now|already|not)\s+)?"  # as in polarity: "is now expected to"


def _cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """Whole-word cues, longest first; one adverb may stand after a multi-word cue's first word ("is now to").

    A cue can only start at a word start where one of the first words stands: checking that once per
    position (a trie of first words) before trying the cues there finds the same matches much faster.
    """
    parts: list[str] = []
    glued: list[str] = []  # "'ll" is written inside its word ("he'll")
    for cue in sorted({" ".join(c.lower().split()) for c in cues}, key=lambda c: (-len(c), c)):
        first, *rest = [re.escape(w) for w in cue.split()]
        body = first + "".join((_ADVERB if i == 0 else r"\s+") + w for i, w in enumerate(rest))
        (glued if cue[0] in "'’" else parts).append(body + r"(?![\w'’])")
    firsts = trie({c.split()[0] for c in cues if c[0] not in "'’"}, fold=True)
    alternatives = [rf"(?<![\w'’])(?={firsts}(?![\w'’]))(?:{'|'.join(parts)})"] if parts else []
    return re.compile("|".join(alternatives + glued) or r"(?!x)x", re.IGNORECASE)


# The tense of a date's clause: cues from data/cues.toml, [hedge] future and [tense] (read there why).
_CUES = _LEX.section("cues")
_PAST: list[str] = _CUES["tense"]["past"]
FORWARD_CUES = _cue_pattern(
    [c for c in _CUES["hedge"]["future"] + _CUES["tense"]["forward"] if c not in _PAST]
)
PAST_CUES = _cue_pattern(_PAST)
PARTICIPLE_AFTER: frozenset[str] = frozenset(w.lower() for w in _CUES["tense"]["participle_after"])
SENTENCE_OPENERS = frozenset(".!?\"“”‘'(:—–-*#|")

# Alternations longest first: a name is tried before any name it starts with ("march" before "mar").
_WD = f"(?:{_LEX.alternation('dates.weekdays')})"
_MON = f"(?:{_LEX.alternation('dates.months')})"
_FULLMON = "(?:" + "|".join(sorted(_FULL_MONTHS, key=lambda m: (-len(m), m))) + ")"
YEAR = r"(?:1[89]|20)\d\d"
_NUM = rf"(?:\d{{1,3}}|{_LEX.alternation('dates.number_words')})"
_START = r"(?<![\w'’-])"
_PREP = _START + r"(?:(?P<prep>in|on|since|until|till|by|during|as\s+of|before|after)\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![,.]\d)"
_YEAR_TAIL = rf"(?:,?\s+(?P<year>{YEAR})\b(?![-\d]|[.,]\d))?"
_MD = rf"{_MON}\.?\s*[0-3]?\d(?:st|nd|rd|th)?\b(?:,?\s+{YEAR}\b)?"
# Capitalized words that may not name an event before a year ("In 2019", "Copyright 2023").
_NOT_EVENT = (
    r"(?:In|On|Since|Until|Till|By|During|As|Of|From|To|The|And|Or|Copyright|Posted|Published|Updated|Before"
    r"|After|Through|Between|Early|Late|Mid|Last|Next|This|That|Exercise|Exercises|Operation|Drills|Fiscal|FY"
    rf"|Summer|Winter|Spring|Autumn|Fall|Year|Since|{_WD[3:-1]}|{_MON[3:-1]})\b"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.IGNORECASE))
    for kind, rx in (
        (
            "event",
            rf"(?<![\w'’-])(?-i:(?P<name>(?:(?!{_NOT_EVENT})[A-Z][A-Za-z]+[ \t]+){{1,2}}))"
            rf"(?P<year>{YEAR})\b(?![-\d]|[.,]\d|\s*%)",
        ),
        (
            "mdrange",
            rf"{_START}(?P<from>from|between)\s+(?P<a>{_MD})\s+(?P<conn>to|through|until|till|and|-|–)\s+(?P<b>{_MD})",
        ),
        (
            "wdrange",
            rf"{_START}(?:(?P<from>from|between)\s+)?(?P<wd1>{_WD})\s+(?P<conn>to|through|until|till|and|-|–)"
            rf"\s+(?:(?P<next>next)\s+)?(?P<wd2>{_WD})\b",
        ),
        (
            "mdy",
            rf"{_PREP}(?:(?P<wd>{_WD}),?\s+)?(?P<month>{_MON})\b\.?\s*{_DAY}"
            rf"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)\b(?![,.]\d))?{_YEAR_TAIL}",
        ),
        (
            "dmy",
            rf"{_PREP}(?:(?P<wd>{_WD}),?\s+)?(?<![\w,.$])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<month>{_MON})\b\.?{_YEAR_TAIL}",
        ),
        ("iso", rf"{_PREP}(?<![\w-])(?P<year>{YEAR})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?![\w-])"),
        (
            "yrange",
            rf"{_START}(?:(?P<from>from|between)\s+)?(?<![\w$£€.,/-])(?P<y1>{YEAR})\s*[-–]\s*"
            r"(?P<y2>(?:1[89]|20)?\d\d)(?![\w-]|[.,]\d|\s*%)",
        ),
        (
            "monthrel",
            rf"{_PREP}(?P<month>{_FULLMON})\s+(?P<rel>last|this|next)\s+year\b",
        ),
        (
            "monthyear",
            rf"{_PREP}(?:(?P<mod>early|late|mid)[\s-]+)?(?P<month>{_MON})\b\.?,?\s+(?P<year>{YEAR})\b"
            r"(?![-\d]|[.,]\d)",
        ),
        (
            "month",
            rf"{_PREP}(?:(?P<mod>early|late|mid|last|next|this)[\s-]+)?(?P<month>{_FULLMON})\b(?!['’]\w)",
        ),
        (
            "weekday",
            rf"{_PREP}(?:(?P<mod>this\s+past|last|next|this|coming|past)\s+)?(?P<wd>{_WD})(?P<poss>['’]s)?\b",
        ),
        ("unit", rf"{_PREP}(?P<mod>last|this|next|past|previous|coming)\s+(?P<unit>week|month|year)\b"),
        (
            "window",
            rf"{_START}(?:(?P<prep>in|over|during|for|within)\s+)?the\s+(?P<dir>past|last|previous|next|coming)"
            rf"\s+(?:(?P<n>{_NUM}|few|several|couple\s+of)\s+)?(?P<unit>day|week|month|year)(?P<pl>s)?\b",
        ),
        ("ago", rf"{_START}(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        (
            "vague",
            rf"{_START}(?:(?P<prep>in|over|during|for)\s+)?(?:recent\s+(?:days|weeks|months|years)"
            r"|the\s+near\s+future|(?P<decades>(?:several\s+|many\s+|recent\s+)?decades))\b",
        ),
        (
            "deictic",
            rf"{_START}(?P<word>(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight"
            r"|this\s+(?:morning|afternoon|evening)|last\s+(?:night|evening))\b",
        ),
        (
            "year",
            rf"{_PREP}(?:(?P<mod>early|late|mid)[\s-]+|(?<![\w$£€.,/©-]))(?P<year>{YEAR})(?P<s>['’]?s)?"
            r"(?![\w-]|[.,]\d|\s*%)",
        ),
    )
)
BY_KIND = dict(PATTERNS)
# What every match of a kind contains, searched once per sentence with the same case folding: a
# sentence without it skips that pattern. A month or weekday name always starts a word in them, and
# no letter follows it (a month name is followed by a non-word character or the end, or, in
# "mdrange", by a digit: "Jan5"), so "Marine", "decided", "Mayor" or "Monetary" need no month pattern.
_YEAR_NEED = re.compile(YEAR, re.IGNORECASE)
_MONTH_NEED = re.compile(rf"\b{_MON}(?![^\W\d])", re.IGNORECASE)
_DAY_NEED = re.compile(rf"\b{_WD}", re.IGNORECASE)
NEEDS: dict[str, re.Pattern[str]] = {
    "event": _YEAR_NEED,
    "mdrange": _MONTH_NEED,
    "wdrange": _DAY_NEED,
    "mdy": _MONTH_NEED,
    "dmy": _MONTH_NEED,
    "iso": _YEAR_NEED,
    "yrange": _YEAR_NEED,
    "monthrel": _MONTH_NEED,
    "monthyear": _MONTH_NEED,
    "month": _MONTH_NEED,
    "weekday": _DAY_NEED,
    "unit": re.compile(r"week|month|year", re.IGNORECASE),
    "window": re.compile(r"day|week|month|year", re.IGNORECASE),
    "ago": re.compile(r"ago", re.IGNORECASE),
    "vague": re.compile(r"recent|near|decade", re.IGNORECASE),
    "deictic": re.compile(r"yesterday|today|tomorrow|tonight|morning|afternoon|evening|night", re.IGNORECASE),
    "year": _YEAR_NEED,
}
# Lower-case strings one of which every match of a need holds (the first three letters of a month's
# names, the weekday names): `dates.find_dates` looks for them in the lower-cased sentence first, a
# plain substring test, and searches with the need only when one stands there.
NEED_HINTS: dict[re.Pattern[str], tuple[str, ...]] = {
    _MONTH_NEED: tuple(sorted({m[:3] for m in MONTHS})),
    _DAY_NEED: tuple(sorted(WEEKDAYS)),
}
NEXT_CAP = re.compile(r"[ \t]([A-Z][a-z]+)")
DATELINE_PREFIX = re.compile(
    r"^[\W_]{0,3}(?:(?:posted|published|updated|last\s+updated|first\s+published|date)\b(?:\s+on)?\s*:?\s*)?",
    re.IGNORECASE,
)
