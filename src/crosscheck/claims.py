"""Turn a document into atomic claims: one per quantity, ordinal and date, each with what it is about.

A sentence can hold many claims ("more than 2,000 troops along with more than 300 military vehicles,
21 combat aircraft and three warships" is four); they share the sentence's context words, event time
and place, and each gets its own counted thing and actor.

The document is read once (`reading.Reading`) and handed to the finders: `dates`, `quantities`,
`events`, `attribution`; what is *not* a claim is decided by the named rules of `noise` (`LINE_NOISE`,
`MENTION_NOISE`), and what a claim is about (actor, action, place) by `context`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from .attribution import Attribution, find_attributions, source_at, speech_time
from .config import Config
from .context import (
    NAME_FILTERS,
    action_after,
    action_before,
    age_holder,
    canonical_action,
    clause_actor,
    is_part,
    local_place,
    name_before,
    pronoun_subject,
    quantity_actor,
)
from .dates import Dateline, find_dateline, find_dates
from .events import EventMention, find_events, verbs_of
from .lexicon import Lexicon
from .model import About, Claim, DateMention, DateValue, Document, Polarity, QuantityMention, Sentence, Span
from .noise import LINE_NOISE, MENTION_NOISE, line_noise, mention_noise
from .polarity import Cues, claim_window, cues_of, in_aside, stance
from .quantities import find_quantities
from .quantity_bounds import told_by_its_clause
from .reading import Reading, read
from .scopes import scope_of
from .slots import SLOT_UNITS, measure_of
from .terms import Terms, default_terms

__all__ = [
    "LINE_NOISE",
    "MENTION_NOISE",
    "NAME_FILTERS",
    "extract",
    "extract_sentence",
    "line_noise",
    "mention_noise",
]

_DIGITS = re.compile(r"\d[\d,.]*")
# "roughly $22 million per season": a rate, not a total.
_RATE = re.compile(r"\s+(?:per|a|an|each)\s+([a-z]+)\b")


def extract(
    doc: Document,
    *,
    config: Config | None = None,
    terms: Terms | None = None,
    events: bool = False,
    reading: Reading | None = None,
) -> tuple[Claim, ...]:
    """Every claim of ``doc``, in text order; ``events=True`` adds event claims ("Russian bombers landed in China").

    ``reading``: ``doc`` already read (`reading.read`), else it is read here, once. A document whose
    reading was made ``like`` an earlier copy of its text, with the same publication date, config and
    terms, gets that copy's claims under its own id (extraction reads only the text, the id and the
    publication date of a document)."""
    config = config or Config()
    terms = terms or default_terms()
    reading = reading or read(doc)
    events = events or config.events
    memo = reading.memo("claims.extract")
    hit = memo.get((doc.published, events))
    if hit is not None and hit[0] is config and hit[1] is terms:
        return tuple(_moved(claim, doc.id) for claim in hit[2])
    claims = _extract(doc, reading, config, terms, events)
    memo[(doc.published, events)] = (config, terms, claims)
    return claims


def _moved(claim: Claim, doc_id: str) -> Claim:
    """``claim`` of another document with the same text, as a claim of ``doc_id``."""
    if claim.document == doc_id:
        return claim
    span = Span(doc_id, claim.span.start, claim.span.end)
    return attrs.evolve(
        claim,
        id=_claim_id(doc_id, span),
        document=doc_id,
        span=span,
        sentence=Span(doc_id, claim.sentence.start, claim.sentence.end),
    )


def _extract(
    doc: Document, reading: Reading, config: Config, terms: Terms, events: bool
) -> tuple[Claim, ...]:
    out: list[Claim] = []
    sentences = reading.sentences
    attributions = _text_work(
        reading,
        "claims.attributions",
        None,
        terms,
        lambda: find_attributions(doc.text, sentences, terms, reading=reading),
    )
    dateline = find_dateline(doc.text)
    for number, sentence in enumerate(sentences):
        out.extend(
            extract_sentence(
                reading,
                sentence,
                config=config,
                terms=terms,
                attributions=attributions,
                events=events,
                lead=number < LEAD_SENTENCES,
                dateline=dateline,
            )
        )
    return tuple(out)


# The headline and the first sentences: where a story states its main facts (the toll, the date),
# rather than background ("the 2004 tsunami killed 230,000") or a part ("10 in one district").
LEAD_SENTENCES = 4


def extract_sentence(
    reading: Reading,
    sentence: Sentence,
    *,
    config: Config,
    terms: Terms,
    attributions: Sequence[Attribution] = (),
    events: bool = False,
    lead: bool = False,
    dateline: Dateline | None = None,
) -> list[Claim]:
    """The claims of one sentence of the document ``reading`` reads, each with who asserts it (from
    ``attributions``), polarity and hedge; ``lead``: the sentence is one of the document's first
    (`LEAD_SENTENCES`); ``dateline``: the document's (`dates.find_dateline`), whose words are no date,
    actor or place of any claim."""
    doc, lex = reading.doc, terms.lexicon
    cues = cues_of(lex)
    s, e = sentence.span.start, sentence.span.end
    if dateline is not None and s < dateline.end and dateline.start < e:
        s = max(s, dateline.end)  # the sentence's content starts after the dateline
    if s >= e or line_noise(reading, sentence) is not None:
        return []
    dates = tuple(
        d
        for d in find_dates(doc.id, doc.text, doc.published, s, e)
        if mention_noise(doc.text, s, e, d, lex) is None
    )
    quantities = [
        _rate(doc.text, q, e, lex)
        for q in find_quantities(doc.id, doc.text, s, e, tolerance=config.approx_tolerance)
        if not any(q.span.overlaps(d.span) for d in dates) and mention_noise(doc.text, s, e, q, lex) is None
    ]
    places = _text_work(reading, "claims.places", (s, e), terms, lambda: terms.places_in(doc.text, s, e))
    place = places[0][1] if places else None
    actors = _text_work(reading, "claims.actors", (s, e), terms, lambda: terms.actors_in(doc.text, s, e))
    mentions = _text_work(
        reading,
        "claims.events",
        (s, e),
        terms,
        lambda: find_events(doc.text, s, e, terms, verbs=verbs_of(lex), cues=cues, reading=reading),
    )

    def annotated(span: Span, text: str, kind: str, value: object, about: About, own: bool = False) -> Claim:
        """The claim, with its source, polarity and hedge (`_annotation`); ``own``: it is told apart
        from its clause's plans and hedges."""
        notes = _annotation(doc.text, span, kind, sentence.span.start, mentions, attributions, cues)
        if own:
            notes = (notes[0], notes[1], None)
        return _claim(doc, span, text, kind, sentence, value, about, notes)

    claims: list[Claim] = []
    for q in quantities:
        when = _event_time(q.span, dates)
        measure = measure_of(doc.text, q, s, e, terms)
        if measure in SLOT_UNITS and q.value.unit is None:
            q = attrs.evolve(q, value=attrs.evolve(q.value, unit=SLOT_UNITS[measure]))
        about = About(
            # a record counts its owner's wins: "klitschko record wins"; a count of things that is no
            # whole number is an average of them ("22.8 points" a game), never one game's "24 points"
            thing=f"{q.owner.lower()} {q.noun}"
            if q.owner
            else _averaged(q, terms.thing(q.noun, q.head) or q.value.unit),
            phrase=q.noun,
            measure=measure,
            actor=q.owner
            or (
                age_holder(doc.text, q, s, e)
                if measure == "age"
                else quantity_actor(reading, q, actors, terms, s)
            ),
            action=canonical_action(terms, action_before(reading, s, q.span.start)),
            place=place or local_place(reading, s, e, q.span.start, q.span.end),
            when=when,
            context=_context(doc.text, q.span, sentence, dates, quantities, terms, config.context_window),
            near=_context(doc.text, q.span, sentence, dates, quantities, terms, config.near_window),
            unresolved_subject=pronoun_subject(reading, s, q.span.start),
            lead=lead,
            part=is_part(doc.text, q, s, e),
            scope=scope_of(doc.text, q, s, e, terms),
        )
        kind = "ordinal" if q.value.ordinal else "quantity"
        # an age beside a name ("Matt Smith, 26, will make his debut": he is 26 now) and a count with
        # a clause of its own ("will always remember the ten actors who played him") are not what
        # the sentence plans or hedges
        own = measure == "age" or told_by_its_clause(doc.text, q.span.end, e)
        claims.append(annotated(q.span, q.text, kind, q.value, about, own))
    for d in dates:
        about = About(
            thing=None,
            phrase=None,
            actor=clause_actor(reading, d.span.start, actors, s)
            or name_before(doc.text, s, d.span.start, terms),
            action=canonical_action(
                terms, action_before(reading, s, d.span.start) or action_after(reading, d.span.end, e)
            ),
            place=place,
            when=d.value if d.value.relation == "on" else None,
            context=_context(doc.text, d.span, sentence, dates, quantities, terms, config.context_window),
            near=_context(doc.text, d.span, sentence, dates, quantities, terms, config.near_window),
            lead=lead,
        )
        claims.append(annotated(d.span, d.text, "date", d.value, about))
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
                claims.append(annotated(span, doc.text[m.start : m.end], "event", m.event, about))
    claims.sort(key=lambda c: (c.span.start, c.span.end))
    return claims


