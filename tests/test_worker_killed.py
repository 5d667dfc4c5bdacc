"""A `--jobs` worker killed mid-extraction (issue 14 item 7): one line on stderr, exit 2, no traceback,
nothing written (no report, nothing stored).

The test starts the CLI in a subprocess on a corpus large enough to keep its workers busy for
seconds, waits until a worker process of the pool is running, and SIGKILLs it by pid, as the
out-of-memory killer or a user would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.store import Store

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="kills a worker process by pid (Linux)")

MESSAGE = (
    "crosscheck: error: a worker process of --jobs 2 died while extracting claims (killed, or out of "
    "memory); stopped before writing anything: run again, or with fewer --jobs"
)


def _corpus(folder: Path, n: int = 120) -> Path:
    folder.mkdir()
    for k in range(n):
        body = "".join(
            f"On Monday {k + j} officials said {100 + 7 * j:,} troops and {j + 3} ships arrived near the "
            f"border, and {j * 11 + 2} people were hurt, according to police. "
            for j in range(60)
        )
        (folder / f"doc{k:03}.txt").write_text(f"Posted on December 1, 2022\n\n{body}\n", encoding="utf-8")
    return folder


def _children(pid: int) -> list[int]:
    """The pids of the processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # it ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (name) ": state, ppid, ...
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def _kill_a_worker(process: subprocess.Popen[str], timeout: float = 120) -> bool:
    """SIGKILL one pool worker of ``process`` once it runs; False if the run ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if workers:
            time.sleep(0.3)  # let it start on a document
            os.kill(workers[0], signal.SIGKILL)
            return True
        time.sleep(0.02)
    return False


def _run_and_kill(argv: list[str], cwd: Path) -> tuple[int, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", *argv],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        killed = _kill_a_worker(process)
        out, err = process.communicate(timeout=300)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if not killed:
        pytest.fail(f"the run ended before a worker could be killed (exit {process.returncode})")
    assert out == ""
    return process.returncode, err


def test_a_killed_worker_ends_report_with_one_line_and_no_report(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    out = tmp_path / "report.json"
    code, err = _run_and_kill(
        ["report", str(corpus), "--jobs", "2", "--format", "json", "--out", str(out)], tmp_path
    )
    assert "Traceback" not in err
    assert err.splitlines() == [MESSAGE]
    assert code == 2
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no temporary file left either


def test_a_killed_worker_ends_add_with_one_line_and_nothing_stored(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "in")
    store = tmp_path / "s.sqlite"
    code, err = _run_and_kill(["add", str(store), str(corpus), "--jobs", "2"], tmp_path)
    assert "Traceback" not in err
    assert err.splitlines() == [MESSAGE]
    assert code == 2
    with Store(store, create=False) as opened:
        assert len(opened) == 0  # the store was made, but holds nothing half-extracted
