"""Fit the same-fact model's weights and bars on the DEV half of the labelled pairs (never the test half).

Usage: python benchmarks/fit_weights.py [--corpus ../shared/dev/ecbplus] [--gold benchmarks/gold]

For every labelled pair of the dev half whose two sides are extracted as claims of one block (pairs
of different blocks are never scored), the pair rules'
features (`crosscheck.align.rules.features`) are computed; a logistic regression (L2, Newton steps,
pure Python: no fitting library at run time) is fitted separately for counts and for dates, the
target being "the same fact" (labels ``same_value`` and ``different_value``) against
``different_fact``. It prints the weights as the Python tuple `Config` holds, and for each bar the
dev pairs' precision and recall at that bar, so the bars in `Config` can be chosen from the dev half.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

import crosscheck
from crosscheck.align import block_key, sources_of
from crosscheck.align.rules import PAIR_RULES, features, model_of, same_fact_score
from crosscheck.model import Claim, Document
from crosscheck.values import claims_compatible

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "dev" / "ecbplus"
KINDS = {"count": ("quantity", "ordinal"), "date": ("date",)}
NAMES = [rule.name for rule in PAIR_RULES]
# Left out of a model, with the reason. Every feature is +1 for evidence of one fact, so a fitted
# weight below 0 is noise of a small sample (and would list "the same words" as a reason against):
# such features are dropped and the model refitted ("thing" for counts is, on the dev half: its
# fitted weight is below 0 since headcounts share a block with the slots of their family).
EXCLUDED = {"count": ("published",)}


def load_pairs(gold: Path, half: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for path in sorted(gold.glob("*_pairs.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if half == "both" or row["half"] == half:
                    rows.append(row)
    return rows


def side_claim(claims: list[Claim], side: dict[str, int | str], kinds: tuple[str, ...]) -> Claim | None:
    """The claim of that document and kind overlapping the gold span most (then the shortest)."""
    start, end = int(side["start"]), int(side["end"])
    best: tuple[int, int, Claim] | None = None
    for claim in claims:
        if claim.document != side["doc"] or claim.kind not in kinds:
            continue
        overlap = min(end, claim.span.end) - max(start, claim.span.start)
        if overlap <= 0:
            continue
        key = (-overlap, len(claim.text))
        if best is None or key < best[:2]:
            best = (*key, claim)
    return None if best is None else best[2]


def examples(
    rows: list[dict[str, object]], corpus: Path
) -> dict[str, list[tuple[dict[str, float], int, bool, dict[str, object]]]]:
    """(features, same fact?, compatible?, row) per kind, for pairs whose two sides are claims."""
    by_folder: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        by_folder[str(row["folder"])].append(row)
    config = crosscheck.Config()
    out: dict[str, list[tuple[dict[str, float], int, bool, dict[str, object]]]] = defaultdict(list)
    for folder, folder_rows in sorted(by_folder.items()):
        # "tNN-ecb+tNN-ecbplus": both events of a topic checked together (cross_pairs.jsonl)
        docs: list[Document] = crosscheck.load_documents(*(corpus / name for name in folder.split("+")))
        report = crosscheck.check(docs)
        by_id = sources_of({d.id: d for d in report.documents})
        claims = list(report.claims)
        for row in folder_rows:
            kinds = KINDS[str(row["kind"])]
            a = side_claim(claims, row["a"], kinds)  # type: ignore[arg-type]
            b = side_claim(claims, row["b"], kinds)  # type: ignore[arg-type]
            if (
                a is None
                or b is None
                or a.document == b.document
                or block_key(a, config) != block_key(b, config)
            ):
                continue  # only pairs of one block are ever scored: the others teach the model nothing
            if same_fact_score(a, b, by_id, config) is None:
                continue  # a hard rule keeps them apart: never scored either
            same = 0 if row["label"] == "different_fact" else 1
            out[model_of(a) or "count"].append(
                (features(a, b, by_id, config), same, claims_compatible(a, b), row)
            )
    return out


def fit(xs: list[list[float]], ys: list[int], l2: float = 1.0, steps: int = 50) -> list[float]:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias)."""
    n = len(xs[0])
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for x, y in zip(xs, ys, strict=True):
            z = sum(wi * xi for wi, xi in zip(w, x, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(n):
                grad[i] += (p - y) * x[i]
                for j in range(n):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(1, n):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        for i in range(n):
            hess[i][i] += 1e-9
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    data = examples(load_pairs(args.gold, "dev"), args.corpus)
    fitted: list[tuple[str, float]] = []
    for kind in ("count", "date.", "age."):
        rows = data.get(kind, [])
        if not rows:
            continue
        used = [
            name
            for name in NAMES
            if any(f[name] for f, _y, _c, _r in rows) and name not in EXCLUDED.get(kind, ())
        ]
        xs = [[1.0, *(f[name] for name in used)] for f, _y, _c, _r in rows]
        ys = [y for _f, y, _c, _r in rows]
        w = fit(xs, ys, l2=args.l2)
        while any(wi < 0 for wi in w[1:]):
            worst = min(range(1, len(w)), key=lambda i: w[i])
            print(f"# {kind}: dropped {used[worst - 1]} (fitted weight {w[worst]:.2f} < 0)")
            del used[worst - 1]
            xs = [x[:worst] + x[worst + 1 :] for x in xs]
            w = fit(xs, ys, l2=args.l2)
        prefix = "" if kind == "count" else kind
        fitted.append((prefix + "bias", round(w[0], 2)))
        fitted.extend((prefix + name, round(wi, 2)) for name, wi in zip(used, w[1:], strict=True))
        if prefix:  # a rule this model leaves out weighs 0 here, not the counts' weight
            fitted.extend((prefix + name, 0.0) for name in NAMES if name not in used)
        print(f"# {kind}: {len(rows)} dev pairs with both sides extracted ({sum(ys)} same fact)")
        scores = [1 / (1 + math.exp(-sum(wi * xi for wi, xi in zip(w, x, strict=True)))) for x in xs]
        for bar in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            for compat, label in ((True, "same_value"), (False, "different_value")):
                hits = [r for s, (_f, _y, c, r) in zip(scores, rows, strict=True) if s >= bar and c == compat]
                good = sum(1 for r in hits if r["label"] == label)
                total = sum(1 for _f, _y, _c, r in rows if r["label"] == label)
                print(
                    f"#   bar {bar:.1f} {'compatible' if compat else 'incompatible':12}: {len(hits):3} pairs, "
                    f"precision {good / len(hits) if hits else 0:.2f}, recall of {label} {good / total if total else 0:.2f}"
                )
    print("DEFAULT_WEIGHTS = (")
    for name, weight in fitted:
        print(f'    ("{name}", {weight}),')
    print(")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
