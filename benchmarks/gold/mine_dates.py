"""Mine cross-document DATE claim pairs from ECB+ for hand labelling, and verify the labelled file.

Independent of crosscheck: stdlib only, reads ``../shared/dev/ecbplus`` directly.

Usage::

    python benchmarks/gold/mine_dates.py mine [--out /tmp/date_cands.jsonl]   # candidates + context
    python benchmarks/gold/mine_dates.py verify                               # check date_pairs.jsonl
    python benchmarks/gold/mine_dates.py mine2 [--out /tmp/date2_cands.jsonl] # candidates, the 21 date2 folders
    python benchmarks/gold/mine_dates.py build2    # date2_labels.tsv -> date2_pairs.jsonl (ids e0001...)
    python benchmarks/gold/mine_dates.py verify2   # date2_pairs.jsonl is what build2 makes; spans hold

Candidates come from three sources:

* ``chain``: two mentions of one gold TIME_DATE chain in two different documents (same time per ECB+);
* ``regex_action``: a regex date in each of two documents whose sentences share a gold ACTION_OCCURRENCE
  chain (or, failing that, a key verb) -- same action, so a likely same-fact pair;
* ``neg``: dates in two documents that belong to different TIME_DATE chains, or regex dates whose sentences
  share no action chain -- hard-negative material (arrest vs trial, earlier quake, birth year, "Posted:").

Each candidate carries a provisional resolution (weekday / relative expressions resolved against the
document's ``published`` date from ``manifest.toml``); the labels themselves are assigned by hand.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2] / "shared" / "dev" / "ecbplus"
GOLD = HERE / "date_pairs.jsonl"
LABELS2 = HERE / "date2_labels.tsv"
OUT2 = HERE / "date2_pairs.jsonl"
BATCH2 = "s25"
LABEL_SET = {"same_value", "different_value", "different_fact"}
TAG_SET = {"weekday", "relative", "undated", "gates", "furniture", "future", "headline"}
DATE2_FOLDERS = {
    # dev half (odd topics)
    "t07-ecb", "t13-ecbplus", "t25-ecbplus", "t27-ecb", "t27-ecbplus",
    "t29-ecb", "t29-ecbplus", "t31-ecb", "t37-ecb", "t41-ecb",
    # test half (even topics)
    "t12-ecb", "t14-ecbplus", "t26-ecbplus", "t30-ecbplus", "t32-ecb", "t32-ecbplus",
    "t34-ecb", "t34-ecbplus", "t36-ecb", "t42-ecb", "t44-ecb",
}  # fmt: skip

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WD = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
DATE_RE = re.compile(
    "|".join(
        [
            rf"\b(?:{_WD},?\s+)?{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s*,\s*\d{{4}})?\b",
            rf"\b(?:{_WD},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:\s*,?\s*\d{{4}})?\b",
            rf"\b(?:(?:on|last|this|next|early|late)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday){_PART}\b",
            r"\b(?:yesterday|today|tonight|last\s+(?:night|week|month|year|weekend)|this\s+(?:morning|week|month|year)|earlier\s+this\s+(?:week|month|year))\b",
            rf"\b(?:in\s+)?(?:early\s+|late\s+|mid-)?{_MON}\s+(?:of\s+)?(?:19|20)\d\d\b",
            r"\bin\s+(?:19|20)\d\d\b",
        ]
    ),
    re.IGNORECASE,
)
FUTURE_RE = re.compile(
    r"\b(?:will|would|to be|scheduled|planned|expected to|set to|is due|heading into|next|upcoming)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
FURNITURE_RE = re.compile(
    r"^\s*(?:posted|updated|published|last updated)\b|\d{1,2}:\d\d\s*(?:[ap]\.?\s?m)", re.I
)
STOP_VERBS = {"said", "says", "told", "reported", "according", "added", "say"}


@dataclass
class Doc:
    doc_id: str
    text: str
    lines: list[str]
    offsets: list[int]
    published: dt.date | None
    title: str | None


@dataclass
class Mention:
    doc: str
    line: int
    start: int
    end: int
    text: str
    chain: str | None = None
    actions: set[str] = field(default_factory=set)


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def load_folder(folder: Path) -> tuple[dict[str, Doc], list[dict[str, Any]]]:
    manifest = tomllib.loads(read_text(folder / "manifest.toml")).get("files", {})
    docs: dict[str, Doc] = {}
    for path in sorted(folder.glob("*.txt")):
        text = read_text(path)
        lines = text.split("\n")
        offsets, pos = [], 0
        for ln in lines:
            offsets.append(pos)
            pos += len(ln) + 1
        meta = manifest.get(path.name, {})
        pub = meta.get("published")
        if isinstance(pub, dt.datetime):
            pub = pub.date()
        docs[path.stem] = Doc(
            path.stem, text, lines, offsets, pub if isinstance(pub, dt.date) else None, meta.get("title")
        )
    chains = json.loads(read_text(folder / "coref.json"))["chains"]
    return docs, chains


def locate(doc: Doc, line: int, text: str) -> tuple[int, int] | None:
    """Character span of a mention text within its 0-based line (first occurrence), trimmed."""
    text = text.strip().rstrip(".,;")
    if line >= len(doc.lines):
        return None
    idx = doc.lines[line].find(text)
    if idx < 0:
        m = re.search(re.escape(text), doc.lines[line], re.IGNORECASE)
        if not m:
            return None
        idx = m.start()
    start = doc.offsets[line] + idx
    return start, start + len(text)


def _year_for(month: int, pub: dt.date | None, future: bool = False) -> int | None:
    if pub is None:
        return None
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year - 1 if month > pub.month + 1 else pub.year


def resolve(expr: str, pub: dt.date | None, future: bool = False) -> str | None:
    """Provisional ISO reading of a date expression against a publication date (None if unresolvable)."""
    e = expr.lower().replace(".", " ")
    e = re.sub(r"\s+", " ", e).strip()
    m = re.search(r"\b((?:19|20)\d\d)\b", e)
    year = int(m.group(1)) if m else None
    month = None
    for key, num in MONTHS.items():
        if re.search(rf"\b{key}[a-z]*\b", e):
            month = num
            break
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(?:19|20)\d\d\b", "", e))
    if month and day_m:
        y = year or _year_for(month, pub, future or "this year" in e or "next" in e)
        if y is None:
            return None
        try:
            return dt.date(y, month, int(day_m.group(1))).isoformat()
        except ValueError:
            return None
    if month:
        y = year or _year_for(month, pub, future or "this year" in e or "next" in e)
        if y is None:
            return None
        last = (dt.date(y + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
        return f"{y}-{month:02d}-01/{y}-{month:02d}-{last:02d}"
    if year and not re.search(r"|".join(WEEKDAYS), e):
        return f"{year}-01-01/{year}-12-31"
    if pub is None:
        return None
    if "yesterday" in e:
        return (pub - dt.timedelta(days=1)).isoformat()
    if "last night" in e:
        return (pub - dt.timedelta(days=1)).isoformat() + "/" + pub.isoformat()
    if re.search(r"\b(?:today|tonight|this morning)\b", e):
        return pub.isoformat()
    if "last week" in e:
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return f"{monday.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}"
    if "this week" in e or "earlier this week" in e:
        monday = pub - dt.timedelta(days=pub.weekday())
        return f"{monday.isoformat()}/{pub.isoformat()}"
    if "last month" in e:
        first = pub.replace(day=1) - dt.timedelta(days=1)
        return f"{first.replace(day=1).isoformat()}/{first.isoformat()}"
    if "this month" in e:
        return f"{pub.replace(day=1).isoformat()}/{pub.isoformat()}"
    for i, wd in enumerate(WEEKDAYS):
        if re.search(rf"\b{wd[:3]}", e):
            if future or "next" in e:
                delta = (i - pub.weekday()) % 7
                return (pub + dt.timedelta(days=delta)).isoformat()
            delta = (pub.weekday() - i) % 7
            if "last" in e and delta == 0:
                delta = 7
            return (pub - dt.timedelta(days=delta)).isoformat()
    return None


def overlaps(a: str | None, b: str | None) -> bool | None:
    if a is None or b is None:
        return None
    a0, _, a1 = a.partition("/")
    b0, _, b1 = b.partition("/")
    return not ((a1 or a0) < b0 or (b1 or b0) < a0)


def key_verbs(sentence: str) -> set[str]:
    words = re.findall(r"[a-z]+", sentence.lower())
    return {w for w in words if len(w) > 4 and w.endswith("ed") and w not in STOP_VERBS}


def folder_mentions(
    docs: dict[str, Doc], chains: list[dict[str, Any]]
) -> tuple[list[Mention], list[Mention]]:
    """(gold TIME_DATE mentions, regex date mentions) with action-chain ids of their sentence."""
    actions: dict[tuple[str, int], set[str]] = {}
    for ch in chains:
        if ch["type"] == "ACTION_OCCURRENCE":
            for m in ch["mentions"]:
                actions.setdefault((m["doc_id"], m["line"]), set()).add(ch["descriptor"])
    gold: list[Mention] = []
    for ch in chains:
        if ch["type"] != "TIME_DATE":
            continue
        for m in ch["mentions"]:
            doc = docs.get(m["doc_id"])
            span = locate(doc, m["line"], m["text"]) if doc else None
            if doc is None or span is None:
                continue
            mm = Mention(
                m["doc_id"], m["line"], span[0], span[1], doc.text[span[0] : span[1]], ch["descriptor"]
            )
            mm.actions = actions.get((m["doc_id"], m["line"]), set())
            gold.append(mm)
    regex: list[Mention] = []
    for doc in docs.values():
        for i, ln in enumerate(doc.lines):
            for m in DATE_RE.finditer(ln):
                s = doc.offsets[i] + m.start()
                mm = Mention(doc.doc_id, i, s, s + len(m.group(0)), m.group(0))
                for g in gold:
                    if g.doc == doc.doc_id and g.start < mm.end and mm.start < g.end:
                        mm.chain = g.chain
                mm.actions = actions.get((doc.doc_id, i), set())
                regex.append(mm)
    return gold, regex


def context(doc: Doc, m: Mention, width: int = 160) -> str:
    ln = doc.lines[m.line]
    s = m.start - doc.offsets[m.line]
    e = m.end - doc.offsets[m.line]
    lo = max(0, s - width)
    return ln[lo:s] + "[[" + ln[s:e] + "]]" + ln[e : e + width]


def candidate(folder: str, docs: dict[str, Doc], a: Mention, b: Mention, source: str) -> dict[str, Any]:
    da, db = docs[a.doc], docs[b.doc]
    fa = bool(FUTURE_RE.search(da.text[da.offsets[a.line] : a.start]))
    fb = bool(FUTURE_RE.search(db.text[db.offsets[b.line] : b.start]))
    ra, rb = resolve(a.text, da.published, fa), resolve(b.text, db.published, fb)
    return {
        "folder": folder,
        "source": source,
        "chain_a": a.chain,
        "chain_b": b.chain,
        "shared_actions": sorted(a.actions & b.actions),
        "a": {"doc": a.doc, "start": a.start, "end": a.end, "text": a.text, "line": a.line},
        "b": {"doc": b.doc, "start": b.start, "end": b.end, "text": b.text, "line": b.line},
        "pub_a": da.published.isoformat() if da.published else None,
        "pub_b": db.published.isoformat() if db.published else None,
        "resolved_a": ra,
        "resolved_b": rb,
        "consistent": overlaps(ra, rb),
        "future": [fa, fb],
        "furniture": [
            bool(FURNITURE_RE.search(da.lines[a.line])),
            bool(FURNITURE_RE.search(db.lines[b.line])),
        ],
        "ctx_a": context(da, a),
        "ctx_b": context(db, b),
    }


def mine_folder(folder: Path, per_chain: int = 12) -> list[dict[str, Any]]:
    docs, chains = load_folder(folder)
    gold, regex = folder_mentions(docs, chains)
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, int, str, int]] = set()

    def add(a: Mention, b: Mention, source: str) -> None:
        if a.doc == b.doc:
            return
        if (b.doc, b.start) < (a.doc, a.start):
            a, b = b, a
        key = (a.doc, a.start, b.doc, b.start)
        if key in seen:
            return
        seen.add(key)
        out.append(candidate(folder.name, docs, a, b, source))

    # 1. same gold TIME_DATE chain, different documents; inconsistent resolutions first
    by_chain: dict[str, list[Mention]] = {}
    for g in gold:
        by_chain.setdefault(g.chain or "", []).append(g)
    for ms in by_chain.values():
        pairs = [(a, b) for a, b in itertools.combinations(ms, 2) if a.doc != b.doc]
        scored = []
        for a, b in pairs:
            c = candidate(folder.name, docs, a, b, "chain")
            scored.append(
                (c["consistent"] is not False, a.text.lower() == b.text.lower(), a.doc, b.doc, a, b)
            )
        scored.sort(key=lambda t: (t[0], t[1], t[2], t[3]))
        used_docs: dict[str, int] = {}
        n = 0
        for _, _, _, _, a, b in scored:
            if n >= per_chain:
                break
            if used_docs.get(a.doc, 0) >= 3 or used_docs.get(b.doc, 0) >= 3:
                continue
            used_docs[a.doc] = used_docs.get(a.doc, 0) + 1
            used_docs[b.doc] = used_docs.get(b.doc, 0) + 1
            add(a, b, "chain")
            n += 1
    # 2. regex dates in sentences sharing an action chain (or key verb), not both in one gold chain
    for a, b in itertools.combinations(regex, 2):
        if a.doc == b.doc or (a.chain and a.chain == b.chain):
            continue
        sa, sb = docs[a.doc].lines[a.line], docs[b.doc].lines[b.line]
        if a.actions & b.actions:
            add(a, b, "regex_action")
        elif key_verbs(sa) & key_verbs(sb):
            add(a, b, "regex_verb")
    # 3. hard negatives: different gold chains
    for a, b in itertools.combinations(gold, 2):
        if a.doc != b.doc and a.chain != b.chain:
            add(a, b, "neg")
    return out


def cmd_mine(args: argparse.Namespace) -> None:
    rows: list[dict[str, Any]] = []
    wanted = set(args.folders.split(",")) if getattr(args, "folders", None) else None
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        if wanted is None or folder.name in wanted:
            rows.extend(mine_folder(folder))
    with open(args.out, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows):
            r["cid"] = f"c{i:05d}"
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} candidates -> {args.out}")


def cmd_verify(args: argparse.Namespace) -> None:
    rows = [json.loads(line) for line in read_text(Path(args.gold)).splitlines() if line.strip()]
    errors: list[str] = []
    ids = [r["id"] for r in rows]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        errors.append("ids not sorted/unique")
    labels = {"same_value", "different_value", "different_fact"}
    tagset = {"weekday", "relative", "undated", "gates", "furniture", "future", "headline"}
    for r in rows:
        folder = CORPUS / r["folder"]
        if r["label"] not in labels:
            errors.append(f"{r['id']}: bad label")
        if not set(r["tags"]) <= tagset:
            errors.append(f"{r['id']}: bad tags {r['tags']}")
        topic_num = int(r["topic"][1:])
        if r["half"] != ("dev" if topic_num % 2 else "test") or not r["folder"].startswith(r["topic"] + "-"):
            errors.append(f"{r['id']}: topic/half mismatch")
        if r["a"]["doc"] == r["b"]["doc"]:
            errors.append(f"{r['id']}: same document")
        for side in ("a", "b"):
            s = r[side]
            text = read_text(folder / f"{s['doc']}.txt")
            span = text[s["start"] : s["end"]]
            if span != r[f"value_{side}"]:
                errors.append(f"{r['id']}.{side}: span {span!r} != value {r[f'value_{side}']!r}")
    for e in errors:
        print(e)
    print(f"{len(rows)} rows, {len(errors)} errors")
    if errors:
        sys.exit(1)


def parse_labels2(labels: Path = LABELS2) -> tuple[list[dict[str, Any]], int]:
    """Rows of date2_labels.tsv checked against the corpus, sorted, without ids; and the number of problems."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, int, str, int]] = set()
    problems = 0

    def bad(n: int, why: str) -> None:
        nonlocal problems
        print(f"{labels.name} line {n}: {why}", file=sys.stderr)
        problems += 1

    for n, raw in enumerate(read_text(labels).splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 13:
            bad(n, f"{len(cols)} columns, not 13")
            continue
        folder, da, sa, ea, db, sb, eb, label, measure, tags, note, ra, rb = cols
        if folder not in DATE2_FOLDERS:
            bad(n, f"folder {folder} is not a date2 folder")
            continue
        try:
            sa_i, ea_i, sb_i, eb_i = int(sa), int(ea), int(sb), int(eb)
        except ValueError:
            bad(n, "offsets are not integers")
            continue
        key = (folder, da, sa_i, db, sb_i)
        if key in seen or (folder, db, sb_i, da, sa_i) in seen:
            bad(n, "pair listed twice")
            continue
        seen.add(key)
        pa, pb = CORPUS / folder / f"{da}.txt", CORPUS / folder / f"{db}.txt"
        if da == db or not pa.is_file() or not pb.is_file():
            bad(n, f"documents {da!r}, {db!r} must be two different documents of {folder}")
            continue
        ta, tb = read_text(pa)[sa_i:ea_i], read_text(pb)[sb_i:eb_i]
        tag_list = [t for t in tags.split(",") if t]
        if not (0 < len(ta) <= 40 and 0 < len(tb) <= 40 and sa_i < ea_i and sb_i < eb_i):
            bad(n, f"span empty or over 40 characters: {ta!r} / {tb!r}")
            continue
        if ta != ta.strip() or tb != tb.strip():
            bad(n, f"span has outer whitespace: {ta!r} / {tb!r}")
            continue
        if label not in LABEL_SET or not set(tag_list) <= TAG_SET or len(set(tag_list)) != len(tag_list):
            bad(n, f"unknown label {label!r} or bad tags {tag_list}")
            continue
        if not re.fullmatch(r"[a-z][a-z0-9_]*", measure) or not note.strip():
            bad(n, f"measure {measure!r} not snake_case or note empty")
            continue
        iso = r"\d{4}-\d\d-\d\d(?:\.\.\d{4}-\d\d-\d\d)?"
        if not all(r == "" or re.fullmatch(iso, r) for r in (ra, rb)):
            bad(n, f"resolved dates not ISO: {ra!r} {rb!r}")
            continue
        topic = folder.split("-")[0]
        rows.append(
            {
                "topic": topic,
                "folder": folder,
                "kind": "date",
                "a": {"doc": da, "start": sa_i, "end": ea_i},
                "b": {"doc": db, "start": sb_i, "end": eb_i},
                "label": label,
                "measure": measure,
                "value_a": ta,
                "value_b": tb,
                "resolved_a": ra or None,
                "resolved_b": rb or None,
                "tags": tag_list,
                "half": "dev" if int(topic[1:]) % 2 else "test",
                "note": note,
                "batch": BATCH2,
            }
        )
    rows.sort(key=lambda r: (r["folder"], r["a"]["doc"], r["a"]["start"], r["b"]["doc"], r["b"]["start"]))
    return rows, problems


def numbered2(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"id": f"e{i:04d}", **row} for i, row in enumerate(rows, 1)]


