"""`--lexicon FILE`: the CLI reads with a user's word lists; a bad file is one error line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli import main

TEXT = "The club paid $5 million per fortnight.\n"


def _files(tmp_path: Path, lexicon: str = '[claims]\nrate_units = ["fortnight"]\n') -> tuple[Path, Path]:
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "newsroom.toml"
    path.write_text(lexicon, encoding="utf-8")
    return doc, path


def _units(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    assert main(["report", *argv, "--format", "json", "--jobs", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    return [c["value"]["unit"] for c in report["claims"] if c["kind"] == "quantity"]


def test_report_reads_with_the_lexicon(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """With --lexicon, "$5 million per fortnight" is a rate; without it, an amount."""
    doc, lexicon = _files(tmp_path)
    assert _units(capsys, [str(doc)]) == ["USD"]
    assert _units(capsys, [str(doc), "--lexicon", str(lexicon)]) == ["USD/fortnight"]


def test_a_bad_lexicon_is_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A lexicon of the wrong shape: one line naming the file and the class, no report, exit 2."""
    doc, lexicon = _files(tmp_path, "[claims]\nopeners = 5\n")
    assert main(["report", str(doc), "--lexicon", str(lexicon)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert (
        captured.err == f"crosscheck: error: {lexicon}: [claims.openers] must be a list, not a whole number\n"
    )


def test_a_missing_lexicon_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A lexicon file that is not there: named, exit 2."""
    doc, _ = _files(tmp_path)
    assert main(["add", str(tmp_path / "s.sqlite"), str(doc), "--lexicon", str(tmp_path / "none.toml")]) == 2
    assert "none.toml: cannot read lexicon file: No such file or directory" in capsys.readouterr().err


def test_a_store_extracts_again_under_another_lexicon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`add --lexicon` redoes the claims of a document stored without it; `report --store` reads them."""
    doc, lexicon = _files(tmp_path)
    store = str(tmp_path / "s.sqlite")
    assert main(["add", store, str(doc), "--jobs", "1"]) == 0
    assert main(["add", store, str(doc), "--jobs", "1"]) == 0
    assert main(["add", store, str(doc), "--jobs", "1", "--lexicon", str(lexicon)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":", 1)[1].split(";")[0].strip() for line in lines] == [
        "1 added, 0 replaced, 0 unchanged",
        "0 added, 0 replaced, 1 unchanged",
        "0 added, 1 replaced, 0 unchanged",
    ]
    assert _units(capsys, ["--store", store, "--lexicon", str(lexicon)]) == ["USD/fortnight"]
