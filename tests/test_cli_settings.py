"""The settings file (issue 13, item 5): ``[tool.crosscheck]`` in pyproject.toml or crosscheck.toml,
found from the current folder up, gives default options and thresholds; the command line wins; a bad
key or value is one line naming the file and the key, exit 2."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from crosscheck import cli
from crosscheck.cli import SETTINGS_KEYS, main
from crosscheck.settings import find_settings, read_settings

from .test_plugin import DAILY, MANIFEST, WIRE

# the three events carry the figures and dates beside them: one finding each, none single-source
FIRE_SUMMARY = "2 documents · 12 claims · 3 agreements · 1 conflicts · 0 possible conflicts · 0 single-source"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding the two fire reports in corpus/; the run starts in project/work/."""
    corpus = tmp_path / "project" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "wire.txt").write_text(WIRE, encoding="utf-8")
    (corpus / "daily.txt").write_text(DAILY, encoding="utf-8")
    (corpus / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    work = tmp_path / "project" / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "project"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_pyproject_in_a_parent_folder_sets_the_format(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """[tool.crosscheck] of the project's pyproject.toml applies when running in a subfolder."""
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.crosscheck]\nformat = "json"\n')
    code, out, err = _run(capsys, "report", "../corpus")
    assert (code, err) == (0, "")
    assert json.loads(out)["summary"]["conflicts"] == 1


def test_the_command_line_overrides_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--format and --verdict given replace the file's values; a list option is replaced, not extended."""
    (project / "crosscheck.toml").write_text('format = "json"\nverdict = ["conflict"]\n')
    code, out, _ = _run(capsys, "report", "../corpus")
    assert code == 0
    assert [g["verdict"] for g in json.loads(out)["groups"]] == ["conflict"]
    code, out, _ = _run(capsys, "report", "../corpus", "--verdict", "agreement", "--format", "markdown")
    assert code == 0
    assert out.startswith("# crosscheck report")
    assert "3 agreements · 0 conflicts" in out


def test_crosscheck_toml_wins_in_its_folder_and_nearer_wins_over_farther(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The search stops at the first folder with a settings file; in one folder crosscheck.toml
    comes before pyproject.toml; a pyproject.toml without [tool.crosscheck] is passed over."""
    work = project / "work"
    (project / "crosscheck.toml").write_text('format = "markdown"\n')
    (project / "pyproject.toml").write_text('[tool.crosscheck]\nformat = "json"\n')
    (work / "pyproject.toml").write_text(
        "[tool.ruff]\nline-length = 100\n# crosscheck is not configured here\n"
    )
    assert find_settings(work) == project / "crosscheck.toml"
    _, out, _ = _run(capsys, "report", "../corpus")
    assert out.startswith("# crosscheck report")
    (work / "crosscheck.toml").write_text('format = "json"\n')
    assert find_settings(work) == work / "crosscheck.toml"
    _, out, _ = _run(capsys, "report", "../corpus")
    assert json.loads(out)["summary"]["documents"] == 2


def test_another_tools_broken_pyproject_is_not_crosschecks_problem(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A malformed pyproject.toml that never mentions crosscheck is passed over, as one without the table."""
    (project / "work" / "pyproject.toml").write_text("[tool.black\n")
    code, out, err = _run(capsys, "report", "../corpus", "-q")
    assert (code, err) == (0, "")
    assert FIRE_SUMMARY in out


def test_thresholds_reach_the_pipeline(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """[tool.crosscheck.thresholds] are Config fields: bars at 100 leave nothing aligned."""
    (project / "pyproject.toml").write_text(
        "[tool.crosscheck.thresholds]\nagree_bar = 100\nconflict_bar = 100\npossible_bar = 100\n"
    )
    _, out, _ = _run(capsys, "report", "../corpus", "-q")
    assert "0 agreements · 0 conflicts · 0 possible conflicts" in out
    _, out, _ = _run(capsys, "report", "../corpus", "-q", "--no-config")
    assert FIRE_SUMMARY in out


def test_colour_kind_and_all_come_from_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """color = "always" colours a captured report; --color never takes it back; kind and all apply."""
    (project / "crosscheck.toml").write_text('color = "always"\nkind = ["quantity"]\nall = true\n')
    _, out, _ = _run(capsys, "report", "../corpus")
    assert "\x1b[" in out
    assert "SINGLE-SOURCE" in out.upper()
    _, plain, _ = _run(capsys, "report", "../corpus", "--color", "never")
    assert "\x1b[" not in plain and "«" in plain


def test_every_settings_key_sets_its_option() -> None:
    """Each key the file may hold is an option of report or add, and becomes its default; the keys
    are read off the parser, so they cannot name an option that does not exist."""
    parser = cli._parser()
    checks = cli._settings_checks(parser)
    assert sorted(checks) == sorted(SETTINGS_KEYS)
    values: dict[str, object] = {
        "format": "markdown",
        "fail-on": ["conflict"],
        "verdict": "conflict,agreement",
        "min-sources": 2,
        "min-origins": 3,
        "kind": "date",
        "all": True,
        "color": "never",
        "pager": False,
        "max-bytes": 1000,
        "jobs": 3,
        "engine": "dask",
        "scheduler": "tcp://host:8786",
    }
    assert sorted(values) == sorted(SETTINGS_KEYS)
    cli._apply_defaults(parser, {key: checks[key](key, value) for key, value in values.items()})
    args = parser.parse_args(["report", "x.txt"])
    assert (args.format, args.fail_on, args.min_sources, args.min_origins, args.kind) == (
        "markdown",
        ["conflict"],
        2,
        3,
        ["date"],
    )
    assert [v.value for given in args.verdict for v in given] == ["conflict", "agreement"]
    assert (args.all, args.color, args.no_pager, args.max_bytes, args.jobs) == (True, "never", True, 1000, 3)
    assert (args.engine, args.scheduler) == ("dask", "tcp://host:8786")
    add = parser.parse_args(["add", "s.sqlite", "x.txt", "--jobs", "1"])
    assert (add.jobs, add.max_bytes) == (1, 1000)
    assert parser.parse_args(["report", "--kind", "quantity"]).kind == ["quantity"]


def test_underscores_and_dashes_are_one_key(tmp_path: Path) -> None:
    """min_origins is read as min-origins (TOML users write both); agree-bar as agree_bar."""
    path = tmp_path / "crosscheck.toml"
    path.write_text("min_origins = 2\n[thresholds]\nagree-bar = 65\napprox_tolerance = 0.15\n")
    settings = read_settings(path, cli._settings_checks(cli._parser()))
    assert settings.options == {"min-origins": 2}
    assert settings.config.agree_bar == 65
    assert str(settings.config.approx_tolerance) == "0.15"  # as written, not 0.1499999...


BAD = [
    (
        "pyproject.toml",
        '[tool.crosscheck]\nformt = "json"\n',
        "[tool.crosscheck] unknown key 'formt' (known: all, ",
    ),
    (
        "pyproject.toml",
        "[tool.crosscheck]\nmin-origins = 0\n",
        "[tool.crosscheck] min-origins must be a whole number >= 1, got 0",
    ),
    (
        "pyproject.toml",
        '[tool.crosscheck]\njobs = "4"\n',
        "[tool.crosscheck] jobs must be a whole number >= 1, got '4'",
    ),
    (
        "pyproject.toml",
        '[tool.crosscheck]\nformat = "pdf"\n',
        "[tool.crosscheck] format must be one of html, json, markdown, terminal, got 'pdf'",
    ),
    (
        "crosscheck.toml",
        'verdict = ["conflict", "agree"]\n',
        "verdict must be a list of agreement, conflict, possible_conflict, single_source, got 'agree'",
    ),
    ("crosscheck.toml", 'pager = "no"\n', "pager must be true or false, got 'no'"),
    (
        "crosscheck.toml",
        "kind = []\n",
        "kind must be one of quantity, ordinal, date, event (or a list of them), got an empty list",
    ),
    (
        "pyproject.toml",
        "[tool.crosscheck.thresholds]\nagree_bar = 120\n",
        "[tool.crosscheck.thresholds] agree_bar must be between 0 and 100, got 120",
    ),
    (
        "pyproject.toml",
        '[tool.crosscheck.thresholds]\nagree_bar = "high"\n',
        "[tool.crosscheck.thresholds] agree_bar must be a number, got 'high'",
    ),
    (
        "crosscheck.toml",
        "[thresholds]\ncontext_window = 8.5\n",
        "[thresholds] context_window must be a whole number, got 8.5",
    ),
    (
        "crosscheck.toml",
        "[thresholds]\nagree_barr = 70\n",
        "[thresholds] unknown threshold 'agree_barr' (known: approx_tolerance, ",
    ),
    ("crosscheck.toml", "thresholds = 70\n", "thresholds must be a table of thresholds ([thresholds])"),
    ("crosscheck.toml", "format = [\n", "malformed TOML: "),
    (
        "pyproject.toml",
        '[tool]\ncrosscheck = "markdown"\n',
        "tool.crosscheck must be a table ([tool.crosscheck])",
    ),
]


@pytest.mark.parametrize(("name", "text", "message"), BAD, ids=[m.split(" must")[0][:40] for _, _, m in BAD])
def test_a_bad_settings_file_is_one_line_naming_the_file_and_key(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, message: str
) -> None:
    """Exit 2, nothing on stdout, one line `crosscheck: error: FILE: [table] key ...`, no traceback;
    for add as for report."""
    path = project / name
    path.write_text(text, encoding="utf-8")
    for argv in (["report", "../corpus"], ["add", "store.sqlite", "../corpus"]):
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (2, "")
        assert err.startswith(f"crosscheck: error: {path}: {message}")
        assert err.count("\n") == 1 and "Traceback" not in err
    assert not (project / "work" / "store.sqlite").exists()


def test_no_config_ignores_a_broken_file_and_config_names_one(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--no-config reads no settings file; --config FILE reads that one (any name) instead of searching."""
    (project / "crosscheck.toml").write_text("format = [\n")
    code, out, err = _run(capsys, "report", "../corpus", "-q", "--no-config")
    assert (code, err) == (0, "")
    other = project / "ci.toml"
    other.write_text('format = "json"\n')
    code, out, _ = _run(capsys, "report", "../corpus", "--config", str(other))
    assert code == 0 and json.loads(out)["summary"]["documents"] == 2
    code, out, err = _run(capsys, "report", "../corpus", "--config", "missing.toml")
    assert (code, out, err) == (2, "", "crosscheck: error: missing.toml: --config names no file\n")
    with pytest.raises(SystemExit) as info:
        main(["report", "../corpus", "--config", str(other), "--no-config"])
    assert info.value.code == 2
    assert "argument --no-config: not allowed with argument --config" in capsys.readouterr().err


def test_add_reads_the_thresholds_report_store_uses(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """add extracts with the file's thresholds, so report --store with the same file reuses every
    stored claim (its summary is the one of the folder itself)."""
    (project / "crosscheck.toml").write_text("[thresholds]\ncontext_window = 60\n")
    code, out, _ = _run(capsys, "add", "store.sqlite", "../corpus")
    assert code == 0 and "2 added" in out
    code, out, _ = _run(capsys, "add", "store.sqlite", "../corpus")
    assert "0 added, 0 replaced, 2 unchanged" in out
    _, stored, _ = _run(capsys, "report", "--store", "store.sqlite", "-q")
    _, direct, _ = _run(capsys, "report", "../corpus", "-q")
    assert stored == direct


def test_help_and_version_need_no_settings(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken settings file does not stop --help, --version or completion."""
    (project / "crosscheck.toml").write_text("format = [\n")
    with pytest.raises(SystemExit) as info:
        main(["report", "--help"])
    assert info.value.code == 0
    assert main(["completion", "bash"]) == 0
    assert "--config" in capsys.readouterr().out
    assert isinstance(cli._parser(), argparse.ArgumentParser)