_T = TypeVar("_T")


def _text_work(reading: Reading, name: str, key: object, terms: Terms, work: Callable[[], _T]) -> _T:
    """``work()`` once per text, ``key`` and ``terms``: what only the text and the terms decide (its
    attributions; a sentence's events, actors and places) is kept in the reading's memo ``name``, so a
    word-for-word copy of the story (a `Reading` made ``like`` the first) does not work it out again."""
    memo = reading.memo(name)
    hit = memo.get(key)
    if hit is None or hit[0] is not terms:
        hit = memo[key] = (terms, work())
    found: _T = hit[1]
    return found


def _annotation(
    text: str,
    span: Span,
    kind: str,
    sentence_start: int,
    mentions: list[EventMention],
    attributions: Sequence[Attribution],
    cues: Cues,
) -> tuple[str | None, Polarity, str | None]:
    """A claim's source, polarity and hedge: an event's own, else those of the event holding it, else its clause's."""
    holder = next((m for m in mentions if m.start <= span.start and span.end <= m.end), None)
    if holder is not None and in_aside(text, holder.start, holder.end, span.start, span.end):
        holder = None  # "The plan, which was announced Monday, will send": Monday is not planned
    polarity: Polarity
    if holder is not None:
        polarity, hedge = holder.event.polarity, holder.event.hedge
    else:
        said = stance(text, *claim_window(text, sentence_start, span.start, span.end), cues)
        polarity, hedge = said.polarity, said.hedge
    spoken = kind == "date" and speech_time(text, attributions, sentence_start, span.start, span.end)
    return None if spoken else source_at(attributions, sentence_start, span.start), polarity, hedge


