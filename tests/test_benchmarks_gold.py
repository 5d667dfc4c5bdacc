"""The ECB+ gold: mention spans (mentions.jsonl), the count pair sets and the date2 pairs match the corpus.

The articles are not part of the project; the check runs only where ../shared/dev/ecbplus/ is present.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import crosscheck

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
CORPUS = ROOT.parent / "shared" / "dev" / "ecbplus"


def _miner(name: str = "mine_mentions") -> Any:
    spec = importlib.util.spec_from_file_location(name, GOLD / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def test_mention_rows_hold_no_article_text() -> None:
    rows = [json.loads(line) for line in (GOLD / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len([r for r in rows if r["kind"] != "none" and not r.get("optional")]) >= 600
    assert all(len(r["text"]) <= 60 and r["end"] - r["start"] == len(r["text"]) for r in rows)
    assert {r["half"] for r in rows} == {"dev", "test"}


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the ECB+ corpus is not at ../shared/dev/ecbplus (not shipped)"
)
def test_mention_gold_verifies_against_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    assert _miner().verify() == 0, capsys.readouterr().err


def test_count2_pairs_are_a_new_set_of_short_spans_in_unlabelled_folders() -> None:
    rows = [
        json.loads(line) for line in (GOLD / "count2_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    old = {
        json.loads(line)["folder"]
        for line in (GOLD / "count_pairs.jsonl").read_text(encoding="utf-8").splitlines()
    }
    folders = {r["folder"] for r in rows}
    assert len(rows) >= 200 and len(folders) >= 14 and not folders & old
    per_folder = max(sum(r["folder"] == f for r in rows) for f in folders)
    assert per_folder <= 0.12 * len(rows)
    halves = [r["half"] for r in rows]
    assert abs(halves.count("dev") - halves.count("test")) <= 0.1 * len(rows)
    assert all(r["batch"] == "s21" and r["kind"] == "count" and r["a"]["doc"] != r["b"]["doc"] for r in rows)
    assert all(len(r["value_a"]) <= 40 and len(r["value_b"]) <= 40 for r in rows)
    assert [r["id"] for r in rows] == [f"k{i:04d}" for i in range(1, len(rows) + 1)]
    assert {r["label"] for r in rows} == {"same_value", "different_value", "different_fact"}


def _rows(name: str) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def test_count3_pairs_are_a_new_set_of_short_spans_in_unlabelled_folders() -> None:
    rows = _rows("count3_pairs.jsonl")
    old = {r["folder"] for r in _rows("count_pairs.jsonl") + _rows("count2_pairs.jsonl")}
    folders = {r["folder"] for r in rows}
    assert len(rows) >= 60 and len(folders) == 8 and not folders & old
    assert {r["half"] for r in rows} == {"dev", "test"}
    assert all(r["half"] == ("dev" if int(r["topic"][1:]) % 2 else "test") for r in rows)
    assert all(r["batch"] == "s23" and r["kind"] == "count" and r["a"]["doc"] != r["b"]["doc"] for r in rows)
    assert all(len(r["value_a"]) <= 40 and len(r["value_b"]) <= 40 for r in rows)
    assert [r["id"] for r in rows] == [f"n{i:04d}" for i in range(1, len(rows) + 1)]
    assert {r["label"] for r in rows} == {"same_value", "different_value", "different_fact"}


def test_count5_pairs_are_a_new_set_of_short_spans_in_unlabelled_folders() -> None:
    rows = _rows("count5_pairs.jsonl")
    earlier = ("count_pairs.jsonl", "count2_pairs.jsonl", "count3_pairs.jsonl", "count4_pairs.jsonl")
    old = {r["folder"] for name in earlier for r in _rows(name)}
    folders = {r["folder"] for r in rows}
    assert len(rows) >= 60 and len(folders) == 6 and not folders & old
    assert all(sum(r["folder"] == f for r in rows) <= 25 for f in folders)
    assert {r["half"] for r in rows} == {"dev", "test"}
    assert all(r["half"] == ("dev" if int(r["topic"][1:]) % 2 else "test") for r in rows)
    assert all(r["batch"] == "s26" and r["kind"] == "count" and r["a"]["doc"] != r["b"]["doc"] for r in rows)
    assert all(len(r["value_a"]) <= 40 and len(r["value_b"]) <= 40 for r in rows)
    assert all(len(r["note"]) <= 120 for r in rows)  # short notes in our own words, no article sentences
    assert [r["id"] for r in rows] == [f"p{i:04d}" for i in range(1, len(rows) + 1)]
    assert {r["label"] for r in rows} == {"same_value", "different_value", "different_fact"}


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the ECB+ corpus is not at ../shared/dev/ecbplus (not shipped)"
)
@pytest.mark.parametrize("check", ["verify2", "verify3", "verify4", "verify5"])
def test_the_fresh_count_sets_verify_against_the_corpus(
    check: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """count2_pairs (verify2), count3_pairs (verify3), count4_pairs (verify4) and count5_pairs (verify5) are
    what their TSVs build, and every span holds."""
    assert getattr(_miner("mine_counts"), check)() == 0, capsys.readouterr().err


def test_date2_pairs_are_a_new_set_of_short_spans_in_unlabelled_folders() -> None:
    rows = _rows("date2_pairs.jsonl")
    old = {r["folder"] for r in _rows("date_pairs.jsonl")}
    folders = {r["folder"] for r in rows}
    assert len(rows) >= 120 and len(folders) == 21 and not folders & old
    assert {r["half"] for r in rows} == {"dev", "test"}
    assert all(r["half"] == ("dev" if int(r["topic"][1:]) % 2 else "test") for r in rows)
    assert all(r["folder"].startswith(r["topic"] + "-") for r in rows)
    assert all(r["batch"] == "s25" and r["kind"] == "date" and r["a"]["doc"] != r["b"]["doc"] for r in rows)
    assert all(0 < len(r["value_a"]) <= 40 and 0 < len(r["value_b"]) <= 40 for r in rows)
    assert all(r["a"]["end"] - r["a"]["start"] == len(r["value_a"]) for r in rows)
    assert all(r["b"]["end"] - r["b"]["start"] == len(r["value_b"]) for r in rows)
    assert all(len(r["note"]) <= 120 for r in rows)  # short notes in our own words, no article sentences
    assert [r["id"] for r in rows] == [f"e{i:04d}" for i in range(1, len(rows) + 1)]
    keys = [(r["folder"], r["a"]["doc"], r["a"]["start"], r["b"]["doc"], r["b"]["start"]) for r in rows]
    assert keys == sorted(keys)
    pairs = {frozenset([(k[0], k[1], k[2]), (k[0], k[3], k[4])]) for k in keys}
    assert len(pairs) == len(rows)  # no pair listed twice, in either order
    assert {r["label"] for r in rows} == {"same_value", "different_value", "different_fact"}
    tags = {"weekday", "relative", "undated", "gates", "furniture", "future", "headline"}
    assert all(set(r["tags"]) <= tags for r in rows)


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the ECB+ corpus is not at ../shared/dev/ecbplus (not shipped)"
)
def test_the_date2_set_verifies_against_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    """date2_pairs.jsonl is what mine_dates.py build2 makes of date2_labels.tsv, and every span holds."""
    assert _miner("mine_dates").verify2() == 0, capsys.readouterr().err


def _pairs_benchmark() -> Any:
    spec = importlib.util.spec_from_file_location("pairs_benchmark", GOLD.parent / "pairs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("pairs_benchmark", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("text_b", "label", "lost"),
    [
        ("The fire injured three people on Monday, police said.", "same_value", "hard rule slots"),
        ("The fire killed three people on Monday, police said.", "same_value", ""),
        ("The fire killed four people on Monday, police said.", "same_value", "one group, read clashing"),
        ("Tickets cost three dollars at the fair on Monday.", "same_value", "other blocks"),
    ],
)
def test_the_pairs_benchmark_says_where_a_missed_pair_was_lost(text_b: str, label: str, lost: str) -> None:
    """`pairs.py` tells, for each missed gold pair, the stage that lost it: what to work on next."""
    bench = _pairs_benchmark()
    text_a = "The fire killed three people on Monday, police said."
    docs = [crosscheck.Document(id="a", text=text_a), crosscheck.Document(id="b", text=text_b)]
    report = crosscheck.check(docs)
    number_b = next(w for w in ("three", "four") if w in text_b)
    pair = {
        "id": "x1",
        "kind": "count",
        "label": label,
        "a": {"doc": "a", "start": text_a.index("three"), "end": text_a.index("three") + 5},
        "b": {"doc": "b", "start": text_b.index(number_b), "end": text_b.index(number_b) + len(number_b)},
    }
    [outcome] = bench.predict_folder(report, [pair], bench.compatibility())
    sources = crosscheck.align.sources_of({d.id: d for d in report.documents})
    assert bench.where_lost(outcome, sources, crosscheck.Config()) == lost


LABEL_COLUMNS = [
    "topic",
    "doc_a",
    "start_a",
    "end_a",
    "value_a",
    "doc_b",
    "start_b",
    "end_b",
    "value_b",
    "label",
    "category",
    "note",
]
# conflicts_labels.tsv: one row per conflict reported at d9faef2 (85) plus the 6 new ones of a4cdb78;
# possible_labels.tsv: a sample of 40 possible conflicts per half at a4cdb78, with crosscheck's doubt list
LABEL_SETS = {
    "conflicts_labels.tsv": (91, LABEL_COLUMNS, 40),
    "possible_labels.tsv": (80, [*LABEL_COLUMNS, "doubts"], 60),
}


def _conflict_label_rows(name: str = "conflicts_labels.tsv") -> list[dict[str, str]]:
    with open(GOLD / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_the_conflict_labels_are_well_formed(name: str) -> None:
    """conflicts_labels.tsv (one row per conflict reported at d9faef2, and at a4cdb78) and
    possible_labels.tsv (a sample of possible conflicts at a4cdb78): short spans and notes of our own."""
    rows = _conflict_label_rows(name)
    count, columns, longest = LABEL_SETS[name]
    assert len(rows) == count
    assert all(list(r) == columns for r in rows)
    categories = {"different_fact", "different_time", "cross_event", "extraction", "compatible", "other"}
    for r in rows:
        assert r["label"] in {"right", "wrong"}, r
        assert (r["category"] in categories) if r["label"] == "wrong" else r["category"] == "", r
        assert r["doc_a"] != r["doc_b"], r
        assert all(d.split("_")[0] == r["topic"][1:].lstrip("0") for d in (r["doc_a"], r["doc_b"])), r
        # crosscheck's claim spans; one possible conflict's span is 41 characters, so that set allows 60
        assert 0 < len(r["value_a"]) <= longest and 0 < len(r["value_b"]) <= longest, r
        assert int(r["end_a"]) - int(r["start_a"]) == len(r["value_a"]), r
        assert int(r["end_b"]) - int(r["start_b"]) == len(r["value_b"]), r
        assert 0 < len(r["note"]) <= 120, r  # short notes in our own words, no article sentences
        if "doubts" in r:  # crosscheck's own "(sameness uncertain: ...)" list, not article text
            assert r["doubts"] and all(d.strip() for d in r["doubts"].split(";")), r
    keys = [(r["topic"], r["doc_a"], int(r["start_a"])) for r in rows]
    assert keys == sorted(keys)
    pairs = {(r["doc_a"], r["start_a"], r["doc_b"], r["start_b"]) for r in rows}
    assert len(pairs) == len(rows)
    # the half comes from the topic number, as in the other gold sets: odd topics dev, even topics test
    bench = importlib.util.spec_from_file_location(
        "conflict_precision", GOLD.parent / "conflict_precision.py"
    )
    assert bench is not None and bench.loader is not None
    module = importlib.util.module_from_spec(bench)
    sys.modules.setdefault("conflict_precision", module)  # its dataclasses look their module up
    bench.loader.exec_module(module)
    assert all(module.half_of(r["topic"]) == ("dev" if int(r["topic"][1:]) % 2 else "test") for r in rows)
    assert {module.half_of(r["topic"]) for r in rows} == {"dev", "test"}
    if name == "possible_labels.tsv":  # the sample: 40 per half
        halves = [module.half_of(r["topic"]) for r in rows]
        assert halves.count("dev") == halves.count("test") == module.POSSIBLE_SAMPLE_PER_HALF
        assert all(module.doubts_of(f"x (sameness uncertain: {r['doubts']}).") for r in rows)


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the ECB+ corpus is not at ../shared/dev/ecbplus (not shipped)"
)
@pytest.mark.parametrize("name", sorted(LABEL_SETS))
def test_the_conflict_labels_verify_against_the_corpus(name: str) -> None:
    """Every value of conflicts_labels.tsv and possible_labels.tsv is the corpus text at its offsets
    (files read with newline="")."""
    texts: dict[str, str] = {}
    for r in _conflict_label_rows(name):
        for side in ("a", "b"):
            doc = r[f"doc_{side}"]
            folder = f"{r['topic']}-ecbplus" if doc.endswith("ecbplus") else f"{r['topic']}-ecb"
            if doc not in texts:
                with open(CORPUS / folder / f"{doc}.txt", encoding="utf-8", newline="") as fh:
                    texts[doc] = fh.read()
            start, end = int(r[f"start_{side}"]), int(r[f"end_{side}"])
            assert texts[doc][start:end] == r[f"value_{side}"], (r["topic"], doc, start)
