"""Polarity and hedges: the golden cue table, a user's cue file, and bad cue files."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from crosscheck.errors import ConfigError
from crosscheck.polarity import claim_window, load_cues, stance

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases" / "polarity.toml").read_text(encoding="utf-8"))[
    "case"
]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    """Each text's cues give the expected polarity and hedge."""
    said = stance(case["text"], 0, len(case["text"]))
    assert (said.polarity, said.hedge or "") == (case["polarity"], case["hedge"])


def test_cues_point_at_their_characters() -> None:
    """Every cue found is reported with offsets that index the text."""
    text = "China reportedly did not send ships"
    said = stance(text, 0, len(text))
    assert [(text[s:e], cue) for s, e, cue in said.cues] == [("reportedly", "reportedly"), ("not", "not")]


def test_window_is_the_claims_clause() -> None:
    """A negation in an earlier clause does not reach a claim in a later one."""
    text = "China did not comment, but Russia sent 20 ships."
    start = text.index("20 ships")
    window = claim_window(text, 0, start, start + len("20 ships"))
    assert stance(text, *window).polarity == "affirmed"
    assert text[window[0] : window[1]].strip() == "Russia sent 20 ships"


def test_user_cues_extend_the_defaults(tmp_path: Path) -> None:
    """A user's cue file adds cues and keeps the shipped ones."""
    path = tmp_path / "cues.toml"
    path.write_text(
        '[negation]\nverbs = ["abstained from"]\n[hedge]\nrumoured = ["rumour has it"]\n', encoding="utf-8"
    )
    cues = load_cues(path)
    text = "Rumour has it Russia abstained from sending ships"
    said = stance(text, 0, len(text), cues)
    assert (said.polarity, said.hedge) == ("negated", "rumoured")
    plain = "Russia did not send ships"
    assert stance(plain, 0, len(plain), cues).polarity == "negated"


@pytest.mark.parametrize(
    ("content", "message"),
    [("[negation]\nwords = 3\n", "must be a list"), ("not toml = = \n", "cannot read cues file")],
)
def test_bad_cue_file_is_a_config_error(tmp_path: Path, content: str, message: str) -> None:
    """A malformed cue file is a ConfigError naming the file."""
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_cues(path)
    assert "bad.toml" in str(info.value)
