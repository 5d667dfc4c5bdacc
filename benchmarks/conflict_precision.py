"""Precision of the conflicts crosscheck reports on ECB+, against hand-labelled deciding pairs.

Usage: python benchmarks/conflict_precision.py [--corpus ../shared/dev/ecbplus]
                                               [--labels benchmarks/gold/conflicts_labels.tsv]
                                               [--possible] [--possible-labels benchmarks/gold/possible_labels.tsv]
                                               [--show-unlabelled] [--json]
                                               [--config NAME=VALUE ...]

Every ECB+ topic is checked with both of its sub-topic folders together, as one story
(`crosscheck.check(crosscheck.load_documents(tNN-ecb, tNN-ecbplus))`): two different events of one type,
where claims about different events must not be called conflicts. Each reported conflict (verdict
`conflict`) is matched to the rows of `benchmarks/gold/conflicts_labels.tsv`: a group matches a row when its
claims include a claim in the row's doc_a whose span overlaps [start_a, end_a) and a claim in doc_b
overlapping [start_b, end_b). With `--possible` the `possible_conflict` groups are scored too, apart, in the
same way against `benchmarks/gold/possible_labels.tsv` (`--possible-labels`). A row is
`right` (the two spans state one fact and their values cannot both hold) or `wrong` with a category
(different_fact, different_time, cross_event, extraction, compatible, other).

Per half (odd topics dev, even topics test, and both) it prints: the conflicts reported, those matching a
`right` row, those matching a `wrong` row (by category), the unlabelled ones (no row matches: new conflicts
to read and label; `--show-unlabelled` prints their deciding pair, on the terminal only), the precision over
the labelled ones, and the `right` rows that no reported conflict matches any more (lost).

The conflict labels cover what crosscheck reported at one commit (d9faef2: 85 conflicts, one row per
conflict, its deciding pair, the strongest clash between two documents; 6 rows added at a4cdb78). The
possible-conflict labels are a SAMPLE: of the possible conflicts reported at a4cdb78, random.Random(28)
drew 40 per half; most possible conflicts reported are therefore unlabelled, and the precision over the
labelled ones is an estimate (printed with a 95% Wilson interval). For those, the doubts crosscheck names
("(sameness uncertain: ...)" in the explanation, as reported now) are counted right / wrong, to see which
doubts separate real conflicts from different facts. Both are precision sets: they cannot measure recall
(a conflict crosscheck never reported was never labelled); the cross-document pairs of
benchmarks/gold/*_pairs.jsonl are for recall (`benchmarks/pairs.py`).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import crosscheck
from crosscheck.conflicts import strongest_clash
from crosscheck.values import claims_compatible

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pairs import config_options  # noqa: E402  (the --set/--config reading of benchmarks/pairs.py)

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "dev" / "ecbplus"
DEFAULT_LABELS = HERE / "gold" / "conflicts_labels.tsv"
DEFAULT_POSSIBLE_LABELS = HERE / "gold" / "possible_labels.tsv"

LABELS = ("right", "wrong")
CATEGORIES = ("different_fact", "different_time", "cross_event", "extraction", "compatible", "other")
HALVES = ("dev", "test")
LABELLED_AT = "d9faef2"
POSSIBLE_SAMPLED_AT = "a4cdb78"
POSSIBLE_SAMPLE_PER_HALF = 40
DOUBTS = re.compile(r"\(sameness uncertain: (?P<doubts>[^()]*)\)\.?\s*$")


@dataclass(frozen=True)
class Row:
    """One labelled deciding pair of conflicts_labels.tsv."""

    topic: str
    doc_a: str
    start_a: int
    end_a: int
    value_a: str
    doc_b: str
    start_b: int
    end_b: int
    value_b: str
    label: str
    category: str
    note: str
    doubts: str = ""

    @property
    def half(self) -> str:
        return half_of(self.topic)


@dataclass
class Scored:
    """One reported group (a conflict, or a possible conflict), its deciding pair and the row it matches."""

    topic: str
    verdict: str
    group: Any
    pair: tuple[Any, Any] | None
    row: Row | None = None
    matches: list[Row] = field(default_factory=list)
    conflict_matches: list[Row] = field(default_factory=list)


def half_of(topic: str) -> str:
    """Odd topics are the dev half, even topics the test half (as in the other gold sets)."""
    return "dev" if int(topic.lstrip("t")) % 2 else "test"


def load_rows(path: Path) -> list[Row]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Row(
                topic=r["topic"],
                doc_a=r["doc_a"],
                start_a=int(r["start_a"]),
                end_a=int(r["end_a"]),
                value_a=r["value_a"],
                doc_b=r["doc_b"],
                start_b=int(r["start_b"]),
                end_b=int(r["end_b"]),
                value_b=r["value_b"],
                label=r["label"],
                category=r["category"],
                note=r["note"],
                doubts=r.get("doubts") or "",
            )
            for r in reader
        ]


def verdict_name(group: Any) -> str:
    verdict = group.verdict
    return str(getattr(verdict, "value", verdict))


def overlaps(claim: Any, doc: str, start: int, end: int) -> bool:
    return bool(claim.document == doc and min(end, claim.span.end) > max(start, claim.span.start))


def matches(claims: Iterable[Any], row: Row) -> bool:
    """The group's claims include one on each side of the row."""
    claims = list(claims)
    return any(overlaps(c, row.doc_a, row.start_a, row.end_a) for c in claims) and any(
        overlaps(c, row.doc_b, row.start_b, row.end_b) for c in claims
    )


