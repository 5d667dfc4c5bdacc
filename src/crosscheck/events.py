"""Event claims: who did what to whom, where, read from one sentence by rules, without a parser.

A verb group is an action from the verb lexicon (``data/verbs.toml``) in a finite form: a past or
present tense after its subject ("flew", "hold"), or a form after auxiliaries ("has dispatched",
"did not provide", "will be held"), or the action a control verb introduces ("plans to deploy",
"refused to criticize", "refrained from condemning"). The subject is the noun phrase right before
the group (time phrases and adverbs skipped); the object is the noun phrase right after it and the
place the first locative phrase ("in China", "over the Sea of Japan"). The claim's span runs from the
subject's first character to the end of its object or place. Polarity and hedge come from
`polarity.stance` over the words from the clause's start to the verb.
"""

from __future__ import annotations

from typing import NamedTuple

from .lexicon import default_lexicon
from .model import Event
from .polarity import Cues, clause_start, stance
from .reading import Reading
from .terms import Terms
from .tokens import DETERMINERS, PREPOSITIONS, Token, is_capitalized, strip_determiners, tokenize
from .verbs import Verbs, default_verbs, load_verbs, verbs_of

__all__ = ["EventMention", "Verbs", "default_verbs", "find_events", "load_verbs", "verbs_of"]

# The closed word classes of the event finder: data/verbs.toml (read there what each is).
_LEX = default_lexicon()
_AUX = _LEX.words("verbs.auxiliaries")
_BE = _LEX.words("verbs.be_forms")
_GLUED: dict[str, str] = _LEX.table("verbs.glued")
_ADVERBS = _LEX.words("verbs.inner_adverbs")
_CONTROL = _LEX.words("verbs.control_verbs")
_CONTROL_FROM = _LEX.words("verbs.control_from")
_CLAUSE_WORDS = _LEX.words("verbs.clause_words")
_PRONOUNS = _LEX.words("verbs.pronouns")
_WEEKDAYS = _LEX.words("dates.weekdays") | _LEX.words("verbs.day_words")
_MONTHS = _LEX.words("dates.months")
_LOCATIVE = _LEX.words("verbs.locatives")
_STOP_PUNCT = frozenset(',;:()—–“”"!?[]-')
_REPORTING = _LEX.words("verbs.reporting")
# What may stand right before a subject: the sentence start, punctuation or a clause opener.
_OPENERS = _CLAUSE_WORDS | _REPORTING | _LEX.words("verbs.subject_openers")
_NOUN_BEFORE = DETERMINERS | _LEX.words("verbs.noun_before")


class EventMention(NamedTuple):
    """An event found in a sentence: its claim span, the subject's and verb's offsets, and its value."""

    start: int
    end: int
    subject_start: int
    verb_start: int
    verb_end: int
    event: Event


def _verb_at(
    tokens: list[Token], i: int, verbs: Verbs, *, bound: bool = False
) -> tuple[str, str, int] | None:
    """(lemma, kind, index after the verb) when a lexicon form starts at ``tokens[i]``.

    ``bound``: the form follows an auxiliary or "to", so "land" is a verb even though "lands" may be a noun.
    """
    low = tokens[i].low
    for rest, lemma, kind in verbs.multi.get(low, []):
        following = tuple(t.low for t in tokens[i + 1 : i + 1 + len(rest)])
        if following == rest:
            return lemma, kind, i + 1 + len(rest)
    if low in verbs.single:
        lemma, kind = verbs.single[low]
        if kind in ("s", "base") and lemma in verbs.nouns and not bound:
            return None
        return lemma, kind, i + 1
    return None


def _aux(token: Token) -> str | None:
    low = token.low
    if low in _AUX:
        return low
    if low in _GLUED:
        return _GLUED[low]
    if low.endswith("n't") and low[:-3] in _AUX:
        return low[:-3]
    return None


def _skip_adverbs(tokens: list[Token], j: int) -> int:
    while j < len(tokens) and (
        tokens[j].low in _ADVERBS or (tokens[j].low.endswith("ly") and len(tokens[j].low) > 4)
    ):
        j += 1
    return j


