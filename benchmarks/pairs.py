"""Score crosscheck on hand-labelled cross-document pairs of claims (benchmarks/gold/*_pairs.jsonl).

Usage: python benchmarks/pairs.py [--corpus ../shared/dev/ecbplus] [--gold benchmarks/gold]
                                  [--half dev|test|both] [--batch NAME] [--show-misses N] [--json]
                                  [--set NAME=VALUE ...]

Each gold pair is two spans in two documents of one ECB+ sub-topic folder (one event), labelled
`same_value`, `different_value` or `different_fact`. Every folder that has pairs is checked once as one
story (`crosscheck.check(crosscheck.load_documents(folder))`). A folder value joining folders with "+"
(`cross_pairs.jsonl`: "t37-ecb+t37-ecbplus", one side in each sub-topic, two different events) loads
them together as one run (`crosscheck.load_documents(*paths)`); those cross-event rows are scored in
their own "cross" section, which also counts the `different_fact` pairs put in a conflict or agreement. A gold side maps to the claim of its
document, of a matching kind (count: quantity or ordinal; date: date), whose span overlaps it most
(then the shortest); no such claim means the side is not extracted. A pair is predicted
- `conflict`: both claims in one group whose verdict is conflict, and their values cannot both hold;
- `possible_conflict`: likewise for a possible_conflict group;
- `agreement`: both claims in one group otherwise;
- `apart`: the claims are in different groups (or in none);
- `not_extracted`: a side has no claim.
Conflict precision/recall take `different_value` as the gold positive and `conflict` as the predicted
one; agreement precision/recall `same_value` and `agreement`. Each missed pair (a different_value pair
not in a conflict, a same_value pair not in an agreement) is counted by where it was lost
(`where_lost`: not extracted, other blocks, a named hard rule, no edge, an edge kept apart by the
clustering, one group with values read otherwise, or a possible conflict and its doubts). `--show-misses N` prints N missed
conflicts and N missed agreements per half with both sentences (on the terminal only).
`--batch NAME` keeps only the pairs whose `batch` field equals NAME (`count2_pairs.jsonl` rows carry
`"batch": "s21"`); `--batch none` keeps the pairs with no `batch` field, so the older and newer labelled
sets can be reported apart.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import crosscheck
from crosscheck import values as cc_values
from crosscheck.align import block_key, sources_of
from crosscheck.align.edges import _edge as edge_score  # the very gate the clustering applies
from crosscheck.align.rules import HARD_RULES

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "dev" / "ecbplus"
DEFAULT_GOLD = HERE / "gold"

LABELS = ("same_value", "different_value", "different_fact")
PREDICTIONS = ("conflict", "possible_conflict", "agreement", "apart", "not_extracted")
CLAIM_KINDS = {"count": frozenset({"quantity", "ordinal"}), "date": frozenset({"date"})}
HALVES = ("dev", "test")


@dataclass
class Outcome:
    """One gold pair, the claims its sides mapped to, and the prediction."""

    pair: dict[str, Any]
    prediction: str
    claim_a: Any | None
    claim_b: Any | None
    group: Any | None
    lost: str = ""  # where a missed pair was lost (`where_lost`); "" for a pair predicted right


# Where a missed pair is lost, in pipeline order (`where_lost`).
STAGES = (
    "not extracted",
    "other blocks",
    "hard rule",
    "no edge",
    "edge, kept apart",
    "one group, read compatible",
    "one group, read clashing",
    "possible conflict",
)


def load_gold(gold: Path) -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = []
    for path in sorted(gold.glob("*_pairs.jsonl")):
        with open(path, encoding="utf-8") as fh:
            pairs.extend(json.loads(line) for line in fh if line.strip())
    return pairs


def verdict_name(group: Any) -> str:
    verdict = group.verdict
    return str(getattr(verdict, "value", verdict))


def compatibility() -> Callable[[Any, Any], bool]:
    """Claim-level compatibility from `crosscheck.values` when it has one, else value equality."""
    claims_fn = getattr(cc_values, "claims_compatible", None)
    if callable(claims_fn):
        return lambda a, b: bool(claims_fn(a, b))
    values_fn = getattr(cc_values, "compatible", None)
    if callable(values_fn):
        return lambda a, b: bool(values_fn(a.value, b.value))
    return lambda a, b: bool(a.value == b.value)


def best_claim(claims: Iterable[Any], doc: str, start: int, end: int, kinds: frozenset[str]) -> Any | None:
    best: tuple[int, int] | None = None
    chosen = None
    for claim in claims:
        if claim.document != doc or claim.kind not in kinds:
            continue
        overlap = min(end, claim.span.end) - max(start, claim.span.start)
        if overlap <= 0:
            continue
        key = (-overlap, claim.span.end - claim.span.start)
        if best is None or key < best:
            best, chosen = key, claim
    return chosen


def predict_folder(
    report: Any, pairs: list[dict[str, Any]], compatible: Callable[[Any, Any], bool]
) -> list[Outcome]:
    claims_by_id = {c.id: c for c in report.claims}
    groups_of: dict[str, list[Any]] = defaultdict(list)
    for group in report.groups:
        for member in group.claims:
            claim_id = member if isinstance(member, str) else member.id
            groups_of[claim_id].append(group)
    out: list[Outcome] = []
    for pair in pairs:
        kinds = CLAIM_KINDS[pair["kind"]]
        a, b = pair["a"], pair["b"]
        ca = best_claim(report.claims, a["doc"], a["start"], a["end"], kinds)
        cb = best_claim(report.claims, b["doc"], b["start"], b["end"], kinds)
        if ca is None or cb is None:
            out.append(Outcome(pair, "not_extracted", ca, cb, None))
            continue
        of_b = {id(g) for g in groups_of.get(cb.id, [])}
        shared = [g for g in groups_of.get(ca.id, []) if id(g) in of_b]
        prediction, chosen = "apart", None
        if shared:
            ca, cb = claims_by_id.get(ca.id, ca), claims_by_id.get(cb.id, cb)
            clash = not compatible(ca, cb)
            for wanted in ("conflict", "possible_conflict"):
                hit = next((g for g in shared if verdict_name(g) == wanted), None)
                if hit is not None and clash:
                    prediction, chosen = wanted, hit
                    break
            else:
                prediction, chosen = "agreement", shared[0]
        out.append(Outcome(pair, prediction, ca, cb, chosen))
    return out


def where_lost(o: Outcome, sources: Any, config: Any) -> str:
    """The stage at which a missed gold pair (a same_value pair not in an agreement, a different_value
    pair not in a conflict) was lost: "not extracted", "other blocks" (`align.block_key`), "hard rule
    NAME" (`align.rules.HARD_RULES`), "no edge" (scored under its bar, or an unplaced side under
    ``unplaced_bar``: `align.edges._edge`), "edge, kept apart" (an edge, yet in different groups: an
    edge filter or the clustering), "one group, read compatible" / "read clashing" (the values were read
    otherwise than labelled), "possible conflict: DOUBT; ..." (the doubts its explanation names)."""
    label, prediction = o.pair["label"], o.prediction
    if (label, prediction) in (("same_value", "agreement"), ("different_value", "conflict")):
        return ""
    if label == "different_fact":
        return ""
    if prediction == "not_extracted" or o.claim_a is None or o.claim_b is None:
        return "not extracted"
    a, b = o.claim_a, o.claim_b
    if prediction == "possible_conflict":
        if label == "same_value":
            return "one group, read clashing"
        explanation = o.group.explanation if o.group is not None else ""
        doubts = explanation.partition("(sameness uncertain: ")[2].rpartition(")")[0]
        doubts = "; ".join(
            d.strip() if not d.strip().startswith("same-fact score") else "score under the conflict bar"
            for d in doubts.split(";")
        )
        return f"possible conflict: {doubts}" if doubts else "possible conflict"
    if prediction == "agreement":
        return "one group, read compatible"
    if prediction == "conflict":
        return "one group, read clashing"
    if block_key(a, config) != block_key(b, config):
        return "other blocks"
    failed = [
        name
        for name, _reads, rule in HARD_RULES
        if not rule(a, b, sources[a.document], sources[b.document], config)
    ]
    if failed:
        return f"hard rule {failed[0]}"
    if edge_score(a, b, sources, config) is None:
        return "no edge"
    return "edge, kept apart"


def ratio(num: int, den: int) -> float | None:
    return None if den == 0 else num / den


def metrics(outcomes: list[Outcome]) -> dict[str, Any]:
    confusion = {label: dict.fromkeys(PREDICTIONS, 0) for label in LABELS}
    for o in outcomes:
        confusion[o.pair["label"]][o.prediction] += 1
    gold_conf = sum(confusion["different_value"].values())
    gold_agree = sum(confusion["same_value"].values())
    pred_conf = sum(confusion[label]["conflict"] for label in LABELS)
    pred_agree = sum(confusion[label]["agreement"] for label in LABELS)
    tp_conf = confusion["different_value"]["conflict"]
    tp_possible = tp_conf + confusion["different_value"]["possible_conflict"]
    tp_agree = confusion["same_value"]["agreement"]
    return {
        "pairs": len(outcomes),
        "gold": {label: sum(confusion[label].values()) for label in LABELS},
        "conflict_precision": ratio(tp_conf, pred_conf),
        "conflict_recall": ratio(tp_conf, gold_conf),
        "conflict_recall_with_possible": ratio(tp_possible, gold_conf),
        "agreement_precision": ratio(tp_agree, pred_agree),
        "agreement_recall": ratio(tp_agree, gold_agree),
        "not_extracted_sides": sum(
            (o.claim_a is None) + (o.claim_b is None) for o in outcomes if o.prediction == "not_extracted"
        ),
        "confusion": confusion,
        "lost": {
            label: dict(
                Counter(o.lost for o in outcomes if o.pair["label"] == label and o.lost).most_common()
            )
            for label in ("different_value", "same_value")
        },
        "by_tag": breakdown(outcomes, lambda p: p.get("tags", [])),
        "by_measure": breakdown(outcomes, lambda p: [p.get("measure", "?")]),
    }


def breakdown(outcomes: list[Outcome], keys: Callable[[dict[str, Any]], list[str]]) -> dict[str, Any]:
    """Per key: recall of different_value (predicted conflict) and of same_value (predicted agreement)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for o in outcomes:
        for key in keys(o.pair):
            label = o.pair["label"]
            counts[key][label] += 1
            if label == "different_value" and o.prediction == "conflict":
                counts[key]["conflict_found"] += 1
            if label == "same_value" and o.prediction == "agreement":
                counts[key]["agreement_found"] += 1
    return {
        key: {
            "different_value": c["different_value"],
            "conflict_recall": ratio(c["conflict_found"], c["different_value"]),
            "same_value": c["same_value"],
            "agreement_recall": ratio(c["agreement_found"], c["same_value"]),
        }
        for key, c in sorted(counts.items())
    }


def pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:4.0f}%"


def print_metrics(title: str, m: dict[str, Any]) -> None:
    gold = m["gold"]
    print(
        f"\n=== {title}: {m['pairs']} pairs ({gold['same_value']} same, {gold['different_value']} different"
    )
    print(
        f"    value, {gold['different_fact']} different fact); sides not extracted: {m['not_extracted_sides']}"
    )
    print(
        f"conflict  P {pct(m['conflict_precision'])}  R {pct(m['conflict_recall'])}"
        f"  R incl. possible {pct(m['conflict_recall_with_possible'])}"
    )
    print(f"agreement P {pct(m['agreement_precision'])}  R {pct(m['agreement_recall'])}")
    corner = "gold \\ predicted"
    print(f"{corner:18}" + "".join(f"{p:>18}" for p in PREDICTIONS))
    for label in LABELS:
        print(f"{label:18}" + "".join(f"{m['confusion'][label][p]:18}" for p in PREDICTIONS))
    for label, wanted in (("different_value", "conflict"), ("same_value", "agreement")):
        lost = m["lost"][label]
        if lost:
            print(f"{label} pairs not in {'a' if wanted == 'conflict' else 'an'} {wanted}, where lost:")
            for stage, n in lost.items():
                print(f"  {n:4}  {stage}")
    for name in ("by_tag", "by_measure"):
        rows = m[name]
        print(f"{name.replace('_', ' '):18}{'diff n':>8}{'found':>7}{'same n':>8}{'found':>7}")
        for key, r in sorted(rows.items(), key=lambda kv: -(kv[1]["different_value"] + kv[1]["same_value"])):
            if r["different_value"] + r["same_value"] == 0:
                continue
            print(
                f"  {key:16}{r['different_value']:8}{pct(r['conflict_recall']):>7}"
                f"{r['same_value']:8}{pct(r['agreement_recall']):>7}"
            )


