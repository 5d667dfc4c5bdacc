"""One home per claim kind: `KINDS` maps each kind a claim can be of to its `Kind`, a literal entry
saying everything the pipeline does differently for it: its value type, when its event happened,
whether two values can both hold and why not, how a value is worded, the conflict it makes, whether
its claims carry the figures of their sentence (events), how a report sorts it and its JSON.

A new kind is one entry here plus its finder (`claims.extract` gives its claims that ``kind``);
everything downstream reads the entry through `kind_of`, and a kind with no entry is an
`UnknownKindError` naming it, never a bare ``KeyError`` deep in a verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from . import values
from .config import Config
from .errors import CrosscheckError
from .model import Claim, ConflictType, DateValue, Event, Quantity
from .values import describe, describe_date, describe_event, dimension
from .wording import clause, participle

__all__ = [
    "KINDS",
    "FoldedTopic",
    "Kind",
    "UnknownKindError",
    "Value",
    "json_date",
    "json_decimal",
    "kind_of",
    "value_json",
]

Value = Quantity | DateValue | Event
# (the figure's claims, the events carrying them, the event as said, the place still to say) -> topic
FoldedTopic = Callable[[tuple[Claim, ...], tuple[Claim, ...], Event, str | None], str]


class UnknownKindError(CrosscheckError, LookupError):
    """A claim of a kind `KINDS` has no entry for (a finder gave a kind nobody described)."""


@attrs.frozen(kw_only=True)
class Kind:
    """What the pipeline does for claims of one kind; every field is given by every entry."""

    name: str
    value_type: type  # the class of a claim's value: `Quantity`, `DateValue`, `Event`
    event_time: Callable[[Claim], DateValue | None]  # when the claim's event happened, if its text says
    compatible: Callable[[Any, Any], bool]  # both values (of its value_type) can hold at once
    describe: Callable[[Value], str]  # a value in words: "more than 2,000", "6th", "2022-11-30"
    why_incompatible: Callable[[Any, Any], str]  # one clause: why two values cannot both hold
    conflict_type: ConflictType  # what a clash between two such values is
    updates: bool  # a growing count that differs between reports of different days may be an update
    series: bool  # it moves on with time: a later report's larger "sixth patrol" is no conflict
    carrier: bool  # its claims carry the figures and dates of their sentence (events): named after them
    sort_key: Callable[[Claim], str]  # how a report's table sorts such claims
    to_json: Callable[[Value], dict[str, object]]  # the value in the JSON contract
    single_source: str  # "Only AP {gives a figure for} deaths": what one document alone does
    topic_head: Callable[[Claim], tuple[str, bool]]  # what a group is about, and whether it names the actor
    folded_topic: FoldedTopic  # what a group of it carried by an event is about (`verdict.folded_topic`)
    identified_by: str  # what names the fact on both sides of a clash (`conflicts.IDENTIFIED`)
    held_to_conflict_bar: bool  # a clash below `Config.conflict_bar` is only possible (not events)
    named_by_carrier: bool  # a group of it beside a carrier folded elsewhere is named by it (dates)
    block_key: Callable[[Claim, Config], tuple[str, str, str]]  # only claims of one key are compared
    weights: str  # the prefix of its own weights in `Config.weights` ("date."), else "" (shared)


def kind_of(name: str) -> Kind:
    """The entry of kind ``name``; `UnknownKindError` naming it (and the known kinds) when there is none."""
    found = KINDS.get(name)
    if found is None:
        known = ", ".join(KINDS)
        raise UnknownKindError(f"unknown claim kind {name!r}: crosscheck.kinds.KINDS describes {known}")
    return found


def value_json(value: Value) -> dict[str, object]:
    """A value as JSON, by its type (a quantity and an ordinal are written alike)."""
    for kind in KINDS.values():
        if isinstance(value, kind.value_type):
            return kind.to_json(value)
    raise UnknownKindError(f"no claim kind has values of type {type(value).__name__}")


def json_decimal(value: Decimal | None) -> str | None:
    """A decimal as the contract writes it: its exact digits as a string ("2000", "1.5")."""
    return None if value is None else format(value.normalize(), "f")


def json_date(value: date | None) -> str | None:
    """A date as the contract writes it: ISO, "2022-11-30"."""
    return None if value is None else value.isoformat()


def _quantity_json(value: Value) -> dict[str, object]:
    assert isinstance(value, Quantity)
    return {
        "type": "quantity",
        "amount": json_decimal(value.amount),
        "bound": value.bound,
        "low": json_decimal(value.interval.low),
        "high": json_decimal(value.interval.high),
        "low_closed": value.interval.low_closed,
        "high_closed": value.interval.high_closed,
        "unit": value.unit,
        "ordinal": value.ordinal,
    }


def _date_json(value: Value) -> dict[str, object]:
    assert isinstance(value, DateValue)
    return {
        "type": "date",
        "earliest": json_date(value.earliest),
        "latest": json_date(value.latest),
        "granularity": value.granularity,
        "relation": value.relation,
        "relative": value.relative,
    }


def _event_json(value: Value) -> dict[str, object]:
    assert isinstance(value, Event)
    return {
        "type": "event",
        "subject": value.subject,
        "action": value.action,
        "object": value.object,
        "place": value.place,
        "polarity": value.polarity,
        "hedge": value.hedge,
        "passive": value.passive,
    }


def _in_sentence(claim: Claim) -> DateValue | None:
    """A figure's or an event's time: the date in its sentence, if any."""
    return claim.about.when


def _own_date(claim: Claim) -> DateValue | None:
    """A date's time: itself."""
    assert isinstance(claim.value, DateValue)
    return claim.value


