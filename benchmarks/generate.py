"""Scale the seed articles to N documents with varied numbers, dates, outlets and event times.

Copy ``c`` of a seed belongs to a *story*: a few outlets reporting the same event. Each story is shifted
in time (its publication date and every absolute date in the text move by whole months), so stories
that are months apart never align, while neighbouring stories overlap in time and give alignment real
work. Within a story each outlet keeps most numbers and weekdays but changes some of them (a number
scaled up or down, another weekday), so the corpus has real agreements and real conflicts.

With ``undated_share`` (``--undated-share 0.56``, the share of ECB+ articles without a date) that
share of the documents, drawn apart from everything else, gets no publication date in the manifest:
their claims have no event time unless their sentence names one. At 0 (the default) the corpus is
the same as without the option.

Deterministic: the same ``n``, ``seed`` and ``undated_share`` give the same files, byte for byte.

    python benchmarks/generate.py OUT_DIR N [--seed 0] [--undated-share 0.56]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

OUTLETS = (
    "Associated Press", "Reuters", "Agence France-Presse", "PTI", "The Eastern Herald", "BBC News",
    "Al Jazeera", "The Guardian", "The New York Times", "The Washington Post", "Nikkei Asia",
    "South China Morning Post", "The Times of India", "Deutsche Welle", "Le Monde", "El País",
    "The Japan Times", "Yonhap", "Kyodo News", "ABC News", "CNN", "NPR", "Bloomberg", "Axios",
    "Politico", "The Hindu", "Dawn", "The Moscow Times", "Xinhua", "TASS", "Radio Free Asia",
    "The Diplomat", "Defense News", "Jane's", "Stars and Stripes", "The Straits Times",
)  # fmt: skip
OUTLETS_PER_STORY = 6  # copies of one seed that report the same event
CHANGE_NUMBER = 0.12  # chance that an outlet reports a different number
CHANGE_WEEKDAY = 0.08  # chance that an outlet names another weekday

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# "December 1, 2022", "Dec. 1", "September 2022", "September": a month with an optional day and year.
_MONTH_DATE = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b(?P<dot>\.?)"
    r"(?P<day>\s+[0-3]?\d\b(?![,.]\d))?(?P<year>,?\s+(?:19|20)\d\d\b)?"
)
_YEAR = re.compile(r"(?<![\w$.,/-])(?P<year>(?:19|20)\d\d)(?![\w-]|[.,]\d)")
_NUMBER = re.compile(r"(?<![\w.,/-])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?![\w-]|[.,]\d)")
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_FACTORS = (0.5, 0.75, 0.8, 1.25, 1.5, 2.0)


def _shift_month(month: int, year: int | None, months: int) -> tuple[int, int | None]:
    total = month - 1 + months
    return total % 12 + 1, None if year is None else year + total // 12


def _shift_dates(text: str, months: int) -> tuple[str, list[tuple[int, int]]]:
    """Move every month (with its day and year) and every bare year by ``months``; the spans it wrote."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    cursor = 0
    length = 0
    marks: list[tuple[int, int, str]] = []
    for m in _MONTH_DATE.finditer(text):
        abbreviated = len(m["month"]) <= 4 and m["month"] not in ("May", "June", "July")
        number = next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(m["month"][:3]))
        year_text = m["year"]
        year = int(year_text.strip(", \t\n")) if year_text else None
        new_month, new_year = _shift_month(number, year, months)
        name = _MONTHS[new_month - 1]
        name = name[:3] if abbreviated and name not in ("May", "June", "July") else name
        day = m["day"] or ""
        last = calendar.monthrange(new_year or 2001, new_month)[1]
        if day and int(day) > last:
            day = day.replace(day.strip(), str(last))
        tail = "" if year_text is None else year_text.replace(str(year), str(new_year))
        marks.append((m.start(), m.end(), f"{name}{m['dot'] if abbreviated else ''}{day}{tail}"))
    taken = [(s, e) for s, e, _ in marks]
    for m in _YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        year = int(m["year"])
        marks.append((m.start(), m.end(), str(year + (months // 12))))
    for start, end, new in sorted(marks):
        out.append(text[cursor:start])
        length += start - cursor
        out.append(new)
        spans.append((length, length + len(new)))
        length += len(new)
        cursor = end
    out.append(text[cursor:])
    return "".join(out), spans


def _format_like(value: int, original: str) -> str:
    return f"{value:,}" if "," in original or value >= 10_000 else str(value)


def _vary(text: str, protected: list[tuple[int, int]], rng: random.Random) -> str:
    """Change some numbers (never inside a date) and some weekdays, as a different outlet might."""

    def number(m: re.Match[str]) -> str:
        if any(s <= m.start() < e for s, e in protected) or rng.random() >= CHANGE_NUMBER:
            return m.group()
        value = int(m["num"].replace(",", ""))
        if value == 0:
            return m.group()
        changed = max(1, round(value * rng.choice(_FACTORS)))
        return _format_like(changed if changed != value else value + 1, m["num"])

    text = _NUMBER.sub(number, text)

    def weekday(m: re.Match[str]) -> str:
        if rng.random() >= CHANGE_WEEKDAY:
            return m.group()
        return rng.choice([d for d in _WEEKDAYS if d != m.group()])

    return _WEEKDAY.sub(weekday, text)


def generate(n: int, seed: int = 0, undated_share: float = 0.0) -> list[tuple[str, str, dict[str, object]]]:
    """``n`` documents as (file name, text, manifest entry), cycling through the seeds; a share
    ``undated_share`` of them without a publication date."""
    if not 0.0 <= undated_share <= 1.0:
        raise ValueError(f"undated_share must be between 0 and 1, got {undated_share}")
    undated = random.Random(f"undated-{seed}")  # its own stream: the rest of the corpus is unchanged
    manifest = tomllib.loads((SEEDS / "manifest.toml").read_text(encoding="utf-8"))["files"]
    seeds = sorted(p for p in SEEDS.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    rng = random.Random(seed)
    out: list[tuple[str, str, dict[str, object]]] = []
    for index in range(n):
        which, copy = index % len(seeds), index // len(seeds)
        story = copy // OUTLETS_PER_STORY
        meta = manifest.get(seeds[which].name, {})
        shifted, protected = _shift_dates(texts[which], story)
        text = shifted if copy % OUTLETS_PER_STORY == 0 else _vary(shifted, protected, rng)
        entry: dict[str, object] = {"source": rng.choice(OUTLETS)}
        published = meta.get("published")
        if undated_share and undated.random() < undated_share:
            published = None
        if isinstance(published, dt.date):
            month, year = _shift_month(published.month, published.year, story)
            assert year is not None
            last = calendar.monthrange(year, month)[1]
            entry["published"] = published.replace(year=year, month=month, day=min(published.day, last))
        if "title" in meta:
            entry["title"] = meta["title"]
        out.append((f"{seeds[which].stem}_{copy:05d}.txt", text, entry))
    return out


def write_corpus(folder: Path, n: int, seed: int = 0, undated_share: float = 0.0) -> Path:
    """Write ``n`` generated documents and their ``manifest.toml`` into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["# Generated by benchmarks/generate.py from the seeds.", ""]
    for name, text, entry in generate(n, seed, undated_share):
        (folder / name).write_text(text, encoding="utf-8", newline="")
        lines.append(f'[files."{name}"]')
        for key, value in entry.items():
            rendered = value.isoformat() if isinstance(value, dt.date) else '"' + str(value) + '"'
            lines.append(f"{key} = {rendered}")
        lines.append("")
    (folder / "manifest.toml").write_text("\n".join(lines), encoding="utf-8")
    return folder


def main() -> None:
    """Command line: write a generated corpus."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write the documents and manifest.toml into")
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--undated-share",
        type=float,
        default=0.0,
        help="share of documents without a publication date (default 0; ECB+: 0.56)",
    )
    args = parser.parse_args()
    write_corpus(args.out, args.n, args.seed, args.undated_share)


if __name__ == "__main__":
    main()
