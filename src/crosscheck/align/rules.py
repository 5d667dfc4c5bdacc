"""Pair rules: what says two claims of different documents state the same fact (the only rapidfuzz import).

Each rule is data: a name, the claim fields it reads, and a feature function returning a value in
[-1, 1] (0: it saw nothing either way) and a short note of what it saw. The same-fact score is a
logistic model over the features: ``100 / (1 + exp(-(bias + sum(weight * value))))``, with the
weights of `Config.weights` (fitted on labelled pairs: `benchmarks/fit_weights.py`). No single
missing feature vetoes a pair: an unknown date, verb or actor simply adds nothing.

The few `HARD_RULES` are not missing features but known differences in what the claims *are*: a
plan is not compared with a fact, a negated number with an affirmed one, two dates months apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import lru_cache

from attrs import frozen
from rapidfuzz import fuzz, utils

from ..config import Config
from ..kinds import kind_of
from ..lexicon import default_lexicon
from ..model import Claim, DateValue, Event, Quantity, Reason
from ..values import claims_compatible as compatible
from ..values import comparable_hedges, same_day_words
from .placing import event_window, placed
from .source import Source, source_of, story_value, with_rarity, writes_as_name
from .weights import model_weights

__all__ = [
    "GENERIC_THINGS",
    "HARD_RULES",
    "PAIR_RULES",
    "PairRule",
    "Source",
    "context_score",
    "event_window",
    "explain",
    "features",
    "magnitude_apart",
    "model_of",
    "placed",
    "reads",
    "same_fact_score",
    "scored",
    "source_of",
    "story_value",
    "with_rarity",
]


@lru_cache(maxsize=1 << 16)
def context_score(a: str, b: str) -> float:
    """How alike two claims' context words are, 0..100 (rapidfuzz token_sort and token_set, averaged)."""
    if not a or not b:
        return 0.0
    sort = fuzz.token_sort_ratio(a, b, processor=utils.default_process)
    subset = fuzz.token_set_ratio(a, b, processor=utils.default_process)
    return round((sort + subset) / 2, 1)


Feature = Callable[[Claim, Claim, Source, Source, Config], tuple[float, str]]


@frozen
class PairRule:
    """One named feature of a pair: ``reads`` lists the claim fields it looks at ("about.context",
    "document.published"): the alignment memo derives a claim's signature from them."""

    name: str
    reads: tuple[str, ...]
    feature: Feature


# Counted things that say nothing of which fact a number belongs to ("12 people", "13 others").
GENERIC_THINGS = frozenset(
    {
        "people",
        "person",
        "other",
        "others",
        "one",
        "dead",
        "injured",
        "hurt",
        "victim",
        "victims",
        "year_of_age",
    }
)


