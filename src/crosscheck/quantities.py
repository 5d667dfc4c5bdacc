"""Find quantities in a sentence: qualifier + number + scale + unit or counted noun phrase.

"more than 2,000 troops", "\\$10.2 billion", "eight-hour mission", "approximately twenty combat
drills", "the sixth such joint patrol" each become one `QuantityMention` whose span is born from
regex match offsets. Years, designations ("Tu-95", "H-6K"), dates, times, "No. 2", numbers inside
URLs and referential numbers ("the two countries", "the 2,000 troops") are not quantities.

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
  neither unit nor noun is a record or a score ("opened 9-14"), no quantity; "dozens of" / "tens of
  thousands (of)" are ranges too ([24, 99], [20000, 99999]);
- a fraction or share ("a third of the troops", "more than half") has unit ``"fraction"`` and
  ``amount`` the fraction rounded to 4 places (a third is 0.3333), also bare ("two-thirds voted") or as
  a range ("between half and two-thirds of homes"); a fraction of a scale, a dozen or a unit is that
  amount ("half a million": 500000, "a half-dozen": 6, "half a kilometre": 0.5 km, "a half-hour");
  percentages have unit ``"percent"``;
- a change ("up 12%", "fell by 3 percent") has unit ``"percent_change"`` and a signed amount (-3);
  a multiplication ("more than doubled", "tripled", "halved", "fivefold", "five times the legal
  limit") has unit ``"times"`` (2, 3, 0.5, 5). What changed is left to the claim's context words (``noun`` is None);
- an age ("a 45-year-old man", "aged 45", "the age of 45") has unit ``"year_of_age"``; "under the
  age of ten" is an age below ten (bound ``"less_than"``); "1,000-strong contingent" counts the noun
  after "-strong".

Qualifiers are read literally: "over" before a duration is "more than" ("served over 10 years",
"Over 10 years have passed": ``(10, inf)``) unless it spans a period ("the drills ran over three
days", "$160 million over eight years", "Over three days, ...", "20 appearances over two
seasons": exactly that long; see
`numbers.OVER_MORE_THAN_BEFORE`); "all but five" is no quantity (it counts the others, whose number
is not given).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal

from ._regex import trie
from .model import Interval, Quantity, QuantityMention
from .numbers import (
    AGE_AFTER,
    AGE_PHRASE_BEFORE,
    AGE_VERB_BEFORE,
    BLOCKED_BEFORE,
    CANDIDATE,
    CHANGE_BEFORE,
    CLAUSE_OPENS_BEFORE,
    CURRENCY_AFTER,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DETERMINER_AFTER_OF,
    DETERMINERS,
    FALLING,
    FORMS,
    FRACTIONS,
    GLUED_UNITS,
    GROUP_MARKS,
    HYPHEN_COUNTS,
    MONEY_SUFFIXES,
    MONTH_AFTER,
    MONTH_BEFORE,
    MULTIPLIERS,
    NO_BEFORE,
    NOT_A_COUNT_BEFORE,
    NOUN_WORD,
    NUMBER,
    ORDINAL_HEADS,
    ORDINAL_IDIOMS,
    ORDINAL_LEADS,
    ORDINALS,
    OVER_MORE_THAN_AFTER,
    OVER_MORE_THAN_BEFORE,
    POINT_MARKS,
    PREPOSITION_OVER,
    QUALIFIER_BEFORE,
    QUALIFIERS,
    REFERRING,
    SCALE_AFTER,
    SCALES,
    SMALL,
    TENS,
    TIME_AFTER,
    TOKEN,
    TOKEN_CHARS,
    UNIT_AFTER,
    UNITS,
    URLISH,
    VAGUE_PLURALS,
    WORD_BEFORE,
    ascii_digits,
    bound_of,
    clean,
    interval_of,
    make_mention,
    noun_phrase,
    parse_words,
)

__all__ = ["DIGIT_FILTERS", "digit_filter", "find_quantities"]

# What every URL-like token holds (":", "@", "www." or "." before a letter): without it, no token is one.
_URL_NEED = re.compile(r"[:@]|\.\w|www\.", re.IGNORECASE)
# The one-word measure units, longest first ("kilometre" before "km"): what a fraction may measure.
_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in UNITS if " " not in u), key=len, reverse=True))

# ---------------------------------------------------------------------------------------------
# Word lists (data)

_ALONE_OK = re.compile(
    r"\b(?:injur|wound|hurt|kill|dead|died|missing|hospitali|arrest)\w*\s+(?:\w+\s+)?(?:dozens|scores|hundreds|thousands)\b"
    r"|\b(?:dozens|scores|hundreds|thousands)\s+(?:\w+\s+){0,2}?(?:injur|wound|hurt|kill|dead|died|missing|hospitali|arrest)",
    re.IGNORECASE,
)
# ... or when a casualty verb governs it: "killing at least one and injuring dozens".
_ONE_AFTER_VERB = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|injur(?:ed|ing|es)|wound(?:ed|ing|s)|hurt(?:ing|s)?|claim(?:ed|ing)|"
    r"rescu(?:ed|ing)|arrest(?:ed|ing))\s+(?:at\s+least\s+|only\s+|just\s+|another\s+)?$",
    re.IGNORECASE,
)
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
    forms: list[QuantityMention] = []
    for form in _forms(doc_id, text, start, stop, tolerance, urls):
        if not forms or forms[-1].span.end <= form.span.start:
            forms.append(form)
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
    return tuple(sorted([*forms, *out], key=lambda q: q.span.start))


# ---------------------------------------------------------------------------------------------
# Ranges, "dozens of", fractions and multiplications: one regex, found before single numbers


def _forms(
    doc_id: str, text: str, lo: int, hi: int, tolerance: Decimal, urls: list[tuple[int, int]]
) -> list[QuantityMention]:
    out: list[QuantityMention] = []
    for m in FORMS.finditer(text, lo, hi):
        if any(a < m.end() and m.start() < b for a, b in urls):
            continue
        mention: QuantityMention | None
        if m["n1"]:
            mention = _range(doc_id, text, m, lo, hi, tolerance)
        elif (
            m["vague"]
            or m["vague2"]
            or (m["alone"] and _ALONE_OK.search(text, max(lo, m.start() - 12), m.end() + 40))
        ):
            # "dozens of", or a bare "dozens" a casualty word governs ("injuring dozens", "dozens hurt")
            low, high = VAGUE_PLURALS[" ".join((m["vague"] or m["vague2"] or m["alone"]).lower().split())]
            fixed = ("range", Interval(low=Decimal(low), high=Decimal(high)))
            mention = _finish(
                doc_id, text, m.start(), m.end(), Decimal(low), None, lo, hi, tolerance, fixed=fixed
            )
        elif m["alone"]:
            continue  # a bare "hundreds" no casualty word governs ("we saw hundreds")
        elif m["aunit"]:
            if QUALIFIER_BEFORE.search(text, max(lo, m.start() - 20), m.start()) is None:
                continue  # "a day later" is no claim; "less than a day" bounds one day
            mention = _finish(doc_id, text, m.start(), m.end(), Decimal(1), None, lo, hi, tolerance)
        elif m["frange"]:
            mention = _fraction_range(doc_id, text, m, lo, hi)
        elif m["fden"] or m["fden2"] or m["inum"]:
            mention = _fraction(doc_id, text, m, lo, hi, tolerance)
        else:
            word = (m["mult"] or m["fold"]).lower()
            times = MULTIPLIERS.get(word) or Decimal(_number(m["fold"]))
            mention = _finish(doc_id, text, m.start(), m.end(), times, "times", lo, hi, tolerance)
        if mention is not None and mention.value.amount > 0:
            out.append(mention)
    return out


def _number(raw: str) -> int | Decimal:
    if raw[0].isdigit():
        return Decimal(ascii_digits(raw).replace(",", ""))
    words = [w.lower() for w in TOKEN_CHARS.findall(raw)]
    value, used = parse_words(words, False)
    return value if used == len(words) else 0


def _range(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    conn = m["conn"].strip().lower()
    if conn.startswith("-") and conn.endswith("to"):
        conn = "to"  # "24- to 30-foot"
    between = (m["rfrom"] or "").lower() == "between"
    words = not m["n1"][0].isdigit() or not m["n2"][0].isdigit()
    if ((conn == "and") != between and not (between and conn == "to")) or (words and conn in ("-", "–")):
        return None  # "between 40 and 50", "40 to 50", and the slip "between $60 million to $70 million"
    if _broken(text, m.start("n1"), m.end(), lo, hi):
        return None
    low, high = Decimal(_number(m["n1"])), Decimal(_number(m["n2"]))
    begin = m.start("cur1") if m["cur1"] else m.start("n1")
    core_end = m.end()
    cur = m["cur1"] or m["cur2"]
    glued = _range_suffix(text, m, bool(cur), core_end, hi)
    if glued is None:
        return None
    unit, factor = glued
    if factor != 1:
        low, high = low * factor, high * factor
    scale = SCALE_AFTER.match(text, core_end, hi) if factor == 1 else None
    if scale:
        # "$10-12 billion" scales both ends; "$250,000 to $1 million" only the second
        if not m["sc1"] and low < high:
            low *= SCALES[scale.group(1).lower()]
        high *= SCALES[scale.group(1).lower()]
        core_end = scale.end()
    if m["sc1"]:
        low *= SCALES[m["sc1"].lower()]
    plain = not (cur or m["sc1"] or scale or unit is not None or factor != 1)
    if low <= 0 or low >= high or (plain and 1800 <= low <= 2100 and ascii_digits(m["n1"]).isdigit()):
        return None  # a score ("3-1"), a designation, or years ("2019-2022")
    if _is_date_or_time(text, m.start("n1"), core_end, lo, hi) or NO_BEFORE.search(
        text, max(lo, begin - 10), begin
    ):
        return None
    if cur:
        unit = CURRENCY_SYMBOLS[cur.strip().lower()]
    fixed = ("range", Interval(low=clean(low), high=clean(high)))
    start = m.start() if m["rfrom"] else begin
    mention = _finish(doc_id, text, start, core_end, low, unit, lo, hi, tolerance, fixed=fixed)
    if (
        plain
        and conn in ("-", "–")
        and high < 100
        and mention is not None
        and mention.noun is None
        and mention.value.unit is None
    ):
        return None  # "have opened 9-14", "24-7": a record, a score or a name, not a count
    return mention


def _range_suffix(
    text: str, m: re.Match[str], currency: bool, end: int, hi: int
) -> tuple[str | None, Decimal] | None:
    """The unit and the factor of a range's glued suffixes ("5-7%": percent; "$1.2m-$1.5m": million;
    "between 1.2m and 1.5m people": million; "1.2m to 1.5m high": metres); None: no range ("30bn-40bn"
    with nothing counted, or two different suffixes)."""
    first, second = (m["g1"] or "").lower(), (m["g2"] or "").lower()
    if not second:
        return (None, Decimal(1)) if not first else None
    if first and first != second:
        return None
    if second in GLUED_UNITS:
        return GLUED_UNITS[second], Decimal(1)
    if currency or second == "k":
        return None, Decimal(MONEY_SUFFIXES[second])
    reading = _glued_m(text, m.start("g2"), end, hi)
    if reading is None:
        return None
    return (None, Decimal(MONEY_SUFFIXES[second])) if reading == "million" else ("m", Decimal(1))


def _fraction(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    if m["inum"]:
        num, den = int(_number(m["inum"])), int(_number(m["iden"]))
        if den <= num:
            return None
        amount: Decimal | None = clean((Decimal(num) / Decimal(den)).quantize(Decimal("0.0001")))
    else:
        amount = _fraction_value(m["fnum"] or m["fnum2"] or "", m["fden"] or m["fden2"])
    if amount is None:
        return None
    end = m.end()
    times = _FRACTION_OF.match(text, end, hi)
    if times:  # "half a million", "a half-dozen", "half-hour", "half a kilometre"
        word = times.group(1).lower()
        if word in UNITS:
            return _finish(doc_id, text, m.start(), times.end(), amount, UNITS[word], lo, hi, tolerance)
        factor = 12 if word == "dozen" else SCALES[word]
        return _finish(doc_id, text, m.start(), times.end(), clean(amount * factor), None, lo, hi, tolerance)
    if text.startswith("-", end):
        return None  # "third-degree", "a half-century"
    bare = m["fbare"] is not None
    single = (m["fnum"] or "").lower() in ("", "a", "an", "one")
    bare_qualifier = QUALIFIER_BEFORE.search(text, max(lo, m.start() - 20), m.start())
    if bare and single and (bare_qualifier is None or bare_qualifier.group(1).lower() == "some"):
        return None  # a bare "half" needs a qualifier ("more than half"): "the second half", "half done"
    of = DETERMINER_AFTER_OF.match(text, end, hi)
    noun_end, words = (end, []) if bare else noun_phrase(text, of.end() if of else end, hi, ordinal=False)
    qualifier = bare_qualifier
    kind = QUALIFIERS[qualifier.group(1).lower()] if qualifier else "exact"
    value = Quantity(
        amount=amount, bound=bound_of(kind), interval=interval_of(kind, amount, tolerance), unit="fraction"
    )
    start = qualifier.start() if qualifier else m.start()
    return make_mention(doc_id, text, start, noun_end if words else end, value, words)


def _fraction_value(numerator: str, denominator: str) -> Decimal | None:
    """ "two-thirds" -> 0.6667, "a half" / "half" -> 0.5; None for "the third", "one thirds"."""
    raw, den = numerator.lower(), FRACTIONS[denominator.lower()]
    num = 1 if raw in ("a", "an", "") else SMALL[raw]
    plural = denominator.lower().endswith("s") and denominator.lower() != "halves"
    if (not raw and denominator.lower() != "half") or plural != (num > 1) or den <= num:
        return None
    return clean((Decimal(num) / Decimal(den)).quantize(Decimal("0.0001")))


# What a fraction may multiply: "half a million", "a half-dozen", "a quarter-mile", "half a kilometre".
_FRACTION_OF = re.compile(
    rf"(?:\s+an?\s+|-|\s+)({_UNIT_WORDS}|million|billion|thousand|hundred|dozen)\b(?!-)", re.IGNORECASE
)


def _fraction_range(doc_id: str, text: str, m: re.Match[str], lo: int, hi: int) -> QuantityMention | None:
    """ "between half and two-thirds (of homes)": a range of fractions."""
    ends = []
    for group in ("fa", "fb"):
        words = re.split(r"[\s-]+", m[group])
        ends.append(_fraction_value(words[0] if len(words) > 1 else "", words[-1]))
    low, high = ends
    if low is None or high is None or low >= high:
        return None
    of = DETERMINER_AFTER_OF.match(text, m.end(), hi)
    noun_end, words = noun_phrase(text, of.end() if of else m.end(), hi, ordinal=False)
    value = Quantity(amount=low, bound="range", interval=Interval(low=low, high=high), unit="fraction")
    return make_mention(doc_id, text, m.start(), noun_end if words else m.end(), value, words)


# ---------------------------------------------------------------------------------------------
# The three kinds of number


def _ordinal_word(doc_id: str, text: str, m: re.Match[str], lo: int, hi: int) -> QuantityMention | None:
    word = m.group("ordword").lower()
    tens, _, last = word.rpartition("-")
    amount = ORDINALS[last] + (TENS[tens] if tens else 0)
    if m.end() < hi and text[m.end()] == "-":
        return None  # "first-hand"
    return _ordinal(doc_id, text, m.start(), m.end(), Decimal(amount), lo, hi)


def _ordinal(
    doc_id: str, text: str, begin: int, core_end: int, amount: Decimal, lo: int, hi: int
) -> QuantityMention | None:
    before = WORD_BEFORE.search(text, max(lo, begin - 40), begin)
    word = text[begin:core_end].lower()
    following = NOUN_WORD.match(text, core_end, hi)
    if following and (word, following.group(1).lower()) in ORDINAL_IDIOMS:
        return None
    noun_end, words = noun_phrase(text, core_end, hi, ordinal=True)
    led = before is not None and bool(before.group(2) or before.group(1).lower() in ORDINAL_LEADS)
    # without a determiner only "sixth joint patrol", "second consecutive year": an adverb otherwise
    if not led and (
        not words or (words[-1].lower() not in ORDINAL_HEADS and words[0].lower() != "consecutive")
    ):
        return None  # "NATO first listed China", "at first"
    value = Quantity(amount=amount, bound="exact", interval=Interval(low=amount, high=amount), ordinal=True)
    return make_mention(doc_id, text, begin, noun_end, value, words)


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
    if (
        not has_a
        and used == 1
        and (tokens[0].group().lower() == "one" or tokens[0].group().lower() in SCALES)
        and not (
            tokens[0].group().lower() == "one"
            and (
                _ONE_COUNTS.match(text, core_end, hi)
                or _HYPHEN_MEASURE.match(text, core_end, hi)
                or _ONE_PERIOD.match(text, core_end, hi)
                or QUALIFIER_BEFORE.search(text, max(lo, begin - 20), begin)  # "at least one major belt"
                or _ONE_AFTER_VERB.search(text, max(lo, begin - 40), begin)
            )
        )
    ):
        return None  # "one of the biggest customers", a bare "million"
    return _finish(
        doc_id, text, begin, core_end, Decimal(amount), None, lo, hi, tolerance, referential=DETERMINERS
    )


# ---------------------------------------------------------------------------------------------
# Digits that are no quantity, as named rules (each with its case rows in tests/test_quantities.py)
#
# A rule reads the match of `numbers.NUMBER` for written digits in ``text[lo:hi]`` and says whether
# the digits are no quantity at all; `digit_filter` names the first that applies.

DigitRule = Callable[[str, re.Match[str], int, int], bool]  # (text, the match, lo, hi)


def _glued_to_a_word(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "Tu-95", "MH17", "pic.twitter.com/61", "10:30": digits glued to a word or a mark are a name or a time
    (not after "magnitude": "magnitude-6.1 quake")."""
    prev = text[m.start() - 1] if m.start() > lo else " "
    return (prev in BLOCKED_BEFORE or prev.isalnum()) and not _magnitude_before(text, m, lo)


