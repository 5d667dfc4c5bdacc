"""An embedded store for a growing corpus: documents and their claims in one SQLite file.

``crosscheck add STORE PATH...`` stores documents and extracts claims only for documents that are new
or changed; re-adding an unchanged document does nothing, and a changed one replaces its claims.
``crosscheck report --store STORE`` cross-checks everything stored: the report is byte-identical to
`check` of the same documents.

Claims are kept as JSON (every field of the frozen model types, decimals and dates exact) next to the
*extractor fingerprint* they were made with: crosscheck's version, its code and data files, the
config and the terms. When the fingerprint changes (a new crosscheck, other thresholds), stored claims
are stale and every document is extracted again on the next use, so a store never gives a report that
a fresh run would not. The schema is versioned; a store written by another schema version is refused
with a message, never modified.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs

from . import model
from ._version import __version__
from .config import Config
from .engines import LocalEngine
from .errors import CrosscheckError
from .model import Claim, Document
from .terms import Terms, default_terms

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "StoreError", "fingerprint"]

SCHEMA_VERSION = 1
_APPLICATION_ID = 0x63726F73  # "cros": marks the SQLite file as a crosscheck store
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    document TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE TABLE claims (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    claim TEXT NOT NULL,
    PRIMARY KEY (document, position)
);
"""


class StoreError(CrosscheckError):
    """A store that cannot be used: not a crosscheck store, another schema version, unreadable."""


@attrs.frozen(kw_only=True)
class AddResult:
    """What `Store.add` did: documents added, replaced (changed) and left alone (unchanged)."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    extracted: int = 0  # documents whose claims were extracted in this call
    claims: int = 0  # claims extracted in this call

    def summary(self) -> str:
        """One line for the command line."""
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged; "
            f"{self.claims} claims extracted from {self.extracted} documents"
        )


class Store:
    """A crosscheck store in one SQLite file (created on first use); use as a context manager or close()."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        config: Config | None = None,
        terms: Terms | None = None,
        create: bool = True,
    ) -> None:
        self.path = Path(path)
        self.config = config or Config()
        self.terms = terms or default_terms()
        self.fingerprint = fingerprint(self.config, self.terms)
        if not create and not self.path.is_file():
            raise StoreError(
                f"{self.path}: no such store (create it with: crosscheck add {self.path} PATH...)"
            )
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._open()
        except sqlite3.DatabaseError as exc:
            self._close_quietly()
            raise StoreError(f"{self.path}: not a crosscheck store ({exc})") from None

    def _open(self) -> None:
        app = self._db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables and app == 0:
            with self._transaction():
                self._db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self._db.execute("INSERT INTO meta VALUES ('created_by', ?)", (f"crosscheck {__version__}",))
            return
        if app != _APPLICATION_ID or "meta" not in tables:
            raise StoreError(f"{self.path}: not a crosscheck store (an SQLite file of something else)")
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = row[0] if row else "unknown"
        if version != str(SCHEMA_VERSION):
            by = self._db.execute("SELECT value FROM meta WHERE key = 'created_by'").fetchone()
            raise StoreError(
                f"{self.path}: store schema version {version} (written by {by[0] if by else 'unknown'}) "
                f"is not version {SCHEMA_VERSION} of crosscheck {__version__}; it was left untouched: "
                "add the documents to a new store"
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def _close_quietly(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def add(self, documents: Iterable[Document], *, jobs: int = 1) -> AddResult:
        """Store documents; extract claims for the new and changed ones only (in ``jobs`` processes)."""
        docs = sorted(documents, key=lambda d: d.id)
        stored = {
            row[0]: (row[1], row[2])
            for row in self._db.execute("SELECT id, digest, fingerprint FROM documents")
        }
        added: list[str] = []
        replaced: list[str] = []
        unchanged: list[str] = []
        todo: list[Document] = []
        encoded: dict[str, str] = {}
        seen: set[str] = set()
        for doc in docs:
            if doc.id in seen:
                raise StoreError(f"{doc.path or doc.id}: duplicate document id {doc.id!r}")
            seen.add(doc.id)
            encoded[doc.id] = _dumps(doc)
            digest = hashlib.sha256(encoded[doc.id].encode("utf-8")).hexdigest()
            before = stored.get(doc.id)
            if before is None:
                added.append(doc.id)
            elif before[0] != digest:
                replaced.append(doc.id)
            elif before[1] != self.fingerprint:
                replaced.append(doc.id)  # same document, claims from another extractor: redo them
            else:
                unchanged.append(doc.id)
                continue
            todo.append(doc)
        claims = self._extract(todo, jobs)
        with self._transaction():
            self._write(todo, claims, encoded)
        return AddResult(
            added=tuple(added),
            replaced=tuple(replaced),
            unchanged=tuple(unchanged),
            extracted=len(todo),
            claims=len(claims),
        )

    def _extract(self, docs: Sequence[Document], jobs: int) -> list[Claim]:
        return LocalEngine(jobs).extract(docs, self.config, self.terms)

    def _write(self, docs: Sequence[Document], claims: Sequence[Claim], encoded: dict[str, str]) -> None:
        for doc in docs:
            digest = hashlib.sha256(encoded[doc.id].encode("utf-8")).hexdigest()
            self._db.execute("DELETE FROM claims WHERE document = ?", (doc.id,))
            self._db.execute(
                "INSERT OR REPLACE INTO documents (id, digest, document, fingerprint) VALUES (?, ?, ?, ?)",
                (doc.id, digest, encoded[doc.id], self.fingerprint),
            )
        position: dict[str, int] = {}
        rows = []
        for claim in claims:
            n = position.get(claim.document, 0)
            position[claim.document] = n + 1
            rows.append((claim.document, n, _dumps(claim)))
        self._db.executemany("INSERT INTO claims (document, position, claim) VALUES (?, ?, ?)", rows)

    def documents(self) -> tuple[Document, ...]:
        """Every stored document, by id."""
        rows = self._db.execute("SELECT document FROM documents ORDER BY id")
        return tuple(_loads(row[0], Document) for row in rows)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def contents(self, *, jobs: int = 1) -> tuple[tuple[Document, ...], list[Claim]]:
        """Every stored document and its claims, in document then text order: ``(documents, claims)``.

        Documents whose claims came from another extractor (see `fingerprint`) are extracted again
        first, and their claims replaced.
        """
        stale = [
            _loads(row[0], Document)
            for row in self._db.execute(
                "SELECT document FROM documents WHERE fingerprint != ? ORDER BY id", (self.fingerprint,)
            )
        ]
        if stale:
            fresh = self._extract(stale, jobs)
            with self._transaction():
                self._write(stale, fresh, {d.id: _dumps(d) for d in stale})
        docs = self.documents()
        rows = self._db.execute("SELECT claim FROM claims ORDER BY document, position")
        return docs, [_loads(row[0], Claim) for row in rows]


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


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
    """What stored claims depend on: crosscheck's code and data, the config and the terms."""
    digest = hashlib.sha256(_code_digest().encode())
    digest.update(repr(config).encode())
    digest.update(repr(terms).encode())
    return digest.hexdigest()[:32]


# JSON for the frozen model types: every attrs field, exact decimals and dates, enums by value.
_TYPES: dict[str, type] = {
    name: cls
    for name, cls in vars(model).items()
    if isinstance(cls, type)
    and cls.__module__ == model.__name__
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