def build2() -> int:
    """date2_labels.tsv -> date2_pairs.jsonl (ids e0001..., "batch": "s25"); 0 when every row is clean."""
    rows, problems = parse_labels2()
    with open(OUT2, "w", encoding="utf-8", newline="\n") as fh:
        for row in numbered2(rows):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[tuple[str, str], int] = {}
    tag_counts: dict[str, int] = {}
    for row in rows:
        counts[(row["half"], row["label"])] = counts.get((row["half"], row["label"]), 0) + 1
        for t in row["tags"]:
            tag_counts[t] = tag_counts.get(t, 0) + 1
    print(f"{len(rows)} pairs written to {OUT2} ({problems} problems)")
    for k in sorted(counts):
        print(f"  {k[0]:5} {k[1]:16} {counts[k]}")
    print("  tags:", dict(sorted(tag_counts.items(), key=lambda kv: -kv[1])))
    return 1 if problems else 0


def verify2() -> int:
    """date2_pairs.jsonl is exactly what build2 makes of date2_labels.tsv and every span holds (0 = clean)."""
    rows, problems = parse_labels2()
    stored = [json.loads(line) for line in read_text(OUT2).splitlines() if line.strip()]
    if stored != numbered2(rows):
        print(f"{OUT2.name} differs from what build2 makes of {LABELS2.name}", file=sys.stderr)
        problems += 1
    old = {json.loads(line)["folder"] for line in read_text(GOLD).splitlines() if line.strip()}
    for row in stored:
        folder = CORPUS / row["folder"]
        if row["folder"] in old or row["folder"] not in DATE2_FOLDERS:
            print(f"{row['id']}: folder {row['folder']} not a fresh date2 folder", file=sys.stderr)
            problems += 1
            continue
        for side in ("a", "b"):
            span = row[side]
            if read_text(folder / f"{span['doc']}.txt")[span["start"] : span["end"]] != row[f"value_{side}"]:
                print(f"{row['id']}: {side} span does not hold {row[f'value_{side}']!r}", file=sys.stderr)
                problems += 1
        topic_half = "dev" if int(row["topic"][1:]) % 2 else "test"
        if row["kind"] != "date" or row["batch"] != BATCH2 or row["half"] != topic_half:
            print(f"{row['id']}: kind/batch/half wrong", file=sys.stderr)
            problems += 1
    print(f"{len(stored)} rows, {problems} problems", file=sys.stderr)
    return 1 if problems else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("mine")
    m.add_argument("--out", default="/tmp/date_cands.jsonl")
    m.add_argument("--folders", default=None, help="comma-separated folder names (default: all)")
    m2 = sub.add_parser("mine2", help="mine the 21 date2 folders")
    m2.add_argument("--out", default="/tmp/date2_cands.jsonl")
    v = sub.add_parser("verify")
    v.add_argument("--gold", default=str(GOLD))
    sub.add_parser("build2")
    sub.add_parser("verify2")
    args = ap.parse_args()
    if args.cmd == "mine2":
        args.folders = ",".join(sorted(DATE2_FOLDERS))
        cmd_mine(args)
    elif args.cmd == "build2":
        sys.exit(build2())
    elif args.cmd == "verify2":
        sys.exit(verify2())
    else:
        {"mine": cmd_mine, "verify": cmd_verify}[args.cmd](args)


if __name__ == "__main__":
    main()
