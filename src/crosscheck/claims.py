"""Turn a document into atomic claims: one per quantity, ordinal and date, each with what it is about.

A sentence can hold many claims ("more than 2,000 troops along with more than 300 military vehicles,
21 combat aircraft and three warships" is four); they share the sentence's context words, event time
and place, and each gets its own counted thing and actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import attrs

from .attribution import Attribution, find_attributions, source_at, speech_time
from .config import Config
from .date_patterns import MONTHS, WEEKDAYS
from .dates import find_dates
from .events import EventMention, find_events
from .model import About, Claim, DateMention, DateValue, Document, QuantityMention, Sentence, Span
from .numbers import NUMBER_WORDS
from .polarity import claim_window, stance
from .quantities import find_quantities
from .segment import split_sentences
from .slots import measure_of
from .terms import Terms, default_terms

__all__ = ["extract", "extract_sentence"]

# Where a clause starts: punctuation, dashes, brackets and the conjunctions that open a new clause.
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:while|whereas|but|which|who)\b", re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:[a-z]+ed|sent|flew|took|held|made|began|led|saw|gave|built|won|lost|struck|hit|met|"
    r"fell|rose|grew|sold|bought|paid|left|brought|fought|shot|spent|set|put|cut|said|told|"
    r"involved|dispatched|include[sd]?)\b"
)
_DIGITS = re.compile(r"\d[\d,.]*")
# Lines that carry a page's metadata (datelines, update stamps, copyright), not claims of the story.
_METADATA = re.compile(
    r"^\W*(?:posted|updated|last updated|published|first published|modified|copyright|©|by\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,)",
    re.IGNORECASE,
)
# A number glued to others by "/" or spaces is a fraction, a date or a phone number, not a count.
_NUMBER_NOISE_BEFORE = re.compile(r"(?:\d\s*/\s*|\d\s)$")
_METADATA_ANYWHERE = re.compile(
    r"\b(?:last updated|updated at|posted at|updated:|published at)\b", re.IGNORECASE
)
# A proper name before the claim in its clause ("Jamaal Charles rushed for 226 yards"): its last word.
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ \-][A-Z][a-z]+)*\b")
_NOT_NAMES = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Or",
        "As",
        "Of",
        "For",
        "From",
        "By",
        "With",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "When",
        "While",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "His",
        "Her",
        "Their",
        "Our",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    ]
)
_NUMBER_NOISE_AFTER = re.compile(r"^(?:\s*/\s*\d|\s\d)")
# "roughly $22 million per season": a rate, not a total.
_RATE = re.compile(r"\s+(?:per|a|an|each)\s+([a-z]+)\b")
_RATE_UNITS = frozenset(
    [
        "year",
        "season",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "game",
        "match",
        "person",
        "head",
        "capita",
        "share",
        "barrel",
        "unit",
    ]
)


def extract(
    doc: Document, *, config: Config | None = None, terms: Terms | None = None, events: bool = False
) -> tuple[Claim, ...]:
    """Every claim of ``doc``, in text order; ``events=True`` adds event claims ("Russian bombers landed in China")."""
    config = config or Config()
    terms = terms or default_terms()
    out: list[Claim] = []
    sentences = split_sentences(doc.id, doc.text)
    attributions = find_attributions(doc.text, sentences, terms)
    events = events or config.events
    for sentence in sentences:
        out.extend(
            extract_sentence(
                doc, sentence, config=config, terms=terms, attributions=attributions, events=events
            )
        )
    return tuple(out)


def extract_sentence(
    doc: Document,
    sentence: Sentence,
    *,
    config: Config,
    terms: Terms,
    attributions: Sequence[Attribution] = (),
    events: bool = False,
) -> list[Claim]:
    """The claims of one sentence of ``doc``, each with who asserts it (from ``attributions``), polarity and hedge."""
    s, e = sentence.span.start, sentence.span.end
    if (
        _METADATA.match(sentence.text)
        or _METADATA_ANYWHERE.search(sentence.text)
        or _mostly_dates(sentence, doc.text, s, e)
    ):
        return []
    dates = tuple(d for d in find_dates(doc.id, doc.text, doc.published, s, e) if not _vague_now(d))
    quantities = [
        _rate(doc.text, q, e)
        for q in find_quantities(doc.id, doc.text, s, e, tolerance=config.approx_tolerance)
        if not any(q.span.overlaps(d.span) for d in dates) and not _number_noise(doc.text, q, s, e)
    ]
    places = terms.places_in(doc.text, s, e)
    place = places[0][1] if places else None
    actors = terms.actors_in(doc.text, s, e)
    claims: list[Claim] = []
    for q in quantities:
        when = _event_time(q.span, dates)
        measure = measure_of(doc.text, q, s, e, terms)
        if measure == "age" and q.value.unit is None:
            q = attrs.evolve(q, value=attrs.evolve(q.value, unit="year_of_age"))
        about = About(
            thing=terms.thing(q.noun, q.head) or q.value.unit,
            phrase=q.noun,
            measure=measure,
            actor=_age_holder(doc.text, q, s, e)
            if measure == "age"
            else _actor(doc.text, q, actors, terms, s),
            action=_canonical_action(terms, _action(doc.text, s, q.span.start)),
            place=place,
            when=when,
            context=_context(doc.text, q.span, sentence, dates, quantities, terms, config.context_window),
            near=_context(doc.text, q.span, sentence, dates, quantities, terms, config.near_window),
            unresolved_subject=_pronoun_subject(doc.text, s, q.span.start),
        )
        kind = "ordinal" if q.value.ordinal else "quantity"
        claims.append(_claim(doc, q.span, q.text, kind, sentence, q.value, about))
    for d in dates:
        about = About(
            thing=None,
            phrase=None,
            actor=_clause_actor(doc.text, d.span.start, actors, s) or _name_before(doc.text, s, d.span.start),
            action=_canonical_action(
                terms, _action(doc.text, s, d.span.start) or _action_after(doc.text, d.span.end, e)
            ),
            place=place,
            when=d.value if d.value.relation == "on" else None,
            context=_context(doc.text, d.span, sentence, dates, quantities, terms, config.context_window),
            near=_context(doc.text, d.span, sentence, dates, quantities, terms, config.near_window),
        )
        claims.append(_claim(doc, d.span, d.text, "date", sentence, d.value, about))
    mentions = find_events(doc.text, s, e, terms)
    if events:
        taken = {(c.span.start, c.span.end) for c in claims}
        for m in mentions:
            if (m.start, m.end) not in taken:
                span = Span(doc.id, m.start, m.end)
                about = About(
                    actor=next((a for at, a in actors if m.subject_start <= at < m.verb_start), None),
                    action=m.event.action,
                    place=m.event.place,
                    when=_event_time(span, dates),
                    context=_context(
                        doc.text, span, sentence, dates, quantities, terms, config.context_window
                    ),
                )
                claims.append(_claim(doc, span, doc.text[m.start : m.end], "event", sentence, m.event, about))
    claims = [_annotate(doc.text, c, s, mentions, attributions) for c in claims]
    claims.sort(key=lambda c: (c.span.start, c.span.end))
    return claims


def _annotate(
    text: str,
    claim: Claim,
    sentence_start: int,
    mentions: list[EventMention],
    attributions: Sequence[Attribution],
) -> Claim:
    """The claim with its source, polarity and hedge: an event's own, else those of the event holding it, else its clause's."""
    holder = next((m for m in mentions if m.start <= claim.span.start and claim.span.end <= m.end), None)
    if holder is not None:
        polarity, hedge = holder.event.polarity, holder.event.hedge
    else:
        said = stance(text, *claim_window(text, sentence_start, claim.span.start, claim.span.end))
        polarity, hedge = said.polarity, said.hedge
    spoken = claim.kind == "date" and speech_time(
        text, attributions, sentence_start, claim.span.start, claim.span.end
    )
    return attrs.evolve(
        claim,
        attribution=None if spoken else source_at(attributions, sentence_start, claim.span.start),
        polarity=polarity,
        hedge=hedge,
    )


def _mostly_dates(sentence: Sentence, text: str, start: int, end: int) -> bool:
    """A line that is little more than a date or timestamp ("April 24, 2013 4:45pm")."""
    words = re.findall(r"[A-Za-z]{3,}", sentence.text)
    if len(words) > 3 or not re.search(r"\d", sentence.text):
        return False
    # "At least 12 people died." is a claim; "April 24, 2013 4:45pm" and "09/14/2013" are stamps.
    return bool(_STAMP.search(sentence.text)) or any(w.lower()[:3] in _MONTH_PREFIXES for w in words)


_STAMP = re.compile(r"\d{1,2}\s*:\s*\d\d|\d{1,4}\s*/\s*\d{1,2}\s*/\s*\d{2,4}|\b(?:19|20)\d\d\b")
_MONTH_PREFIXES = frozenset(m[:3] for m in MONTHS) | frozenset(w[:3] for w in WEEKDAYS)


def _vague_now(mention: DateMention) -> bool:
    """ "today", "now", "currently": the time of speaking, not a checkable date of an event."""
    return mention.text.lower().strip() in {"today", "now", "currently", "tonight", "this morning"}


def _number_noise(text: str, q: QuantityMention, start: int, end: int) -> bool:
    if q.value.ordinal:
        return False
    before = text[max(start, q.span.start - 6) : q.span.start]
    after = text[q.span.end : min(end, q.span.end + 6)]
    if "\ufffd" in before[-1:] + after[:1]:
        return True  # a number next to an undecodable character ("4\ufffd months") cannot be read
    if q.text.startswith(("911 ", "999 ", "112 ")) and (q.head or "") in _EMERGENCY:
        return True  # "a 911 dispatcher", "999 calls": an emergency number, not a count
    if q.value.bound != "exact" and _STACKED.search(text, max(start, q.span.start - 12), q.span.start):
        return True  # "over nearly $100 billion": two qualifiers at once cannot be read as one bound
    return bool(_NUMBER_NOISE_BEFORE.search(before) or _NUMBER_NOISE_AFTER.match(after))


_EMERGENCY = frozenset(
    {
        "dispatcher",
        "dispatchers",
        "call",
        "calls",
        "caller",
        "callers",
        "operator",
        "operators",
        "center",
        "centre",
        "line",
        "system",
        "emergency",
        "service",
    }
)
_STACKED = re.compile(
    r"\b(?:over|about|nearly|almost|around|roughly|than|some|under|up to)\s+$", re.IGNORECASE
)


def _rate(text: str, q: QuantityMention, end: int) -> QuantityMention:
    """Mark "$22 million per season" as a rate (unit "USD/season") so it is never compared with a total."""
    match = _RATE.match(text, q.span.end, end)
    if match is None or match.group(1) not in _RATE_UNITS:
        return q
    unit = f"{q.value.unit or q.head or 'count'}/{match.group(1)}"
    return attrs.evolve(q, value=attrs.evolve(q.value, unit=unit))


def _claim(
    doc: Document,
    span: Span,
    text: str,
    kind: str,
    sentence: Sentence,
    value: object,
    about: About,
) -> Claim:
    assert doc.text[span.start : span.end] == text, "span invariant broken at extraction"
    return Claim(
        id=f"{doc.id}:{span.start}-{span.end}",
        document=doc.id,
        kind=kind,  # type: ignore[arg-type]
        span=span,
        text=text,
        sentence=sentence.span,
        value=value,  # type: ignore[arg-type]
        about=about,
    )


def _context(
    text: str,
    span: Span,
    sentence: Sentence,
    dates: tuple[DateMention, ...],
    quantities: list[QuantityMention],
    terms: Terms,
    window: int,
) -> str:
    """Content words within ``window`` characters of the claim in its sentence.

    Date phrases are dropped and quantities reduced to their counted nouns, so two claims are
    compared on what they are about, never on their values.
    """
    lo = max(sentence.span.start, span.start - window)
    hi = min(sentence.span.end, span.end + window)
    while lo > sentence.span.start and not text[lo - 1].isspace():
        lo -= 1  # never cut a word at the window's edge
    while hi < sentence.span.end and not text[hi].isspace():
        hi += 1
    pieces: list[str] = []
    cursor = lo
    marks = sorted(
        [(d.span.start, d.span.end, "") for d in dates]
        + [(q.span.start, q.span.end, q.noun or "") for q in quantities]
    )
    for start, end, keep in marks:
        if end <= cursor or start >= hi:
            continue
        pieces.append(text[cursor : max(cursor, start)])
        pieces.append(f" {keep} ")
        cursor = min(end, hi) if end > cursor else cursor
    pieces.append(text[cursor:hi] if cursor < hi else "")
    return " ".join(terms.content_words(_DIGITS.sub(" ", "".join(pieces))))


def _event_time(span: Span, dates: tuple[DateMention, ...]) -> DateValue | None:
    """The resolved point-in-time date of the sentence nearest to ``span`` (None when there is none)."""
    best: tuple[int, DateValue] | None = None
    for d in dates:
        if d.value.relation != "on" or not d.value.resolved:
            continue
        distance = d.span.start - span.end if d.span.start >= span.end else span.start - d.span.end
        if best is None or distance < best[0]:
            best = (distance, d.value)
    return None if best is None else best[1]


def _clause_start(text: str, sentence_start: int, position: int) -> int:
    start = sentence_start
    for match in _CLAUSE.finditer(text, sentence_start, position):
        start = match.end()
    return start


def _clause_actor(text: str, position: int, actors: list[tuple[int, str]], sentence_start: int) -> str | None:
    """The first actor of the clause before ``position``, else the last actor before it in the sentence."""
    clause = _clause_start(text, sentence_start, position)
    before = [a for at, a in actors if at < position]
    in_clause = [a for at, a in actors if clause <= at < position]
    if in_clause:
        return in_clause[0]
    if before:
        return before[-1]
    return None


def _actor(
    text: str, q: QuantityMention, actors: list[tuple[int, str]], terms: Terms, sentence_start: int
) -> str | None:
    """Who the quantity belongs to: a demonym inside its own phrase ("two Chinese bombers"), else its clause's actor."""
    own = terms.actors_in(text, q.span.start, q.span.end)
    if own:
        return own[0][1]
    return _clause_actor(text, q.span.start, actors, sentence_start) or _name_before(
        text, sentence_start, q.span.start
    )


