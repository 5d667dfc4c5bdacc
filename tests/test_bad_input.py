"""The bad-input matrix: each case, the exact lines a user sees, the exit code, and the rest still checked.

Every case runs the CLI on a good document plus one bad input; docs/errors.md lists the same cases.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import crosscheck
from crosscheck import DocumentError, InputWarning, ManifestError
from crosscheck.cli import main

GOOD = "Posted on December 1, 2022\n\nMore than 2,000 troops arrived on Monday.\n"
SUMMARY = "crosscheck: warning: 1 input(s) skipped (see above); {n} document(s) read and checked"
KNOWN = "published, published_inferred, source, title, url"


class Run:
    """One CLI run over ``folder`` (holding good.txt) and any extra paths: exit code, stderr, report."""

    def __init__(self, tmp: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        out = tmp / "out" / "report.json"
        out.parent.mkdir(exist_ok=True)
        self.code = main(["report", *argv, "--format", "json", "--out", str(out), "--jobs", "1"])
        captured = capsys.readouterr()
        assert captured.out == ""
        self.err = captured.err.splitlines()
        self.report: dict[str, Any] | None = json.loads(out.read_text("utf-8")) if out.exists() else None

    @property
    def ids(self) -> list[str]:
        assert self.report is not None
        return [d["id"] for d in self.report["documents"]]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    (path / "good.txt").write_text(GOOD, encoding="utf-8")
    return path


def _skipped(message: str, n: int = 1) -> list[str]:
    return [f"crosscheck: warning: {message}; skipped", SUMMARY.format(n=n)]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# case -> (make the bad input in the folder, returning the extra CLI path or None; expected stderr)
SKIPPED: dict[str, tuple[Callable[[Path], Path | None], Callable[[Path], list[str]]]] = {
    "missing path": (
        lambda d: d / "missing.txt",
        lambda d: _skipped(f"{d}/missing.txt: no such file or folder"),
    ),
    "folder without documents": (
        lambda d: (d.parent / "empty").mkdir() or d.parent / "empty",
        lambda d: _skipped(
            f"{d.parent}/empty: no .txt or .md documents in this folder (nor .html, .htm, .jsonl)"
        ),
    ),
    "binary file": (
        lambda d: _write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR") and None,
        lambda d: _skipped(f"{d}/image.txt: binary file (NUL byte at offset 8), not text"),
    ),
    "neither UTF-8 nor Windows-1252": (
        lambda d: _write(d / "bytes.txt", b"caf\x81 \x9d") and None,
        lambda d: _skipped(
            f"{d}/bytes.txt: not valid UTF-8 (byte 0x81 at offset 3) nor Windows-1252 (byte 0x81 at offset 3)"
        ),
    ),
    "UTF-16 mark, odd bytes": (
        lambda d: _write(d / "u16.txt", codecs.BOM_UTF16_LE + b"a\x00b") and None,
        lambda d: _skipped(
            f"{d}/u16.txt: starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte offset 4)"
        ),
    ),
    "empty file": (
        lambda d: _write(d / "empty.txt", b"") and None,
        lambda d: _skipped(f"{d}/empty.txt: empty file"),
    ),
    "only whitespace": (
        lambda d: _write(d / "blank.txt", b" \r\n\t\n") and None,
        lambda d: _skipped(f"{d}/blank.txt: empty file (only whitespace)"),
    ),
    "manifest: bad date": (
        lambda d: _manifest(d, '[files."bad.txt"]\npublished = "last Tuesday"\n', "bad.txt"),
        lambda d: _skipped(
            f"{d}/manifest.toml: [files.'bad.txt'] published 'last Tuesday' is not a date (YYYY-MM-DD)"
        ),
    ),
    "manifest: path outside its folder": (
        lambda d: _manifest(d, '[files."../secret.txt"]\nsource = "X"\n'),
        lambda d: _skipped(
            f"{d}/manifest.toml: file name '../secret.txt' is not a plain name in this folder"
        ),
    ),
    "duplicate document id": (
        lambda d: _write(d / "good.md", b"Another text about 300 ships.\n") and None,
        lambda d: _skipped(f"{d}/good.txt: duplicate document id 'good' (also {d}/good.md)"),
    ),
    "symbolic link out of the folder": (
        lambda d: (d / "link.txt").symlink_to(_write(d.parent / "outside.txt", b"Secret: 42 agents.\n")),
        lambda d: _skipped(f"{d}/link.txt: a symbolic link to a file outside {d} (not followed)"),
    ),
    "a pipe named .txt": (
        lambda d: os.mkfifo(d / "pipe.txt"),
        lambda d: _skipped(f"{d}/pipe.txt: not a regular file (a device, pipe or socket)"),
    ),
    "HTML without article text": (
        lambda d: _write(d / "page.html", b"<html><body><script>var x = 1;</script></body></html>") and None,
        lambda d: _skipped(f"{d}/page.html: no article text in this HTML page"),
    ),
    "JSON Lines: a bad line": (
        lambda d: (
            _write(d / "c.jsonl", b'{"id": "j1", "text": "It has 12 ships."}\n{"id": "j2", "text": \n')
            and None
        ),
        lambda d: _skipped(f"{d}/c.jsonl:2: not valid JSON (Expecting value)", n=2),
    ),
}


def _manifest(folder: Path, toml: str, extra: str | None = None) -> None:
    (folder / "manifest.toml").write_text(toml, encoding="utf-8")
    if extra:
        (folder / extra).write_text("It had 9 ships.\n", encoding="utf-8")


@pytest.mark.parametrize("case", sorted(SKIPPED))
def test_a_bad_input_is_named_skipped_and_the_rest_checked(
    case: str, folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each bad input: one warning line naming it, a count line, exit 2, the good document still reported."""
    make, expected = SKIPPED[case]
    extra = make(folder)
    run = Run(tmp_path, capsys, [str(folder)] + ([str(extra)] if extra is not None else []))
    assert run.err == expected(folder)
    assert run.code == 2
    assert "good" in run.ids or "good" in [i.split(":")[0] for i in run.ids]
    if case == "JSON Lines: a bad line":
        assert run.ids == ["good", "j1"]


