"""Every word list extraction reads, as data: one frozen `Lexicon` from ``data/*.toml`` and a user's files.

Each built-in file is a section named by its stem (``data/dates.toml`` is ``dates``) and holds word
classes: lists of words ("[dates] weekdays") and tables of words ("[quantities.units]": word ->
unit). A word class has one home: the same class is never in two files. `load_lexicon` reads the
built-in files and then each user file, which extends them: a user's file names the sections and
classes it adds to (``[quantities.units] furlongs = "furlong"``, ``[claims] openers = ["Deputies"]``);
a list gains the user's words after its own, a table gains or replaces entries, and a new class may
be added inside a known section. A file that cannot be read, an unknown section or a value of the
wrong shape is a `ConfigError` naming the file and the class.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from attrs import field, frozen

from .errors import ConfigError

__all__ = ["Lexicon", "default_lexicon", "load_lexicon"]

_T = TypeVar("_T")

# The built-in files, in the order they are read (each a section named by its stem).
BUILT_IN = ("attribution", "claims", "cues", "dates", "grammar", "quantities", "terms", "verbs")
# What a user's file may extend: the classes read per run, from the lexicon a run is given (None: all
# of the section). The others are compiled into patterns once, when crosscheck is imported, so a
# user's words there would change nothing: such a file is refused rather than silently ignored.
EXTENDABLE: dict[str, frozenset[str] | None] = {
    "claims": None,
    "cues": None,
    "terms": None,
    "verbs": frozenset({"nouns", "verbs"}),
}


class _Table(dict[str, Any]):
    """A read-only table of the lexicon (a dict, so it pickles to worker processes and hashes into the
    store's fingerprint like one)."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("the lexicon is read-only: extend it with load_lexicon(path)")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type[_Table], tuple[dict[str, Any]]]:
        return (_Table, (dict(self),))


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return _Table({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@frozen
class Lexicon:
    """The word lists of every built-in file, extended by ``files`` (a user's, in order). Build with
    `default_lexicon` or `load_lexicon`; read with `section`, `words`, `table` and `alternation`."""

    sections: Mapping[str, Mapping[str, Any]]  # section -> class -> words (a tuple) or a table
    files: tuple[str, ...] = ()  # the user files read, in order (the built-in ones are implied)
    _sets: dict[str, frozenset[str]] = field(factory=dict, init=False, repr=False, eq=False)
    _compiled: dict[str, Any] = field(factory=dict, init=False, repr=False, eq=False)

    def compiled(self, name: str, build: Callable[[], _T]) -> _T:
        """What ``build`` compiles of this lexicon (the cues' patterns, the verb table), built once."""
        if name not in self._compiled:
            self._compiled[name] = build()
        return self._compiled[name]  # type: ignore[no-any-return]

    def get(self, name: str) -> Any:
        """The word class ``name`` ("dates.weekdays", "quantities.units"): a tuple of words or a table."""
        value: Any = self.sections
        for part in name.split("."):
            if not isinstance(value, Mapping) or part not in value:
                raise KeyError(f"no word class {name!r} in the lexicon")
            value = value[part]
        return value

    def section(self, name: str) -> dict[str, Any]:
        """Section ``name`` as plain, mutable data (lists and dicts), as its TOML file reads."""
        return _thaw(self.sections[name])  # type: ignore[no-any-return]

    def words(self, name: str) -> frozenset[str]:
        """The words of the list ``name`` (or the keys of the table ``name``) as a set, built once."""
        found = self._sets.get(name)
        if found is None:
            found = self._sets[name] = frozenset(self.get(name))
        return found

    def table(self, name: str) -> dict[str, Any]:
        """The table ``name`` as a dict (word -> value)."""
        return dict(self.get(name))

    def alternation(self, name: str) -> str:
        """The words of ``name`` as a regex alternation, longest first, escaped (no group around it)."""
        return "|".join(re.escape(w) for w in sorted(set(self.get(name)), key=lambda w: (-len(w), w)))

    def __iter__(self) -> Iterator[str]:
        """The names of every word class, section by section."""
        for section, classes in self.sections.items():
            for name in classes:
                yield f"{section}.{name}"


def _read(path: Path, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ConfigError(f"{origin}: cannot read lexicon file: {reason}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None


_KINDS = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return _KINDS.get(type(value), "a date or time")


def _check_words(value: list[Any], where: str, origin: str) -> None:
    if not all(isinstance(w, str) and w.strip() for w in value):
        raise ConfigError(f"{origin}: [{where}] must be a list of non-empty strings")


def _merge(base: dict[str, Any], extra: dict[str, Any], where: str, origin: str) -> None:
    """Extend ``base`` by ``extra`` in place: lists gain new words, tables gain or replace entries."""
    for key, value in extra.items():
        name = f"{where}.{key}"
        if key not in base:
            if isinstance(value, list):
                _check_words(value, name, origin)
            base[key] = value
            continue
        old = base[key]
        if isinstance(old, dict) != isinstance(value, dict) or isinstance(old, list) != isinstance(
            value, list
        ):
            raise ConfigError(f"{origin}: [{name}] must be {_kind(old)}, not {_kind(value)}")
        if isinstance(old, dict):
            _merge(old, value, name, origin)
        elif isinstance(old, list):
            _check_words(value, name, origin)
            for word in value:
                if word not in old:
                    old.append(word)
        elif type(old) is not type(value):
            raise ConfigError(f"{origin}: [{name}] must be {_kind(old)}, not {_kind(value)}")
        else:
            base[key] = value


def _check_extendable(section: str, classes: dict[str, Any], origin: str) -> None:
    allowed = EXTENDABLE.get(section, frozenset())
    if allowed is None:
        return
    for name in classes:
        if name not in allowed:
            can = ", ".join(
                f"[{s}]" if only is None else f"[{s}] {' and '.join(sorted(only))}"
                for s, only in EXTENDABLE.items()
            )
            raise ConfigError(
                f"{origin}: [{section}.{name}] cannot be extended by a user file: it is compiled into "
                f"patterns once, at import (a user file extends {can})"
            )


@cache
def _built_in() -> tuple[tuple[str, str], ...]:
    data = resources.files("crosscheck") / "data"
    return tuple((stem, data.joinpath(f"{stem}.toml").read_text(encoding="utf-8")) for stem in BUILT_IN)


def _built_in_data() -> dict[str, dict[str, Any]]:
    return {stem: tomllib.loads(raw) for stem, raw in _built_in()}


@cache
def default_lexicon() -> Lexicon:
    """The word lists shipped with crosscheck (``crosscheck/data/*.toml``)."""
    return Lexicon(_freeze(_built_in_data()))


def load_lexicon(*paths: str | Path) -> Lexicon:
    """The built-in lexicon extended by the files ``paths``, in order (see the module docstring)."""
    if not paths:
        return default_lexicon()
    data = _built_in_data()
    for path in paths:
        origin = str(path)
        extra = _read(Path(path), origin)
        for section, classes in extra.items():
            if section not in data:
                raise ConfigError(
                    f"{origin}: unknown lexicon section [{section}]; the sections are {', '.join(BUILT_IN)}"
                )
            if not isinstance(classes, dict):
                raise ConfigError(f"{origin}: [{section}] must be a table of word classes")
            _check_extendable(section, classes, origin)
            _merge(data[section], classes, section, origin)
    return Lexicon(_freeze(data), tuple(str(p) for p in paths))
