"""Datelines: the date a page prints for itself, and a news dateline opening its body.

`parse_dateline` reads "Posted on December 1, 2022 by ...", "Published: 2023-07-17" or a bare date
filling one of the first lines; `find_dateline` finds "RIVERTON, Wyo., March 4, 2024 (AP) —", which
gives a document's publication date when none is known and is neither an event date nor an actor.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from .date_patterns import BY_KIND, DATELINE_PREFIX, MONTHS
from .date_resolvers import absolute_day
from .lexicon import default_lexicon

__all__ = ["Dateline", "find_dateline", "parse_dateline"]


def parse_dateline(text: str) -> date | None:
    """The date of a dateline ("Posted on December 1, 2022 by ...", "Published: 2023-07-17") in the first lines."""
    for line in text.splitlines()[:12]:
        stripped = line.strip().lstrip("\ufeff")  # a UTF-8 byte-order mark starts the first line
        if not stripped or stripped[0] in "—–-" or "pic.twitter" in stripped:
            continue
        prefix = DATELINE_PREFIX.match(stripped)
        pos = prefix.end() if prefix else 0
        for kind in ("mdy", "dmy", "iso"):
            m = BY_KIND[kind].match(stripped, pos)
            if m is None or m["prep"] or not m["year"] or m.groupdict().get("day2"):
                continue
            if not (prefix and prefix.group().strip()) and stripped[m.end() :].strip(" .,"):
                continue  # a bare date must fill its line
            day = absolute_day(m, kind)
            if day is not None:
                return day
    news = find_dateline(text)
    return None if news is None else news.date


class Dateline(NamedTuple):
    """A news dateline opening a document's body: "RIVERTON, Wyo., March 4, 2024 (AP) —".

    ``start``/``end`` index the text (``end`` after the dash and the spaces after it); ``place`` is
    the city as printed, ``region`` a state or country after it, ``agency`` the wire in brackets.
    """

    start: int
    end: int
    place: str
    region: str | None
    agency: str | None
    month: int | None
    day: int | None
    year: int | None

    @property
    def date(self) -> date | None:
        """The dateline's day when it prints a year; None otherwise (a year is never guessed)."""
        if self.year is None or self.month is None or self.day is None:
            return None
        try:
            return date(self.year, self.month, self.day)
        except ValueError:
            return None


_CAPS_WORD = r"[A-Z][A-Z'’.\-]+"
_TITLE_WORD = r"[A-Z][a-z'’.\-]+"
_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
_NEWS_DATELINE = re.compile(
    rf"(?P<place>(?P<caps>{_CAPS_WORD}(?:[ \-]{_CAPS_WORD}){{0,3}}(?![a-z]))"
    rf"|{_TITLE_WORD}(?:[ \-](?:{_TITLE_WORD}|de|da|del|la|el|of)){{0,3}})"
    rf"(?:,[ \t]+(?!(?i:{_MONTH_WORD})\.?[ \t]+\d)(?P<region>[A-Z][A-Za-z.'’]*(?:[ \t][A-Z][A-Za-z.'’]*){{0,2}}))?"
    rf"(?:,[ \t]+(?P<month>(?i:{_MONTH_WORD}))\.?[ \t]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?)?"
    r"(?:[ \t]*\((?P<agency>[A-Z][^()\n]{0,39})\))?"
    r"(?:[ \t]*(?:—|–|--)|[ \t]+-(?=[ \t]))[ \t]*(?=[\"“‘'A-Z0-9]|\r?\Z)"
)
# All-capital words that open a line with a dash but name no place.
_NOT_PLACES = default_lexicon().words("dates.not_dateline_places")
_HEAD_LINES = 8  # a dateline opens one of the first non-blank lines ...
_BODY_WORDS = 12  # ... and no body paragraph (a line this long ending in a full stop) comes before it
_SENTENCE_END = re.compile(r"\.[\"”’')\]]*\s*$")  # a long headline may end in "?" or "!"


def find_dateline(text: str) -> Dateline | None:
    """The news dateline opening the document or its first body paragraph, or None.

    "CITY, Month Day —", "CITY (Agency) —", "CITY, Region, Month Day, Year (Agency) -" (an em or en
    dash, "--", or a spaced hyphen), at the start of a line among the first `_HEAD_LINES` non-blank
    ones, before any body paragraph; a headline, byline or stamp may come first. A place in title
    case needs a date or an agency; one in capitals ("BEIJING —") stands alone, before its story's
    first words (`_is_dateline`).
    """
    seen = 0
    for line in re.finditer(r"[^\n]*", text):
        raw = line.group()
        stripped = raw.strip().lstrip("\ufeff")
        if not stripped:
            continue
        seen += 1
        if seen > _HEAD_LINES:
            return None
        start = line.start() + len(raw) - len(raw.lstrip().lstrip("\ufeff"))
        m = _NEWS_DATELINE.match(text, start, line.end())
        if m is not None and _is_dateline(m, text[m.end() : line.end()].strip()):
            return Dateline(
                start=start,
                end=m.end(),
                place=m["place"],
                region=m["region"],
                agency=m["agency"].strip() if m["agency"] else None,
                month=MONTHS[m["month"].lower()] if m["month"] else None,
                day=int(m["day"]) if m["day"] else None,
                year=int(m["year"]) if m["year"] else None,
            )
        if len(stripped.split()) >= _BODY_WORDS and _SENTENCE_END.search(stripped):
            return None  # the body has begun without a dateline
    return None


def _is_dateline(m: re.Match[str], rest: str) -> bool:
    """Whether a match of `_NEWS_DATELINE` followed by ``rest`` (the rest of its line) is a dateline."""
    if rest and not any(c.islower() for c in rest):
        return False  # "MILL FIRE — 12 DEAD": a headline in capitals
    if m["month"] or m["agency"]:
        return True  # also alone on its line, the story on the next: "RIVERTON, March 4 —"
    return bool(rest) and bool(m["caps"]) and m["place"] not in _NOT_PLACES  # "NEW YORK — Stocks fell."