def deciding_pair(group: Any, claims_by_id: dict[str, Any]) -> tuple[Any, Any] | None:
    """The strongest clash between two documents (as the report's explanation names it), else the first
    pair of claims from two documents whose values cannot both hold."""
    members = [claims_by_id.get(m if isinstance(m, str) else m.id, m) for m in group.claims]
    best = strongest_clash(group.scores, claims_by_id)
    if best is not None:
        a, b = best[0], best[1]
    else:
        pairs = [
            (x, y)
            for x in members
            for y in members
            if x.document < y.document and not claims_compatible(x, y)
        ]
        if not pairs:
            return None
        a, b = pairs[0]
    return (a, b) if a.document <= b.document else (b, a)


def doubts_of(explanation: str) -> list[str]:
    """The doubts a possible conflict's explanation lists ("(sameness uncertain: a; b)" -> ["a", "b"])."""
    found = DOUBTS.search(explanation)
    if found is None:
        return []
    return [d.strip() for d in found.group("doubts").split(";") if d.strip()]


def doubt_name(doubt: str) -> str:
    """A doubt without its number: "same-fact score 60/100" -> "same-fact score"."""
    return re.sub(r"\s*\d+/100$", "", doubt)


def score_topic(
    topic: str,
    report: Any,
    rows: list[Row],
    verdicts: tuple[str, ...],
    possible_rows: list[Row] | None = None,
) -> list[Scored]:
    """Score the topic's groups: conflicts against `rows`, possible conflicts against `possible_rows`
    (when given; else against `rows`, as before). A possible conflict also keeps the conflict rows it
    matches (`conflict_matches`), to tell which lost conflicts are now reported as possible ones."""
    claims_by_id = {c.id: c for c in report.claims}
    out: list[Scored] = []
    for group in report.groups:
        verdict = verdict_name(group)
        if verdict not in verdicts:
            continue
        members = [claims_by_id.get(m if isinstance(m, str) else m.id, m) for m in group.claims]
        pair = deciding_pair(group, claims_by_id)
        own = possible_rows if verdict == "possible_conflict" and possible_rows is not None else rows
        found = [r for r in own if matches(members, r)]
        scored = Scored(topic, verdict, group, pair, matches=found)
        scored.conflict_matches = [r for r in rows if matches(members, r)] if own is not rows else found
        if found:
            # a group matching several rows is scored by the row of its own deciding pair, when one is
            exact = [r for r in found if pair is not None and matches(pair, r)]
            scored.row = (exact or found)[0]
        out.append(scored)
    return out


def wilson(right: int, labelled: int, z: float = 1.96) -> tuple[float, float] | None:
    """The 95% Wilson score interval of a proportion (for a precision estimated on a sample)."""
    if labelled == 0:
        return None
    p = right / labelled
    centre = (p + z * z / (2 * labelled)) / (1 + z * z / labelled)
    half = z * math.sqrt(p * (1 - p) / labelled + z * z / (4 * labelled * labelled)) / (1 + z * z / labelled)
    return (round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3))


def doubt_counts(scored: list[Scored]) -> dict[str, dict[str, int]]:
    """Per doubt name, how many labelled possible conflicts naming it are right and wrong (the doubts of
    the explanation reported now; the row's own copy when the explanation lists none)."""
    counts: dict[str, Counter[str]] = {}
    for s in scored:
        if s.verdict != "possible_conflict" or s.row is None:
            continue
        doubts = doubts_of(s.group.explanation) or [d.strip() for d in s.row.doubts.split(";") if d.strip()]
        outcome = "right" if s.row.label == "right" else "wrong"
        for name in dict.fromkeys(doubt_name(d) for d in doubts):
            counts.setdefault(name, Counter())[outcome] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-(kv[1]["right"] + kv[1]["wrong"]), kv[0]))
    return {name: {"right": c["right"], "wrong": c["wrong"]} for name, c in ordered}


