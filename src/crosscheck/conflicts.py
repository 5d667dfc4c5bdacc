"""What makes a clash a conflict (`verdict.judge`'s rules): what a clash needs besides its score
(`CONFLICT_NEEDS`, each named in the explanation when it fails), the conflict type, a quotation
credited to two speakers, and how independent the backing of a finding is."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping

from .align.rules import GENERIC_THINGS, magnitude_apart, placed, same_scope
from .config import Config
from .kinds import kind_of
from .model import Claim, ConflictType, DateValue, Document, Event, Quantity
from .terms import Terms, default_terms
from .values import claims_compatible, why_incompatible

__all__ = [
    "CONFLICT_NEEDS",
    "IDENTIFIED",
    "conflict_type",
    "first_clash",
    "independence",
    "misattribution",
    "one_origin_reason",
    "one_per_document",
    "published_on",
    "strongest_clash",
    "why_not_both",
]


def _by_action(a: Claim, b: Claim, config: Config) -> bool:
    """Two dates of one named action ("arraigned"); "on Monday" against "in June" with no action is
    a candidate only."""
    return bool(a.about.action and a.about.action == b.about.action)


def _the_very_event(a: Claim, b: Claim, config: Config) -> bool:
    """Events align only as the very same event (the hard rules of `align.rules`)."""
    return True


def _by_slot_or_thing(a: Claim, b: Claim, config: Config) -> bool:
    """Two counts of one measured slot ("deaths") or of one specific counted thing ("warships"); a
    bare "3" against "two" is a candidate only."""
    measure = a.about.measure
    if measure and measure == b.about.measure and config.family_map.get(measure) != measure:
        return True  # one slot (deaths); a headcount ("five women", "six others") names no fact
    thing = a.about.thing
    unit = a.value.unit if isinstance(a.value, Quantity) else None
    # a unit is no fact: "55 kilometres" and "320 kilometres" may be two distances, unless one named
    # action measures both ("fell 150 metres" against "fell about 60 metres")
    if thing and thing == unit and thing == b.about.thing:
        return bool(a.about.action and a.about.action == b.about.action)
    return bool(thing and thing == b.about.thing and thing not in GENERIC_THINGS and thing != unit)


# What names the fact on both sides of a clash, by `kinds.Kind.identified_by`.
IDENTIFIED: Mapping[str, Callable[[Claim, Claim, Config], bool]] = {
    "action": _by_action,
    "the very event": _the_very_event,
    "slot or thing": _by_slot_or_thing,
}


def _identified(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """What clashes is named on both sides, as its kind says (`IDENTIFIED`)."""
    return IDENTIFIED[kind_of(a.kind).identified_by](a, b, config)


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


def _one_polarity(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """ "I can't speak for the first death" against "the first death": a negation near a figure or a
    date often belongs to another clause, so a figure said under one is a candidate only. (Events
    carry their own negation: "did not dispatch" denies the dispatch.)"""
    return a.polarity == b.polarity or isinstance(a.value, Event)


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


def _one_person(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """ "Rosario scored 22 points" against "Ely scored 23 points": the figures of two people (names no
    table knows as a place, a country or an organisation) are two facts until shown one."""
    x, y = a.about.actor, b.about.actor
    if not x or not y or x == y:
        return True
    terms = default_terms()
    texts = (docs[a.document].text, docs[b.document].text)
    return not all(_person(terms, name, texts) for name in (x, y))


def _not_quoted_relative(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """ "When you watched him walk out tonight", "I watched your episode last night": a relative date
    in quoted speech counts from when it was said, which the page need not date."""
    for claim in (a, b):
        value = claim.value
        if isinstance(value, DateValue) and value.relative and _quoted(claim, docs):
            return False
    return True


def _ages_held(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> bool:
    """Two ages clash as one person's only where both name whose ("Robert Buckley, 32," / "31-year-old
    Robert Buckley"); "an 18-year-old gang member" and "Unique Armstead, 32," may be two people."""
    if a.about.measure != "age" or b.about.measure != "age":
        return True
    return bool(a.about.actor and b.about.actor)


