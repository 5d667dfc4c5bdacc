"""The engines side by side: the local engine (the baseline, in the same run) against Dask.

For each number of documents it writes a generated corpus (benchmarks/generate.py) and runs, each in
a fresh process and alternating engine by engine: the local engine with ``--jobs 1`` and with
``--jobs J`` (default: this machine's cores), and the Dask engine on a `LocalCluster` of J worker
processes that the run starts (as ``report --engine dask`` does without ``--scheduler``). Each run
checks the corpus and renders the JSON report; the printed times are medians, the memory the peak
resident set (VmHWM) of the run's process and, for Dask, the largest worker's. Every Dask report is
compared byte for byte with the local one (a difference is printed and ends the benchmark with 1).

    python benchmarks/engines.py                          # 50 and 500 documents, 3 runs each
    python benchmarks/engines.py --docs 2000,5000 --runs 1
    python benchmarks/engines.py --docs 500 --engine-file OLD_ENGINES.py   # another DaskEngine
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402
from memory import peak_rss_mb  # noqa: E402


def _worker_peak() -> float:
    """`memory.peak_rss_mb` on a worker, self-contained (the worker cannot import ``memory``)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))


def child(folder: Path, engine: str, jobs: int, engine_file: Path | None) -> dict[str, Any]:
    """One run in this fresh process: check and render ``folder`` with one engine."""
    import crosscheck
    from crosscheck import pipeline

    warm = crosscheck.Document(id="warm", text="On Wednesday, Nov. 30, Russia said 3 ships sailed.")
    crosscheck.check([warm])  # imports and dateparser's tables are one-time costs, here and on workers
    docs = crosscheck.load_documents(folder)
    out: dict[str, Any] = {}
    started = time.perf_counter()
    if engine == "dask":
        from dask.distributed import Client, LocalCluster

        if engine_file is not None:  # e.g. the engine before a change, for before/after numbers
            spec = importlib.util.spec_from_file_location("other_engines", engine_file)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            dask_engine = module.DaskEngine
        else:
            dask_engine = pipeline.DaskEngine
        with (
            LocalCluster(
                n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            Client(cluster) as client,
        ):
            out["start_s"] = time.perf_counter() - started
            client.run(crosscheck.check, [warm])
            ran = time.perf_counter()

            class Engine:  # check(engine="dask") with this client, so the cluster's start is apart
                def __init__(self, scheduler: str | None) -> None:
                    pass

                def run(self, *args: Any) -> Any:
                    return dask_engine(client=client).run(*args)

            saved = pipeline.DaskEngine
            pipeline.DaskEngine = Engine  # type: ignore[misc,assignment]
            try:
                report = crosscheck.check(docs, engine="dask")
            finally:
                pipeline.DaskEngine = saved  # type: ignore[misc]
            out["check_s"] = time.perf_counter() - ran
            out["worker_peak_mb"] = max(client.run(_worker_peak).values())
    else:
        report = crosscheck.check(docs, jobs=jobs)
        out["start_s"] = 0.0
        out["check_s"] = time.perf_counter() - started
    t = time.perf_counter()
    text = crosscheck.render(report, "json")
    out["render_s"] = time.perf_counter() - t
    out["total_s"] = time.perf_counter() - started
    out["peak_mb"] = peak_rss_mb()
    out["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    out["json_mb"] = len(text.encode()) / 1024 / 1024
    out["documents"], out["claims"] = len(docs), len(report.claims)
    return out


def _run(folder: Path, engine: str, jobs: int, engine_file: Path | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", str(folder), "--engine", engine, "--jobs", str(jobs)]
    if engine_file is not None:
        cmd += ["--engine-file", str(engine_file)]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if done.returncode:
        tail = done.stderr.strip().splitlines()[-1:] or ["(no output)"]
        return {"failed": tail[0][:200]}
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    """Run the engines on each corpus size and print a markdown table."""
    parser = argparse.ArgumentParser(description="crosscheck: the local and the Dask engine")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    parser.add_argument("--docs", default="50,500", help="numbers of documents (default 50,500)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each engine per size (default 3)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes / Dask workers")
    parser.add_argument("--undated-share", type=float, default=0.0, help="see generate.py (default 0)")
    parser.add_argument("--engine-file", type=Path, help="a file whose DaskEngine to run instead")
    parser.add_argument(
        "--no-local-jobs", action="store_true", help="skip the local engine with --jobs J (big corpora)"
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.engine, args.jobs, args.engine_file)))
        return
    setups = [("local", 1), ("local", args.jobs), ("dask", args.jobs)]
    if args.no_local_jobs:
        setups.remove(("local", args.jobs))
    rows: list[tuple[int, str, int, dict[str, Any], int]] = []
    status = 0
    with tempfile.TemporaryDirectory(prefix="crosscheck-engines-") as tmp:
        for n in (int(x) for x in args.docs.split(",")):
            folder = write_corpus(Path(tmp) / f"d{n}", n, undated_share=args.undated_share)
            results: dict[tuple[str, int], list[dict[str, Any]]] = {s: [] for s in setups}
            for _ in range(args.runs):  # alternating, so a busy spell of the machine hits every engine
                for engine, jobs in setups:
                    r = _run(folder, engine, jobs, args.engine_file if engine == "dask" else None)
                    results[(engine, jobs)].append(r)
                    print(f"  {n} docs {engine} --jobs {jobs}: {r.get('total_s', r)}", file=sys.stderr)
            for engine, jobs in setups:
                ok = [r for r in results[(engine, jobs)] if "failed" not in r]
                med = {k: statistics.median(r[k] for r in ok) for k in ok[0] if k != "sha256"} if ok else {}
                med["failed"] = len(results[(engine, jobs)]) - len(ok)
                med["error"] = next((r["failed"] for r in results[(engine, jobs)] if "failed" in r), "")
                med["hashes"] = sorted({r["sha256"] for r in ok})
                rows.append((n, engine, jobs, med, args.runs))
    print(
        f"machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores; {dt.date.today()}"
    )
    print()
    print(
        "| docs | engine | runs ok | start s | check s | render s | total s | vs local --jobs 1 | vs local --jobs J | peak RSS MB (client) | largest worker MB | JSON MB | same bytes as local |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n, engine, jobs, med, runs in rows:
        if not med.get("hashes"):
            print(f"| {n} | {engine} --jobs {jobs} | 0/{runs} | failed: {med['error']} |")
            status = 1
            continue
        base1 = next(m for k, e, j, m, _ in rows if k == n and e == "local" and j == 1)
        basej = next((m for k, e, j, m, _ in rows if k == n and e == "local" and j == args.jobs), {})
        same = med["hashes"] == base1.get("hashes")
        status = status or (0 if same else 1)
        ratio1 = med["total_s"] / base1["total_s"] if "total_s" in base1 else float("nan")
        ratioj = med["total_s"] / basej["total_s"] if "total_s" in basej else float("nan")
        worker = f"{med['worker_peak_mb']:.0f}" if "worker_peak_mb" in med else ""
        print(
            f"| {n} | {engine} --jobs {jobs} | {runs - med['failed']}/{runs} | {med['start_s']:.1f} "
            f"| {med['check_s']:.1f} | {med['render_s']:.1f} | {med['total_s']:.1f} | x{ratio1:.2f} "
            f"| x{ratioj:.2f} | {med['peak_mb']:.0f} | {worker} | {med['json_mb']:.1f} | {'yes' if same else 'NO'} |"
        )
    sys.exit(status)


if __name__ == "__main__":
    main()
