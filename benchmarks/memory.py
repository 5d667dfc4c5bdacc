"""Peak memory of loading and checking 1x, 10x and 100x the seeds: does it grow with the corpus?

For each size it writes a generated corpus (benchmarks/generate.py, the same generator as
benchmarks/run.py), then, in a fresh process, warms crosscheck up on one small document (imports,
dateparser's tables: one-time costs), starts `tracemalloc` and runs `load_documents`, `check` (one
process) and the JSON rendering. It prints the Python heap's peak during the run, that peak per
megabyte of input, what the report keeps once done, and the peak resident memory the run added on
top of the warmed-up process (ru_maxrss, Linux).

    python benchmarks/memory.py                 # 1x, 10x, 100x
    python benchmarks/memory.py --sizes 1,10    # a quick look
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402

MB = 1024 * 1024


def child(folder: Path) -> dict[str, Any]:
    """One run over ``folder`` in this fresh process: heap peak, retained heap, RSS added, counts."""
    import crosscheck

    warm = crosscheck.Document(
        id="warm",
        text="Posted on December 1, 2022\n\nOn Wednesday, Russia said 3 ships sailed.",
        published=None,
    )
    crosscheck.render(crosscheck.check([warm], jobs=1), "json")
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    input_bytes = sum(p.stat().st_size for p in folder.iterdir())
    started = time.perf_counter()
    tracemalloc.start()
    docs = crosscheck.load_documents(folder)
    report = crosscheck.check(docs, jobs=1)
    text = crosscheck.render(report, "json")
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "documents": len(docs),
        "claims": len(report.claims),
        "input_mb": input_bytes / MB,
        "peak_mb": peak / MB,
        "retained_mb": current / MB,
        "json_mb": len(text.encode()) / MB,
        "rss_added_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - base_rss,
        "seconds": time.perf_counter() - started,
    }


def main() -> None:
    """Generate each size, measure it in a fresh process, print a markdown table."""
    parser = argparse.ArgumentParser(description="crosscheck peak memory at 1x, 10x, 100x the seeds")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1,10,100", help="multiples of the seeds (default 1,10,100)")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child)))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="crosscheck-memory-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = write_corpus(Path(tmp) / f"x{size}", 5 * size)
            cmd = [sys.executable, __file__, "--child", str(folder)]
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            rows.append({"size": size, **json.loads(done.stdout)})
            print(f"  {size}x done", file=sys.stderr, flush=True)
    print(f"machine: {platform.platform()}, Python {platform.python_version()}; {dt.date.today()}")
    print()
    print(
        "| size | docs | claims | input MB | heap peak MB | peak / input MB | kept after MB | RSS added MB | s (traced) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['size']}x | {r['documents']} | {r['claims']} | {r['input_mb']:.2f} | {r['peak_mb']:.1f} "
            f"| {r['peak_mb'] / r['input_mb']:.0f} | {r['retained_mb']:.1f} | {r['rss_added_mb']:.0f} "
            f"| {r['seconds']:.1f} |"
        )
    for a, b in itertools.pairwise(rows):
        print(
            f"- {a['size']}x -> {b['size']}x: input x{b['input_mb'] / a['input_mb']:.1f}, "
            f"claims x{b['claims'] / a['claims']:.1f}, heap peak x{b['peak_mb'] / a['peak_mb']:.1f}"
        )


if __name__ == "__main__":
    main()
