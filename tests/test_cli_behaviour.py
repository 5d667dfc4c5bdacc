"""A CLI that behaves (issue 13, item 5): verdict and origin filters as `Report.filter`, closed pipes,
claim marking and colour, the HTML refusal on a terminal, the undated-documents warning, the pager."""

from __future__ import annotations

import json
import os
import pty
import shlex
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import crosscheck
from crosscheck import Report, cli
from crosscheck.cli import main, pager_command, undated_warning, use_color
from crosscheck.errors import ConfigError
from crosscheck.model import Verdict
from crosscheck.render.terminal import render_terminal

from .conftest import ROOT, SEEDS, make_doc, read_pty_while

# a and b carry the same copy (one origin) and differ on the toll; c is independent.
BRIDGE = {
    "a": "The bridge collapse on Monday killed 3 people, officials said. Rescuers searched for 12 hours.\n",
    "b": "The bridge collapse on Monday killed 5 people, officials said. Rescuers searched for 12 hours.\n",
    "c": "Rescuers searched for 12 hours after the bridge fell. The mayor visited 4 schools.\n",
}
SOURCES = {"a": "Gazette", "b": "Herald", "c": "Courier"}


@pytest.fixture(scope="module")
def bridge() -> Report:
    return crosscheck.check([make_doc(k, v, source=SOURCES[k]) for k, v in BRIDGE.items()])


@pytest.fixture(scope="module")
def bridge_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bridge")
    lines = []
    for name, text in BRIDGE.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        lines.append(f'[files."{name}.txt"]\nsource = "{SOURCES[name]}"\npublished = 2023-07-17\n')
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- 1. Report.filter, --verdict, --min-origins ---------------------------------------------


def test_the_bridge_fixture_has_what_the_filters_need(bridge: Report) -> None:
    """One conflict and agreements inside one origin (a, b), one agreement across three origins."""
    assert [g.verdict for g in bridge.conflicts] == [Verdict.CONFLICT]
    assert {g.independent_origins for g in bridge.agreements} == {1, 3}
    assert bridge.single_source


def test_filter_without_arguments_is_the_report(bridge: Report) -> None:
    assert bridge.filter() == bridge


def test_filter_by_verdict_keeps_those_groups_and_every_claim(bridge: Report) -> None:
    only = bridge.filter(verdicts=["conflict", Verdict.POSSIBLE_CONFLICT])
    assert [g.id for g in only.groups] == [g.id for g in bridge.conflicts + bridge.possible_conflicts]
    assert only.claims == bridge.claims and only.documents == bridge.documents
    assert bridge.filter(verdicts=["single-source"]).groups == bridge.single_source


def test_min_origins_counts_independent_origins_not_documents(bridge: Report) -> None:
    """The a/b groups have 2 documents but 1 origin: `min_sources=2` keeps them, `min_origins=2` does not."""
    by_docs = bridge.filter(min_sources=2)
    by_origins = bridge.filter(min_origins=2)
    shared = [g.id for g in bridge.groups if g.documents == ("a", "b")]
    assert shared and all(gid in {g.id for g in by_docs.groups} for gid in shared)
    assert not {g.id for g in by_origins.groups} & set(shared)
    assert [g.documents for g in by_origins.agreements] == [("a", "b", "c")]
    assert by_origins.single_source == bridge.single_source  # never held to the minimum


def test_filter_by_kind_narrows_claims_and_groups(bridge: Report) -> None:
    dates = bridge.filter(kinds=["date"])
    assert dates.claims and {c.kind for c in dates.claims} == {"date"}
    assert all(g.claims[0].kind == "date" for g in dates.groups)


