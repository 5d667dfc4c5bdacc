"""The counted noun phrase after a number ("more than 2,000 troops", "two plainclothes police
officers") and the mention it makes: `noun_phrase` reads its words, `make_mention` keeps its span and
its head, the word `terms.Terms.thing` names the counted thing by."""

from __future__ import annotations

import re

from .model import Quantity, QuantityMention, Span
from .numbers import COUNT_NOUNS, NOUN_WORD, ORDINALS, SCALES, SMALL, STOPWORDS, TENS

__all__ = ["make_mention", "noun_phrase", "partitive_noun"]


def noun_phrase(text: str, pos: int, hi: int, *, ordinal: bool) -> tuple[int, list[str]]:
    """The end of the counted noun phrase right after ``pos`` and its words (without "such")."""
    found: list[tuple[str, int]] = []  # (word as written, its end offset)
    end, stopped = pos, False
    while len(found) < 4 and not stopped:
        m = NOUN_WORD.match(text, end, hi)
        if m is None and (caps := _CAPS_PLURAL.match(text, end, hi)) is not None:
            found.append((caps.group(1) + "s", caps.end()))  # "47 KO's", "three TD's": KOs, TDs
            break
        if m is None:
            quoted = _QUOTED_MODIFIER.match(text, end, hi)  # two "horrific" nights
            if quoted is None or quoted.group(1) in STOPWORDS:
                break
            found.append((quoted.group(1), quoted.end()))
            end = quoted.end()
            continue
        word = m.group(1).lstrip("#").lower()
        if ordinal and end == pos and word == "such":
            end = m.end()  # "the sixth such patrol": in the span, not in the noun
            continue
        if word in STOPWORDS or word in _NUMBER_WORDS:
            break
        head, dash, tail = word.partition("-")
        # "three young men-all Gazans", "4,051 yards-breaking Cam Newton's record": a dash, not a compound
        if dash and head and (tail in STOPWORDS or (_plural(head) and tail.endswith("ing"))):
            found.append((text[m.start(1) : m.start(1) + len(head)], m.start(1) + len(head)))
            break
        model = _MODEL_NUMBER.match(text, m.end(), hi) if _MODEL_NAME.fullmatch(m.group(1)) else None
        end = model.end() if model else m.end()  # "six AK 47 rifles": the model's number is in the noun
        found.append((text[m.start(1) : end], end))
        if _terminal(word):
            stopped = True
            # a plural before the head it modifies: "weapons units", "aircraft carriers", "two
            # plainclothes police officers" (a plural one or two words on, with no stopword between)
            found.extend(_later_plural(text, end, hi))
        elif len(found) < 3:
            # adjectives joined before the head: "1,300 federal and independent scientists"
            joined = _JOINED_MODIFIER.match(text, end, hi)
            if joined is not None:
                ahead = _later_plural(text, joined.end(), hi)
                if ahead:
                    found.extend([(joined.group(1), joined.end()), *ahead])
                    stopped = True
    while (
        found and not stopped and found[-1][0].lower().endswith(_NOT_NOUN_ENDINGS) and found[-1][0][0] != "#"
    ):
        found.pop()  # a verb or an adverb ("the first time landed"); hashtags are kept as nouns
    if not found:
        return pos, []
    return found[-1][1], [w for w, _ in found]


_NUMBER_WORDS = frozenset([*SMALL, *TENS, *SCALES, *ORDINALS, "dozen"])
# "and" or "or" and the modifier after it, between a modifier and its head ("federal and independent")
_JOINED_MODIFIER = re.compile(r"[ \t]+(and|or)(?=[ \t])")
# the plural of an abbreviation written with an apostrophe: "47 KO's", "three TD's", "two DVD's"
_CAPS_PLURAL = re.compile(r"[ \t]+([A-Z]{2,5})['’]s(?![\w'’])")
# a modifier in quotation marks inside the noun phrase: two "horrific" nights
_QUOTED_MODIFIER = re.compile(r"[ \t]+[\"“]([a-z]+(?:-[a-z]+)*)[\"”](?=[ \t])")


def partitive_noun(text: str, pos: int, hi: int) -> list[str]:
    """The words of the plural noun phrase at ``pos`` after a partitive "of the" ("two of the
    bombs", "10 of the Saints' 16 games", "three of the seven bullets"); none unless it ends in a
    plural ("one of the best")."""
    number = NOUN_WORD.match(text, pos, hi)
    if number is not None and number.group(1).lower() in _NUMBER_WORDS:
        pos = number.end()
    _end, words = noun_phrase(text, pos, hi, ordinal=False)
    return words if words and _plural(words[-1].lower()) else []


def _later_plural(text: str, pos: int, hi: int) -> list[tuple[str, int]]:
    """The words up to a plural noun one or two words after ``pos`` (none when a stopword, a number
    word or a verb or adverb ending in "ed", "ly" or "ing" comes first): the head a modifier stands before ("police
    officers" after "plainclothes")."""
    words: list[tuple[str, int]] = []
    end = pos
    for _ in range(2):
        m = NOUN_WORD.match(text, end, hi)
        if m is None:
            return []
        word = m.group(1).lower()
        if word in STOPWORDS or word.partition("-")[0] in _NUMBER_WORDS or word.startswith("#"):
            return []  # "a 10-day drill and three-day talks": another count
        end = m.end()
        words.append((m.group(1), end))
        if word.endswith((*_NOT_NOUN_ENDINGS, "ing")):
            return []  # a verb or an adverb: "14,000 people taking shelters"
        if _plural(word):
            return words
    return []


# A word of capitals and the number of a model after it, inside a counted noun ("six AK 47 rifles").
_MODEL_NAME = re.compile(r"[A-Z]{2,5}(?:-[A-Z]{1,5})*")
_MODEL_NUMBER = re.compile(r" \d+(?:\.\d+)?(?![\w.,])")
_NOT_NOUN_ENDINGS = ("ed", "ly")


def _plural(word: str) -> bool:
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _terminal(word: str) -> bool:
    return _plural(word) or word.rsplit("-", 1)[-1] in COUNT_NOUNS


def make_mention(
    doc_id: str, text: str, start: int, end: int, value: Quantity, words: list[str]
) -> QuantityMention:
    noun = " ".join(w.replace("#", "") for w in words).lower() or None
    head = noun.rsplit(" ", 1)[-1] if noun else None
    return QuantityMention(
        span=Span(doc_id, start, end), text=text[start:end], value=value, noun=noun, head=head
    )
