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

from attrs import field, frozen

from ._regex import trie
from .errors import ConfigError
from .lexicon import Lexicon, default_lexicon

__all__ = ["Terms", "default_terms", "load_terms", "terms_of"]

_WORD = re.compile(r"[A-Za-z_][\w'’\-.]*[A-Za-z_]|[A-Za-z]")


# Plural endings that take "-es" ("losses", "boxes", "crashes", "matches", "churches", "punches"); the
# words the rule gets wrong ("avalanches") are in `[things]` of data/terms.toml.
_ES_PLURALS = ("sses", "xes", "shes", "tches", "rches", "nches")


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
    organisations: dict[str, str]  # alias (lower, single spaces, straight apostrophes) -> canonical
    organisation_pattern: re.Pattern[str]
    measures: dict[
        str, str
    ]  # slot word or phrase (lower, single spaces) -> measure ("wounded" -> "injuries")
    measure_pattern: re.Pattern[str]  # any slot word or phrase, whole words, case-insensitive, longest first
    # counted noun (lower, single spaces) -> headcount measure ("climbers" -> "people")
    headcounts: dict[str, str]
    # slot -> the units (or unit dimensions) a figure must be in to fill it ("depth" -> {"length"})
    measure_units: dict[str, frozenset[str]]
    scopes: frozenset[str]  # place nouns that make a place phrase a count's scope ("province")
    titles: frozenset[str]  # words before a name that are no name ("Gov", "Sheriff"), as written
    title_groups: frozenset[str]  # group nouns after a sentence-opening modifier ("Park officials")
    # the words slots and scopes look through ([slot_words], [scope_words]): list name -> words
    slot_words: dict[str, frozenset[str]]
    scope_words: dict[str, frozenset[str]]
    # raw word -> what `content_words` makes of it (None when dropped): the same words recur in every window
    # the lexicon these tables come from: every other word list extraction reads (`terms_of`)
    lexicon: Lexicon = field(factory=default_lexicon)
    _word_memo: dict[str, str | None] = field(factory=dict, init=False, repr=False, eq=False)

    def thing(self, noun: str | None, head: str | None) -> str | None:
        """The canonical counted thing for a noun phrase: the whole phrase, then its head, then the head's
        singular ("-ies" to "-y"; "-es" off after "ss", "x", "sh", "ch"; else "-s" off)."""
        for candidate in (noun, head):
            if candidate:
                hit = self.things.get(candidate.lower())
                if hit:
                    return hit
        if head:
            word = head.lower()
            if word.endswith("ies") and len(word) > 4:
                return word[:-3] + "y"
            if word.endswith(_ES_PLURALS) and len(word) > 4:
                return word[:-2]  # "losses", "passes", "boxes", "crashes", "matches": "-es" off
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

    def organisation(self, name: str) -> str | None:
        """The canonical name of an organisation alias ("Russian Defence Ministry" -> "Russian Defense Ministry")."""
        return self.organisations.get(_org_key(name))

    def organisations_in(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, str]]:
        """(start, end, canonical organisation) for every organisation alias in ``text[start:end]``, in order."""
        stop = len(text) if end is None else end
        return [
            (m.start(), m.end(), self.organisations[_org_key(m.group(0))])
            for m in self.organisation_pattern.finditer(text, start, stop)
        ]

    def content_words(self, text: str) -> list[str]:
        """Lower-cased content words with aliases replaced by their canonical names (spaces as '_')."""
        replaced = self.place_pattern.sub(lambda m: " " + self._token(self.places, m.group(0)) + " ", text)
        replaced = self.actor_pattern.sub(
            lambda m: " " + self._token(self.actors, m.group(0)) + " ", replaced
        )
        out = []
        memo = self._word_memo
        if len(memo) > 200_000:
            memo.clear()  # a bound for endless vocabularies (random tokens): the memo only saves time
        for raw in _WORD.findall(replaced):
            if raw in memo:
                word = memo[raw]
            else:
                word = memo[raw] = self._content_word(raw)
            if word is not None:
                out.append(word)
        return out

    def _content_word(self, raw: str) -> str | None:
        word = raw.lower().strip(".'’-")
        if not word or word in self.stopwords or len(word) < 2:
            return None
        word = self.words.get(word, word)
        return self.things.get(word, word).replace(" ", "_")

    @staticmethod
    def _canon(table: dict[str, str], alias: str) -> str:
        return table.get(alias) or table[alias.lower()]

    def _token(self, table: dict[str, str], alias: str) -> str:
        return self._canon(table, alias).lower().replace(" ", "_")


