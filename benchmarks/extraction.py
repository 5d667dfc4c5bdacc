"""Claim extraction against the hand-made gold of the seeds, and a side-by-side with quantulum3.

    python benchmarks/extraction.py            # P/R per kind, misses, false positives, quantulum3
    python benchmarks/extraction.py --no-quantulum

Per claim kind (quantity, ordinal, date, event, attribution) it prints the gold count, how many
claims were found, precision and recall with span-exact and with overlap matching (one-to-one,
greedy in text order), and the share of overlap-matched claims whose normalized value equals the
gold's; then every miss and false positive. Kinds the extractor does not produce print
"not extracted". The quantulum3 part (installed only for this benchmark: ``pip install quantulum3``)
runs both tools on every seed sentence and prints quantities found, qualifiers kept, ordinals read
right and sentences per second (median of 5 warm runs).
"""

from __future__ import annotations

import argparse
import statistics
import time
import tomllib
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import crosscheck
from crosscheck.claims import extract
from crosscheck.model import Claim, Document, QuantityMention
from crosscheck.quantities import find_quantities
from crosscheck.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "seeds.toml"
KINDS = ("quantity", "ordinal", "date", "event", "attribution")
QUALIFIER_WORDS = {"more_than": "more than", "approx": "approximately", "at_least": "at least"}

Row = dict[str, Any]


def load_gold() -> tuple[list[Row], list[Row]]:
    data = tomllib.loads(GOLD.read_text(encoding="utf-8"))
    return list(data["claim"]), list(data.get("event", []))


def seed_documents() -> dict[str, Document]:
    return {doc.id[:3]: doc for doc in crosscheck.load_documents(str(ROOT / "seeds"))}


# --- matching ---------------------------------------------------------------------------------


def _match(
    gold: Sequence[Row], found: Sequence[Row], same: Callable[[Row, Row], bool]
) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """One-to-one greedy matching in text order: (pairs, unmatched gold, unmatched found)."""
    used: set[int] = set()
    pairs: list[tuple[Row, Row]] = []
    missed: list[Row] = []
    for g in sorted(gold, key=lambda r: (r["seed"], r["start"])):
        hit = next((i for i, f in enumerate(found) if i not in used and same(g, f)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, found[hit]))
    return pairs, missed, [f for i, f in enumerate(found) if i not in used]


def _exact(g: Row, f: Row) -> bool:
    return g["seed"] == f["seed"] and (g["start"], g["end"]) == (f["start"], f["end"])


def _overlap(g: Row, f: Row) -> bool:
    return g["seed"] == f["seed"] and g["start"] < f["end"] and f["start"] < g["end"]


def _value_ok(g: Row, f: Row) -> bool:
    if g["kind"] in ("quantity", "ordinal"):
        return bool(
            Decimal(g["amount"]) == f["amount"] and g["bound"] == f["bound"] and g.get("unit") == f["unit"]
        )
    if g["kind"] == "date":
        want = (g.get("earliest"), g.get("latest"), g["granularity"], g.get("relation", "on"))
        return want == (f["earliest"], f["latest"], f["granularity"], f["relation"])
    if g["kind"] == "event":
        return g["polarity"] == f.get("polarity") and g["hedge"] == (f.get("hedge") or "none")
    return _norm(g["attribution"]) == _norm(f.get("attribution"))


def _norm(text: object) -> str:
    words = str(text or "").lower().replace("’", "'").split()
    return " ".join(w for w in words if w not in ("the", "a", "an", "'s"))


# --- what the extractor produced ----------------------------------------------------------------


def _claim_row(seed: str, claim: Claim) -> Row:
    row: Row = {"seed": seed, "kind": claim.kind, "start": claim.span.start, "end": claim.span.end}
    row["text"] = claim.text
    value: Any = claim.value
    for name in ("amount", "bound", "unit", "earliest", "latest", "granularity", "relation"):
        got = getattr(value, name, None)
        row[name] = got.isoformat() if hasattr(got, "isoformat") else got
    for name in ("polarity", "hedge"):
        row[name] = getattr(claim, name, None) or getattr(value, name, None)
    attribution = getattr(claim, "attribution", None)
    row["attribution"] = _attribution_text(attribution)
    row["has_attribution_field"] = hasattr(claim, "attribution")
    return row