def _person(terms: Terms, name: str, texts: tuple[str, ...]) -> bool:
    """A name that no table knows as a place, a country or an organisation, nor a title, and that
    neither text writes as a place ("in Aceh", "near Manokwari")."""
    if terms.places_in(name) or terms.actors_in(name) or name in terms.titles:
        return False
    place = re.compile(rf"\b(?:in|near|at|from|to) {re.escape(name)}\b")
    return not any(place.search(text) for text in texts)


# What a clash needs, besides a same-fact score of at least `Config.conflict_bar`, to be a conflict
# rather than a possible conflict; the names of those it lacks are said in the explanation. Events
# align only as the very same event (the hard rules of `align.rules`), so they need only a subject.
CONFLICT_NEEDS: tuple[tuple[str, Callable[[Claim, Claim, Mapping[str, Document], Config], bool]], ...] = (
    ("what is counted or dated is not named on both sides", _identified),
    ("a subject is only a pronoun", _named_subjects),
    ("a part, or an order of magnitude apart", _one_scale),
    ("counted over different places", _one_scope),
    ("one side is dated, the other not", _placed_alike),
    ("the figures are two people's", _one_person),
    ("whose age it is is not said on both sides", _ages_held),
    ("a relative date is said in a quotation", _not_quoted_relative),
    ("one side is said under a negation", _one_polarity),
    ("neither date can be placed on the calendar", _on_the_calendar),
)


def published_on(claim: Claim, docs: Mapping[str, Document]) -> str:
    day = docs[claim.document].published
    return "on an unknown date" if day is None else f"on {day.isoformat()}"


def _denied(a: Claim, b: Claim) -> bool:
    """One side denies the figure the other asserts ("sent five warships" / "did not send five
    warships"). When the figures themselves cannot both hold ("we wouldn't have 355 damaged shops" /
    "we had 565 shops"), the clash is the figures', whatever either says of them."""
    if a.polarity == b.polarity:
        return False
    return isinstance(a.value, Event) or kind_of(a.kind).compatible(a.value, b.value)


def conflict_type(a: Claim, b: Claim, docs: Mapping[str, Document], config: Config) -> ConflictType:
    if _denied(a, b):
        return ConflictType.POLARITY
    pa, pb = docs[a.document].published, docs[b.document].published
    growing = {a.about.measure, a.about.thing} & set(config.growing_things)
    kind = kind_of(a.kind)
    if kind.updates and growing and pa is not None and pb is not None and pa != pb:
        return ConflictType.UPDATED
    return kind.conflict_type


def strongest_clash(
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


def one_origin_reason(a: Claim, b: Claim, docs: Mapping[str, Document]) -> str:
    """A clash inside one origin: the most actionable finding, said as such."""
    if a.attribution and a.attribution == b.attribution:
        return f"both quote {a.attribution}: one of them misquotes, or the source changed its figure"
    return "both carry the same copy: likely a copying or editing error"


def misattribution(claims: tuple[Claim, ...], docs: Mapping[str, Document]) -> tuple[Claim, Claim] | None:
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


def why_not_both(a: Claim, b: Claim) -> str:
    if _denied(a, b):
        yes, no = (a, b) if a.polarity == "affirmed" else (b, a)
        return f"{yes.document} asserts it and {no.document} denies it: both cannot hold"
    return why_incompatible(a.value, b.value)


def first_clash(claims: tuple[Claim, ...]) -> tuple[Claim, Claim] | None:
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


def one_per_document(claims: tuple[Claim, ...]) -> list[Claim]:
    seen: set[str] = set()
    out = []
    for claim in claims:
        if claim.document not in seen:
            seen.add(claim.document)
            out.append(claim)
    return out
