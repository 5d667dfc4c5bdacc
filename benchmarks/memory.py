"""Peak memory of loading and checking 1x, 10x and 100x the seeds: does it grow with the corpus?

For each size it writes a generated corpus (benchmarks/generate.py, the same generator as
benchmarks/run.py), then, in a fresh process, warms crosscheck up on one small document (imports,
dateparser's tables: one-time costs), starts `tracemalloc` and runs `load_documents`, `check` (one
process) and the JSON rendering. It prints the Python heap's peak during the run, that peak per
megabyte of input, what the report keeps once done, and the peak resident memory the run added on
top of the warmed-up process (`peak_rss_mb`: VmHWM of this very process; not ``ru_maxrss``, which on
Linux starts at the parent's peak).

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


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB: ``VmHWM`` of /proc/self/status on Linux.

    Not ``getrusage(RUSAGE_SELF).ru_maxrss``: Linux carries the peak of the process that started this
    one into it (``subprocess`` forks or vforks the parent, and exec keeps the old memory's peak), so a
    child of a 600 MB parent reports 600 MB from its first line. ru_maxrss only where /proc is absent.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # pragma: no cover


def child(folder: Path, traced: bool, jobs: int) -> dict[str, Any]:
    """One run over ``folder`` in this fresh process: heap peak, retained heap, RSS, stage times, counts."""
    import crosscheck
    from crosscheck.config import Config
    from crosscheck.engines import LocalEngine
    from crosscheck.pipeline import _report, index_documents
    from crosscheck.terms import default_terms

    warm = crosscheck.Document(
        id="warm",
        text="Posted on December 1, 2022\n\nOn Wednesday, Russia said 3 ships sailed.",
        published=None,
    )
    crosscheck.render(crosscheck.check([warm], jobs=1), "json")
    config, terms = Config(), default_terms()
    base_rss = peak_rss_mb()
    input_bytes = sum(p.stat().st_size for p in folder.iterdir())
    started = time.perf_counter()
    if traced:
        tracemalloc.start()
    docs, by_id = index_documents(crosscheck.load_documents(folder))
    engine = LocalEngine(jobs)
    t = time.perf_counter()
    claims = engine.extract(docs, config, terms)
    extract_s, extract_rss, t = time.perf_counter() - t, peak_rss_mb(), time.perf_counter()
    clusters = engine.align(claims, by_id, config)
    align_s, align_rss = time.perf_counter() - t, peak_rss_mb()
    report = _report(docs, claims, clusters, by_id, config)
    text = crosscheck.render(report, "json")
    current, peak = tracemalloc.get_traced_memory() if traced else (0, 0)
    if traced:
        tracemalloc.stop()
    untimed = sum(1 for c in claims if c.value is not None and _untimed(c, by_id))
    return {
        "documents": len(docs),
        "undated": sum(1 for d in docs if d.published is None),
        "claims": len(report.claims),
        "untimed": untimed,
        "input_mb": input_bytes / MB,
        "peak_mb": peak / MB,
        "retained_mb": current / MB,
        "json_mb": len(text.encode()) / MB,
        "rss_added_mb": peak_rss_mb() - base_rss,
        "rss_extract_mb": extract_rss,
        "rss_align_mb": align_rss,
        "rss_peak_mb": peak_rss_mb(),
        "extract_s": extract_s,
        "align_s": align_s,
        "seconds": time.perf_counter() - started,
    }


def _untimed(claim: Any, by_id: Any) -> bool:
    """A claim with no event time: no date of its own or in its sentence, no publication date."""
    from crosscheck.align.rules import event_window
    from crosscheck.model import DateValue

    if isinstance(claim.value, DateValue):
        return not claim.value.resolved
    return event_window(claim) is None and by_id[claim.document].published is None


def main() -> None:
    """Generate each size, measure it in a fresh process, print a markdown table."""
    parser = argparse.ArgumentParser(description="crosscheck peak memory at 1x, 10x, 100x the seeds")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="1,10,100", help="multiples of the seeds (default 1,10,100)")
    parser.add_argument("--undated-share", type=float, default=0.0, help="see generate.py (default 0)")
    parser.add_argument(
        "--untraced", action="store_true", help="no tracemalloc (times as without it; no heap columns)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1)")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, not args.untraced, args.jobs)))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="crosscheck-memory-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = write_corpus(Path(tmp) / f"x{size}", 5 * size, undated_share=args.undated_share)
            cmd = [sys.executable, __file__, "--child", str(folder), "--jobs", str(args.jobs)]
            cmd += ["--untraced"] if args.untraced else []
            done = subprocess.run(cmd, check=True, capture_output=True, text=True)
            rows.append({"size": size, **json.loads(done.stdout)})
            print(f"  {size}x done", file=sys.stderr, flush=True)
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()}; {dt.date.today()}; "
        f"undated share {args.undated_share}; {'untraced' if args.untraced else 'tracemalloc on'}"
    )
    print()
    print(
        "| size | docs | undated docs | claims | untimed claims | input MB | heap peak MB | peak / input MB "
        "| kept after MB | extract s | align s | RSS after extract MB | RSS after align MB | RSS peak MB "
        "| RSS added MB | s |"
    )
    print("|---" * 16 + "|")
    for r in rows:
        print(
            f"| {r['size']}x | {r['documents']} | {r['undated']} | {r['claims']} | {r['untimed']} "
            f"| {r['input_mb']:.2f} | {r['peak_mb']:.1f} | {r['peak_mb'] / r['input_mb']:.0f} "
            f"| {r['retained_mb']:.1f} | {r['extract_s']:.1f} | {r['align_s']:.2f} | {r['rss_extract_mb']:.0f} "
            f"| {r['rss_align_mb']:.0f} | {r['rss_peak_mb']:.0f} | {r['rss_added_mb']:.0f} | {r['seconds']:.1f} |"
        )
    for a, b in itertools.pairwise(rows):
        print(
            f"- {a['size']}x -> {b['size']}x: docs x{b['documents'] / a['documents']:.1f}, "
            f"claims x{b['claims'] / a['claims']:.1f}, align time x{b['align_s'] / a['align_s']:.1f}, "
            f"RSS after align x{b['rss_align_mb'] / a['rss_align_mb']:.1f}"
            + (f", heap peak x{b['peak_mb'] / a['peak_mb']:.1f}" if b["peak_mb"] else "")
        )


if __name__ == "__main__":
    main()