def _after_control(tokens: list[Token], j: int, verbs: Verbs) -> tuple[str, str, int] | None:
    """The action after "plans to" / "refrained from": "to" [adverbs] [auxiliaries] verb, or "from" verb-ing."""
    if j < len(tokens) and tokens[j].low in ("to", "from"):
        k = _skip_adverbs(tokens, j + 1)
        while k < len(tokens) and _aux(tokens[k]) is not None:
            k = _skip_adverbs(tokens, k + 1)
        if k < len(tokens):
            return _verb_at(tokens, k, verbs, bound=True)
    return None


def _group(tokens: list[Token], i: int, verbs: Verbs) -> tuple[str, bool, int, int] | None:
    """(lemma, passive, verb start index, end index) of a finite verb group starting at ``tokens[i]``."""
    prev = tokens[i - 1].low if i else ""
    if _aux(tokens[i]) is not None and prev != "to":
        auxes = [_aux(tokens[i])]
        j = _skip_adverbs(tokens, i + 1)
        while j < len(tokens) and _aux(tokens[j]) is not None:
            auxes.append(_aux(tokens[j]))
            j = _skip_adverbs(tokens, j + 1)
        if j >= len(tokens):
            return None
        if tokens[j].low in _CONTROL or tokens[j].low in _CONTROL_FROM:
            found = _after_control(tokens, j + 1, verbs)
            return None if found is None else (found[0], False, j, found[2])
        found = _verb_at(tokens, j, verbs, bound=True)
        if found is None:
            return None
        lemma, kind, end = found
        passive = auxes[-1] in _BE and kind == "ed"
        return lemma, passive, j, end
    if prev == "to" or prev in _NOUN_BEFORE or tokens[i - 1].low.endswith("'s") if i else False:
        return None
    if tokens[i].low in _CONTROL or tokens[i].low in _CONTROL_FROM:
        found = _after_control(tokens, i + 1, verbs)
        return None if found is None else (found[0], False, i, found[2])
    found = _verb_at(tokens, i, verbs)
    if found is None or (is_capitalized(tokens[i]) and not tokens[i].text.isupper()):
        return None
    lemma, kind, end = found
    after = tokens[end].low if end < len(tokens) else ""
    if kind == "ing" or (kind == "ed" and after == "by"):
        return None  # a gerund or a participle ("sanctions imposed by"), not a finite verb
    if kind == "base" and not (
        i
        and (
            is_capitalized(tokens[i - 1])
            or tokens[i - 1].low in ("they", "we", "both")
            or tokens[i - 1].low.endswith("s")
        )
    ):
        return None
    return lemma, False, i, end


def _np_ok(tokens: list[Token], k: int, verbs: Verbs) -> bool:
    """Whether ``tokens[k]`` may be part of a noun phrase."""
    tok = tokens[k]
    low = tok.low
    if tok.text in _STOP_PUNCT or tok.text == "." or low in _CLAUSE_WORDS or _aux(tok) is not None:
        return False
    if low in PREPOSITIONS and low != "of":
        return False
    if low in _REPORTING or (
        _verb_at(tokens, k, verbs) is not None and verbs.single.get(low, ("", "ing"))[1] in ("ed", "s")
    ):
        return False
    # another finite verb ("ties have remained strong and China ...")
    return not (low.endswith("ed") and not is_capitalized(tok) and k and tokens[k - 1].low not in DETERMINERS)


def _opens(tokens: list[Token], first: int) -> bool:
    """Whether a subject may start at ``tokens[first]``: after the sentence start, punctuation or a clause opener."""
    if first == 0:
        return True
    before = tokens[first - 1]
    if before.text == ":" and first > 1 and tokens[first].text.isdigit() and tokens[first - 2].text.isdigit():
        return False  # "with 7:41 left": the minutes of a clock time, no subject
    return before.text in _STOP_PUNCT or before.text == "." or before.low in _OPENERS