def _by_amount(claim: Claim) -> str:
    assert isinstance(claim.value, Quantity)
    return format(claim.value.amount.normalize(), "f")


def _by_first_day(claim: Claim) -> str:
    assert isinstance(claim.value, DateValue)
    return claim.value.earliest.isoformat() if claim.value.earliest is not None else claim.text.casefold()


def _by_text(claim: Claim) -> str:
    return claim.text.casefold()


def _describe_date(value: Value) -> str:
    assert isinstance(value, DateValue)
    return describe_date(value)


def _describe_event(value: Value) -> str:
    assert isinstance(value, Event)
    return describe_event(value)


def _figure_block(claim: Claim, config: Config) -> tuple[str, str, str]:
    """Figures in a unit by its dimension alone (a slot said of one, "turnout was 90%", is left to the
    ``slots`` rule); others by what they measure ("deaths", "injuries", "age"; one
    `Config.measure_families` family together, with its headcount: "50 people"), else their counted
    thing: a death toll never meets an injury count, nor an age a count of victims. A bare whole count
    ("At least 12") is blocked with the headcounts, where the other side's slot or thing decides. (Tried:
    blocking by unit alone with slot and thing as pair rules; on the dev half the fitted model then
    gave the counted thing no useful weight and mixed "5,000 weapons units" with "two bombers".)
    """
    value = claim.value
    assert isinstance(value, Quantity)
    measure = claim.about.measure
    if value.unit:  # a unit says what is measured ("35 kilometres", "$23 million")
        unit = dimension(value.unit) or value.unit
        if unit != measure:  # ... unless it is the slot itself ("magnitude 6.1", "a 6.1 quake")
            return (claim.kind, "", unit)
    if measure:
        return (claim.kind, config.family_map.get(measure, measure), "")
    thing = claim.about.thing
    if not thing and not value.ordinal and value.amount == value.amount.to_integral_value():
        # a bare count ("At least 12", "a mother of 12"): most often of people; it meets the
        # headcount family, where a slot or a thing on the other side decides (`verdict` names
        # no conflict without a slot or thing on both sides)
        return (claim.kind, config.family_map.get("people", ""), "")
    return (claim.kind, thing or "", "")


def _event_block(claim: Claim, config: Config) -> tuple[str, str, str]:
    """Events by their action."""
    assert isinstance(claim.value, Event)
    return (claim.kind, claim.value.action, "")


def _date_block(claim: Claim, config: Config) -> tuple[str, str, str]:
    """Dates of a day, a week or a month are compared with each other; years and longer spans with
    each other: a span of years overlaps nearly every date and says too little about a day."""
    value = claim.value
    assert isinstance(value, DateValue)
    long = (
        value.earliest is not None and value.latest is not None and (value.latest - value.earliest).days > 40
    )
    return (claim.kind, value.relation, "long" if long else "short")


def _date_head(claim: Claim) -> tuple[str, bool]:
    about = claim.about
    if about.action and about.actor:
        return f"date when {about.actor} {about.action}", True  # "date when Russia flew"
    if about.action:
        return f"date when {about.action}", False  # "date when dispatched"
    return "date of the event", False


def _ordinal_head(claim: Claim) -> tuple[str, bool]:
    about = claim.about
    return f"which {about.phrase or about.thing or 'occurrence'}", False  # "which joint patrol": the sixth


def _event_head(claim: Claim) -> tuple[str, bool]:
    assert isinstance(claim.value, Event)
    return clause(claim.value), False  # "Russian bombers landed in China", not "… land in China"


def _figure_head(claim: Claim) -> tuple[str, bool]:
    about = claim.about
    unit = claim.value.unit if isinstance(claim.value, Quantity) else None
    return about.measure or about.phrase or about.thing or unit or "amount", False


