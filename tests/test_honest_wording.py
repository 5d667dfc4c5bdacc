"""Honest wording (issue 13 item 4): each sentence of an explanation says only what is true."""

from __future__ import annotations

import crosscheck

from .conftest import make_doc


def test_compatible_but_different_figures_are_not_called_one_figure() -> None:
    report = crosscheck.check(
        [
            make_doc("a", "At least 12 people were killed in the blast on Monday, police said."),
            make_doc("b", "Fifteen people were killed in the blast on Monday, police said."),
        ]
    )
    (group,) = [g for g in report.agreements if g.claims[0].kind == "quantity"]
    assert "give compatible figures for deaths" in group.explanation
    assert "the figures differ but can both hold" in group.explanation
    assert "agree on" not in group.explanation


def test_single_source_says_only_that_nothing_was_aligned() -> None:
    report = crosscheck.check(
        [make_doc("a", "The storm destroyed 40 homes on Monday."), make_doc("b", "The storm hit on Monday.")]
    )
    (group,) = [g for g in report.single_source if g.claims[0].text == "40 homes"]
    assert group.explanation.startswith("Only a gives a figure for ")
    assert "no claim of another document was aligned with it" in group.explanation


COPY = [
    "The fire broke out at the Old Mill warehouse shortly after midnight on Monday.",
    "Firefighters from three stations fought the blaze for more than five hours.",
    "The cause of the fire is under investigation, the fire department said in a statement.",
    "Residents of nearby streets were told to keep their windows closed overnight.",
]


def test_a_conflict_inside_one_copy_is_called_a_likely_editing_error() -> None:
    lead_a = "Twelve people were hurt in the fire on Monday, the fire department said."
    lead_b = "Fifteen people were hurt in the fire on Monday, the fire department said."
    report = crosscheck.check(
        [make_doc("a", " ".join([lead_a, *COPY])), make_doc("b", " ".join([lead_b, *COPY]))]
    )
    assert len(report.conflicts) == 1, [g.explanation for g in report.groups]
    assert "both carry the same copy: likely a copying or editing error" in report.conflicts[0].explanation


def test_outlets_quoting_one_source_are_said_to_quote_it_not_to_copy() -> None:
    report = crosscheck.check(
        [
            make_doc("a", "Fire Chief Dan Reyes said 12 people were hurt in the warehouse fire on Monday."),
            make_doc(
                "b", "Twelve people were injured in Monday's warehouse fire, said Fire Chief Dan Reyes."
            ),
        ]
    )
    (group,) = [g for g in report.agreements if g.claims[0].kind == "quantity"]
    assert len(group.origins) == 1  # credited to one source: one origin, and the sentence says why
    assert "b quotes the same source as a (Dan Reyes)" in group.explanation
    assert "the same copy" not in group.explanation


def test_topics_and_reasons_are_plain_words(seed_report: crosscheck.Report) -> None:
    topics = {g.topic for g in seed_report.groups}
    # was "date of flew · Russia · Pacific", then "date when Russia flew · Pacific": the date now
    # carries the flight it dates (one finding)
    assert "when Russian and Chinese strategic bombers flew joint patrol in Pacific" in topics
    assert "which joint patrol" in topics  # was "count of joint patrol"
    for group in seed_report.groups:
        assert "inf)" not in group.explanation and "share no value" not in group.explanation