@pytest.mark.parametrize(
    "kwargs",
    [{"verdicts": ["agree"]}, {"kinds": ["money"]}, {"min_sources": 0}, {"min_origins": -1}],
)
def test_filter_refuses_what_it_cannot_mean(bridge: Report, kwargs: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        bridge.filter(**kwargs)  # type: ignore[arg-type]


def test_a_filtered_report_is_still_a_valid_contract(bridge: Report) -> None:
    """The summary counts what is left; every group's claims are in `claims`."""
    data = bridge.filter(verdicts=["agreement"], min_origins=2).to_dict()
    assert data["summary"]["agreements"] == 1 and data["summary"]["conflicts"] == 0  # type: ignore[index]
    ids = {c["id"] for c in data["claims"]}  # type: ignore[attr-defined]
    assert all(cid in ids for g in data["groups"] for cid in g["claims"])  # type: ignore[attr-defined]


def test_a_filtered_report_validates_against_the_schema(bridge: Report) -> None:
    schema = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
    for narrowed in (bridge.filter(verdicts=["conflict"]), bridge.filter(kinds=["date"], min_origins=3)):
        jsonschema.validate(json.loads(crosscheck.render(narrowed, "json")), schema)


def test_cli_verdict_and_min_origins(bridge_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--verdict` takes a comma list (repeatable); the CLI prints exactly `Report.filter`'s report."""
    full = crosscheck.check(crosscheck.load_documents(bridge_dir))
    code, out, _ = _run(
        [
            "report",
            str(bridge_dir),
            "--format",
            "json",
            "--verdict",
            "conflict,agreement",
            "--min-origins",
            "2",
        ],
        capsys,
    )
    assert code == 0
    assert json.loads(out) == full.filter(verdicts=["conflict", "agreement"], min_origins=2).to_dict()
    code, out, _ = _run(
        ["report", str(bridge_dir), "--format", "json", "--verdict", "conflict", "--verdict", "agreement"],
        capsys,
    )
    assert json.loads(out) == full.filter(verdicts=["conflict", "agreement"]).to_dict()


def test_cli_verdict_single_source_lists_them(bridge_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--verdict single_source` lists the single-source claims (as `--all` would), nothing else."""
    code, out, _ = _run(["report", str(bridge_dir), "--verdict", "single_source"], capsys)
    assert code == 0
    assert "mayor visited" in out and "--all lists them" not in out
    assert "CONFLICTS (0)" in out and "AGREEMENTS (0)" in out


def test_fail_on_sees_the_filtered_report(bridge_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The conflict is inside one origin: `--min-origins 2` hides it, so `--fail-on conflict` passes."""
    assert _run(["report", str(bridge_dir), "-q", "--fail-on", "conflict"], capsys)[0] == 1
    assert (
        _run(["report", str(bridge_dir), "-q", "--fail-on", "conflict", "--min-origins", "2"], capsys)[0] == 0
    )


@pytest.mark.parametrize("bad", ["agree", "conflict,", "conflicts,agreement"])
def test_cli_unknown_verdict_is_a_usage_error(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "x.txt", "--verdict", bad])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--verdict" in err and "Traceback" not in err


@pytest.mark.parametrize("bad", ["0", "two"])
def test_cli_min_origins_must_be_positive(bad: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["report", "x.txt", "--min-origins", bad])
    assert info.value.code == 2 and "--min-origins" in capsys.readouterr().err


# --- 2. closed pipes -----------------------------------------------------------------------


def _closed_early(args: list[str], read: int = 0) -> tuple[int, str]:
    """Run the CLI with stdout a pipe that is read for ``read`` bytes and then closed (as `head`
    does); returns the exit code and stderr."""
    with subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "report", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONWARNINGS": "default"},
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        if read:
            proc.stdout.read(read)
        proc.stdout.close()  # before the report is written: the write meets a closed pipe
        err = proc.stderr.read().decode("utf-8")
        return proc.wait(timeout=300), err


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "html"])
def test_a_closed_pipe_exits_quietly(fmt: str) -> None:
    """No traceback, no "Exception ignored" line at exit, exit 0."""
    code, err = _closed_early([str(SEEDS), "--format", fmt, "--all"])
    assert (code, err) == (0, "")


def test_a_closed_pipe_keeps_the_fail_on_code() -> None:
    code, err = _closed_early([str(SEEDS), "--format", "json", "--fail-on", "single-source"], read=10)
    assert code == 1
    assert err.startswith("crosscheck: --fail-on single-source: ") and err.count("\n") == 1


def test_quiet_summary_into_a_closed_pipe() -> None:
    assert _closed_early([str(SEEDS), "--quiet"]) == (0, "")


def test_head_in_a_shell() -> None:
    """`crosscheck report seeds/ --format json | head -1` prints one line and the pipeline is clean."""
    command = f"{shlex.quote(sys.executable)} -m crosscheck report {shlex.quote(str(SEEDS))} --format json"
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command} | head -1"], capture_output=True, text=True, timeout=300
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "{\n", "")


# --- 3. claim marking and --color ----------------------------------------------------------


def test_plain_text_marks_the_claim_inside_its_quote(bridge: Report) -> None:
    """Without colour the claim stands between «» in every quote; with colour it is highlighted instead."""
    plain = render_terminal(bridge, single_source=True)
    assert '"The bridge collapse on Monday killed «3 people», officials said.' in plain
    assert "«4 schools»" in plain  # single-source lines too
    assert "\x1b[" not in plain
    coloured = render_terminal(bridge, color=True, single_source=True)
    assert "«" not in coloured and "7m3 people\x1b[0m" in coloured