def _context(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    score = context_score(a.about.context, b.about.context)
    return score / 100, f"context words {score:.0f}/100 alike"


def _near(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    score = context_score(a.about.near, b.about.near)
    return score / 100, f"words next to the claims {score:.0f}/100 alike"


def _measure(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    x, y = a.about.measure, b.about.measure
    if not (x and y):
        return 0.0, ""
    if x == y:
        if config.family_map.get(x) == x:
            return 0.0, ""  # two headcounts ("five women", "six others") say nothing of one fact
        return 1.0, f"both measure {x}"
    if _broader(x, y, config) or _broader(y, x, config):
        return 0.0, ""  # "50 people" and a death toll: the headcount says nothing either way
    return -1.0, f"{x} vs {y}"


def _broader(broad: str, narrow: str, config: Config) -> bool:
    """``broad`` is the headcount of ``narrow``'s family ("people" of "deaths")."""
    return config.family_map.get(narrow) == broad and config.family_map.get(broad) == broad


def _thing(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    x, y = a.about.thing, b.about.thing
    if not x or not y or x in GENERIC_THINGS or y in GENERIC_THINGS:
        return 0.0, ""
    return (1.0, f"both count {x}") if x == y else (-1.0, f"{x} vs {y}")


def _named(field: str) -> Feature:
    def feature(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
        x, y = getattr(a.about, field), getattr(b.about, field)
        if not x or not y:
            return 0.0, ""
        return (1.0, f"same {field} {x}") if x == y else (-1.0, f"{field} {x} vs {y}")

    return feature


def _actor(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    """The same actor, or two others; an actor that no document of the run writes as a name (capitalised
    inside a sentence: `Source.names`) is a capitalised word opening a sentence ("Speaking by phone",
    "Earlier", "Outside"), no actor, and says nothing."""
    x, y = a.about.actor, b.about.actor
    if x and y and not (writes_as_name(da, x) and writes_as_name(db, y)):
        return 0.0, ""
    return _named_actor(a, b, da, db, config)


_named_actor = _named("actor")


# Reporting verbs (`attribution.verbs`): "said" on both sides says nothing of which fact ("said
# Tuesday" of a letter and "said on Monday" of a drill), so the same one is no evidence.
_REPORTING = default_lexicon().words("attribution.verbs")


def _action(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    x, y = a.about.action, b.about.action
    if not x or not y or (x == y and x in _REPORTING):
        return 0.0, ""
    return (1.0, f"same action {x}") if x == y else (-1.0, f"action {x} vs {y}")


def _when(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    if isinstance(a.value, DateValue):
        return 0.0, ""  # for dates, the values are what is compared
    wa, wb = event_window(a), event_window(b)
    if wa is None or wb is None:
        return 0.0, ""
    if wa[1] < wb[0] or wb[1] < wa[0]:
        return -1.0, f"dated {wa[0].isoformat()} and {wb[0].isoformat()}"
    return 1.0, f"both dated {wa[0].isoformat()}"


def same_scope(x: str, y: str) -> bool:
    """Two scopes name one place ("province" and "aceh province"; "sumatra alone" and "sumatra").
    (As a pair rule, fitted on the dev half it weighed 0.96 and cost conflict precision, 96% -> 92%:
    a scope is a condition of a conflict in `verdict`, not evidence of sameness.)"""
    return fuzz.token_set_ratio(x, y) >= 80


def _published(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    pa, pb = da.published, db.published
    if pa is None or pb is None:
        return 0.0, ""
    gap = abs((pa - pb).days)
    value = max(-1.0, 1.0 - gap / max(1, config.event_window_days) * 2)
    return value, ("published the same day" if gap == 0 else f"published {gap} days apart")


def magnitude_apart(a: Claim, b: Claim) -> tuple[Decimal, Decimal] | None:
    """The two counts (low, high) when they are an order of magnitude apart (2,000 troops of one
    country, 50,000 in the whole exercise): more often a part and a whole than one fact told two ways."""
    x, y = a.value, b.value
    if not (isinstance(x, Quantity) and isinstance(y, Quantity)) or x.ordinal:
        return None
    low, high = sorted((abs(x.amount), abs(y.amount)))
    return None if high < 10 * max(low, Decimal(10)) else (low, high)


def _magnitude(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    apart = magnitude_apart(a, b)
    if apart is None:
        return 0.0, ""
    return -1.0, f"{_plain(apart[0])} and {_plain(apart[1])} are an order of magnitude apart"


def _plain(value: Decimal) -> str:
    return f"{int(value):,}" if value == value.to_integral_value() else str(value)


def _story(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    """Documents about one event name the same people and places; two events of one kind do not."""
    value = story_value(da, db)
    if not value:
        return 0.0, ""
    shared = len(da.names & db.names)
    return value, f"the documents share {shared} of {min(len(da.names), len(db.names))} names"


def _lead(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    """Both in their stories' leads: each outlet's main figure; one in a lead, one deep in the other
    story (background, a part): less likely the same fact."""
    if a.about.lead and b.about.lead:
        return 1.0, "both in their stories' first sentences"
    if a.about.lead != b.about.lead:
        return -1.0, "one in a story's first sentences, the other further down"
    return 0.0, ""


def _pronoun(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    if a.about.unresolved_subject or b.about.unresolved_subject:
        return -1.0, "a subject is only a pronoun"
    return 0.0, ""


def _figure(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    """The same figure in two reports of one story is evidence of one fact, the more so the rarer
    the figure: "612 people" twice says more than "two" twice (log10 of it, over 2: 1 -> 0.15, 12 ->
    0.56, 100 and above, or a decimal such as a 5.9 magnitude -> 1). Different figures add nothing:
    a conflict is two figures for one fact."""
    x, y = a.value, b.value
    if not (isinstance(x, Quantity) and isinstance(y, Quantity)) or x.amount != y.amount or x.unit != y.unit:
        return 0.0, ""
    amount = abs(x.amount)
    value = 1.0 if amount != amount.to_integral_value() else min(1.0, math.log10(float(amount) + 1) / 2)
    return round(value, 2), f"both give {_plain(amount)}"


def _same_text(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> tuple[float, str]:
    if a.text.lower() == b.text.lower():
        return 1.0, "the same words"
    return 0.0, ""


# The pair rules, in the order their reasons are listed.
PAIR_RULES: tuple[PairRule, ...] = (
    PairRule("measure", ("about.measure",), _measure),
    PairRule("thing", ("about.thing",), _thing),
    PairRule("context", ("about.context",), _context),
    PairRule("near", ("about.near",), _near),
    PairRule("actor", ("about.actor",), _actor),
    PairRule("action", ("about.action",), _action),
    PairRule("place", ("about.place",), _named("place")),
    PairRule("when", ("value", "about.when"), _when),
    PairRule("published", ("source.published",), _published),
    PairRule("story", ("pair.story",), _story),
    PairRule("lead", ("about.lead",), _lead),
    PairRule("pronoun", ("about.unresolved_subject",), _pronoun),
    PairRule("magnitude", ("value",), _magnitude),
    PairRule("figure", ("value",), _figure),
    PairRule("same_text", ("text",), _same_text),
)
_RULE_NAMES = tuple(rule.name for rule in PAIR_RULES)


def _hedges(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> bool:
    """A plan or a possibility ("will send five warships", "may send") is not compared with a fact
    ("sent three"): they may be two facts. The same figure said both ways ("the rules will take effect
    in about 30 days" / "take effect in 30 days"; "$281 million will be paid in cash" / "is paying
    $281m in cash") is one report of one plan, and agrees. Not so a day: many plans and facts of a
    story share one ("will play next Sunday", "next Sunday, the Texans come")."""
    return comparable_hedges(a, b) or (not isinstance(a.value, DateValue) and compatible(a, b))


def _dates_near(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> bool:
    """Two dates of one event lie within `date_window_days` (wider for coarse dates), at a like precision."""
    if not (isinstance(a.value, DateValue) and isinstance(b.value, DateValue)):
        return True
    x, y = a.value, b.value
    gap = x.gap_days(y)
    if gap is None:  # an undated page's "on Friday": compared by the day its words name
        return same_day_words(a, b) is not None
    assert x.earliest and x.latest and y.earliest and y.latest
    dx, dy = (x.latest - x.earliest).days + 1, (y.latest - y.earliest).days + 1
    return gap <= max(config.date_window_days, 2 * min(dx, dy)) and max(dx, dy) <= 40 * min(dx, dy)


def _same_event(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> bool:
    """Events align only as the same action on the same object and place, by the same subject."""
    ea, eb = a.value, b.value
    if not (isinstance(ea, Event) and isinstance(eb, Event)):
        return True
    if ea.action != eb.action:
        return False
    alike = context_score(a.about.context, b.about.context) >= 80  # a rewrite of one sentence
    for x, y in ((ea.object, eb.object), (ea.place, eb.place)):
        if (x is None) != (y is None) or (x and y and _spelling(x, y) < 80 and not alike):
            return False
    same_subject = bool(ea.subject and eb.subject and _spelling(ea.subject, eb.subject) >= 80)
    return same_subject or bool(a.about.actor and a.about.actor == b.about.actor)


def _spelling(x: str, y: str) -> float:
    return float(fuzz.ratio(x, y, processor=utils.default_process))


def _slots(a: Claim, b: Claim, da: Source, db: Source, config: Config) -> bool:
    """A death toll never meets an injury count: two numbers with different slots are two facts
    (a headcount, "50 people", may be either: `Config.measure_families`)."""
    x, y = a.about.measure, b.about.measure
    return not (x and y and x != y) or _broader(x, y, config) or _broader(y, x, config)


HardRule = Callable[[Claim, Claim, Source, Source, Config], bool]
# (name, reads, rule): a pair failing one is never aligned.
HARD_RULES: tuple[tuple[str, tuple[str, ...], HardRule], ...] = (
    ("slots", ("about.measure",), _slots),
    ("hedges", ("hedge", "value", "polarity", "text"), _hedges),
    ("dates_near", ("value",), _dates_near),
    ("same_event", ("value", "about.context", "about.actor"), _same_event),
)


def reads() -> tuple[str, ...]:
    """Every claim field a pair rule or hard rule reads, sorted: what a claim's signature is made of.
    ("pair.story" is read of the pair of documents, `story_value`: the memo keys on it separately.)"""
    fields = {f for rule in PAIR_RULES for f in rule.reads} | {f for _n, r, _f in HARD_RULES for f in r}
    return tuple(sorted(fields | {"kind", "value", "polarity", "text"}))  # and what `claims_compatible` reads


def model_of(claim: Claim) -> str:
    """Which weights score a pair of such claims: "" (counts), "date." or "age.". Dates have weights
    of their own ("date.action", their kind's `kinds.Kind.weights`), falling back to the shared ones:
    what makes two dates one fact (the same named action) is not what makes two counts one (the same
    measure). Ages too ("age.actor"): whose age it is decides, not the words around it."""
    if claim.about.measure == "age":
        return "age."
    return kind_of(claim.kind).weights


def features(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> dict[str, float]:
    """Every pair rule's feature value for two claims (for fitting the weights: benchmarks/fit_weights.py)."""
    da, db = docs[a.document], docs[b.document]
    return {rule.name: rule.feature(a, b, da, db, config)[0] for rule in PAIR_RULES}


def _logit(
    a: Claim, b: Claim, da: Source, db: Source, config: Config, reasons: list[Reason] | None = None
) -> float:
    z, weights = model_weights(config.weight_map, model_of(a), _RULE_NAMES)
    for rule, weight in zip(PAIR_RULES, weights, strict=True):
        value, detail = rule.feature(a, b, da, db, config)
        if value:
            contribution = weight * value
            z += contribution
            if reasons is not None and detail and contribution:
                reasons.append(Reason(rule.name, round(contribution, 2), detail))
    return z


def scored(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> tuple[float, float] | None:
    """The same-fact score (0..100) and the evidence behind it (the log-odds the features add to the
    model's prior: > 0 when they count for one fact on balance); None when a hard rule fails."""
    da, db = docs[a.document], docs[b.document]
    for _name, _reads, rule in HARD_RULES:
        if not rule(a, b, da, db, config):
            return None
    z = _logit(a, b, da, db, config)
    prior = model_weights(config.weight_map, model_of(a), _RULE_NAMES)[0]
    return round(100 / (1 + math.exp(-z)), 1), z - prior


def same_fact_score(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> float | None:
    """How sure, 0..100, that two claims of different documents state the same fact; None when a hard rule fails."""
    result = scored(a, b, docs, config)
    return None if result is None else result[0]


def explain(a: Claim, b: Claim, docs: Mapping[str, Source], config: Config) -> tuple[Reason, ...]:
    """The features behind a pair's score, strongest first (negative weights counted against)."""
    reasons: list[Reason] = []
    _logit(a, b, docs[a.document], docs[b.document], config, reasons)
    return tuple(sorted(reasons, key=lambda r: (-abs(r.weight), r.rule)))
