"""How a store writes what it holds: the frozen model types as JSON (exact decimals and dates, enums
by value) and back, and the extractor fingerprint stored claims are made with (`crosscheck.store`)."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from . import model, value_types
from ._version import __version__
from .config import Config
from .errors import StoreError
from .terms import Terms

__all__ = ["fingerprint"]


@cache
def _code_digest() -> str:
    """A digest of crosscheck's own code and data files: any change makes stored claims stale."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml", ".txt") and p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(config: Config, terms: Terms) -> str:
    """What stored claims depend on: crosscheck's code and data, the config and the terms.

    The same in every process: sets are hashed sorted (a set's repr follows the hash seed)."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(json.dumps(_canonical(config), ensure_ascii=False).encode())
    digest.update(json.dumps(_canonical(terms), ensure_ascii=False).encode())
    return digest.hexdigest()[:32]


def _canonical(value: object) -> Any:
    """``value`` as JSON-ready data that does not depend on the hash seed: sets sorted, attrs classes
    by the fields that make their equality, patterns by their text and flags."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float | Decimal | Path):
        return [type(value).__name__, str(value)]
    if isinstance(value, enum.Enum):
        return [type(value).__name__, _canonical(value.value)]
    if isinstance(value, re.Pattern):
        return ["re", _canonical(value.pattern), value.flags]
    if isinstance(value, set | frozenset):
        return ["set", sorted((_canonical(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))]
    if isinstance(value, dict):
        return ["dict", [[_canonical(k), _canonical(v)] for k, v in value.items()]]
    if isinstance(value, list | tuple):
        return [type(value).__name__, [_canonical(v) for v in value]]
    if isinstance(value, dt.date):
        return ["date", value.isoformat()]
    cls = type(value)
    if attrs.has(cls):
        return [cls.__name__, {f.name: _canonical(getattr(value, f.name)) for f in attrs.fields(cls) if f.eq}]
    text = repr(value)
    if " at 0x" in text:
        raise TypeError(f"no stable fingerprint for a {cls.__name__}")  # a repr with an address
    return [cls.__name__, text]


# JSON for the frozen model types: every attrs field, exact decimals and dates, enums by value.
_TYPES: dict[str, type] = {
    name: cls
    for name, cls in vars(model).items()
    if isinstance(cls, type)
    and cls.__module__ in (model.__name__, value_types.__name__)
    and (attrs.has(cls) or issubclass(cls, enum.Enum))
}


def _encode(value: object) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Decimal):
        return {"$dec": str(value)}
    if isinstance(value, dt.datetime):
        raise TypeError("datetimes are not stored")  # the model holds dates only
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, enum.Enum):
        return {"$enum": type(value).__name__, "value": value.value}
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset):
        return {"$frozenset": sorted((_encode(v) for v in value), key=json.dumps)}
    if isinstance(value, dict):
        return {"$dict": [[_encode(k), _encode(v)] for k, v in value.items()]}
    cls: Any = type(value)
    if attrs.has(cls) and _TYPES.get(cls.__name__) is cls:
        fields = attrs.fields(cls)
        return {"$": cls.__name__, **{f.name: _encode(getattr(value, f.name)) for f in fields}}
    raise TypeError(f"cannot store a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$dec" in value:
        return Decimal(value["$dec"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if "$enum" in value:
        return _TYPES[value["$enum"]](value["value"])
    if "$tuple" in value:
        return tuple(_decode(v) for v in value["$tuple"])
    if "$frozenset" in value:
        return frozenset(_decode(v) for v in value["$frozenset"])
    if "$dict" in value:
        return {_decode(k): _decode(v) for k, v in value["$dict"]}
    cls = _TYPES[value["$"]]
    return cls(**{f.alias: _decode(value[f.name]) for f in attrs.fields(cls) if f.name in value})


def _dumps(value: object) -> str:
    return json.dumps(_encode(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _loads(text: str, expected: type) -> Any:
    value = _decode(json.loads(text))
    if not isinstance(value, expected):
        raise StoreError(f"stored record is a {type(value).__name__}, expected a {expected.__name__}")
    return value
