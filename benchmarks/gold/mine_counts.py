"""Mine count mentions in the ECB+ dev corpus and propose cross-document candidate pairs (stdlib only).

Usage:
  python benchmarks/gold/mine_counts.py mentions FOLDER        # list count mentions with a measure guess
  python benchmarks/gold/mine_counts.py candidates FOLDER...   # candidate pairs with context (terminal only)
  python benchmarks/gold/mine_counts.py build                  # labels (count_labels.tsv) -> count_pairs.jsonl
  python benchmarks/gold/mine_counts.py build2                 # count2_labels.tsv -> count2_pairs.jsonl (stop 21)
  python benchmarks/gold/mine_counts.py verify2                # check count2_pairs.jsonl against the corpus
  python benchmarks/gold/mine_counts.py build3                 # count3_labels.tsv -> count3_pairs.jsonl (stop 23)
  python benchmarks/gold/mine_counts.py verify3                # check count3_pairs.jsonl against the corpus
  python benchmarks/gold/mine_counts.py build4                 # count4_labels.tsv -> count4_pairs.jsonl (stop 24)
  python benchmarks/gold/mine_counts.py verify4                # check count4_pairs.jsonl against the corpus
  python benchmarks/gold/mine_counts.py build5                 # count5_labels.tsv -> count5_pairs.jsonl (stop 26)
  python benchmarks/gold/mine_counts.py verify5                # check count5_pairs.jsonl against the corpus

Independent of crosscheck: it neither imports nor runs it. Candidate pairs are printed with their sentences
for reading on the terminal; nothing but ids, offsets, the short number expressions and labels is written.
The labels file holds one row per labelled pair:
  folder  docA  startA  endA  docB  startB  endB  label  measure  tags(comma)  note
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "dev" / "ecbplus"
LABELS = HERE / "count_labels.tsv"
OUT = HERE / "count_pairs.jsonl"
LABELS2 = HERE / "count2_labels.tsv"
OUT2 = HERE / "count2_pairs.jsonl"
BATCH2 = "s21"
LABELS3 = HERE / "count3_labels.tsv"
OUT3 = HERE / "count3_pairs.jsonl"
BATCH3 = "s23"
LABELS4 = HERE / "count4_labels.tsv"
OUT4 = HERE / "count4_pairs.jsonl"
BATCH4 = "s24"
LABELS5 = HERE / "count5_labels.tsv"
OUT5 = HERE / "count5_pairs.jsonl"
BATCH5 = "s26"
LABEL_SET = {"same_value", "different_value", "different_fact"}
TAG_SET = {"slot", "gates", "furniture", "rounding", "partial", "age", "update", "headline"}

UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

WORD_UNIT = "|".join(sorted((k for k in UNITS if k not in {"a", "an"}), key=len, reverse=True))
WORD_TENS = "|".join(TENS)
WORD_NUM = rf"(?:(?:{WORD_TENS})(?:[- ](?:{WORD_UNIT}))?|{WORD_UNIT})"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:hundred|thousand|million|billion|bn|m)\b"
QUAL = (
    r"(?:more than|less than|fewer than|at least|at most|up to|as many as|as few as|nearly|almost|about|"
    r"around|approximately|roughly|some|over|under|an estimated|estimated|just over|just under|close to|"
    r"all but|only|just|a total of|a further|another)"
)
NUMBER = re.compile(
    rf"(?<![\w$.,])(?:(?P<qual>{QUAL}) +)?"
    rf"(?:(?P<cur>\$|US\$|€|£) ?)?"
    rf"(?P<num>(?:{DIGITS})(?:\s?(?:{SCALE}))?|(?:{WORD_NUM})(?:\s(?:{SCALE}))?|a dozen|dozens|a handful|"
    rf"hundreds|thousands|a hundred|a thousand|half a dozen)"
    rf"(?P<sfx>-year-old|-years-old|-year|-month|-day|-point|-magnitude|-member|-person|-man)?"
    rf"(?![\w])",
    re.IGNORECASE,
)

MEASURES: list[tuple[str, re.Pattern[str]]] = [
    (
        "age",
        re.compile(r"^(?:-year-old|-years-old| years? old|, of\b)|^\s*(?:years? of age)", re.I),
    ),
    ("magnitude", re.compile(r"magnitude|richter|quake|tremor|temblor", re.I)),
    ("sentence_years", re.compile(r"sentence|prison|jail|behind bars|imprison|term|parole|life", re.I)),
    ("deaths", re.compile(r"\b(?:kill|dead|death|die|fatal|lives|bodies|toll|murder|slain|perish)", re.I)),
    ("injuries", re.compile(r"\b(?:injur|wound|hurt|hospital|critical|casualt)", re.I)),
    ("shot", re.compile(r"\b(?:shot|shooting|gunshot|fired)", re.I)),
    ("arrests", re.compile(r"\b(?:arrest|detain|custody|held|charged|suspects?)\b", re.I)),
    ("money", re.compile(r"\$|€|£|\bdollars?\b|\beuros?\b|\bpounds\b|\bmillion\b|\bbillion\b", re.I)),
    ("points", re.compile(r"\b(?:points?|rebounds|assists|score|victory|win|beat)", re.I)),
    ("votes", re.compile(r"\b(?:votes?|percent|%|electoral|seats)", re.I)),
    (
        "people",
        re.compile(r"\b(?:people|persons|residents|victims|children|students|men|women|others)\b", re.I),
    ),
]
FURNITURE = re.compile(
    r"(?:image|photo|slide|picture|page)\s+\d+\s+of\s+\d+|\d{3}[-. ]\d{3}[-. ]\d{4}|\d{1,2}:\d{2}|"
    r"\b(?:comments?|views|shares|likes)\b|\bupdated\b",
    re.I,
)
YEARLIKE = re.compile(r"^(?:1[89]\d\d|20[0-3]\d)$")
MONTHS = re.compile(
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*$",
    re.I,
)


@dataclass
class Mention:
    doc: str
    start: int
    end: int
    expr: str
    value: float | None
    measure: str
    line: int
    furniture: bool


def word_value(text: str) -> float | None:
    t = text.lower().replace("-", " ").strip()
    special = {
        "a dozen": 12.0,
        "half a dozen": 6.0,
        "dozens": 24.0,
        "hundreds": 200.0,
        "thousands": 2000.0,
        "a handful": 5.0,
        "a hundred": 100.0,
        "a thousand": 1000.0,
    }
    if t in special:
        return special[t]
    m = re.match(r"^([\d,]+(?:\.\d+)?)\s?(hundred|thousand|million|billion|bn|m)?$", t)
    if m:
        base = float(m.group(1).replace(",", ""))
        scale = {"bn": "billion", "m": "million"}.get(m.group(2) or "", m.group(2) or "")
        return base * SCALES.get(scale, 1)
    total = 0.0
    for w in t.split():
        if w in UNITS:
            total += UNITS[w]
        elif w in TENS:
            total += TENS[w]
        elif w in SCALES:
            total = max(total, 1) * SCALES[w]
        else:
            return None
    return total


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e < 0 else e


def guess_measure(text: str, start: int, end: int, sfx: str) -> str:
    ls, le = line_bounds(text, start)
    after = text[end : min(le, end + 45)]
    before = text[max(ls, start - 45) : start]
    if sfx.lower() in {"-year-old", "-years-old"} or re.match(r"^\s*(?:years? old|-year-old)", after, re.I):
        return "age"
    if re.search(r"[A-Z][a-z]+ ?,\s*$", before) and re.match(r"^\s*,", after):
        return "age"
    if re.search(r"\baged?\s*$", before, re.I):
        return "age"
    near = before[-30:] + " " + after[:40]
    if re.match(r"^\s*(?:years?|-year)\b", after, re.I) and MEASURES[2][1].search(after + before):
        return "sentence_years"
    for name, pat in MEASURES[1:]:
        if pat.search(near):
            return name
    return "other"


def mentions(folder: Path) -> list[Mention]:
    out: list[Mention] = []
    for path in sorted(folder.glob("*.txt")):
        text = read(path)
        doc = path.stem
        for m in NUMBER.finditer(text):
            num = m.group("num")
            if num.lower() in {"one"} and not m.group("qual"):
                # "one" is often a pronoun; keep only when a casualty/measure word follows closely
                after = text[m.end() : m.end() + 25]
                if not re.match(r"^\s*(?:person|man|woman|dead|killed|injured|people|of the)", after, re.I):
                    continue
            digits = num.replace(",", "")
            if YEARLIKE.match(digits):
                continue
            before = text[max(0, m.start() - 12) : m.start()]
            if MONTHS.search(before) and not m.group("qual"):
                continue  # day of month
            if re.match(r"^(?:st|nd|rd|th)\b", text[m.end() : m.end() + 3]):
                continue
            ls, le = line_bounds(text, m.start())
            around = text[max(ls, m.start() - 20) : min(le, m.end() + 20)]
            furniture = bool(FURNITURE.search(around))
            sfx = m.group("sfx") or ""
            measure = guess_measure(text, m.start(), m.end(), sfx)
            if m.group("cur"):
                measure = "money"
            start = m.start()
            out.append(
                Mention(
                    doc=doc,
                    start=start,
                    end=m.end() - len(sfx),
                    expr=text[start : m.end() - len(sfx)],
                    value=word_value(num),
                    measure=measure,
                    line=text.count("\n", 0, start),
                    furniture=furniture,
                )
            )
    return out


def context(folder: Path, doc: str, start: int, end: int, width: int = 150) -> str:
    text = read(folder / f"{doc}.txt")
    ls, le = line_bounds(text, start)
    a = max(ls, start - width)
    b = min(le, end + width)
    line = text.count("\n", 0, start)
    return f"L{line}: {text[a:start]}[[{text[start:end]}]]{text[end:b]}"


def coref_lines(folder: Path) -> dict[tuple[str, int], list[str]]:
    """(doc, line) -> descriptors of gold chains with a mention on that line."""
    data = json.loads(read(folder / "coref.json"))
    out: dict[tuple[str, int], list[str]] = {}
    for chain in data["chains"]:
        docs = {m["doc_id"] for m in chain["mentions"]}
        if len(docs) < 2:
            continue
        for m in chain["mentions"]:
            out.setdefault((m["doc_id"], m["line"]), []).append(chain["descriptor"])
    return out


def candidates(folder: Path) -> list[tuple[Mention, Mention, str]]:
    ms = mentions(folder)
    chains = coref_lines(folder)
    out: list[tuple[Mention, Mention, str]] = []
    per_key: dict[tuple[str, float | None, float | None], int] = {}
    for i, a in enumerate(ms):
        for b in ms[i + 1 :]:
            if a.doc == b.doc:
                continue
            shared = set(chains.get((a.doc, a.line), [])) & set(chains.get((b.doc, b.line), []))
            same_measure = a.measure == b.measure and a.measure != "other"
            same_number = a.value is not None and a.value == b.value
            why = ""
            if same_measure and (
                shared or a.measure in {"deaths", "injuries", "magnitude", "age", "sentence_years"}
            ):
                why = "measure" + ("+chain" if shared else "")
            elif same_number and a.measure != b.measure and (shared or a.furniture or b.furniture):
                why = "hardneg"
            if not why:
                continue
            key = (a.measure + why[:4], a.value, b.value)
            per_key[key] = per_key.get(key, 0) + 1
            if per_key[key] > 8:
                continue
            out.append((a, b, why))
    return out


def build() -> int:
    """count_labels.tsv -> count_pairs.jsonl (ids c0001..., no batch field)."""
    return build_file(LABELS, OUT, "c", None)


def build2() -> int:
    """count2_labels.tsv -> count2_pairs.jsonl (ids k0001..., "batch": "s21"; only folders unused by build)."""
    return build_file(LABELS2, OUT2, "k", BATCH2, folders_of(LABELS))


def build3() -> int:
    """count3_labels.tsv -> count3_pairs.jsonl (ids n0001..., "batch": "s23"; only folders unused by build, build2)."""
    return build_file(LABELS3, OUT3, "n", BATCH3, folders_of(LABELS, LABELS2))


def build4() -> int:
    """count4_labels.tsv -> count4_pairs.jsonl (ids q0001..., "batch": "s24"; only folders unused by build..build3)."""
    return build_file(LABELS4, OUT4, "q", BATCH4, folders_of(LABELS, LABELS2, LABELS3))


def build5() -> int:
    """count5_labels.tsv -> count5_pairs.jsonl (ids p0001..., "batch": "s26"; only folders unused by build..build4)."""
    return build_file(LABELS5, OUT5, "p", BATCH5, folders_of(LABELS, LABELS2, LABELS3, LABELS4))


def folders_of(*labels: Path) -> set[str]:
    """The folders that already have a row in these labels files."""
    return {
        raw.split("\t", 1)[0]
        for path in labels
        for raw in read(path).splitlines()
        if raw.strip() and not raw.startswith("#")
    }


def parse_labels(labels: Path, taken: set[str] | None = None) -> tuple[list[dict[str, Any]], int]:
    """Rows of a labels TSV checked against the corpus, sorted, without ids; and the number of problems."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, int, str, int]] = set()
    problems = 0
    for n, raw in enumerate(read(labels).splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 11:
            print(f"line {n}: {len(cols)} columns", file=sys.stderr)
            problems += 1
            continue
        folder, da, sa, ea, db, sb, eb, label, measure, tags, note = cols
        if taken is not None and folder in taken:
            print(f"line {n}: folder {folder} already has pairs in an earlier labels file", file=sys.stderr)
            problems += 1
            continue
        sa_i, ea_i, sb_i, eb_i = int(sa), int(ea), int(sb), int(eb)
        key = (folder, da, sa_i, db, sb_i)
        if key in seen or (folder, db, sb_i, da, sa_i) in seen:
            print(f"line {n}: duplicate pair", file=sys.stderr)
            problems += 1
            continue
        seen.add(key)
        path = CORPUS / folder
        ta = read(path / f"{da}.txt")[sa_i:ea_i]
        tb = read(path / f"{db}.txt")[sb_i:eb_i]
        tag_list = [t for t in tags.split(",") if t]
        ok = (
            label in LABEL_SET
            and da != db
            and re.search(r"\d|" + WORD_NUM + r"|dozen|hundred|handful|thousand", ta, re.I)
            and re.search(r"\d|" + WORD_NUM + r"|dozen|hundred|handful|thousand", tb, re.I)
            and set(tag_list) <= TAG_SET
            and len(ta) <= 40
            and len(tb) <= 40
        )
        if not ok:
            print(f"line {n}: bad row {label} {ta!r} {tb!r} {tag_list}", file=sys.stderr)
            problems += 1
            continue
        topic = folder.split("-")[0]
        rows.append(
            {
                "topic": topic,
                "folder": folder,
                "kind": "count",
                "a": {"doc": da, "start": sa_i, "end": ea_i},
                "b": {"doc": db, "start": sb_i, "end": eb_i},
                "label": label,
                "measure": measure,
                "value_a": ta,
                "value_b": tb,
                "tags": sorted(set(tag_list)),
                "note": note,
                "half": "dev" if int(topic[1:]) % 2 else "test",
            }
        )
    rows.sort(key=sort_key)
    return rows, problems


def sort_key(r: dict[str, Any]) -> tuple[str, str, int, str, int]:
    return (r["folder"], r["a"]["doc"], r["a"]["start"], r["b"]["doc"], r["b"]["start"])


def numbered(rows: list[dict[str, Any]], prefix: str, batch: str | None) -> list[dict[str, Any]]:
    extra = {} if batch is None else {"batch": batch}
    return [{"id": f"{prefix}{i:04d}", **row, **extra} for i, row in enumerate(rows, 1)]


def build_file(labels: Path, out: Path, prefix: str, batch: str | None, taken: set[str] | None = None) -> int:
    rows, problems = parse_labels(labels, taken)
    with open(out, "w", encoding="utf-8") as fh:
        for row in numbered(rows, prefix, batch):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[tuple[str, str], int] = {}
    tag_counts: dict[str, int] = {}
    for row in rows:
        counts[(row["half"], row["label"])] = counts.get((row["half"], row["label"]), 0) + 1
        for t in row["tags"]:
            tag_counts[t] = tag_counts.get(t, 0) + 1
    print(f"{len(rows)} pairs written to {out} ({problems} problems)")
    for k in sorted(counts):
        print(f"  {k[0]:5} {k[1]:16} {counts[k]}")
    print("  tags:", dict(sorted(tag_counts.items())))
    return 1 if problems else 0


def verify2() -> int:
    """count2_pairs.jsonl is what build2 makes of count2_labels.tsv, and every row checks out (0 = clean)."""
    return verify_file(LABELS2, OUT2, "k", BATCH2, folders_of(LABELS), "build2")


def verify3() -> int:
    """count3_pairs.jsonl is what build3 makes of count3_labels.tsv, and every row checks out (0 = clean)."""
    return verify_file(LABELS3, OUT3, "n", BATCH3, folders_of(LABELS, LABELS2), "build3")


def verify4() -> int:
    """count4_pairs.jsonl is what build4 makes of count4_labels.tsv, and every row checks out (0 = clean)."""
    return verify_file(LABELS4, OUT4, "q", BATCH4, folders_of(LABELS, LABELS2, LABELS3), "build4")


def verify5() -> int:
    """count5_pairs.jsonl is what build5 makes of count5_labels.tsv, and every row checks out (0 = clean)."""
    return verify_file(LABELS5, OUT5, "p", BATCH5, folders_of(LABELS, LABELS2, LABELS3, LABELS4), "build5")


def verify_file(labels: Path, out: Path, prefix: str, batch: str, taken: set[str], command: str) -> int:
    """out is what command makes of labels; every span holds its value; kind, batch and half are right."""
    rows, problems = parse_labels(labels, taken)
    stored = [json.loads(line) for line in read(out).splitlines() if line.strip()]
    if stored != numbered(rows, prefix, batch):
        print(f"{out.name} differs from what {command} makes of {labels.name}", file=sys.stderr)
        problems += 1
    for row in stored:
        folder = CORPUS / row["folder"]
        for side, key in (("a", "value_a"), ("b", "value_b")):
            span = row[side]
            if read(folder / f"{span['doc']}.txt")[span["start"] : span["end"]] != row[key]:
                print(f"{row['id']}: {side} span does not hold {row[key]!r}", file=sys.stderr)
                problems += 1
        topic_half = "dev" if int(row["folder"][1:3]) % 2 else "test"
        if row["kind"] != "count" or row["batch"] != batch or row["half"] != topic_half:
            print(f"{row['id']}: kind/batch/half wrong", file=sys.stderr)
            problems += 1
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, *rest = argv
    if cmd == "build":
        return build()
    if cmd == "build2":
        return build2()
    if cmd == "verify2":
        return verify2()
    if cmd == "build3":
        return build3()
    if cmd == "verify3":
        return verify3()
    if cmd == "build4":
        return build4()
    if cmd == "verify4":
        return verify4()
    if cmd == "build5":
        return build5()
    if cmd == "verify5":
        return verify5()
    for name in rest:
        folder = CORPUS / name
        if cmd == "mentions":
            for m in mentions(folder):
                flag = " F" if m.furniture else ""
                print(
                    f"{m.doc}\t{m.start}\t{m.end}\t{m.measure}{flag}\t{m.expr!r}\t{context(folder, m.doc, m.start, m.end, 60)}"
                )
        elif cmd == "candidates":
            for a, b, why in candidates(folder):
                print(
                    f"== {name}\t{a.doc}\t{a.start}\t{a.end}\t{b.doc}\t{b.start}\t{b.end}\t{a.measure}/{b.measure}\t{why}"
                )
                print("   A", context(folder, a.doc, a.start, a.end, 110))
                print("   B", context(folder, b.doc, b.start, b.end, 110))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