# Whose age: "Andrew Lopez, 20," (the name before) or "27-year-old Christopher Kenyon Simpson" (after).
_HOLDER_BEFORE = re.compile(r"([A-Z][\w'’-]+)(?:,\s*|\s*\()$")
_HOLDER_INSIDE = re.compile(r"old\s+((?:[A-Z][\w'’-]+\s*)+)$")
_HOLDER_AFTER = re.compile(
    r"\s+(?:(?:[a-z]+|[A-Z][a-z]*\.)\s+){0,2}?((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
)


def _age_holder(text: str, q: QuantityMention, start: int, end: int) -> str | None:
    """The surname an age belongs to, when a name stands next to it; None for "a 10-year-old girl"."""
    before = _HOLDER_BEFORE.search(text, max(start, q.span.start - 40), q.span.start)
    if before is not None and before.group(1).lower() not in NUMBER_WORDS:
        return before.group(1)
    inside = _HOLDER_INSIDE.search(q.text)
    if inside is not None:
        return inside.group(1).split()[-1]
    after = _HOLDER_AFTER.match(text, q.span.end, end)
    if after is not None:
        return after.group(1).split()[-1]
    return None


_PRONOUN = re.compile(r"\b(?:he|she|they|him|his|her|hers|their|them)\b", re.IGNORECASE)


