"""Judge a cluster of aligned claims: agreement, conflict or single-source, with a sentence saying why."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import cache

from .align.rules import GENERIC_THINGS, magnitude_apart, placed, same_scope
from .config import Config
from .lexicon import default_lexicon
from .model import Claim, ConflictType, DateValue, Document, Event, Group, Quantity, Reason, Verdict
from .values import claims_compatible, describe, why_incompatible

__all__ = ["fold_events", "folded_topic", "judge", "topic"]

_CONFLICT_TYPES = {
    "quantity": ConflictType.NUMERIC,
    "ordinal": ConflictType.COUNT,
    "date": ConflictType.DATE,
    "event": ConflictType.POLARITY,
}


def topic(claims: tuple[Claim, ...]) -> str:
    """A short description of what the claims are about: thing, actor, place and time, each said
    once ("Russian bombers landed in China", not "Russian bombers land in China · Russia · China")."""
    first = claims[0]
    about = first.about
    actor_said = False
    if first.kind == "date":
        if about.action and about.actor:
            head, actor_said = f"date when {about.actor} {about.action}", True  # "date when Russia flew"
        elif about.action:
            head = f"date when {about.action}"  # "date when dispatched"
        else:
            head = "date of the event"
    elif first.kind == "ordinal":
        head = f"which {about.phrase or about.thing or 'occurrence'}"  # "which joint patrol": the sixth
    elif isinstance(first.value, Event):
        head = _clause(first.value)  # "Russian bombers landed in China", not "… land in China"
    else:
        head = (
            about.measure
            or about.phrase
            or about.thing
            or (first.value.unit if isinstance(first.value, Quantity) else None)
            or "amount"
        )
    parts = [head]
    said = head.casefold()
    if about.actor and not actor_said and about.actor.casefold() not in said:
        parts.append(about.actor)
    if about.place and about.place.casefold() not in said:
        parts.append(about.place)
    if first.kind != "date" and about.when is not None:
        parts.append(describe(about.when))
    return " · ".join(parts)


def _quote(claim: Claim, docs: Mapping[str, Document]) -> str:
    return f'{docs[claim.document].label} says "{claim.text}"'


def judge(
    claims: tuple[Claim, ...],
    scores: tuple[tuple[str, str, float], ...],
    docs: Mapping[str, Document],
    origins: tuple[tuple[str, ...], ...] = (),
    reasons: tuple[Reason, ...] = (),
    config: Config | None = None,
    about: str | None = None,
) -> Group:
    """The verdict on one cluster (its ``id`` is set later, once all groups are ordered).

    ``about`` names what the claims are about in the topic and the explanation (default: `topic`).

    ``scores`` are same-fact scores (0..100) of the cluster's linked pairs: all of them, or those
    `align` keeps (a spanning forest of the links plus the strongest clash between two documents and
    the weakest pair: the same verdict). The strongest clash decides between ``conflict`` (at least
    ``Config.conflict_bar``) and ``possible_conflict``; an agreement's confidence is its weakest link.
    ``reasons`` are the deciding pair's features.
    """
    config = config or Config()
    documents = sorted({c.document for c in claims})
    about = about or topic(claims)
    if len(documents) == 1:
        claim = claims[0]
        also = f" ({len(claims)} times)" if len(claims) > 1 else ""
        return Group(
            id="",
            verdict=Verdict.SINGLE_SOURCE,
            claims=claims,
            explanation=(
                f"Only {docs[claim.document].label} {'gives a figure for' if claim.kind == 'quantity' else 'speaks of'} "
                f'{about}: "{claim.text}"{also}; no claim of another document was aligned with it.'
            ),
            topic=about,
        )
    by_id = {c.id: c for c in claims}
    clash = _strongest_clash(scores, by_id)
    if clash is None:
        clash_pair = _first_clash(claims)  # two claims of one document each linked to the other side
        if clash_pair is not None:
            clash = (*clash_pair, min(s for _a, _b, s in scores) if scores else 0.0)
    misattributed = _misattribution(claims, docs) if clash is None else None
    weakest = min((s for _a, _b, s in scores), default=0.0)
    if misattributed is not None:
        a, b = misattributed
        return Group(
            id="",
            verdict=Verdict.CONFLICT,
            claims=claims,
            explanation=(
                f"attribution conflict on {about}: {_quote(a, docs)}, citing {a.attribution}; "
                f"{_quote(b, docs)}, citing {b.attribution}; the same words cannot come first from both."
            ),
            topic=about,
            conflict_type=ConflictType.ATTRIBUTION,
            scores=scores,
            origins=origins,
            confidence=round(weakest / 100, 3),
            reasons=reasons,
        )
    if clash is None:
        shown = _one_per_document(claims)
        values = "; ".join(f"{_quote(c, docs)} ({describe(c.value)})" for c in shown)
        # "at least 12" and "15" can both hold, yet they are not one figure: say so
        alike = len({describe(c.value) for c in claims if isinstance(c.value, Quantity)}) <= 1
        head = (
            f"{len(documents)} documents agree on"
            if alike
            else f"{len(documents)} documents give compatible figures for"
        )
        tail = "the values are compatible" if alike else "the figures differ but can both hold"
        return Group(
            id="",
            verdict=Verdict.AGREEMENT,
            claims=claims,
            explanation=(
                f"{head} {about}: {values}; {tail}. {independence(documents, origins, docs, claims)}"
            ),
            topic=about,
            scores=scores,
            origins=origins,
            confidence=round(weakest / 100, 3),
            reasons=reasons,
        )
    a, b, score = clash
    kind = _conflict_type(a, b, docs, config)
    doubts = [name for name, holds in _CONFLICT_NEEDS if not holds(a, b, docs, config)]
    if score < config.conflict_bar and not isinstance(a.value, Event):
        doubts.insert(0, f"same-fact score {score:.0f}/100")
    sure = not doubts
    why = _why(a, b)
    if kind is ConflictType.UPDATED:
        early, late = sorted((a, b), key=lambda c: (docs[c.document].published or date.min, c.id))
        why += (
            f"; {docs[early.document].label} was published {_published(early, docs)} and "
            f"{docs[late.document].label} {_published(late, docs)}: the later figure may be an update"
        )
    if any(a.document in origin and b.document in origin for origin in origins):
        why += f"; {_one_origin_reason(a, b, docs)}"
    head = f"{kind} conflict" if sure else f"possible {kind} conflict"
    doubt = "" if sure else f" (sameness uncertain: {'; '.join(doubts)})"
    return Group(
        id="",
        verdict=Verdict.CONFLICT if sure else Verdict.POSSIBLE_CONFLICT,
        claims=claims,
        explanation=(
            f"{head} on {about}: {_quote(a, docs)} ({describe(a.value)}); "
            f"{_quote(b, docs)} ({describe(b.value)}); {why}{doubt}."
        ),
        topic=about,
        conflict_type=kind,
        scores=scores,
        origins=origins,
        confidence=round(score / 100, 3),
        reasons=reasons,
    )


def _identified(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """What clashes is named on both sides: two dates of one named action ("arraigned"), two
    counts of one measured slot ("deaths") or of one specific counted thing ("warships"). A bare
    "3" against "two", or "on Monday" against "in June" with no action, is a candidate only."""
    if a.kind == "date":
        return bool(a.about.action and a.about.action == b.about.action)
    if isinstance(a.value, Event):
        return True
    measure = a.about.measure
    if measure and measure == b.about.measure and config.family_map.get(measure) != measure:
        return True  # one slot (deaths); a headcount ("five women", "six others") names no fact
    thing = a.about.thing
    unit = a.value.unit if isinstance(a.value, Quantity) else None
    # a unit is no fact: "55 kilometres" and "320 kilometres" may be two distances
    return bool(thing and thing == b.about.thing and thing not in GENERIC_THINGS and thing != unit)


def _named_subjects(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """ "He had 53 catches": whose? A pronoun for a subject leaves sameness open."""
    return not (a.about.unresolved_subject or b.about.unresolved_subject)


def _one_scale(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """Not an order of magnitude apart, nor a part ("including two corvettes") against a whole."""
    return magnitude_apart(a, b) is None and a.about.part == b.about.part


def _one_scope(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """ "170,000 in the province" and "230,000 in 13 countries": two counts, not one told two ways."""
    x, y = a.about.scope, b.about.scope
    return not (x and y) or same_scope(x, y)


def _on_the_calendar(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """ "Friday" against "Saturday" on two undated pages: the weekdays differ, but either could be
    last week's or this week's; a candidate, not a finding."""
    if isinstance(a.value, DateValue) and isinstance(b.value, DateValue):
        return a.value.resolved or b.value.resolved
    return True


def _placed_alike(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """Documents given together are one story unless their dates say otherwise: a claim placed in
    time (a publication date, a date in its sentence) against one that is not may be two events."""
    return placed(a, docs[a.document].published) == placed(b, docs[b.document].published)


# What a clash needs, besides a same-fact score of at least `Config.conflict_bar`, to be a conflict
# rather than a possible conflict; the names of those it lacks are said in the explanation. Events
# align only as the very same event (the hard rules of `align.rules`), so they need only a subject.
_CONFLICT_NEEDS: tuple[tuple[str, Callable[[Claim, Claim, Mapping[str, Document], Config], bool]], ...] = (
    ("what is counted or dated is not named on both sides", _identified),
    ("a subject is only a pronoun", _named_subjects),
    ("a part, or an order of magnitude apart", _one_scale),
    ("counted over different places", _one_scope),
    ("one side is dated, the other not", _placed_alike),
    ("neither date can be placed on the calendar", _on_the_calendar),
)


def _published(claim: Claim, docs: Mapping[str, Document]) -> str:
    day = docs[claim.document].published
    return "on an unknown date" if day is None else f"on {day.isoformat()}"


def _conflict_type(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> ConflictType:
    if a.polarity != b.polarity:
        return ConflictType.POLARITY
    pa, pb = docs[a.document].published, docs[b.document].published
    growing = {a.about.measure, a.about.thing} & set(config.growing_things)
    if a.kind == "quantity" and growing and pa is not None and pb is not None and pa != pb:
        return ConflictType.UPDATED
    return _CONFLICT_TYPES[a.kind]


def _strongest_clash(
    scores: tuple[tuple[str, str, float], ...], by_id: Mapping[str, Claim]
) -> tuple[Claim, Claim, float] | None:
    best: tuple[Claim, Claim, float] | None = None
    for x, y, score in scores:
        a, b = by_id[x], by_id[y]
        clash = a.document != b.document and not claims_compatible(a, b)
        if clash and (best is None or score > best[2]):
            best = (a, b, score)
    return best


def independence(
    documents: list[str],
    origins: tuple[tuple[str, ...], ...],
    docs: Mapping[str, Document],
    claims: tuple[Claim, ...] = (),
) -> str:
    """ "2 documents, 1 origin: 002 carries the same copy as Associated Press." (how much backing is
    independent, and why: shared copy, or the same quoted source)."""
    n = len(origins) if origins else len(documents)
    head = f"{len(documents)} documents, {n} independent origin{'s' if n != 1 else ''}"
    shared = [o for o in origins if len(o) > 1]
    if not shared:
        return head + "."
    parts = []
    for origin in shared:
        first, *rest = origin
        names = ", ".join(docs[d].label for d in rest)
        source = _one_source(origin, claims)
        if source is not None:
            verb = "quotes" if len(rest) == 1 else "quote"
            parts.append(f"{names} {verb} the same source as {docs[first].label} ({source})")
        else:
            verb = "carries" if len(rest) == 1 else "carry"
            parts.append(f"{names} {verb} the same copy as {docs[first].label}")
    return f"{head}: {'; '.join(parts)}."


def _one_source(origin: tuple[str, ...], claims: tuple[Claim, ...]) -> str | None:
    """The source every claim of these documents is credited to, when they are worded differently
    (three outlets quoting one fire chief are one origin, not one copy)."""
    mine = [c for c in claims if c.document in origin]
    sources = {c.attribution for c in mine}
    if len(sources) != 1 or None in sources:
        return None
    sentences = {c.text.lower() for c in mine}
    return next(iter(sources)) if len(sentences) > 1 or len(mine) == len(origin) else None


def _one_origin_reason(a: Claim, b: Claim, docs: Mapping[str, Document]) -> str:
    """A clash inside one origin: the most actionable finding, said as such."""
    if a.attribution and a.attribution == b.attribution:
        return f"both quote {a.attribution}: one of them misquotes, or the source changed its figure"
    return "both carry the same copy: likely a copying or editing error"


def _misattribution(claims: tuple[Claim, ...], docs: Mapping[str, Document]) -> tuple[Claim, Claim] | None:
    """Two documents quoting the same words (the same neighbourhood, the same value, inside quotation
    marks in both) but crediting them to sources that share no name: "the Russian Defense Ministry
    said" vs "the Chinese Defense Ministry said". Two sources stating one fact is no conflict; one
    quotation with two different speakers is."""
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if (
                a.document != b.document
                and a.attribution
                and b.attribution
                and not _name_words(a.attribution) & _name_words(b.attribution)
                and a.about.near
                and a.about.near == b.about.near
                and _quoted(a, docs)
                and _quoted(b, docs)
                and _named_in_sentence(a, docs)
                and _named_in_sentence(b, docs)
            ):
                return a, b
    return None


_GENERIC = frozenset(
    {"the", "of", "a", "an", "ministry", "defense", "defence", "statement", "office", "said"}
)


def _name_words(source: str) -> set[str]:
    return {w for w in source.casefold().replace(".", " ").split() if w not in _GENERIC}


_QUOTES = '"“”«»'


def _named_in_sentence(claim: Claim, docs: Mapping[str, Document]) -> bool:
    """The speaker is named in the claim's own sentence, not resolved from a pronoun or an earlier one."""
    assert claim.attribution is not None
    sentence = docs[claim.document].text[claim.sentence.start : claim.sentence.end].casefold()
    return any(word in sentence for word in _name_words(claim.attribution))


