"""Claim extraction against the hand-made gold of the seeds, and a side-by-side with quantulum3.

    python benchmarks/extraction.py            # P/R per kind, misses, false positives, quantulum3
    python benchmarks/extraction.py --no-quantulum
    python benchmarks/extraction.py --gold ecbplus [--half test] [--json]   # the real-news mention gold

Per claim kind (quantity, ordinal, date, event, attribution) it prints the gold count, how many
claims were found, precision and recall with span-exact and with overlap matching (one-to-one,
greedy in text order), and the share of overlap-matched claims whose normalized value equals the
gold's; then every miss and false positive. Kinds the extractor does not produce print
"not extracted". The quantulum3 part (installed only for this benchmark: ``pip install quantulum3``)
runs both tools on every seed sentence and prints quantities found, qualifiers kept, ordinals read
right and sentences per second (median of 5 warm runs).

``--gold ecbplus`` scores crosscheck instead against benchmarks/gold/mentions.jsonl: hand-labelled
quantity, ordinal and date mentions in whole ECB+ articles (../shared/dev/ecbplus/, read with their
manifests as benchmarks/pairs.py reads them). Per kind and per half it prints span P/R (exact and
overlap), value F1, value+bound F1, unit accuracy (quantities), resolved-range accuracy (dates), and
the misses, false positives and value disagreements of the test half (ids, offsets and the mention
itself only). See benchmarks/gold/README.md ("mentions") for the conventions.
"""

from __future__ import annotations

import argparse
import json
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
MENTIONS = ROOT / "benchmarks" / "gold" / "mentions.jsonl"
ECBPLUS = ROOT.parent / "shared" / "dev" / "ecbplus"
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


# --- the real-news mention gold (--gold ecbplus) -------------------------------------------------

MENTION_KINDS = ("quantity", "ordinal", "date")
HALVES = ("dev", "test")


def load_mentions(path: Path = MENTIONS) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def ecbplus_documents(corpus: Path, mentions: Sequence[Row]) -> dict[str, Document]:
    """The annotated documents, loaded with their folder's manifest as benchmarks/pairs.py loads them."""
    wanted = {m["doc"] for m in mentions}
    docs: dict[str, Document] = {}
    for folder in sorted({m["folder"] for m in mentions}):
        for doc in crosscheck.load_documents(str(corpus / folder)):
            if doc.id in wanted:
                docs[doc.id] = doc
    missing = wanted - set(docs)
    if missing:
        raise SystemExit(f"documents not found in {corpus}: {sorted(missing)[:5]}")
    return docs


def _mention_row(doc: str, claim: Claim) -> Row:
    row: Row = {"doc": doc, "kind": claim.kind, "start": claim.span.start, "end": claim.span.end}
    row["text"] = claim.text
    value: Any = claim.value
    if claim.kind in ("quantity", "ordinal"):
        row["amount"] = value.amount
        row["bound"] = value.bound
        row["unit"] = value.unit
        row["low"], row["high"] = value.interval.low, value.interval.high
    elif claim.kind == "date":
        row["resolved"] = (
            [value.earliest.isoformat(), value.latest.isoformat()]
            if value.earliest and value.latest
            else None
        )
        row["granularity"] = value.granularity
    return row


def run_mentions(docs: dict[str, Document]) -> tuple[list[Row], float]:
    rows: list[Row] = []
    t0 = time.perf_counter()
    for doc_id, doc in sorted(docs.items()):
        rows.extend(_mention_row(doc_id, c) for c in extract(doc) if c.kind in MENTION_KINDS)
    return rows, time.perf_counter() - t0


def _overlaps(a: Row, b: Row) -> bool:
    return bool(a["doc"] == b["doc"] and a["start"] < b["end"] and b["start"] < a["end"])


def _same_span(a: Row, b: Row) -> bool:
    return bool(a["doc"] == b["doc"] and (a["start"], a["end"]) == (b["start"], b["end"]))


def _pairs(
    gold: Sequence[Row], found: Sequence[Row], same: Callable[[Row, Row], bool]
) -> list[tuple[Row, Row]]:
    """One-to-one greedy matching in text order; among candidates, the found claim overlapping most."""
    used: set[int] = set()
    pairs: list[tuple[Row, Row]] = []
    for g in sorted(gold, key=lambda r: (r["doc"], r["start"])):
        cands = [i for i, f in enumerate(found) if i not in used and same(g, f)]
        if not cands:
            continue
        best = max(
            cands, key=lambda i: (min(g["end"], found[i]["end"]) - max(g["start"], found[i]["start"]), -i)
        )
        used.add(best)
        pairs.append((g, found[best]))
    return pairs


def _num_eq(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(str(a)) - float(str(b))) <= 1e-9 * max(1.0, abs(float(str(a))))


def _vague(g: Row) -> bool:
    """'dozens', 'thousands of': no value to score (span only)."""
    return g["kind"] in ("quantity", "ordinal") and g.get("value") is None and "low" not in g