def _attribution_text(attribution: object) -> str | None:
    if attribution is None or isinstance(attribution, str):
        return attribution
    for name in ("source", "name", "who", "text"):
        if isinstance(getattr(attribution, name, None), str):
            return str(getattr(attribution, name))
    return str(attribution)


def run_extraction(docs: dict[str, Document]) -> tuple[list[Row], float]:
    rows: list[Row] = []
    t0 = time.perf_counter()
    for seed, doc in sorted(docs.items()):
        rows.extend(_claim_row(seed, c) for c in extract(doc))
    return rows, time.perf_counter() - t0


# --- report -------------------------------------------------------------------------------------


def _pr(tp: int, found: int, gold: int) -> str:
    p = tp / found if found else 0.0
    r = tp / gold if gold else 0.0
    return f"{p:5.2f} {r:5.2f}"


def report_kinds(gold_claims: list[Row], gold_events: list[Row], found: list[Row]) -> list[str]:
    lines = [
        f"{'kind':<12}{'gold':>5}{'found':>6}   exact P     R   overlap P     R   value acc",
    ]
    details: list[str] = []
    has_attr = any(r["has_attribution_field"] for r in found)
    for kind in KINDS:
        if kind == "attribution":
            gold = [dict(g, kind="attribution") for g in [*gold_claims, *gold_events] if g["attribution"]]
            mine = [dict(f, kind="attribution") for f in found if f["attribution"]]
            produced = has_attr
        elif kind == "event":
            gold = [dict(g, kind="event") for g in gold_events]
            mine = [f for f in found if f["kind"] == "event"]
            produced = bool(mine)
        else:
            gold = [g for g in gold_claims if g["kind"] == kind]
            mine = [f for f in found if f["kind"] == kind]
            produced = bool(mine)
        if not produced:
            lines.append(f"{kind:<12}{len(gold):>5}   not extracted")
            continue
        exact, _, _ = _match(gold, mine, _exact)
        over, missed, extra = _match(gold, mine, _overlap)
        right = sum(_value_ok(g, f) for g, f in over)
        acc = right / len(over) if over else 0.0
        lines.append(
            f"{kind:<12}{len(gold):>5}{len(mine):>6}   {_pr(len(exact), len(mine), len(gold))}"
            f"       {_pr(len(over), len(mine), len(gold))}   {acc:5.2f} ({right}/{len(over)})"
        )
        for g in missed:
            details.append(f"  miss  {kind:<11} {g['seed']} {g['start']:>5} {g['text']!r}")
        for f in extra:
            details.append(f"  extra {kind:<11} {f['seed']} {f['start']:>5} {f['text']!r}")
        exact_keys = {(g["seed"], g["start"]) for g, _ in exact}
        for g, f in over:
            if (g["seed"], g["start"]) not in exact_keys:
                details.append(f"  span  {kind:<11} {g['seed']} gold {g['text']!r} found {f['text']!r}")
            if not _value_ok(g, f):
                details.append(
                    f"  value {kind:<11} {g['seed']} {g['text']!r}: gold {_gold_value(g)} found {_found_value(f)}"
                )
    return [*lines, "", "misses (miss), false positives (extra), span and value disagreements:", *details]


def _gold_value(g: Row) -> str:
    keys = ("amount", "bound", "unit", "earliest", "latest", "granularity", "relation", "attribution")
    return str({k: g[k] for k in keys if k in g})


def _found_value(f: Row) -> str:
    keys = ("amount", "bound", "unit", "earliest", "latest", "granularity", "relation", "attribution")
    return str({k: (str(f[k]) if isinstance(f[k], Decimal) else f[k]) for k in keys if f.get(k) is not None})


# --- quantulum3 side by side --------------------------------------------------------------------


def _sentences(docs: dict[str, Document]) -> list[tuple[str, int, str]]:
    """(seed, sentence start, sentence text) for every seed sentence."""
    out = []
    for seed, doc in sorted(docs.items()):
        out.extend((seed, s.span.start, s.text) for s in split_sentences(doc.id, doc.text))
    return out


def _ours(sentences: list[tuple[str, int, str]]) -> list[list[QuantityMention]]:
    return [list(find_quantities(seed, text)) for seed, _, text in sentences]


def _speed(fn: Callable[[], object], n: int) -> float:
    fn()  # warm: tables, regexes, quantulum3's unit loading
    runs = []
    for _ in range(5):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return n / statistics.median(runs)


