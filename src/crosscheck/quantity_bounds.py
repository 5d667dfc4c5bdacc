"""The mention around a number read: its qualifier and bound, unit, age and counted noun phrase.

`finish` takes a number found by one of the finders (digits, number words, a range, a fraction) and
reads what surrounds it: a qualifier before ("more than", "about"; "over" a period is none) or after
("or more", "-plus"), a currency or unit word, an age ("45-year-old", "aged 45", "He was 77."), a
hyphenated counted noun ("three-story"), "N times", and the counted noun phrase; referential numbers
("the two countries") and "all but five" are no mention.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ._regex import trie
from .model import Interval, Quantity, QuantityMention
from .noun_phrases import make_mention, noun_phrase, partitive_noun
from .numbers import (
    AGE_AFTER,
    AGE_OPENING_AFTER,
    AGE_OPENING_BEFORE,
    AGE_PHRASE_BEFORE,
    AGE_VERB_BEFORE,
    AGED_THINGS,
    CHANGE_BEFORE,
    CLAUSE_OPENS_BEFORE,
    CURRENCY_AFTER,
    CURRENCY_WORDS,
    FALLING,
    HYPHEN_ATTRIBUTES,
    HYPHEN_COUNTS,
    NOT_A_COUNT_BEFORE,
    NOUN_WORD,
    OVER_MORE_THAN_AFTER,
    OVER_MORE_THAN_BEFORE,
    PARTITIVE_AFTER,
    PREPOSITION_OVER,
    QUALIFIER_BEFORE,
    QUALIFIERS,
    REFERS_BACK_BELOW,
    STOPWORDS,
    UNIT_AFTER,
    UNITS,
    WORD_BEFORE,
    bound_of,
    clean,
    interval_of,
)

__all__ = ["HYPHEN_MEASURE", "ONE_PERIOD", "UNIT_WORDS", "finish", "told_by_its_clause"]

# The one-word measure units, longest first ("kilometre" before "km"): what a fraction may measure.
UNIT_WORDS = "|".join(sorted((re.escape(u) for u in UNITS if " " not in u), key=len, reverse=True))


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
HYPHEN_MEASURE = re.compile(rf"-(?:{UNIT_WORDS}|{trie(HYPHEN_COUNTS)})\b(?!-)", re.IGNORECASE)
# "one" counts a period that dates something: "one day after the bombings", "one year in prison".
ONE_PERIOD = re.compile(
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
# A clause after a definite count that says what happened to what it counts makes it a claim: "the
# three men who were killed", "the three who voted against", "the 12 who died", "three of the seven
# bullets fired by the officers"; without one, "the two countries" refers back.
_DEFINED_AFTER = re.compile(
    r"\s+(?:(?:who|that|which)\s+(?:were|was)\b|"
    # "the 10 actors who have previously portrayed him", "the two who had already fled"
    r"(?:who|that|which)\s+(?:have|has|had)\s+(?:(?:\w+ly|already|since|now)\s+)?"
    r"(?:\w+ed|been|died|fled|fallen|won|lost|left|made|taken|seen|gone|come|run)\b|"
    r"who\s+(?:\w+ed|died|fled|fell|ran|fought|lost|won|"
    r"left|stood|went|came|got|took|made|saw|survived|remain|remained)\b|(?:\w+ed|shot|hit|hurt|slain)\s+"
    r"(?:by|in|at|during|near|when|while|inside)\b)",
    re.IGNORECASE,
)


def told_by_its_clause(text: str, end: int, hi: int) -> bool:
    """A clause right after a count that says what befell what it counts ("the ten actors who played
    the Doctor", "the three men who were killed"): the count is told in that clause's tense, not in
    the sentence's ("fans will always remember the ten actors who played him")."""
    return _DEFINED_AFTER.match(text, end, hi) is not None


# Words that make a unit after them another dimension: "12 square miles" is an area, not a length.
_AREA = frozenset({"square", "sq", "cubic", "cu"})
_OF_AFTER = re.compile(r"\s+of\b")  # "Over three days of talks, ...": a period
# "weighing 200 pounds", "his weight, 200 pounds": pounds are a weight; so are "500 pounds of cocaine"
_WEIGHT_BEFORE = re.compile(
    r"\b(?:weigh|weighs|weighed|weighing|weight|weights|weighted)\b[^.;!?]{0,30}\Z", re.I
)


def _weighed(text: str, begin: int, end: int, lo: int, hi: int, amount: Decimal) -> bool:
    """Pounds of a weight: a weighing word before them in the clause, or "of" and what they weigh after
    them (under a million: "5 million pounds of aid" is money)."""
    return bool(_WEIGHT_BEFORE.search(text, max(lo, begin - 40), begin)) or bool(
        amount < 1_000_000 and _OF_AFTER.match(text, end, hi)
    )


_BLANK = re.compile(r"\s*")


def finish(
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

    ``referential`` lists the words that, right before an unqualified whole number below
    `REFERS_BACK_BELOW` with no unit, make it refer back ("the two countries") instead of claiming a
    count ("the nine acre site" states a measure).
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
    elif (
        unit is None
        and not age
        and not phrase
        and 13 <= amount < 120
        and (opening := AGE_OPENING_BEFORE.search(text, max(lo, begin - 6), begin))
        and (
            opening.start() == lo
            or CLAUSE_OPENS_BEFORE.search(text, max(lo, opening.start() - 3), opening.start())
        )
        and AGE_OPENING_AFTER.match(text, core_end, hi)
    ):
        unit = "year_of_age"  # "At 55, he is the same age as ..."
    elif age or phrase or (unit is None and before and before.group(1).lower() == "aged"):
        unit, measure = "year_of_age", age is not None  # "a 40 year-old man": the noun follows
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
            noun = NOUN_WORD.match(text, end, hi) if compound.group(1).lower() in HYPHEN_ATTRIBUTES else None
            if noun is not None and noun.group(1).lower() not in STOPWORDS:
                # "a 10-point lead": what is counted is the lead's points, not points scored
                end, counted = noun.end(), [compound.group(1), noun.group(1)]
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
    if (
        qualifier is None
        and not measure
        and counted is None
        and before
        and unit is None  # "the nine acre site", "the three hours of talks": a measure it states
        and before.group(2) is None  # a possessive counts: "his three companions", "Brand's 15.9 points"
        and before.group(1).lower() in referential
        and amount == amount.to_integral_value()  # "the 7.6 and 7.5 magnitude quakes" is a figure
        and amount < REFERS_BACK_BELOW  # "the 288 candidates", "the 22,000 crowd": a figure it states
        and not _DEFINED_AFTER.match(text, noun_phrase(text, end, hi, ordinal=False)[0], hi)
    ):
        return None  # "the two countries", "these three", "the two sides"
    words: list[str] = []
    if counted is not None:
        words = counted
    elif unit is None or measure:
        end, words = noun_phrase(text, end, hi, ordinal=False)
        if not words and unit is None and (of := PARTITIVE_AFTER.match(text, end, hi)):
            words = partitive_noun(text, of.end(), hi)  # "two of the bombs": bombs, the span stays "two"
        if unit is None and words and not _AREA.intersection(w.lower() for w in words):
            # "352 net rushing yards", "20 long miles", "4,051 yards-breaking the record": yards, miles
            unit = UNITS.get(words[-1].lower())
            if unit is None and words[-1].lower() == "pounds" and _weighed(text, begin, end, lo, hi, amount):
                unit = (
                    "lb"  # "weighing about 200 pounds" meets "a 200-pound man"; "5 million pounds" is money
                )
        elif unit == "year_of_age" and words and words[-1].lower() in AGED_THINGS:
            unit = "year"  # "35-year-old regulations": how long they have stood ("for 35 years")
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
