"""A store's SQLite file: its schema and version, opening or creating it, transactions, and the
SQLite failures read as busy or read-only (`crosscheck.store`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ._version import __version__
from .errors import StoreError

__all__ = ["SCHEMA_VERSION", "open_schema"]

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


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:  # SQLite may have rolled back already (a full disk)
            self.db.execute("ROLLBACK")


def _busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _read_only(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return "readonly" in text or "read-only" in text or "unable to open database file" in text


def open_schema(db: sqlite3.Connection, path: Path, create: bool) -> None:
    """Check that ``db`` is a crosscheck store of this schema version, or make an empty file one
    (when ``create``); a `StoreError` naming ``path`` otherwise, the file left untouched."""
    app = db.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables and app == 0 and not create:
        raise StoreError(f"{path}: not a crosscheck store (an empty file or database); it was left untouched")
    if not tables and app == 0:
        with _Transaction(db):
            db.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            db.execute("INSERT INTO meta VALUES ('created_by', ?)", (f"crosscheck {__version__}",))
        return
    if app != _APPLICATION_ID or "meta" not in tables:
        raise StoreError(f"{path}: not a crosscheck store (an SQLite file of something else)")
    missing = {"documents", "claims"} - tables
    if missing:
        raise StoreError(
            f"{path}: the store is damaged (no {' or '.join(sorted(missing))} table); "
            "add its documents to a new store"
        )
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = row[0] if row else "unknown"
    if version != str(SCHEMA_VERSION):
        by = db.execute("SELECT value FROM meta WHERE key = 'created_by'").fetchone()
        raise StoreError(
            f"{path}: store schema version {version} (written by {by[0] if by else 'unknown'}) "
            f"is not version {SCHEMA_VERSION} of crosscheck {__version__}; it was left untouched: "
            "add the documents to a new store"
        )
