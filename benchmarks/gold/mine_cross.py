"""Mine CROSS-EVENT look-alike pairs from ECB+ (one mention per sub-topic of a topic), build and verify them.

Each ECB+ topic has two sub-topics, ``tNN-ecb`` and ``tNN-ecbplus``, about two different events of one type
(two quakes, two arrests). A user who checks both together must never be told that the two events' counts or
dates are one fact. This script proposes pairs that LOOK alike -- same kind, same measure word nearby, mostly
different values (what a tool would wrongly call a conflict), some equal values (a wrong agreement) -- with
one side in a ``-ecb`` document and the other in a ``-ecbplus`` document of the same topic.

Usage::

    python benchmarks/gold/mine_cross.py mine [--out /tmp/cross_cands.jsonl] [--per-topic 40]
    python benchmarks/gold/mine_cross.py show [--cands ...] [--topic t37]      # read candidates (terminal)
    python benchmarks/gold/mine_cross.py build LABELS.tsv [--cands ...]        # labels -> cross_pairs.jsonl
    python benchmarks/gold/mine_cross.py verify                                # check cross_pairs.jsonl

Stdlib only and independent of crosscheck: count mentions come from ``mine_counts.mentions`` and date
mentions from ``mine_dates.folder_mentions`` (their own regexes). Candidates (with context) are written
outside the project; ``cross_pairs.jsonl`` holds only ids, offsets, the short values, labels and notes.
The labels file has one tab-separated row per kept candidate::

    cid  label  measure  tags(comma, may be empty)  note
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import mine_counts  # noqa: E402
import mine_dates  # noqa: E402

CORPUS = HERE.parents[2] / "shared" / "dev" / "ecbplus"
OUT = HERE / "cross_pairs.jsonl"
CANDS = Path("/tmp/cross_cands.jsonl")
LABEL_SET = {"same_value", "different_value", "different_fact"}
TAG_SET = {
    "cross_event",
    "equal_value",
    "background",
    "age",
    "weekday",
    "relative",
    "undated",
    "headline",
    "furniture",
    "rounding",
    "partial",
}

# Words that name what a date dates (the "measure word" of a date), matched as stems in its sentence.
DATE_WORDS = (
    "kill",
    "dead",
    "die",
    "death",
    "quake",
    "struck",
    "strike",
    "hit",
    "arrest",
    "charg",
    "sentenc",
    "convict",
    "guilty",
    "trial",
    "fire",
    "blaze",
    "announc",
    "launch",
    "releas",
    "unveil",
    "sign",
    "hire",
    "named",
    "host",
    "nominat",
    "acquir",
    "buy",
    "bought",
    "deal",
    "elect",
    "vote",
    "shot",
    "shoot",
    "crash",
    "rob",
    "stole",
    "steal",
    "record",
    "score",
    "won",
    "win",
    "beat",
    "patch",
    "captur",
    "escap",
    "bomb",
    "attack",
    "murder",
    "stab",
    "fell",
    "fall",
    "check",
    "rehab",
    "injur",
    "riot",
    "protest",
    "born",
)
NOUN_SKIP = {
    "of",
    "the",
    "a",
    "an",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "more",
    "other",
    "times",
    "percent",
    "is",
    "was",
    "were",
    "are",
    "have",
    "had",
    "has",
    "who",
    "that",
    "s",
}


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def topics() -> list[int]:
    nums = sorted({int(p.name[1:3]) for p in CORPUS.iterdir() if p.is_dir() and re.match(r"t\d\d-", p.name)})
    return [
        n for n in nums if (CORPUS / f"t{n:02d}-ecb").is_dir() and (CORPUS / f"t{n:02d}-ecbplus").is_dir()
    ]


def counted_noun(text: str, end: int) -> str:
    """First content word after a number ("three [people]", "6.1 [magnitude]"), lowercased."""
    words = re.findall(r"[A-Za-z]+", text[end : end + 40].split("\n")[0])
    for w in words[:3]:
        lw = w.lower()
        if lw not in NOUN_SKIP and len(lw) > 2:
            return lw[:-1] if lw.endswith("s") and len(lw) > 4 else lw
    return ""


def count_mentions(folder: Path) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for m in mine_counts.mentions(folder):
        if m.furniture or m.value is None:
            continue
        text = texts.setdefault(m.doc, read(folder / f"{m.doc}.txt"))
        out.append(
            {
                "doc": m.doc,
                "start": m.start,
                "end": m.end,
                "text": m.expr,
                "value": m.value,
                "measure": m.measure,
                "noun": counted_noun(text, m.end),
                "line": m.line,
            }
        )
    return out


def date_shape(expr: str) -> str:
    e = expr.lower()
    if re.search(r"\b(?:yesterday|today|tonight|last|this|earlier)\b", e) and not re.search(r"day\b", e[-9:]):
        return "relative"
    if re.search(r"\d{1,2}(?:st|nd|rd|th)?\b", re.sub(r"(?:19|20)\d\d", "", e)) and re.search(r"[a-z]{3}", e):
        return "monthday"
    if re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", e):
        return "weekday"
    if re.search(r"[a-z]{3,}\s+(?:of\s+)?(?:19|20)\d\d", e) and not e.startswith("in "):
        return "month"
    return "year"


def date_mentions(folder: Path) -> tuple[dict[str, mine_dates.Doc], list[dict[str, Any]]]:
    docs, chains = mine_dates.load_folder(folder)
    _, regex = mine_dates.folder_mentions(docs, chains)
    out: list[dict[str, Any]] = []
    for m in regex:
        doc = docs[m.doc]
        sent = doc.lines[m.line].lower()
        words = sorted({w for w in DATE_WORDS if re.search(rf"\b{w}", sent)})
        out.append(
            {
                "doc": m.doc,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "shape": date_shape(m.text),
                "words": words,
                "line": m.line,
                "furniture": bool(mine_dates.FURNITURE_RE.search(doc.lines[m.line])),
            }
        )
    return docs, out


def ctx(folder: Path, doc: str, start: int, end: int, width: int = 75) -> str:
    return mine_counts.context(folder, doc, start, end, width)


def mine_topic(num: int, per_topic: int) -> list[dict[str, Any]]:
    fa, fb = CORPUS / f"t{num:02d}-ecb", CORPUS / f"t{num:02d}-ecbplus"
    cands: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    # counts: same measure guess (not "other") or same counted noun
    ca, cb = count_mentions(fa), count_mentions(fb)
    for a, b in itertools.product(ca, cb):
        same_guess = a["measure"] == b["measure"] and a["measure"] != "other"
        same_noun = bool(a["noun"]) and a["noun"] == b["noun"]
        if not (same_guess or same_noun):
            continue
        measure = a["measure"] if same_guess else a["noun"]
        equal = a["value"] == b["value"]
        score = (0 if same_guess and same_noun else 1, equal)
        cands.append((("count", measure, *score), {"kind": "count", "measure": measure, "a": a, "b": b}))
    # dates: same shape, a shared measure word in both sentences
    docs_a, da = date_mentions(fa)
    docs_b, db = date_mentions(fb)
    for a, b in itertools.product(da, db):
        shared = sorted(set(a["words"]) & set(b["words"]))
        if a["shape"] != b["shape"] or not shared or a["furniture"] or b["furniture"]:
            continue
        equal = a["text"].lower() == b["text"].lower()
        cand = {"kind": "date", "measure": shared[0], "shape": a["shape"], "a": a, "b": b}
        for side, docs, folder in (("a", docs_a, fa), ("b", docs_b, fb)):
            m = cand[side]
            pub = docs[m["doc"]].published
            cand[f"pub_{side}"] = pub.isoformat() if pub else None
            cand[f"resolved_{side}"] = mine_dates.resolve(m["text"], pub)
            del folder
        cands.append((("date", shared[0], 0 if len(shared) > 1 else 1, equal), cand))
    # selection: round-robin over (kind, measure), unequal values first, each mention used at most twice
    buckets: dict[tuple[str, str], list[tuple[tuple[Any, ...], dict[str, Any]]]] = defaultdict(list)
    for key, c in cands:
        buckets[(key[0], key[1])].append((key, c))
    for lst in buckets.values():
        lst.sort(key=lambda kc: (kc[0][2:], kc[1]["a"]["doc"], kc[1]["a"]["start"], kc[1]["b"]["start"]))
    used: dict[tuple[str, int], int] = defaultdict(int)
    chosen: list[dict[str, Any]] = []
    # equal values first (a wrong "agreement" across events, or a shared background fact), big numbers first
    equal = [kc for lst in buckets.values() for kc in lst if kc[0][3]]
    equal.sort(key=lambda kc: (-(kc[1]["a"].get("value") or 0), kc[1]["a"]["doc"], kc[1]["a"]["start"]))
    n_equal = 0
    for _, c in equal:
        ka, kb = (c["a"]["doc"], c["a"]["start"]), (c["b"]["doc"], c["b"]["start"])
        if n_equal >= per_topic // 4 or used[ka] >= 1 or used[kb] >= 1:
            continue
        used[ka] += 1
        used[kb] += 1
        n_equal += 1
        c["folder"] = f"{fa.name}+{fb.name}"
        c["ctx_a"] = ctx(fa, c["a"]["doc"], c["a"]["start"], c["a"]["end"])
        c["ctx_b"] = ctx(fb, c["b"]["doc"], c["b"]["start"], c["b"]["end"])
        chosen.append(c)
        for lst in buckets.values():
            if (_, c) in lst:
                lst.remove((_, c))
    order = sorted(buckets, key=lambda k: (-len(buckets[k]), k))
    while len(chosen) < per_topic and any(buckets[k] for k in order):
        for k in order:
            while buckets[k]:
                _, c = buckets[k].pop(0)
                ka, kb = (c["a"]["doc"], c["a"]["start"]), (c["b"]["doc"], c["b"]["start"])
                if used[ka] >= 2 or used[kb] >= 2:
                    continue
                used[ka] += 1
                used[kb] += 1
                c["folder"] = f"{fa.name}+{fb.name}"
                c["ctx_a"] = ctx(fa, c["a"]["doc"], c["a"]["start"], c["a"]["end"])
                c["ctx_b"] = ctx(fb, c["b"]["doc"], c["b"]["start"], c["b"]["end"])
                chosen.append(c)
                break
            if len(chosen) >= per_topic:
                break
    return chosen


def cmd_mine(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    for num in topics():
        rows.extend(mine_topic(num, args.per_topic))
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows):
            r["cid"] = f"x{i:04d}"
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} candidates in {len(topics())} topics -> {args.out}")
    return 0


def load_cands(path: Path) -> dict[str, dict[str, Any]]:
    return {r["cid"]: r for r in (json.loads(x) for x in read(path).splitlines() if x.strip())}


def cmd_show(args: argparse.Namespace) -> int:
    for c in load_cands(Path(args.cands)).values():
        if args.topic and not c["folder"].startswith(args.topic + "-"):
            continue
        if args.kind and c["kind"] != args.kind:
            continue
        extra = f" {c.get('resolved_a')} | {c.get('resolved_b')}" if c["kind"] == "date" else ""
        print(f"== {c['cid']} {c['folder']} {c['kind']} {c['measure']}{extra}")
        print(f"   A {c['a']['doc']}: {c['ctx_a']}")
        print(f"   B {c['b']['doc']}: {c['ctx_b']}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    cands = load_cands(Path(args.cands))
    rows: list[dict[str, Any]] = []
    problems = 0
    seen: set[str] = set()
    for n, raw in enumerate(read(Path(args.labels)).splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 5 or cols[0] not in cands or cols[0] in seen:
            print(f"line {n}: bad or duplicate row {raw!r}", file=sys.stderr)
            problems += 1
            continue
        cid, label, measure, tags, note = cols
        seen.add(cid)
        c = cands[cid]
        tag_list = sorted({"cross_event", *(t for t in tags.split(",") if t)})
        if c["kind"] == "date":
            tag_list = sorted({*tag_list, *date_tags(c)})
        topic = c["folder"].split("-")[0]
        row: dict[str, Any] = {
            "topic": topic,
            "folder": c["folder"],
            "kind": c["kind"],
            "a": {k: c["a"][k] for k in ("doc", "start", "end")},
            "b": {k: c["b"][k] for k in ("doc", "start", "end")},
            "label": label,
            "measure": measure,
            "value_a": c["a"]["text"],
            "value_b": c["b"]["text"],
        }
        if c["kind"] == "date":
            row["resolved_a"], row["resolved_b"] = c["resolved_a"], c["resolved_b"]
        row.update({"tags": tag_list, "note": note, "half": "dev" if int(topic[1:]) % 2 else "test"})
        rows.append(row)
    rows.sort(
        key=lambda r: (r["kind"], r["folder"], r["a"]["doc"], r["a"]["start"], r["b"]["doc"], r["b"]["start"])
    )
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, row in enumerate(rows, 1):
            fh.write(json.dumps({"id": f"x{i:04d}", **row}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} pairs -> {OUT} ({problems} problems)")
    return 1 if problems else verify(OUT)


def date_tags(c: dict[str, Any]) -> set[str]:
    tags: set[str] = set()
    if c["shape"] == "weekday":
        tags.add("weekday")
    if c["shape"] == "relative":
        tags.add("relative")
    if c["pub_a"] is None or c["pub_b"] is None:
        tags.add("undated")
    return tags


def verify(path: Path) -> int:
    rows = [json.loads(x) for x in read(path).splitlines() if x.strip()]
    errors: list[str] = []
    ids = [r["id"] for r in rows]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        errors.append("ids not sorted/unique")
    spans: set[tuple[str, int, int, str, int, int]] = set()
    per_topic: dict[str, int] = defaultdict(int)
    for r in rows:
        per_topic[r["topic"]] += 1
        fa, fb = r["folder"].split("+")
        num = int(r["topic"][1:])
        if (fa, fb) != (f"{r['topic']}-ecb", f"{r['topic']}-ecbplus"):
            errors.append(f"{r['id']}: folder {r['folder']!r} is not a topic's two sub-topics")
        if r["half"] != ("dev" if num % 2 else "test"):
            errors.append(f"{r['id']}: half")
        if r["label"] not in LABEL_SET or r["kind"] not in {"count", "date"}:
            errors.append(f"{r['id']}: label/kind")
        if "cross_event" not in r["tags"] or not set(r["tags"]) <= TAG_SET:
            errors.append(f"{r['id']}: tags {r['tags']}")
        if not r["a"]["doc"].endswith("ecb") or not r["b"]["doc"].endswith("ecbplus"):
            errors.append(f"{r['id']}: sides not one per sub-topic")
        key = (r["a"]["doc"], r["a"]["start"], r["a"]["end"], r["b"]["doc"], r["b"]["start"], r["b"]["end"])
        if key in spans:
            errors.append(f"{r['id']}: duplicate")
        spans.add(key)
        for side, folder in (("a", fa), ("b", fb)):
            s = r[side]
            text = read(CORPUS / folder / f"{s['doc']}.txt")
            if text[s["start"] : s["end"]] != r[f"value_{side}"] or len(r[f"value_{side}"]) > 40:
                errors.append(
                    f"{r['id']}.{side}: span {text[s['start'] : s['end']]!r} != {r[f'value_{side}']!r}"
                )
    for topic, n in sorted(per_topic.items()):
        if n > 10:
            errors.append(f"{topic}: {n} pairs (> 10)")
    for e in errors:
        print(e)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in rows:
        counts[(r["half"], r["kind"], r["label"])] += 1
    print(f"{len(rows)} rows in {len(per_topic)} topics, {len(errors)} errors")
    for k in sorted(counts):
        print(f"  {k[0]:5} {k[1]:6} {k[2]:16} {counts[k]}")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("mine")
    m.add_argument("--out", default=str(CANDS))
    m.add_argument("--per-topic", type=int, default=24)
    s = sub.add_parser("show")
    s.add_argument("--cands", default=str(CANDS))
    s.add_argument("--topic", default="")
    s.add_argument("--kind", default="")
    b = sub.add_parser("build")
    b.add_argument("labels")
    b.add_argument("--cands", default=str(CANDS))
    sub.add_parser("verify")
    args = ap.parse_args(argv)
    if args.cmd == "mine":
        return cmd_mine(args)
    if args.cmd == "show":
        return cmd_show(args)
    if args.cmd == "build":
        return cmd_build(args)
    return verify(OUT)


if __name__ == "__main__":
    raise SystemExit(main())
