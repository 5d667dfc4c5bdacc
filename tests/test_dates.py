"""find_dates and parse_dateline against the golden table tests/cases/dates.toml and the seed articles."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from crosscheck.dates import find_dates, parse_dateline
from crosscheck.model import DateMention

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
TABLE: dict[str, Any] = tomllib.loads((ROOT / "tests" / "cases" / "dates.toml").read_text(encoding="utf-8"))
MANIFEST: dict[str, Any] = tomllib.loads((SEEDS / "manifest.toml").read_text(encoding="utf-8"))["files"]


def _check_invariants(text: str, mentions: tuple[DateMention, ...], start: int, end: int) -> None:
    cursor = start
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.text
        assert cursor <= m.span.start < m.span.end <= end, "mentions must be sorted, disjoint, inside"
        cursor = m.span.end
        v = m.value
        assert (v.earliest is None) == (v.latest is None)
        if v.earliest is not None and v.latest is not None:
            assert v.earliest <= v.latest


@pytest.mark.parametrize("case", TABLE["case"], ids=lambda c: c["sentence"][:50])
def test_golden(case: dict[str, Any]) -> None:
    text: str = case["sentence"]
    published: date | None = case.get("published")
    mentions = find_dates("doc", text, published)
    _check_invariants(text, mentions, 0, len(text))
    got = [
        (m.text, m.value.earliest, m.value.latest, m.value.granularity, m.value.relation) for m in mentions
    ]
    want = [
        (e["text"], e.get("earliest"), e.get("latest"), e["granularity"], e.get("relation", "on"))
        for e in case["expect"]
    ]
    assert got == want


def test_table_is_large_enough() -> None:
    assert len(TABLE["case"]) >= 40


@pytest.mark.parametrize("case", TABLE["negative"], ids=lambda c: c["sentence"][:50])
def test_negative(case: dict[str, Any]) -> None:
    assert find_dates("doc", case["sentence"], case.get("published")) == ()


@pytest.mark.parametrize("case", TABLE["dateline"], ids=lambda c: c["text"].strip()[:40])
def test_dateline(case: dict[str, Any]) -> None:
    assert parse_dateline(case["text"]) == case.get("expected")


def test_region_and_offsets() -> None:
    text = "Headline. The bombers flew on Wednesday. Officials spoke on Thursday."
    start = text.index("The")
    end = text.index("Officials")
    (mention,) = find_dates("d", text, date(2022, 12, 1), start, end)
    assert mention.text == "on Wednesday"
    assert mention.span.start == text.index("on Wednesday")
    assert mention.span.doc_id == "d"


def test_relative_flag_and_no_publication() -> None:
    (rel,) = find_dates("d", "It happened last week.", date(2022, 12, 20))
    assert rel.value.relative and rel.value.resolved
    (unres,) = find_dates("d", "It happened last week.", None)
    assert unres.value.relative and not unres.value.resolved
    (absolute,) = find_dates("d", "It happened on July 17, 2023.", None)
    assert not absolute.value.relative and absolute.value.earliest == date(2023, 7, 17)


def test_deterministic() -> None:
    text = "On Wednesday, Nov. 30, 2022, and in October, bombers flew; since 2019 they fly yearly."
    first = find_dates("d", text, date(2022, 12, 1))
    assert first == find_dates("d", text, date(2022, 12, 1))


def _seed_lines() -> list[tuple[str, str, date, int, int]]:
    out = []
    for name, meta in MANIFEST.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        pos = 0
        for line in text.split("\n"):
            out.append((name, text, meta["published"], pos, pos + len(line)))
            pos += len(line) + 1
    return out


def test_every_seed_line_keeps_invariants() -> None:
    lines = _seed_lines()
    assert len({name for name, *_ in lines}) == 5
    for name, text, published, start, end in lines:
        _check_invariants(text, find_dates(name, text, published, start, end), start, end)


# (seed prefix, a snippet of the line, mention text, earliest, latest)
SEED_EXPECTATIONS = [
    ("000", "bombers on Wednesday flew", "on Wednesday", "2022-11-30", "2022-11-30"),
    ("000", "Nov. 30, 2022", "on Wednesday, Nov. 30, 2022", "2022-11-30", "2022-11-30"),
    ("000", "described Wednesday's", "Wednesday's", "2022-11-30", "2022-11-30"),
    ("000", "In September, Beijing", "In September", "2022-09-01", "2022-09-30"),
    ("000", "on Feb. 24", "on Feb. 24", "2022-02-24", "2022-02-24"),
    ("000", "In a letter Tuesday", "Tuesday", "2022-11-29", "2022-11-29"),
    ("000", "billion in October", "in October", "2022-10-01", "2022-10-31"),
    ("001", "announced on Sunday", "on Sunday", "2023-07-16", "2023-07-16"),
    ("001", "East China last month", "last month", "2023-06-01", "2023-06-30"),
    ("001", "since 2019", "since 2019", "2019-01-01", "2019-12-31"),
    ("001", "Ukraine last year", "last year", "2022-01-01", "2022-12-31"),
    ("001", "(@DaryoEng) July 17, 2023", "July 17, 2023", "2023-07-17", "2023-07-17"),
    ("002", "In November, Russian", "In November", "2022-11-01", "2022-11-30"),
    ("002", "In September, China", "In September", "2022-09-01", "2022-09-30"),
    ("002", "released Monday", "Monday", "2022-12-19", "2022-12-19"),
    ("002", "published on Tuesday", "on Tuesday", "2022-12-20", "2022-12-20"),
    ("002", "challenges in June", "in June", "2022-06-01", "2022-06-30"),
    ("002", "Pacific last week", "last week", "2022-12-12", "2022-12-18"),
    ("002", "to next Tuesday", "from Wednesday to next Tuesday", "2022-12-21", "2022-12-27"),
    ("003", "warplanes Tuesday conducted", "Tuesday", "2022-05-24", "2022-05-24"),
    ("003", "Lavrov said Monday", "Monday", "2022-05-23", "2022-05-23"),
    ("004", "defense ministry on Sunday", "on Sunday", "2023-07-23", "2023-07-23"),
    ("004", "began on Thursday", "on Thursday", "2023-07-20", "2023-07-20"),
    ("004", "Moscow in March", "in March", "2023-03-01", "2023-03-31"),
    ("004", "in the past month", "in the past month", "2023-06-23", "2023-07-23"),
]


@pytest.mark.parametrize(("seed", "snippet", "phrase", "earliest", "latest"), SEED_EXPECTATIONS)
def test_seed_expectations(seed: str, snippet: str, phrase: str, earliest: str, latest: str) -> None:
    (name, text, published, start, end) = next(
        row for row in _seed_lines() if row[0].startswith(seed) and snippet in row[1][row[3] : row[4]]
    )
    mentions = find_dates(name, text, published, start, end)
    match = [m for m in mentions if m.text == phrase]
    assert match, f"{phrase!r} not found in {[m.text for m in mentions]}"
    assert (match[0].value.earliest, match[0].value.latest) == (
        date.fromisoformat(earliest),
        date.fromisoformat(latest),
    )


@pytest.mark.parametrize("snippet", ["a Tu-95 strategic", "Copyright ©"])
def test_seed_traps(snippet: str) -> None:
    for name, text, published, start, end in _seed_lines():
        if snippet in text[start:end]:
            found = {m.text for m in find_dates(name, text, published, start, end)}
            assert not any(("95" in t or "2022" in t or "2023" in t) and "Nov" not in t for t in found)
            return
    pytest.fail(f"snippet {snippet!r} not in the seeds")


def test_named_event_keeps_its_name() -> None:
    """ "Exercise Vostok 2022 (East 2022)" is two year-level dates that keep the event's name, not a bare 2022."""
    name, text, published, start, end = next(
        row for row in _seed_lines() if "Vostok 2022" in row[1][row[3] : row[4]]
    )
    found = [m for m in find_dates(name, text, published, start, end) if "2022" in m.text]
    assert [m.text for m in found] == ["Vostok 2022", "East 2022"]
    assert all(m.value.granularity == "year" and not m.value.relative for m in found)


