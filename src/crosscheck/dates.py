"""Date phrases in news sentences: find them with our own patterns, resolve them against the publication date.

Candidates come from precompiled regexes (never ``dateparser.search``, which reads "the Tu-95" as 1995 and
"we" as Wednesday). Month-and-day phrases are parsed by one cached ``dateparser`` parser per base date and
checked against what the pattern read; everything simpler (weekdays, months, years, "last week", "a year
ago") is plain date arithmetic. No wall clock is ever consulted: without a publication date, relative
phrases stay unresolved.

A weekday named alone, or a month and day without a year, is the most recent such day on or before the
publication date unless the clause holding it looks forward (`_tense`: the cue nearest before the date in
its clause, else the nearest after it; the cues are ``[hedge] future`` and ``[tense]`` in
``data/cues.toml``). So the same phrase in documents of one publication date is the same day, whatever
else their sentences say, unless their own clause's tense differs.
"""

from __future__ import annotations

import re
from calendar import isleap
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from .date_patterns import (
    AMBIGUOUS_MONTHS,
    BY_KIND,
    CONTEXT_WORDS,
    DATELINE_PREFIX,
    FORWARD_CUES,
    MONTHS,
    NEEDS,
    NEXT_CAP,
    NUMBER_WORDS,
    PARTICIPLE_AFTER,
    PAST_CUES,
    PATTERNS,
    RELATIONS,
    SENTENCE_OPENERS,
    UNIT_DAYS,
    WEEKDAYS,
    YEAR,
)
from .lexicon import default_lexicon
from .model import DateMention, DateValue, Granularity, Span
from .polarity import clause_start
from .tokens import DETERMINERS

__all__ = [
    "DATE_FILTERS",
    "Dateline",
    "date_filter",
    "find_dateline",
    "find_dates",
    "parse_dateline",
    "placeable",
]

_SENTINEL_BASE = date(2000, 1, 1)  # base for phrases with an explicit year: the base cannot matter
Tense = Literal["future", "past"]
_REACH = 240  # how far a date's clause may run either side of it (a region may be a whole text)
_PAST_FORM = re.compile(r"(?<![\w'’-])[a-z]{2,}ed(?![\w'’-])")  # "arrested"; lower case, so not "Ahmed"
_NOT_PAST_FORM = default_lexicon().words("dates.not_past_forms")
_INNER_ADVERBS = default_lexicon().words("dates.inner_adverbs")
_WORD_CHAR = re.compile(r"\w")
# Clause boundaries of `polarity.clause_start` that often open a phrase, not a clause ("before the
# judge", "as early as Friday"): a clause they open without a tense cue takes the tense around it.
_PHRASE_OPENERS = default_lexicon().words("dates.phrase_openers")
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")


def find_dates(
    doc_id: str, text: str, published: date | None, start: int = 0, end: int | None = None
) -> tuple[DateMention, ...]:
    """Date phrases in ``text[start:end]``, sorted and non-overlapping, resolved against ``published``."""
    stop = len(text) if end is None else end
    found: list[tuple[int, int, DateValue]] = []
    present: dict[re.Pattern[str], bool] = {}
    for kind, pattern in PATTERNS:
        need = NEEDS[kind]
        if need not in present:
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
        value = _RESOLVERS[kind](m, text, lo, published)
    except (OverflowError, ValueError):  # date arithmetic beyond year 1 or 9999
        return _unresolved("day")
    if value is None or not value.resolved:
        return value
    assert value.earliest is not None and value.latest is not None
    if not (placeable(value.earliest) and placeable(value.latest)):
        return DateValue(
            earliest=None, latest=None, granularity=value.granularity, relation=value.relation, relative=True
        )
    return value


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
            day = _absolute(m, kind)
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


def _absolute(m: re.Match[str], kind: str) -> date | None:
    try:
        if kind == "iso":
            return date(int(m["year"]), int(m["mm"]), int(m["dd"]))
        return date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    except ValueError:
        return None