def _pronoun_subject(text: str, sentence_start: int, position: int) -> bool:
    """True when the claim's clause names its subject only by a pronoun ("He finished with 269 yards")."""
    clause = _clause_start(text, sentence_start, position)
    prefix = text[sentence_start:position]
    return bool(_PRONOUN.search(text, clause, position)) or bool(_PRONOUN.match(prefix))


def _canonical_action(terms: Terms, action: str | None) -> str | None:
    """The action word with its synonyms folded ("sent", "deployed" -> "dispatched")."""
    return None if action is None else terms.words.get(action, action)


def _name_before(text: str, sentence_start: int, position: int) -> str | None:
    """The first proper name of the sentence before the claim, by its last word: usually its subject.

    "The Orioles, according to reports, have offered Teixeira a seven-year deal" gives "Orioles"; a
    lone capitalised word opening the sentence counts unless it is a common opener ("Police",
    "Voters": a plural or a word of `_OPENERS`).
    """
    for match in _NAME.finditer(text, sentence_start, position):
        words = [w for w in re.split(r"[ \-]", match.group(0)) if w not in _NOT_NAMES]
        if not words:
            continue
        if match.start() == sentence_start and len(words) == 1:
            word = words[0]
            if word in _OPENERS or word.endswith("s"):
                continue
        words = [w for w in words if w.lower() not in NUMBER_WORDS and w.lower()[:3] not in _MONTH_PREFIXES]
        if not words:
            continue
        return words[-1]
    return None


