"""Verdicts on small texts written for the test: each conflict type, scopes, time, and independence."""

from __future__ import annotations

import pytest

import crosscheck
from crosscheck import Report, Verdict

from .conftest import make_doc

TROOPS = "In September, {who} sent {n} to take part in a joint exercise with Russia."
PATROL = "This marked the {nth} such joint patrol in the region since 2019."
WIRE = (
    "Russian and Chinese bombers flew a joint patrol over the Sea of Japan on Wednesday. "
    "As part of the drills, Russian bombers landed in China for the first time. "
    "In September, Beijing sent more than 2,000 troops to a joint exercise with Russia. "
    "The ministry said the patrols were not directed against any other country."
)
INDEPENDENT = (
    "Officials in Beijing told us China had sent more than 2,000 soldiers to Russia's exercise in September."
)


def _groups(report: Report, *texts: str) -> list[crosscheck.Group]:
    """The groups whose figures (or dates) are ``texts``: the claims of the group's first kind, as an
    event that carries a figure is folded into its group (`verdict.fold_events`)."""
    return [
        g for g in report.groups if {c.text for c in g.claims if c.kind == g.claims[0].kind} == set(texts)
    ]


def _one(report: Report, *texts: str) -> crosscheck.Group:
    found = _groups(report, *texts)
    assert len(found) == 1, [(g.verdict.value, [c.text for c in g.claims]) for g in report.groups]
    return found[0]


def test_numeric_conflict_quotes_both_sides_and_says_why() -> None:
    """ "more than 2,000" vs "1,500" for the same contingent is a numeric conflict with both quotes."""
    report = crosscheck.check(
        [
            make_doc("a", TROOPS.format(who="Beijing", n="more than 2,000 troops"), source="AP"),
            make_doc("b", TROOPS.format(who="China", n="1,500 soldiers"), source="Reuters"),
        ]
    )
    group = _one(report, "more than 2,000 troops", "1,500 soldiers")
    assert group.verdict is Verdict.CONFLICT
    assert group.conflict_type == "numeric"
    assert 'AP says "more than 2,000 troops"' in group.explanation
    assert 'Reuters says "1,500 soldiers"' in group.explanation
    assert "1,500 is below more than 2,000: no value is both" in group.explanation


@pytest.mark.parametrize("other", ["about 2,100 soldiers", "more than 2,000 soldiers", "2,400 soldiers"])
def test_qualifiers_are_honoured(other: str) -> None:
    """ "more than 2,000" agrees with "about 2,100", "more than 2,000" and "2,400"."""
    report = crosscheck.check(
        [
            make_doc("a", TROOPS.format(who="Beijing", n="more than 2,000 troops")),
            make_doc("b", TROOPS.format(who="China", n=other)),
        ]
    )
    assert _one(report, "more than 2,000 troops", other).verdict is Verdict.AGREEMENT
    assert report.conflicts == ()


def test_date_conflict() -> None:
    """The same patrol on Wednesday in one report and on Monday in another is a date conflict."""
    text = "Russian and Chinese strategic bombers {day} flew a joint patrol over the western Pacific."
    report = crosscheck.check(
        [
            make_doc("a", text.format(day="on Wednesday"), published="2022-12-01"),
            make_doc("b", text.format(day="on Monday"), published="2022-12-01"),
        ]
    )
    group = _one(report, "on Wednesday", "on Monday")
    assert group.verdict is Verdict.CONFLICT
    assert group.conflict_type == "date"
    assert "2022-11-30" in group.explanation and "2022-11-28" in group.explanation


def test_count_conflict_on_the_same_date() -> None:
    """ "sixth" vs "seventh" patrol in reports of the same day is a count conflict."""
    report = crosscheck.check(
        [make_doc("a", PATROL.format(nth="sixth")), make_doc("b", PATROL.format(nth="seventh"))]
    )
    group = _one(report, "sixth such joint patrol", "seventh such joint patrol")
    assert group.verdict is Verdict.CONFLICT
    assert group.conflict_type == "count"


def test_counter_growing_over_time_is_not_a_conflict() -> None:
    """ "fifth patrol" in 2022 and "sixth patrol" in 2023 are consistent over time."""
    report = crosscheck.check(
        [
            make_doc("a", PATROL.format(nth="fifth"), published="2022-12-01"),
            make_doc("b", PATROL.format(nth="sixth"), published="2023-07-17"),
        ]
    )
    assert report.conflicts == ()


def test_part_and_whole_are_not_a_conflict() -> None:
    """China's contingent of 2,000 and the exercise's 50,000 soldiers are part and whole."""
    report = crosscheck.check(
        [
            make_doc(
                "a", "In September, China sent more than 2,000 troops to the Vostok exercise with Russia."
            ),
            make_doc(
                "b",
                "In September, the Vostok exercise involved more than 50,000 soldiers from Russia and China.",
            ),
        ]
    )
    assert report.conflicts == ()
    together = _groups(report, "more than 2,000 troops", "more than 50,000 soldiers")
    # an order of magnitude apart: at most a candidate for the fact-checker, with the reason
    assert all(g.verdict is Verdict.POSSIBLE_CONFLICT for g in together)
    assert all(any(r.rule == "magnitude" and r.weight < 0 for r in g.reasons) for g in together)


