"""What a claim is about, read around it in its sentence: who (actor, age holder), what action, where.

Heuristics without a parser, over the document's `reading.Reading`: the clause holding the claim
(`Reading.clause_start`), capitalised names before it (a name, not any capitalised word: the named
rules of `NAME_FILTERS`, each with its case rows in ``tests/test_actors.py``), the last verb-like word
of the clause, the place after a locative preposition.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .date_patterns import MONTH_PREFIXES, WEEKDAYS
from .model import QuantityMention
from .numbers import NUMBER_WORDS, PARTITIVE_AFTER
from .reading import Reading
from .terms import Terms

__all__ = [
    "NAME_FILTERS",
    "PART_BEFORE",
    "PART_NOUN",
    "action_after",
    "action_before",
    "age_holder",
    "canonical_action",
    "clause_actor",
    "is_part",
    "local_place",
    "name_before",
    "pronoun_subject",
    "quantity_actor",
]

_VERB = re.compile(
    r"\b(?:[a-z]+ed|sent|flew|took|held|made|began|led|saw|gave|built|won|lost|struck|hit|met|"
    r"fell|rose|grew|sold|bought|paid|left|brought|fought|shot|spent|set|put|cut|said|told|"
    r"involved|dispatched|include[sd]?)\b"
)

# A proper name before the claim in its clause ("Jamaal Charles rushed for 226 yards"): its last word.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*\b")


def clause_actor(
    reading: Reading, position: int, actors: list[tuple[int, str]], sentence_start: int
) -> str | None:
    """The first actor of the clause before ``position``, else the last actor before it in the sentence."""
    clause = reading.clause_start(sentence_start, position)
    before = [a for at, a in actors if at < position]
    in_clause = [a for at, a in actors if clause <= at < position]
    if in_clause:
        return in_clause[0]
    if before:
        return before[-1]
    return None


def quantity_actor(
    reading: Reading, q: QuantityMention, actors: list[tuple[int, str]], terms: Terms, sentence_start: int
) -> str | None:
    """Who the quantity belongs to: a demonym inside its own phrase ("two Chinese bombers"), else its clause's actor."""
    own = terms.actors_in(reading.text, q.span.start, q.span.end)
    if own:
        return own[0][1]
    return clause_actor(reading, q.span.start, actors, sentence_start) or name_before(
        reading.text, sentence_start, q.span.start, terms
    )


# A count given as part of a larger one: "five warships, including two corvettes", "12 dead, among
# them three children", "four were shot, two of them fatally".
PART_BEFORE = re.compile(
    r"\b(?:including|includes|included|among them|among whom|of whom|of them|of which)\s+"
    r"(?:(?:the|a|an|at\s+least|some|about)\s+)?$",
    re.IGNORECASE,
)

# A count of more of them is a part too: "three further explosions", "two more bodies" ("13 others
# were injured" is no part: it is often the whole injury count, the others being the dead).
PART_NOUN = re.compile(r"(?:further|more|additional)\b", re.IGNORECASE)

# Whose age: "Andrew Lopez, 20," (the name before) or "27-year-old Christopher Kenyon Simpson" (after).
_HOLDER_BEFORE = re.compile(r"([A-Z][\w'’-]+)(?:,\s*|\s*\()$")
_HOLDER_INSIDE = re.compile(r"old\s+((?:[A-Z][\w'’-]+\s*)+)$")
_HOLDER_AFTER = re.compile(
    r"\s+(?:(?:[a-z]+|[A-Z][a-z]*\.)\s+){0,2}?((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
)


_WEEKDAYS = frozenset(d.lower() for d in WEEKDAYS)


def age_holder(text: str, q: QuantityMention, start: int, end: int) -> str | None:
    """The surname an age belongs to, when a name stands next to it; None for "a 10-year-old girl"."""
    before = _HOLDER_BEFORE.search(text, max(start, q.span.start - 40), q.span.start)
    if (
        before is not None
        and before.group(1).lower() not in NUMBER_WORDS
        and before.group(1).lower()[:3] not in MONTH_PREFIXES
        and before.group(1).lower() not in _WEEKDAYS
    ):
        return before.group(1)  # "Lopez, 20,"; not "On Saturday, 32-year-old Robert Buckley"
    inside = _HOLDER_INSIDE.search(q.text)
    if inside is not None:
        return inside.group(1).split()[-1]
    after = _HOLDER_AFTER.match(text, q.span.end, end)
    if after is not None:
        return after.group(1).split()[-1]
    return None


# "in Bener Meriah district", "across Asia", "in Sumatra alone": where the counted thing is, when the
# place tables know no name there. Its scope tells a district's count from a province's.
_LOCATIVE = re.compile(r"\b(?:in|at|across|near|outside|throughout)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s?){1,3})")


def local_place(reading: Reading, start: int, end: int, claim_start: int, claim_end: int) -> str | None:
    """The first capitalised place after a locative preposition in the claim's clause."""
    lo = reading.clause_start(start, claim_start)
    hi = reading.clause_end(claim_end, end)
    for match in _LOCATIVE.finditer(reading.text, lo, hi):
        words = [w for w in match.group(1).split() if w.lower()[:3] not in MONTH_PREFIXES]
        words = [w for w in words if w.lower() not in NUMBER_WORDS]
        if words and not (match.start(1) < claim_end and claim_start < match.end(1)):
            return " ".join(words)
    return None


