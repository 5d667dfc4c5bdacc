"""Win-loss records: "Klitschko (52-3, 46 KOs)", "Cheeks is 122-147 in three-plus seasons", "a 162-139
mark", "improved to 58-3", "Riddick Bowe, 43-1,", "Hasim Rahman, 45-7-2,".

Two or three small numbers joined by hyphens are a record only where the sentence says so: in
parentheses or between commas right after a name, after "record"/"mark" ("a record of 43-39"), after a
verb of change and "to" ("improved to 52-3", "rose to 9-5"), before a record noun ("a 9-5 season"),
or after a copula when a phrase of time or company follows ("was 162-139 with two postseason
appearances"). Elsewhere they stay what `quantity_forms` makes of them: a range ("40-50 km"), a score
or nothing. A record gives one quantity per number, each spanning its own digits: the wins ("52", noun "record
wins", owner "Klitschko": the claim counts "klitschko record wins"), the losses ("3", "record losses")
and the draws of a third number ("2", "record draws"). Its owner is part of what it counts: the name right before it, or the
nearest name before it in the sentence ("Klitschko's record to 52-3"); a record whose owner no name
gives is not read. So two teams' records of one game never meet, nor other counts of wins ("46 wins by
knockout"); what the owner is called must match ("Indianapolis (10-5)" never meets "the Colts 9-5"). Outlets that give
one fighter's or one team's record otherwise ("52-3" / "53-3") then meet as two counts of wins.
A height and weight ("(6-2, 220)") is no record.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ._regex import trie
from .lexicon import default_lexicon
from .model import Interval, Quantity, QuantityMention, Span
from .number_words import MONTHS, RECORD_NOUNS, RECORD_VERBS, STOPWORDS

__all__ = ["find_records"]


_RECORD = re.compile(
    r"(?<![\w.,$£€/:\u2013-])(\d{1,3})[-\u2013](\d{1,3})(?:[-\u2013](\d{1,3}))?(?![\w%$/:\u2013-]|[.,]\d)"
)
# a name right before: "Klitschko (52-3", "The Saints (11-5)", "Riddick Bowe, 43-1"
_NAME_OPEN = re.compile(r"[A-Z][\w'\u2019.-]*[\s\u00a0]*(?:\(|,)[\s\u00a0]*\Z")
# what closes a parenthesis after it: ")", ", 46 KOs)", "; 4-4 away)"
_PAREN_CLOSE = re.compile(r"[\s\u00a0]*[),;]")
# what closes an appositive after it, a boxer's knockouts ("Riddick Bowe, 43-1, 33 KO's,", "Klitschko,
# 58-3 with 51 knockouts"): after a team's name and a comma two numbers are a score ("lost to the
# Colts, 20-13")
_COMMA_CLOSE = re.compile(
    r"(?:,|[\s\u00a0]+with)[\s\u00a0]+\d{1,3}[\s\u00a0]*(?:KO'?s?|knockouts|wins[\s\u00a0]+by[\s\u00a0]+knockout)\b"
)
# a record of some games only: "9-1 in one-possession games", "2-6 at home", "4-4 away", "5-2 against"
_SPLIT_AFTER = re.compile(
    r"[\s\u00a0]+(?:at[\s\u00a0]+home|on[\s\u00a0]+the[\s\u00a0]+road|away|at[\s\u00a0]+the|against|"
    r"versus|vs\b|when|in[\s\u00a0]+(?:\w+-possession|one-|close|road|home|division|conference|the[\s\u00a0]+"
    r"(?:division|conference|playoffs|postseason)|games|his[\s\u00a0]+last|their[\s\u00a0]+last|its[\s\u00a0]+last))",
    re.IGNORECASE,
)
# where a clause opens before a record: its owner is named after it ("Klitschko's reach, and dropped to
# 45-7-2" gives Rahman's record, not Klitschko's)
_CLAUSE_OPEN = re.compile(r"[,;:\u2014\u2013(]|\band\b|\bbut\b|\bwhile\b|\bafter\b")
# a season's year ("2008", "2004-05") and "an overall record of 284-286", "his career mark": a record
# of its own, apart from this season's
_YEAR = re.compile(r"(?<![\w.,-])(?:19|20)\d\d(?:[-\u2013]\d\d)?(?![\w-])")
_SPAN_WORDS = re.compile(r"\b(overall|career|all-time|lifetime)\b", re.IGNORECASE)
# "a record of 43-39", "record to 52-3", "his mark at 9-5"
_RECORD_BEFORE = re.compile(
    r"\b(?:record|mark)[\s\u00a0]+(?:(?:of|to|at|is|was|stands[\s\u00a0]+at|now|improved[\s\u00a0]+to)[\s\u00a0]+)?\Z",
    re.IGNORECASE,
)
# "improved the Ukrainian-born fighter to 52-3", "rose to 9-5", "fell to 36-3"
_TO_BEFORE = re.compile(
    rf"\b(?:{trie(RECORD_VERBS)})(?:[\s\u00a0]+[\w'\u2019-]+){{0,4}}[\s\u00a0]+(?:to|at)[\s\u00a0]+\Z",
    re.IGNORECASE,
)
# "a 162-139 mark", "a 9-5 season", "a 43-39 regular-season record"
_NOUN_AFTER = re.compile(
    rf"[\s\u00a0]+(?:(?:overall|career|regular-season|regular[\s\u00a0]+season|home|road)[\s\u00a0]+)?"
    rf"(?:{trie(RECORD_NOUNS)})\b",
    re.IGNORECASE,
)
# "Cheeks is 122-147 in three-plus seasons", "where he was 162-139 with two postseason appearances"
_COPULA_BEFORE = re.compile(r"\b(?:is|was|are|were|stood|stands|finished|went)[\s\u00a0]+\Z", re.IGNORECASE)
_COPULA_AFTER = re.compile(
    r"[\s\u00a0]+(?:in|with|as|this|last|since|at|against|overall|under|during|for|on[\s\u00a0]+the[\s\u00a0]+season)\b",
    re.IGNORECASE,
)
# "(6-2, 220)": a height and a weight
_SIZE_AFTER = re.compile(r"[\s\u00a0]*,[\s\u00a0]*\d{3}[\s\u00a0]*\)")
_PARTS = ("record wins", "record losses", "record draws")


_NAME = re.compile(r"[A-Z][\w'\u2019.-]*")
_NOT_OWNERS = STOPWORDS | MONTHS | default_lexicon().words("dates.weekdays")


def _owner(text: str, m: re.Match[str], lo: int, hi: int) -> str | None:
    """Whose record the hyphenated numbers at ``m`` are ("Klitschko (52-3": "Klitschko";
    "Indianapolis' record rose to 9-5": "Indianapolis"), and the words that make it a record of its own
    after a space ("Chiefs 2008"), or None when they are no record or no name
    before them says whose: the name right before a parenthesis or a comma, else the nearest name
    before it in the sentence."""
    start, end = m.start(), m.end()
    before = text[max(lo, start - 60) : start]
    if _SIZE_AFTER.match(text, end, hi) or _SPLIT_AFTER.match(text, end, hi):
        return None
    adjacent = _NAME_OPEN.search(before)
    if adjacent and (
        _COMMA_CLOSE.match(text, end, hi)
        if adjacent.group(0).rstrip().endswith(",")
        else _PAREN_CLOSE.match(text, end, hi)
    ):
        return _owned(_name(adjacent.group(0)), text, start, start, end, hi)
    if not (
        _RECORD_BEFORE.search(before)
        or _TO_BEFORE.search(before)
        or _NOUN_AFTER.match(text, end, hi)
        or (_COPULA_BEFORE.search(before) and _COPULA_AFTER.match(text, end, hi))
    ):
        return None
    opens = [c.end() for c in _CLAUSE_OPEN.finditer(text, lo, start)]
    clause = opens[-1] if opens else lo
    names = [_name(n.group(0)) for n in _NAME.finditer(text, clause, start)]
    owner = next((n for n in reversed(names) if n and n.lower() not in _NOT_OWNERS), None)
    if owner is None:
        owner = _referred(text, lo, clause, start)
    if owner is None:
        return None
    return _owned(owner, text, clause, start, end, hi)


# a relative clause that names no one: "the 36-year-old Klitschko, who improved his record to 58-3"
_WHO = re.compile(r"[\s\u00a0]*(?:who|whose)\b", re.IGNORECASE)


def _referred(text: str, lo: int, clause: int, start: int) -> str | None:
    """Whose record a relative clause naming no one gives: the name right before its "who". (Also
    taking the sentence's first name where a pronoun refers to someone, "where he was 162-139", read the
    wrong owner on the dev half: "The member of the Sixers' 1982-83 team ..., where he finished with a
    162-139 mark".)"""
    if not _WHO.match(text, clause, start):
        return None
    names = [_name(n.group(0)) for n in _NAME.finditer(text, lo, clause)]
    return next((n for n in reversed(names) if n and n.lower() not in _NOT_OWNERS), None)


def _owned(owner: str, text: str, clause: int, start: int, end: int, hi: int) -> str:
    """The owner with what makes the record one of its own: a season's year in its clause ("The 2008
    Chiefs ended the season with a 2-14 record", "a record of 43-39 in 2004-05") or a span word
    ("an overall record of 284-286"): the record of another season or of a career, not this one's."""
    after = min(hi, end + 25)
    words = [m.group(0) for m in _YEAR.finditer(text, clause, start)]
    words += [m.group(0) for m in _YEAR.finditer(text, end, after)]
    words += [m.group(1).lower() for m in _SPAN_WORDS.finditer(text, clause, after)]
    return " ".join([owner, *words])


def _name(token: str) -> str:
    """A name token as an owner, as written, without its possessive or the punctuation after it."""
    word = token.rstrip("(,; \u00a0")
    for mark in ("'s", "\u2019s", "'", "\u2019", "."):
        word = word.removesuffix(mark)
    return word


def find_records(doc_id: str, text: str, lo: int, hi: int) -> list[QuantityMention]:
    """The win-loss records of ``text[lo:hi]``, one quantity per number, in order."""
    out: list[QuantityMention] = []
    for m in _RECORD.finditer(text, lo, hi):
        owner = _owner(text, m, lo, hi)
        if owner is None:
            continue
        for group, part in zip((1, 2, 3), _PARTS, strict=True):
            if m.group(group) is None:
                continue
            amount = Decimal(int(m.group(group)))
            value = Quantity(amount=amount, bound="exact", interval=Interval(low=amount, high=amount))
            start, end = m.span(group)
            name, _, season = owner.partition(" ")
            noun = f"{season} {part}" if season else part  # "record wins", "2008 record wins"
            out.append(
                QuantityMention(
                    span=Span(doc_id, start, end),
                    text=text[start:end],
                    value=value,
                    noun=noun,
                    head=part.rsplit(" ", 1)[-1],
                    owner=name,
                )
            )
    return out