def test_a_50_mb_file_is_skipped_unread(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 50 MB dump over the 20 MB default limit is named and skipped, never read; the rest is checked."""
    with (folder / "dump.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # NUL bytes: had it been read, it would be called binary
    run = Run(tmp_path, capsys, [str(folder)])
    assert run.err == _skipped(
        f"{folder}/dump.txt: 52,428,800 bytes, over the size limit of 20,000,000 bytes (--max-bytes)"
    )
    assert (run.code, run.ids) == (2, ["good"])


def test_max_bytes_sets_the_limit(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--max-bytes N` skips a larger document whole, including one line of a JSON Lines file."""
    (folder / "long.txt").write_text("About 70 ships. " * 10, encoding="utf-8")
    lines = [{"id": "short", "text": "5 ships."}, {"id": "long", "text": "About 70 ships. " * 10}]
    (folder / "c.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    run = Run(tmp_path, capsys, [str(folder), "--max-bytes", "100"])
    assert run.err == [
        f"crosscheck: warning: {folder}/c.jsonl:2: a line of 186 bytes, over the size limit of 100 bytes (--max-bytes); skipped",
        f"crosscheck: warning: {folder}/long.txt: 160 bytes, over the size limit of 100 bytes (--max-bytes); skipped",
        "crosscheck: warning: 2 input(s) skipped (see above); 2 document(s) read and checked",
    ]
    assert (run.code, run.ids) == (2, ["good", "short"])


@pytest.mark.parametrize(
    ("case", "data", "encoding", "warning"),
    [
        ("Windows-1252", "At the café, 2,000 troops — «oui».\n".encode("cp1252"), "cp1252",
         "not valid UTF-8 (byte 0xe9 at offset 10); decoded as Windows-1252 (cp1252)"),
        ("UTF-8 with BOM", codecs.BOM_UTF8 + "At the café, 2,000 troops arrived.\n".encode(), "utf-8", None),
        ("UTF-16 LE with BOM", "At the café, 2,000 troops arrived.\n".encode("utf-16"), "utf-16",
         "decoded as UTF-16 (byte-order mark)"),
        ("UTF-16 BE with BOM", codecs.BOM_UTF16_BE + "At the café, 2,000 troops arrived.\n".encode("utf-16-be"),
         "utf-16", "decoded as UTF-16 (byte-order mark)"),
        ("CRLF line endings", b"Title\r\n\r\nAt the caf\xc3\xa9, 2,000 troops arrived.\r\n", "utf-8", None),
    ],
)  # fmt: skip
def test_other_encodings_are_decoded_said_and_spans_index_the_text(
    case: str,
    data: bytes,
    encoding: str,
    warning: str | None,
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Decodable text is checked (exit 0); a non-UTF-8 encoding is named; every span indexes the decoded text."""
    path = _write(folder / "other.txt", data)
    run = Run(tmp_path, capsys, [str(folder)])
    assert run.err == ([f"crosscheck: warning: {path}: {warning}"] if warning else [])
    assert (run.code, run.ids) == (0, ["good", "other"])
    (doc,) = (
        (d for d in crosscheck.load_documents(folder) if d.id == "other") if not warning else _warned(folder)
    )
    assert doc.encoding == encoding
    assert doc.text == data.decode({"utf-16": "utf-16", "cp1252": "cp1252"}.get(encoding, "utf-8"))
    assert run.report is not None
    claims = [c for c in run.report["claims"] if c["document"] == "other"]
    assert "2,000 troops" in [c["text"] for c in claims]
    for claim in claims:
        assert doc.text[claim["span"][0] : claim["span"][1]] == claim["text"]


def _warned(folder: Path) -> list[crosscheck.Document]:
    with pytest.warns(InputWarning, match="decoded as"):
        return [d for d in crosscheck.load_documents(folder) if d.id == "other"]


def test_utf8_bom_stays_the_first_character(tmp_path: Path) -> None:
    """A UTF-8 BOM is part of the file: kept as U+FEFF so offsets match any UTF-8 reader; the dateline still reads."""
    path = _write(tmp_path / "bom.txt", codecs.BOM_UTF8 + b"Posted on December 1, 2022\n\n12 ships.\n")
    (doc,) = crosscheck.load_documents(path)
    assert doc.text.startswith("\ufeffPosted")
    assert doc.published is not None and doc.published.isoformat() == "2022-12-01"


@pytest.mark.parametrize(
    ("case", "toml", "lines"),
    [
        ("unknown key", '[files."good.txt"]\nsorce = "AP"\n',
         ["crosscheck: warning: {m}: [files.'good.txt'] unknown key 'sorce' ignored (known: " + KNOWN + ")"]),
        ("a file it does not list", '[files."other.txt"]\nsource = "AP"\n',
         ["crosscheck: warning: {m}: [files.'other.txt'] names no document in this folder"]),
        ("no manifest entry for a file", "", []),
    ],
)  # fmt: skip
def test_manifest_caveats_warn_and_check_everything(
    case: str, toml: str, lines: list[str], folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unknown key, or a name that matches no file, is a warning: every document is checked, exit 0."""
    manifest = folder / "manifest.toml"
    manifest.write_text(toml, encoding="utf-8")
    run = Run(tmp_path, capsys, [str(folder)])
    assert run.err == [line.format(m=manifest) for line in lines]
    assert (run.code, run.ids) == (0, ["good"])


def test_malformed_manifest_skips_its_folder_and_checks_the_others(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A manifest that is not TOML leaves out its folder's documents (their metadata is unknown), not others'."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("Some 40 ships sailed.\n", encoding="utf-8")
    (other / "manifest.toml").write_text("[files.", encoding="utf-8")
    run = Run(tmp_path, capsys, [str(folder), str(other)])
    assert run.err[0].startswith(f"crosscheck: warning: {other}/manifest.toml: malformed TOML: ")
    assert run.err[1:] == [
        f"crosscheck: warning: {other}/a.txt: its folder's manifest.toml cannot be used; skipped",
        "crosscheck: warning: 2 input(s) skipped (see above); 1 document(s) read and checked",
    ]
    assert (run.code, run.ids) == (2, ["good"])


def test_non_english_documents_are_processed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Chinese, Russian, Arabic and Hindi documents are checked like any other: no warning, no crash, exit 0."""
    texts = {
        "zh": "中国派出了2000名士兵。俄罗斯说有1500人。2022年12月1日。\n",
        "ru": "Россия отправила более 2000 военных 1 декабря 2022 года.\n",
        "ar": "أرسلت روسيا أكثر من 2000 جندي في 1 ديسمبر 2022.\n",
        "hi": "रूस ने 1 दिसंबर 2022 को 2000 से अधिक सैनिक भेजे।\n",
    }
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    run = Run(tmp_path, capsys, [str(folder)])
    assert (run.code, run.err, run.ids) == (0, [], ["ar", "good", "hi", "ru", "zh"])
    assert run.report is not None
    for claim in run.report["claims"]:
        start, end = claim["span"]
        source = GOOD if claim["document"] == "good" else texts[claim["document"]]
        assert source[start:end] == claim["text"]


def test_nothing_left_is_an_error_per_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """When no document can be read, each problem is an error line, no report is written, exit 2."""
    empty = _write(tmp_path / "empty.txt", b"")
    run = Run(tmp_path, capsys, [str(tmp_path / "missing.txt"), str(empty)])
    assert run.err == [
        f"crosscheck: error: {tmp_path}/missing.txt: no such file or folder",
        f"crosscheck: error: {empty}: empty file",
    ]
    assert (run.code, run.report) == (2, None)


def test_skipping_wins_over_fail_on(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A run that skipped an input exits 2 even when --fail-on is met: the report is incomplete."""
    run = Run(tmp_path, capsys, [str(folder), str(folder / "missing.txt"), "--fail-on", "single-source"])
    assert run.err[-2].startswith("crosscheck: --fail-on single-source: ")
    assert run.err[-1] == SUMMARY.format(n=1)
    assert run.code == 2


def test_add_skips_bad_input_and_stores_the_rest(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`crosscheck add` names and skips a bad file, stores the others and exits 2."""
    _write(folder / "empty.txt", b"")
    store = tmp_path / "corpus.sqlite"
    code = main(["add", str(store), str(folder), "--jobs", "1", "--max-bytes", "1000"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines() == _skipped(f"{folder}/empty.txt: empty file")
    assert captured.out.endswith("1 documents stored\n")


def test_library_raises_the_first_problem_and_warns_the_caveats(folder: Path) -> None:
    """`load_documents` raises what left an input out; `try_load_documents` returns documents and problems."""
    _write(folder / "bin.txt", b"\x00")
    _write(folder / "old.txt", "Déjà 12 ships.".encode("cp1252"))
    with pytest.raises(DocumentError, match=r"bin\.txt: binary file \(NUL byte at offset 0\), not text"):
        crosscheck.load_documents(folder)
    result = crosscheck.try_load_documents(folder, folder / "nope")
    assert [d.id for d in result.documents] == ["good", "old"]
    assert [(p.path, p.skipped) for p in result.problems] == [
        (str(folder / "bin.txt"), True),
        (str(folder / "old.txt"), False),
        (str(folder / "nope"), True),
    ]
    assert [p.message for p in result.skipped][1] == f"{folder}/nope: no such file or folder"
    (folder / "bin.txt").unlink()
    with pytest.warns(
        InputWarning, match=r"old\.txt: not valid UTF-8 \(byte 0xe9 at offset 1\); decoded as Windows-1252"
    ):
        docs = crosscheck.load_documents(folder)
    assert docs[1].text == "Déjà 12 ships." and docs[1].encoding == "cp1252"


def test_library_manifest_errors_stay_manifest_errors(folder: Path) -> None:
    """A bad manifest entry raises ManifestError from `load_documents`, as before."""
    (folder / "manifest.toml").write_text('[files."good.txt"]\npublished = 5\n', encoding="utf-8")
    with pytest.raises(ManifestError, match=r"\[files\.'good\.txt'\] published 5 is not a date"):
        crosscheck.load_documents(folder)


def test_loading_never_changes_the_input(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a run over good, bad and odd files, every input byte is as it was and only --out was written."""
    _write(folder / "bin.txt", b"\x00\x01")
    _write(folder / "old.txt", "Déjà 12 ships.\r\n".encode("cp1252"))
    _write(folder / "u16.txt", "9 ships.".encode("utf-16"))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    Run(tmp_path, capsys, [str(folder)])
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert set(after) - set(before) == {tmp_path / "out" / "report.json"}
    assert {p: after[p] for p in before} == before