def tally(scored: list[Scored], rows: list[Row], verdict: str) -> dict[str, Any]:
    mine = [s for s in scored if s.verdict == verdict]
    right = sum(s.row is not None and s.row.label == "right" for s in mine)
    wrong: Counter[str] = Counter(
        s.row.category or "other" for s in mine if s.row is not None and s.row.label == "wrong"
    )
    labelled = right + sum(wrong.values())
    matched = {id(r) for s in mine for r in s.matches}
    return {
        "reported": len(mine),
        "right": right,
        "wrong": sum(wrong.values()),
        "wrong_by_category": {c: wrong[c] for c in CATEGORIES if wrong[c]},
        "unlabelled": sum(s.row is None for s in mine),
        "precision_labelled": None if labelled == 0 else round(right / labelled, 3),
        "right_rows_matched": sum(r.label == "right" and id(r) in matched for r in rows),
    }


def metrics(
    scored: list[Scored],
    rows: list[Row],
    verdicts: tuple[str, ...],
    possible_rows: list[Row] | None = None,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "rows": len(rows),
        "rows_right": sum(r.label == "right" for r in rows),
        "rows_wrong": sum(r.label == "wrong" for r in rows),
    }
    for verdict in verdicts:
        own = possible_rows if verdict == "possible_conflict" and possible_rows is not None else rows
        result[verdict] = tally(scored, own, verdict)
    if "possible_conflict" in verdicts and possible_rows is not None:
        t = result["possible_conflict"]
        t["sample"] = (
            f"sample of {POSSIBLE_SAMPLE_PER_HALF} per half at {POSSIBLE_SAMPLED_AT} "
            f"({len(possible_rows)} rows here: {sum(r.label == 'right' for r in possible_rows)} right, "
            f"{sum(r.label == 'wrong' for r in possible_rows)} wrong)"
        )
        t["precision_interval_95"] = wilson(t["right"], t["right"] + t["wrong"])
        t["doubts"] = doubt_counts([s for s in scored if s.verdict == "possible_conflict"])
    conflict_rows = {id(r) for s in scored if s.verdict == "conflict" for r in s.matches}
    lost = [r for r in rows if r.label == "right" and id(r) not in conflict_rows]
    result["lost"] = len(lost)
    result["lost_rows"] = [f"{r.topic} {r.doc_a}:{r.start_a} {r.doc_b}:{r.start_b}" for r in lost]
    if "possible_conflict" in verdicts:
        now_possible = {id(r) for s in scored if s.verdict == "possible_conflict" for r in s.conflict_matches}
        result["lost_now_possible"] = sum(id(r) in now_possible for r in lost)
    return result


def pct(value: float | None) -> str:
    return "   -" if value is None else f"{100 * value:3.0f}%"


def print_metrics(title: str, m: dict[str, Any], verdicts: tuple[str, ...]) -> None:
    print(f"\n=== {title}: {m['rows']} labelled rows ({m['rows_right']} right, {m['rows_wrong']} wrong)")
    for verdict in verdicts:
        t = m[verdict]
        name = verdict.replace("_", " ") + "s"
        print(
            f"{name:22} reported {t['reported']:3}   matched right {t['right']:3}   matched wrong {t['wrong']:3}"
            f"   unlabelled {t['unlabelled']:3}   precision over labelled {pct(t['precision_labelled'])}"
        )
        for category, n in t["wrong_by_category"].items():
            print(f"{'':24}wrong, {category:15} {n:3}")
        if "sample" in t:
            interval = t["precision_interval_95"]
            span = "" if interval is None else f" (95% interval {pct(interval[0])} to {pct(interval[1])})"
            print(f"{'':24}labelled: a {t['sample']}; precision{span}")
    extra = ""
    if "lost_now_possible" in m:
        extra = f" ({m['lost_now_possible']} of them now possible conflicts)"
    print(f"right rows no longer reported as conflicts (lost): {m['lost']}{extra}")
    for name in m["lost_rows"]:
        print(f"  lost: {name}")
    doubts = m.get("possible_conflict", {}).get("doubts")
    if doubts:
        print("doubts of the labelled possible conflicts (right / wrong):")
        for name, c in doubts.items():
            print(f"  {c['right']:3} / {c['wrong']:3}  {name}")


