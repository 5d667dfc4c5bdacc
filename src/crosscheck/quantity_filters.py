"""Digits that are no quantity, as named rules, and the checks on the characters around a number.

A rule reads the match of `numbers.NUMBER` for written digits in ``text[lo:hi]`` and says whether the
digits are no quantity at all ("Tu-95", "5-6", "in 1999"); `digit_filter` names the first that applies.
Each rule has its case rows in tests/test_quantity_filters.py. `broken` (a number a mark splits),
`is_date_or_time` and `magnitude_before` are read by the finders too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .numbers import (
    BLOCKED_BEFORE,
    CURRENCY_SYMBOLS,
    GROUP_MARKS,
    MONTH_AFTER,
    MONTH_BEFORE,
    POINT_MARKS,
    SCALE_AFTER,
    STREET_AFTER,
    TIME_AFTER,
    ascii_digits,
)

__all__ = [
    "DIGIT_FILTERS",
    "DigitRule",
    "broken",
    "digit_filter",
    "game_clocks",
    "is_date_or_time",
    "magnitude_before",
]


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
    return (prev in BLOCKED_BEFORE or prev.isalnum()) and not magnitude_before(text, m, lo)


def _range_or_score(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "5-6": digits hyphenated with digits are a score or a designation (ranges are read before, as forms)."""
    return m.end() < hi and text[m.end()] == "-" and text[m.end() + 1 : m.end() + 2].isdigit()


