"""Benchmark crosscheck on the seeds scaled 1x, 10x, 100x and 1000x, against two baselines.

For each size it writes a generated corpus (benchmarks/generate.py), then runs the pipeline in a fresh
process per run, stage by stage (load, segment, extract, align, judge, render), and prints medians:
documents/s, sentences/s, claims, groups, seconds per stage and the peak resident memory the run
added on top of the imported library. In the same run it times the baselines on the sentences of the
1x corpus: quantulum3's quantity extraction (``parser.parse``) and ``dateparser.search.search_dates``
(date finding only), each warmed up first, and prints crosscheck's full pipeline (extract, which
segments, then align and judge) per sentence over each baseline's as a ratio.

    pip install quantulum3            # the baselines; not a crosscheck dependency
    python benchmarks/run.py          # all sizes; --sizes 1,10 --runs 3 for a quick look
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402
from memory import peak_rss_mb  # noqa: E402

STAGES = ("load", "segment", "extract", "align", "judge", "render")
PIPELINE = ("extract", "align", "judge")  # the full pipeline; extract includes its own segmentation


def _rss_mb() -> float:
    return peak_rss_mb()  # VmHWM of this process: ru_maxrss would start at the parent's peak


def child(folder: Path, verify: bool, jobs: int) -> dict[str, Any]:
    """One run over ``folder`` in this (fresh) process: stage times, counts, peak memory."""
    import crosscheck
    from crosscheck.align import align
    from crosscheck.config import Config
    from crosscheck.engines import LocalEngine
    from crosscheck.pipeline import _report as assemble_report
    from crosscheck.pipeline import index_documents
    from crosscheck.render import render_chunks
    from crosscheck.segment import split_sentences
    from crosscheck.terms import default_terms

    config, terms = Config(), default_terms()
    warm = crosscheck.Document(
        id="warm",
        text="Posted on December 1, 2022 by AP\n\nOn Wednesday, Nov. 30, Russia said 3 ships sailed.",
        published=dt.date(2000, 1, 1),
    )
    crosscheck.check([warm])  # one-time costs (imports, dateparser's language tables) are not per document
    base_rss = _rss_mb()
    times: dict[str, float] = {}
    rss: dict[str, float] = {}  # peak resident memory after each stage

    t = time.perf_counter()
    docs, by_id = index_documents(crosscheck.load_documents(folder))
    times["load"] = time.perf_counter() - t
    rss["load"] = _rss_mb()

    t = time.perf_counter()
    sentences = [split_sentences(doc.id, doc.text) for doc in docs]
    times["segment"] = time.perf_counter() - t
    rss["segment"] = _rss_mb()

    t = time.perf_counter()  # extraction segments again inside: `segment` is shown, not added
    claims = LocalEngine(jobs).extract(docs, config, terms)
    times["extract"] = time.perf_counter() - t
    rss["extract"] = _rss_mb()

    t = time.perf_counter()
    clusters = align(claims, by_id, config=config)
    times["align"] = time.perf_counter() - t
    rss["align"] = _rss_mb()

    t = time.perf_counter()
    report = assemble_report(docs, claims, clusters, by_id, config)  # syndication, verdicts, order
    times["judge"] = time.perf_counter() - t
    rss["judge"] = _rss_mb()
    groups = report.groups
    t = time.perf_counter()
    # streamed, as `report --format json --out FILE` writes it
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for chunk in render_chunks(report, "json"):
            sink.write(chunk)
    times["render"] = time.perf_counter() - t
    rss["render"] = _rss_mb()

    if verify and crosscheck.render(report, "json") != crosscheck.render(crosscheck.check(docs), "json"):
        raise SystemExit("benchmark stages disagree with crosscheck.check(): fix the runner")
    return {
        "times": times,
        "documents": len(docs),
        "sentences": sum(len(s) for s in sentences),
        "characters": sum(len(d.text) for d in docs),
        "claims": len(claims),
        "groups": len(groups),
        "conflicts": len(report.conflicts),
        "agreements": len(report.agreements),
        "largest_block": _largest_block(claims),
        "peak_mb": _rss_mb() - base_rss,
        "rss_mb": _rss_mb(),
        "rss_after": rss,
    }


def _largest_block(claims: list[Any]) -> int:
    import inspect
    from collections import Counter

    from crosscheck import Config
    from crosscheck.align import block_key

    config = Config()
    if len(inspect.signature(block_key).parameters) > 1:
        counts = Counter(block_key(c, config) for c in claims)
    else:  # a baseline checkout from before measure families
        counts = Counter(block_key(c) for c in claims)  # type: ignore[call-arg]
    return max(counts.values(), default=0)


def baselines(folder: Path, runs: int) -> dict[str, Any]:
    """Seconds per sentence of quantulum3 and search_dates over the sentences of ``folder``."""
    import crosscheck
    from crosscheck.segment import split_sentences

    docs = crosscheck.load_documents(folder)
    work = [(s.text, d.published) for d in docs for s in split_sentences(d.id, d.text)]
    out: dict[str, Any] = {"sentences": len(work)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from quantulum3 import parser as qparser
        except ImportError:
            print("quantulum3 is not installed: pip install quantulum3", file=sys.stderr)
            qparser = None
        from datetime import datetime

        from dateparser.search import search_dates

        def q_all() -> None:
            for sentence, _ in work:
                qparser.parse(sentence)

        def d_en() -> None:  # the fastest way to call it: English only, relative to the publication date
            for sentence, published in work:
                base = datetime(published.year, published.month, published.day) if published else None
                search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": base} if base else None)

        def d_default() -> None:  # as documented, with language detection
            for sentence, _ in work:
                search_dates(sentence)

        for name, fn in (("quantulum3", q_all), ("search_dates_en", d_en), ("search_dates", d_default)):
            if name == "quantulum3" and qparser is None:
                continue
            fn()  # warm-up: models, language tables, regex caches
            samples = []
            for _ in range(runs):
                t = time.perf_counter()
                fn()
                samples.append(time.perf_counter() - t)
            out[name] = statistics.median(samples) / len(work)
    return out


def _run_child(folder: Path, verify: bool, jobs: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", str(folder), "--jobs", str(jobs)]
    if verify:
        cmd.append("--verify")
    done = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark run failed on {folder}:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _median_result(results: list[dict[str, Any]]) -> dict[str, Any]:
    first = dict(results[0])
    first["times"] = {s: statistics.median(r["times"][s] for r in results) for s in STAGES}
    first["peak_mb"] = statistics.median(r["peak_mb"] for r in results)
    first["rss_mb"] = statistics.median(r["rss_mb"] for r in results)
    first["runs"] = len(results)
    return first


def main() -> None:
    """Run the benchmark and print a markdown report."""
    parser = argparse.ArgumentParser(description="crosscheck benchmark")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--verify", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--sizes", default="1,10,100,1000", help="multiples of the seeds (default 1,10,100,1000)"
    )
    parser.add_argument("--runs", default="5,5,3,2", help="runs per size, medians reported (default 5,5,3,2)")
    parser.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1: one core)")
    parser.add_argument(
        "--baseline-runs", type=int, default=3, help="timed runs of each baseline (default 3)"
    )
    parser.add_argument("--json", type=Path, help="also write the raw results to this file")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.verify, args.jobs)))
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    runs = [int(x) for x in args.runs.split(",")]
    runs += [runs[-1]] * (len(sizes) - len(runs))
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        base_folder = write_corpus(Path(tmp) / "x1", 5)
        base = baselines(base_folder, args.baseline_runs)
        for size, n_runs in zip(sizes, runs, strict=True):
            folder = write_corpus(Path(tmp) / f"x{size}", 5 * size)
            results = [_run_child(folder, size == 1 and i == 0, args.jobs) for i in range(n_runs)]
            row = _median_result(results)
            row["size"] = size
            rows.append(row)
            print(f"  {size}x done ({n_runs} runs)", file=sys.stderr, flush=True)
    print(_markdown(rows, base, args.jobs))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "baselines": base}, indent=2), encoding="utf-8")


def _markdown(rows: list[dict[str, Any]], base: dict[str, Any], jobs: int) -> str:
    lines = [
        f"machine: {platform.platform()}, Python {platform.python_version()}, "
        f"{_cpu()}; extraction jobs: {jobs}",
        "",
        "| size | docs | sentences | claims | groups (conflicts/agreements) | largest block | runs "
        "| load s | segment s | extract s | align s | judge s | render s | pipeline s | docs/s "
        "| sentences/s | peak RSS MB (added by the run) |",
        "|---" * 17 + "|",
    ]
    for r in rows:
        t = r["times"]
        pipe = sum(t[s] for s in PIPELINE)
        lines.append(
            f"| {r['size']}x | {r['documents']} | {r['sentences']} | {r['claims']} | {r['groups']} "
            f"({r['conflicts']}/{r['agreements']}) | {r['largest_block']} | {r['runs']} | "
            + " | ".join(f"{t[s]:.3f}" for s in STAGES)
            + f" | {pipe:.3f} | {r['documents'] / pipe:.0f} | {r['sentences'] / pipe:.0f} "
            f"| {r['rss_mb']:.0f} ({r['peak_mb']:.0f}) |"
        )
    lines.append("")
    lines.append(
        "Pipeline = extract (which segments too) + align + judge. Growth (time ratio between sizes 10x apart):"
    )
    for a, b in itertools.pairwise(rows):
        ta = sum(a["times"][s] for s in PIPELINE)
        tb = sum(b["times"][s] for s in PIPELINE)
        lines.append(
            f"- {a['size']}x -> {b['size']}x: time x{tb / ta:.1f}, align x{b['times']['align'] / a['times']['align']:.1f}, "
            f"peak RSS {a['rss_mb']:.0f} -> {b['rss_mb']:.0f} MB (x{b['rss_mb'] / a['rss_mb']:.1f}) "
            f"for x{b['documents'] / a['documents']:.0f} documents"
        )
    lines.append("")
    lines.append(f"Baselines on the {base['sentences']} sentences of the 1x corpus (median per sentence):")
    names = {
        "quantulum3": "quantulum3 `parser.parse` (quantities only)",
        "search_dates_en": "dateparser `search_dates(s, languages=['en'], settings={'RELATIVE_BASE': published})`",
        "search_dates": "dateparser `search_dates(s)` (defaults: language detection)",
    }
    for name, title in names.items():
        if name not in base:
            lines.append(f"- {name}: not installed")
            continue
        lines.append(f"- {title}: {base[name] * 1000:.3f} ms/sentence")
        for r in rows:
            per = sum(r["times"][s] for s in PIPELINE) / r["sentences"]
            lines.append(
                f"  - {r['size']}x: crosscheck {per * 1000:.3f} ms/sentence, {base[name] / per:.1f}x faster"
            )
    return "\n".join(lines)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()} x{os.cpu_count()}"
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


if __name__ == "__main__":
    main()
