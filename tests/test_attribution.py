"""Attribution: who asserts each claim, from the golden table and on the seeds."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import crosscheck
from crosscheck.attribution import find_attributions
from crosscheck.claims import extract
from crosscheck.segment import split_sentences
from crosscheck.terms import default_terms

from .conftest import make_doc

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = tomllib.loads(
    (HERE / "cases" / "attribution.toml").read_text(encoding="utf-8")
)["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    """Each document gives the expected sources, as written and normalized, with their cue."""
    text = case["text"]
    found = find_attributions(text, split_sentences("d", text), default_terms())
    assert [[text[a.start : a.end], a.source, a.cue] for a in found] == case["found"]


def test_claims_carry_their_source() -> None:
    """A claim takes the source of the nearest cue before it, else the first after it; none when unsaid."""
    text = (
        "Russia's Foreign Minister Sergey Lavrov said Monday that trade will grow 20 percent, "
        "Russian state-run news agency Tass reported. China sent 5 ships on Tuesday."
    )
    claims = {c.text: c for c in extract(make_doc("d1", text))}
    assert claims["20 percent"].attribution == "Sergey Lavrov"
    assert claims["20 percent"].hedge == "future"
    assert claims["5 ships"].attribution is None


def test_seed_sources(seed_report: crosscheck.Report) -> None:
    """On the seeds, quantities keep the ministry or person that stated them, normalized across spellings."""
    by_text = {(c.document[:3], c.text): c.attribution for c in seed_report.claims}
    assert by_text[("000", "eight-hour mission")] == "Russian Defense Ministry"
    assert by_text[("004", "five warships")] is None
    assert by_text[("002", "more than 50,000 soldiers")] == "Russian Defense Ministry"
    assert by_text[("001", "five warships")] == "Chinese Defense Ministry"
    assert by_text[("000", "more than 2,000 troops")] is None


def test_the_date_of_the_saying_is_the_outlets() -> None:
    """ "said on Monday" dates the statement, so it is the outlet's claim; the facts stated keep the source."""
    text = "The Russian Defense Ministry said on Monday that 20 ships took part."
    claims = {c.text: c for c in extract(make_doc("d1", text))}
    assert claims["on Monday"].attribution is None
    assert claims["20 ships"].attribution == "Russian Defense Ministry"