def _quoted(claim: Claim, docs: Mapping[str, Document]) -> bool:
    """True when the claim stands inside quotation marks within its sentence."""
    before = docs[claim.document].text[claim.sentence.start : claim.span.start]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1


def _why(a: Claim, b: Claim) -> str:
    if a.polarity != b.polarity:
        yes, no = (a, b) if a.polarity == "affirmed" else (b, a)
        return f"{yes.document} asserts it and {no.document} denies it: both cannot hold"
    return why_incompatible(a.value, b.value)


def _first_clash(claims: tuple[Claim, ...]) -> tuple[Claim, Claim] | None:
    """The first two claims of different documents, in the group's order (the first ``a``, then its
    first ``b`` after it), whose values cannot both hold. `claims_compatible` reads a claim's value,
    polarity and text, so each two of those are compared once, and each claim looks only at the later
    claims of what it clashes with: a group of 10,000 copies that agree costs its few wordings, not its
    50 million pairs."""
    keys: dict[tuple[object, ...], int] = {}
    kind = [keys.setdefault((c.value, c.polarity, c.text), len(keys)) for c in claims]
    sample: dict[int, Claim] = {}
    at: dict[int, list[int]] = {}  # kind -> its claims' positions, ascending
    for n, (k, claim) in enumerate(zip(kind, claims, strict=True)):
        sample.setdefault(k, claim)
        at.setdefault(k, []).append(n)
    clashes: dict[int, list[int]] = {}  # kind of a -> the kinds of b that clash with it
    for i, a in enumerate(claims):
        k = kind[i]
        if k not in clashes:
            clashes[k] = [m for m in at if not claims_compatible(sample[k], sample[m])]
        first = len(claims)
        for m in clashes[k]:
            later = at[m]
            n = bisect_right(later, i)
            while n < len(later) and claims[later[n]].document == a.document:
                n += 1
            if n < len(later):
                first = min(first, later[n])
        if first < len(claims):
            return a, claims[first]
    return None