_OPENERS = frozenset(
    [
        "Police",
        "Officials",
        "Authorities",
        "Witnesses",
        "Residents",
        "Voters",
        "Experts",
        "Analysts",
        "Sources",
        "Reports",
        "Critics",
        "Investigators",
        "Troops",
        "Rescuers",
        "Doctors",
        "Officers",
        "Prosecutors",
        "Scientists",
        "Researchers",
        "Media",
        "State",
        "Local",
        "Federal",
        "Several",
        "Many",
        "Some",
        "Most",
        "Both",
        "Each",
        "Every",
        "Other",
        "Another",
        "Early",
        "Late",
        "Last",
        "Next",
        "Magnitude",
        "Meanwhile",
        "Separately",
        "Additionally",
        "However",
        "Still",
        "Yet",
        "Also",
        "Now",
        "Then",
        "Today",
        "Later",
    ]
)


@lru_cache(maxsize=4)
def _lower(text: str) -> str:
    """The document's text lower-cased, once per document rather than once per claim."""
    return text.lower()


def _action(text: str, sentence_start: int, position: int) -> str | None:
    """The last verb-like word before ``position`` in its clause (a heuristic: past tenses and a short list)."""
    clause = _clause_start(text, sentence_start, position)
    found = None
    for match in _VERB.finditer(_lower(text), clause, position):
        found = match.group(0)
    return found


def _action_after(text: str, position: int, sentence_end: int) -> str | None:
    match = _VERB.search(_lower(text), position, min(sentence_end, position + 60))
    return match.group(0) if match else None
