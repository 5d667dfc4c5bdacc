"""Find quantities in a sentence: qualifier + number + scale + unit or counted noun phrase.

"more than 2,000 troops", "\\$10.2 billion", "eight-hour mission", "approximately twenty combat
drills", "the sixth such joint patrol" each become one `QuantityMention` whose span is born from
regex match offsets. Years, designations ("Tu-95", "H-6K"), dates, times, "No. 2", numbers inside
URLs and referential number words ("the two countries") are not quantities.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from decimal import Decimal
from importlib import resources
from typing import Any

from .model import Bound, Interval, Quantity, QuantityMention, Span

__all__ = ["find_quantities"]

# ---------------------------------------------------------------------------------------------
# Word lists (data)

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
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# Glued suffixes after a currency amount ("€3m", "$2bn").
MONEY_SUFFIXES: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
}
GLUED_UNITS: dict[str, str] = {"%": "percent", "km": "km", "kg": "kg"}


def _load_words() -> dict[str, Any]:
    raw = resources.files("crosscheck").joinpath("data/quantities.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _table(data: dict[str, Any], name: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in data[name].items()}


def _list(data: dict[str, Any], name: str) -> frozenset[str]:
    value = data["words"][name]
    return frozenset(value.split() if isinstance(value, str) else (str(v) for v in value))


_DATA = _load_words()
CURRENCY_SYMBOLS = _table(_DATA, "currency_symbols")
CURRENCY_WORDS = _table(_DATA, "currency_words")
UNITS = _table(_DATA, "units")  # measure word -> unit
QUALIFIERS = _table(_DATA, "qualifiers")  # qualifier -> bound ("approx_below": nearly/almost)
DETERMINERS = _list(_DATA, "determiners")
ORDINAL_LEADS = _list(_DATA, "ordinal_leads")
ORDINAL_IDIOMS = frozenset(tuple(idiom.split(" ", 1)) for idiom in _DATA["words"]["ordinal_idioms"])
COUNT_NOUNS = _list(_DATA, "count_nouns")
MONTHS = _list(_DATA, "months")
STOPWORDS = _list(_DATA, "stopwords")

# ---------------------------------------------------------------------------------------------
# Patterns (compiled once)


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_CARDINAL_WORD = _alt([*SMALL, *TENS, *SCALES, "dozen"])
_ORDINAL_WORD = rf"(?:(?:{_alt(TENS)})-)?(?:{_alt(ORDINALS)})"
_NUMBER = re.compile(
    rf"""
    \b(?P<ordword>{_ORDINAL_WORD})(?P<ever>-ever)?\b
  | \b(?P<a>a\s+)?(?P<words>(?:{_CARDINAL_WORD})(?:(?:-|\s+)(?:{_CARDINAL_WORD}))*)\b
  | (?P<cur>US\$|[$€£]|(?:USD|EUR|GBP|CNY|RMB|RUB)\s?)?
    (?<!\d)(?P<num>\d{{1,3}}(?:,\d{{3}})++(?:\.\d++)?+|\d++(?:\.\d++)?+)
    (?P<suf>st|nd|rd|th|%|km|kg|bn|mn|m|k|b)?(?!\w|[.,]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SCALE_AFTER = re.compile(rf"\s+({_alt(SCALES)})\b", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(rf"\s+({_alt(CURRENCY_WORDS)})\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"(\s+|-)({_alt(UNITS)})\b(?!-)", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"\b({_alt(QUALIFIERS)})\s+\\?\Z", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)(['’]s)?\s+\Z")
_MONTH = _alt(m.capitalize() for m in MONTHS)  # case-sensitive: "10 may die" is no date
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH})\.?\s+\Z")
_MONTH_AFTER = re.compile(rf"(?:\s+of)?\s+(?:{_MONTH})\b")
_NO_BEFORE = re.compile(r"\b(?:[Nn]os?\.|[Nn]umber)\s*\Z")
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o['’]clock\b|GMT\b|UTC\b|hrs\b)|:\d", re.IGNORECASE)
_NOUN_WORD = re.compile(r"[ \t]+(#?[A-Za-z]+(?:-[A-Za-z]+)*)(?![\w'’])")
_TOKEN = re.compile(r"\S+")
_URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|gov|edu|io|co|uk|ru|cn|info)(?:/|\b)", re.IGNORECASE)
_TOKEN_CHARS = re.compile(r"[A-Za-z]+")
_BLOCKED_BEFORE = frozenset("_.,:/@#-")


