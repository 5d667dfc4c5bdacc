"""The ECB+ mention gold (benchmarks/gold/mentions.jsonl): every span matches its surface in the corpus.

The articles are not part of the project; the check runs only where ../shared/dev/ecbplus/ is present.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold"
CORPUS = ROOT.parent / "shared" / "dev" / "ecbplus"


def _miner() -> Any:
    spec = importlib.util.spec_from_file_location("mine_mentions", GOLD / "mine_mentions.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
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