_PRONOUN = re.compile(r"\b(?:he|she|they|him|his|her|hers|their|them)\b", re.IGNORECASE)


def pronoun_subject(reading: Reading, sentence_start: int, position: int) -> bool:
    """True when the claim's clause names its subject only by a pronoun ("He finished with 269 yards")."""
    clause = reading.clause_start(sentence_start, position)
    prefix = reading.text[sentence_start:position]
    return bool(_PRONOUN.search(reading.text, clause, position)) or bool(_PRONOUN.match(prefix))


def canonical_action(terms: Terms, action: str | None) -> str | None:
    """The action word with its synonyms folded ("sent", "deployed" -> "dispatched")."""
    return None if action is None else terms.words.get(action, action)


def name_before(text: str, sentence_start: int, position: int, terms: Terms) -> str | None:
    """The first proper name of the sentence before the claim, by its last word: usually its subject.

    "The Orioles, according to reports, have offered Teixeira a seven-year deal" gives "Orioles". An
    actor is a name, not any capitalised word (`NAME_FILTERS`): titles are dropped ("Gov. Smith" is
    Smith, "Sheriff says" names no one); a label before a colon ("Image 3:", "Tragedy:") is furniture;
    a word with a number after it is a designation ("Route 9"); a lone word opening the sentence
    counts unless it is a common opener ("Police", "Voters": a plural or a word of ``[claims] openers``), a
    slot word ("Killed") or a modifier of a group noun ("Park officials").
    """
    not_names, openers = terms.lexicon.words("claims.not_names"), terms.lexicon.words("claims.openers")
    label = _LABEL.match(text, sentence_start, position)
    start = label.end() if label is not None else sentence_start
    for match in _NAME.finditer(text, start, position):
        words = [
            w for w in re.split(r"[ \-]", match.group(0)) if w not in not_names and w not in terms.titles
        ]
        if not words or any(rule(text, match, start, terms) for _name, rule in NAME_FILTERS):
            continue
        if match.start() == start and len(match.group(0).split()) == 1:
            word = words[0]
            if word in openers or word.endswith("s"):
                continue
        words = [w for w in words if w.lower() not in NUMBER_WORDS and w.lower()[:3] not in MONTH_PREFIXES]
        if not words:
            continue
        return words[-1]
    return None


# "Image 3:", "Tragedy:", "BREAKING NEWS:": a label of up to three capitalised words or numbers before
# a colon opens the line ("Smith told reporters:" is no label)
_LABEL = re.compile(r"\s*(?:[A-Z0-9#][\w'’#.-]*\s+){0,2}[A-Z0-9#][\w'’#.-]*\s*:\s+")
_DESIGNATION = re.compile(r"\s+(?:No\.\s*)?\d")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _designation(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Route 9", "Flight 370", "Image 3": a word numbered is a thing, not who acts."""
    return _DESIGNATION.match(text, match.end()) is not None


def _slot_word(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Killed: 12", "Injured in crash": a headline's slot verb, capitalised, is no name."""
    return terms.measures.get(match.group(0).lower()) is not None


def _function_word(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Up to 170,000 people", "Some 30 died": a capitalised function word opening the sentence."""
    return " " not in match.group(0) and match.group(0).lower() in terms.stopwords


def _group_modifier(text: str, match: re.Match[str], start: int, terms: Terms) -> bool:
    """ "Park officials said", "Fire crews": a sentence-opening word before a group noun modifies it."""
    if match.start() != start or " " in match.group(0):
        return False
    after = _NEXT_WORD.match(text, match.end())
    return after is not None and after.group(1) in terms.title_groups


# Capitalised words that are no actor, as named rules (each with its case rows in tests/test_actors.py).
NAME_FILTERS: tuple[tuple[str, Callable[[str, re.Match[str], int, Terms], bool]], ...] = (
    ("designation", _designation),
    ("slot_word", _slot_word),
    ("function_word", _function_word),
    ("group_modifier", _group_modifier),
)


def action_before(reading: Reading, sentence_start: int, position: int) -> str | None:
    """The last verb-like word before ``position`` in its clause (a heuristic: past tenses and a short list)."""
    clause = reading.clause_start(sentence_start, position)
    found = None
    for match in _VERB.finditer(reading.lower, clause, position):
        found = match.group(0)
    return found


def action_after(reading: Reading, position: int, sentence_end: int) -> str | None:
    match = _VERB.search(reading.lower, position, min(sentence_end, position + 60))
    return match.group(0) if match else None


def is_part(text: str, q: QuantityMention, start: int, end: int) -> bool:
    """A count of a part ("including two corvettes", "two more bodies", "two of the bombs", "28 of 41
    passes"), in its sentence ``text[start:end]``."""
    return (
        PART_BEFORE.search(text, max(start, q.span.start - 40), q.span.start) is not None
        or bool(q.noun and PART_NOUN.match(q.noun))
        or _partitive(text, q, end)
    )


def _partitive(text: str, q: QuantityMention, end: int) -> bool:
    """ "two of the bombs", "28 of 41 passes": a count of some of the things named after it."""
    return (
        bool(q.noun)
        and q.text == text[q.span.start : q.span.end]
        and PARTITIVE_AFTER.match(text, q.span.end, end) is not None
        and not q.text.lower().endswith(str(q.head).lower())
    )