def _rate(text: str, q: QuantityMention, end: int, lex: Lexicon) -> QuantityMention:
    """Mark "$22 million per season" as a rate (unit "USD/season") so it is never compared with a total."""
    match = _RATE.match(text, q.span.end, end)
    if match is None or match.group(1) not in lex.words("claims.rate_units"):
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
    notes: tuple[str | None, Polarity, str | None],
) -> Claim:
    """The claim, built once with its ``notes``: its source, polarity and hedge (`_annotation`)."""
    assert doc.text[span.start : span.end] == text, "span invariant broken at extraction"
    return Claim(
        id=_claim_id(doc.id, span),
        document=doc.id,
        kind=kind,  # type: ignore[arg-type]
        span=span,
        text=text,
        sentence=sentence.span,
        value=value,  # type: ignore[arg-type]
        about=about,
        attribution=notes[0],
        polarity=notes[1],
        hedge=notes[2],
    )


def _claim_id(doc_id: str, span: Span) -> str:
    return f"{doc_id}:{span.start}-{span.end}"


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


def _averaged(q: QuantityMention, thing: str | None) -> str | None:
    """``thing``, or "average THING" when the count is no whole number and has no unit ("22.8 points",
    "7.2 rebounds" a game): an average, a fact apart from any one count of the same things."""
    value = q.value
    if (
        thing is None
        or value.unit is not None
        or value.ordinal
        or value.amount == value.amount.to_integral_value()
    ):
        return thing
    return f"average {thing}"
