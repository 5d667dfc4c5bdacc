"""Every example runs: each script in examples/ exits 0 with its output, and `pytest examples/` passes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))
# What each script must print (a script without an entry only has to exit 0).
EXPECTED = {
    "library_quickstart.py": [
        "5 documents, ",
        'Associated Press: "more than 2,000 troops" (characters 1268-1290)',
    ],
    "json_report.py": [
        '"conflicts": 0',
        'Associated Press "three warships"; 002_802931a856429f27 "three warships"',
    ],
    "spot_a_conflict.py": [
        'City Daily says "Twelve people" (12); Wire service says "At least 40 people"',
        "the death toll is conflict",
    ],
}


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_examples_are_known() -> None:
    """Every script in examples/ has its expected output listed here, and every listed script exists."""
    assert sorted(p.name for p in SCRIPTS) == sorted(EXPECTED)


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example_script_runs(script: Path, tmp_path: Path) -> None:
    """The script exits 0 from any folder and prints what its docstring promises."""
    result = _run(str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for text in EXPECTED.get(script.name, []):
        assert text in result.stdout, result.stdout


def test_json_example_writes_the_cli_contract(tmp_path: Path) -> None:
    """json_report.py --out writes exactly the JSON `crosscheck report --format json` gives."""
    out = tmp_path / "report.json"
    result = _run(str(EXAMPLES / "json_report.py"), "--out", str(out), str(ROOT / "seeds"))
    assert result.returncode == 0, result.stderr
    cli = _run("-m", "crosscheck", "report", str(ROOT / "seeds"), "--format", "json")
    assert out.read_text(encoding="utf-8") == cli.stdout
    assert json.loads(cli.stdout)["summary"]["documents"] == 5


def test_pytest_examples_asserts_the_seeds_through_the_plugin() -> None:
    """`pytest examples/` passes the seeds' known agreements, single-source claims and no-conflict check."""
    result = _run("-m", "pytest", "examples/", "-p", "no:cacheprovider")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b10 passed\b", result.stdout), result.stdout
    assert "crosscheck corpus (crosscheck_corpus ini key): " in result.stdout


def test_pytest_examples_needs_nothing_but_the_plugin() -> None:
    """Without the plugin the example tests cannot even find their fixture: they use nothing else."""
    assert not (EXAMPLES / "conftest.py").exists()
    args = ["-p", "no:cacheprovider", "-p", "no:crosscheck", "-W", "ignore::pytest.PytestConfigWarning"]
    result = _run("-m", "pytest", "examples/", *args)
    assert result.returncode != 0
    assert "fixture 'crosscheck_report' not found" in result.stdout


def test_quickstart_python_runs() -> None:
    """The Python block of docs/quickstart.md runs as written from the project folder."""
    text = (ROOT / "docs" / "quickstart.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.DOTALL)
    assert blocks
    for block in blocks:
        result = _run("-c", block)
        assert result.returncode == 0, result.stderr
        assert "more than 2,000 troops" in result.stdout and "conflicts: []" in result.stdout
