"""Term tables as data: counted-thing synonyms, actor and place aliases, and stopwords.

The tables live in ``data/terms.toml`` and ``data/stopwords.txt``; `load_terms` reads another file
with the same shape, so users can extend them without touching code.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path

from attrs import frozen

from .errors import ConfigError

__all__ = ["Terms", "default_terms", "load_terms"]

_WORD = re.compile(r"[A-Za-z_][\w'’\-.]*[A-Za-z_]|[A-Za-z]")


@frozen
class Terms:
    """Alias tables compiled for lookup. Build with `load_terms` or `default_terms`."""

    things: dict[str, str]  # alias (lower) -> canonical
    words: dict[str, str]  # context word alias (lower) -> canonical
    actors: dict[str, str]  # alias (exact case for short upper-case ones, else lower) -> canonical
    places: dict[str, str]
    stopwords: frozenset[str]
    actor_pattern: re.Pattern[str]
    place_pattern: re.Pattern[str]

    def thing(self, noun: str | None, head: str | None) -> str | None:
        """The canonical counted thing for a noun phrase: the whole phrase, then its head, then the head's singular."""
        for candidate in (noun, head):
            if candidate:
                hit = self.things.get(candidate.lower())
                if hit:
                    return hit
        if head:
            word = head.lower()
            if word.endswith("ies") and len(word) > 4:
                return word[:-3] + "y"
            if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
                return word[:-1]
            return word
        return None

    def actors_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        """(offset, canonical actor) for every actor alias in ``text[start:end]`` outside place names, in order."""
        stop = len(text) if end is None else end
        places = [m.span() for m in self.place_pattern.finditer(text, start, stop)]
        return [
            (m.start(), self._canon(self.actors, m.group(0)))
            for m in self.actor_pattern.finditer(text, start, stop)
            if not any(s <= m.start() < e for s, e in places)
        ]

    def places_in(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
        """(offset, canonical place) for every place alias in ``text[start:end]``, in order."""
        stop = len(text) if end is None else end
        return [
            (m.start(), self._canon(self.places, m.group(0)))
            for m in self.place_pattern.finditer(text, start, stop)
        ]

    def content_words(self, text: str) -> list[str]:
        """Lower-cased content words with aliases replaced by their canonical names (spaces as '_')."""
        replaced = self.place_pattern.sub(lambda m: " " + self._token(self.places, m.group(0)) + " ", text)
        replaced = self.actor_pattern.sub(
            lambda m: " " + self._token(self.actors, m.group(0)) + " ", replaced
        )
        out = []
        for match in _WORD.finditer(replaced):
            word = match.group(0).lower().strip(".'’-")
            if not word or word in self.stopwords or len(word) < 2:
                continue
            word = self.words.get(word, word)
            out.append(self.things.get(word, word).replace(" ", "_"))
        return out

    @staticmethod
    def _canon(table: dict[str, str], alias: str) -> str:
        return table.get(alias) or table[alias.lower()]

    def _token(self, table: dict[str, str], alias: str) -> str:
        return self._canon(table, alias).lower().replace(" ", "_")


def _alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    parts = []
    for alias in ordered:
        escaped = re.escape(alias)
        # Short all-caps aliases (US, UK, PLA) are matched case-sensitively; the rest ignore case.
        parts.append(escaped if alias.isupper() and len(alias) <= 4 else f"(?i:{escaped})")
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?!\w|\.\w)")


def _table(data: dict[str, object], name: str, origin: str) -> dict[str, list[str]]:
    raw = data.get(name, {})
    if not isinstance(raw, dict):
        raise ConfigError(f"{origin}: [{name}] must be a table of canonical = [aliases]")
    table: dict[str, list[str]] = {}
    for canonical, aliases in raw.items():
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError(f"{origin}: [{name}] {canonical!r} must be a list of strings")
        table[str(canonical)] = [str(canonical), *aliases]
    return table


def _compile(data: dict[str, object], stopwords: frozenset[str], origin: str) -> Terms:
    things = {a.lower(): c for c, aliases in _table(data, "things", origin).items() for a in aliases}
    words = {a.lower(): c for c, aliases in _table(data, "words", origin).items() for a in aliases if " " not in a}
    actor_table = _table(data, "actors", origin)
    place_table = _table(data, "places", origin)

    def index(table: dict[str, list[str]]) -> dict[str, str]:
        out: dict[str, str] = {}
        for canonical, aliases in sorted(table.items()):
            for alias in aliases:
                key = alias if alias.isupper() and len(alias) <= 4 else alias.lower()
                out.setdefault(key, canonical)
        return out

    actors = index(actor_table)
    places = index(place_table)
    return Terms(
        things=things,
        words=words,
        actors=actors,
        places=places,
        stopwords=stopwords,
        actor_pattern=_alias_pattern([a for aliases in actor_table.values() for a in aliases]),
        place_pattern=_alias_pattern([a for aliases in place_table.values() for a in aliases]),
    )


def _stopwords(text: str) -> frozenset[str]:
    words: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(w.lower() for w in line.split())
    return frozenset(words)


@cache
def default_terms() -> Terms:
    """The tables shipped with crosscheck (``crosscheck/data/terms.toml``)."""
    data_dir = resources.files("crosscheck") / "data"
    data = tomllib.loads(data_dir.joinpath("terms.toml").read_text(encoding="utf-8"))
    stop = _stopwords(data_dir.joinpath("stopwords.txt").read_text(encoding="utf-8"))
    return _compile(data, stop, "terms.toml")


def load_terms(path: str | Path) -> Terms:
    """Read a terms file of the same shape as the default one; its tables replace the default ones."""
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read terms file: {exc}") from None
    return _compile(data, default_terms().stopwords, str(p))