def is_cross(pair: dict[str, Any]) -> bool:
    return "+" in pair["folder"]


def folder_paths(corpus: Path, name: str) -> list[Path]:
    return [corpus / part for part in name.split("+")]


def doc_folder(corpus: Path, name: str, doc: str) -> Path:
    """The folder of `name` (possibly "a+b") that holds document `doc`."""
    paths = folder_paths(corpus, name)
    return next((p for p in paths if (p / f"{doc}.txt").is_file()), paths[0])


def cross_wrong(outcomes: list[Outcome]) -> dict[str, int]:
    """Cross-event different_fact pairs that crosscheck wrongly puts in a conflict or an agreement."""
    facts = [o for o in outcomes if o.pair["label"] == "different_fact"]
    return {
        "different_fact": len(facts),
        "conflict": sum(o.prediction == "conflict" for o in facts),
        "possible_conflict": sum(o.prediction == "possible_conflict" for o in facts),
        "agreement": sum(o.prediction == "agreement" for o in facts),
    }


def print_cross(title: str, m: dict[str, Any]) -> None:
    print_metrics(title, m)
    w = m["wrong"]
    print(
        f"cross-event: of {w['different_fact']} different_fact pairs, {w['conflict']} wrongly in a conflict,"
        f" {w['possible_conflict']} in a possible conflict, {w['agreement']} in an agreement"
    )


