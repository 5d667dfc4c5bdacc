"""Hostile and unlucky inputs while loading (issue 14): each ends in one ``crosscheck:`` line naming the
file and the problem (exit 2, the other documents still checked, nothing given modified), or, where
the input is fine, in the right report. Never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
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


# --- manifest --------------------------------------------------------------------------------------------


def test_manifest_nested_2000_deep_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    manifest = folder / "manifest.toml"
    manifest.write_text("x = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    other = _folder(tmp_path, "E")
    (other / "good.txt").rename(other / "other.txt")
    before = manifest.read_bytes()
    out = tmp_path / "r.json"
    code, lines = _report(capsys, out, folder, other)
    assert code == 2
    assert lines == [
        f"crosscheck: warning: {manifest}: TOML nested too deeply to read; skipped",
        f"crosscheck: warning: {folder}/good.txt: its folder's manifest.toml cannot be used; skipped",
        "crosscheck: warning: 2 input(s) skipped (see above); 1 document(s) read and checked",
    ]
    assert _ids(out) == ["other"]
    assert manifest.read_bytes() == before


# --- symbolic-link loops and folders that cannot be read ---------------------------------------------------


def test_symlink_loop_in_a_folder_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    out = tmp_path / "r.json"
    code, lines = _report(capsys, out, folder)
    assert code == 2
    assert lines == [
        f"crosscheck: warning: {folder}/a.md: a symbolic link loop (not followed); skipped",
        f"crosscheck: warning: {folder}/b.md: a symbolic link loop (not followed); skipped",
        f"crosscheck: warning: {folder}/loop.txt: a symbolic link loop (not followed); skipped",
        "crosscheck: warning: 3 input(s) skipped (see above); 1 document(s) read and checked",
    ]
    assert _ids(out) == ["good"]
    assert os.readlink(folder / "loop.txt") == "loop.txt"


def test_symlink_loop_given_as_a_path_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    out = tmp_path / "r.json"
    code, lines = _report(capsys, out, folder, tmp_path / "loop.txt")
    assert code == 2
    assert (
        lines[0] == f"crosscheck: warning: {tmp_path}/loop.txt: a symbolic link loop (not followed); skipped"
    )
    _skipped(lines, 1)


def test_symlink_loop_through_the_plugins_loader_is_one_error(tmp_path: Path) -> None:
    import crosscheck

    folder = _folder(tmp_path)
    (folder / "loop.txt").symlink_to("loop.txt")
    with pytest.raises(crosscheck.DocumentError, match="a symbolic link loop"):
        crosscheck.load_documents(folder)


@pytest.fixture
def open_tmp() -> Iterator[Path]:
    """A temporary folder any user can enter (pytest's tmp_path is root's alone)."""
    path = Path(tempfile.mkdtemp(prefix="cc-hostile-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for sub in path.rglob("*"):
            if sub.is_dir() and not sub.is_symlink():
                sub.chmod(0o755)
        shutil.rmtree(path)


def _as_a_user(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``crosscheck ARGV`` as a user the permissions apply to: this user when it is not root, else
    nobody (uid 65534) through setpriv; skipped, with the reason, where neither is possible."""
    command = [*CLI, *argv]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions do not apply to root")
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    probe = [*command[: len(command) - len(CLI) - len(argv)], sys.executable, "-c", "import crosscheck"]
    tried = subprocess.run(probe, cwd=cwd, capture_output=True, text=True, env=env)
    if tried.returncode != 0:
        pytest.skip(f"this user cannot import crosscheck here: {tried.stderr.strip()[-200:]}")
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)


@pytest.mark.parametrize("mode", [0o000, 0o444, 0o111])
def test_unreadable_folder_is_one_line(open_tmp: Path, mode: int) -> None:
    good = _folder(open_tmp)
    locked = open_tmp / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text("Some 12 ships sailed.\n", encoding="utf-8")
    locked.chmod(mode)
    (open_tmp / "out").mkdir(mode=0o777)
    (open_tmp / "out").chmod(0o777)
    run = _as_a_user(
        open_tmp, "report", "D", "locked", "--format", "json", "--out", "out/r.json", "--jobs", "1"
    )
    assert "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        "crosscheck: warning: locked: cannot read this folder: Permission denied; skipped",
        "crosscheck: warning: 1 input(s) skipped (see above); 1 document(s) read and checked",
    ]
    assert run.returncode == 2
    assert _ids(open_tmp / "out" / "r.json") == ["good"]
    locked.chmod(0o755)
    assert (locked / "a.txt").read_text("utf-8") == "Some 12 ships sailed.\n"
    assert good.exists()


# --- file names that are not UTF-8 -----------------------------------------------------------------------


