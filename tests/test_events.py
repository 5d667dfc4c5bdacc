"""Event claims: the golden sentence table, spans, the seeds, and a user's verb file."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import crosscheck
from crosscheck.claims import extract
from crosscheck.errors import ConfigError
from crosscheck.events import find_events, load_verbs
from crosscheck.model import Event
from crosscheck.terms import default_terms

from .conftest import make_doc

HERE = Path(__file__).resolve().parent
CASES: list[dict[str, Any]] = tomllib.loads((HERE / "cases" / "events.toml").read_text(encoding="utf-8"))[
    "case"
]


def _row(text: str, start: int, end: int, event: Event) -> dict[str, str]:
    return {
        "text": text[start:end],
        "subject": event.subject or "",
        "action": event.action,
        "object": event.object or "",
        "place": event.place or "",
        "polarity": event.polarity,
        "hedge": event.hedge or "",
    }


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    """Each sentence gives exactly the expected events, with their exact text."""
    text = case["sentence"]
    found = find_events(text, 0, len(text), default_terms())
    assert [_row(text, m.start, m.end, m.event) for m in found] == case["events"]


def test_offsets_inside_a_document() -> None:
    """Event spans index the whole document, not the sentence."""
    text = "Headline here\n\nIn September, Beijing sent more than 2,000 troops."
    start = text.index("In September")
    found = find_events(text, start, len(text), default_terms())
    assert [text[m.start : m.end] for m in found] == ["Beijing sent more than 2,000 troops"]


def test_event_claims_only_when_asked() -> None:
    """Event claims come by default (Config(events=True)) and keep the span invariant; off, none are made."""
    doc = make_doc(
        "d1", "The Russian Defense Ministry said Russian bombers did not land in China on Wednesday."
    )
    assert not [c for c in extract(doc, config=crosscheck.Config(events=False)) if c.kind == "event"]
    claims = [c for c in extract(doc) if c.kind == "event"]
    assert len(claims) == 1
    claim = claims[0]
    assert (
        doc.text[claim.span.start : claim.span.end] == claim.text == "Russian bombers did not land in China"
    )
    assert claim.value == Event(subject="Russian bombers", action="land", place="China", polarity="negated")
    assert (claim.polarity, claim.attribution, claim.about.actor) == (
        "negated",
        "Russian Defense Ministry",
        "Russia",
    )


def test_user_verbs_extend_the_lexicon(tmp_path: Path) -> None:
    """A user's verb file adds actions; irregular forms listed there are recognized."""
    path = tmp_path / "verbs.toml"
    path.write_text('[verbs]\nshadow = []\nbuzz = ["buzzed"]\n', encoding="utf-8")
    verbs = load_verbs(path)
    text = "Chinese jets buzzed a US destroyer. Russian ships shadowed the fleet."
    found = find_events(text, 0, len(text), default_terms(), verbs=verbs)
    assert [(m.event.subject, m.event.action, m.event.object) for m in found] == [
        ("Chinese jets", "buzz", "US destroyer"),
        ("Russian ships", "shadow", "fleet"),
    ]
    assert find_events(text, 0, len(text), default_terms()) == []


def test_bad_verb_file_is_a_config_error(tmp_path: Path) -> None:
    """A malformed verb file is a ConfigError naming the file."""
    path = tmp_path / "verbs.toml"
    path.write_text('[verbs]\nfly = "flew"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"verbs\.toml"):
        load_verbs(path)
