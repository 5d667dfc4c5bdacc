"""Scale on one topic: many one-sentence files that all report one fact (issue 14: 20,000 of them took
909 s, peaked at 13.8 GB and wrote a 578 MB JSON report).

Each file holds one sentence, "He said N ships came on Monday." (RELIABILITY R10's sentence: a count
and a date; N from 2 to 9, so the files agree and clash), with no manifest: no file has a publication
date, so no claim has an event time and every count meets its `MAX_TIME_NEIGHBOURS` neighbours in one
block. For each size, in a fresh process (peak memory is this run's: VmHWM, as in memory.py) warmed
up on a small document, it times extraction (`LocalEngine.extract`), alignment (`LocalEngine.align`),
the verdicts and the JSON rendering, with the resident memory after alignment, the run's peak and the
JSON's size; then the ratios of the largest size to the smallest. An address-space limit
(``--limit-mb``) keeps a run from taking the shared machine's memory.

    python benchmarks/one_topic.py                        # 5,000 and 20,000 files
    python benchmarks/one_topic.py --files 1000,4000
    python benchmarks/one_topic.py --write DIR --files 20000   # only write the files (for the CLI)
    python benchmarks/one_topic.py --profile 5000         # cProfile of one run, top 30
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import peak_rss_mb

SENTENCE = "He said {n} ships came on Monday.\n"


def write_files(folder: Path, files: int, seed: int = 0) -> Path:
    """Write ``files`` one-sentence files into ``folder`` (the same bytes for the same arguments)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    width = len(str(files - 1))
    for k in range(files):
        (folder / f"{k:0{width}d}.txt").write_text(SENTENCE.format(n=rng.randint(2, 9)), encoding="utf-8")
    return folder


def child(folder: Path, profile: bool) -> dict[str, Any]:
    """One measured run over ``folder`` in this fresh process."""
    import crosscheck
    from crosscheck.config import Config
    from crosscheck.engines import LocalEngine
    from crosscheck.pipeline import _report, index_documents
    from crosscheck.terms import default_terms

    warm = crosscheck.Document(id="warm", text="On Monday, Russia said 3 ships sailed.", published=None)
    crosscheck.render(crosscheck.check([warm], jobs=1), "json")
    base = peak_rss_mb()
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    config, terms = Config(), default_terms()
    t0 = time.perf_counter()
    docs, by_id = index_documents(crosscheck.load_documents(folder))
    engine = LocalEngine(1)
    t1 = time.perf_counter()
    claims = engine.extract(docs, config, terms)
    t2 = time.perf_counter()
    clusters = engine.align(claims, by_id, config)
    t3 = time.perf_counter()
    align_rss = peak_rss_mb()
    report = _report(docs, claims, clusters, by_id, config)
    t4 = time.perf_counter()
    text = crosscheck.render(report, "json")
    t5 = time.perf_counter()
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(30)
    largest = max(report.groups, key=lambda g: len(g.claims))
    return {
        "files": len(docs),
        "claims": len(report.claims),
        "groups": len(report.groups),
        "largest_group_claims": len(largest.claims),
        "largest_group_scores": len(largest.scores),
        "scores": sum(len(g.scores) for g in report.groups),
        "load_s": t1 - t0,
        "extract_s": t2 - t1,
        "align_s": t3 - t2,
        "judge_s": t4 - t3,
        "json_s": t5 - t4,
        "total_s": t5 - t0,
        "json_mb": len(text.encode("utf-8")) / 1024 / 1024,
        "rss_align_mb": align_rss,
        "peak_rss_mb": peak_rss_mb(),
        "rss_added_mb": peak_rss_mb() - base,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--files", default="5000,20000", help="comma list of numbers of files")
    parser.add_argument(
        "--write", type=Path, metavar="DIR", help="only write the files of each size into DIR/N"
    )
    parser.add_argument("--profile", type=int, metavar="FILES", help="profile one run of this size")
    parser.add_argument(
        "--limit-mb", type=int, default=8000, help="address-space limit of each run, MB (default 8000)"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        if args.limit_mb:
            limit = args.limit_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            print(json.dumps(child(args.child, profile=bool(args.profile))))
        except MemoryError:
            print(json.dumps({"failed": f"out of memory at the {args.limit_mb:,} MB limit"}))
        return
    sizes = [args.profile] if args.profile else [int(s) for s in args.files.split(",")]
    if args.write:
        for files in sizes:
            write_files(args.write / str(files), files)
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="crosscheck-one-topic-") as tmp:
        for files in sizes:
            folder = write_files(Path(tmp) / str(files), files)
            command = [sys.executable, __file__, "--child", str(folder), "--limit-mb", str(args.limit_mb)]
            command += ["--profile", str(files)] if args.profile else []
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            if args.profile:
                print(done.stderr)
            row = json.loads(done.stdout.splitlines()[-1])
            if "failed" in row:
                print(f"{files:>7,} files: {row['failed']}", flush=True)
                continue
            rows.append(row)
            print(json.dumps(row), flush=True)
    print()
    print(
        "| files | claims | groups | largest group: claims / scores | extract s | align s | verdicts s "
        "| JSON s | total s | RSS after align MB | peak RSS MB | RSS added MB | JSON MB |"
    )
    print("|---" * 13 + "|")
    for r in rows:
        print(
            f"| {r['files']:,} | {r['claims']:,} | {r['groups']:,} | {r['largest_group_claims']:,} / "
            f"{r['largest_group_scores']:,} | {r['extract_s']:.1f} | {r['align_s']:.1f} | {r['judge_s']:.1f} "
            f"| {r['json_s']:.1f} | {r['total_s']:.1f} | {r['rss_align_mb']:.0f} | {r['peak_rss_mb']:.0f} "
            f"| {r['rss_added_mb']:.0f} | {r['json_mb']:.1f} |"
        )
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(
            f"- x{b['files'] / a['files']:.1f} files: align x{b['align_s'] / a['align_s']:.2f}, verdicts "
            f"x{b['judge_s'] / a['judge_s']:.2f}, total x{b['total_s'] / a['total_s']:.2f}, RSS added "
            f"x{b['rss_added_mb'] / a['rss_added_mb']:.2f}, JSON x{b['json_mb'] / a['json_mb']:.2f}"
        )


if __name__ == "__main__":
    main()
