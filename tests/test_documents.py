"""Loading documents: files, folders, manifests, datelines and clear one-line errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import crosscheck
from crosscheck import DocumentError, ManifestError

from .conftest import SEEDS


def test_seed_folder_loads_sorted_with_manifest_metadata() -> None:
    """A folder is read in name order; its manifest gives source, date, title; text is untouched."""
    docs = crosscheck.load_documents(SEEDS)
    assert [d.id for d in docs] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    first = docs[0]
    assert first.source == "Associated Press"
    assert first.published == dt.date(2022, 12, 1)
    assert first.title == "Russian, Chinese bombers fly joint patrols over Pacific"
    assert not first.published_inferred
    assert first.text == (SEEDS / "000_95279f800b99fdd1.txt").read_text(encoding="utf-8")


def test_inferred_comment_in_manifest_marks_the_date_inferred() -> None:
    """`published = ... # inferred: ...` is kept as a date and flagged as worked out."""
    docs = {d.id: d for d in crosscheck.load_documents(SEEDS)}
    assert docs["001_60c73da372959729"].published == dt.date(2023, 7, 17)
    assert docs["001_60c73da372959729"].published_inferred
    assert docs["002_802931a856429f27"].source is None


def test_dateline_gives_the_date_when_no_manifest(tmp_path: Path) -> None:
    """Without metadata, "Posted on December 1, 2022" gives the publication date, marked inferred."""
    path = tmp_path / "a.txt"
    path.write_text(
        "# Title\n\nPosted on December 1, 2022 by Associated Press\n\nBody text here.\n", encoding="utf-8"
    )
    (doc,) = crosscheck.load_documents(path)
    assert doc.id == "a"
    assert doc.published == dt.date(2022, 12, 1)
    assert doc.published_inferred


def test_single_file_uses_its_folders_manifest() -> None:
    """A file named on its own still gets its manifest entry."""
    (doc,) = crosscheck.load_documents(SEEDS / "003_e54886f2d9290287.txt")
    assert doc.source == "PTI"


def test_crlf_text_is_kept_as_read(tmp_path: Path) -> None:
    """No newline translation: spans index the text exactly as stored."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First line.\r\nSecond line.\r\n")
    (doc,) = crosscheck.load_documents(path)
    assert doc.text == "First line.\r\nSecond line.\r\n"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p / "missing.txt", "no such file or folder"),
        (lambda p: _write(p / "bad.txt", b"caf\x81 au lait"), "not valid UTF-8 (byte 0x81 at offset 3)"),
        (lambda p: _write(p / "empty.txt", b""), "empty file"),
        (lambda p: _write(p / "blank.txt", b"  \n\t\n"), "empty file"),
        (lambda p: _mkdir(p / "nothing"), "no .txt or .md documents in this folder"),
    ],
)
def test_bad_input_is_one_line_naming_the_file(tmp_path: Path, setup: object, message: str) -> None:
    """Each bad input raises DocumentError with one line that names the path and the problem."""
    path = setup(tmp_path)  # type: ignore[operator]
    with pytest.raises(DocumentError) as info:
        crosscheck.load_documents(path)
    text = str(info.value)
    assert message in text
    assert str(path) in text
    assert "\n" not in text


def test_malformed_manifest_is_refused(tmp_path: Path) -> None:
    """A manifest that is not TOML is a ManifestError naming manifest.toml."""
    _write(tmp_path / "a.txt", b"Some text.")
    _write(tmp_path / "manifest.toml", b'[files."a.txt"\nsource = ')
    with pytest.raises(ManifestError, match=r"manifest\.toml: malformed TOML"):
        crosscheck.load_documents(tmp_path)


def test_manifest_bad_date_and_escaping_names_are_refused(tmp_path: Path) -> None:
    """A date that is not a date, and a name outside the folder, are refused with the file named."""
    _write(tmp_path / "a.txt", b"Some text.")
    _write(tmp_path / "manifest.toml", b'[files."a.txt"]\npublished = "yesterday"\n')
    with pytest.raises(ManifestError, match="is not a date"):
        crosscheck.load_documents(tmp_path)
    _write(tmp_path / "manifest.toml", b'[files."../a.txt"]\nsource = "X"\n')
    with pytest.raises(ManifestError, match="not a plain name"):
        crosscheck.load_documents(tmp_path)


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    """a.txt and a.md would both be document 'a'."""
    _write(tmp_path / "a.txt", b"One.")
    _write(tmp_path / "a.md", b"Two.")
    with pytest.raises(DocumentError, match="duplicate document id 'a'"):
        crosscheck.load_documents(tmp_path)


def test_loading_changes_nothing(tmp_path: Path) -> None:
    """Reading leaves every input byte and file as it was."""
    _write(tmp_path / "a.txt", b"Troops: 2,000.\r\n")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    crosscheck.load_documents(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path
