"""The command line: formats, --out, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck
from crosscheck.cli import main

from .conftest import SEEDS


def test_json_is_exactly_report_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    """`--format json` prints what `check(...).to_dict()` returns, and the contract's fields."""
    assert main(["report", str(SEEDS), "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == crosscheck.check(crosscheck.load_documents(SEEDS)).to_dict()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert {d["id"] for d in printed["documents"]} == set(texts)
    for claim in printed["claims"]:
        start, end = claim["span"]
        assert texts[claim["document"]][start:end] == claim["text"]
        assert claim["kind"] in {"quantity", "ordinal", "date", "event"}
    claim_ids = {c["id"] for c in printed["claims"]}
    for group in printed["groups"]:
        assert group["verdict"] in {"agreement", "conflict", "possible_conflict", "single_source"}
        assert set(group["claims"]) <= claim_ids
        assert group["explanation"]
        assert group["documents"] == len(group["document_ids"])


def test_terminal_report_lists_sections_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    """The default report starts with the summary, then conflicts, agreements, single-source; the
    agreements are rows of the table (sources in its heads, an inferred date marked ~), and ``--all``
    quotes them, each quote naming its source and date."""
    assert main(["report", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("crosscheck · 5 documents · ")
    assert out.index("CONFLICTS (") < out.index("AGREEMENTS (") < out.index("SINGLE-SOURCE (")
    assert "Associated Press" in out and "2022-12-01" in out and "2022-12-20~" in out
    assert "~: date inferred" in " ".join(out.split())  # in the legend under the table
    assert "Associated Press, 2022-12-01" not in out
    assert main(["report", str(SEEDS), "--all"]) == 0
    out = capsys.readouterr().out
    assert "Associated Press, 2022-12-01" in out
    assert "(date inferred)" in out


def test_out_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--out FILE` writes the report there and prints nothing."""
    target = tmp_path / "report.json"
    assert main(["report", str(SEEDS), "--format", "json", "--out", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["documents"] == 5


def test_out_file_and_stdout_hold_the_same_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON streamed to `--out FILE` and to stdout are the same bytes, those of `render`."""
    target = tmp_path / "report.json"
    assert main(["report", str(SEEDS), "--format", "json", "--out", str(target)]) == 0
    assert main(["report", str(SEEDS), "--format", "json"]) == 0
    printed = capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == printed
    assert printed == crosscheck.render(crosscheck.check(crosscheck.load_documents(SEEDS)), "json")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "no such file or folder"),
        ("bad.txt", b"caf\x81 \x9d", "not valid UTF-8"),
        ("empty.txt", b"", "empty file"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes | None, message: str
) -> None:
    """Bad input: exit 2, one line on stderr naming the file and the problem, nothing on stdout."""
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    assert main(["report", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0] and str(path) in lines[0]


def test_malformed_manifest_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken manifest.toml is named in the error."""
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "manifest.toml").write_text("[files.", encoding="utf-8")
    assert main(["report", str(tmp_path)]) == 2
    assert "manifest.toml: malformed TOML" in capsys.readouterr().err


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """argparse refuses an unknown format with exit 2."""
    with pytest.raises(SystemExit) as info:
        main(["report", str(SEEDS), "--format", "pdf"])
    assert info.value.code == 2


def test_python_dash_m_runs_without_traceback(tmp_path: Path) -> None:
    """`python -m crosscheck report MISSING` exits 2 with no traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", str(tmp_path / "nope")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("crosscheck: error: ")
