"""The store and the outputs under faults (issue 14): nothing overwritten, the same fingerprint in every
process, and one line (exit 2, no traceback) for a read-only, damaged or busy store."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck
from crosscheck import cli
from crosscheck.cli import main
from crosscheck.store import Store, StoreError

from .conftest import SEEDS

CLI = [sys.executable, "-m", "crosscheck"]


def _one_error_line(err: str) -> str:
    """The single stderr line of a failed run, checked to be one ``crosscheck: error:`` line."""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("crosscheck: error: ") and "Traceback" not in err
    return lines[0]


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "s.sqlite"
    assert main(["add", str(path), str(SEEDS), "--jobs", "1"]) == 0
    return path


def _new_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "n.txt").write_text("Some 40 ships sailed on Monday.\n", encoding="utf-8")
    return folder


# --- --out never overwrites an input ---------------------------------------------------------------------


def test_out_naming_the_store_is_refused(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    before = store.read_bytes()
    for extra in ([], [str(_new_folder(tmp_path))]):
        assert main(["report", "--store", str(store), *extra, "--format", "json", "--out", str(store)]) == 2
        line = _one_error_line(capsys.readouterr().err)
        assert (
            line == f"crosscheck: error: {store}: --out names the store ({store}); refusing to overwrite it"
        )
    assert store.read_bytes() == before


def test_out_naming_a_manifest_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The manifest of a folder given, or of a file given, existing or not: refused, left as it was."""
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    manifest = folder / "manifest.toml"
    before = manifest.read_bytes()
    one = sorted(folder.glob("*.txt"))[0]
    for given in (folder, one):
        assert main(["report", str(given), "--format", "json", "--out", str(manifest)]) == 2
        line = _one_error_line(capsys.readouterr().err)
        assert (
            line == f"crosscheck: error: {manifest}: --out names an input ({given}); refusing to overwrite it"
        )
    assert manifest.read_bytes() == before
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "a.txt").write_text("Some 40 ships sailed.\n", encoding="utf-8")
    assert main(["report", str(bare), "--out", str(bare / "manifest.toml")]) == 2
    assert not (bare / "manifest.toml").exists()  # a manifest the next run would read is never made


# --- the fingerprint is the same in every process ----------------------------------------------------------


