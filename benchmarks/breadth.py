"""Breadth of quantity reading on real news: a hand-labelled set from ECB+ and its score.

    python benchmarks/breadth.py                 # score crosscheck on benchmarks/gold/quantities_breadth.jsonl
    python benchmarks/breadth.py --misses        # ... and list every miss of both halves
    python benchmarks/breadth.py mine [N]        # print candidate mentions with context (terminal only)
    python benchmarks/breadth.py build LABELS    # hand labels (kept outside the project) -> the gold file

``mine`` is independent of crosscheck (stdlib regexes only; it neither imports nor runs it): it
prints sentences of ``../shared/dev/ecbplus/*/*.txt`` holding a number with a glued or hyphenated
unit, a range, a fraction, a multiplier, a qualifier, a scale word or a currency, up to N per
pattern spread over the topics. The labels were written by hand from what it printed; the gold file
holds only folder, document, offsets and the expected value (no article text). Offsets index the
file read with ``open(path, encoding="utf-8", newline="").read()``.

Scoring: every gold row is matched with the crosscheck quantity claim (claims.extract, kind
"quantity") overlapping its span the most. *value* is right when the amount (for a range its two
ends) and the unit equal the gold's; *value+qualifier* also needs the bound ("more_than",
"at_least", "approx" for about/nearly, "at_most", "less_than", "range", "exact").
A row with ``"none": true`` is a number that is no quantity ("all but five"): right when no claim
overlaps it. Odd topics are the dev half, even topics the test half.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "dev" / "ecbplus"
GOLD = ROOT / "benchmarks" / "gold" / "quantities_breadth.jsonl"

Row = dict[str, Any]

# --- the miner (stdlib only) ----------------------------------------------------------------------

_NUM_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)"
)
_NUM = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUM_WORD}(?:-{_NUM_WORD})?)"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion))"
PATTERNS: dict[str, re.Pattern[str]] = {
    "glued": re.compile(r"(?<![\w.,$£€-])\d[\d,]*(?:\.\d+)?(?:[a-zA-Z]{1,4}|%)(?![\w-])"),
    "hyphen": re.compile(rf"(?<![\w.,-]){_NUM}-(?:[a-zA-Z]+)(?:-[a-zA-Z]+)*", re.IGNORECASE),
    "range": re.compile(
        rf"(?:\b(?:between|from)\s+)?[$£€]?{_NUM}{_SCALE}?(?:[a-z]{{1,2}}|%)?"
        rf"(?:\s*[-–]\s*|\s+to\s+|\s+and\s+)[$£€]?{_NUM}{_SCALE}?(?:[a-z]{{1,2}}|%)?\b",
        re.IGNORECASE,
    ),
    "fraction": re.compile(
        r"\b(?:(?:a|one|two|three|four|half)[\s-]+)?(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b"
        r"|\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)",
        re.IGNORECASE,
    ),
    "multiplier": re.compile(
        r"\b(?:doubled|tripled|trebled|quadrupled|halved|twice|\w+fold|\w+-fold|dozens?|a\s+dozen|"
        r"hundreds|thousands|half\s+a\s+(?:million|dozen|billion))\b",
        re.IGNORECASE,
    ),
    "qualifier": re.compile(
        rf"\b(?:more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|as\s+many\s+as|nearly|"
        rf"almost|about|around|approximately|roughly|some|over|under|all\s+but|just\s+over|just\s+under|"
        rf"close\s+to|an\s+estimated|upwards\s+of|the\s+age\s+of)\s+[$£€]?{_NUM}{_SCALE}?",
        re.IGNORECASE,
    ),
    "scale": re.compile(rf"[$£€]?\d[\d,]*(?:\.\d+)?(?:{_SCALE}|\s?(?:bn|m|mn|k)\b)", re.IGNORECASE),
}
_SENTENCE = re.compile(r"[^\n.!?]*(?:[.!?]+|\n|$)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _topic(folder: str) -> int:
    return int(folder[1:3])


def half_of(folder: str) -> str:
    return "dev" if _topic(folder) % 2 else "test"


def read(folder: str, doc: str) -> str:
    with open(CORPUS / folder / doc, encoding="utf-8", newline="") as handle:
        return handle.read()


def mine(per_pattern: int) -> None:
    found: dict[str, dict[int, list[tuple[str, str, int, int]]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = read(path.parent.name, path.name)
        for name, pattern in PATTERNS.items():
            for m in pattern.finditer(text):
                if _YEAR.match(m.group()):
                    continue
                found[name][_topic(path.parent.name)].append(
                    (path.parent.name, path.name, m.start(), m.end())
                )
    for name, by_topic in found.items():
        print(f"## {name}")
        shown, depth = 0, 0
        while shown < per_pattern and any(depth < len(v) for v in by_topic.values()):
            for topic in sorted(by_topic):
                rows = by_topic[topic]
                if depth >= len(rows) or shown >= per_pattern:
                    continue
                folder, doc, start, end = rows[depth * 7 % len(rows)]
                text = read(folder, doc)
                lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start)) + 1
                hi_nl = text.find("\n", end)
                hi = len(text) if hi_nl < 0 else hi_nl
                context = text[lo:start] + "[[" + text[start:end] + "]]" + text[end:hi]
                print(f"{folder}\t{doc}\t{start}\t{end}\t{context.strip()[:300]}")
                shown += 1
            depth += 1


def build(labels: Path) -> None:
    """Hand labels -> the gold file. A label line is ``folder doc anchor | phrase | amount bound low high
    unit`` (``-`` for none) or ``folder doc anchor | phrase | none``; the phrase is looked up nearest to
    the anchor offset and only its offsets are written, never the phrase."""
    rows: list[Row] = []
    for line in labels.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        where, phrase, value = (part.strip() for part in line.split(" | "))
        folder, doc, anchor = where.split()
        text = read(folder, doc)
        hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
        if not hits:
            raise SystemExit(f"{folder}/{doc}: phrase not found near {anchor}")
        start = min(hits, key=lambda h: abs(h - int(anchor)))
        row: Row = {"folder": folder, "doc": doc, "start": start, "end": start + len(phrase)}
        if value == "none":
            row["none"] = True
        else:
            amount, bound, low, high, unit = value.split()
            Decimal(amount)
            assert bound in ("exact", "more_than", "at_least", "approx", "at_most", "less_than", "range")
            row.update(amount=amount, bound=bound, unit=None if unit == "-" else unit)
            if bound == "range":
                row.update(low=low, high=high)
        rows.append(row)
    rows.sort(key=lambda r: (r["folder"], r["doc"], r["start"]))
    seen: set[tuple[str, str, int]] = set()
    with GOLD.open("w", encoding="utf-8") as out:
        for number, row in enumerate(rows, 1):
            key = (row["folder"], row["doc"], row["start"])
            assert key not in seen, key
            seen.add(key)
            row = {"id": f"b{number:03d}", "half": half_of(row["folder"]), **row}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows -> {GOLD.relative_to(ROOT)}")


# --- scoring ----------------------------------------------------------------------------------------


def load_gold() -> list[Row]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _dec(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _claims(folder: str, doc: str) -> list[Any]:
    from crosscheck.claims import extract
    from crosscheck.model import Document

    text = read(folder, doc)
    document = Document(id=doc.removesuffix(".txt"), text=text, path=str(CORPUS / folder / doc))
    out = [c for c in extract(document) if c.kind == "quantity"]
    for c in out:
        assert text[c.span.start : c.span.end] == c.text
    return out


def score(show_misses: bool) -> None:
    gold = load_gold()
    by_doc: dict[tuple[str, str], list[Any]] = {}
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # rows, value, value+qualifier, unit
    misses: dict[str, list[str]] = defaultdict(list)
    for row in gold:
        key = (row["folder"], row["doc"])
        if key not in by_doc:
            by_doc[key] = _claims(*key)
        start, end = row["start"], row["end"]
        best, overlap = None, 0
        for c in by_doc[key]:
            o = min(end, c.span.end) - max(start, c.span.start)
            if o > overlap:
                best, overlap = c, o
        half = half_of(row["folder"])
        counts = tally[half]
        counts[0] += 1
        if row.get("none"):
            ok = best is None
            counts[1] += ok
            counts[2] += ok
            counts[3] += ok
            if not ok and show_misses:
                misses[half].append(f"{row['id']}: no quantity expected, got {best.text!r}")
            continue
        got = "nothing" if best is None else _describe(best.value)
        want = _want(row)
        value_ok = unit_ok = both_ok = False
        if best is not None:
            v = best.value
            lo, hi = _dec(row.get("low")), _dec(row.get("high"))
            if row["bound"] == "range":
                value_ok = v.interval.low == lo and v.interval.high == hi
            else:
                value_ok = v.amount == Decimal(row["amount"])
            unit_ok = v.unit == row.get("unit")
            value_ok = value_ok and unit_ok
            both_ok = value_ok and v.bound == row["bound"]
        counts[1] += value_ok
        counts[2] += both_ok
        counts[3] += unit_ok
        if not both_ok and show_misses:
            text = read(row["folder"], row["doc"])[start:end]
            misses[half].append(f"{row['id']} {text!r}: want {want}, got {got}")
    print("| half | rows | value | value+qualifier | unit |")
    print("|------|-----:|------:|----------------:|-----:|")
    for half in ("dev", "test"):
        n, v, b, u = tally[half]
        print(f"| {half} | {n} | {v / n:.0%} ({v}) | {b / n:.0%} ({b}) | {u / n:.0%} ({u}) |")
    for half in ("dev", "test"):
        for line in misses[half]:
            print(f"{half} miss {line}")


def _want(row: Row) -> str:
    return f"{row['amount']} {row['bound']} [{row.get('low')}, {row.get('high')}] {row.get('unit')}"


def _describe(v: Any) -> str:
    return f"{v.amount} {v.bound} [{v.interval.low}, {v.interval.high}] {v.unit}"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["build"]:
        build(Path(args[1]))
        return
    if args[:1] == ["mine"]:
        mine(int(args[1]) if len(args) > 1 else 40)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true")
    score(parser.parse_args(args).misses)


if __name__ == "__main__":
    main()