def _one_per_document(claims: tuple[Claim, ...]) -> list[Claim]:
    seen: set[str] = set()
    out = []
    for claim in claims:
        if claim.document not in seen:
            seen.add(claim.document)
            out.append(claim)
    return out


# One finding, one group: an event claim ("China sent more than 2,000 troops") and the figure or date
# inside it ("more than 2,000 troops") are one fact, so their groups are folded into one.

_SEVERITY = {
    Verdict.CONFLICT: 0,
    Verdict.POSSIBLE_CONFLICT: 1,
    Verdict.AGREEMENT: 2,
    Verdict.SINGLE_SOURCE: 3,
}
# How an event claim holds a figure: its span around it, next to it in its sentence, or elsewhere in it.
_INSIDE, _NEXT, _SENTENCE = 3, 2, 1


def fold_events(
    groups: Sequence[Group], docs: Mapping[str, Document], config: Config | None = None
) -> list[Group]:
    """``groups`` with each event group folded into the group of the figure, ordinal or date it
    carries: one finding, one group, named once (`folded_topic`).

    An event group carries a group of another kind when, in each of its documents, one of its claims
    holds one of the other's claims in its sentence (`_tie`: inside the event's span, next to it,
    or elsewhere in the sentence), and `_carries` says the ties are enough: of the same documents,
    inside the span in one of them at least (next to it, for one document); of some of the figure's
    documents only (events each outlet words its own way), inside or next to it in each. An event
    group carrying several picks the one it holds inside in most documents, then next to, then the
    one of fewest documents, then the first; a date group of its documents next to it in each, not
    picked, stays a fact of its own and is named by the event ("when China sent more than 2,000
    troops" for "In September, Beijing sent more than 2,000 troops"). The
    folded group lists the figure's claims first, then the events'; its verdict is the more severe
    of the two (a denied event against an agreed figure is a conflict), and its explanation is the
    severer group's, said of the folded topic. Groups of one document fold as well. Order kept.
    """
    config = config or Config()
    where: dict[tuple[str, int], list[tuple[int, Claim]]] = {}
    for n, group in enumerate(groups):
        if group.claims[0].kind != "event":
            for claim in group.claims:
                where.setdefault((claim.document, claim.sentence.start), []).append((n, claim))
    carried: dict[int, list[int]] = {}  # figure group -> the event groups folded into it
    folded: set[int] = set()
    dating: dict[int, int] = {}  # a date group next to an event folded elsewhere -> that event group
    for n, group in enumerate(groups):
        if group.claims[0].kind != "event":
            continue
        ties: dict[int, dict[str, int]] = {}  # candidate -> document -> best tie
        for event in group.claims:
            for m, claim in where.get((event.document, event.sentence.start), ()):
                tie = _tie(event, claim)
                best = ties.setdefault(m, {})
                best[event.document] = max(best.get(event.document, 0), tie)
        documents = set(group.documents)
        fits = [
            (
                -sum(1 for t in by_doc.values() if t == _INSIDE),
                -sum(1 for t in by_doc.values() if t == _NEXT),
                len(groups[m].documents),
                m,
            )
            for m, by_doc in ties.items()
            if set(by_doc) == documents and _carries(documents, set(groups[m].documents), by_doc)
        ]
        if fits:
            target = min(fits)[-1]
            carried.setdefault(target, []).append(n)
            folded.add(n)
            for m, by_doc in ties.items():  # "In September, Beijing sent more than 2,000 troops"
                if (
                    m != target
                    and groups[m].claims[0].kind == "date"
                    and set(by_doc) == documents == set(groups[m].documents)
                    and all(t >= _NEXT for t in by_doc.values())
                ):
                    dating.setdefault(m, n)
    out = []
    for n, group in enumerate(groups):
        if n in folded:
            continue
        events = [groups[e] for e in carried.get(n, ())]
        if events:
            out.append(_fold(group, events, docs, config))
        elif n in dating:  # its own fact, named by the event it dates: "when China sent … troops"
            about = folded_topic(group.claims, groups[dating[n]].claims)
            out.append(judge(group.claims, group.scores, docs, group.origins, group.reasons, config, about))
        else:
            out.append(group)
    return out


