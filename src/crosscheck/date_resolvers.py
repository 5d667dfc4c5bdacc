"""Resolving a date match: one resolver per pattern kind, against the publication date.

Each pattern kind of `date_patterns.PATTERNS` ("mdy", "weekday", "ago", ...) is resolved by the
function named ``_r_<kind>`` (`RESOLVERS`); None drops the candidate. Month-and-day phrases are parsed
by one cached ``dateparser`` parser per base date and checked against what the pattern read; everything
simpler is plain date arithmetic. No wall clock is ever consulted: without a publication date,
relative phrases stay unresolved.

A weekday named alone, or a month and day without a year, is placed by the tense of its clause
(`date_tense`): the most recent such day on or before publication when it looks back, the next one when
it looks forward; a month or month-day the clause does not place is the one nearest publication.
"""

from __future__ import annotations

import re
from calendar import isleap
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from .date_filters import cap, date_filter, initial, prev_word
from .date_patterns import BY_KIND, MONTHS, NUMBER_WORDS, PATTERNS, RELATIONS, UNIT_DAYS, WEEKDAYS, YEAR
from .date_tense import Tense, looks_back, tense_of
from .model import DateValue, Granularity

__all__ = ["RESOLVERS", "absolute_day"]

_SENTINEL_BASE = date(2000, 1, 1)  # base for phrases with an explicit year: the base cannot matter


def absolute_day(m: re.Match[str], kind: str) -> date | None:
    try:
        if kind == "iso":
            return date(int(m["year"]), int(m["mm"]), int(m["dd"]))
        return date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
    except ValueError:
        return None


def _value(
    lo: date | None, hi: date | None, gran: Granularity, prep: str | None = None, relative: bool = False
) -> DateValue:
    relation = RELATIONS.get((prep or "").lower(), "on")
    return DateValue(earliest=lo, latest=hi, granularity=gran, relation=relation, relative=relative)


def _unresolved(gran: Granularity, prep: str | None = None) -> DateValue:
    return _value(None, None, gran, prep, relative=True)


def _month_end(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _shift(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month + 1, min(day.day, _month_end(year, month + 1).day))


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
        got = _undated_day(got, pub, tense_of(m, text), m.groupdict().get("wd"), m, text)
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
    elif ahead is not None and ahead - pub < pub - past and not looks_back(m, text):
        got = ahead  # "the campaign starts October 5" in a September article: the coming one
    if weekday is not None and got.weekday() != WEEKDAYS[weekday.lower()]:
        named = [d for d in days if d.weekday() == WEEKDAYS[weekday.lower()]]
        if named:
            got = min(named, key=lambda d: abs(d - pub))
    return got


def _r_iso(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    return None if (day := absolute_day(m, "iso")) is None else _value(day, day, "day", m["prep"])


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
    if mod in (None, "early", "mid", "late") and 0 < ahead < back and not looks_back(m, text):
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
        tense = tense_of(m, text, need_past=mod == "this")
        day = _weekday(pub, wd, forward=tense == "future", strict=False)
        if mod == "this" and tense is None:  # untensed: the day of the publication's week (Monday to Sunday)
            day = pub - timedelta(days=pub.weekday() - wd)
    return _value(day, day, "day", m["prep"], True)


def _r_wdrange(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    if pub is None:
        return _unresolved("range")
    wd1, wd2 = WEEKDAYS[m["wd1"].lower()], WEEKDAYS[m["wd2"].lower()]
    forward = bool(m["next"]) or tense_of(m, text) == "future"
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
    if raw in ("a", "an") or unit == "day":
        return _value(day, day, "day", None, True)  # "compared with a year ago": that day
    # "two years ago", "four months ago", "three weeks ago": a count of units back is that calendar
    # year, month or week (Monday to Sunday), not one day of it
    if unit == "year":
        return _value(date(day.year, 1, 1), date(day.year, 12, 31), "year", None, True)
    if unit == "month":
        return _value(day.replace(day=1), _month_end(day.year, day.month), "month", None, True)
    monday = day - timedelta(days=day.weekday())
    return _value(monday, monday + timedelta(days=6), "week", None, True)


def _r_vague(m: re.Match[str], text: str, lo: int, pub: date | None) -> DateValue | None:
    if m["decades"]:
        before = prev_word(text, m.start(), lo).lower()
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
        before = prev_word(text, m.start(), lo)
        if before in ("©", "(c)") or before.lower() == "copyright":
            return None
        if before and cap(before) and not initial(text, m.start(), lo):
            return None  # a named event: "Vostok 2022", "(East 2022)"
        if re.match(r"\s+[a-z]", text[m.end() : m.end() + 2]) and before.lower() not in _YEAR_DETERMINERS:
            return None  # "2000 troops" is a count; "the 2012 shooting" is the year of one
    if m["s"]:
        if year % 10:
            return None
        return _value(date(year, 1, 1), date(year + 9, 12, 31), "range", m["prep"])
    if m["mod"]:  # "in mid-2022": thirds of the year
        first = {"early": 1, "mid": 5, "late": 9}[m["mod"].lower()]
        return _value(date(year, first, 1), _month_end(year, first + 3), "range", m["prep"])
    return _value(date(year, 1, 1), date(year, 12, 31), "year", m["prep"])


# Before a year and a noun, these make the year a modifier ("the 2012 shooting", "its 2004 tsunami"):
# a count after them would refer back ("the 2000 troops"), so none is claimed there either way.
_YEAR_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})


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
RESOLVERS: dict[str, Callable[[re.Match[str], str, int, date | None], DateValue | None]] = {
    kind: globals()[f"_r_{kind}"] for kind, _ in PATTERNS
}
