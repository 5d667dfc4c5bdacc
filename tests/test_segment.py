"""Sentence splitting: golden cases, every abbreviation entry, and the seed articles."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from crosscheck.segment import abbreviations, split_sentences

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases" / "sentences.toml").read_text(encoding="utf-8"))[
    "case"
]


def _texts(text: str) -> list[str]:
    sentences = split_sentences("doc", text)
    for s in sentences:
        assert s.span.doc_id == "doc"
        assert text[s.span.start : s.span.end] == s.text
        assert s.text == s.text.strip() and s.text
    return [s.text for s in sentences]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    assert _texts(case["text"]) == case["sentences"]


def test_abbreviation_list_is_loaded_once_and_clean() -> None:
    entries = abbreviations()
    assert abbreviations() is entries
    assert len(entries) >= 60
    assert all(e.endswith(".") and " " not in e and not e.startswith("#") for e in entries)
    assert {
        "U.S.",
        "U.N.",
        "Gen.",
        "Lt.",
        "Nov.",
        "Feb.",
        "Mr.",
        "No.",
        "p.m.",
        "Inc.",
        "vs.",
        "Conn.",
    } <= entries


@pytest.mark.parametrize("abbr", sorted(abbreviations()))
def test_abbreviation_does_not_split(abbr: str) -> None:
    text = f"The report named {abbr} Smith in Moscow. It was short."
    assert _texts(text) == [f"The report named {abbr} Smith in Moscow.", "It was short."]


@pytest.mark.parametrize("abbr", sorted(abbreviations()))
def test_abbreviation_before_a_number_does_not_split(abbr: str) -> None:
    text = f"It said {abbr} 24 then. More followed."
    assert _texts(text) == [f"It said {abbr} 24 then.", "More followed."]


def test_ordinary_word_with_a_stop_still_splits() -> None:
    assert _texts("He went to Gent. Then home.") == ["He went to Gent.", "Then home."]
    assert _texts("It was in Nov. Then it was Dec.") == ["It was in Nov. Then it was Dec."]


def test_spans_are_offsets_into_the_whole_text() -> None:
    text = "  Alpha one.   Beta two!\n\n Gamma three?  "
    sentences = split_sentences("d", text)
    assert [(s.span.start, s.span.end) for s in sentences] == [(2, 12), (15, 24), (27, 39)]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_spans(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(path.stem, text)
    assert sentences
    previous_end = 0
    for s in sentences:
        assert text[s.span.start : s.span.end] == s.text
        assert s.text.strip() == s.text and "\n" not in s.text
        assert s.span.start >= previous_end
        previous_end = s.span.end


def test_seed_000_sentences() -> None:
    text = (SEEDS / "000_95279f800b99fdd1.txt").read_text(encoding="utf-8")
    texts = [s.text for s in split_sentences("000", text)]
    assert (
        "Defense cooperation between Moscow and Beijing has grown stronger since Russian President "
        "Vladimir Putin sent his troops into Ukraine on Feb. 24."
    ) in texts
    assert (
        "Russia, in turn, has strongly backed China amid the tensions with the U.S. that followed a "
        "visit to Taiwan by U.S. House Speaker Nancy Pelosi."
    ) in texts
    assert "Posted on December 1, 2022 by Associated Press" in texts
    assert texts[0] == "# RUSSIAN, CHINESE BOMBERS FLY JOINT PATROLS OVER PACIFIC - ASSOCIATED PRESS"
    assert len(texts) == 17


def test_seed_002_quotes_and_ellipsis() -> None:
    text = (SEEDS / "002_802931a856429f27.txt").read_text(encoding="utf-8")
    texts = [s.text for s in split_sentences("002", text)]
    assert "Leave a Reply" in texts
    assert any(t.startswith("“This joint exercise") and t.endswith("”the notice said.") for t in texts)
    assert any(t.endswith("working to divide. . . transatlantic partners.") for t in texts)
    assert "“We have seen them share hybrid tactics,” Smith added." in texts


def test_seed_001_tweet_lines() -> None:
    text = (SEEDS / "001_60c73da372959729.txt").read_text(encoding="utf-8")
    texts = [s.text for s in split_sentences("001", text)]
    assert "— Daryo | Central Asia & Afghanistan (@DaryoEng) July 17, 2023" in texts
    assert any(t.endswith("in a… pic.twitter.com/61meXb84AV") for t in texts)