def _split_number(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "2\u200b,000": a piece of a longer number that a mark splits is not read at all rather than in half."""
    return broken(text, m.start("num"), m.end("num"), lo, hi)


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


def _calibre(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ ".357 Magnum", "a .38 caliber pistol", "a 22-calibre rifle": the calibre of a gun is its name."""
    return not m.group("cur") and _CALIBRE_AFTER.match(text, m.end(), hi) is not None


_CALIBRE_AFTER = re.compile(r"[\s-]?(?:caliber|calibre|cal\.|(?-i:Magnum|Special|ACP))\b", re.IGNORECASE)


def _model_name(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "six AK 47 rifles", "USB 2.0", "AM 570", "SEA-ME-WE 4": digits after a word of capitals are a
    model or a station (not a currency code, not before a scale: "IDR 5 billion")."""
    if m.group("cur") or SCALE_AFTER.match(text, m.end(), hi) or _CAPITALS_AFTER.match(text, m.end(), hi):
        return False  # "IDR 5 billion"; "QUAKE KILLS 12 IN IRAN" is a headline in capitals
    name = _CAPITALS_BEFORE.search(text, max(lo, m.start() - 24), m.start())
    return (
        name is not None
        and name.group(1).lower() not in CURRENCY_SYMBOLS
        and _STATION.fullmatch(name.group(1)) is None
    )


_CAPITALS_BEFORE = re.compile(r"(?<![\w.-])([A-Z]{2,5}(?:-[A-Z]{1,5})*) \Z")
_CAPITALS_AFTER = re.compile(r"\s+[A-Z]{2,}\b")
# Stations and networks ("NBC 4", "KARE 11") are the claims' channel rule (`noise`), not a model name.
_STATION = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|DT|HD|CD|LD))?|FOX|NBC|CBS|ABC|CW|PBS|PIX|UPN")


def _product_name(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "MagSafe 2", "iPhone 5", "BlackBerry 10", "PlayStation 3": digits after a word with a capital
    inside it are a product's model (not before a scale: "BlackBerry 10 million"; nor a currency)."""
    if m.group("cur") or SCALE_AFTER.match(text, m.end(), hi):
        return False
    return _INNER_CAPITAL_BEFORE.search(text, max(lo, m.start() - 24), m.start()) is not None


_INNER_CAPITAL_BEFORE = re.compile(r"(?<![\w.-])[A-Za-z][a-z]*[A-Z][a-z][A-Za-z]* \Z")


def _street_address(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "54 State St.", "40 East 5th Ave", "1600 Pennsylvania Avenue": a house number, not a count."""
    return not m.group("cur") and STREET_AFTER.match(text, m.end(), hi) is not None


def _dimensions(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "1,280 x 800", "a 4x4": digits multiplied by digits are a size or a resolution, not a count."""
    return (
        _TIMES_DIGITS_AFTER.match(text, m.end(), hi) is not None
        or _TIMES_DIGITS_BEFORE.search(text, max(lo, m.start() - 4), m.start()) is not None
    )


_TIMES_DIGITS_AFTER = re.compile(r"\s?[x×]\s?\d")
_TIMES_DIGITS_BEFORE = re.compile(r"\d\s?[x×]\s?\Z")


def _version_list(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    """ "IE6, 7, 8, 9 and 10": numbers listed after a model's name and number are its versions."""
    before = _VERSIONS_BEFORE.search(text, max(lo, m.start() - 40), m.start())
    if m.group("cur") or before is None:
        return False
    return bool(before.group(1)) or _LIST_GOES_ON.match(text, m.end(), hi) is not None


# a model's name and number, then numbers listed after it: "IE6, 7, " or "IE6, 7, 8, and "
_VERSIONS_BEFORE = re.compile(r"(?<![\w.-])[A-Za-z]+\d+(?:,\s*\d+(?:\.\d+)?)*(?:,\s*|(,?\s+(?:and|or)\s+))\Z")
_LIST_GOES_ON = re.compile(r"\s*,|\s+(?:and|or)\b")


# The rules, in the order they are tried.
DIGIT_FILTERS: tuple[tuple[str, DigitRule], ...] = (
    ("glued_to_a_word", _glued_to_a_word),
    ("range_or_score", _range_or_score),
    ("split_number", _split_number),
    ("split_piece", _split_piece),
    ("year", _year),
    ("calibre", _calibre),
    ("model_name", _model_name),
    ("product_name", _product_name),
    ("street_address", _street_address),
    ("dimensions", _dimensions),
    ("version_list", _version_list),
)


def digit_filter(text: str, m: re.Match[str], lo: int, hi: int) -> str | None:
    """The name of the first `DIGIT_FILTERS` rule by which the digits ``m`` are no quantity, or None."""
    for name, rule in DIGIT_FILTERS:
        if rule(text, m, lo, hi):
            return name
    return None


def magnitude_before(text: str, m: re.Match[str], lo: int) -> bool:
    """ "magnitude 6.1", "magnitude-6.1 quake": the scale is named before the number."""
    return _MAGNITUDE_BEFORE.search(text, max(lo, m.start() - 12), m.start()) is not None


_SEPARATORS = GROUP_MARKS + POINT_MARKS
_NUMBER_AFTER_GLUE = re.compile(rf"[{_SEPARATORS}]?\d")


def _glue(char: str) -> bool:
    """A character with no width of its own: a combining mark or a format character (zero-width space)."""
    return unicodedata.category(char) in ("Mn", "Me", "Cf")


def broken(text: str, begin: int, end: int, lo: int, hi: int) -> bool:
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


# A game clock: "with 12 minutes, 31 seconds remaining", "with 5:02 left", "with two minutes to play".
_CLOCK = re.compile(
    r"\bwith\s+(?:just\s+|only\s+)?((?:\w+\s+minutes?(?:,\s*|\s+and\s+)\w+\s+seconds?)|\w+\s+(?:minutes?|seconds?))"
    r"\s+(?:remaining|left|to\s+(?:go|play))\b",
    re.IGNORECASE,
)


def game_clocks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The spans of the game clocks in ``text[lo:hi]`` ("with 12 minutes, 31 seconds remaining"):
    the time left in a match, not a duration anyone claims."""
    return [(c.start(1), c.end(1)) for c in _CLOCK.finditer(text, lo, hi)]


_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]+(?:of\s+)?$", re.IGNORECASE)


def is_date_or_time(text: str, begin: int, core_end: int, lo: int, hi: int) -> bool:
    return bool(
        MONTH_BEFORE.search(text, max(lo, begin - 12), begin)
        or MONTH_AFTER.match(text, core_end, hi)
        or TIME_AFTER.match(text, core_end, hi)
    )