_NEAR = 24  # characters between an event and a figure or date of its sentence that it still holds


def _tie(event: Claim, claim: Claim) -> int:
    """How the event holds a claim of its sentence: `_INSIDE` its span, `_NEXT` to it (at most `_NEAR`
    characters before or after: "China sent" + " about 1,500 soldiers", an object the event finder
    left out; "Putin sent his troops into Ukraine" + " on Feb. 24"), else `_SENTENCE`."""
    if event.span.contains(claim.span):
        return _INSIDE
    gap = max(claim.span.start - event.span.end, event.span.start - claim.span.end)
    return _NEXT if 0 <= gap <= _NEAR else _SENTENCE


def _carries(events: set[str], figures: set[str], ties: dict[str, int]) -> bool:
    """Whether events of these documents, tied so to a figure's claims, carry the figure: of the same
    documents, inside the event's span in one of them at least (next to it, for one document); of
    fewer (an event only some outlets word alike: "Beijing sent more than 2,000 troops", "China sent
    about 1,500 soldiers"), inside or next to it in each. "The Russian bombers for the first time
    landed in China and the Chinese bombers flew to an air base": "first time" is the landing's."""
    if events == figures:  # of several documents, inside the event's span in one at least
        return any(t >= (_NEXT if len(events) == 1 else _INSIDE) for t in ties.values())
    return events < figures and all(t >= _NEXT for t in ties.values())