def find_quantities(
    doc_id: str, text: str, start: int = 0, end: int | None = None, *, tolerance: Decimal = Decimal("0.1")
) -> tuple[QuantityMention, ...]:
    """The quantities inside ``text[start:end]``, sorted by span start and non-overlapping.

    Spans are offsets into the whole ``text``. ``tolerance`` widens "about"-type qualifiers to
    ``[x(1-t), x(1+t)]`` and "nearly"-type ones to ``[x(1-t), x]``.
    """
    stop = len(text) if end is None else end
    urls = [(t.start(), t.end()) for t in _TOKEN.finditer(text, start, stop) if _URLISH.search(t.group())]
    out: list[QuantityMention] = []
    for m in _NUMBER.finditer(text, start, stop):
        if any(a < m.end() and m.start() < b for a, b in urls):
            continue
        if m.group("ordword"):
            mention = _ordinal_word(doc_id, text, m, start, stop)
        elif m.group("words"):
            mention = _cardinal_words(doc_id, text, m, start, stop, tolerance)
        else:
            mention = _digits(doc_id, text, m, start, stop, tolerance)
        if mention is not None and (not out or out[-1].span.end <= mention.span.start):
            out.append(mention)
    return tuple(out)


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
    before = _WORD_BEFORE.search(text, max(lo, begin - 40), begin)
    if before is None or not (before.group(2) or before.group(1).lower() in ORDINAL_LEADS):
        return None  # an adverb ("NATO first listed China", "at first")
    word = text[begin:core_end].lower()
    following = _NOUN_WORD.match(text, core_end, hi)
    if following and (word, following.group(1).lower()) in ORDINAL_IDIOMS:
        return None
    noun_end, words = _noun_phrase(text, core_end, hi, ordinal=True)
    value = Quantity(amount=amount, bound="exact", interval=Interval(low=amount, high=amount), ordinal=True)
    return _mention(doc_id, text, begin, noun_end, value, words)


def _cardinal_words(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    tokens = list(_TOKEN_CHARS.finditer(text, m.start("words"), m.end("words")))
    has_a = m.group("a") is not None
    amount, used = _parse_words([t.group().lower() for t in tokens], has_a)
    if used == 0:
        if has_a:  # "a two-day visit": the number starts at "two"
            amount, used = _parse_words([t.group().lower() for t in tokens], False)
            has_a = False
        if used == 0:
            return None
    begin = m.start() if has_a else tokens[0].start()
    core_end = tokens[used - 1].end()
    if (
        not has_a
        and used == 1
        and (tokens[0].group().lower() == "one" or tokens[0].group().lower() in SCALES)
    ):
        return None  # "one of the biggest customers", a bare "million"
    return _finish(doc_id, text, begin, core_end, Decimal(amount), None, lo, hi, tolerance, referential=True)


def _parse_words(words: list[str], has_a: bool) -> tuple[int, int]:
    """The value of the longest well-formed number at the start of ``words`` and how many it used."""
    total, current, used, last = 0, 0, 0, ""
    if has_a and (not words or (words[0] not in SCALES and words[0] != "dozen")):
        return 0, 0
    for i, w in enumerate(words):
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
        else:
            if i and (last in SMALL or last == "dozen" or (last in TENS and SMALL[w] >= 10)):
                break
            current += SMALL[w]
        last, used = w, i + 1
        if w == "dozen":
            break
    return total + current, used


def _digits(
    doc_id: str, text: str, m: re.Match[str], lo: int, hi: int, tolerance: Decimal
) -> QuantityMention | None:
    prev = text[m.start() - 1] if m.start() > lo else " "
    if prev in _BLOCKED_BEFORE or prev.isalnum():
        return None  # "Tu-95", "MH17", "pic.twitter.com/61", "10:30"
    num, cur, suf = m.group("num"), m.group("cur"), (m.group("suf") or "").lower()
    if m.end() < hi and text[m.end()] == "-" and text[m.end() + 1 : m.end() + 2].isdigit():
        return None  # a range or a score ("5-6")
    amount = Decimal(num.replace(",", ""))
    unit = CURRENCY_SYMBOLS[cur.strip().lower()] if cur else None
    core_end = m.end()
    if suf in ("st", "nd", "rd", "th"):
        if cur or "," in num or "." in num or _is_date_or_time(text, m.start(), core_end, lo, hi):
            return None
        mention = _ordinal(doc_id, text, m.start(), core_end, amount, lo, hi)
        return mention if mention is not None and mention.noun else None
    if suf in MONEY_SUFFIXES:
        if cur or suf == "k":
            amount *= MONEY_SUFFIXES[suf]
        elif suf == "m":
            unit = "m"  # "300m" without a currency is metres
        else:
            return None
    elif suf in GLUED_UNITS:
        unit = GLUED_UNITS[suf]
    if not suf:
        scale = _SCALE_AFTER.match(text, core_end, hi)
        if scale:
            amount *= SCALES[scale.group(1).lower()]
            core_end = scale.end()
        elif not cur and "," not in num and "." not in num and len(num) == 4 and 1800 <= int(num) <= 2100:
            return None  # a year
    if _is_date_or_time(text, m.start(), core_end, lo, hi):
        return None
    if _NO_BEFORE.search(text, max(lo, m.start() - 10), m.start()):
        return None  # "No. 2"
    return _finish(doc_id, text, m.start(), core_end, amount, unit, lo, hi, tolerance, referential=False)


def _is_date_or_time(text: str, begin: int, core_end: int, lo: int, hi: int) -> bool:
    return bool(
        _MONTH_BEFORE.search(text, max(lo, begin - 12), begin)
        or _MONTH_AFTER.match(text, core_end, hi)
        or _TIME_AFTER.match(text, core_end, hi)
    )


# ---------------------------------------------------------------------------------------------
# Qualifier, unit and counted noun around the number


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
    referential: bool,
) -> QuantityMention | None:
    end = core_end
    measure = False
    if unit is None:
        currency = _CURRENCY_AFTER.match(text, core_end, hi)
        measured = _UNIT_AFTER.match(text, core_end, hi)
        if currency:
            unit, end = CURRENCY_WORDS[currency.group(1).lower()], currency.end()
        elif measured:
            unit, end = UNITS[measured.group(2).lower()], measured.end()
            measure = measured.group(1) == "-"  # "eight-hour mission": the noun follows
        elif core_end < hi and text[core_end] == "-":
            return None  # "two-thirds", "G-20"-like glued designations
    qualifier = _QUALIFIER_BEFORE.search(text, max(lo, begin - 20), begin)
    if qualifier is None and referential and not measure:
        before = _WORD_BEFORE.search(text, max(lo, begin - 30), begin)
        if before and (before.group(2) or before.group(1).lower() in DETERMINERS):
            return None  # "the two countries", "its two", "Russia's two"
    words: list[str] = []
    if unit is None or measure:
        end, words = _noun_phrase(text, end, hi, ordinal=False)
    kind = QUALIFIERS[qualifier.group(1).lower()] if qualifier else "exact"
    start = qualifier.start() if qualifier else begin
    amount = _clean(amount)
    value = Quantity(
        amount=amount, bound=_bound(kind), interval=_interval(kind, amount, tolerance), unit=unit
    )
    return _mention(doc_id, text, start, end, value, words)


