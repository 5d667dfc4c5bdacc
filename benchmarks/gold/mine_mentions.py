"""Mine quantity, ordinal and date mentions in whole ECB+ articles, and build the mention gold (stdlib only).

Usage:
  python benchmarks/gold/mine_mentions.py show DOC...      # the article with every candidate marked [n ...]
  python benchmarks/gold/mine_mentions.py draft DOC...     # one draft label line per candidate (to edit)
  python benchmarks/gold/mine_mentions.py build LABELS...  # hand-edited label lines -> mentions.jsonl
  python benchmarks/gold/mine_mentions.py verify           # every span against its surface, ids, labels, split

DOC is a document id as the corpus names it ("8_10ecbplus"); its folder is found from the id. Independent of
crosscheck: it neither imports nor runs it. `show` prints article text on the terminal only; `draft` prints
the candidate's offsets, its short surface string and a first guess of its label (this module's own regex
reading), which is then read against the article and corrected by hand. Nothing but ids, offsets, the short
mention strings, labels and notes is written to mentions.jsonl.

A label line:
  DOC START END | SURFACE | LABEL | NOTE
START END are offsets into the file read with open(path, encoding="utf-8", newline="").read(); when SURFACE
is edited, the build looks for it overlapping START..END (or nearest to START), so a span is widened or
narrowed by editing its surface. START may be "?" (search the whole document; the surface must be unique)
or "?N" (the occurrence nearest to N). LABEL is one of
  q VALUE BOUND UNIT COUNTED     quantity; VALUE "12" or "5..7" (range); UNIT "-" for a plain count
  o VALUE - - COUNTED            ordinal
  d START END [GRAN] [REL]       date resolved to [START, END] (ISO) or "null null" (unresolvable)
  x REASON                       a number or date word that is not a claim (time, phone, name, ...)
A kind written with a trailing "?" (q?, o?, d?) is optional: neither a miss when not found nor a false
positive when found (referential "the two men", ranks, borderline idioms). A line starting with "-" is dropped
(a candidate that is no mention at all, e.g. a mined word inside a longer mention already labelled).
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "dev" / "ecbplus"
OUT = HERE / "mentions.jsonl"
KINDS = {"quantity", "ordinal", "date", "none"}
BOUNDS = {"exact", "more_than", "at_least", "approx", "at_most", "less_than", "range"}
GRANULARITIES = {"day", "week", "month", "year", "range"}
RELATIONS = {"on", "since", "until"}

UNITS = {
    "zero": 0,
    "one": 1,
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
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
    "hundredth": 100,
}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}

WORD_UNIT = "|".join(sorted(UNITS, key=len, reverse=True))
WORD_TENS = "|".join(TENS)
WORD_NUM = rf"(?:(?:{WORD_TENS})(?:[- ](?:{WORD_UNIT}))?|{WORD_UNIT})"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|m)\b"
QUALIFIERS = {
    "more than": "more_than",
    "over": "more_than",
    "just over": "more_than",
    "upwards of": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "nearly": "approx",
    "almost": "approx",
    "close to": "approx",
    "up to": "at_most",
    "as many as": "at_most",
    "as much as": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
}
QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
VAGUE = {
    "a dozen": 12,
    "half a dozen": 6,
    "dozens": None,
    "hundreds": None,
    "thousands": None,
    "millions": None,
    "a handful": None,
    "a hundred": 100,
    "a thousand": 1000,
    "a million": 10**6,
    "a couple": 2,
    "a pair": 2,
    "half": 0.5,
    "twice": 2,
    "thrice": 3,
    "tens of thousands": None,
    "scores of": None,
}
VAGUE_RE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
NUMBER = re.compile(
    rf"(?<![\w$.,/:])(?<![0-9]-)(?:(?P<qual>{QUAL}) +)?"
    rf"(?:(?P<cur>US\$|\$|€|£) ?)?"
    rf"(?P<num>(?:{DIGITS})(?:\s?{SCALE})?|(?:{WORD_NUM})(?:[\s-]{SCALE})?|{VAGUE_RE}"
    rf"|(?:one|two|three)[- ](?:half|halves|third|thirds|quarter|quarters)|a (?:half|third|quarter))"
    rf"(?P<unit>%| ?percent| per cent|-year-old|-years-old| years? old|-[a-z]+)?"
    rf"(?![\w])",
    re.IGNORECASE,
)
ORDINAL = re.compile(
    rf"(?<![\w-])(?:{'|'.join(ORDINALS)}|\d+(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty)-(?:first|second|third|"
    rf"fourth|fifth|sixth|seventh|eighth|ninth))(?![\w])",
    re.IGNORECASE,
)
MONTH_RE = "|".join(sorted((m for m in MONTHS), key=len, reverse=True))
DATE = re.compile(
    rf"(?<![\w])(?:(?:on|in|since|until|by|from|last|this|next|early|late) )?"
    rf"(?:(?:{'|'.join(WEEKDAYS)})(?:'s)?(?:,? (?:{MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?)?"
    rf"(?: (?:morning|afternoon|evening|night))?"
    rf"|(?:{MONTH_RE})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{MONTH_RE})\.?(?:,? \d{{4}})?"
    rf"|(?:{MONTH_RE})\.?(?:,? \d{{4}})?"
    rf"|yesterday(?: (?:morning|afternoon|evening))?|today|tonight|tomorrow|this (?:morning|afternoon|evening)"
    rf"|last night|(?:last|this|next|past) (?:week|month|year|weekend|season|decade)"
    rf"|(?:[\w-]+ )(?:days?|weeks?|months?|years?|decades?) ago|recent(?:ly| years| months| weeks| days)"
    rf"|(?:1[89]|20)\d\d(?:s)?)(?![\w])",
    re.IGNORECASE,
)
FURNITURE = re.compile(
    r"\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b\.?|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.m\.|\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}|"
    r"(?:image|photo|slide|picture|page)\s+\d+\s+of\s+\d+",
    re.I,
)
_STOP_WORDS = """a an the and or but of to in on at by for with from into as than that this these those it its
their they he she his her we our is are was were be been has have had do did will would can could may might not
no so also very more most less about up down out off just only even still who which what when where while after
before since until during between among said says told according including if dead killed injured wounded died
hurt missing arrested later earlier ago old"""
STOP = set(_STOP_WORDS.split())
UNIT_WORDS = {
    "year": "year",
    "years": "year",
    "month": "month",
    "months": "month",
    "week": "week",
    "weeks": "week",
    "day": "day",
    "days": "day",
    "hour": "hour",
    "hours": "hour",
    "minute": "minute",
    "minutes": "minute",
    "seconds": "second",
    "miles": "mile",
    "mile": "mile",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "feet": "ft",
    "foot": "ft",
    "metres": "m",
    "meters": "m",
    "percent": "percent",
    "%": "percent",
    "magnitude": "magnitude",
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "acres": "acre",
}


def corpus_path(doc: str) -> Path:
    m = re.match(r"^(\d+)_\d+(ecbplus|ecb)$", doc)
    if not m:
        raise SystemExit(f"not an ECB+ document id: {doc}")
    return CORPUS / f"t{int(m.group(1)):02d}-{m.group(2)}" / f"{doc}.txt"


def read(doc: str) -> str:
    with open(corpus_path(doc), encoding="utf-8", newline="") as fh:
        return fh.read()


def published(doc: str) -> dt.date | None:
    path = corpus_path(doc)
    data = tomllib.loads((path.parent / "manifest.toml").read_text(encoding="utf-8"))
    got = data.get("files", {}).get(path.name, {}).get("published")
    return got if isinstance(got, dt.date) else None


def topic_of(doc: str) -> int:
    return int(doc.split("_")[0])


def half_of(doc: str) -> str:
    return "dev" if topic_of(doc) % 2 else "test"


# --- reading a number -----------------------------------------------------------------------------


def number_value(text: str) -> float | None:
    t = text.lower().replace(",", "").strip()
    if t in VAGUE:
        return VAGUE[t]
    frac = re.match(r"^(a|one|two|three)[- ](half|halves|third|thirds|quarter|quarters)$", t)
    if frac:
        den = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}[frac.group(2)]
        return {"a": 1, "one": 1, "two": 2, "three": 3}[frac.group(1)] / den
    m = re.match(r"^(\d+(?:\.\d+)?)[\s-]?(hundred|thousand|million|billion|trillion|bn|m)?$", t)
    if m:
        scale = {"bn": "billion", "m": "million"}.get(m.group(2) or "", m.group(2) or "")
        return float(m.group(1)) * SCALES.get(scale, 1)
    total = 0.0
    for w in re.split(r"[\s-]+", t):
        if w in UNITS:
            total += UNITS[w]
        elif w in TENS:
            total += TENS[w]
        elif w in SCALES:
            total = (total or 1) * SCALES[w]
        else:
            return None
    return total


def fmt(value: float | None) -> str:
    if value is None:
        return "null"
    return str(int(value)) if float(value).is_integer() else repr(value)


# --- resolving a date against the publication date ----------------------------------------------------


def resolve(expr: str, pub: dt.date | None) -> tuple[str, str, str]:
    """(start, end, granularity) as a first guess; 'null' when it needs a publication date that is missing."""
    e = expr.lower().rstrip("'s")
    e = re.sub(r"^(on|in|since|until|by|from|early|late) ", "", e)
    full = re.search(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", e) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MONTH_RE})\.?,? (\d{{4}})", e
    )
    if full:
        g = full.groups()
        month, day = (g[0], g[1]) if not g[0].isdigit() else (g[1], g[0])
        d = dt.date(int(g[2]), MONTHS[month], int(day))
        return d.isoformat(), d.isoformat(), "day"
    md = re.search(rf"\b({MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b", e) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({MONTH_RE})\b", e
    )
    if md:
        g = md.groups()
        month, day = (g[0], g[1]) if not g[0].isdigit() else (g[1], g[0])
        if pub is None:
            return "null", "null", "day"
        year = pub.year if MONTHS[month] <= pub.month else pub.year - 1
        d = dt.date(year, MONTHS[month], int(day))
        return d.isoformat(), d.isoformat(), "day"
    my = re.search(rf"\b({MONTH_RE})\.?,? (\d{{4}})$", e)
    if my:
        y, mo = int(my.group(2)), MONTHS[my.group(1)]
        return (
            dt.date(y, mo, 1).isoformat(),
            dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat(),
            "month",
        )
    bare_year = re.fullmatch(r"(?:last |this |next )?((?:1[89]|20)\d\d)", e)
    if bare_year:
        y = int(bare_year.group(1))
        return f"{y}-01-01", f"{y}-12-31", "year"
    if pub is None:
        return "null", "null", "day"
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", e):
            d = pub - dt.timedelta(days=(pub.weekday() - wd) % 7)
            if e.startswith("next"):
                d += dt.timedelta(days=7)
            return d.isoformat(), d.isoformat(), "day"
    if e in MONTHS:
        mo = MONTHS[e]
        y = pub.year if mo <= pub.month else pub.year - 1
        return (
            dt.date(y, mo, 1).isoformat(),
            dt.date(y, mo, calendar.monthrange(y, mo)[1]).isoformat(),
            "month",
        )
    if e.startswith("yesterday") or e == "last night":
        d = pub - dt.timedelta(days=1)
        return d.isoformat(), d.isoformat(), "day"
    if e in ("today", "tonight") or e.startswith("this "):
        if e in ("this week",):
            monday = pub - dt.timedelta(days=pub.weekday())
            return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
        if e == "this year":
            return f"{pub.year}-01-01", f"{pub.year}-12-31", "year"
        return pub.isoformat(), pub.isoformat(), "day"
    if e == "tomorrow":
        d = pub + dt.timedelta(days=1)
        return d.isoformat(), d.isoformat(), "day"
    if e == "last week":
        monday = pub - dt.timedelta(days=pub.weekday() + 7)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat(), "week"
    if e == "last year":
        return f"{pub.year - 1}-01-01", f"{pub.year - 1}-12-31", "year"
    if e == "last month":
        first = pub.replace(day=1) - dt.timedelta(days=1)
        return first.replace(day=1).isoformat(), first.isoformat(), "month"
    return "null", "null", "range"


# --- mining ------------------------------------------------------------------------------------------


def _extend_noun(text: str, end: int) -> int:
    """End of a counted noun phrase after a number: up to three content words."""
    pos, best = end, end
    for _ in range(3):
        m = re.match(r" ([A-Za-z][A-Za-z-]*)", text[pos:])
        if not m or m.group(1).lower() in STOP or m.group(1)[0].isupper():
            break
        pos += m.end()
        best = pos
        if m.group(1).lower().endswith("s") or m.group(1).lower() in ("people", "police", "men", "women"):
            break
    return best


def mine(doc: str) -> list[dict[str, Any]]:
    text = read(doc)
    pub = published(doc)
    cands: list[dict[str, Any]] = []
    for m in FURNITURE.finditer(text):
        cands.append({"start": m.start(), "end": m.end(), "label": "x time_or_furniture"})
    for m in DATE.finditer(text):
        surface = m.group(0)
        if re.fullmatch(
            r"(?i)(on|in|by|from|this|next|last|early|late|may|march|sun|sat|wed|dec) ?", surface
        ):
            continue
        if re.fullmatch(r"(?i)may|march|sat|sun|dec", surface) and not surface[0].isupper():
            continue
        first, last, gran = resolve(surface, pub)
        rel = (
            "since"
            if surface.lower().startswith("since")
            else "until"
            if surface.lower().startswith("until")
            else ""
        )
        cands.append({"start": m.start(), "end": m.end(), "label": f"d {first} {last} {gran} {rel}".rstrip()})
    for m in ORDINAL.finditer(text):
        rank = ORDINALS.get(m.group(0).lower()) or (
            int(re.sub(r"\D", "", m.group(0))) if m.group(0)[0].isdigit() else 0
        )
        end = _extend_noun(text, m.end())
        start = m.start()
        lead = re.search(r"(?i)\b(the|a|its|their|his|her) $", text[max(0, start - 6) : start])
        cands.append({"start": start, "end": end, "label": f"o {rank} - - {'det' if lead else 'nodet'}"})
    for m in NUMBER.finditer(text):
        num = m.group("num")
        if re.fullmatch(r"(?:1[89]|20)\d\d", num) and not m.group("cur") and not m.group("unit"):
            continue  # a year: mined as a date
        value = number_value(num)
        bound = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
        unit = "-"
        suffix = (m.group("unit") or "").lower().strip()
        if m.group("cur"):
            unit = CURRENCY[m.group("cur").lower()]
        elif suffix in ("%", "percent", "per cent"):
            unit = "percent"
        elif "year" in suffix and "old" in suffix:
            unit = "year_of_age"
        elif suffix.startswith("-"):
            unit = UNIT_WORDS.get(suffix[1:], "-")
        end = m.end()
        after = re.match(r" ([a-z%]+)", text[end:])
        if unit == "-" and after and after.group(1) in UNIT_WORDS:
            unit = UNIT_WORDS[after.group(1)]
            if unit == "year" and re.match(r" years? old", text[end:]):
                unit = "year_of_age"
        if re.match(r",? \d", text[m.end() :]) and value is not None and value < 32:
            pass
        noun_end = _extend_noun(text, end)
        counted = text[end:noun_end].strip().split(" ")[-1] if noun_end > end else "-"
        cands.append(
            {"start": m.start(), "end": noun_end, "label": f"q {fmt(value)} {bound} {unit} {counted or '-'}"}
        )
    cands.sort(key=lambda c: (c["start"], -c["end"]))
    kept: list[dict[str, Any]] = []
    for c in cands:
        if kept and c["start"] < kept[-1]["end"]:
            if c["end"] > kept[-1]["end"] and c["label"][0] == kept[-1]["label"][0]:
                kept[-1]["end"] = c["end"]
            continue
        kept.append(c)
    for c in kept:
        c["surface"] = text[c["start"] : c["end"]]
    return kept


def show(doc: str) -> None:
    text = read(doc)
    cands = mine(doc)
    out, pos = [], 0
    for i, c in enumerate(cands):
        out.append(text[pos : c["start"]])
        out.append(f"[{i}:{text[c['start'] : c['end']]}]")
        pos = c["end"]
    out.append(text[pos:])
    print(f"### {doc} published={published(doc)} half={half_of(doc)}")
    print("".join(out))


def draft(doc: str) -> None:
    for i, c in enumerate(mine(doc)):
        surface = c["surface"].replace("\n", " ")
        print(f"{doc} {c['start']} {c['end']} | {surface} | {c['label']} | #{i}")


# --- building and verifying the gold --------------------------------------------------------------------


def _find(text: str, surface: str, start_field: str, end: int | None) -> int:
    hits = [m.start() for m in re.finditer(re.escape(surface), text)]
    if not hits:
        raise ValueError(f"surface {surface!r} not in the document")
    if start_field == "?":
        if len(hits) != 1:
            raise ValueError(f"surface {surface!r} occurs {len(hits)} times: give ?N")
        return hits[0]
    near = int(start_field.lstrip("?"))
    if end is not None:
        over = [h for h in hits if h < end and near < h + len(surface)]
        if over:
            return min(over, key=lambda h: abs(h - near))
    return min(hits, key=lambda h: abs(h - near))


def parse_label(label: str) -> dict[str, Any]:
    parts = label.split()
    kind_code, optional = parts[0].rstrip("?"), parts[0].endswith("?")
    row: dict[str, Any] = {}
    if kind_code == "x":
        row.update(kind="none", reason=" ".join(parts[1:]) or "not a claim")
    elif kind_code in ("q", "o"):
        value, bound, unit, counted = (parts[1:] + ["-"] * 4)[:4]
        row["kind"] = "quantity" if kind_code == "q" else "ordinal"
        if ".." in value:
            low, high = value.split("..")
            row.update(low=json.loads(low), high=json.loads(high), value=None)
            bound = "range" if bound in ("-", "exact") else bound
        else:
            row["value"] = json.loads(value)
        row["bound"] = "exact" if bound == "-" else bound
        row["unit"] = None if unit == "-" else unit
        row["counted"] = None if counted == "-" else counted.replace("_", " ")
    elif kind_code == "d":
        start, end = (None if p == "null" else p for p in parts[1:3])
        gran = parts[3] if len(parts) > 3 else ("day" if start and start == end else "range")
        rel = parts[4] if len(parts) > 4 else "on"
        row.update(kind="date", resolved=[start, end] if start else None, granularity=gran, relation=rel)
    else:
        raise ValueError(f"unknown kind {parts[0]!r}")
    if optional:
        row["optional"] = True
    return row


def build(paths: list[str]) -> None:
    rows: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    errors = 0
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith(("#", "-")):
                continue
            try:
                head, surface, label, *rest = (p.strip() for p in line.split("|"))
                doc, start_field, *end_fields = head.split()
                end_field = end_fields[0] if end_fields else "?"
                text = texts.setdefault(doc, read(doc))
                end_hint = None if end_field in ("?", "-") else int(end_field)
                if start_field.startswith("?") or text[int(start_field) : int(end_field)] != surface:
                    start = _find(text, surface, start_field, end_hint)
                else:
                    start = int(start_field)
                row: dict[str, Any] = {"doc": doc, "folder": corpus_path(doc).parent.name, "start": start}
                row["end"] = start + len(surface)
                row["text"] = surface
                row.update(parse_label(label))
                note = (rest[0] if rest else "").lstrip("#0123456789 ").strip()
                if note:
                    row["note"] = note
                row["half"] = half_of(doc)
                rows.append(row)
            except (ValueError, IndexError) as exc:
                errors += 1
                print(f"{path}:{n}: {exc}: {line}", file=sys.stderr)
    if errors:
        raise SystemExit(f"{errors} bad label lines; nothing written")
    rows.sort(key=lambda r: (topic_of(r["doc"]), r["folder"], r["doc"], r["start"]))
    seen: set[tuple[str, int, int]] = set()
    for i, row in enumerate(rows, 1):
        key = (str(row["doc"]), int(row["start"]), int(row["end"]))
        if key in seen:
            raise SystemExit(f"duplicate span {key}")
        seen.add(key)
        row["id"] = f"m{i:04d}"
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            ordered = {"id": row.pop("id"), **row}
            fh.write(json.dumps(ordered, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} mentions to {OUT}")
    verify()


def load(path: Path = OUT) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def verify(path: Path = OUT) -> int:
    """Check every row: span text, ids, labels, halves, overlaps. Returns the number of problems."""
    problems: list[str] = []
    rows = load(path)
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc"], []).append(r)
        try:
            text = read(r["doc"])
        except (OSError, SystemExit) as exc:
            problems.append(f"{r['id']}: {exc}")
            continue
        if text[r["start"] : r["end"]] != r["text"]:
            problems.append(f"{r['id']}: span {r['start']}:{r['end']} is not {r['text']!r}")
        if len(r["text"]) > 60:
            problems.append(f"{r['id']}: surface longer than 60 characters")
        if r["folder"] != corpus_path(r["doc"]).parent.name:
            problems.append(f"{r['id']}: folder {r['folder']} does not hold {r['doc']}")
        if r["half"] != half_of(r["doc"]):
            problems.append(f"{r['id']}: half {r['half']} (odd topics dev, even test)")
        if r["kind"] not in KINDS:
            problems.append(f"{r['id']}: kind {r['kind']}")
        if r["kind"] in ("quantity", "ordinal"):
            if r["bound"] not in BOUNDS:
                problems.append(f"{r['id']}: bound {r['bound']}")
            if (r["bound"] == "range") != ("low" in r):
                problems.append(f"{r['id']}: a range needs low/high and bound range")
        if r["kind"] == "date":
            if r["granularity"] not in GRANULARITIES or r["relation"] not in RELATIONS:
                problems.append(f"{r['id']}: granularity/relation {r['granularity']}/{r['relation']}")
            res = r["resolved"]
            if res is not None:
                d0, d1 = (dt.date.fromisoformat(x) for x in res)
                if d0 > d1:
                    problems.append(f"{r['id']}: resolved range reversed")
    for doc, of_doc in by_doc.items():
        of_doc.sort(key=lambda r: r["start"])
        for a, b in itertools.pairwise(of_doc):
            if b["start"] < a["end"]:
                problems.append(f"{a['id']}/{b['id']}: overlapping spans in {doc}")
    for p in problems:
        print(p, file=sys.stderr)
    kinds: dict[tuple[str, str], int] = {}
    for r in rows:
        kinds[(r["half"], r["kind"])] = kinds.get((r["half"], r["kind"]), 0) + 1
    topics = {topic_of(r["doc"]) for r in rows}
    print(
        f"{len(rows)} mentions in {len(by_doc)} documents, {len(topics)} topics; "
        + ", ".join(f"{h}/{k} {n}" for (h, k), n in sorted(kinds.items()))
        + f"; {len(problems)} problems"
    )
    return len(problems)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("show", "draft", "build", "verify"):
        print(__doc__)
        return 2
    cmd, args = argv[0], argv[1:]
    if cmd == "show":
        for doc in args:
            show(doc)
    elif cmd == "draft":
        for doc in args:
            draft(doc)
    elif cmd == "build":
        build(args)
    else:
        return 1 if verify() else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
