"""`--max-bytes` bounds every input: a file, a `.jsonl` line and a `manifest.toml` (issue 14 item 8).

A `.jsonl` corpus is read line by line: a line over the limit is named (file and line) and skipped
without being held in memory, the other lines are checked; a manifest over the limit cannot be used,
so its folder's files are skipped, and other folders are checked. Exit 2, nothing changed.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from crosscheck import try_load_documents
from crosscheck.cli import main

GOOD = "Posted on December 1, 2022\n\nMore than 2,000 troops arrived on Monday.\n"


def _run(argv: list[str], tmp: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], Any]:
    out = tmp / "report.json"
    code = main(["report", *argv, "--format", "json", "--out", str(out), "--jobs", "1"])
    captured = capsys.readouterr()
    assert captured.out == ""
    report = json.loads(out.read_text("utf-8")) if out.exists() else None
    return code, captured.err.splitlines(), report


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _line(doc_id: str, text: str) -> str:
    return json.dumps({"id": doc_id, "text": text}) + "\n"


def test_a_jsonl_line_over_the_limit_is_named_and_the_other_lines_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    long_line = json.dumps({"id": "long", "title": "x" * 500, "text": "5 ships."})  # a huge title counts too
    (folder / "c.jsonl").write_text(
        _line("one", "About 70 ships came.") + long_line + "\n" + _line("two", "7 ships came."),
        encoding="utf-8",
    )
    before = _digests(folder)
    code, err, report = _run([str(folder), "--max-bytes", "200"], tmp_path, capsys)
    assert err == [
        f"crosscheck: warning: {folder}/c.jsonl:2: a line of {len(long_line):,} bytes, over the size limit "
        "of 200 bytes (--max-bytes); skipped",
        "crosscheck: warning: 1 input(s) skipped (see above); 3 document(s) read and checked",
    ]
    assert code == 2
    assert [d["id"] for d in report["documents"]] == ["good", "one", "two"]
    assert [d["path"] for d in report["documents"]][1:] == [f"{folder}/c.jsonl:1", f"{folder}/c.jsonl:3"]
    assert _digests(folder) == before


def test_the_line_limit_is_inclusive_and_counts_utf8_bytes(tmp_path: Path) -> None:
    """A line of exactly the limit is read; one byte more (here: one accented letter, two bytes) is not."""
    line = json.dumps({"id": "a", "text": "5 ships came."}, ensure_ascii=False)
    accented = json.dumps({"id": "b", "text": "5 ships cam\u00e9."}, ensure_ascii=False)
    path = tmp_path / "c.jsonl"
    path.write_text(line + "\n" + accented + "\n", encoding="utf-8")
    result = try_load_documents(path, max_bytes=len(line))
    assert [d.id for d in result.documents] == ["a"]
    assert [p.message for p in result.problems] == [
        f"{path}:2: a line of {len(line) + 1:,} bytes, over the size limit of {len(line):,} bytes (--max-bytes)"
    ]


def test_an_over_long_line_is_never_held_in_memory(tmp_path: Path) -> None:
    """A 20 MB line under a 1,000-byte limit: read past in pieces, the next line still read."""
    path = tmp_path / "c.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write('{"id": "huge", "text": "')
        for _ in range(20):
            out.write("troops " * 150_000)
        out.write('"}\n')
        out.write(_line("small", "5 ships came on Monday."))
    tracemalloc.start()
    try:
        result = try_load_documents(path, max_bytes=1000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.id for d in result.documents] == ["small"]
    size = path.stat().st_size - len(_line("small", "5 ships came on Monday.")) - 1
    assert [p.message for p in result.problems] == [
        f"{path}:1: a line of {size:,} bytes, over the size limit of 1,000 bytes (--max-bytes)"
    ]
    assert peak < 8_000_000  # pieces of about 1 MB of text; the line is 21 MB


@pytest.mark.parametrize(
    ("encoding", "data", "note"),
    [
        ("utf-16", lambda text: text.encode("utf-16"), "decoded as UTF-16 (byte-order mark)"),
        ("utf-32", lambda text: text.encode("utf-32"), "decoded as UTF-32 (byte-order mark)"),
        (
            "cp1252",
            lambda text: text.replace("ships", "ships caf\u00e9").encode("cp1252"),
            "not valid UTF-8 (byte 0xe9 at offset 32); decoded as Windows-1252 (cp1252)",
        ),
    ],
)
def test_a_jsonl_corpus_in_another_encoding_is_read_line_by_line(
    tmp_path: Path, encoding: str, data: Any, note: str
) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(data(_line("a", "5 ships came.") + _line("b", "7 ships came.")))
    result = try_load_documents(path, max_bytes=1000)
    assert [(d.id, d.encoding) for d in result.documents] == [("a", encoding), ("b", encoding)]
    assert [p.message for p in result.problems] == [f"{path}: {note}"]


def test_a_jsonl_file_that_is_binary_or_blank_is_named(tmp_path: Path) -> None:
    binary = tmp_path / "b.jsonl"
    binary.write_bytes(_line("a", "5 ships.").encode() + b"\x00")
    blank = tmp_path / "w.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    empty = tmp_path / "e.jsonl"
    empty.write_bytes(b"")
    bad16 = tmp_path / "u.jsonl"
    bad16.write_bytes(codecs.BOM_UTF16_LE + b"{\x00\x00\xd8")  # a lone high surrogate
    result = try_load_documents(binary, blank, empty, bad16)
    assert [p.message for p in result.problems] == [
        f"{binary}: binary file (NUL byte at offset {len(_line('a', '5 ships.'))}), not text",
        f"{blank}: empty file (only whitespace)",
        f"{empty}: empty file",
        f"{bad16}: starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte offset 4)",
    ]


def test_a_line_separator_inside_a_json_string_does_not_split_the_line(tmp_path: Path) -> None:
    """JSON Lines lines end at ``\\n`` only: U+2028 and NEL are text inside a JSON string."""
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": "5 ships\u2028came\x85 on Monday."}, ensure_ascii=False) + "\r\n",
        encoding="utf-8",
    )
    result = try_load_documents(path)
    assert result.problems == ()
    assert [d.text for d in result.documents] == ["5 ships\u2028came\x85 on Monday."]


def test_a_manifest_over_the_limit_is_not_read_and_other_folders_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big"
    big.mkdir()
    (big / "a.txt").write_text(GOOD, encoding="utf-8")
    manifest = '[files."a.txt"]\nsource = "' + "x" * 400 + '"\n'
    (big / "manifest.toml").write_text(manifest, encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "good.txt").write_text(GOOD, encoding="utf-8")
    before = _digests(big)
    code, err, report = _run([str(big), str(other), "--max-bytes", "300"], tmp_path, capsys)
    assert err == [
        f"crosscheck: warning: {big}/manifest.toml: {len(manifest):,} bytes, over the size limit of 300 bytes "
        "(--max-bytes); skipped",
        f"crosscheck: warning: {big}/a.txt: its folder's manifest.toml cannot be used; skipped",
        "crosscheck: warning: 2 input(s) skipped (see above); 1 document(s) read and checked",
    ]
    assert code == 2
    assert [d["id"] for d in report["documents"]] == ["good"]
    assert _digests(big) == before


def test_a_manifest_over_the_limit_stops_add_of_its_files_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "manifest.toml").write_text('[files."a.txt"]\ntitle = "' + "t" * 200 + '"\n', encoding="utf-8")
    lone = tmp_path / "lone.txt"
    lone.write_text(GOOD, encoding="utf-8")
    code = main(
        ["add", str(tmp_path / "s.sqlite"), str(folder), str(lone), "--jobs", "1", "--max-bytes", "150"]
    )
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].startswith(f"crosscheck: warning: {folder}/manifest.toml: ")
    assert err[0].endswith("over the size limit of 150 bytes (--max-bytes); skipped")
    assert err[-1] == "crosscheck: warning: 2 input(s) skipped (see above); 1 document(s) read and checked"