@pytest.mark.parametrize(
    ("choice", "tty", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_use_color(choice: str, tty: bool, environ: dict[str, str], expected: bool) -> None:
    assert use_color(choice, tty=tty, environ=environ) is expected


def _fake_tty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "_stdout_is_tty", lambda: True)
    monkeypatch.setenv("PAGER", "")  # no pager in these tests


def test_color_on_a_terminal_and_never(
    bridge_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _fake_tty(monkeypatch)
    _, out, _ = _run(["report", str(bridge_dir)], capsys)
    assert "\x1b[" in out and "«" not in out
    _, out, _ = _run(["report", str(bridge_dir), "--color", "never"], capsys)
    assert "\x1b[" not in out and "«3 people»" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = _run(["report", str(bridge_dir)], capsys)
    assert "\x1b[" not in out and "«3 people»" in out


def test_color_into_a_pipe_and_a_file(
    bridge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    _, out, _ = _run(["report", str(bridge_dir)], capsys)
    assert "\x1b[" not in out and "«3 people»" in out
    _, out, _ = _run(["report", str(bridge_dir), "--color", "always"], capsys)
    assert "7m3 people\x1b[0m" in out
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = _run(["report", str(bridge_dir), "--out", str(tmp_path / "r.txt")], capsys)
    assert "\x1b[" in (tmp_path / "r.txt").read_text(encoding="utf-8")


# --- 4. --format html on a terminal ---------------------------------------------------------

HTML_HINT = "crosscheck: error: --format html writes a page; give --out FILE (or redirect stdout)\n"


def test_html_to_a_terminal_is_refused(
    bridge_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_tty(monkeypatch)
    assert _run(["report", str(bridge_dir), "--format", "html"], capsys) == (2, "", HTML_HINT)


def test_html_to_a_pipe_or_a_file_is_written(
    bridge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = _run(["report", str(bridge_dir), "--format", "html"], capsys)
    assert (code, err) == (0, "") and out.startswith("<!DOCTYPE html>")
    _fake_tty(monkeypatch)
    target = tmp_path / "r.html"
    assert _run(["report", str(bridge_dir), "--format", "html", "--out", str(target)], capsys)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert _run(["report", str(bridge_dir), "--format", "html", "-q"], capsys)[0] == 0  # only the summary


def test_html_to_a_real_pseudo_terminal_is_refused(bridge_dir: Path) -> None:
    master, slave = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "crosscheck", "report", str(bridge_dir), "--format", "html"],
            stdout=slave,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    finally:
        os.close(slave)
        os.close(master)
    assert (done.returncode, done.stderr) == (2, HTML_HINT)


# --- 5. documents without a publication date ---------------------------------------------


def test_undated_documents_are_named_with_what_it_costs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(BRIDGE[name], encoding="utf-8")
    code, out, err = _run(["report", str(tmp_path)], capsys)
    assert code == 0 and out
    assert err == (
        "crosscheck: warning: 2 documents have no publication date (a.txt, b.txt): their relative dates "
        '("on Monday") cannot be placed, and their claims are compared only on strong evidence; give '
        "`published` in a manifest.toml\n"
    )
    assert _run(["report", str(tmp_path), "--quiet"], capsys)[2] == ""


def test_no_warning_when_every_document_is_dated(
    bridge_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "_stderr_is_tty", lambda: True)
    assert _run(["report", str(bridge_dir)], capsys)[2] == ""


def _stderr_of_a_run_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run the CLI with stderr a pseudo-terminal (stdout a pipe); returns the exit code and stderr."""
    master, slave = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "crosscheck", "report", *args],
            stdout=subprocess.PIPE,
            stderr=slave,
            timeout=300,
        )
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed and drained
                break
            if not chunk:
                break
            err += chunk
    finally:
        os.close(master)
    return done.returncode, err.decode("utf-8", "replace")


def test_undated_warning_only_on_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """stderr to a pipe or a file (scripts, CI) holds only the input problems; a terminal gets the hint."""
    (tmp_path / "a.txt").write_text(BRIDGE["a"], encoding="utf-8")
    (tmp_path / "b.txt").write_text(BRIDGE["b"], encoding="utf-8")
    assert _run(["report", str(tmp_path)], capsys)[2] == ""
    code, err = _stderr_of_a_run_on_a_terminal([str(tmp_path), "--format", "json", "--jobs", "1"])
    assert code == 0
    assert "warning: 2 documents have no publication date (a.txt, b.txt)" in err


def test_undated_warning_wording() -> None:
    one = make_doc("x", "Three people died.", published=None)
    assert undated_warning([one]) is not None and "1 document has no publication date (x): its " in str(
        undated_warning([one])
    )
    many = [make_doc(f"d{i}", "Three people died.", published=None) for i in range(7)]
    assert "(d0, d1, d2, d3, d4 and 2 more)" in str(undated_warning(many))
    assert undated_warning([make_doc("y", "Three people died.")]) is None


# --- 6. the pager --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, ["less", "-R"]),
        ({"environ": {"PAGER": "most -s"}}, ["most", "-s"]),
        ({"environ": {"PAGER": "'my pager' --x"}}, ["my pager", "--x"]),
        ({"environ": {"PAGER": ""}}, None),
        ({"environ": {"PAGER": "cat"}}, None),
        ({"environ": {"PAGER": "less 'unbalanced"}}, None),
        ({"no_pager": True}, None),
        ({"tty": False}, None),
        ({"lines": 23}, None),  # fits the screen
        ({"lines": 24}, ["less", "-R"]),
    ],
)
def test_pager_command(kwargs: dict[str, object], expected: list[str] | None) -> None:
    given: dict[str, object] = {"no_pager": False, "tty": True, "environ": {}, "lines": 200, "height": 24}
    assert pager_command(**{**given, **kwargs}) == expected  # type: ignore[arg-type]


def _run_on_a_terminal(args: list[str], pager: str | None, lines: int = 10) -> tuple[int, str, str]:
    """Run the CLI with stdout (and stdin) a pseudo-terminal of ``lines`` rows and stderr a pipe;
    returns the exit code, what reached the terminal, and stderr."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100", "LINES": str(lines)}
    env.pop("PAGER", None)
    if pager is not None:
        env["PAGER"] = pager
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "report", *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(slave)
    shown, _, err = read_pty_while(proc, master)
    return proc.returncode, shown.decode("utf-8", "replace"), err.decode("utf-8")


def _fake_pager(out: Path) -> str:
    """A PAGER that writes what it is given to ``out`` (and nothing to the terminal)."""
    code = f"import sys; open({str(out)!r}, 'wb').write(sys.stdin.buffer.read())"
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(code)}"


def test_a_long_report_on_a_terminal_goes_through_the_pager(bridge_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "paged.txt"
    code, screen, err = _run_on_a_terminal([str(bridge_dir), "--all"], _fake_pager(out))
    assert (code, err) == (0, "")
    paged = out.read_text(encoding="utf-8")
    assert paged.startswith("\x1b[1mcrosscheck · 3 documents") and "CONFLICTS (1)" in paged  # coloured
    assert "CONFLICTS" not in screen


def test_no_pager_and_a_short_report_go_straight_to_the_terminal(bridge_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "paged.txt"
    code, screen, err = _run_on_a_terminal([str(bridge_dir), "--all", "--no-pager"], _fake_pager(out))
    assert (code, err) == (0, "") and "CONFLICTS (1)" in screen and not out.exists()
    code, screen, err = _run_on_a_terminal([str(bridge_dir), "--all"], _fake_pager(out), lines=500)
    assert (code, err) == (0, "") and "CONFLICTS (1)" in screen and not out.exists()


def test_no_pager_off_a_terminal(
    bridge_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """stdout a pipe: never a pager, whatever PAGER says."""
    out = tmp_path / "paged.txt"
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", str(bridge_dir), "--all"],
        capture_output=True,
        text=True,
        env={**os.environ, "PAGER": _fake_pager(out), "LINES": "5"},
        timeout=300,
    )
    assert done.returncode == 0 and "CONFLICTS (1)" in done.stdout and not out.exists()


def test_quitting_the_pager_early_is_quiet(bridge_dir: Path) -> None:
    """A pager that exits without reading (q in less at once): exit 0 or the --fail-on code, no traceback."""
    quits = f"{shlex.quote(sys.executable)} -c pass"
    assert _run_on_a_terminal([str(bridge_dir), "--all"], quits)[::2] == (0, "")
    code, _, err = _run_on_a_terminal([str(bridge_dir), "--all", "--fail-on", "conflict"], quits)
    assert (code, err) == (1, "crosscheck: --fail-on conflict: 1 conflict finding(s)\n")


def test_a_pager_that_cannot_be_run_is_named(bridge_dir: Path) -> None:
    code, screen, err = _run_on_a_terminal([str(bridge_dir), "--all"], "no-such-pager-here")
    assert code == 0 and "CONFLICTS (1)" in screen
    assert err.startswith("crosscheck: warning: pager 'no-such-pager-here' cannot be run (")
