"""What a number measures: its slot ("deaths", "injuries", "people shot", "age") from the words around it.

The counted noun says what is counted ("12 people"); the words that govern the number say what is
said of it: "twelve people were *killed*", "the fire *killed* three", "three *dead*", "*wounding* five",
"14 others were *injured*". The slot vocabulary is data (``[measures]`` in ``data/terms.toml``, which
a user's terms file extends); this module only says where to look, as named rules tried in order:

- ``age``: an apposition after a name ("Gomez, 24,", "Lee (29)") or a quantity already read as an age;
- ``toll``: a death toll before the number ("bringing the toll from the disaster to 11");
- ``counted_noun``: the counted noun itself is a slot word ("12 fatalities", "three arrests");
- ``word_after``: the first slot word after the number, past auxiliaries and adverbs only ("were
  killed", "have been hospitalized", "others were wounded", "dead, 7 wounded");
- ``word_before``: the nearest slot word before it, past function words only ("killed three",
  "killing at least 12", "a death toll of 12", "the toll rose to 12");
- ``coordinated``: a number listed right after another takes the slot word before the first ("two
  quakes, measuring 7.6 and 7.4");
- ``headcount``: else a counted noun that only says what is counted (``[headcounts]``: "50 people",
  "three climbers", "more than 300 Palestinians"): a headcount, which may meet the death toll or
  the injury count of another report (`Config.measure_families`).

A count of times ("shot seven times") is a frequency and fills no slot.

A conjunction, a clause mark or another number ends the search, so in "the fire killed three and
wounded five" three is deaths and five injuries.
"""

from __future__ import annotations

import re

from .lexicon import default_lexicon
from .model import QuantityMention
from .terms import Terms
from .values import dimension

__all__ = ["MEASURE_RULES", "SHAPES", "SLOT_UNITS", "measure_of"]

# The words between a number and the word that says what it measures are `Terms.slot_words`
# ("after", "before", "conjunctions": `[slot_words]` in data/terms.toml).
_MAX_WORDS = 6
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_STOP = re.compile(r"[;:.!?()\[\]\u2014\u2013\"“”]|\s-\s|\d")

# "Gomez, 24, and Lee, 29," / "Lee (29)": a number in apposition to a name is an age.
# A name with a digit is a model or a version, no person ("IE6, 7, 8 and 9": versions).
_NAME_BEFORE = re.compile(r"([A-Z][A-Za-z'’.-]*)(?:,\s*|\s*\()$")
# A day or a month is no name: "on Wednesday, four from friendly fire", "in June, 12 more".
_CALENDAR = default_lexicon().words("dates.weekdays") | default_lexicon().words("dates.months")
_AGE_AFTER = re.compile(r"\s*(?:,|\)|$|\s(?:and|was|is|were|of|from|who)\b)")
_NUMBER_LIST_AFTER = re.compile(r",\s*\d")


_PEOPLE_BEFORE = re.compile(r"\b([a-z][\w'’-]*)(?:,\s*|\s*\()(?:\d{1,3}\s+and\s+)?$")
# ... and only as a list of ages: "the victims, 12 of them children" is a part, not an age
_AGES_AFTER_PEOPLE = re.compile(r"\s*[,)]|\s+and\s+\d{1,3}\s*[,)]")