def mention_value_ok(g: Row, f: Row, with_bound: bool) -> bool:
    if g["kind"] == "date":
        return bool(g.get("resolved") == f.get("resolved"))
    if "low" in g:  # a range: both ends
        ok = _num_eq(g["low"], f.get("low")) and _num_eq(g["high"], f.get("high"))
        return ok and (not with_bound or f.get("bound") == "range")
    ok = _num_eq(g["value"], f.get("amount"))
    return ok and (not with_bound or g["bound"] == f.get("bound"))


def _f1(tp: int, found: int, gold: int) -> dict[str, float | None]:
    p = tp / found if found else None
    r = tp / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"p": p, "r": r, "f1": f}


def score_mentions(gold_all: Sequence[Row], found_all: Sequence[Row], kind: str) -> tuple[Row, Row]:
    """Metrics of one kind and the rows behind them: (metrics, details)."""
    gold = [g for g in gold_all if g["kind"] == kind and not g.get("optional")]
    ignorable = [g for g in gold_all if g.get("optional")]
    found = [f for f in found_all if f["kind"] == kind]
    over = _pairs(gold, found, _overlaps)
    matched = {id(f) for _, f in over}
    # a claim on an optional gold row is neither right nor wrong
    ignored = [f for f in found if id(f) not in matched and any(_overlaps(f, o) for o in ignorable)]
    counted = [f for f in found if not any(f is x for x in ignored)]
    exact = _pairs(gold, counted, _same_span)
    nones = [g for g in gold_all if g["kind"] == "none"]
    extra = [f for f in counted if id(f) not in matched]
    missed = [g for g in gold if not any(g is m for m, _ in over)]
    vague_found = {id(f) for g, f in over if _vague(g)}
    scored_gold = [g for g in gold if not _vague(g)]
    scored_found = [f for f in counted if id(f) not in vague_found]
    value_pairs = [(g, f) for g, f in over if not _vague(g)]
    value_ok = sum(mention_value_ok(g, f, False) for g, f in value_pairs)
    bound_ok = sum(mention_value_ok(g, f, True) for g, f in value_pairs)
    m: Row = {
        "gold": len(gold),
        "found": len(counted),
        "ignored": len(ignored),
        "exact": _f1(len(exact), len(counted), len(gold)),
        "overlap": _f1(len(over), len(counted), len(gold)),
        "value": _f1(value_ok, len(scored_found), len(scored_gold)),
    }
    if kind != "date":
        m["value_bound"] = _f1(bound_ok, len(scored_found), len(scored_gold))
    if kind == "quantity":
        units = [g.get("unit") == f.get("unit") for g, f in value_pairs]
        m["unit_accuracy"] = sum(units) / len(units) if units else None
        m["unit_right"] = f"{sum(units)}/{len(units)}"
    if kind == "date":
        m["range_accuracy"] = value_ok / len(value_pairs) if value_pairs else None
        m["range_right"] = f"{value_ok}/{len(value_pairs)}"
        m["range_right_of_gold"] = value_ok / len(scored_gold) if scored_gold else None
    other = [g for g in gold_all if g["kind"] not in (kind, "none")]
    why = [(f, next((n for n in [*nones, *other] if _overlaps(f, n)), None)) for f in extra]
    wrong = []
    for g, f in value_pairs:
        problems = [
            name
            for name, bad in (
                ("value", not mention_value_ok(g, f, False)),
                (
                    "bound",
                    kind != "date" and mention_value_ok(g, f, False) and not mention_value_ok(g, f, True),
                ),
                ("unit", kind == "quantity" and g.get("unit") != f.get("unit")),
            )
            if bad
        ]
        if problems:
            wrong.append((g, f, problems))
    details: Row = {"missed": missed, "extra": why, "wrong": wrong}
    return m, details


def _pct(x: float | None) -> str:
    return "  -  " if x is None else f"{x:5.2f}"


def _gold_value_text(g: Row) -> str:
    if g["kind"] == "date":
        return f"{g.get('resolved')}"
    value = f"{g['low']}..{g['high']}" if "low" in g else g.get("value")
    return f"{value} {g['bound']} {g.get('unit') or '-'}"


def _found_value_text(f: Row) -> str:
    if f["kind"] == "date":
        return f"{f.get('resolved')}"
    amount = f.get("amount")
    value = f"{f.get('low')}..{f.get('high')}" if f.get("bound") == "range" else amount
    return f"{value} {f.get('bound')} {f.get('unit') or '-'}"


