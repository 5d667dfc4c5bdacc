"""The embedded store: a growing corpus in one SQLite file, reports identical to a fresh check."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import attrs
import pytest

import crosscheck
from crosscheck.cli import main
from crosscheck.pipeline import check_claims
from crosscheck.store import SCHEMA_VERSION, Store, StoreError

from .conftest import SEEDS


def _json(report: crosscheck.Report) -> str:
    return crosscheck.render(report, "json")


def _stored_report(path: Path) -> crosscheck.Report:
    with Store(path, create=False) as store:
        docs, claims = store.contents()
    return check_claims(docs, claims)


def test_report_from_store_is_identical_to_fresh_check(tmp_path: Path) -> None:
    """Claims read back from the store give the very same JSON as check() of the documents."""
    docs = crosscheck.load_documents(SEEDS)
    with Store(tmp_path / "s.sqlite") as store:
        result = store.add(docs)
    assert result.added == tuple(sorted(d.id for d in docs)) and result.extracted == len(docs)
    assert _json(_stored_report(tmp_path / "s.sqlite")) == _json(crosscheck.check(docs))


def test_readding_unchanged_documents_extracts_nothing(tmp_path: Path) -> None:
    """Adding the same documents again leaves them alone: no extraction, same report."""
    docs = crosscheck.load_documents(SEEDS)
    with Store(tmp_path / "s.sqlite") as store:
        store.add(docs)
        again = store.add(docs)
    assert again.extracted == 0 and again.claims == 0
    assert again.unchanged == tuple(sorted(d.id for d in docs))
    assert _json(_stored_report(tmp_path / "s.sqlite")) == _json(crosscheck.check(docs))


def test_changed_document_replaces_its_claims(tmp_path: Path) -> None:
    """A changed document is extracted again and only its claims change; the rest is untouched."""
    docs = list(crosscheck.load_documents(SEEDS))
    with Store(tmp_path / "s.sqlite") as store:
        store.add(docs)
        first = docs[0]
        assert "2,000" in first.text
        docs[0] = attrs.evolve(first, text=first.text.replace("2,000", "2,600"))
        result = store.add(docs)
    assert result.replaced == (first.id,) and result.extracted == 1 and len(result.unchanged) == 4
    stored = _stored_report(tmp_path / "s.sqlite")
    assert _json(stored) == _json(crosscheck.check(docs))
    assert any(c.text.startswith("more than 2,600") for c in stored.claims if c.document == first.id)
    assert not any("2,000" in c.text for c in stored.claims if c.document == first.id)


def test_growing_corpus_extracts_only_the_new_documents(tmp_path: Path) -> None:
    """Adding documents one batch at a time extracts each document once; the report covers all."""
    docs = crosscheck.load_documents(SEEDS)
    with Store(tmp_path / "s.sqlite") as store:
        assert store.add(docs[:2]).extracted == 2
        later = store.add(docs)
        assert later.extracted == 3 and later.added == tuple(sorted(d.id for d in docs[2:]))
        assert len(store) == 5
    assert _json(_stored_report(tmp_path / "s.sqlite")) == _json(crosscheck.check(docs))


def test_store_from_another_schema_version_is_refused_untouched(tmp_path: Path) -> None:
    """A store with another schema version is refused with a clear message and not modified."""
    path = tmp_path / "old.sqlite"
    with Store(path) as store:
        store.add(crosscheck.load_documents(SEEDS)[:1])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match=rf"schema version 0 .* not version {SCHEMA_VERSION}"):
        Store(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    """A text file or another SQLite database is not taken for a store."""
    text = tmp_path / "notes.txt"
    text.write_text("hello, this is not a database at all" * 20, encoding="utf-8")
    with pytest.raises(StoreError, match="not a crosscheck store"):
        Store(text)
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(StoreError, match="not a crosscheck store"):
        Store(other)


def test_stale_claims_are_extracted_again(tmp_path: Path) -> None:
    """Claims made with other settings are not reused: the report follows the current config."""
    docs = crosscheck.load_documents(SEEDS)
    config = crosscheck.Config(context_window=40)
    with Store(tmp_path / "s.sqlite", config=config) as store:
        store.add(docs)
    with Store(tmp_path / "s.sqlite") as store:
        again = store.add(docs)
        assert again.extracted == 5 and again.replaced == tuple(sorted(d.id for d in docs))
    assert _json(_stored_report(tmp_path / "s.sqlite")) == _json(crosscheck.check(docs))


def test_cli_add_then_report_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`crosscheck add` then `crosscheck report --store` prints the same JSON as reporting the files."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    store = tmp_path / "corpus.sqlite"
    assert main(["add", str(store), str(folder), "--jobs", "1"]) == 0
    assert "5 added" in capsys.readouterr().out
    assert main(["add", str(store), str(folder)]) == 0
    assert "0 added, 0 replaced, 5 unchanged; 0 claims extracted" in capsys.readouterr().out
    assert main(["report", "--store", str(store), "--format", "json"]) == 0
    from_store = capsys.readouterr().out
    assert main(["report", str(folder), "--format", "json"]) == 0
    assert from_store == capsys.readouterr().out


def test_cli_report_store_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing store, or a file that is not one, is one line on stderr and exit code 2."""
    assert main(["report", "--store", str(tmp_path / "missing.sqlite")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such store" in err
    bogus = tmp_path / "bogus.sqlite"
    bogus.write_bytes(b"\x00garbage" * 200)
    assert main(["add", str(bogus), str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a crosscheck store" in err