def sentence(folder: Path, doc: str, start: int, end: int) -> str:
    with open(folder / f"{doc}.txt", encoding="utf-8", newline="") as fh:
        text = fh.read()
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return f"{text[ls:start]}[{text[start:end]}]{text[end:le]}".strip()


def describe_claim(claim: Any | None) -> str:
    if claim is None:
        return "not extracted"
    try:
        shown = cc_values.describe(claim.value)
    except Exception:  # a value kind describe() does not know
        shown = repr(claim.value)
    return f"claim {claim.id} {claim.kind} {shown!s} [{claim.span.start}:{claim.span.end}]"


def show_misses(outcomes: list[Outcome], corpus: Path, n: int, halves: Iterable[str]) -> None:
    for half in halves:
        for label, wanted, title in (
            ("different_value", "conflict", "missed conflicts"),
            ("same_value", "agreement", "missed agreements"),
        ):
            misses = [
                o
                for o in outcomes
                if o.pair["half"] == half and o.pair["label"] == label and o.prediction != wanted
            ]
            print(f"\n--- {half}: {len(misses)} {title}, first {min(n, len(misses))}")
            for o in misses[:n]:
                p = o.pair
                group = f" group {o.group.id} ({verdict_name(o.group)})" if o.group is not None else ""
                print(
                    f"\n[{p['id']}] {p['folder']} {p['measure']} {p.get('tags', [])}: predicted {o.prediction}{group}"
                )
                for side, claim in (("a", o.claim_a), ("b", o.claim_b)):
                    s = p[side]
                    folder = doc_folder(corpus, p["folder"], s["doc"])
                    print(f"  {side} {s['doc']}: {sentence(folder, s['doc'], s['start'], s['end'])}")
                    print(f"      {describe_claim(claim)}")