def test_different_events_are_never_compared() -> None:
    """Five warships for July 2023 drills and three warships for a September 2022 exercise."""
    report = crosscheck.check(
        [
            make_doc(
                "a",
                "China has dispatched five warships, including a guided-missile destroyer, for the joint drills.",
                published="2023-07-17",
            ),
            make_doc(
                "b",
                "In September, Beijing sent three warships to take part in a sweeping joint exercise.",
                published="2022-12-01",
            ),
        ]
    )
    assert report.conflicts == ()
    assert not _groups(report, "five warships", "three warships")


def test_a_pronoun_subject_is_never_a_sure_conflict() -> None:
    """ "He had 53 catches": whose? Without a name, different counts are at most a possible conflict."""
    report = crosscheck.check(
        [
            make_doc("a", "He had 53 catches for 605 yards and five touchdowns.", published=None),
            make_doc("b", "He had eight catches for 101 yards and five touchdowns.", published=None),
        ]
    )
    assert report.conflicts == ()


def test_syndicated_copy_is_one_origin() -> None:
    """Two outlets carrying the same wire copy back a claim with 2 documents but 1 independent origin."""
    report = crosscheck.check(
        [
            make_doc("ap", WIRE, published="2022-12-01", source="AP"),
            make_doc("copy", WIRE.replace("Beijing", "China"), published="2022-12-02", source="Copy"),
            make_doc("own", INDEPENDENT, published="2022-12-01", source="Own"),
        ]
    )
    assert ("ap", "copy", 4) in report.shared_passages
    group = next(g for g in report.agreements if any(c.text == "more than 2,000 troops" for c in g.claims))
    assert len(group.documents) == 3
    assert group.independent_origins == 2
    assert "Copy carries the same copy as AP" in group.explanation
    as_json = next(g for g in report.to_dict()["groups"] if g["id"] == group.id)  # type: ignore[attr-defined]
    assert as_json["documents"] == 3 and as_json["independent_origins"] == 2


def test_seed_wire_copy_is_named_as_one_origin(seed_report: Report) -> None:
    """000 and 002 share much of one wire story: their shared claims are one origin."""
    group = next(
        g for g in seed_report.agreements if any(c.text == "more than 2,000 troops" for c in g.claims)
    )
    assert group.independent_origins == 1
    assert "carries the same copy as Associated Press" in group.explanation
    pairs = {(a[:3], b[:3]) for a, b, _ in seed_report.shared_passages}
    assert ("000", "002") in pairs


def test_wire_copy_carried_by_hundreds_of_outlets_is_still_one_origin() -> None:
    """A wire story repeated by more outlets than a common phrase has uses is still found as copy.

    Each outlet is credited with the passages it shares with the first document carrying them, so the
    report lists one entry per outlet, not one per pair of outlets.
    """
    outlets = 230  # more than Config.max_trigram_postings (200) sentences hold each trigram
    docs = [make_doc(f"o{i:03d}", WIRE, published="2022-12-01", source=f"Outlet {i}") for i in range(outlets)]
    docs.append(make_doc("own", INDEPENDENT, published="2022-12-01", source="Own"))
    report = crosscheck.check(docs)
    assert len(report.shared_passages) == outlets - 1
    assert all(a == "o000" and n == 4 for a, b, n in report.shared_passages)
    group = next(g for g in report.agreements if any(c.text == "more than 2,000 troops" for c in g.claims))
    assert len(group.documents) == outlets + 1
    assert group.independent_origins == 2


def test_outlets_quoting_one_source_are_one_origin() -> None:
    """Two outlets that both cite the Russian Defense Ministry back a claim with one independent origin."""
    report = crosscheck.check(
        [
            make_doc(
                "a",
                "The Russian Defense Ministry said the bombers flew an eight-hour mission over the Sea of Japan.",
                source="A",
            ),
            make_doc(
                "b",
                "According to the Russian Defence Ministry, an eight-hour mission over the Sea of Japan was flown by the bombers.",
                source="B",
            ),
        ]
    )
    group = next(g for g in report.agreements if any(c.text == "eight-hour mission" for c in g.claims))
    assert {c.attribution for c in group.claims} == {"Russian Defense Ministry"}
    assert len(group.documents) == 2
    assert group.independent_origins == 1


def test_polarity_conflict() -> None:
    """One outlet says China dispatched five warships, the other that it did not: a polarity conflict."""
    report = crosscheck.check(
        [
            make_doc(
                "a", "On Sunday, China dispatched five warships to the joint drills in the Sea of Japan."
            ),
            make_doc(
                "b",
                "On Sunday, China did not dispatch five warships to the joint drills in the Sea of Japan.",
            ),
        ]
    )
    types = {g.conflict_type for g in report.conflicts}
    assert types == {"polarity"}, [g.explanation for g in report.conflicts]
    assert any("asserts it and" in g.explanation and "denies it" in g.explanation for g in report.conflicts)


def test_attribution_conflict() -> None:
    """The same statement credited to two different sources is an attribution conflict."""
    text = '"More than 2,000 troops had been sent to the joint drills by Sunday," the {who} said.'
    report = crosscheck.check(
        [
            make_doc("a", text.format(who="Russian Defense Ministry"), source="A"),
            make_doc("b", text.format(who="Chinese Defense Ministry"), source="B"),
        ]
    )
    conflicts = [g for g in report.conflicts if g.conflict_type == "attribution"]
    assert conflicts, [(g.verdict.value, g.explanation) for g in report.groups]
    assert "citing Russian Defense Ministry" in conflicts[0].explanation
    assert "citing Chinese Defense Ministry" in conflicts[0].explanation
