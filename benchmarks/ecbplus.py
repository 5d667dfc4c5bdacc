"""Run crosscheck on every ECB+ topic with both sub-topics together; print verdict counts per topic.

Usage: python benchmarks/ecbplus.py [--corpus ../shared/dev/ecbplus] [--sample N] [--seed S]

Each topic holds two different events of one type, so claims about different events must not be called
conflicts. The ``mixed`` column counts conflicts whose claims come from both sub-topics (documents
``N_Mecb`` and ``N_Mecbplus``): each is a conflict between two events, or a group holding both. With --sample, prints N random conflicts and N random agreements (fixed seed) to read by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import crosscheck
from crosscheck.render.terminal import quote_window

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "dev" / "ecbplus"


def topics(corpus: Path) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        out.setdefault(folder.name.split("-")[0], []).append(folder)
    return out


def _event(document_id: str) -> str:
    """Which sub-topic (event) an ECB+ document belongs to: "ecbplus" or "ecb"."""
    return "ecbplus" if document_id.endswith("ecbplus") else "ecb"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    totals = {"documents": 0, "claims": 0, "conflict": 0, "mixed": 0, "agreement": 0, "single_source": 0}
    conflicts: list[tuple[str, crosscheck.Report, crosscheck.Group]] = []
    agreements: list[tuple[str, crosscheck.Report, crosscheck.Group]] = []
    start = time.perf_counter()
    print(f"{'topic':6} {'docs':>5} {'claims':>7} {'conflict':>9} {'mixed':>6} {'agree':>6} {'single':>7}")
    for name, folders in topics(args.corpus).items():
        report = crosscheck.check(crosscheck.load_documents(*folders))
        row = {
            "documents": len(report.documents),
            "claims": len(report.claims),
            "conflict": len(report.conflicts),
            "mixed": sum(1 for g in report.conflicts if len({_event(c.document) for c in g.claims}) > 1),
            "agreement": len(report.agreements),
            "single_source": len(report.single_source),
        }
        for key, value in row.items():
            totals[key] += value
        conflicts.extend((name, report, g) for g in report.conflicts)
        agreements.extend((name, report, g) for g in report.agreements)
        print(
            f"{name:6} {row['documents']:5} {row['claims']:7} {row['conflict']:9} {row['mixed']:6} "
            f"{row['agreement']:6} {row['single_source']:7}"
        )
    elapsed = time.perf_counter() - start
    print(
        f"{'total':6} {totals['documents']:5} {totals['claims']:7} {totals['conflict']:9} {totals['mixed']:6} "
        f"{totals['agreement']:6} {totals['single_source']:7}   ({elapsed:.1f} s)"
    )
    if args.sample:
        rng = random.Random(args.seed)
        for title, pool in (("CONFLICTS", conflicts), ("AGREEMENTS", agreements)):
            picked = rng.sample(pool, min(args.sample, len(pool)))
            print(f"\n=== {len(picked)} sampled {title}")
            for i, (name, report, group) in enumerate(picked, 1):
                print(f"\n[{i}] {name} {group.id} {group.conflict_type or ''} · {group.topic}")
                for claim in group.claims:
                    doc = report.document(claim.document)
                    text, s, e = quote_window(doc, claim, window=110)
                    print(f"   {doc.id} ({doc.published}): {text[:s]}[{text[s:e]}]{text[e:]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