def config_options(items: Iterable[str]) -> dict[str, Any]:
    """`crosscheck.Config` options from ``NAME=VALUE`` items, each value JSON-decoded ("conflict_bar=80")."""
    options: dict[str, Any] = {}
    for item in items:
        name, _, value = item.partition("=")
        options[name] = json.loads(value)
    return options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--half", choices=("dev", "test", "both"), default="both")
    parser.add_argument(
        "--batch",
        default=None,
        metavar="NAME",
        help='keep only pairs whose "batch" field is NAME ("none": pairs with no batch field)',
    )
    parser.add_argument("--show-misses", type=int, default=0, metavar="N")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Config option for this run (e.g. --set conflict_bar=80): for choosing bars on the dev half",
    )
    args = parser.parse_args(argv)
    config = crosscheck.Config(**config_options(args.set))
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    pairs = load_gold(args.gold)
    halves = HALVES if args.half == "both" else (args.half,)
    pairs = [p for p in pairs if p["half"] in halves]
    if args.batch is not None:
        wanted_batch = None if args.batch == "none" else args.batch
        pairs = [p for p in pairs if p.get("batch") == wanted_batch]
    if not pairs:
        print(f"no gold pairs in {args.gold}", file=sys.stderr)
        return 2
    by_folder: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in pairs:
        by_folder[p["folder"]].append(p)
    compatible = compatibility()
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    for name in sorted(by_folder):
        report = crosscheck.check(crosscheck.load_documents(*folder_paths(args.corpus, name)), config=config)
        found = predict_folder(report, by_folder[name], compatible)
        sources = sources_of({d.id: d for d in report.documents})
        for o in found:
            o.lost = where_lost(o, sources, config)
        outcomes.extend(found)
    elapsed = time.perf_counter() - started
    cross = sorted((o for o in outcomes if is_cross(o.pair)), key=lambda o: o.pair["id"])
    outcomes = sorted((o for o in outcomes if not is_cross(o.pair)), key=lambda o: o.pair["id"])
    cross_pairs = [p for p in pairs if is_cross(p)]
    cross_folders = [f for f in by_folder if "+" in f]
    pairs = [p for p in pairs if not is_cross(p)]
    kinds = sorted({p["kind"] for p in pairs})
    result: dict[str, Any] = {"folders": len(by_folder) - len(cross_folders), "seconds": round(elapsed, 1)}
    for kind in [*kinds, "all"]:
        of_kind = [o for o in outcomes if kind in ("all", o.pair["kind"])]
        if kind == "all" and len(kinds) == 1:
            continue
        result[kind] = {half: metrics([o for o in of_kind if o.pair["half"] == half]) for half in halves}
        if len(halves) > 1:
            result[kind]["both"] = metrics(of_kind)
    if cross:
        result["cross"] = {}
        for half in [*halves, "both"] if len(halves) > 1 else halves:
            of_half = [o for o in cross if half in ("both", o.pair["half"])]
            result["cross"][half] = {**metrics(of_half), "wrong": cross_wrong(of_half)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{len(pairs)} gold pairs in {result['folders']} folders, checked in {elapsed:.1f} s")
        for kind in [*kinds, "all"]:
            if kind not in result:
                continue
            for half, m in result[kind].items():
                print_metrics(f"{kind} / {half}", m)
        if cross:
            print(f"\n{len(cross_pairs)} cross-event gold pairs in {len(cross_folders)} two-event runs")
            for half, m in result["cross"].items():
                print_cross(f"cross / {half}", m)
    if args.show_misses:
        show_misses(outcomes + cross, args.corpus, args.show_misses, halves)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
