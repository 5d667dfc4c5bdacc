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

import attrs

from .errors import CrosscheckError
from .model import Claim, ConflictType, DateValue, Event, Quantity
from .values import compatible, describe, describe_date, describe_event, why_incompatible

__all__ = ["KINDS", "Kind", "UnknownKindError", "Value", "json_date", "json_decimal", "kind_of", "value_json"]

Value = Quantity | DateValue | Event


class UnknownKindError(CrosscheckError, LookupError):
    """A claim of a kind `KINDS` has no entry for (a finder gave a kind nobody described)."""


@attrs.frozen(kw_only=True)
class Kind:
    """What the pipeline does for claims of one kind; every field is given by every entry."""

    name: str
    value_type: type  # the class of a claim's value: `Quantity`, `DateValue`, `Event`
    event_time: Callable[[Claim], DateValue | None]  # when the claim's event happened, if its text says
    compatible: Callable[[Value, Value], bool]  # both values can hold at once
    describe: Callable[[Value], str]  # a value in words: "more than 2,000", "6th", "2022-11-30"
    why_incompatible: Callable[[Value, Value], str]  # one clause: why two values cannot both hold
    conflict_type: ConflictType  # what a clash between two such values is
    updates: bool  # a growing count that differs between reports of different days may be an update
    carrier: bool  # its claims carry the figures and dates of their sentence (events): named after them
    sort_key: Callable[[Claim], str]  # how a report's table sorts such claims
    to_json: Callable[[Value], dict[str, object]]  # the value in the JSON contract


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


KINDS: Mapping[str, Kind] = MappingProxyType(
    {
        "quantity": Kind(
            name="quantity",
            value_type=Quantity,
            event_time=_in_sentence,
            compatible=compatible,
            describe=describe,
            why_incompatible=why_incompatible,
            conflict_type=ConflictType.NUMERIC,
            updates=True,
            carrier=False,
            sort_key=_by_amount,
            to_json=_quantity_json,
        ),
        "ordinal": Kind(
            name="ordinal",
            value_type=Quantity,
            event_time=_in_sentence,
            compatible=compatible,
            describe=describe,
            why_incompatible=why_incompatible,
            conflict_type=ConflictType.COUNT,
            updates=False,
            carrier=False,
            sort_key=_by_amount,
            to_json=_quantity_json,
        ),
        "date": Kind(
            name="date",
            value_type=DateValue,
            event_time=_own_date,
            compatible=compatible,
            describe=_describe_date,
            why_incompatible=why_incompatible,
            conflict_type=ConflictType.DATE,
            updates=False,
            carrier=False,
            sort_key=_by_first_day,
            to_json=_date_json,
        ),
        "event": Kind(
            name="event",
            value_type=Event,
            event_time=_in_sentence,
            compatible=compatible,
            describe=_describe_event,
            why_incompatible=why_incompatible,
            conflict_type=ConflictType.POLARITY,
            updates=False,
            carrier=True,
            sort_key=_by_text,
            to_json=_event_json,
        ),
    }
)