def ecbplus_main(args: argparse.Namespace) -> int:
    mentions = load_mentions()
    halves = HALVES if args.half == "both" else (args.half,)
    mentions = [m for m in mentions if m["half"] in halves]
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}")
        return 2
    docs = ecbplus_documents(args.corpus, mentions)
    for m in mentions:
        if docs[m["doc"]].text[m["start"] : m["end"]] != m["text"]:
            raise SystemExit(f"{m['id']}: the document as crosscheck reads it differs at {m['start']}")
    found, seconds = run_mentions(docs)
    half_of = {m["doc"]: m["half"] for m in mentions}
    result: Row = {"documents": len(docs), "seconds": round(seconds, 2), "halves": {}}
    all_details: dict[str, dict[str, Row]] = {}
    for half in halves:
        gold_h = [m for m in mentions if m["half"] == half]
        found_h = [f for f in found if half_of[f["doc"]] == half]
        result["halves"][half] = {}
        all_details[half] = {}
        for kind in MENTION_KINDS:
            metrics, details = score_mentions(gold_h, found_h, kind)
            result["halves"][half][kind] = metrics
            all_details[half][kind] = details
        result["halves"][half]["none_rows"] = sum(m["kind"] == "none" for m in gold_h)
        result["halves"][half]["documents"] = len({m["doc"] for m in gold_h})
    if args.json:
        print(json.dumps(result, indent=2, default=str))
        return 0
    n_docs = len(docs)
    print(f"== extraction vs the ECB+ mention gold ({len(mentions)} rows, {n_docs} articles; {seconds:.2f}s)")
    head = (
        f"{'half':<5} {'kind':<9}{'gold':>5}{'found':>6}  exact P     R   overlap P     R"
        "   value F1  +bound F1  unit acc  range acc"
    )
    print(head)
    for half in halves:
        for kind in MENTION_KINDS:
            m = result["halves"][half][kind]
            vb = _pct(m["value_bound"]["f1"]) if "value_bound" in m else "  -  "
            unit = _pct(m.get("unit_accuracy")) if kind == "quantity" else "  -  "
            rng = _pct(m.get("range_accuracy")) if kind == "date" else "  -  "
            print(
                f"{half:<5} {kind:<9}{m['gold']:>5}{m['found']:>6}   {_pct(m['exact']['p'])} {_pct(m['exact']['r'])}"
                f"      {_pct(m['overlap']['p'])} {_pct(m['overlap']['r'])}     {_pct(m['value']['f1'])}"
                f"      {vb}     {unit}      {rng}"
            )
    print(
        "\nexact/overlap: one-to-one span matching; value F1 over the overlap matches (vague plurals such as"
        " 'dozens' count for spans only); +bound: the qualifier too; unit acc and range acc: share of the"
        " overlap matches with the gold unit / resolved [start, end]; claims on optional gold rows are ignored."
    )
    shown = args.show or "test"
    if shown in halves:
        lines: list[str] = []
        for kind in MENTION_KINDS:
            d = all_details[shown][kind]
            for g in d["missed"]:
                lines.append(
                    f"  miss  {kind:<8} {g['id']} {g['doc']} {g['start']}-{g['end']} {g['text']!r} {_gold_value_text(g)}"
                )
            for f, hit in d["extra"]:
                why = ""
                if hit is not None and hit["kind"] == "none":
                    why = f" (gold: none, {hit['reason']})"
                elif hit is not None:
                    why = f" (gold: {hit['kind']} {hit['id']} {hit['text']!r})"
                lines.append(
                    f"  extra {kind:<8} {f['doc']} {f['start']}-{f['end']} {f['text'][:60]!r} {_found_value_text(f)}{why}"
                )
            for g, f, problems in d["wrong"]:
                lines.append(
                    f"  {'/'.join(problems):<10} {kind:<8} {g['id']} {g['doc']} {g['start']}-{g['end']} {g['text']!r}: gold"
                    f" {_gold_value_text(g)}, found {f['text'][:60]!r} {_found_value_text(f)}"
                )
        print(
            f"\n{shown} half: misses, false positives (extra) and value/bound/unit/range disagreements ({len(lines)}):"
        )
        print("\n".join(lines[: args.details]))
        if len(lines) > args.details:
            print(f"  ... {len(lines) - args.details} more (--details N)")
    return 0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-quantulum", action="store_true", help="skip the quantulum3 comparison")
    ap.add_argument(
        "--gold", choices=("seeds", "ecbplus"), default="seeds", help="which gold (default seeds)"
    )
    ap.add_argument("--corpus", type=Path, default=ECBPLUS, help="ECB+ folder (--gold ecbplus)")
    ap.add_argument("--half", choices=("dev", "test", "both"), default="both", help="--gold ecbplus only")
    ap.add_argument("--json", action="store_true", help="--gold ecbplus: print the metrics as JSON")
    ap.add_argument(
        "--show", choices=("dev", "test"), default=None, help="--gold ecbplus: whose details (default test)"
    )
    ap.add_argument(
        "--details", type=int, default=300, metavar="N", help="--gold ecbplus: at most N detail lines"
    )
    args = ap.parse_args(argv)
    if args.gold == "ecbplus":
        raise SystemExit(ecbplus_main(args))
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