def line_of(doc: Any, start: int, end: int) -> str:
    text: str = doc.text
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return f"{text[ls:start]}[{text[start:end]}]{text[end:le]}".strip()


def show_unlabelled(scored: list[Scored], documents: dict[tuple[str, str], Any]) -> None:
    unlabelled = [s for s in scored if s.row is None]
    print(f"\n--- {len(unlabelled)} unlabelled groups (their deciding pair)")
    for s in unlabelled:
        print(f"\n[{s.topic} {s.group.id} {s.verdict}] {s.group.explanation}")
        if s.pair is None:
            print("  no two claims from two documents clash")
            continue
        for side, claim in zip("ab", s.pair, strict=True):
            doc = documents[(s.topic, claim.document)]
            print(f"  {side} {claim.document} [{claim.span.start}:{claim.span.end}] {claim.text!r}")
            print(f"      {line_of(doc, claim.span.start, claim.span.end)}")


def topics_of(corpus: Path) -> list[str]:
    """The topics with both sub-topic folders (tNN-ecb and tNN-ecbplus)."""
    names = {p.name for p in corpus.iterdir() if p.is_dir()}
    return sorted(
        {
            n.split("-")[0]
            for n in names
            if f"{n.split('-')[0]}-ecb" in names and f"{n.split('-')[0]}-ecbplus" in names
        },
        key=lambda t: int(t.lstrip("t")),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--possible", action="store_true", help="score the possible conflicts too")
    parser.add_argument(
        "--possible-labels",
        type=Path,
        default=DEFAULT_POSSIBLE_LABELS,
        help="the labelled sample of possible conflicts (scored with --possible)",
    )
    parser.add_argument("--show-unlabelled", action="store_true", help="print the unlabelled groups' pairs")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a Config option for this run, the value JSON-decoded (e.g. --config conflict_bar=80)",
    )
    args = parser.parse_args(argv)
    options = config_options(args.config)
    config = crosscheck.Config(**options)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    if not args.labels.is_file():
        print(f"no labels at {args.labels}", file=sys.stderr)
        return 2
    rows = load_rows(args.labels)
    possible_rows: list[Row] | None = None
    if args.possible:
        if not args.possible_labels.is_file():
            print(f"no possible-conflict labels at {args.possible_labels}", file=sys.stderr)
            return 2
        possible_rows = load_rows(args.possible_labels)
    verdicts = ("conflict", "possible_conflict") if args.possible else ("conflict",)
    scored: list[Scored] = []
    documents: dict[tuple[str, str], Any] = {}
    started = time.perf_counter()
    for topic in topics_of(args.corpus):
        folders = [args.corpus / f"{topic}-ecb", args.corpus / f"{topic}-ecbplus"]
        report = crosscheck.check(crosscheck.load_documents(*folders), config=config)
        documents.update({(topic, d.id): d for d in report.documents})
        in_topic = [r for r in rows if r.topic == topic]
        possible_in_topic = None if possible_rows is None else [r for r in possible_rows if r.topic == topic]
        scored.extend(score_topic(topic, report, in_topic, verdicts, possible_in_topic))
    elapsed = time.perf_counter() - started
    result: dict[str, Any] = {"labelled_at": LABELLED_AT, "seconds": round(elapsed, 1), "config": options}
    if possible_rows is not None:
        result["possible_sampled_at"] = POSSIBLE_SAMPLED_AT
        result["possible_sample_per_half"] = POSSIBLE_SAMPLE_PER_HALF
    for half in (*HALVES, "both"):
        in_half = [s for s in scored if half in ("both", half_of(s.topic))]
        possible_half = (
            None if possible_rows is None else [r for r in possible_rows if half in ("both", r.half)]
        )
        result[half] = metrics(
            in_half, [r for r in rows if half in ("both", r.half)], verdicts, possible_half
        )
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{len(rows)} labelled conflicts (labelled at {LABELLED_AT}); "
            f"{len(topics_of(args.corpus))} topics checked, both events together, in {elapsed:.1f} s"
        )
        if possible_rows is not None:
            print(
                f"{len(possible_rows)} labelled possible conflicts: a random sample of "
                f"{POSSIBLE_SAMPLE_PER_HALF} per half of those reported at {POSSIBLE_SAMPLED_AT}"
            )
        for half in (*HALVES, "both"):
            print_metrics(half, result[half], verdicts)
    if args.show_unlabelled:
        show_unlabelled(scored, documents)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