def _noun_phrase(text: str, pos: int, hi: int, *, ordinal: bool) -> tuple[int, list[str]]:
    """The end of the counted noun phrase right after ``pos`` and its words (without "such")."""
    found: list[tuple[str, int]] = []  # (word as written, its end offset)
    end, stopped = pos, False
    while len(found) < 4 and not stopped:
        m = _NOUN_WORD.match(text, end, hi)
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
            nxt = _NOUN_WORD.match(text, end, hi)  # "weapons units", "aircraft carriers"
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


def _mention(
    doc_id: str, text: str, start: int, end: int, value: Quantity, words: list[str]
) -> QuantityMention:
    noun = " ".join(w.replace("#", "") for w in words).lower() or None
    head = noun.rsplit(" ", 1)[-1] if noun else None
    return QuantityMention(
        span=Span(doc_id, start, end), text=text[start:end], value=value, noun=noun, head=head
    )


def _bound(kind: str) -> Bound:
    if kind == "approx_below":
        return "approx"
    if kind in ("exact", "more_than", "at_least", "approx", "at_most", "less_than"):
        return kind  # type: ignore[return-value]
    raise ValueError(kind)


def _interval(kind: str, x: Decimal, t: Decimal) -> Interval:
    if kind == "more_than":
        return Interval(low=x, high=None, low_closed=False, high_closed=False)
    if kind == "at_least":
        return Interval(low=x, high=None, high_closed=False)
    if kind == "approx":
        return Interval(low=_clean(x * (1 - t)), high=_clean(x * (1 + t)))
    if kind == "approx_below":
        return Interval(low=_clean(x * (1 - t)), high=x)
    if kind == "at_most":
        return Interval(low=None, high=x, low_closed=False)
    if kind == "less_than":
        return Interval(low=None, high=x, low_closed=False, high_closed=False)
    return Interval(low=x, high=x)


def _clean(x: Decimal) -> Decimal:
    """``x`` without trailing zeros or exponent: Decimal("10200000000.0") -> Decimal("10200000000")."""
    integral = x.to_integral_value()
    return integral if x == integral else x.normalize()
