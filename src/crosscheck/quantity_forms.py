"""Quantities written as more than one number or as no plain number: ranges, fractions, multipliers.

"between 40 and 50 troops", "$250,000 to $1 million", "5–7%", "dozens of", "a third of the
troops", "half a million", "tripled", "fivefold", "less than a minute": one regex (`numbers.FORMS`),
found before single numbers; and how a glued "m" reads (million or metres, `glued_m`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from .model import Interval, Quantity, QuantityMention
from .noun_phrases import make_mention, noun_phrase
from .numbers import (
    CURRENCY_SYMBOLS,
    DECADE_AGES,
    DETERMINER_AFTER_OF,
    FORMS,
    FRACTIONS,
    GLUED_UNITS,
    MONEY_SUFFIXES,
    MULTIPLIERS,
    NO_BEFORE,
    QUALIFIER_BEFORE,
    QUALIFIERS,
    SCALE_AFTER,
    SCALES,
    SCORE_NOUNS,
    SMALL,
    TOKEN_CHARS,
    UNITS,
    VAGUE_PLURALS,
    ascii_digits,
    bound_of,
    clean,
    interval_of,
    parse_words,
)
from .quantity_bounds import UNIT_WORDS, finish
from .quantity_filters import broken, is_date_or_time

__all__ = ["find_forms", "glued_m", "number_value"]

# A bare "dozens", "hundreds" counts only when a casualty word governs it ("injuring dozens").
_ALONE_OK = re.compile(
    r"\b(?:injur|wound|hurt|kill|dead|died|missing|hospitali|arrest)\w*\s+(?:\w+\s+)?(?:dozens|scores|hundreds|thousands)\b"
    r"|\b(?:dozens|scores|hundreds|thousands)\s+(?:\w+\s+){0,2}?(?:injur|wound|hurt|kill|dead|died|missing|hospitali|arrest)",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Ranges, "dozens of", fractions and multiplications: one regex, found before single numbers


def find_forms(
    doc_id: str, text: str, lo: int, hi: int, tolerance: Decimal, urls: list[tuple[int, int]]
) -> list[QuantityMention]:
    """The ranges, vague plurals, fractions and multiplications of ``text[lo:hi]`` outside ``urls``, in order."""
    out: list[QuantityMention] = []
    for m in FORMS.finditer(text, lo, hi):
        if any(a < m.end() and m.start() < b for a, b in urls):
            continue
        mention: QuantityMention | None
        if m["whole"]:  # "2-1/2 years", "a 3 1/4-inch cut": a whole number and a fraction
            num, den = int(m["mnum"]), int(m["mden"])
            if num >= den:
                continue
            amount = clean(Decimal(m["whole"]) + (Decimal(num) / Decimal(den)).quantize(Decimal("0.0001")))
            mention = finish(doc_id, text, m.start(), m.end(), amount, None, lo, hi, tolerance)
        elif m["n1"]:
            mention = _range(doc_id, text, m, lo, hi, tolerance)
        elif (
            m["vague"]
            or m["vague2"]
            or (m["alone"] and _ALONE_OK.search(text, max(lo, m.start() - 12), m.end() + 40))
        ):
            # "dozens of", or a bare "dozens" a casualty word governs ("injuring dozens", "dozens hurt")
            low, high = VAGUE_PLURALS[" ".join((m["vague"] or m["vague2"] or m["alone"]).lower().split())]
            fixed = ("range", Interval(low=Decimal(low), high=Decimal(high)))
            mention = finish(
                doc_id, text, m.start(), m.end(), Decimal(low), None, lo, hi, tolerance, fixed=fixed
            )
        elif m["alone"]:
            continue  # a bare "hundreds" no casualty word governs ("we saw hundreds")
        elif m["several"]:  # "several dozen people", "a few hundred": as many as "dozens of", "hundreds of"
            low, high = VAGUE_PLURALS[m["sunit"].lower() + "s"]
            fixed = ("range", Interval(low=Decimal(low), high=Decimal(high)))
            mention = finish(
                doc_id, text, m.start(), m.end(), Decimal(low), None, lo, hi, tolerance, fixed=fixed
            )
        elif m["age"]:
            mention = _decade_age(doc_id, text, m, lo, hi, tolerance)
        elif m["pair"]:  # "a pair of left hooks": two of them
            mention = finish(doc_id, text, m.start(), m.end(), Decimal(2), None, lo, hi, tolerance)
        elif m["aunit"]:
            if QUALIFIER_BEFORE.search(text, max(lo, m.start() - 20), m.start()) is None:
                continue  # "a day later" is no claim; "less than a day" bounds one day
            mention = finish(doc_id, text, m.start(), m.end(), Decimal(1), None, lo, hi, tolerance)
        elif m["frange"]:
            mention = _fraction_range(doc_id, text, m, lo, hi)
        elif m["fden"] or m["fden2"] or m["inum"]:
            mention = _fraction(doc_id, text, m, lo, hi, tolerance)
        else:
            word = (m["mult"] or m["fold"]).lower()
            if word == "once" and not _once_counts(text, m.start(), m.end(), lo, hi):
                continue  # "once again", "at once", "once the talks end", "he once played"
            times = MULTIPLIERS.get(word) or Decimal(number_value(m["fold"]))
            mention = finish(doc_id, text, m.start(), m.end(), times, "times", lo, hi, tolerance)
        if mention is not None and mention.value.amount > 0:
            out.append(mention)
    return out


# "once" counts one time only where a count of times may stand: after its verb and object, before the
# end of the clause or a preposition ("flooring him once before the referee stopped it", "shot once in
# the chest", "more than once."); not "once again", "at once", "for once", "once in a while", a
# conjunction ("once the talks end") or "formerly" ("he once played", "a once-proud club").
_ONCE_AFTER = re.compile(
    r"\s*(?:[.,;:!?)\u201d\"]|\Z)|\s+(?:before|after|in(?!\s+a\s+while\b)|on|during|since|by|with|"
    r"at|from|this|last|that\s+(?:day|night|week|month|year|season)|each|per|and(?!\s+for\s+all\b)|or|but)\b",
    re.IGNORECASE,
)
_ONCE_BEFORE = re.compile(r"\b(?:at|for|all|was|were|is|are|had|has|have|who|which|that)\s+\Z", re.IGNORECASE)


def _once_counts(text: str, begin: int, end: int, lo: int, hi: int) -> bool:
    if _ONCE_BEFORE.search(text, max(lo, begin - 8), begin) or not text[lo:begin].strip():
        return False
    return _ONCE_AFTER.match(text, end, hi) is not None


# The years of a decade of life each part of it spans: "early 30s" 30-33, "mid-30s" 34-36, "late 30s" 37-39.
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_TEEN_PARTS = {None: (3, 9), "early": (3, 5), "mid": (4, 6), "late": (7, 9)}  # "teens" start at 13


def _decade_age(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    """ "in his early 30s", "in her mid-forties", "in their twenties": an age range (the span without "in his")."""
    decade = int(m["adig"]) if m["adig"] else DECADE_AGES[m["aword"].lower()]
    first, last = (_TEEN_PARTS if decade == 10 else _DECADE_PARTS)[m["apart"].lower() if m["apart"] else None]
    low, high = Decimal(decade + first), Decimal(decade + last)
    fixed = ("range", Interval(low=low, high=high))
    return finish(doc_id, text, m.start("age"), m.end(), low, "year_of_age", lo, hi, tolerance, fixed=fixed)


def number_value(raw: str) -> int | Decimal:
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
    if broken(text, m.start("n1"), m.end(), lo, hi):
        return None
    low, high = Decimal(number_value(m["n1"])), Decimal(number_value(m["n2"]))
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
    if is_date_or_time(text, m.start("n1"), core_end, lo, hi) or NO_BEFORE.search(
        text, max(lo, begin - 10), begin
    ):
        return None
    if cur:
        unit = CURRENCY_SYMBOLS[cur.strip().lower()]
    fixed = ("range", Interval(low=clean(low), high=clean(high)))
    start = m.start() if m["rfrom"] else begin
    mention = finish(doc_id, text, start, core_end, low, unit, lo, hi, tolerance, fixed=fixed)
    if (
        plain
        and conn in ("-", "–")
        and mention is not None
        and mention.value.unit is None
        and (
            (high < 100 and (mention.noun is None or mention.head in SCORE_NOUNS))
            or ("," in m["n2"]) != ("," in m["n1"])
        )
    ):
        return None  # "have opened 9-14", "24-7", "a 9-14 start", "(5-11,220)": a record, a score, a size
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
    reading = glued_m(text, m.start("g2"), end, hi)
    if reading is None:
        return None
    return (None, Decimal(MONEY_SUFFIXES[second])) if reading == "million" else ("m", Decimal(1))


def _fraction(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    if m["inum"]:
        num, den = int(number_value(m["inum"])), int(number_value(m["iden"]))
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
            return finish(doc_id, text, m.start(), times.end(), amount, UNITS[word], lo, hi, tolerance)
        factor = 12 if word == "dozen" else SCALES[word]
        return finish(doc_id, text, m.start(), times.end(), clean(amount * factor), None, lo, hi, tolerance)
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
    rf"(?:\s+an?\s+|-|\s+)({UNIT_WORDS}|million|billion|thousand|hundred|dozen)\b(?!-)", re.IGNORECASE
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


# After a glued "m" or "bn" without a currency, words that say a length ("1.5m high", "600m down").
_LENGTH_AFTER = re.compile(
    r"\s+(?:high|tall|long|wide|deep|away|below|above|down|up|off|from|of|by|in|into|and|to|or|"
    r"depth|length|height|radius|square|sq)\b",
    re.IGNORECASE,
)


def glued_m(text: str, suffix: int, end: int, hi: int) -> str | None:
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