def _said(head: str, place: str | None, claim: Claim) -> str:
    """A folded topic: its head, then the place and the time when the head does not hold them."""
    parts = [head]
    if place:
        parts.append(place)
    if claim.about.when is not None:
        parts.append(describe(claim.about.when))
    return " · ".join(parts)


def _when_folded(
    claims: tuple[Claim, ...], events: tuple[Claim, ...], event: Event, place: str | None
) -> str:
    """ "when China and Russia conducted joint air patrol in Sea of Japan"."""
    return " · ".join(p for p in (f"when {clause(event)}", place) if p)


def _which_folded(
    claims: tuple[Claim, ...], events: tuple[Claim, ...], event: Event, place: str | None
) -> str:
    """ "which time Russian bombers landed in China"."""
    about = claims[0].about
    return _said(f"which {about.phrase or about.thing or 'occurrence'} {clause(event)}", place, claims[0])


def _figure_folded(
    claims: tuple[Claim, ...], events: tuple[Claim, ...], event: Event, place: str | None
) -> str:
    """ "troops sent by China · September 2022" (the figure in the event's object), "chinese bombers
    joined two Russian bombers" (in its subject), "deaths · Warehouse fire" (a measured slot)."""
    first = claims[0]
    about = first.about
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
        head = f"{thing} {clause(event).removeprefix(event.subject).strip()}"
    elif inside:
        done = participle(event.action)
        if event.polarity == "negated":
            done = f"not {done}"
        by = f" by {event.subject}" if event.subject and not event.passive else ""
        head = f"{thing} {done}{by}" + (f" ({event.hedge})" if event.hedge else "")
    else:  # next to the event, not in it: "three branches" beside "China has sent forces"
        head = f"{thing} · {clause(event)}"
    place = None if (about.place or "").casefold() in head.casefold() else about.place
    return _said(head, place, first)


def _event_folded(
    claims: tuple[Claim, ...], events: tuple[Claim, ...], event: Event, place: str | None
) -> str:
    """An event is folded into a figure, never a figure into an event: its own clause, should it be."""
    return _said(_event_head(claims[0])[0], place, claims[0])


KINDS: Mapping[str, Kind] = MappingProxyType(
    {
        "quantity": Kind(
            name="quantity",
            value_type=Quantity,
            event_time=_in_sentence,
            compatible=values.quantities_compatible,
            describe=describe,
            why_incompatible=values.quantities_why,
            conflict_type=ConflictType.NUMERIC,
            updates=True,
            series=False,
            carrier=False,
            sort_key=_by_amount,
            to_json=_quantity_json,
            single_source="gives a figure for",
            topic_head=_figure_head,
            folded_topic=_figure_folded,
            identified_by="slot or thing",
            held_to_conflict_bar=True,
            named_by_carrier=False,
            block_key=_figure_block,
            weights="",
        ),
        "ordinal": Kind(
            name="ordinal",
            value_type=Quantity,
            event_time=_in_sentence,
            compatible=values.quantities_compatible,
            describe=describe,
            why_incompatible=values.quantities_why,
            conflict_type=ConflictType.COUNT,
            updates=False,
            series=True,
            carrier=False,
            sort_key=_by_amount,
            to_json=_quantity_json,
            single_source="speaks of",
            topic_head=_ordinal_head,
            folded_topic=_which_folded,
            identified_by="slot or thing",
            held_to_conflict_bar=True,
            named_by_carrier=False,
            block_key=_figure_block,
            weights="",
        ),
        "date": Kind(
            name="date",
            value_type=DateValue,
            event_time=_own_date,
            compatible=values.dates_compatible,
            describe=_describe_date,
            why_incompatible=values.dates_why,
            conflict_type=ConflictType.DATE,
            updates=False,
            series=False,
            carrier=False,
            sort_key=_by_first_day,
            to_json=_date_json,
            single_source="speaks of",
            topic_head=_date_head,
            folded_topic=_when_folded,
            identified_by="action",
            held_to_conflict_bar=True,
            named_by_carrier=True,
            block_key=_date_block,
            weights="date.",
        ),
        "event": Kind(
            name="event",
            value_type=Event,
            event_time=_in_sentence,
            compatible=values.events_compatible,
            describe=_describe_event,
            why_incompatible=values.events_why,
            conflict_type=ConflictType.POLARITY,
            updates=False,
            series=False,
            carrier=True,
            sort_key=_by_text,
            to_json=_event_json,
            single_source="speaks of",
            topic_head=_event_head,
            folded_topic=_event_folded,
            identified_by="the very event",
            held_to_conflict_bar=False,
            named_by_carrier=False,
            block_key=_event_block,
            weights="",
        ),
    }
)