def compare_quantulum(docs: dict[str, Document], gold_claims: list[Row]) -> list[str]:
    try:
        import warnings

        warnings.filterwarnings("ignore", module="quantulum3")
        from quantulum3 import parser  # benchmark-only dependency
    except ImportError:
        return ["quantulum3 is not installed: pip install quantulum3 (benchmark only)"]
    sentences = _sentences(docs)

    def theirs() -> list[list[Any]]:
        return [list(parser.parse(text)) for _, _, text in sentences]

    ours_found, their_found = _ours(sentences), theirs()
    # (seed, absolute start, absolute end, surface, value) for each tool
    ours_abs = [
        (seed, q.span.start + base, q.span.end + base, q.text, q.value)
        for (seed, base, _), qs in zip(sentences, ours_found, strict=True)
        for q in qs
    ]
    theirs_abs = [
        (seed, q.span[0] + base, q.span[1] + base, q.surface, q)
        for (seed, base, _), qs in zip(sentences, their_found, strict=True)
        for q in qs
    ]
    qualified = [g for g in gold_claims if g["kind"] == "quantity" and g["bound"] != "exact"]
    ordinals = [g for g in gold_claims if g["kind"] == "ordinal"]

    def hits(found: list[tuple[str, int, int, str, Any]], g: Row) -> list[tuple[str, int, int, str, Any]]:
        return [f for f in found if f[0] == g["seed"] and f[1] < g["end"] and g["start"] < f[2]]

    def kept_ours(g: Row) -> bool:
        return any(f[4].bound == g["bound"] for f in hits(ours_abs, g))

    def kept_theirs(g: Row) -> bool:
        word = QUALIFIER_WORDS.get(g["bound"], g["bound"])
        return any(f[3].lower().startswith(word) for f in hits(theirs_abs, g))

    def ordinal_ours(g: Row) -> bool:
        return any(f[4].ordinal and f[4].amount == Decimal(g["amount"]) for f in hits(ours_abs, g))

    def ordinal_theirs(g: Row) -> bool:
        return any(abs(float(f[4].value) - float(g["amount"])) < 1e-9 for f in hits(theirs_abs, g))

    gold_quantities = [g for g in gold_claims if g["kind"] in ("quantity", "ordinal")]
    n = len(sentences)
    rows = [
        ("quantities found (all seed sentences)", len(ours_abs), len(theirs_abs)),
        (
            f"gold quantities+ordinals touched (of {len(gold_quantities)})",
            sum(bool(hits(ours_abs, g)) for g in gold_quantities),
            sum(bool(hits(theirs_abs, g)) for g in gold_quantities),
        ),
        (
            f"qualifier kept (of {len(qualified)} gold quantities with one)",
            sum(map(kept_ours, qualified)),
            sum(map(kept_theirs, qualified)),
        ),
        (
            f"ordinals read right (of {len(ordinals)})",
            sum(map(ordinal_ours, ordinals)),
            sum(map(ordinal_theirs, ordinals)),
        ),
        ("sentences per second (median of 5)", _speed(lambda: _ours(sentences), n), _speed(theirs, n)),
    ]
    out = [f"{n} seed sentences", f"{'':<52}{'crosscheck':>12}{'quantulum3':>12}"]
    for label, a, b in rows:
        fmt = (lambda x: f"{x:>12,.0f}") if isinstance(a, float) else (lambda x: f"{x:>12}")
        out.append(f"{label:<52}{fmt(a)}{fmt(b)}")
    wrong = [f"  {g['seed']} {g['text']!r} -> {[f[4].value for f in hits(theirs_abs, g)]}" for g in ordinals]
    return [*out, "quantulum3's reading of the gold ordinals:", *wrong]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 comparison")
    args = ap.parse_args(argv)
    gold_claims, gold_events = load_gold()
    docs = seed_documents()
    found, seconds = run_extraction(docs)
    print(
        f"== extraction vs gold ({len(gold_claims)} claims, {len(gold_events)} events, 5 seeds; {seconds:.2f}s)"
    )
    print("\n".join(report_kinds(gold_claims, gold_events, found)))
    if not args.no_quantulum:
        print("\n== quantities: crosscheck vs quantulum3, one run")
        print("\n".join(compare_quantulum(docs, gold_claims)))


if __name__ == "__main__":
    main()