def _subject(tokens: list[Token], g: int, verbs: Verbs) -> tuple[int, int] | None:
    """(first, last+1) token indices of the subject before the group at ``g``."""
    if g and tokens[g - 1].low == "and":
        return None  # "... and made a joint flight": the verb shares the previous subject
    k = g - 1
    while k >= 0:
        lows = [t.low for t in tokens[max(0, k - 3) : k + 1]]
        if lows == ["for", "the", "first", "time"]:
            k -= 4
        elif tokens[k].low in _WEEKDAYS:
            k -= 2 if k and tokens[k - 1].low == "on" else 1
        elif (day := _month_day(tokens, k)) is not None:
            k = day - (2 if day and tokens[day - 1].low == "on" else 1)  # "on Oct. 25 flew"
        elif tokens[k].low in _ADVERBS or (tokens[k].low.endswith("ly") and len(tokens[k].low) > 4):
            k -= 1
        else:
            break
    end = k + 1
    while k >= 0 and end - k <= 10 and _np_ok(tokens, k, verbs):
        k -= 1
    first = k + 1
    while first < end:
        if _opens(tokens, first):
            if tokens[first].low == "and":
                first += 1
                continue
            return first, end
        # not a clause start: keep what follows the phrase's last "and" ("in China and the Chinese bombers")
        ands = [n for n in range(first, end) if tokens[n].low == "and"]
        if not ands:
            return None
        first = ands[-1] + 1
    if end == first and k >= 0 and tokens[k].text == ",":
        # "China, which has declared ..., has refused": the sentence's opening phrase
        e = 0
        while e < len(tokens) and e < 8 and _np_ok(tokens, e, verbs):
            e += 1
        if e and e < len(tokens) and tokens[e].text == ",":
            return 0, e
    return None


def _month_day(tokens: list[Token], k: int) -> int | None:
    """Where a month-and-day date ending at ``tokens[k]`` starts ("Oct. 25", "October 25"), else None."""
    if not tokens[k].text.isdigit() or len(tokens[k].text) > 2 or k < 1:
        return None
    m = k - 2 if tokens[k - 1].text == "." and k >= 2 else k - 1
    return m if tokens[m].low in _MONTHS else None


def _np_forward(tokens: list[Token], j: int, limit: int, verbs: Verbs) -> int:
    """The index after the noun phrase starting at ``tokens[j]`` ("more than 2,000 troops", "the Sea of Japan and the East China Sea")."""
    k = j
    while k < limit and k - j < 10:
        low = tokens[k].low
        if low == "than" and k > j and tokens[k - 1].low in ("more", "less", "fewer"):
            k += 1
            continue
        if low == "to" or not _np_ok(tokens, k, verbs):
            break
        if low == "and" and not (
            k + 1 < limit and (tokens[k + 1].low in DETERMINERS or is_capitalized(tokens[k + 1]))
        ):
            break
        k += 1
    return k


def _name(text: str, tokens: list[Token], terms: Terms, *, place: bool = False) -> str | None:
    """A phrase's canonical name: a known place, an actor ("Beijing" is China), else its words without the article."""
    toks = strip_determiners(tokens)
    if not toks:
        return None
    phrase = text[toks[0].start : toks[-1].end]
    places = terms.places_in(text, toks[0].start, toks[-1].end)
    if places:
        return places[0][1]
    actor = terms.actors.get(phrase) or terms.actors.get(phrase.lower())
    if actor is not None and (not place or actor.lower() == phrase.lower()):
        return actor  # "Beijing sent" is China; "in Tokyo" stays a city
    return " ".join(phrase.split())


def _tail(
    tokens: list[Token], v_end: int, limit: int, verbs: Verbs, passive: bool
) -> tuple[list[Token], list[Token], list[Token]]:
    """(object, place, agent) after the verb group, within ``tokens[:limit]``."""
    obj_end = _np_forward(tokens, v_end, limit, verbs) if v_end < limit else v_end
    obj = tokens[v_end:obj_end]
    place: list[Token] = []
    agent: list[Token] = []
    k = obj_end
    while (
        k < limit
        and tokens[k].text not in _STOP_PUNCT
        and tokens[k].low not in _CLAUSE_WORDS
        and k - obj_end < 8
    ):
        low = tokens[k].low
        if passive and low == "by" and not agent:
            agent = tokens[k + 1 : _np_forward(tokens, k + 1, limit, verbs)]
            k += 1 + len(agent)
            continue
        if low == "to" and k + 1 < limit and _verb_at(tokens, k + 1, verbs, bound=True) is not None:
            break  # "to take part": a purpose, not a place
        if low in _LOCATIVE:
            place = tokens[k + 1 : _np_forward(tokens, k + 1, limit, verbs)]
            break
        k += 1
    return obj, place, agent


