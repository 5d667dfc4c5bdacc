"""Actors are names (issue 12): golden rows, sentence -> the actor of its count."""

from __future__ import annotations

import pytest

from crosscheck.claims import NAME_FILTERS, extract

from .conftest import make_doc

# (sentence, the count's text, its actor)
ROWS = [
    ("Gov. Smith said 12 people died on Monday.", "12 people", "Smith"),
    ("Police Chief Ray Lopez said 12 people died on Monday.", "12 people", "Lopez"),
    ("Smith said 12 people died on Monday.", "12 people", "Smith"),
    ("The Orioles, according to reports, have offered Teixeira 7 years.", "7 years", "Orioles"),
    # caption and headline words, titles alone, designations and modifiers are no actors
    ("Image 3: Killed 12 people in the blast on Monday.", "12 people", None),
    ("Tragedy: 12 people died on Monday.", "12 people", None),
    ("Sheriff says 3 were shot on Monday.", "3", None),
    ("Park officials said 4 hikers were missing on Monday.", "4 hikers", None),
    ("The crash on Route 9 left 2 dead, police said.", "2 dead", None),
    ("Killed in the crash were 2 teenagers, police said.", "2 teenagers", None),
    ("Smith told reporters: 12 people died on Monday.", "12 people", "Smith"),
    ("Up to 170,000 people live in Manokwari.", "Up to 170,000 people", None),
    ("One of 12 people hurt on Monday was a child.", "12 people", None),
]


@pytest.mark.parametrize(("text", "claim_text", "actor"), ROWS)
def test_the_actor_of_a_count_is_a_name(text: str, claim_text: str, actor: str | None) -> None:
    claims = {c.text: c for c in extract(make_doc("x", text)) if c.kind == "quantity"}
    assert claims[claim_text].about.actor == actor, {t: c.about.actor for t, c in claims.items()}


def test_name_filters_are_named_rules() -> None:
    assert [name for name, _rule in NAME_FILTERS] == [
        "designation",
        "slot_word",
        "function_word",
        "group_modifier",
    ]