def _latin1_named(tmp_path: Path) -> Path:
    folder = _folder(tmp_path)
    with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
        f.write("The caf\u00e9 said 12 ships sailed.\n".encode())
    return folder


def test_file_name_not_utf8_is_read_and_named_visibly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _latin1_named(tmp_path)
    for fmt in ("json", "html", "markdown", "terminal"):
        out = tmp_path / f"r.{fmt}"
        code, lines = _report(capsys, out, folder, fmt=fmt)
        assert lines == [
            f"crosscheck: warning: {folder}/caf\\xe9.txt: file name is not valid UTF-8 (byte 0xe9 at "
            "offset 3); its id is written caf\\xe9"
        ]
        assert code == 0
        text = out.read_bytes().decode("utf-8")  # the whole report is UTF-8, nothing half-written
        assert fmt == "terminal" or "xe9" in text
    assert _ids(tmp_path / "r.json") == ["caf\\xe9", "good"]
    assert sorted(os.listdir(os.fsencode(folder))) == [b"caf\xe9.txt", b"good.txt"]


def test_file_name_not_utf8_on_a_strict_stdout_and_in_a_store(tmp_path: Path) -> None:
    folder = _latin1_named(tmp_path)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    run = subprocess.run(
        [*CLI, "report", str(folder), "--format", "json", "--jobs", "1"], capture_output=True, env=env
    )
    assert run.returncode == 0 and b"Traceback" not in run.stderr
    report = json.loads(run.stdout.decode("utf-8"))
    assert [d["id"] for d in report["documents"]] == ["caf\\xe9", "good"]
    store = tmp_path / "s.sqlite"
    run = subprocess.run([*CLI, "add", str(store), str(folder), "--jobs", "1"], capture_output=True, env=env)
    assert run.returncode == 0 and b"Traceback" not in run.stderr
    assert run.stdout.decode("utf-8").startswith(f"{store}: 2 added")


# --- dates at the calendar's ends -------------------------------------------------------------------------

_RELATIVE = (
    "Last week 40 ships sailed. Last month 30 ships sailed. Last year 20 ships sailed. "
    "Two days ago 10 ships sailed. Last Monday 5 ships sailed. Next year 8 ships will sail. "
    "In the week of December 31, 9999, 7 ships sailed. From December 30 to January 2, 6 ships sailed. "
    "In 9999, 4 ships sailed. Since 0001, 3 ships sailed."
)


@pytest.mark.parametrize("published", ["9999-12-31", "9999-01-01", "0001-01-01", "0001-02-01", "2022-12-01"])
def test_relative_dates_near_the_calendars_ends_are_unresolved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], published: str
) -> None:
    folder = _folder(tmp_path)
    (folder / "c.jsonl").write_text(
        json.dumps({"id": "j", "text": _RELATIVE, "published": published}) + "\n", encoding="utf-8"
    )
    (folder / "m.txt").write_text("Last week 40 ships sailed.\n", encoding="utf-8")
    (folder / "manifest.toml").write_text(f'[files."m.txt"]\npublished = {published}\n', encoding="utf-8")
    out = tmp_path / "r.json"
    code, lines = _report(capsys, out, folder)
    assert code == 0
    assert lines == [
        f"crosscheck: warning: {where}: published {published} is too near the calendar's ends (years 1 and "
        "9999) to place anything in time; read as undated"
        for where in (f"{folder}/c.jsonl:1", f"{folder}/m.txt")
        if not published.startswith("2022")
    ]
    report = json.loads(out.read_text("utf-8"))
    undated = None if not published.startswith("2022") else published
    assert [d["published"] for d in report["documents"]] == [None, undated, undated]
    dates = {c["text"]: c["value"] for c in report["claims"] if c["kind"] == "date"}
    assert "Last week" in dates and "Two days ago" in dates
    for value in dates.values():  # any date the run resolved fits the calendar with room to compare
        for key in ("earliest", "latest"):
            if value.get(key) is not None:
                assert "0011-01-01" <= value[key] <= "9989-12-31", (key, value)
    if undated is None:
        assert dates["Last week"].get("earliest") is None  # cannot be placed: unresolved, not guessed


def test_find_dates_never_overflows() -> None:
    import datetime as dt

    from crosscheck.dates import find_dates

    for published in (dt.date.max, dt.date.min, dt.date(9999, 6, 1), dt.date(1, 1, 31)):
        mentions = find_dates("d", _RELATIVE, published)
        assert [m.text for m in mentions][:2] == ["Last week", "Last month"]
        assert all(not m.value.resolved for m in mentions[:6])