_STARTS: dict[int, tuple[object, frozenset[str]]] = {}


def _group_starts(verbs: Verbs) -> frozenset[str]:
    """Every word a verb group can start with (`_group` returns None at any other word)."""
    hit = _STARTS.get(id(verbs.single))
    if hit is None or hit[0] is not verbs.single:
        if len(_STARTS) > 16:
            _STARTS.clear()
        words = frozenset(verbs.single) | frozenset(verbs.multi) | _AUX | frozenset(_GLUED)
        hit = _STARTS[id(verbs.single)] = (verbs.single, words | _CONTROL | _CONTROL_FROM)
    return hit[1]


def find_events(
    text: str,
    start: int,
    end: int,
    terms: Terms,
    *,
    verbs: Verbs | None = None,
    cues: Cues | None = None,
    reading: Reading | None = None,
) -> list[EventMention]:
    """The events of the sentence ``text[start:end]``, in order (``reading``: the `Reading` of ``text``)."""
    verbs = verbs or default_verbs()
    tokens = tokenize(text, start, end) if reading is None else reading.tokens(start, end)
    # (subject first, subject end, group start, group end, lemma, passive, index of the group lending its subject)
    groups: list[tuple[int, int, int, int, str, bool, int | None]] = []
    starts = _group_starts(verbs)
    i = 0
    while i < len(tokens):
        low = tokens[i].low
        if low not in starts and not low.endswith("n't"):
            i += 1  # no verb group starts at a word that is no auxiliary, control word or verb form
            continue
        found = _group(tokens, i, verbs)
        if found is None:
            i += 1
            continue
        lemma, passive, _verb_index, after = found
        subject = _subject(tokens, i, verbs)
        inherit = None
        if subject is None and i and tokens[i - 1].low == "and" and groups:
            inherit = len(groups) - 1 if groups[-1][6] is None else groups[-1][6]
        if subject is not None or inherit is not None:
            s0, s1 = subject if subject is not None else (i, i)
            groups.append((s0, s1, i, after, lemma, passive, inherit))
        i = after
    out: list[EventMention] = []
    for n, (s0, s1, g, v_end, lemma, passive, inherit) in enumerate(groups):
        limit = min(groups[n + 1][0], groups[n + 1][2]) if n + 1 < len(groups) else len(tokens)
        subject_tokens = tokens[s0:s1] if inherit is None else tokens[groups[inherit][0] : groups[inherit][1]]
        if len(subject_tokens) == 1 and subject_tokens[0].low in _PRONOUNS:
            continue  # "it", "they": no antecedent resolution here, so no claim
        obj, place, agent = _tail(tokens, v_end, limit, verbs, passive)
        last = max([tokens[v_end - 1], *obj[-1:], *place[-1:], *agent[-1:]], key=lambda t: t.end)
        first = tokens[s0] if inherit is None else tokens[g]
        clause = clause_start(text, start, subject_tokens[0].start)
        said = stance(text, clause, tokens[v_end - 1].end, cues)
        doer = _name(text, subject_tokens, terms)
        patient = _name(text, obj, terms)
        if passive:  # "the joint patrols weren't directed against ...": the subject is what is acted on
            doer, patient = _name(text, agent, terms), doer
        event = Event(
            subject=doer,
            action=lemma,
            object=patient,
            place=_name(text, place, terms, place=True) if place else None,
            polarity=said.polarity,
            hedge=said.hedge,
            passive=passive,
        )
        out.append(
            EventMention(
                first.start, last.end, subject_tokens[0].start, tokens[g].start, tokens[v_end - 1].end, event
            )
        )
    return out
