"""Date phrases in news sentences: find them with our own patterns, resolve them against the publication date.

Candidates come from precompiled regexes (`date_patterns`; never ``dateparser.search``, which reads
"the Tu-95" as 1995 and "we" as Wednesday); a candidate that is no date is dropped by a named rule of
`date_filters`, the rest are resolved by `date_resolvers` (the tense of a date's clause, which places
a weekday or a month named without a year, is `date_tense`). Datelines are `datelines`. The public
names of those modules that callers used from here (`parse_dateline`, `find_dateline`, `Dateline`,
`DATE_FILTERS`, `date_filter`) are re-exported.

A weekday named alone is the most recent such day on or before the publication date unless the clause
holding it looks forward; a month or month-day without a year is the one nearest publication that the
clause's tense allows. So the same phrase in documents of one publication date is the same day,
whatever else their sentences say, unless their own clause's tense differs.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .date_filters import DATE_FILTERS, date_filter
from .date_patterns import NEED_HINTS, NEEDS, PATTERNS
from .date_resolvers import RESOLVERS
from .datelines import Dateline, find_dateline, parse_dateline
from .model import DateMention, DateValue, Span

__all__ = [
    "DATE_FILTERS",
    "Dateline",
    "date_filter",
    "find_dateline",
    "find_dates",
    "parse_dateline",
    "placeable",
]


# The needs that are lower-case words, one of which must stand anywhere in the sentence ("ago",
# "day|week|month|year"): read as substrings of the lower-cased sentence, which finds the same as the
# case-insensitive search unless the sentence holds one of the four characters that `re` matches to a
# Latin letter case-insensitively but lower-cases otherwise ("İ", "ı", "ſ", the Kelvin sign).
_LITERAL_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    need: tuple(need.pattern.split("|"))
    for need in NEEDS.values()
    if need.flags & re.IGNORECASE and re.fullmatch(r"[a-z]+(?:\|[a-z]+)*", need.pattern)
}
_CASE_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


def find_dates(
    doc_id: str, text: str, published: date | None, start: int = 0, end: int | None = None
) -> tuple[DateMention, ...]:
    """Date phrases in ``text[start:end]``, sorted and non-overlapping, resolved against ``published``."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int, DateValue]] = []
    present: dict[re.Pattern[str], bool] = {}
    lower = text[start:stop].lower() if _CASE_ODD.search(text, start, stop) is None else None
    for kind, pattern in PATTERNS:
        need = NEEDS[kind]
        if need not in present:
            words = _LITERAL_NEEDS.get(need)
            hints = NEED_HINTS.get(need)
            if words is not None and lower is not None:
                present[need] = any(word in lower for word in words)  # the same answer as the search
            elif hints is not None and lower is not None and not any(hint in lower for hint in hints):
                present[need] = False  # no match of the need holds none of its hints
            else:
                present[need] = need.search(text, start, stop) is not None
        if not present[need]:
            continue  # the pattern cannot match without it
        for m in pattern.finditer(text, start, stop):
            if date_filter(kind, m, text, start) is not None:
                continue
            value = _resolve(kind, m, text, start, published)
            if value is not None:
                found.append((m.start(), m.end(), value))
    found.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[DateMention] = []
    cursor = start
    for s, e, value in found:
        if s >= cursor:
            out.append(DateMention(span=Span(doc_id, s, e), text=text[s:e], value=value))
            cursor = e
    return tuple(out)


# Dates this close to the calendar's ends (0001-01-01, 9999-12-31: placeholders, not news) are left
# unresolved, so no arithmetic on them (resolving "last week", widening a range to compare it) can
# leave the calendar. Ten years is more than a comparison adds to a range (twice its width, capped
# by the decade a range spans at most, or the follow-up and date windows).
_CALENDAR_MARGIN = timedelta(days=3653)
_EARLIEST = date.min + _CALENDAR_MARGIN
_LATEST = date.max - _CALENDAR_MARGIN


def placeable(day: date) -> bool:
    """True when ``day`` is far enough from the calendar's ends for dates to be worked out from it and
    compared (a publication date of 9999-12-31 or 0001-01-01, a placeholder, is not)."""
    return _EARLIEST <= day <= _LATEST


def _resolve(kind: str, m: re.Match[str], text: str, lo: int, published: date | None) -> DateValue | None:
    """The value of one match; unresolved when it cannot be computed on the calendar (a publication
    date near its ends: "last week" of 9999-12-31) or lies near its ends."""
    try:
        value = RESOLVERS[kind](m, text, lo, published)
    except (OverflowError, ValueError):  # date arithmetic beyond year 1 or 9999
        return DateValue(earliest=None, latest=None, granularity="day", relation="on", relative=True)
    if value is None or not value.resolved:
        return value
    assert value.earliest is not None and value.latest is not None
    if not (placeable(value.earliest) and placeable(value.latest)):
        return DateValue(
            earliest=None, latest=None, granularity=value.granularity, relation=value.relation, relative=True
        )
    return value
