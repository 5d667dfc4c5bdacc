"""Judge a cluster of aligned claims: agreement, conflict or single-source, with a sentence saying why."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from .config import Config
from .conflicts import (
    CONFLICT_NEEDS,
    conflict_type,
    misattribution,
    one_origin_reason,
    one_per_document,
    published_on,
    strongest_clash,
    why_not_both,
)
from .conflicts import first_clash as _first_clash  # read here by tests/test_group_scores.py
from .conflicts import independence as independence  # `verdict.independence`, as before
from .kinds import kind_of
from .model import Claim, ConflictType, Document, Event, Group, Quantity, Reason, Verdict
from .values import describe
from .wording import without_object

__all__ = ["fold_events", "folded_topic", "judge", "topic"]


def topic(claims: tuple[Claim, ...]) -> str:
    """A short description of what the claims are about: thing, actor, place and time, each said
    once ("Russian bombers landed in China", not "Russian bombers land in China · Russia · China").
    The head is the kind's (`kinds.Kind.topic_head`); the time is said unless it is the claim's value."""
    first = claims[0]
    about = first.about
    kind = kind_of(first.kind)
    head, actor_said = kind.topic_head(first)
    parts = [head]
    said = head.casefold()
    if about.actor and not actor_said and about.actor.casefold() not in said:
        parts.append(about.actor)
    if about.place and about.place.casefold() not in said:
        parts.append(about.place)
    when = kind.event_time(first)
    if when is not None and when is not first.value:
        parts.append(describe(when))
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
                f"Only {docs[claim.document].label} {kind_of(claim.kind).single_source} "
                f'{about}: "{claim.text}"{also}; no claim of another document was aligned with it.'
            ),
            topic=about,
        )
    by_id = {c.id: c for c in claims}
    clash = strongest_clash(scores, by_id)
    if clash is None:
        clash_pair = _first_clash(claims)  # two claims of one document each linked to the other side
        if clash_pair is not None:
            clash = (*clash_pair, min(s for _a, _b, s in scores) if scores else 0.0)
    misattributed = misattribution(claims, docs) if clash is None else None
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
        shown = one_per_document(claims)
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
    kind = conflict_type(a, b, docs, config)
    doubts = [name for name, holds in CONFLICT_NEEDS if not holds(a, b, docs, config)]
    if score < config.conflict_bar and kind_of(a.kind).held_to_conflict_bar:
        doubts.insert(0, f"same-fact score {score:.0f}/100")
    sure = not doubts
    why = why_not_both(a, b)
    if kind is ConflictType.UPDATED:
        early, late = sorted((a, b), key=lambda c: (docs[c.document].published or date.min, c.id))
        why += (
            f"; {docs[early.document].label} was published {published_on(early, docs)} and "
            f"{docs[late.document].label} {published_on(late, docs)}: the later figure may be an update"
        )
    if any(a.document in origin and b.document in origin for origin in origins):
        why += f"; {one_origin_reason(a, b, docs)}"
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
        if not kind_of(group.claims[0].kind).carrier:
            for claim in group.claims:
                where.setdefault((claim.document, claim.sentence.start), []).append((n, claim))
    carried: dict[int, list[int]] = {}  # figure group -> the event groups folded into it
    folded: set[int] = set()
    dating: dict[int, int] = {}  # a date group next to an event folded elsewhere -> that event group
    for n, group in enumerate(groups):
        if not kind_of(group.claims[0].kind).carrier:
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
                    and kind_of(groups[m].claims[0].kind).named_by_carrier
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
    air patrol in Sea of Japan"; the place and time follow when the phrase does not hold them (the
    kind's `kinds.Kind.folded_topic`)."""
    first = claims[0]
    about = first.about
    event = events[0].value
    assert isinstance(event, Event)
    texts = [c.text.casefold() for c in claims]
    if event.object and any(event.object.casefold() in t or t in event.object.casefold() for t in texts):
        event = without_object(event)  # "which summit Japan held", not "… held second summit"
    place = about.place if not event.place else None
    return kind_of(first.kind).folded_topic(claims, events, event, place)