def test_check_of_a_document_published_9999_12_31_leaves_last_week_unresolved() -> None:
    import datetime as dt

    import crosscheck
    from crosscheck.model import Document

    doc = Document(id="d", text="Last week 40 ships sailed.", published=dt.date.max)
    other = Document(id="e", text="Last week 40 ships sailed.", published=dt.date(9999, 12, 30))
    report = crosscheck.check([doc, other])
    dates = [c for c in report.claims if c.kind == "date"]
    assert [c.text for c in dates] == ["Last week", "Last week"]
    assert not any(c.value.resolved for c in dates)


# --- two files of one name in different folders -----------------------------------------------------------


def _days(tmp_path: Path) -> tuple[Path, Path]:
    day1, day2 = tmp_path / "news" / "day1", tmp_path / "news" / "day2"
    day1.mkdir(parents=True)
    day2.mkdir()
    (day1 / "article.txt").write_text("Officials said 1,500 soldiers arrived on Monday.\n", encoding="utf-8")
    (day2 / "article.txt").write_text("About 40 ships sailed on Tuesday.\n", encoding="utf-8")
    (day2 / "other.txt").write_text("About 41 ships sailed on Tuesday.\n", encoding="utf-8")
    return day1, day2


def test_report_of_two_folders_with_one_file_name_keeps_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day1, day2 = _days(tmp_path)
    out = tmp_path / "r.json"
    code, lines = _report(capsys, out, day1, day2)
    assert (code, lines) == (0, [])
    assert _ids(out) == ["day1/article", "day2/article", "other"]  # a lone name keeps its plain id
    code, lines = _report(capsys, out, day1)
    assert (code, lines, _ids(out)) == (0, [], ["article"])  # one folder: ids as before


def test_plugin_loader_gives_the_same_ids(tmp_path: Path) -> None:
    import crosscheck

    day1, day2 = _days(tmp_path)
    docs = crosscheck.load_documents(day1, day2)
    assert [(d.id, d.path) for d in docs] == [
        ("day1/article", str(day1 / "article.txt")),
        ("day2/article", str(day2 / "article.txt")),
        ("other", str(day2 / "other.txt")),
    ]
    report = crosscheck.check(docs)
    assert {c.document for c in report.claims} == {"day1/article", "day2/article", "other"}


def _add(capsys: pytest.CaptureFixture[str], store: Path, *paths: Path) -> str:
    code = main(["add", str(store), *map(str, paths), "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err and captured.err == "", captured.err
    return captured.out.strip()


def test_store_keeps_two_folders_files_of_one_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day1, day2 = _days(tmp_path)
    store = tmp_path / "s.sqlite"
    assert _add(capsys, store, day1).startswith(f"{store}: 1 added, 0 replaced, 0 unchanged;")
    assert _add(capsys, store, day2).startswith(f"{store}: 2 added, 0 replaced, 0 unchanged, 1 renamed;")
    assert _add(capsys, store, day1).startswith(f"{store}: 0 added, 0 replaced, 1 unchanged;")
    assert _add(capsys, store, day1, day2).startswith(f"{store}: 0 added, 0 replaced, 3 unchanged;")
    out = tmp_path / "r.json"
    assert main(["report", "--store", str(store), "--format", "json", "--out", str(out), "--jobs", "1"]) == 0
    from_store = json.loads(out.read_text("utf-8"))
    assert _ids(out) == ["day1/article", "day2/article", "other"]
    code, _lines = _report(capsys, out, day1, day2)
    assert code == 0 and json.loads(out.read_text("utf-8")) == from_store  # the store's ids are report's


def test_store_still_replaces_a_changed_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day1, day2 = _days(tmp_path)
    store = tmp_path / "s.sqlite"
    _add(capsys, store, day1, day2)
    (day2 / "article.txt").write_text("About 45 ships sailed on Tuesday.\n", encoding="utf-8")
    assert _add(capsys, store, day2).startswith(f"{store}: 0 added, 1 replaced, 1 unchanged;")
    with sqlite3.connect(store) as db:
        assert sorted(r[0] for r in db.execute("SELECT id FROM documents")) == [
            "day1/article",
            "day2/article",
            "other",
        ]


def test_html_page_metadata_with_a_lone_surrogate_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path)
    (folder / "p.html").write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bad \\ud800",'
        ' "datePublished": "2022-12-01"}</script></head><body><article><p>Officials said 1,600 soldiers'
        " arrived on Monday in the city.</p></article></body></html>\n",
        encoding="utf-8",
    )
    message = (
        f"crosscheck: warning: {folder}/p.html: its title holds a lone surrogate (\\ud800 at offset 4), "
        "not Unicode text; skipped"
    )
    out = tmp_path / "r.html"
    code, lines = _report(capsys, out, folder, fmt="html")
    assert (code, lines[0]) == (2, message)
    _skipped(lines, 1)
    out.read_bytes().decode("utf-8")
    code = main(["add", str(tmp_path / "s.sqlite"), str(folder), "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 2 and captured.err.splitlines()[0] == message
