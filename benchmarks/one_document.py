"""Scale within one document: the check and HTML render time and peak memory of one long document.

The document repeats the sentence of RELIABILITY R10, "He said N ships came on Monday." (a quantity
and a date: two claims a sentence), with N varied so that the claims are not all one value; 5,000
sentences are 160 KB and 10,000 claims. For each size, each run is a fresh process (so the peak
memory is this run's: VmHWM, as in memory.py) that warms crosscheck up on a small document, reads the
document, times its extraction alone (`LocalEngine.extract`), then `check` (extraction again,
alignment, verdicts) and the HTML rendering, and reports its peak resident memory. The median of
``--runs`` runs is printed per size, then the ratio of the largest size to the smallest.

    python benchmarks/one_document.py                       # 10,000 and 40,000 claims, 3 runs each
    python benchmarks/one_document.py --claims 2000,4000 --runs 1
    python benchmarks/one_document.py --render-only --claims 10000,20000,40000   # HTML alone
    python benchmarks/one_document.py --profile 10000       # cProfile of check + HTML, top 25
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import peak_rss_mb

SENTENCE = "He said {n} ships came on Monday. "
CLAIMS_PER_SENTENCE = 2


def document_text(claims: int, seed: int = 0) -> str:
    """The text of one document of about ``claims`` claims (two a sentence), the same for the same
    arguments."""
    rng = random.Random(seed)
    sentences = max(1, claims // CLAIMS_PER_SENTENCE)
    return "".join(SENTENCE.format(n=rng.randint(2, 9)) for _ in range(sentences)) + "\n"


def write_document(folder: Path, claims: int, seed: int = 0) -> Path:
    """Write the document of ``claims`` claims as ``folder/long.txt`` with a manifest dating it."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "long.txt"
    path.write_text(document_text(claims, seed), encoding="utf-8")
    (folder / "manifest.toml").write_text(
        '[files."long.txt"]\nsource = "Wire"\npublished = 2022-12-01\n', encoding="utf-8"
    )
    return path


def child(path: Path, profile: bool, render_only: bool = False) -> dict[str, Any]:
    """One measured run over the document at ``path``, in this fresh process. ``render_only``: the
    alignment is replaced by what it returns for this document (each claim its own cluster), so the
    render of a document too long to check in reasonable time is measured alone."""
    import crosscheck
    import crosscheck.engines

    if render_only:

        def singles(claims: Any, docs: Any, **_: Any) -> list[Any]:
            return [((c,), (), ()) for c in claims]

        vars(crosscheck.engines)["align"] = singles

    warm = crosscheck.Document(id="warm", text="On Monday, Russia said 3 ships sailed.", published=None)
    crosscheck.render(crosscheck.check([warm], jobs=1), "html")
    base = peak_rss_mb()
    docs = crosscheck.load_documents(path)
    from crosscheck.config import Config
    from crosscheck.engines import LocalEngine
    from crosscheck.terms import default_terms

    start = time.perf_counter()
    extracted = LocalEngine(1).extract(docs, Config(), default_terms())  # extraction alone, timed apart
    extract_s = time.perf_counter() - start
    del extracted
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    start = time.perf_counter()
    report = crosscheck.check(docs, jobs=1)
    checked = time.perf_counter()
    page = crosscheck.render(report, "html")
    rendered = time.perf_counter()
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return {
        "claims": sum(len(g.claims) for g in report.groups),
        "bytes": len(docs[0].text.encode("utf-8")),
        "extract_s": extract_s,
        "check_s": checked - start,
        "html_s": rendered - checked,
        "html_bytes": len(page.encode("utf-8")),
        "peak_rss_mb": peak_rss_mb(),
        "rss_added_mb": peak_rss_mb() - base,
    }


def measure(claims: int, runs: int, folder: Path, limit_mb: int, extra: Sequence[str] = ()) -> dict[str, Any]:
    """The median of ``runs`` fresh-process runs over a document of ``claims`` claims; a run that
    needs more than ``limit_mb`` of address space stops (MemoryError) and is reported as such."""
    path = write_document(folder / str(claims), claims)
    results: list[dict[str, Any]] = []
    for _ in range(runs):
        command = [sys.executable, __file__, "--child", str(path), "--limit-mb", str(limit_mb), *extra]
        out = subprocess.run(command, check=True, capture_output=True, text=True)
        results.append(json.loads(out.stdout))
        if "failed" in results[-1]:
            return results[-1]
    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
    median["runs"] = runs
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--claims", default="10000,40000", help="comma list of claim counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is printed")
    parser.add_argument("--profile", type=int, metavar="CLAIMS", help="profile one run of this size")
    parser.add_argument(
        "--limit-mb", type=int, default=8000, help="address-space limit of each run, MB (default 8000)"
    )
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="replace alignment by what it returns for this document (single-claim clusters): the render alone",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        if args.limit_mb:
            limit = args.limit_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            print(json.dumps(child(args.child, profile=bool(args.profile), render_only=args.render_only)))
        except MemoryError:
            print(json.dumps({"failed": f"out of memory at the {args.limit_mb:,} MB limit"}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        if args.profile:
            path = write_document(Path(tmp) / "p", args.profile)
            print(json.dumps(child(path, profile=True)))
            return
        sizes = [int(s) for s in args.claims.split(",")]
        rows = []
        for claims in sizes:
            extra = ["--render-only"] if args.render_only else []
            row = measure(claims, args.runs, Path(tmp), args.limit_mb, extra)
            if "failed" in row:
                print(f"{claims:>7,} claims: {row['failed']}", flush=True)
                continue
            rows.append(row)
            print(
                f"{claims:>7,} claims asked ({row['claims']:,.0f} in the report), {row['bytes'] / 1024:,.0f} KB: "
                f"check {row['check_s']:.2f} s (of which extraction {row['extract_s']:.2f} s), HTML "
                f"{row['html_s']:.2f} s, peak RSS "
                f"{row['peak_rss_mb']:.0f} MB (+{row['rss_added_mb']:.0f} MB), median of {args.runs}",
                flush=True,
            )
        if len(rows) > 1:
            first, last = rows[0], rows[-1]
            grow = last["bytes"] / first["bytes"]
            print(
                f"x{grow:.1f} input: check x{last['check_s'] / first['check_s']:.2f}, extraction "
                f"x{last['extract_s'] / first['extract_s']:.2f}, HTML "
                f"x{last['html_s'] / first['html_s']:.2f}, RSS added "
                f"x{last['rss_added_mb'] / max(first['rss_added_mb'], 1e-9):.2f}"
            )


if __name__ == "__main__":
    main()
