"""Date candidates that are no date, as named rules, and the words around a match they read.

A rule reads a match of a pattern kind (`date_patterns.PATTERNS`) in a text whose sentence starts at
``lo`` and says whether the words are no date ("may" the verb, "J. March", "Sunday Times");
`date_filter` names the first that applies. Each rule has its case rows in tests/test_date_filters.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .date_patterns import (
    AMBIGUOUS_MONTHS,
    CONTEXT_WORDS,
    EACH_PERIOD_AFTER,
    EVERY_BEFORE,
    MONTHS,
    NEXT_CAP,
    NUMBER_WORDS,
    SENTENCE_OPENERS,
    VEHICLE_MAKES,
    WEEKDAYS,
)
from .date_tense import finite_before

__all__ = ["DATE_FILTERS", "DateRule", "cap", "capital_follows", "date_filter", "initial", "prev_word"]


def cap(word: str) -> bool:
    return word[:1].isupper()


def prev_word(text: str, pos: int, lo: int) -> str:
    words = text[max(lo, pos - 40) : pos].split()
    return words[-1].strip("(\"“‘'[,") if words else ""


def initial(text: str, pos: int, lo: int) -> bool:
    """True when ``pos`` starts its sentence (or line, heading or quotation)."""
    seg = text[lo:pos]
    body = seg.rstrip()
    return not body or body[-1] in SENTENCE_OPENERS or "\n" in seg[len(body) :]


def capital_follows(text: str, end: int) -> bool:
    """True when a capitalized non-month word follows directly ("Sunday Times", "October Revolution")."""
    m = NEXT_CAP.match(text, end)
    return m is not None and m[1].lower() not in MONTHS and m[1].lower() not in WEEKDAYS


# --- filters: a match that is no date, as named rules (case rows: tests/test_date_filters.py) ---
#
# A rule reads a match of a pattern kind (`date_patterns.PATTERNS`) in a text whose sentence starts at
# ``lo``, and says whether the words are no date; `date_filter` names the first that applies. They
# run before any value is resolved (and before dateparser is asked).

DateRule = Callable[[str, re.Match[str], str, int], bool]  # (kind, the match, text, lo)
# The name groups of each kind that must be written with a capital.
_NAMES = {
    "mdy": ("month",),
    "monthyear": ("month",),
    "month": ("month",),
    "weekday": ("wd",),
    "wdrange": ("wd1", "wd2"),
}


def _lower_case_name(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "may", "march", "sunday" in lower case: a verb, a noun or a word, not a month or a day."""
    return not all(cap(m[group]) for group in _NAMES.get(kind, ()))


def _ambiguous_month(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """A bare "May", "June", "April" or "August" (a name, a modal) without a preposition, "of" or a
    modifier before it, or any bare month with a capitalised word after it ("October Revolution")."""
    if kind != "month" or _month_context(m, text, lo):
        return False
    return m["month"].lower() in AMBIGUOUS_MONTHS or capital_follows(text, m.end())


def _initial_march(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "J. March": a bare "March" after an initial is a surname."""
    return (
        kind == "month"
        and m["month"].lower() == "march"
        and not _month_context(m, text, lo)
        and initial(text, m.start(), lo)
    )


def _month_context(m: re.Match[str], text: str, lo: int) -> bool:
    return bool(m["prep"] or m["mod"]) or prev_word(text, m.start(), lo).lower() in CONTEXT_WORDS


def _weekday_in_a_name(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "Sunday Times": a bare weekday before a capitalised word names something, unless a finite verb
    stands before it ("said Saturday Jones was ...")."""
    return (
        kind == "weekday"
        and not (m["prep"] or (m["mod"] or "").strip() or m["poss"])
        and capital_follows(text, m.end())
        and not finite_before(text, m.start(), lo)
    )


def _and_without_between(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "Monday and Friday" is two days, "between Monday to Friday" or "from Dec. 1 and Dec. 3" no range:
    "and" goes with "between" only."""
    return kind in ("wdrange", "mdrange") and (m["conn"].lower() == "and") != (
        (m["from"] or "").lower() == "between"
    )


def _counted_window(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "for the past five years", "over the last 8 years": a count of units is a duration (a quantity of
    years the quantity finder reads), not a date; "the past month", "the past few weeks" are dates."""
    if kind != "window" or not m["n"]:
        return False
    raw = m["n"].lower()
    return (int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)) >= 2


def _model_year(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "a gray 2013 Toyota Camry", "his 2008 Bentley": a year before a vehicle make is a model year."""
    if kind != "year" or m["prep"] or m["s"]:
        return False
    make = NEXT_CAP.match(text, m.end())
    return make is not None and make[1].lower() in VEHICLE_MAKES


def _recurring_weekday(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "on the second Tuesday of each month", "every Monday": a schedule that recurs, no one date."""
    if kind != "weekday":
        return False
    return bool(
        EACH_PERIOD_AFTER.match(text, m.end()) or EVERY_BEFORE.search(text, max(lo, m.start() - 8), m.start())
    )


# The rules, in the order they are tried.
DATE_FILTERS: tuple[tuple[str, DateRule], ...] = (
    ("lower_case_name", _lower_case_name),
    ("ambiguous_month", _ambiguous_month),
    ("initial_march", _initial_march),
    ("weekday_in_a_name", _weekday_in_a_name),
    ("and_without_between", _and_without_between),
    ("counted_window", _counted_window),
    ("model_year", _model_year),
    ("recurring_weekday", _recurring_weekday),
)


def date_filter(kind: str, m: re.Match[str], text: str, lo: int) -> str | None:
    """The name of the first `DATE_FILTERS` rule by which a match of ``kind`` is no date, or None."""
    for name, rule in DATE_FILTERS:
        if rule(kind, m, text, lo):
            return name
    return None