# --- small helpers --------------------------------------------------------------------------------


def _value(
    lo: date | None, hi: date | None, gran: Granularity, prep: str | None = None, relative: bool = False
) -> DateValue:
    relation = RELATIONS.get((prep or "").lower(), "on")
    return DateValue(earliest=lo, latest=hi, granularity=gran, relation=relation, relative=relative)


def _unresolved(gran: Granularity, prep: str | None = None) -> DateValue:
    return _value(None, None, gran, prep, relative=True)


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _shift(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


def _prev_word(text: str, pos: int, lo: int) -> str:
    words = text[max(lo, pos - 40) : pos].split()
    return words[-1].strip("(\"“‘'[,") if words else ""


def _initial(text: str, pos: int, lo: int) -> bool:
    """True when ``pos`` starts its sentence (or line, heading or quotation)."""
    seg = text[lo:pos]
    body = seg.rstrip()
    return not body or body[-1] in SENTENCE_OPENERS or "\n" in seg[len(body) :]


def _capital_follows(text: str, end: int) -> bool:
    """True when a capitalized non-month word follows directly ("Sunday Times", "October Revolution")."""
    m = NEXT_CAP.match(text, end)
    return m is not None and m[1].lower() not in MONTHS and m[1].lower() not in WEEKDAYS


def _boundary_end(text: str, pos: int, stop: int) -> int | None:
    """The end of the first clause boundary in ``text[pos:stop]`` (the boundaries of `polarity.clause_start`)."""
    last = clause_start(text, pos, stop)
    if last == pos:
        return None
    while (earlier := clause_start(text, pos, last - 1)) != pos:  # cut inside the boundary: the one before
        last = earlier
    return last


def _word_before(text: str, pos: int, lo: int) -> str:
    """The word before ``pos`` as written, passing over adverbs ("will be formally charged")."""
    while pos > lo:
        m = _LAST_WORD.search(text, max(lo, pos - 40), pos)
        if m is None:
            return ""
        word = m[1].lower()
        if word not in _INNER_ADVERBS and not (word.endswith("ly") and len(word) > 4):
            return m[1]
        pos = m.start()
    return ""


def _not_a_cue(text: str, start: int, end: int, kind: Tense, lo: int) -> bool:
    """A one-word cue that is a participle or adjective ("be held", "the wounded") or a name ("said Will Jones")."""
    word = text[start:end]
    if any(c.isspace() for c in word):
        return False
    before = _word_before(text, start, lo)
    if kind == "past" and before.lower() in PARTICIPLE_AFTER | DETERMINERS:
        return True
    return word[:1].isupper() and before[:1].islower()


def _cues(text: str, start: int, end: int, lo: int) -> list[tuple[int, int, Tense]]:
    """Tense cues in ``text[start:end]``, in order: the longest at a place wins, a past cue on a tie."""
    found: list[tuple[int, int, Tense]] = [
        (m.start(), m.end(), "past") for m in PAST_CUES.finditer(text, start, end)
    ]
    found += [(m.start(), m.end(), "future") for m in FORWARD_CUES.finditer(text, start, end)]
    found += [
        (m.start(), m.end(), "past")
        for m in _PAST_FORM.finditer(text, start, end)
        if m.group() not in _NOT_PAST_FORM and not m.group().endswith("eed")
    ]
    found.sort(key=lambda c: (c[0], c[0] - c[1], c[2] != "past"))
    out: list[tuple[int, int, Tense]] = []
    cursor = start
    for s, e, kind in found:
        if s >= cursor and not _not_a_cue(text, s, e, kind, lo):
            out.append((s, e, kind))
            cursor = e
    return out


def _tense(text: str, start: int, end: int, lo: int, hi: int, need_past: bool = False) -> Tense | None:
    """Whether the clause holding ``text[start:end]`` looks forward or back (None: it does not say).

    The cue nearest before the date in its clause decides, else the nearest after it; a date alone in
    its clause ("On Saturday, he will ...") takes the tense of the clause after it. Without
    ``need_past``, "past" may come back as None (no forward cue near: the common case, read fast).
    """
    floor, ceil = max(lo, start - _REACH), min(hi, end + _REACH)
    if not need_past and FORWARD_CUES.search(text, floor, ceil) is None:
        return None
    head = clause_start(text, floor, start)
    first = _boundary_end(text, end, ceil)
    tail = ceil if first is None else first
    if (
        first is not None
        and not _WORD_CHAR.search(text, head, start)
        and not _WORD_CHAR.search(text, end, first)
    ):
        second = _boundary_end(text, first, ceil)
        tail = ceil if second is None else second
    before = _cues(text, head, start, lo)
    after = _cues(text, end, tail, lo)
    while not (before or after):  # "appear before the court on Tuesday": a phrase, not a clause
        opener = _LAST_WORD.search(text, max(floor, head - 12), head)
        if opener is None or opener[1].lower() not in _PHRASE_OPENERS or opener.end(1) != head:
            break
        head = clause_start(text, floor, opener.start(1))
        before = _cues(text, head, start, lo)
    if before:
        return before[-1][2]
    return after[0][2] if after else None


def _tense_of(m: re.Match[str], text: str, need_past: bool = False) -> Tense | None:
    return _tense(text, m.start(), m.end(), m.pos, m.endpos, need_past)


def _looks_back(m: re.Match[str], text: str) -> bool:
    """True when the date's clause looks back, or says nothing and its sentence has a past cue."""
    tense = _tense_of(m, text, need_past=True)
    if tense is not None:
        return tense == "past"
    return any(kind == "past" for _, _, kind in _cues(text, m.pos, m.endpos, m.pos))


def _finite_before(text: str, pos: int, lo: int) -> bool:
    """True when a finite past verb stands right before ``pos`` ("said Saturday Jones ...")."""
    cues = _cues(text, max(lo, pos - 40), pos, lo)
    return bool(cues) and cues[-1][2] == "past" and not text[cues[-1][1] : pos].strip()


def _weekday(pub: date, wd: int, forward: bool, strict: bool) -> date:
    delta = (wd - pub.weekday()) % 7 if forward else (pub.weekday() - wd) % 7
    if strict and delta == 0:
        delta = 7
    return pub + timedelta(days=delta if forward else -delta)


def _month_of(pub: date, month: int, mod: str | None) -> int:
    """The year of a month named without one: the most recent not after the publication month."""
    if mod == "next":
        return pub.year if month > pub.month else pub.year + 1
    if mod == "this":
        return pub.year
    if mod == "last":
        return pub.year if month < pub.month else pub.year - 1
    return pub.year if month <= pub.month else pub.year - 1


def _month_value(year: int, month: int, mod: str | None, prep: str | None, relative: bool) -> DateValue:
    last = _month_end(year, month)
    part = (mod or "").lower()
    if part in ("early", "mid", "late"):
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[part]
        return _value(date(year, month, lo), date(year, month, hi), "range", prep, relative)
    return _value(date(year, month, 1), last, "month", prep, relative)


@lru_cache(maxsize=64)
def _parser(base: date) -> Any:
    from dateparser.date import DateDataParser  # slow import, so only when a phrase needs it

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse_day(phrase: str, base: date) -> date | None:
    """A normalized "nov 30 2022" / "feb 24" phrase as a day, through dateparser; None unless a day."""
    data = _parser(base).get_date_data(phrase)
    if data.date_obj is None or data.period != "day":
        return None
    result: date = data.date_obj.date()
    return result


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
    return not all(_cap(m[group]) for group in _NAMES.get(kind, ()))


def _ambiguous_month(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """A bare "May", "June", "April" or "August" (a name, a modal) without a preposition, "of" or a
    modifier before it, or any bare month with a capitalised word after it ("October Revolution")."""
    if kind != "month" or _month_context(m, text, lo):
        return False
    return m["month"].lower() in AMBIGUOUS_MONTHS or _capital_follows(text, m.end())


def _initial_march(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "J. March": a bare "March" after an initial is a surname."""
    return (
        kind == "month"
        and m["month"].lower() == "march"
        and not _month_context(m, text, lo)
        and _initial(text, m.start(), lo)
    )


def _month_context(m: re.Match[str], text: str, lo: int) -> bool:
    return bool(m["prep"] or m["mod"]) or _prev_word(text, m.start(), lo).lower() in CONTEXT_WORDS


def _weekday_in_a_name(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "Sunday Times": a bare weekday before a capitalised word names something, unless a finite verb
    stands before it ("said Saturday Jones was ...")."""
    return (
        kind == "weekday"
        and not (m["prep"] or (m["mod"] or "").strip() or m["poss"])
        and _capital_follows(text, m.end())
        and not _finite_before(text, m.start(), lo)
    )


def _and_without_between(kind: str, m: re.Match[str], text: str, lo: int) -> bool:
    """ "Monday and Friday" is two days, "between Monday to Friday" or "from Dec. 1 and Dec. 3" no range:
    "and" goes with "between" only."""
    return kind in ("wdrange", "mdrange") and (m["conn"].lower() == "and") != (
        (m["from"] or "").lower() == "between"
    )


# The rules, in the order they are tried.
DATE_FILTERS: tuple[tuple[str, DateRule], ...] = (
    ("lower_case_name", _lower_case_name),
    ("ambiguous_month", _ambiguous_month),
    ("initial_march", _initial_march),
    ("weekday_in_a_name", _weekday_in_a_name),
    ("and_without_between", _and_without_between),
)


def date_filter(kind: str, m: re.Match[str], text: str, lo: int) -> str | None:
    """The name of the first `DATE_FILTERS` rule by which a match of ``kind`` is no date, or None."""
    for name, rule in DATE_FILTERS:
        if rule(kind, m, text, lo):
            return name
    return None


# --- resolvers: one per pattern kind; None drops the candidate --------------------------------


def _r_mdy(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    month, day = MONTHS[m["month"].lower()], int(m["day"])
    year = int(m["year"]) if m["year"] else None
    if year is None and pub is None:
        return _unresolved("day", m["prep"])
    base = pub if year is None and pub is not None else _SENTINEL_BASE
    phrase = f"{m['month'][:3].lower()} {day}" + (f" {year}" if year else "")
    got = _parse_day(phrase, base)
    if got is None or (got.month, got.day) != (month, day) or (year is not None and got.year != year):
        try:  # dateparser disagreed with the pattern: trust plain arithmetic
            y = year if year is not None else base.year - ((month, day) > (base.month, base.day))
            got = date(y, month, day)
        except ValueError:
            return None
    if year is None and pub is not None:
        got = _undated_day(got, pub, _tense_of(m, text), m.groupdict().get("wd"), m, text)
    day2 = m.groupdict().get("day2")
    if day2 and int(day2) > day:
        try:
            return _value(got, got.replace(day=int(day2)), "range", m["prep"], year is None)
        except ValueError:
            pass
    return _value(got, got, "day", m["prep"], year is None)


def _undated_day(
    past: date, pub: date, tense: Tense | None, weekday: str | None, m: re.Match[str], text: str
) -> date:
    """A month and day without a year: the one nearest ``pub`` that the clause's tense allows (``past``,
    on or before ``pub``, when the clause looks back; the next one when it looks forward), and the year
    within one of ``pub`` whose day is the weekday written with it ("Saturday, Nov. 30")."""
    got = past
    leap_day = (past.month, past.day) == (2, 29)
    days = [past.replace(year=y) for y in (pub.year - 1, pub.year, pub.year + 1) if not leap_day or isleap(y)]
    ahead = next((d for d in days if d > pub), None)
    if tense == "future" and got < pub:
        got = next((d for d in days if d >= pub), got)
    elif ahead is not None and ahead - pub < pub - past and not _looks_back(m, text):
        got = ahead  # "the campaign starts October 5" in a September article: the coming one
    if weekday is not None and got.weekday() != WEEKDAYS[weekday.lower()]:
        named = [d for d in days if d.weekday() == WEEKDAYS[weekday.lower()]]
        if named:
            got = min(named, key=lambda d: abs(d - pub))
    return got


def _r_iso(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    return None if (day := _absolute(m, "iso")) is None else _value(day, day, "day", m["prep"])


def _r_yrange(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    """ "from 1983-2005", "1995-99": the years from the first through the second."""
    first, raw = int(m["y1"]), m["y2"]
    last = int(raw) if len(raw) == 4 else first - first % 100 + int(raw)
    if last <= first or last - first > 100:
        return None
    return _value(date(first, 1, 1), date(last, 12, 31), "range", None)


def _r_monthrel(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    """ "In April last year", "in May next year": that month of the year named relative to publication."""
    if pub is None:
        return _unresolved("month", m["prep"])
    year = pub.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return _month_value(year, MONTHS[m["month"].lower()], None, m["prep"], True)


def _r_monthyear(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    return _month_value(int(m["year"]), MONTHS[m["month"].lower()], m["mod"], m["prep"], False)


def _r_month(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    lower = m["month"].lower()
    if pub is None:
        return _unresolved("month", m["prep"])
    mod = (m["mod"] or "").lower() or None
    month = MONTHS[lower]
    year = _month_of(pub, month, mod)
    ahead, back = (month - pub.month) % 12, (pub.month - month) % 12
    if mod in (None, "early", "mid", "late") and 0 < ahead < back and not _looks_back(m, text):
        year = pub.year + (month < pub.month)  # "in May" of an April article that does not look back
    return _month_value(year, month, mod, m["prep"], True)


def _r_weekday(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    mod = " ".join((m["mod"] or "").lower().split())
    if pub is None:
        return _unresolved("day", m["prep"])
    wd = WEEKDAYS[m["wd"].lower()]
    if mod in ("next", "coming"):
        day = _weekday(pub, wd, forward=True, strict=True)
    elif mod and mod != "this":  # last, past, this past
        day = _weekday(pub, wd, forward=False, strict=True)
    else:
        tense = _tense_of(m, text, need_past=mod == "this")
        day = _weekday(pub, wd, forward=tense == "future", strict=False)
        if mod == "this" and tense is None:  # untensed: the day of the publication's week (Monday to Sunday)
            day = pub - timedelta(days=pub.weekday() - wd)
    return _value(day, day, "day", m["prep"], True)


def _r_wdrange(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    if pub is None:
        return _unresolved("range")
    wd1, wd2 = WEEKDAYS[m["wd1"].lower()], WEEKDAYS[m["wd2"].lower()]
    forward = bool(m["next"]) or _tense_of(m, text) == "future"
    first = _weekday(pub, wd1, forward=forward, strict=False)
    last = _weekday(first, wd2, forward=True, strict=bool(m["next"]) or wd1 == wd2)
    return _value(first, last, "range", None, True)


def _r_unit(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    unit = m["unit"].lower()
    gran: Granularity = "week" if unit == "week" else "month" if unit == "month" else "year"
    if pub is None:
        return _unresolved(gran, m["prep"])
    step = {"this": 0, "next": 1, "coming": 1}.get(m["mod"].lower(), -1)
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return _value(monday, monday + timedelta(days=6), gran, m["prep"], True)
    if unit == "month":
        first = _shift(pub.replace(day=1), step)
        return _value(first, _month_end(first.year, first.month), gran, m["prep"], True)
    year = pub.year + step
    return _value(date(year, 1, 1), date(year, 12, 31), gran, m["prep"], True)


def _r_window(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    raw = (m["n"] or "").lower()
    if pub is None or (raw and not raw.isdigit() and raw not in NUMBER_WORDS) or (not raw and m["pl"]):
        return _unresolved("range", m["prep"])  # "the past few weeks", "the coming days"
    n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 1)
    span = timedelta(days=n * UNIT_DAYS[m["unit"].lower()])
    if m["dir"].lower() in ("next", "coming"):
        return _value(pub, pub + span, "range", m["prep"], True)
    return _value(pub - span, pub, "range", m["prep"], True)


def _r_ago(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    if pub is None:
        return _unresolved("day")
    raw, unit = m["n"].lower(), m["unit"].lower()
    n = int(raw) if raw.isdigit() else NUMBER_WORDS[raw]
    if unit in ("month", "year"):
        day = _shift(pub, -n * (12 if unit == "year" else 1))
    else:
        day = pub - timedelta(days=n * UNIT_DAYS[unit])
    return _value(day, day, "day", None, True)


def _r_vague(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    if m["decades"]:
        before = _prev_word(text, m.start(), lo).lower()
        if before.isdigit() or before in NUMBER_WORDS:
            return None  # "two decades" is a quantity
    return _unresolved("range", m["prep"])


def _r_deictic(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    if pub is None:
        return _unresolved("day")
    word = m["word"].lower()
    offset = -1 if word.startswith(("yesterday", "last")) else 1 if word.startswith("tomorrow") else 0
    day = pub + timedelta(days=offset)
    return _value(day, day, "day", None, True)


def _r_year(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    year = int(m["year"])
    if not m["prep"]:
        before = _prev_word(text, m.start(), lo)
        if before in ("©", "(c)") or before.lower() == "copyright":
            return None
        if before and _cap(before) and not _initial(text, m.start(), lo):
            return None  # a named event: "Vostok 2022", "(East 2022)"
        if re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]):
            return None  # "2000 troops" is a count
    if m["s"]:
        if year % 10:
            return None
        return _value(date(year, 1, 1), date(year + 9, 12, 31), "range", m["prep"])
    if m["mod"]:  # "in mid-2022": thirds of the year
        first = {"early": 1, "mid": 5, "late": 9}[m["mod"].lower()]
        return _value(date(year, first, 1), _month_end(year, first + 3), "range", m["prep"])
    return _value(date(year, 1, 1), date(year, 12, 31), "year", m["prep"])


def _r_event(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    """A named event with its year ("Vostok 2022", "Joint Sea 2021"): the year, the name kept in the span."""
    year = int(m["year"])
    return _value(date(year, 1, 1), date(year, 12, 31), "year")


def _r_mdrange(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    """ "from Dec. 21 to Dec. 27", "between Nov. 28 and Dec. 3, 2022": one range."""
    sides = [m["a"], m["b"]]
    years = [re.search(YEAR + r"\b", side) for side in sides]
    if years[1] and not years[0]:
        sides[0] += f", {years[1].group()}"
    elif years[0] and not years[1]:
        sides[1] += f", {years[0].group()}"
    values = []
    for side in sides:
        inner = BY_KIND["mdy"].fullmatch(side)
        value = _r_mdy(inner, side, 0, pub) if inner and date_filter("mdy", inner, side, 0) is None else None
        if value is None or not value.resolved:
            return None if value is None else _unresolved("range")
        values.append(value)
    first, last = values[0].earliest, values[1].latest
    if first is None or last is None:
        return None
    if values[0].relative and pub is not None:  # no year written: the year that puts the range nearest
        first = min(
            (first.replace(year=y) for y in (pub.year - 1, pub.year, pub.year + 1)),
            key=lambda d: abs(d - pub),
        )
        last = last.replace(year=first.year + (last.replace(year=first.year) < first))
    if last < first:
        return None
    return _value(first, last, "range", None, values[0].relative)


_r_dmy = _r_mdy
# Each pattern kind is resolved by the function named ``_r_<kind>`` above.
_RESOLVERS: dict[str, Callable[[re.Match[str], str, int, date | None], DateValue | None]] = {
    kind: globals()[f"_r_{kind}"] for kind, _ in PATTERNS
}
