"""CLI flags for daily work: formats, --fail-on, --min-sources, --kind, --quiet, progress, --version, --help."""

from __future__ import annotations

import argparse
import inspect
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

import crosscheck
from crosscheck.cli import _parser, main

from .conftest import ROOT, SEEDS, read_pty_while
from .test_render_formats import write_conflict_seeds

CLI_DOC = ROOT / "docs" / "cli.md"


@pytest.fixture(scope="module")
def conflict_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_conflict_seeds(tmp_path_factory.mktemp("conflict"))


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = _parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {"": parser, **sub.choices}


@pytest.mark.parametrize("command", sorted(_subparsers()))
def test_help_text_is_in_step_with_docs(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/cli.md holds exactly what `--help` prints (at 100 columns) for the CLI and each command."""
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as info:
        main([command, "--help"] if command else ["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert f"```text\n{out}```" in CLI_DOC.read_text(encoding="utf-8"), (
        f"docs/cli.md is out of step: paste `COLUMNS=100 crosscheck {command} --help` into it"
    )


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """`report --help` ends with worked examples and the exit codes."""
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out and "crosscheck report seeds/ --fail-on conflict --quiet" in out
    assert "exit codes: 0 done, 1 a --fail-on condition was met, 2 bad input or usage" in out


def test_every_flag_is_documented_and_tested() -> None:
    """Each option of every command has a section in docs/cli.md and a test that passes it."""
    docs = CLI_DOC.read_text(encoding="utf-8")
    this = inspect.getsource(test_every_flag_is_documented_and_tested)
    tests = "".join(p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("tests/test_*.py")))
    tests = tests.replace(this, "")
    flags = {s for p in _subparsers().values() for a in p._actions for s in a.option_strings}
    assert {"--format", "--out", "--fail-on", "--min-sources", "--kind", "--quiet", "--version"} <= flags
    for flag in sorted(flags):
        assert f"`{flag}" in docs, f"{flag} has no section in docs/cli.md"
        assert f'"{flag}"' in tests, f"no test passes {flag}"


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    """`--version` prints "crosscheck X.Y.Z" and exits 0."""
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"crosscheck {crosscheck.__version__}\n"


def test_short_help_flag(capsys: pytest.CaptureFixture[str]) -> None:
    """`-h` is `--help`."""
    with pytest.raises(SystemExit):
        main(["report", "-h"])
    assert "--min-sources N" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_format_prints_the_renderer_output(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`--format markdown|html` prints exactly what `render` returns for the same report."""
    code, out, _ = _run(["report", str(SEEDS), "--format", fmt], capsys)
    assert code == 0
    assert out == crosscheck.render(crosscheck.check(crosscheck.load_documents(SEEDS)), fmt)


def test_out_writes_html_to_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--out report.html` writes one page and prints nothing."""
    target = tmp_path / "report.html"
    code, out, _ = _run(["report", str(SEEDS), "--format", "html", "--out", str(target)], capsys)
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_fail_on_conflict_exits_1_when_there_is_one(
    conflict_seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--fail-on conflict`: exit 1 with the report still printed and the reason on stderr."""
    code, out, err = _run(["report", str(conflict_seeds), "--fail-on", "conflict"], capsys)
    assert code == 1
    assert "CONFLICTS (1)" in out
    assert err == "crosscheck: --fail-on conflict: 1 conflict finding(s)\n"


def test_fail_on_conflict_passes_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    """The real seeds agree: `--fail-on conflict` exits 0 and says nothing on stderr."""
    code, _, err = _run(["report", str(SEEDS), "--fail-on", "conflict"], capsys)
    assert (code, err) == (0, "")


def test_fail_on_single_source_and_repeat(capsys: pytest.CaptureFixture[str]) -> None:
    """`--fail-on single-source` fails on the seeds; repeating the flag reports each met condition."""
    code, _, err = _run(["report", str(SEEDS), "--fail-on", "conflict", "--fail-on", "single-source"], capsys)
    assert code == 1
    assert err.startswith("crosscheck: --fail-on single-source: ") and err.count("\n") == 1


def test_min_sources_hides_thinner_groups(conflict_seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--min-sources 3` drops the two-document conflict and agreements; single-source claims stay."""
    full = crosscheck.check(crosscheck.load_documents(conflict_seeds))
    code, out, _ = _run(
        ["report", str(conflict_seeds), "--format", "json", "--min-sources", "3", "--fail-on", "conflict"],
        capsys,
    )
    assert code == 0
    data = json.loads(out)
    assert all(g["documents"] >= 3 for g in data["groups"] if g["verdict"] != "single_source")
    assert data["summary"]["conflicts"] == 0
    assert data["summary"]["single_source"] == len(full.single_source)
    kept = {g.id for g in full.groups if g.verdict.value == "single_source" or len(g.documents) >= 3}
    assert {g["id"] for g in data["groups"]} == kept
    code, out, _ = _run(["report", str(conflict_seeds), "--format", "json", "--min-sources", "2"], capsys)
    assert json.loads(out) == full.to_dict()


@pytest.mark.parametrize("bad", ["0", "-1", "two"])
def test_min_sources_must_be_a_positive_number(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad N is a usage error: exit 2 with one line naming the flag."""
    with pytest.raises(SystemExit) as info:
        main(["report", str(SEEDS), "--min-sources", bad])
    assert info.value.code == 2
    assert "--min-sources" in capsys.readouterr().err


def test_kind_filters_claims_and_groups(capsys: pytest.CaptureFixture[str]) -> None:
    """`--kind quantity` keeps only quantity claims and groups; repeating adds kinds."""
    code, out, _ = _run(["report", str(SEEDS), "--format", "json", "--kind", "quantity"], capsys)
    data = json.loads(out)
    assert code == 0 and data["claims"]
    assert {c["kind"] for c in data["claims"]} == {"quantity"}
    by_id = {c["id"]: c for c in data["claims"]}
    assert all(by_id[cid]["kind"] == "quantity" for g in data["groups"] for cid in g["claims"])
    _, out, _ = _run(
        ["report", str(SEEDS), "--format", "json", "--kind", "date", "--kind", "ordinal"], capsys
    )
    assert {c["kind"] for c in json.loads(out)["claims"]} == {"date", "ordinal"}


def test_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`--kind money` is refused with exit 2."""
    with pytest.raises(SystemExit) as info:
        main(["report", str(SEEDS), "--kind", "money"])
    assert info.value.code == 2
    assert "invalid choice: 'money'" in capsys.readouterr().err


def test_filter_without_filters_is_the_report(seed_report: crosscheck.Report) -> None:
    """No --kind and --min-sources 1 change nothing."""
    assert seed_report.filter() == seed_report
    assert seed_report.filter(kinds=["quantity", "ordinal", "date", "event"], min_sources=1) == seed_report


def test_quiet_prints_only_the_summary_line(conflict_seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--quiet` prints one line, the summary; exit codes are unchanged."""
    report = crosscheck.check(crosscheck.load_documents(conflict_seeds))
    code, out, _ = _run(["report", str(conflict_seeds), "--quiet", "--fail-on", "conflict"], capsys)
    assert code == 1
    assert out == (
        f"crosscheck · 5 documents · {len(report.claims)} claims · {len(report.agreements)} agreements · "
        f"1 conflicts · {len(report.possible_conflicts)} possible conflicts · "
        f"{len(report.single_source)} single-source\n"
    )


def test_quiet_with_out_still_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-q --out FILE` writes the full report and prints the summary line."""
    target = tmp_path / "r.md"
    code, out, _ = _run(["report", str(SEEDS), "-q", "--format", "markdown", "--out", str(target)], capsys)
    assert code == 0 and out.startswith("crosscheck · 5 documents") and out.count("\n") == 1
    assert target.read_text(encoding="utf-8").startswith("# crosscheck report")


def test_no_progress_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    """Piped or captured stderr gets no progress bar: nothing at all on a clean run."""
    code, _, err = _run(["report", str(SEEDS), "--format", "json"], capsys)
    assert (code, err) == (0, "")


def _run_with_tty_stderr(args: list[str]) -> tuple[int, str, str]:
    """Run the CLI in a subprocess whose stderr is a pseudo-terminal; returns code, stdout, stderr."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "report", *args], stdout=subprocess.PIPE, stderr=slave, env=env
    )
    os.close(slave)
    shown, out, _ = read_pty_while(proc, master)
    return proc.returncode, out.decode("utf-8"), shown.decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_leaves_the_report_unchanged() -> None:
    """With stderr on a terminal a progress bar is drawn there; stdout is the same report as without it."""
    code, out, err = _run_with_tty_stderr([str(SEEDS), "--format", "json"])
    assert code == 0
    assert "aligning" in err or "extracting claims" in err
    piped = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", str(SEEDS), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert piped.stderr == ""
    assert out == piped.stdout
    code, out, err = _run_with_tty_stderr([str(SEEDS), "--quiet"])
    assert code == 0 and err == "" and out.startswith("crosscheck · 5 documents")