# One weekday phrase, many sentence shapes: only the tense of the phrase's own clause may move it.
WEEKDAY_SHAPES = [
    ("The driver was arraigned on Saturday.", "2024-11-23"),
    ("The driver, who will face a second charge, was arraigned on Saturday.", "2024-11-23"),
    ("Prosecutors will seek a trial date after the driver was arraigned on Saturday.", "2024-11-23"),
    ("The driver was arraigned on Saturday and will return to court in January.", "2024-11-23"),
    ("Police said the driver was arraigned on Saturday.", "2024-11-23"),
    ("The driver, 31, was formally arraigned on Saturday, his lawyer said.", "2024-11-23"),
    ("The driver will be arraigned on Saturday.", "2024-11-30"),
    ("The driver, who was arrested last week, will be arraigned on Saturday.", "2024-11-30"),
    ("Police said the driver will be arraigned on Saturday.", "2024-11-30"),
    ("The driver, 31, is scheduled to be arraigned on Saturday.", "2024-11-30"),
    ("The driver was charged and will be arraigned on Saturday.", "2024-11-30"),
    ("The driver, police said, will be arraigned on Saturday.", "2024-11-30"),
    ("On Saturday, the driver will be arraigned.", "2024-11-30"),
]


@pytest.mark.parametrize(("sentence", "day"), WEEKDAY_SHAPES, ids=lambda v: str(v)[:50])
def test_one_weekday_phrase_one_day(sentence: str, day: str) -> None:
    mentions = [m for m in find_dates("d", sentence, date(2024, 11, 27)) if "Saturday" in m.text]
    assert [(m.value.earliest, m.value.latest) for m in mentions] == [(date.fromisoformat(day),) * 2]


def test_tense_cues_come_from_the_cue_data() -> None:
    """The forward cues are the hedge "future" cues (less those told from the past) and the [tense] extras."""
    from crosscheck.date_patterns import FORWARD_CUES, PAST_CUES

    data = tomllib.loads((ROOT / "src" / "crosscheck" / "data" / "cues.toml").read_text(encoding="utf-8"))
    past = set(data["tense"]["past"])
    for cue in data["hedge"]["future"] + data["tense"]["forward"]:
        pattern = PAST_CUES if cue in past else FORWARD_CUES
        assert pattern.fullmatch(cue), cue
    assert FORWARD_CUES.search("he is now expected to appear") is not None
    assert FORWARD_CUES.search("he'll appear") is not None
    assert FORWARD_CUES.search("willing to appear") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("İstanbul police said 12 people died yesterday.", [("yesterday", "2023-07-16", "2023-07-16")]),
        ("POLICE SAID 12 PEOPLE DIED YESTERDAY.", [("YESTERDAY", "2023-07-16", "2023-07-16")]),
        ("The 1.5 \u212a rise came three weeks ago.", [("three weeks ago", "2023-06-26", "2023-07-02")]),
    ],
)
def test_date_words_are_found_in_any_case_and_script(text: str, found: list[tuple[str, str, str]]) -> None:
    """A date word is found whatever its case, and in a sentence holding "İ" or the Kelvin sign."""
    dates = find_dates("d", text, date(2023, 7, 17))
    assert [(d.text, str(d.value.earliest), str(d.value.latest)) for d in dates] == found
