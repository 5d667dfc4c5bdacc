"""A store file that is not a store, and a store locked past the timeout after `add` extracted (issue 14).

Random bytes (with or without SQLite's magic header), a few bytes, or a report given as the store:
`report --store`, `add` and `report --store S D` each print one line naming the file, exit 2, and
leave the file byte for byte as it was, with no journal beside it. An `add` that extracted and then
cannot take the write lock says that nothing was stored and what extraction was thrown away.
"""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest

from crosscheck import load_documents
from crosscheck.cli import main
from crosscheck.config import Config
from crosscheck.engines import LocalEngine
from crosscheck.store import Store, StoreError
from crosscheck.terms import default_terms

GOOD = "Posted on December 1, 2022\n\nMore than 2,000 troops arrived on Monday.\n"


def _random(n: int, seed: int, head: bytes = b"") -> bytes:
    rng = random.Random(seed)
    return head + bytes(rng.randrange(256) for _ in range(n))


FILES = {
    "random bytes": _random(8192, 1),
    "a few random bytes": _random(7, 2),
    "SQLite's header, then random bytes": _random(8192, 3, b"SQLite format 3\x00"),
    "SQLite's header and page size, then random bytes": _random(
        8192, 4, b"SQLite format 3\x00\x10\x00\x01\x01\x00\x40\x20\x20"
    ),
    "a JSON report": b'{"documents": [], "groups": []}\n',
}


@pytest.mark.parametrize("case", sorted(FILES))
@pytest.mark.parametrize(
    "command",
    [["report", "--store", "{S}"], ["add", "{S}", "{D}"], ["report", "--store", "{S}", "{D}"]],
    ids=["report --store S", "add S D", "report --store S D"],
)
def test_a_file_that_is_no_store_is_named_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: list[str]
) -> None:
    store = tmp_path / "s.sqlite"
    store.write_bytes(FILES[case])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    argv = [part.format(S=store, D=folder) for part in command]
    code = main([*argv, "--jobs", "1", *(["--format", "json"] if argv[0] == "report" else [])])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert "Traceback" not in captured.err
    [line] = captured.err.splitlines()
    assert re.fullmatch(
        rf"crosscheck: error: {re.escape(str(store))}: not a crosscheck store \((file is not a database|"
        r"unsupported file format|database disk image is malformed)\)",
        line,
    ), line
    assert store.read_bytes() == FILES[case]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "s.sqlite"]  # no journal, no WAL


def test_add_that_cannot_take_the_write_lock_says_what_it_threw_away(tmp_path: Path) -> None:
    """The extraction is done before the write lock is asked for; when another writer holds it past the
    timeout, nothing is stored and the message says how much extraction was discarded."""
    path = tmp_path / "s.sqlite"
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text(GOOD, encoding="utf-8")
    with Store(path) as store:
        store.add(load_documents(first))
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "n.txt").write_text("Some 40 ships sailed on Monday, and 300 troops left.\n", encoding="utf-8")
    docs = load_documents(folder)
    claims = LocalEngine(1).extract(docs, Config(), default_terms())
    assert claims  # there is extraction to lose
    before = path.read_bytes()
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with Store(path, timeout=0.2) as store, pytest.raises(StoreError) as raised:
            store.add(docs)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert str(raised.value) == (
        f"{path}: the store is busy: another process is writing it (waited 0.2 s: database is locked); "
        f"nothing was stored: the {len(claims)} claims extracted from 1 document in this run were "
        "discarded; run add again when it is done"
    )
    assert path.read_bytes() == before
    with Store(path, create=False) as store:
        assert [d.id for d in store.documents()] == ["a"]
