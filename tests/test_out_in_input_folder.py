"""`--out` to a new file inside an input folder (RELIABILITY F34): refused when the loader would read it
as a document on the next run (.txt, .md, .html, .htm, .jsonl, any case); another extension, or a
sub-folder (folders are not read recursively), is written as asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosscheck.cli import main
from crosscheck.documents import SUFFIXES

GOOD = "Posted on December 1, 2022\n\nMore than 2,000 troops arrived on Monday.\n"
FORMAT = {".txt": "terminal", ".md": "markdown", ".html": "html", ".htm": "html", ".jsonl": "json"}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    (path / "good.txt").write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["new.txt", "report.md", "page.html", "PAGE.HTM", "out.jsonl"])
def test_a_report_the_next_run_would_read_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    out = folder / name
    fmt = FORMAT[out.suffix.lower()]
    assert main(["report", str(folder), "--format", fmt, "--out", str(out), "--jobs", "1"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"crosscheck: error: {out}: --out is in an input folder ({folder}), where the next run would read "
        f"the report as a document; write it elsewhere or under an extension other than {', '.join(SUFFIXES)}"
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["good.txt"]  # nothing written


def test_the_store_with_a_folder_is_checked_too(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = folder / "new.md"
    store = tmp_path / "s.sqlite"
    code = main(["report", "--store", str(store), str(folder), "--format", "markdown", "--out", str(out)])
    assert code == 2
    assert "--out is in an input folder" in capsys.readouterr().err
    assert not out.exists()
    assert not store.exists()  # refused before the store is made


@pytest.mark.parametrize("where", ["report.json", "sub/report.md"])
def test_an_extension_the_loader_never_reads_or_a_sub_folder_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    out = folder / where
    out.parent.mkdir(exist_ok=True)
    fmt = "json" if out.suffix == ".json" else "markdown"
    assert main(["report", str(folder), "--format", fmt, "--out", str(out), "--jobs", "1"]) == 0
    assert out.exists()
    capsys.readouterr()
    # and the next run reads the same one document
    again = folder.parent / "again.json"
    assert main(["report", str(folder), "--format", "json", "--out", str(again), "--jobs", "1"]) == 0
    assert [d["id"] for d in json.loads(again.read_text("utf-8"))["documents"]] == ["good"]


def test_a_new_file_beside_a_file_given_is_written(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only a folder given is read whole; beside a file given, a new .txt is not an input."""
    out = folder / "new.txt"
    assert (
        main(["report", str(folder / "good.txt"), "--out", str(out), "--jobs", "1", "--color", "never"]) == 0
    )
    assert out.exists()
