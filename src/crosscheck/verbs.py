"""The event finder's verb lexicon (``data/verbs.toml``, extended by a user's lexicon): every form of
each action verb, its lemma and its form kind (base, s, ed, ing), and the lemmas read as nouns in
their -s and bare forms. `crosscheck.events` re-exports it."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from .errors import ConfigError
from .lexicon import Lexicon, default_lexicon

__all__ = ["Verbs", "default_verbs", "load_verbs", "verbs_of"]


class Verbs(NamedTuple):
    """The verb lexicon: every form -> (lemma, form kind), and multi-word forms by their first word."""

    single: dict[str, tuple[str, str]]
    multi: dict[str, list[tuple[tuple[str, ...], str, str]]]
    nouns: frozenset[str]  # lemmas whose -s and bare forms are read as nouns


def _regular(lemma: str) -> dict[str, str]:
    """The regular forms of a one-word lemma and their kinds (base, s, ed, ing)."""
    if lemma.endswith("e"):
        ed, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        ed, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        ed, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "x", "ch", "sh", "z")):
        s = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        s = lemma[:-1] + "ies"
    else:
        s = lemma + "s"
    return {lemma: "base", s: "s", ed: "ed", ing: "ing"}


def _kind(form: str) -> str:
    if form.endswith("ing"):
        return "ing"
    if form.endswith("s") and not form.endswith("ss"):
        return "s"
    return "ed"


def _compile(tables: list[tuple[dict[str, Any], str]]) -> Verbs:
    single: dict[str, tuple[str, str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    nouns: set[str] = set()
    for data, origin in tables:
        listed = data.get("nouns", [])
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise ConfigError(f"{origin}: nouns must be a list of lemmas")
        nouns.update(n.lower() for n in listed)
        raw = data.get("verbs", {})
        if not isinstance(raw, dict):
            raise ConfigError(f"{origin}: [verbs] must be a table of lemma = [irregular forms]")
        for lemma, extra in sorted(raw.items()):
            if not isinstance(extra, list) or not all(isinstance(f, str) for f in extra):
                raise ConfigError(f"{origin}: [verbs] {lemma!r} must be a list of strings")
            head, *rest = lemma.lower().split()
            forms = {f"{form} {' '.join(rest)}".strip(): kind for form, kind in _regular(head).items()}
            forms.update({" ".join(f.lower().split()): _kind(f.split()[0]) for f in extra})
            for form, kind in forms.items():
                first, *others = form.split()
                if others:
                    multi.setdefault(first, []).append((tuple(others), lemma, kind))
                else:
                    single[first] = (lemma, kind)
    return Verbs(single=single, multi=multi, nouns=frozenset(nouns))


@cache
def _default_data() -> dict[str, Any]:
    return default_lexicon().section("verbs")


@cache
def default_verbs() -> Verbs:
    """The verb lexicon shipped with crosscheck (``crosscheck/data/verbs.toml``)."""
    return _compile([(_default_data(), "verbs.toml")])


def verbs_of(lexicon: Lexicon) -> Verbs:
    """The event verbs of ``lexicon``'s ``[verbs]`` section, compiled once per lexicon."""
    if lexicon is default_lexicon():  # (an equal copy, unpickled in a worker, compiles its own once)
        return default_verbs()
    origin = ", ".join(lexicon.files)
    return lexicon.compiled("verbs", lambda: _compile([(lexicon.section("verbs"), origin)]))


def load_verbs(path: str | Path) -> Verbs:
    """The default verb lexicon extended by a user's file of the same shape."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read verbs file: {exc}") from None
    return _compile([(_default_data(), "verbs.toml"), (data, str(p))])
