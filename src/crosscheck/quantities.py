"""Find quantities in a sentence: qualifier + number + scale + unit or counted noun phrase.

"more than 2,000 troops", "\\$10.2 billion", "eight-hour mission", "approximately twenty combat
drills", "the sixth such joint patrol" each become one `QuantityMention` whose span is born from
regex match offsets. Years, designations ("Tu-95", "H-6K"), dates, times, "No. 2", numbers inside
URLs and referential numbers ("the two countries", "these three"; a possessive is no such
determiner: "his three companions" count them) are not quantities, nor calibres, model names, house
numbers and sizes (".357 Magnum", "AK 47", "54 State St.", "1,280 x 800": `quantity_filters`).

Representation of the other forms (see `quantity_forms` for the finders):

- units glued to or hyphenated with the number read as units ("60GB", "50mph", "500mg", "17in",
  "2.4-liter", "a 200-pound man", "$137-million", "a 110bn-euro package"); a glued "m" without a
  currency sign is million when a counted plural or a currency word follows ("6.1m people", "2m
  euros"), metres otherwise ("fell 600m", "1.5m high"), and a capital "M" with nothing counted after
  it is a model name ("GeForce 9400M", no quantity); a number hyphenated with a counted noun of
  ``hyphen_counts`` counts it ("a three-story structure": 3, noun "story");
- a range ("between 40 and 50 troops", "40-50 km", "$10-12 billion") has bound ``"range"``,
  ``amount`` its low end and the closed interval ``[low, high]``; a scale word after the second end
  scales the first only when it is smaller ("$250,000 to $1 million" is [250000, 1000000]); glued
  ends read as above ("5–7%", "between 1.2m and 1.5m people"); a hyphenated pair of small numbers with
  neither unit nor noun is a score ("opened 9-14"), no quantity, or, where the sentence says whose, a
  win-loss record: one count per number of its owner's wins, losses and draws ("Klitschko (52-3, 46
  KOs)": `records`); "dozens of" / "tens of
  thousands (of)" are ranges too ([24, 99], [20000, 99999]);
- a fraction or share ("a third of the troops", "more than half") has unit ``"fraction"`` and
  ``amount`` the fraction rounded to 4 places (a third is 0.3333), also bare ("two-thirds voted") or as
  a range ("between half and two-thirds of homes"); a fraction of a scale, a dozen or a unit is that
  amount ("half a million": 500000, "a half-dozen": 6, "half a kilometre": 0.5 km, "a half-hour");
  percentages have unit ``"percent"``;
- a change ("up 12%", "fell by 3 percent") has unit ``"percent_change"`` and a signed amount (-3);
  a multiplication ("more than doubled", "tripled", "halved", "fivefold", "five times the legal
  limit") has unit ``"times"`` (2, 3, 0.5, 5). What changed is left to the claim's context words (``noun`` is None);
- a whole number and a fraction ("2-1/2 years") is their sum (2.5); "a pair of" is two; "once" counts
  one time where a count of times may stand ("floored him once before the bell");
- an age ("a 45-year-old man", "aged 45", "the age of 45") has unit ``"year_of_age"``, and "in his
  early 30s" is the range [30, 33]; "under the
  age of ten" is an age below ten (bound ``"less_than"``); "1,000-strong contingent" counts the noun
  after "-strong".

The finder is this module (digits, number words, ordinals); the forms of more than one number or
none (ranges, fractions, multipliers, "less than a minute") are `quantity_forms`, what surrounds a
number (qualifier and bound, unit, age, counted noun) is `quantity_bounds.finish`, and digits that
are no quantity are the named rules of `quantity_filters` (`DIGIT_FILTERS`, re-exported here).

Qualifiers are read literally: "over" before a duration is "more than" ("served over 10 years",
"Over 10 years have passed": ``(10, inf)``) unless it spans a period ("the drills ran over three
days", "$160 million over eight years", "Over three days, ...", "20 appearances over two
seasons": exactly that long; see
`numbers.OVER_MORE_THAN_BEFORE`); "all but five" is no quantity (it counts the others, whose number
is not given).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .model import Interval, Quantity, QuantityMention, Span
from .noun_phrases import make_mention, noun_phrase
from .numbers import (
    CANDIDATE,
    CLAUSE_OPENS_BEFORE,
    CURRENCY_AFTER,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DETERMINERS,
    GLUED_UNITS,
    MONEY_SUFFIXES,
    NO_BEFORE,
    NOUN_WORD,
    NUMBER,
    ORDINAL_HEADS,
    ORDINAL_IDIOMS,
    ORDINAL_LEADS,
    ORDINAL_RANKS,
    ORDINALS,
    QUALIFIER_BEFORE,
    REFERRING,
    SCALE_AFTER,
    SCALES,
    TENS,
    TOKEN,
    TOKEN_CHARS,
    URLISH,
    WORD_BEFORE,
    ascii_digits,
    parse_words,
)
from .quantity_bounds import HYPHEN_MEASURE, ONE_PERIOD, finish
from .quantity_filters import DIGIT_FILTERS, digit_filter, game_clocks, is_date_or_time, magnitude_before
from .quantity_forms import find_forms, glued_m
from .records import find_records

__all__ = ["DIGIT_FILTERS", "digit_filter", "find_quantities"]

# What every URL-like token holds (":", "@", "www." or "." before a letter): without it, no token is one.
_URL_NEED = re.compile(r"[:@]|\.\w|www\.", re.IGNORECASE)
# What every game clock holds: without it, none is looked for.
_RECORD_NEED = re.compile(r"\d[-\u2013]\d")  # no record without two hyphenated digits
_CLOCK_NEED = re.compile(r"\b(?:remaining|left|to\s+(?:go|play))\b", re.IGNORECASE)

# ---------------------------------------------------------------------------------------------
# Word lists (data)

# After an ordinal's noun: the period it recurs in ("the second Tuesday of each month").
_OF_EACH_PERIOD = re.compile(
    r"(?:\s+[A-Za-z]+day)?\s+of\s+(?:each|every)\s+(?:month|week|year|quarter)\b", re.IGNORECASE
)
# An ordinal hyphenated with the part of a match it numbers: "seventh-round", "4th-quarter", "ninth-inning".
_HYPHEN_HEAD = re.compile(
    r"-(round|quarter|inning|period|half|set|frame|lap|stage|leg|game)\b(?!-)", re.IGNORECASE
)

# ... or when a casualty verb governs it: "killing at least one and injuring dozens".
_ONE_AFTER_VERB = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|es)|wound(?:ed|ing|s)|hurt(?:ing|s)?|claim(?:ed|ing)|"
    r"rescu(?:ed|ing)|arrest(?:ed|ing))\s+(?:at\s+least\s+|only\s+|just\s+|another\s+)?$",
    re.IGNORECASE,
)
# "after one season", "for just one night", "within one week": one period a fact lasted, a count
# (not "one day he will", "one night in May": no preposition before it).
_ONE_SPAN_BEFORE = re.compile(r"\b(?:for|after|in|within|over)\s+(?:just\s+|only\s+|barely\s+)?$", re.I)
_ONE_SPAN_AFTER = re.compile(r"\s+(?:season|night|term|day|week|month|year|decade)\b", re.IGNORECASE)
# "one" counts when a person or a casualty word follows: "killed one person", "one dead, 3 hurt".
_ONE_COUNTS = re.compile(
    r"\s+(?:other\s+)?(?:person|man|woman|child|boy|girl|baby|victim|officer|soldier|student|"
    r"worker|passenger|civilian|dead|killed|died|injured|wounded|hurt|missing)\b",
    re.IGNORECASE,
)


def find_quantities(
    doc_id: str, text: str, start: int = 0, end: int | None = None, *, tolerance: Decimal = Decimal("0.1")
) -> tuple[QuantityMention, ...]:
    """The quantities inside ``text[start:end]``, sorted by span start and non-overlapping.

    Spans are offsets into the whole ``text``. ``tolerance`` widens "about"-type qualifiers to
    ``[x(1-t), x(1+t)]`` and "nearly"-type ones to ``[x(1-t), x]``.
    """
    stop = len(text) if end is None else end
    if CANDIDATE.search(text, start, stop) is None:
        return ()  # no digit and no number word: neither pattern can match
    urls = (
        [(t.start(), t.end()) for t in TOKEN.finditer(text, start, stop) if URLISH.search(t.group())]
        if _URL_NEED.search(text, start, stop)
        else []
    )
    # win-loss records first ("Cheeks is 122-147 in three-plus seasons" is no range), then the forms
    records = find_records(doc_id, text, start, stop) if _RECORD_NEED.search(text, start, stop) else []
    forms: list[QuantityMention] = []
    for form in find_forms(doc_id, text, start, stop, tolerance, urls):
        if any(r.span.start < form.span.end and form.span.start < r.span.end for r in records):
            continue
        if not forms or forms[-1].span.end <= form.span.start:
            forms.append(form)
    forms = sorted([*forms, *records], key=lambda q: q.span.start)
    out: list[QuantityMention] = []
    for m in NUMBER.finditer(text, start, stop):
        if any(a < m.end() and m.start() < b for a, b in urls) or any(
            f.span.start < m.end() and m.start() < f.span.end for f in forms
        ):
            continue
        lo = max([start, *(f.span.end for f in forms if f.span.end <= m.start())])
        hi = min([stop, *(f.span.start for f in forms if f.span.start >= m.end())])
        if m.group("ordword"):
            mention = _ordinal_word(doc_id, text, m, lo, hi)
        elif m.group("words"):
            mention = _cardinal_words(doc_id, text, m, lo, hi, tolerance)
        else:
            mention = _digits(doc_id, text, m, lo, hi, tolerance)
        if mention is not None and (not out or out[-1].span.end <= mention.span.start):
            out.append(mention)
    found = sorted([_signed(text, q, start) for q in (*forms, *out)], key=lambda q: q.span.start)
    clocks = game_clocks(text, start, stop) if _CLOCK_NEED.search(text, start, stop) else []
    if clocks:  # "with 12 minutes, 31 seconds remaining": the time left in a game
        found = [q for q in found if not any(a <= q.span.start and q.span.end <= b for a, b in clocks)]
    return tuple(found)


# "minus 17 degrees", "−5 degrees": a sign before a plain figure, the word or the minus sign. (A figure
# after an ASCII hyphen, "-17 degrees", is no claim at all: the finder reads "10-12" as a range and
# "COVID-19" as a name.)
_SIGN_BEFORE = re.compile(r"(?:(?<![\w-])minus\s+|(?<![\w.,-])\u2212)\Z", re.IGNORECASE)
_SIGNED_BOUNDS = frozenset({"exact", "approx"})


def _signed(text: str, q: QuantityMention, lo: int) -> QuantityMention:
    """The mention with the sign written before it in its span and its value negated ("minus 20" is
    -20, not 20: "temperatures of minus 17 degrees" and "17 degrees" cannot both hold)."""
    value = q.value
    if value.bound not in _SIGNED_BOUNDS or value.ordinal or value.amount <= 0 or not q.text[:1].isdigit():
        return q
    sign = _SIGN_BEFORE.search(text, max(lo, q.span.start - 7), q.span.start)
    if sign is None:
        return q
    i = value.interval
    assert i.low is not None and i.high is not None
    flipped = Interval(low=-i.high, high=-i.low, low_closed=i.high_closed, high_closed=i.low_closed)
    start = sign.start()
    negated = Quantity(amount=-value.amount, bound=value.bound, interval=flipped, unit=value.unit)
    return QuantityMention(
        span=Span(q.span.doc_id, start, q.span.end),
        text=text[start : q.span.end],
        value=negated,
        noun=q.noun,
        head=q.head,
    )


# ---------------------------------------------------------------------------------------------
# The three kinds of number


def _ordinal_word(doc_id: str, text: str, m: re.Match[str], lo: int, hi: int) -> QuantityMention | None:
    word = m.group("ordword").lower()
    tens, _, last = word.rpartition("-")
    amount = ORDINALS[last] + (TENS[tens] if tens else 0)
    if m.end() < hi and text[m.end()] == "-" and _HYPHEN_HEAD.match(text, m.end(), hi) is None:
        return None  # "first-hand", "first-degree"
    return _ordinal(doc_id, text, m.start(), m.end(), Decimal(amount), lo, hi)


def _ordinal(
    doc_id: str, text: str, begin: int, core_end: int, amount: Decimal, lo: int, hi: int
) -> QuantityMention | None:
    head = _HYPHEN_HEAD.match(text, core_end, hi)
    if head is not None:  # "a seventh-round knockout", "an 11th-round stoppage", "4th-quarter TD"
        value = Quantity(
            amount=amount, bound="exact", interval=Interval(low=amount, high=amount), ordinal=True
        )
        return make_mention(doc_id, text, begin, head.end(), value, [head.group(1)])
    before = WORD_BEFORE.search(text, max(lo, begin - 40), begin)
    word = text[begin:core_end].lower()
    following = NOUN_WORD.match(text, core_end, hi)
    if following and (word, following.group(1).lower()) in ORDINAL_IDIOMS:
        return None
    noun_end, words = noun_phrase(text, core_end, hi, ordinal=True)
    if _OF_EACH_PERIOD.match(text, noun_end if words else core_end, hi):
        return None  # "the second Tuesday of each month": a schedule, no rank of anything
    led = before is not None and bool(before.group(2) or before.group(1).lower() in ORDINAL_LEADS)
    ranked = before is not None and before.group(1).lower() in ORDINAL_RANKS  # "New Orleans finished 30th"
    # a headline or sentence opening on it: "Second man dies in park" (not "First, ...")
    opening = (
        bool(words)
        and text[begin].isupper()
        and (
            not text[lo:begin].strip()
            or CLAUSE_OPENS_BEFORE.search(text, max(lo, begin - 4), begin) is not None
        )
    )
    # without a determiner only "sixth joint patrol", "second consecutive year": an adverb otherwise
    if ranked and not words:
        value = Quantity(
            amount=amount, bound="exact", interval=Interval(low=amount, high=amount), ordinal=True
        )
        return make_mention(doc_id, text, begin, core_end, value, [])
    if (
        not led
        and not opening
        and (not words or (words[-1].lower() not in ORDINAL_HEADS and words[0].lower() != "consecutive"))
    ):
        return None  # "NATO first listed China", "at first"
    value = Quantity(amount=amount, bound="exact", interval=Interval(low=amount, high=amount), ordinal=True)
    return make_mention(doc_id, text, begin, noun_end, value, words)


# a capitalised word right before a capitalised number word, in a sentence that is not written in title
# case: "the Big Ten title", "reached the Final Four"
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?:;\"“])\b[A-Z][a-z]+ \Z")
_WORDS = re.compile(r"[A-Za-z][a-z']*")


def _in_a_name(text: str, begin: int, lo: int, hi: int) -> bool:
    """A number word that is part of a name: capitalised after a capitalised word, in a sentence that is
    not in title case ("Quake Kills Five In Iran" is a headline's count)."""
    if not text[begin].isupper() or not _CAPITALISED_BEFORE.search(text, max(lo, begin - 30), begin):
        return False
    words: list[str] = _WORDS.findall(text, lo, hi)
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised * 2 < len(words)


def _cardinal_words(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    tokens = list(TOKEN_CHARS.finditer(text, m.start("words"), m.end("words")))
    has_a = m.group("a") is not None
    amount, used = parse_words([t.group().lower() for t in tokens], has_a)
    if used == 0:
        if has_a:  # "a two-day visit": the number starts at "two"
            amount, used = parse_words([t.group().lower() for t in tokens], False)
            has_a = False
        if used == 0:
            return None
    begin = m.start() if has_a else tokens[0].start()
    core_end = tokens[used - 1].end()
    if not has_a and _in_a_name(text, begin, lo, hi):
        return None  # "the Big Ten", "the Final Four", "the Jackson Five": a name, no count
    if (
        not has_a
        and used == 1
        and (tokens[0].group().lower() == "one" or tokens[0].group().lower() in SCALES)
        and not (
            tokens[0].group().lower() == "one"
            and (
                _ONE_COUNTS.match(text, core_end, hi)
                or HYPHEN_MEASURE.match(text, core_end, hi)
                or ONE_PERIOD.match(text, core_end, hi)
                or QUALIFIER_BEFORE.search(text, max(lo, begin - 20), begin)  # "at least one major belt"
                or _ONE_AFTER_VERB.search(text, max(lo, begin - 40), begin)
                or (
                    _ONE_SPAN_AFTER.match(text, core_end, hi)
                    and _ONE_SPAN_BEFORE.search(text, max(lo, begin - 20), begin)
                )
            )
        )
    ):
        return None  # "one of the biggest customers", a bare "million"
    return finish(
        doc_id, text, begin, core_end, Decimal(amount), None, lo, hi, tolerance, referential=DETERMINERS
    )


def _digits(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    if digit_filter(text, m, lo, hi) is not None:
        return None
    magnitude = magnitude_before(text, m, lo)
    num, cur, suf = ascii_digits(m.group("num")), m.group("cur"), (m.group("suf") or "").lower()
    amount = Decimal(num.replace(",", ""))
    unit = CURRENCY_SYMBOLS[cur.strip().lower()] if cur else None
    core_end = m.end()
    if suf in ("st", "nd", "rd", "th"):
        if cur or "," in num or "." in num or is_date_or_time(text, m.start(), core_end, lo, hi):
            return None
        mention = _ordinal(doc_id, text, m.start(), core_end, amount, lo, hi)
        before = WORD_BEFORE.search(text, max(lo, m.start() - 40), m.start())
        ranked = before is not None and before.group(1).lower() in ORDINAL_RANKS
        return mention if mention is not None and (mention.noun or ranked) else None
    if suf in MONEY_SUFFIXES:
        currency = None if cur else CURRENCY_AFTER.match(text, core_end, hi)
        if cur or suf == "k" or currency:
            amount *= MONEY_SUFFIXES[suf]  # "$5bn", "2m euros", "a 110bn-euro package"
            if currency:
                unit, core_end = CURRENCY_WORDS[currency.group(1).lower()], currency.end()
        else:
            reading = glued_m(text, m.end("suf") - len(suf), core_end, hi)
            if reading is None:
                return None  # "9400M", "30bn" with nothing counted after it
            if reading == "million":
                amount *= MONEY_SUFFIXES[suf]  # "6.1m people", "over 2m Windows users"
            else:
                unit = "m"  # "fell about 600m", "50m by 50m"
    elif suf in GLUED_UNITS:
        unit = GLUED_UNITS[suf]
    if not suf:
        scale = SCALE_AFTER.match(text, core_end, hi)
        if scale:
            amount *= SCALES[scale.group(1).lower()]
            core_end = scale.end()
    if is_date_or_time(text, m.start(), core_end, lo, hi):
        return None
    if NO_BEFORE.search(text, max(lo, m.start() - 10), m.start()):
        return None  # "No. 2"
    if magnitude and unit is None:
        unit = "magnitude"
    return finish(doc_id, text, m.start(), core_end, amount, unit, lo, hi, tolerance, referential=REFERRING)