def _fold(figure: Group, events: list[Group], docs: Mapping[str, Document], config: Config) -> Group:
    about = folded_topic(figure.claims, events[0].claims)
    primary = min([figure, *events], key=lambda g: _SEVERITY[g.verdict])  # the figure on a tie
    judged = judge(primary.claims, primary.scores, docs, primary.origins, primary.reasons, config, about)
    claims = figure.claims + tuple(c for e in events for c in e.claims)
    scores = tuple(dict.fromkeys(figure.scores + tuple(s for e in events for s in e.scores)))
    return Group(
        id=judged.id,
        verdict=judged.verdict,
        claims=claims,
        explanation=judged.explanation,
        topic=judged.topic,
        conflict_type=judged.conflict_type,
        scores=scores if judged.scores else (),
        origins=judged.origins,
        confidence=judged.confidence,
        reasons=judged.reasons,
    )


def folded_topic(claims: tuple[Claim, ...], events: tuple[Claim, ...]) -> str:
    """What a figure carried by an event is about, as a phrase: "troops sent by China · September
    2022" (the figure in the event's object), "chinese bombers joined two Russian bombers" (in its
    subject), "which time Russian bombers landed in China", "when China and Russia conducted joint
    air patrol in Sea of Japan"; the place and time follow when the phrase does not hold them."""
    first = claims[0]
    about = first.about
    event = events[0].value
    assert isinstance(event, Event)
    texts = [c.text.casefold() for c in claims]
    if event.object and any(event.object.casefold() in t or t in event.object.casefold() for t in texts):
        event = _without_object(event)  # "which summit Japan held", not "… held second summit"
    place = about.place if not event.place else None
    if first.kind == "date":
        return " · ".join(p for p in (f"when {_clause(event)}", place) if p)
    if first.kind == "ordinal":
        head = f"which {about.phrase or about.thing or 'occurrence'} {_clause(event)}"
    else:
        thing = about.measure or about.phrase or about.thing
        if thing is None and isinstance(first.value, Quantity):
            thing = first.value.unit
        thing = thing or "amount"
        inside = any(e.span.contains(c.span) for e in events for c in claims)
        if about.measure:  # a measured slot is no thing sent or done: "deaths · Warehouse fire"
            head = about.measure
            if event.subject and not event.passive and event.subject.casefold() not in head:
                head += f" · {event.subject}"
        elif event.subject and not event.passive and thing.casefold() in event.subject.casefold():
            head = f"{thing} {_clause(event).removeprefix(event.subject).strip()}"
        elif inside:
            done = _participle(event.action)
            if event.polarity == "negated":
                done = f"not {done}"
            by = f" by {event.subject}" if event.subject and not event.passive else ""
            head = f"{thing} {done}{by}" + (f" ({event.hedge})" if event.hedge else "")
        else:  # next to the event, not in it: "three branches" beside "China has sent forces"
            head = f"{thing} · {_clause(event)}"
        place = None if (about.place or "").casefold() in head.casefold() else about.place
    parts = [head]
    if place:
        parts.append(place)
    if about.when is not None:
        parts.append(describe(about.when))
    return " · ".join(parts)