def _range_or_score(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "5-6": digits hyphenated with digits are a score or a designation (ranges are read before, as forms)."""
    return m.end() < hi and text[m.end()] == "-" and text[m.end() + 1 : m.end() + 2].isdigit()


def _split_number(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "2\u200b,000": a piece of a longer number that a mark splits is not read at all rather than in half."""
    return _broken(text, m.start("num"), m.end("num"), lo, hi)


def _split_piece(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "000ft" of "around 2, 000ft": digits opening with a zero are a piece of a number split by a space."""
    num = ascii_digits(m.group("num"))
    return len(num) > 1 and num[0] == "0" and num[1].isdigit()


def _year(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "in 1999": four plain digits from 1800 to 2100, with no currency, suffix or scale, are a year."""
    num = ascii_digits(m.group("num"))
    return (
        not m.group("suf")
        and not m.group("cur")
        and "," not in num
        and "." not in num
        and len(num) == 4
        and 1800 <= int(num) <= 2100
        and SCALE_AFTER.match(text, m.end(), hi) is None
    )


# The rules, in the order they are tried.
DIGIT_FILTERS: tuple[tuple[str, DigitRule], ...] = (
    ("glued_to_a_word", _glued_to_a_word),
    ("range_or_score", _range_or_score),
    ("split_number", _split_number),
    ("split_piece", _split_piece),
    ("year", _year),
)


def digit_filter(text: str, m: re.Match[str], lo: int, hi: int) -> str | None:
    """The name of the first `DIGIT_FILTERS` rule by which the digits ``m`` are no quantity, or None."""
    for name, rule in DIGIT_FILTERS:
        if rule(text, m, lo, hi):
            return name
    return None


def _magnitude_before(text: str, m: re.Match[str], lo: int) -> bool:
    """ "magnitude 6.1", "magnitude-6.1 quake": the scale is named before the number."""
    return _MAGNITUDE_BEFORE.search(text, max(lo, m.start() - 12), m.start()) is not None


def _digits(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    if digit_filter(text, m, lo, hi) is not None:
        return None
    magnitude = _magnitude_before(text, m, lo)
    num, cur, suf = ascii_digits(m.group("num")), m.group("cur"), (m.group("suf") or "").lower()
    amount = Decimal(num.replace(",", ""))
    unit = CURRENCY_SYMBOLS[cur.strip().lower()] if cur else None
    core_end = m.end()
    if suf in ("st", "nd", "rd", "th"):
        if cur or "," in num or "." in num or _is_date_or_time(text, m.start(), core_end, lo, hi):
            return None
        mention = _ordinal(doc_id, text, m.start(), core_end, amount, lo, hi)
        return mention if mention is not None and mention.noun else None
    if suf in MONEY_SUFFIXES:
        currency = None if cur else CURRENCY_AFTER.match(text, core_end, hi)
        if cur or suf == "k" or currency:
            amount *= MONEY_SUFFIXES[suf]  # "$5bn", "2m euros", "a 110bn-euro package"
            if currency:
                unit, core_end = CURRENCY_WORDS[currency.group(1).lower()], currency.end()
        else:
            reading = _glued_m(text, m.end("suf") - len(suf), core_end, hi)
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
    if _is_date_or_time(text, m.start(), core_end, lo, hi):
        return None
    if NO_BEFORE.search(text, max(lo, m.start() - 10), m.start()):
        return None  # "No. 2"
    if magnitude and unit is None:
        unit = "magnitude"
    return _finish(doc_id, text, m.start(), core_end, amount, unit, lo, hi, tolerance, referential=REFERRING)


# After a glued "m" or "bn" without a currency, words that say a length ("1.5m high", "600m down").
_LENGTH_AFTER = re.compile(
    r"\s+(?:high|tall|long|wide|deep|away|below|above|down|up|off|from|of|by|in|into|and|to|or|"
    r"depth|length|height|radius|square|sq)\b",
    re.IGNORECASE,
)


def _glued_m(text: str, suffix: int, end: int, hi: int) -> str | None:
    """How a glued "m"/"bn" with no currency reads: "million" when a counted plural follows ("6.1m
    people", "2m Windows users"), "metres" for a lower-case "m" otherwise ("fell 600m", "1.5m high");
    None (no quantity) for "bn" or a capital "M" with nothing counted ("GeForce 9400M")."""
    if not _LENGTH_AFTER.match(text, end, hi):
        noun_end, words = noun_phrase(text, end, hi, ordinal=False)
        if words and noun_end > end and _COUNTED_END.search(words[-1]):
            return "million"
    if text[suffix : suffix + 1] == "m" and text[suffix:end].lower() == "m":
        return "metres"
    return None


_COUNTED_END = re.compile(r"(?:[a-z]{2}s|people|children|men|women|staff|police)$", re.IGNORECASE)

_SEPARATORS = GROUP_MARKS + POINT_MARKS
_NUMBER_AFTER_GLUE = re.compile(rf"[{_SEPARATORS}]?\d")


def _glue(char: str) -> bool:
    """A character with no width of its own: a combining mark or a format character (zero-width space)."""
    return unicodedata.category(char) in ("Mn", "Me", "Cf")


def _broken(text: str, begin: int, end: int, lo: int, hi: int) -> bool:
    """Whether the digits ``text[begin:end]`` are a piece of a longer number that marks split:
    "2\u200b,000", "2,0\u03010\u03010". Such a number is not read at all rather than read in half."""
    after = end
    while after < hi and _glue(text[after]):
        after += 1
    if after > end and _NUMBER_AFTER_GLUE.match(text, after, hi):
        return True
    before = begin
    while before > lo and _glue(text[before - 1]):
        before -= 1
    return before < begin and before > lo and (text[before - 1].isdigit() or text[before - 1] in _SEPARATORS)


_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+(?:of\s+)?$", re.IGNORECASE)


def _is_date_or_time(text: str, begin: int, core_end: int, lo: int, hi: int) -> bool:
    return bool(
        MONTH_BEFORE.search(text, max(lo, begin - 12), begin)
        or MONTH_AFTER.match(text, core_end, hi)
        or TIME_AFTER.match(text, core_end, hi)
    )


# ---------------------------------------------------------------------------------------------
# Qualifier, unit and counted noun around the number


def _over_a_period(text: str, over: int, end: int, lo: int, hi: int) -> bool:
    """Whether "over" at ``over`` spans a period ("ran over three days", "$160 million over eight years")
    rather than meaning "more than" ("served over 10 years", "Over 10 years have passed"); see
    `numbers.OVER_MORE_THAN_BEFORE`."""
    if OVER_MORE_THAN_BEFORE.search(text, max(lo, over - 20), over) or OVER_MORE_THAN_AFTER.match(
        text, end, hi
    ):
        return False
    opens = CLAUSE_OPENS_BEFORE.search(text, max(0, over - 8), over) or _BLANK.fullmatch(text, 0, over)
    return not opens or text.startswith(",", end) or _OF_AFTER.match(text, end, hi) is not None


# A number hyphenated with a counted noun ("a three-story structure", "a five-member panel"): `data`'s
# `hyphen_counts`; other hyphenated words ("two-time", "G-20") are no quantity.
_COMPOUND_AFTER = re.compile(rf"-({trie(HYPHEN_COUNTS)})\b(?!-)", re.IGNORECASE)
# "one" hyphenated with a unit or a counted noun is a count: "a one-year contract", "a one-story house".
_HYPHEN_MEASURE = re.compile(rf"-(?:{_UNIT_WORDS}|{trie(HYPHEN_COUNTS)})\b(?!-)", re.IGNORECASE)
# "one" counts a period that dates something: "one day after the bombings", "one year in prison".
_ONE_PERIOD = re.compile(
    r"\s+(?:second|minute|hour|day|week|month|year)\s+(?:before|after|later|earlier|ago|in\s+(?:prison|jail))\b",
    re.IGNORECASE,
)
# A qualifier after the figure: "14 or more", "eight years or more", "3.0 or above", "10 or fewer".
_OR_MORE = re.compile(r",?\s+or\s+(more|above|higher|greater|over|fewer|less|under|below)\b", re.IGNORECASE)
_OR_UP = frozenset({"more", "above", "higher", "greater", "over"})
# Nouns of a period that "over" may span like a unit of time ("20 appearances over two seasons").
_PERIOD_NOUN = re.compile(r"\s+(?:seasons?|nights?|decades?|centuries|century|weekends?|terms?)\b", re.I)
# "N times" as a multiplier: "five times the legal limit", "three times as many", "10 times higher".
_TIMES_AFTER = re.compile(
    r"\s+(times)\s+(?:the|as|more|less|higher|lower|larger|bigger|greater|faster|over|that|what)\b", re.I
)
_OF_AFTER = re.compile(r"\s+of\b")  # "Over three days of talks, ...": a period
_BLANK = re.compile(r"\s*")


def _finish(
    doc_id: str,
    text: str,
    begin: int,
    core_end: int,
    amount: Decimal,
    unit: str | None,
    lo: int,
    hi: int,
    tolerance: Decimal,
    *,
    referential: frozenset[str] = frozenset(),
    fixed: tuple[str, Interval] | None = None,
) -> QuantityMention | None:
    """The mention around a number read at ``text[begin:core_end]``; ``fixed`` is a range's bound and interval.

    ``referential`` lists the words that, right before an unqualified number, make it refer back
    ("the two countries") instead of claiming a count.
    """
    end = core_end
    measure = plus = False
    counted: list[str] | None = None  # the counted noun of a compound ("three-story": story)
    age = AGE_AFTER.match(text, core_end, hi) if unit is None else None
    before = WORD_BEFORE.search(text, max(lo, begin - 30), begin)
    phrase = AGE_PHRASE_BEFORE.search(text, max(lo, begin - 12), begin) if unit is None else None
    if (
        unit is None
        and not age
        and not phrase
        and AGE_VERB_BEFORE.search(text, max(lo, begin - 12), begin)
        and (core_end >= hi or text[core_end] in ".,;!?")
    ):
        unit = "year_of_age"  # "He was 77.", "dies at 75"
    elif age or phrase or (unit is None and before and before.group(1).lower() == "aged"):
        unit, measure = "year_of_age", bool(age and age.group().startswith("-"))
        end = age.end() if age else end
        if phrase and not age:
            begin = (
                phrase.start()
            )  # "the age of ten"; a qualifier before it bounds it ("under the age of ten")
        elif not age and before is not None:
            begin = before.start()  # "aged 45"
    elif text.startswith("-strong", core_end):
        end, measure = core_end + 7, True  # "a 1,000-strong contingent"
    elif unit is None:
        currency = CURRENCY_AFTER.match(text, core_end, hi)
        measured = UNIT_AFTER.match(text, core_end, hi)
        if currency:
            unit, end = CURRENCY_WORDS[currency.group(1).lower()], currency.end()
        elif measured:
            unit, end = UNITS[measured.group(2).lower()], measured.end()
            measure = measured.group(1) == "-"  # "eight-hour mission": the noun follows
        elif (
            text[core_end : core_end + 5].lower() == "-plus"
            and not text[core_end + 5 : core_end + 6].isalnum()
        ):
            end, plus = core_end + 5, True  # "three-plus seasons", "4-Plus": more than
            if (measured := UNIT_AFTER.match(text, end, hi)) and measured.group(1) != "-":
                unit, end = UNITS[measured.group(2).lower()], measured.end()  # "10-plus years"
        elif core_end < hi and text[core_end] == "-":
            compound = _COMPOUND_AFTER.match(text, core_end, hi)
            if compound is None:
                return None  # "two-thirds", "G-20"-like glued designations
            end, counted = compound.end(), [compound.group(1)]  # "a three-story structure"
        elif times := _TIMES_AFTER.match(text, core_end, hi):
            unit, end = "times", times.end(1)  # "five times the legal limit", "three times as many"
    qualifier = None if fixed else QUALIFIER_BEFORE.search(text, max(lo, begin - 20), begin)
    if (
        qualifier
        and qualifier.group(1).lower() == "over"
        and (unit in PREPOSITION_OVER or (unit is None and _PERIOD_NOUN.match(text, end, hi)))
        and _over_a_period(text, qualifier.start(), end, lo, hi)
    ):
        qualifier = None  # "ran over three days" is a period; "served over 10 years" is more than 10
    money = unit in CURRENCY_SYMBOLS.values()
    if (
        qualifier is None
        and not measure
        and counted is None
        and before
        and not money
        and (before.group(2) or before.group(1).lower() in referential)
    ):
        return None  # "the two countries", "its two", "Russia's two", "the 2,000 troops"
    words: list[str] = []
    if counted is not None:
        words = counted
    elif unit is None or measure:
        end, words = noun_phrase(text, end, hi, ordinal=False)
    kind = fixed[0] if fixed else QUALIFIERS[qualifier.group(1).lower()] if qualifier else "exact"
    if plus and kind == "exact":
        kind = "more_than"
    elif kind == "exact" and unit != "year_of_age" and (after := _OR_MORE.match(text, end, hi)):
        kind, end = ("at_least" if after.group(1).lower() in _OR_UP else "at_most"), after.end()
    start = qualifier.start() if qualifier else begin
    if NOT_A_COUNT_BEFORE.search(text, max(lo, start - 12), start):
        return None  # "all but five of the passengers": the others are counted, not five
    change = CHANGE_BEFORE.search(text, max(lo, start - 20), start) if unit == "percent" else None
    amount = clean(amount)
    interval = fixed[1] if fixed else interval_of(kind, amount, tolerance)
    if change:  # "up 12%", "fell by 3 percent"
        unit, start = "percent_change", change.start()
    if change and change.group(1).lower() in FALLING:
        amount = -amount
        interval = Interval(
            low=None if interval.high is None else -interval.high,
            high=None if interval.low is None else -interval.low,
            low_closed=interval.high_closed,
            high_closed=interval.low_closed,
        )
    value = Quantity(amount=amount, bound=bound_of(kind), interval=interval, unit=unit)
    return make_mention(doc_id, text, start, end, value, words)