def _age(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    if q.value.unit == "year_of_age":
        return "age"
    if q.noun or q.value.bound != "exact" or q.value.unit is not None or q.value.ordinal:
        return None
    if not (0 < q.value.amount < 120 and q.value.amount == q.value.amount.to_integral_value()):
        return None
    before = text[max(lo, q.span.start - 40) : q.span.start]
    name = _NAME_BEFORE.search(before)
    if name and name.group(1).lower().rstrip(".") not in _CALENDAR:
        if _NUMBER_LIST_AFTER.match(text, q.span.end, hi):
            return None  # "Windows XP, Vista, 7, 8 and 8.1": a list of numbers, no age
        return "age" if _AGE_AFTER.match(text, q.span.end, hi) else None
    # "his two half-brothers, 17 and 22,", "the victims, 23 and 25,": ages after a noun of people
    noun = _PEOPLE_BEFORE.search(before)
    if noun and _people(noun.group(1), terms):
        return "age" if _AGES_AFTER_PEOPLE.match(text, q.span.end, hi) else None
    return None


def _people(word: str, terms: Terms) -> bool:
    """A noun of people, plural or singular ("the victims, 23 and 25,", "the troubled actress, 26,",
    "her son, 12,"): a headcount or kin, or the singular of one."""
    kin = terms.slot_words["kin"]
    return any(form in terms.headcounts or form in kin for form in _forms(word))


def _forms(word: str) -> tuple[str, ...]:
    """A noun and the plurals it may have in the tables: "member", "members"; "man", "men"."""
    return (word, word + "s", word + "es", word[:-3] + "men" if word.endswith("man") else word)


def _noun_in(table: dict[str, str], q: QuantityMention) -> str | None:
    """The table's entry for the counted noun phrase, else for its head word."""
    for candidate in (q.noun, q.head):
        if candidate:
            hit = table.get(" ".join(candidate.lower().split()))
            if hit:
                return hit
    return None


def _counted_noun(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    """The counted noun phrase, its head, else its first slot word ("5.9 quake struck" reads
    "quake struck" as the phrase, "12 people killed" "people killed")."""
    found = _noun_in(terms.measures, q)
    if found is None and q.noun:
        found = next((terms.measures[w] for w in q.noun.lower().split() if w in terms.measures), None)
    return found


def _measure_at(terms: Terms, text: str, start: int, end: int) -> str | None:
    return terms.measures.get(" ".join(text[start:end].lower().split()))


def _word_after(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    cursor = q.span.end
    for _ in range(_MAX_WORDS + 1):
        gap = _next_word(text, cursor, hi)
        if gap is None:
            return None
        start, end = gap
        if _STOP.search(text, cursor, start) or "," in text[cursor:start]:
            return None
        hit = terms.measure_pattern.match(text, start, hi)
        if hit is not None:
            return _measure_at(terms, text, hit.start(), hit.end())
        word = text[start:end].lower()
        if word in terms.slot_words["conjunctions"] or word not in terms.slot_words["after"]:
            return None
        cursor = end
    return None


def _word_before(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    slot = _slot_before(text, q.span.start, lo, terms)
    if slot in terms.slot_words["of_people_before"] and q.head and not _people_like(q.head, terms):
        return None  # "missing 10 games" counts games he missed; "missing three crew members" people
    return slot


def _people_like(head: str, terms: Terms) -> bool:
    """A noun of people: a headcount, kin, a role, a demonym or a name."""
    return _people(head.lower(), terms) or _role(head, terms) or not head.islower()


# "measuring 7.6 and 7.4", "killed 12, 15 or 20": a number coordinated with the one before it
_COORDINATED = re.compile(r"\d[\d.,]*\s*(?:,\s*and|,\s*or|,|and|or)\s*$")


def _coordinated(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    """A number listed right after another takes the slot word before the first ("two quakes,
    measuring 7.6 and 7.4": both magnitudes); a verb between them ends the list ("killing 12 and
    wounding 5")."""
    found = _COORDINATED.search(text, max(lo, q.span.start - 30), q.span.start)
    if found is None:
        return None
    start = found.start()
    while start > lo and (text[start - 1].isdigit() or text[start - 1] in ".,"):
        start -= 1  # the whole first number ("7.6", "1,500")
    return _slot_before(text, start, lo, terms)


def _slot_before(text: str, cursor: int, lo: int, terms: Terms) -> str | None:
    window = text[max(lo, cursor - 80) : cursor]
    base = cursor - len(window)
    words = [(m.start() + base, m.end() + base) for m in _WORD.finditer(window)]
    slots = [(m.start() + base, m.end() + base) for m in terms.measure_pattern.finditer(window)]
    for seen, (start, end) in enumerate(reversed(words), 1):
        if _STOP.search(text, end, cursor) or text[end:cursor].count(",") > 0:
            return None
        slot = next(((s, e) for s, e in slots if s <= start < e), None)
        if slot is not None:
            return _measure_at(terms, text, *slot)
        word = text[start:end].lower()
        if (
            seen > _MAX_WORDS
            or word in terms.slot_words["conjunctions"]
            or word not in terms.slot_words["before"]
        ):
            return None
        cursor = start
    return None


def _next_word(text: str, position: int, hi: int) -> tuple[int, int] | None:
    match = _WORD.search(text, position, hi)
    return None if match is None else match.span()


# "the death toll rose to 12", "bringing the toll from the disaster to 11": a toll before the number
_TOLL_BEFORE = re.compile(
    r"\b(?:death\s+)?toll\b[^,.;:]{0,40}?\b(?:to|at|of|reached|hit|is|was|stands\s+at|stood\s+at)\s+$",
    re.IGNORECASE,
)


def _toll(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    return "deaths" if _TOLL_BEFORE.search(text, max(lo, q.span.start - 70), q.span.start) else None


# a number glued to its counted noun by a hyphen: "1,000-member", "20-man"
_GLUED_HEAD = re.compile(r"\w-([a-z]+)$", re.IGNORECASE)
# "more than 300 Palestinians", "two Israelis", "40 Lebanese": a capitalised plural of demonym shape
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|is|ese)")


def _headcount(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    hit = _noun_in(terms.headcounts, q)
    if hit:
        return hit
    glued = _GLUED_HEAD.search(q.text)
    if glued is not None:
        # "a 1,000-member church", "a two-man crew": the singular of a headcount glued to its number
        for form in _forms(glued.group(1).lower()):
            if form in terms.headcounts:
                return terms.headcounts[form]
    if q.head and q.value.unit is None and not q.value.ordinal and _role(q.head, terms):
        return terms.headcounts.get("people")
    if q.head and q.value.unit is None and not q.value.ordinal:
        last = q.text.split()[-1] if q.text.split() else ""
        if last.lower() == q.head.lower() and _DEMONYM.fullmatch(last):
            return terms.headcounts.get("people")
    return None


def _role(head: str, terms: Terms) -> bool:
    """People named by a role no table lists ("biologists", "economists", "politicians"): a lower-case
    plural with one of ``[slot_words] role_endings``, not one of ``not_roles``."""
    words = terms.slot_words
    return (
        head.islower()
        and len(head) > 5
        and head.endswith(tuple(words["role_endings"]))
        and head not in words["not_roles"]
    )


def _unit_magnitude(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    return "magnitude" if q.value.unit == "magnitude" else None


_DECIMAL = re.compile(r"\d[.,]\d")


def _magnitude_shaped(q: QuantityMention) -> bool:
    """A quake's magnitude is written 5.9 or "magnitude 6": below 10, with a decimal or its unit."""
    value = q.value
    if value.ordinal or not 0 < value.amount < 10:
        return False
    return value.unit == "magnitude" or (value.unit is None and _DECIMAL.search(q.text) is not None)


# Slots that only numbers of a shape can fill: the first rule naming such a slot for a number of
# another shape is passed over ("one earthquake" counts quakes; "a 5.9 earthquake" is a magnitude).
SHAPES = {"magnitude": _magnitude_shaped}

# The unit a slot implies for a number written without one ("Gomez, 24," is 24 years of age; "a 5.9
# quake" 5.9 on the magnitude scale), so it compares with the same figure written with its unit.
SLOT_UNITS = {"age": "year_of_age", "magnitude": "magnitude"}

# A count of times is a frequency ("shot seven times", "arrested three times", "three times the
# size"): it fills no slot, so it never meets a count of people shot or arrested.
_FREQUENCY = re.compile(r"\btimes?$", re.IGNORECASE)

# "five rounds sooner than", "eight fewer than Ford's total", "three higher than reported": a figure
# and a comparative before "than" is a difference between two figures, never a count of its own
# (`[slot_words] comparatives`).
_THAN = re.compile(r"\s+([a-z]+)\s+than\b")


def _difference(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    comparatives = terms.slot_words["comparatives"]
    after = _THAN.match(text, q.span.end, hi)
    if after is not None and after.group(1) in comparatives:
        return "difference"
    last = q.text.rsplit(None, 1)[-1].lower()  # "three higher": the comparative read as its noun
    if q.noun and last in comparatives and re.match(r"\s+than\b", text[q.span.end : hi]):
        return "difference"
    return None


# The rules, in the order they are tried: the first that names a slot decides.
MEASURE_RULES = (
    ("difference", _difference),
    ("age", _age),
    ("unit", _unit_magnitude),
    ("toll", _toll),
    ("counted_noun", _counted_noun),
    ("word_after", _word_after),
    ("word_before", _word_before),
    ("coordinated", _coordinated),
    ("headcount", _headcount),
)


def measure_of(text: str, q: QuantityMention, lo: int, hi: int, terms: Terms) -> str | None:
    """The slot a quantity measures, or None when no rule names one.

    ``lo``/``hi`` bound the search (the quantity's sentence).
    """
    if _FREQUENCY.search(q.text):
        return None  # "shot seven times", "arrested three times": how often, not how many people
    if q.noun and any(word in terms.slot_words["history"] for word in q.noun.lower().split()):
        return None  # "four prior arrests", "two previous convictions": a record, not this event's count
    for _name, rule in MEASURE_RULES:
        found = rule(text, q, lo, hi, terms)
        if found is not None and (found not in SHAPES or SHAPES[found](q)) and _in_its_units(found, q, terms):
            return found
    return None


def _in_its_units(slot: str, q: QuantityMention, terms: Terms) -> bool:
    """A slot of measured figures (`Terms.measure_units`: depth, prison terms, turnouts) is filled only
    by a figure in one of its units or their dimensions; every other slot by any figure."""
    units = terms.measure_units.get(slot)
    if units is None:
        return True
    unit = q.value.unit
    return unit is not None and (unit in units or dimension(unit) in units)
