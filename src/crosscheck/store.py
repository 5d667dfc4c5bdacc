"""An embedded store for a growing corpus: documents and their claims in one SQLite file.

``crosscheck add STORE PATH...`` stores documents and extracts claims only for documents that are new
or changed; re-adding an unchanged document does nothing, and a changed one replaces its claims.
``crosscheck report --store STORE`` cross-checks everything stored: the report is byte-identical to
`check` of the same documents.

Claims are kept as JSON (every field of the frozen model types, decimals and dates exact) next to the
*extractor fingerprint* they were made with: crosscheck's version, its code and data files, the
config and the terms. When the fingerprint changes (a new crosscheck, other thresholds), stored claims
are stale and every document is extracted again on the next use, so a store never gives a report that
a fresh run would not. The fingerprint is a digest of a canonical form (sets sorted), the same in
every process whatever its hash seed. The schema is versioned; a store written by another schema
version is refused with a message, never modified.

Every failure is a `StoreError` naming the store: busy (another process holds the write lock for
longer than ``timeout`` seconds), read-only (``report --store`` still works: claims made by another
extractor are then extracted again in memory and not written), damaged (a row that is not a stored
record, a claim that does not fit its document), or not a store at all. A 0-byte or missing file is
never made into a store by a reader (``create=False``).
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from .config import Config
from .documents import qualified_ids, with_id
from .engines import LocalEngine
from .errors import StoreError
from .model import Claim, Document, Report
from .pipeline import check_claims
from .store_codec import _canonical as _canonical  # read through `store` by the fingerprint tests
from .store_codec import _dumps, _loads, fingerprint
from .store_schema import SCHEMA_VERSION, _busy, _read_only, _Transaction, open_schema
from .terms import Terms, default_terms

__all__ = ["SCHEMA_VERSION", "AddResult", "Store", "StoreError", "fingerprint"]


@attrs.frozen(kw_only=True)
class AddResult:
    """What `Store.add` did: documents added, replaced (changed) and left alone (unchanged)."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    renamed: tuple[tuple[str, str], ...] = ()  # (old id, new id) of stored documents given path ids
    extracted: int = 0  # documents whose claims were extracted in this call
    claims: int = 0  # claims extracted in this call

    def summary(self) -> str:
        """One line for the command line."""
        renamed = f", {len(self.renamed)} renamed" if self.renamed else ""
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged"
            f"{renamed}; {self.claims} claims extracted from {self.extracted} documents"
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
        timeout: float = 5.0,
    ) -> None:
        self.path = Path(path)
        self.config = config or Config()
        self.terms = terms or default_terms()
        self.fingerprint = fingerprint(self.config, self.terms)
        self.timeout = timeout
        if not create and not self.path.is_file():
            raise StoreError(
                f"{self.path}: no such store (create it with: crosscheck add {self.path} PATH...)"
            )
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a store file")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=timeout)
            self._db.execute("PRAGMA foreign_keys = ON")
            open_schema(self._db, self.path, create)
        except sqlite3.Error as exc:
            self._close_quietly()
            if _busy(exc) or _read_only(exc):
                raise self._problem(exc) from None
            raise StoreError(f"{self.path}: not a crosscheck store ({exc})") from None
        except StoreError:
            self._close_quietly()
            raise

    def _problem(self, exc: sqlite3.Error) -> StoreError:
        """The one-line `StoreError` for an SQLite failure while using the store."""
        if _busy(exc):
            return StoreError(
                f"{self.path}: the store is busy: another process is writing it (waited {self.timeout:g} s: "
                f"{exc}); nothing was changed, try again when it is done"
            )
        if _read_only(exc):
            return StoreError(
                f"{self.path}: cannot write to the store: it is read-only ({exc}); nothing was changed"
            )
        if "full" in str(exc):
            return StoreError(f"{self.path}: cannot write to the store ({exc}); nothing was changed")
        return StoreError(f"{self.path}: the store is damaged or not a crosscheck store ({exc})")

    @contextmanager
    def _sqlite(self) -> Iterator[None]:
        """SQLite failures inside as one `StoreError` line naming the store."""
        try:
            yield
        except sqlite3.Error as exc:
            raise self._problem(exc) from None

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
        with self._sqlite():
            return self._add(documents, jobs)

    def _add(self, documents: Iterable[Document], jobs: int) -> AddResult:
        stored = {
            row[0]: (row[1], row[2], row[3])
            for row in self._db.execute(
                "SELECT id, digest, fingerprint, json_extract(document, '$.path') FROM documents"
            )
        }
        renamed: dict[str, Document] = {}  # old id -> the stored document under its path id
        docs = sorted(self._identified(documents, stored, renamed), key=lambda d: d.id)
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
        for doc in renamed.values():  # unless given again (then it is one of the documents above)
            if doc.id not in seen:
                encoded[doc.id] = _dumps(doc)
                todo.append(doc)
        claims = self._extract(todo, jobs)  # before taking the write lock: only writing waits for it
        try:
            with self._transaction():
                for old in renamed:
                    self._db.execute("DELETE FROM claims WHERE document = ?", (old,))
                    self._db.execute("DELETE FROM documents WHERE id = ?", (old,))
                self._write(todo, claims, encoded)
        except sqlite3.Error as exc:
            if not _busy(exc):
                raise
            raise StoreError(
                f"{self.path}: the store is busy: another process is writing it (waited {self.timeout:g} s: "
                f"{exc}); nothing was stored: the {_count(len(claims), 'claim')} extracted from "
                f"{_count(len(todo), 'document')} in this run were discarded; run add again when it is done"
            ) from None
        return AddResult(
            added=tuple(added),
            replaced=tuple(replaced),
            unchanged=tuple(unchanged),
            renamed=tuple((old, doc.id) for old, doc in renamed.items()),
            extracted=len(todo),
            claims=len(claims),
        )

    def _identified(
        self,
        documents: Iterable[Document],
        stored: dict[str, tuple[str, str, str | None]],
        renamed: dict[str, Document],
    ) -> Iterator[Document]:
        """The documents under their ids in this store. A file stored before keeps its stored id (its
        path, as given and normalised, is the same); a file that takes the id of a stored file of its
        name from another folder, with other text, is another document: both take ids from their
        paths (`documents.qualified_ids`), the stored one renamed (its claims extracted again under
        the new id) and listed in ``renamed``."""
        by_path = {key: doc_id for doc_id, row in stored.items() if (key := _file_key(row[2])) is not None}
        for doc in documents:
            key = _file_key(doc.path)
            if key is None:
                yield doc
                continue
            if key in by_path:
                yield doc if by_path[key] == doc.id else with_id(doc, by_path[key])
                continue
            row = stored.get(doc.id)
            other = None if row is None else _file_key(row[2])
            if row is None or other is None or Path(other).parent == Path(key).parent:
                yield doc
                continue
            before = self._stored_document(doc.id)
            if before.text == doc.text:
                yield doc  # the same file, given by another path
                continue
            old_id, new_id = qualified_ids([other, key])
            if old_id in stored or new_id in stored or old_id == new_id:
                yield doc  # no free path ids: the new file replaces the stored one, as before
                continue
            renamed[doc.id] = with_id(before, old_id)
            by_path[other] = old_id
            by_path[key] = new_id
            stored[old_id] = stored.pop(doc.id)
            yield with_id(doc, new_id)

    def _stored_document(self, doc_id: str) -> Document:
        row = self._db.execute("SELECT document FROM documents WHERE id = ?", (doc_id,)).fetchone()
        stored: Document = self._record(row[0], Document, f"document {doc_id!r}")
        return stored

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
        with self._sqlite():
            rows = self._db.execute("SELECT id, document FROM documents ORDER BY id").fetchall()
        return tuple(self._record(row[1], Document, f"document {row[0]!r}") for row in rows)

    def __len__(self) -> int:
        with self._sqlite():
            return int(self._db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def check(self, *, jobs: int = 1) -> Report:
        """Cross-check everything stored: byte for byte the report `check` gives of the stored
        documents, extracting again only what another extractor made (`contents`). Raises
        `StoreError` when the store holds no documents."""
        docs, claims = self.contents(jobs=jobs)
        if not docs:
            raise StoreError(f"{self.path}: the store holds no documents")
        return check_claims(docs, claims, config=self.config)

    def contents(self, *, jobs: int = 1) -> tuple[tuple[Document, ...], list[Claim]]:
        """Every stored document and its claims, in document then text order: ``(documents, claims)``.

        Documents whose claims came from another extractor (see `fingerprint`) are extracted again
        first, and their claims replaced; in a store that cannot be written (read-only), the fresh
        claims are used without being stored.
        """
        with self._sqlite():
            rows = self._db.execute(
                "SELECT id, document FROM documents WHERE fingerprint != ? ORDER BY id", (self.fingerprint,)
            ).fetchall()
        stale = [self._record(row[1], Document, f"document {row[0]!r}") for row in rows]
        fresh: dict[str, list[Claim]] = {d.id: [] for d in stale}
        if stale:
            claims = self._extract(stale, jobs)
            try:
                with self._transaction():
                    self._write(stale, claims, {d.id: _dumps(d) for d in stale})
                fresh = {}  # stored: read back below with the others
            except sqlite3.Error as exc:
                if not _read_only(exc):
                    raise self._problem(exc) from None
                for claim in claims:
                    fresh[claim.document].append(claim)
        docs = self.documents()
        with self._sqlite():
            cursor = self._db.execute(
                "SELECT document, position, claim FROM claims ORDER BY document, position"
            )
            stored = [
                (row[0], self._record(row[2], Claim, f"claim {row[1]} of document {row[0]!r}"))
                for row in cursor
                if row[0] not in fresh
            ]
        by_doc: dict[str, list[Claim]] = fresh
        for doc_id, claim in stored:
            by_doc.setdefault(doc_id, []).append(claim)
        texts = {d.id: d.text for d in docs}
        out: list[Claim] = []
        for doc_id in sorted(by_doc):
            for claim in by_doc[doc_id]:
                text = texts.get(claim.document)
                if text is None or text[claim.span.start : claim.span.end] != claim.text:
                    raise StoreError(
                        f"{self.path}: the store is damaged (claim {claim.id!r} does not fit its "
                        "document's text); add its documents to a new store"
                    )
                out.append(claim)
        return docs, out

    def _record(self, text: str, expected: type, what: str) -> Any:
        """A stored row read back, or a `StoreError` naming the store and the row when it is damaged."""
        try:
            return _loads(text, expected)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError, StoreError) as exc:
            if isinstance(exc, RecursionError):
                reason = "nested too deeply"
            elif isinstance(exc, KeyError):
                reason = f"unknown name {exc}"
            else:
                reason = str(exc) or type(exc).__name__
            raise StoreError(
                f"{self.path}: the store is damaged ({what} cannot be read: {reason}); "
                "add its documents to a new store"
            ) from None


_JSONL_LINE = re.compile(r"\.jsonl:\d+$", re.IGNORECASE)


def _file_key(path: str | None) -> str | None:
    """How a document read from a file is recognised in the store: its path made absolute and
    normalised. None for a document of no file (a library document, a ``.jsonl`` line: its id is
    its identity)."""
    if path is None or _JSONL_LINE.search(path):
        return None
    return os.path.normpath(os.path.abspath(path))


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
