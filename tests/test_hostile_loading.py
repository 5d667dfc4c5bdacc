"""Hostile and unlucky inputs while loading (issue 14): each ends in one ``crosscheck:`` line naming the
file and the problem (exit 2, the other documents still checked, nothing given modified), or, where
the input is fine, in the right report. Never a traceback."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from crosscheck.cli import main

GOOD = "Officials said 1,500 soldiers arrived on Monday.\n"
CLI = [sys.executable, "-m", "crosscheck"]


def _folder(tmp_path: Path, name: str = "D") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def _report(
    capsys: pytest.CaptureFixture[str], out: Path, *paths: Path | str, fmt: str = "json"
) -> tuple[int, list[str]]:
    """``report PATHS --out OUT``: the exit code and the stderr lines (checked: no traceback)."""
    code = main(["report", *map(str, paths), "--format", fmt, "--out", str(out), "--jobs", "1"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def _ids(out: Path) -> list[str]:
    report: dict[str, Any] = json.loads(out.read_bytes().decode("utf-8"))  # strict UTF-8: the contract
    return [d["id"] for d in report["documents"]]


def _skipped(lines: list[str], n_docs: int) -> None:
    assert lines[-1] == (
        f"crosscheck: warning: 1 input(s) skipped (see above); {n_docs} document(s) read and checked"
    )


# --- JSON Lines ------------------------------------------------------------------------------------------


def test_jsonl_integer_of_more_than_4300_digits_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    (folder / "c.jsonl").write_text(
        '{"id": "a", "text": "Some 40 ships sailed.", "n": ' + "9" * 4301 + "}\n", encoding="utf-8"
    )
    out = tmp_path / "r.json"
    code, lines = _report(capsys, out, folder)
    assert (code, lines) == (0, [])
    assert _ids(out) == ["a", "good"]


def _surrogate_folder(tmp_path: Path) -> Path:
    folder = _folder(tmp_path)
    (folder / "c.jsonl").write_text(
        '{"id": "j", "text": "It has 12 ships \\ud800 today."}\n'
        '{"id": "k\\udc00", "text": "It has 14 ships today."}\n'
        '{"id": "fine", "text": "It has 12 ships today."}\n',
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("fmt", ["html", "json", "markdown", "terminal"])
def test_jsonl_lone_surrogate_is_one_line_and_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    folder = _surrogate_folder(tmp_path)
    out = tmp_path / f"r.{fmt}"
    code, lines = _report(capsys, out, folder, fmt=fmt)
    assert code == 2
    assert lines[:2] == [
        f"crosscheck: warning: {folder}/c.jsonl:1: 'text' of 'j' holds a lone surrogate (\\ud800 at "
        "offset 16), not Unicode text; skipped",
        f"crosscheck: warning: {folder}/c.jsonl:2: 'id' of 'k\\udc00' holds a lone surrogate (\\udc00 at "
        "offset 1), not Unicode text; skipped",
    ]
    assert lines[2] == "crosscheck: warning: 2 input(s) skipped (see above); 2 document(s) read and checked"
    text = out.read_bytes().decode("utf-8")  # strict: the report is UTF-8
    assert ("2 documents" if fmt == "terminal" else "fine") in text


def test_add_of_a_jsonl_lone_surrogate_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _surrogate_folder(tmp_path)
    store = tmp_path / "s.sqlite"
    code = main(["add", str(store), str(folder), "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 2 and "Traceback" not in captured.err
    assert f"{folder}/c.jsonl:1: 'text' of 'j' holds a lone surrogate" in captured.err
    assert captured.out.startswith(f"{store}: 2 added, 0 replaced, 0 unchanged")
    with sqlite3.connect(store) as db:
        assert sorted(r[0] for r in db.execute("SELECT id FROM documents")) == ["fine", "good"]