def _org_key(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


def _org_pattern(aliases: list[str]) -> re.Pattern[str]:
    ordered = sorted({_org_key(a) for a in aliases}, key=lambda a: (-len(a), a))
    parts = [r"\s+".join(re.escape(w).replace("'", "['’]") for w in alias.split()) for alias in ordered]
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w.])(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _measure_pattern(words: list[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    body = trie(sorted(words), fold=True).replace("\\ ", r"\s+")
    return re.compile(_start_guard(words) + r"(?<![\w'’-])" + body + r"(?![\w'’-])", re.IGNORECASE)


def _alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    # Short all-caps aliases (US, UK, PLA) are matched case-sensitively; the rest ignore case.
    exact = sorted({a for a in aliases if a.isupper() and len(a) <= 4})
    anycase = sorted({a for a in aliases if not (a.isupper() and len(a) <= 4)})
    body = trie(anycase, exact_case=exact, fold=True)
    return re.compile(_start_guard(aliases) + r"(?<![\w.])" + body + r"(?!\w|\.\w)", re.IGNORECASE)


def _start_guard(words: list[str]) -> str:
    """A check, before the look-behind of a pattern of ``words`` (compiled to ignore case), that one of
    their first characters stands here, and a word start when every word starts with a word
    character (then the look-behind holds only there): the same matches, found faster."""
    firsts = {w[0].lower() if len(w[0].lower()) == 1 else w[0] for w in words if w}  # as `trie` folds
    if not firsts:
        return ""
    start = r"\b" if all(re.match(r"\w", c) for c in firsts) else ""
    return start + "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"


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


def _lists(
    data: dict[str, object], name: str, origin: str, names: tuple[str, ...]
) -> dict[str, frozenset[str]]:
    """A table of named word lists ("[slot_words] after = [...]"), each as a set of lower-cased words;
    a list the data does not give is empty (a terms file used alone, ``replace=True``)."""
    table = _table(data, name, origin)
    return {key: frozenset(w.lower() for w in table.get(key, [key])[1:]) for key in names}


def _compile(
    data: dict[str, object], stopwords: frozenset[str], origin: str, lexicon: Lexicon | None = None
) -> Terms:
    things = {a.lower(): c for c, aliases in _table(data, "things", origin).items() for a in aliases}
    words = {
        a.lower(): c for c, aliases in _table(data, "words", origin).items() for a in aliases if " " not in a
    }
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
    org_table = _table(data, "organisations", origin)
    organisations: dict[str, str] = {}
    for canonical, aliases in sorted(org_table.items()):
        for alias in aliases:
            organisations.setdefault(_org_key(alias), canonical)
    measure_table = _table(data, "measures", origin)
    measures: dict[str, str] = {}
    for canonical, aliases in sorted(measure_table.items()):
        for alias in aliases:
            measures.setdefault(" ".join(alias.lower().split()), canonical)
    headcounts: dict[str, str] = {}
    for canonical, aliases in sorted(_table(data, "headcounts", origin).items()):
        for alias in aliases:
            headcounts.setdefault(" ".join(alias.lower().split()), canonical)
    measure_units = {
        slot: frozenset(units[1:]) for slot, units in _table(data, "measure_units", origin).items()
    }
    scopes = frozenset(a.lower() for aliases in _table(data, "scopes", origin).values() for a in aliases[1:])
    title_table = _table(data, "titles", origin)
    return Terms(
        slot_words=_lists(
            data,
            "slot_words",
            origin,
            (
                "after",
                "before",
                "conjunctions",
                "kin",
                "role_endings",
                "not_roles",
                "comparatives",
                "of_people_before",
                "history",
            ),
        ),
        scope_words=_lists(data, "scope_words", origin, ("between", "prepositions", "ends", "skip", "whole")),
        headcounts=headcounts,
        measure_units=measure_units,
        scopes=scopes,
        titles=frozenset(title_table.get("title", ["title"])[1:]),
        title_groups=frozenset(w.lower() for w in title_table.get("group", ["group"])[1:]),
        measures=measures,
        measure_pattern=_measure_pattern(list(measures)),
        things=things,
        words=words,
        actors=actors,
        places=places,
        stopwords=stopwords,
        actor_pattern=_alias_pattern([a for aliases in actor_table.values() for a in aliases]),
        place_pattern=_alias_pattern([a for aliases in place_table.values() for a in aliases]),
        organisations=organisations,
        organisation_pattern=_org_pattern([a for aliases in org_table.values() for a in aliases]),
        lexicon=lexicon or default_lexicon(),
    )


def _stopwords(text: str) -> frozenset[str]:
    words: set[str] = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        words.update(w.lower() for w in line.split())
    return frozenset(words)


@cache
def _default_data() -> tuple[dict[str, object], frozenset[str]]:
    data_dir = resources.files("crosscheck") / "data"
    data = default_lexicon().section("terms")
    return data, _stopwords(data_dir.joinpath("stopwords.txt").read_text(encoding="utf-8"))


@cache
def default_terms() -> Terms:
    """The tables shipped with crosscheck (``crosscheck/data/terms.toml``)."""
    data, stop = _default_data()
    return _compile(data, stop, "terms.toml")


def terms_of(lexicon: Lexicon) -> Terms:
    """The tables of ``lexicon``'s ``[terms]`` section, carrying ``lexicon`` for every other word list.

    A ``stopwords = [...]`` class in the section adds stopwords to ``data/stopwords.txt``."""
    if lexicon == default_lexicon():
        return default_terms()
    data = lexicon.section("terms")
    extra = data.pop("stopwords", [])
    _, stop = _default_data()
    origin = ", ".join(lexicon.files) or "terms.toml"
    return _compile(data, stop | frozenset(w.lower() for w in extra), origin, lexicon)


_TABLES = (
    "things",
    "words",
    "actors",
    "places",
    "organisations",
    "measures",
    "headcounts",
    "measure_units",
    "scopes",
    "titles",
)


def _extend(base: dict[str, object], extra: dict[str, object], origin: str) -> dict[str, object]:
    """``base`` with ``extra``'s aliases added: a known canonical name gains aliases, a new one is added."""
    out: dict[str, object] = {}
    for name in _TABLES:
        merged = {c: list(a[1:]) for c, a in _table(base, name, "terms.toml").items()}
        for canonical, aliases in _table(extra, name, origin).items():
            merged.setdefault(canonical, [])
            merged[canonical] += [a for a in aliases[1:] if a not in merged[canonical]]
        out[name] = merged
    return out


def load_terms(path: str | Path, *, replace: bool = False) -> Terms:
    """The default tables extended by a terms file of the same shape (``replace=True``: its tables only).

    A top-level ``stopwords = [...]`` list in the file adds stopwords.
    """
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{p}: cannot read terms file: {exc}") from None
    unknown = sorted(set(data) - {*_TABLES, "stopwords"})
    if unknown:
        raise ConfigError(f"{p}: unknown table {unknown[0]!r} (known: {', '.join(_TABLES)}, stopwords)")
    extra_stop = data.get("stopwords", [])
    if not isinstance(extra_stop, list) or not all(isinstance(w, str) for w in extra_stop):
        raise ConfigError(f"{p}: stopwords must be a list of strings")
    default, stop = _default_data()
    stop = stop | frozenset(w.lower() for w in extra_stop)
    return _compile(data if replace else _extend(default, data, str(p)), stop, str(p))