def test_the_fingerprint_does_not_depend_on_the_hash_seed() -> None:
    code = (
        "from crosscheck import Config; from crosscheck.store import fingerprint; "
        "from crosscheck.terms import default_terms; print(fingerprint(Config(), default_terms()))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1


def test_adding_an_unchanged_folder_in_a_new_process_extracts_nothing(tmp_path: Path) -> None:
    """RELIABILITY F09: before, every new process saw every stored document as "replaced"."""
    path = tmp_path / "s.sqlite"
    outs = []
    for seed in ("1", "2"):
        run = subprocess.run(
            [*CLI, "add", str(path), str(SEEDS), "--jobs", "1"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, run.stderr
        outs.append(run.stdout)
    assert outs[0].startswith(f"{path}: 5 added, 0 replaced, 0 unchanged;")
    assert (
        outs[1]
        == f"{path}: 0 added, 0 replaced, 5 unchanged; 0 claims extracted from 0 documents; 5 documents stored\n"
    )


# --- a read-only store --------------------------------------------------------------------------------------


def _read_only_run(folder: Path, argv: list[str]) -> subprocess.CompletedProcess[str]:
    """``crosscheck ARGV`` with ``folder`` read-only: by permissions for a normal user; for root (whom
    permissions do not stop) by a read-only bind mount in a private mount namespace."""
    if os.geteuid() != 0:
        for path in folder.iterdir():
            path.chmod(0o444)
        folder.chmod(0o555)
        try:
            return subprocess.run([*CLI, *argv], capture_output=True, text=True)
        finally:
            folder.chmod(0o755)
            for path in folder.iterdir():
                path.chmod(0o644)
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: no way to make a folder read-only for root")
    script = (
        'mount --make-rprivate / && mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" '
        '|| { echo "no mount namespace" >&2; exit 99; }; shift; exec "$@"'
    )
    run = subprocess.run(
        ["unshare", "-m", "sh", "-c", script, "sh", str(folder), *CLI, *argv], capture_output=True, text=True
    )
    if run.returncode == 99:
        pytest.skip(f"cannot make a read-only mount here: {run.stderr.strip()}")
    return run


def test_a_read_only_store_is_reported_and_never_written(store: Path, tmp_path: Path) -> None:
    """RELIABILITY F10: `report --store` reads a read-only store (claims of another extractor are made
    again in memory); `add` says in one line that it cannot write, exit 2."""
    with sqlite3.connect(store) as db:
        db.execute("UPDATE documents SET fingerprint = 'another extractor'")  # forces a re-extraction
    db.close()
    before = store.read_bytes()
    report = _read_only_run(
        store.parent, ["report", "--store", str(store), "--format", "json", "--jobs", "1"]
    )
    assert report.returncode == 0, report.stderr
    assert report.stdout == crosscheck.render(crosscheck.check(crosscheck.load_documents(SEEDS)), "json")
    add = _read_only_run(store.parent, ["add", str(store), str(_new_folder(tmp_path)), "--jobs", "1"])
    assert add.returncode == 2
    line = _one_error_line(add.stderr)
    assert line.startswith(f"crosscheck: error: {store}: cannot write to the store: it is read-only (")
    assert store.read_bytes() == before


# --- a damaged store ---------------------------------------------------------------------------------------

FIRST_CLAIM = "WHERE rowid = (SELECT min(rowid) FROM claims)"
DAMAGE = {
    "claim not JSON": (f"UPDATE claims SET claim = 'not json{{' {FIRST_CLAIM}", "Expecting value"),
    "unknown type": (f"""UPDATE claims SET claim = '{{"$": "Nope"}}' {FIRST_CLAIM}""", "unknown name 'Nope'"),
    "nested 100,000 deep": (
        f"UPDATE claims SET claim = '{'[' * 100_000}{']' * 100_000}' {FIRST_CLAIM}",
        "nested too deeply",
    ),
    "document not JSON": (
        "UPDATE documents SET document = 'x' WHERE rowid = (SELECT min(rowid) FROM documents)",
        "cannot be read",
    ),
    "span past the text": (
        f"""UPDATE claims SET claim = replace(replace(claim, '"start":', '"start":1000000000'),
        '"end":', '"end":1000000009') {FIRST_CLAIM}""",
        "does not fit its document's text",
    ),
    "claims table dropped": ("DROP TABLE claims", "no claims table"),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_store_is_one_line_not_a_traceback(
    case: str, store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """RELIABILITY F11: rows that are not stored records give one line naming the store; nothing changes."""
    sql, reason = DAMAGE[case]
    with sqlite3.connect(store) as db:
        db.execute(sql)
    db.close()
    before = store.read_bytes()
    capsys.readouterr()
    assert main(["report", "--store", str(store), "--format", "json", "--jobs", "1"]) == 2
    captured = capsys.readouterr()
    line = _one_error_line(captured.err)
    assert line.startswith(f"crosscheck: error: {store}: the store is damaged (") and reason in line
    assert captured.out == ""
    assert store.read_bytes() == before


def test_a_zero_byte_file_is_not_made_into_a_store_by_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert main(["report", "--store", str(empty)]) == 2
    assert "not a crosscheck store" in _one_error_line(capsys.readouterr().err)
    assert empty.read_bytes() == b""


# --- a busy store -------------------------------------------------------------------------------------------


def test_add_while_another_writer_holds_the_store(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """RELIABILITY F12: another connection holds the write lock; `add` waits (5 s), then says so in one
    line, exit 2; the store is unchanged. A report can still read it meanwhile."""
    folder = _new_folder(tmp_path)
    capsys.readouterr()
    holder = sqlite3.connect(store, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        assert main(["add", str(store), str(folder), "--jobs", "1"]) == 2
        assert time.monotonic() - started >= 4  # it waited for the lock before giving up
        line = _one_error_line(capsys.readouterr().err)
        assert line.startswith(
            f"crosscheck: error: {store}: the store is busy: another process is writing it"
        )
        assert "database is locked" in line
        assert main(["report", "--store", str(store), "--quiet", "--jobs", "1"]) == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(store, create=False) as stored:
        assert len(stored) == 5


def test_a_store_locked_at_open_is_called_busy_not_foreign(store: Path) -> None:
    holder = sqlite3.connect(store, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match=r"the store is busy: .*database is locked"):
            Store(store, create=False, timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- --out is written whole or not at all --------------------------------------------------------------------


def test_a_failed_write_keeps_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """RELIABILITY F22: the disk fills half-way through the report: the old report stays, whole, and
    no partial or temporary file is left."""
    out = tmp_path / "out" / "report.json"
    out.parent.mkdir()
    out.write_text("the previous report\n", encoding="utf-8")

    def full_disk(report: object, fmt: str) -> Iterator[str]:
        yield '{"partial": '
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cli, "render_chunks", full_disk)
    assert main(["report", str(SEEDS), "--format", "json", "--out", str(out), "--jobs", "1"]) == 2
    line = _one_error_line(capsys.readouterr().err)
    assert line == f"crosscheck: error: {out}: cannot write report: No space left on device"
    assert out.read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.json"]


def test_a_new_report_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert main(["report", str(SEEDS), "--format", "markdown", "--out", str(out), "--jobs", "1"]) == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask
    assert out.read_text(encoding="utf-8").startswith("# crosscheck report")
    out.chmod(0o640)  # an existing report keeps its permissions when rewritten
    assert main(["report", str(SEEDS), "--format", "json", "--out", str(out), "--jobs", "1"]) == 0
    assert out.stat().st_mode & 0o777 == 0o640


def test_out_to_a_device_is_written_in_place(capfd: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS), "--format", "json", "--out", "/dev/stdout", "--jobs", "1"]) == 0
    assert capfd.readouterr().out.startswith("{")