def _without_object(event: Event) -> Event:
    """The event without its object (the object is the figure itself)."""
    return Event(
        subject=event.subject,
        action=event.action,
        place=event.place,
        polarity=event.polarity,
        hedge=event.hedge,
        passive=event.passive,
    )


def _clause(event: Event) -> str:
    """The event as a clause in the past: "Russian bombers landed in China", "China did not send troops"."""
    negated = event.polarity == "negated"
    place = f"in {event.place}" if event.place else ""
    if event.passive:  # "joint patrols not directed", "drills held in coast of Zhejiang province"
        done = f"{'not ' if negated else ''}{_participle(event.action)}"
        words = [event.object or event.subject or "something", done, place]
    else:
        verb = f"did not {event.action}" if negated else _past(event.action)
        words = [event.subject or "someone", verb, event.object or "", place]
    text = " ".join(w for w in words if w)
    return f"{text} ({event.hedge})" if event.hedge else text


@cache
def _irregular() -> dict[str, tuple[str, str]]:
    """Each irregular lemma of the verb lexicon and its (past, participle): "fly" (flew, flown),
    "send" (sent, sent); a lemma whose listed forms hold its regular past ("criticized") is regular."""
    out: dict[str, tuple[str, str]] = {}
    for lemma, listed in default_lexicon().section("verbs").get("verbs", {}).items():
        head = lemma.split()[0]
        rest = lemma[len(head) :]
        pasts = [
            f
            for f in listed
            if not (w := f.split()[0]).endswith("ing") and not (w.endswith("s") and not w.endswith("ss"))
        ]
        regular = _regular_past(head)
        if pasts and regular not in (p.split()[0] for p in pasts):
            past, participle = pasts[0], pasts[-1]
            out[lemma] = (
                past if " " in past else past + rest,
                participle if " " in participle else participle + rest,
            )
    return out


def _past(lemma: str) -> str:
    """ "sent", "flew", "landed": the lexicon's irregular past, else the regular one."""
    return _irregular().get(lemma, (_regular_past(lemma),) * 2)[0]


def _participle(lemma: str) -> str:
    """ "sent", "flown", "landed": the lexicon's irregular participle, else the regular one."""
    return _irregular().get(lemma, (_regular_past(lemma),) * 2)[1]


def _regular_past(lemma: str) -> str:
    """ "criticised", "carried", "landed"; of a phrase, its first word ("took part" is listed)."""
    head, _, rest = lemma.partition(" ")
    if head.endswith("e"):
        head += "d"
    elif head.endswith("y") and head[-2:-1] not in ("a", "e", "i", "o", "u"):
        head = head[:-1] + "ied"
    else:
        head += "ed"
    return f"{head} {rest}".strip()
