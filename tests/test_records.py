"""Win-loss records ("Klitschko (52-3, 46 KOs)"): read as counts of one owner's wins, losses and draws,
each spanning its own digits, and compared across outlets; scores, sizes and split records are not."""

from __future__ import annotations

import pytest

import crosscheck
from crosscheck.quantities import find_quantities

# sentence -> the record numbers read in it: (text, amount, what the claim counts: owner and noun)
CASES = [
    (
        "Wladimir Klitschko (52-3, 46 KOs) blasted Rahman.",
        [("52", 52, "klitschko record wins"), ("3", 3, "klitschko record losses")],
    ),
    (
        "Former champion Riddick Bowe, 43-1, 33 KO's, returned to the ring.",
        [("43", 43, "bowe record wins"), ("1", 1, "bowe record losses")],
    ),
    (
        "Hasim Rahman, 45-7-2, 36 KO's, lost in the seventh.",
        [("45", 45, "rahman record wins"), ("7", 7, "rahman record losses"), ("2", 2, "rahman record draws")],
    ),
    (
        "The victory took Klitschko's record to 52-3.",
        [("52", 52, "klitschko record wins"), ("3", 3, "klitschko record losses")],
    ),
    (
        "Cheeks is 122-147 in three-plus seasons as head coach.",
        [("122", 122, "cheeks record wins"), ("147", 147, "cheeks record losses")],
    ),
    ("This gave the Colts a 9-5 season.", [("9", 9, "colts record wins"), ("5", 5, "colts record losses")]),
    (
        "By beating the Chiefs, Indianapolis' record rose to 9-5.",
        [("9", 9, "indianapolis record wins"), ("5", 5, "indianapolis record losses")],
    ),
    # a relative clause names no one: the record is the name's before its "who"
    (
        "said the 36-year-old Klitschko, who improved his record to 58-3 (51 KO).",
        [("58", 58, "klitschko record wins"), ("3", 3, "klitschko record losses")],
    ),
    # a season's year or a span word makes a record of its own
    (
        "The 2008 Chiefs ended the season with a 2-14 record.",
        [("2", 2, "chiefs 2008 record wins"), ("14", 14, "chiefs 2008 record losses")],
    ),
    (
        "Cheeks has an overall record of 284-286.",
        [("284", 284, "cheeks overall record wins"), ("286", 286, "cheeks overall record losses")],
    ),
]

# sentences whose hyphenated numbers are no record
NOT_RECORDS = [
    "The Chiefs lost to the Indianapolis Colts, 20-13, on Sunday.",  # a score after a team and a comma
    "Smith (6-2, 220) starts at tight end.",  # a height and a weight
    "The Colts moved their record to 9-1 in one-possession games.",  # a record of some games only
    "The Jaguars fell to 2-6 at home this season.",
    "He struggled to get inside the taller Klitschko's reach, and dropped to 45-7-2.",  # no owner in its clause
    "After a disappointing 9-14 start, the coach was fired.",  # no name says whose
    "Cheeks came from Portland, where he was 162-139 with two appearances.",  # a pronoun names no one
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_a_record_gives_each_number_as_a_count_of_its_owner(
    text: str, expected: list[tuple[str, int, str]]
) -> None:
    found = [q for q in find_quantities("d", text) if q.owner]
    assert [(q.text, int(q.value.amount), f"{q.owner.lower()} {q.noun}") for q in found] == expected
    for q in found:
        assert text[q.span.start : q.span.end] == q.text
        assert q.value.bound == "exact"


@pytest.mark.parametrize("text", NOT_RECORDS)
def test_scores_sizes_and_split_records_are_no_record(text: str) -> None:
    assert not [q for q in find_quantities("d", text) if q.owner]


def _groups(*texts: str) -> crosscheck.Report:
    return crosscheck.check([crosscheck.Document(id=f"d{i}", text=t) for i, t in enumerate(texts, 1)])


def test_two_outlets_giving_one_fighters_record_otherwise_conflict_on_the_wins_and_agree_on_the_losses() -> (
    None
):
    report = _groups(
        "Wladimir Klitschko (52-3, 46 KOs) retained his titles on Saturday.",
        "Heavyweight champion Wladimir Klitschko, 53-3, 47 KO's, retained his titles on Saturday.",
    )
    conflicts = [g for g in report.conflicts if "record wins" in g.explanation]
    assert len(conflicts) == 1
    assert sorted(c.text for c in conflicts[0].claims) == ["52", "53"]
    agreements = [g for g in report.agreements if "record losses" in g.explanation]
    assert [sorted(c.text for c in g.claims) for g in agreements] == [["3", "3"]]


def test_two_teams_records_in_one_story_never_meet() -> None:
    report = _groups(
        "The Colts (11-4) beat the Jaguars (5-10) on Thursday.",
        "The Colts (11-4) clinched a playoff spot as the Jaguars (5-10) lost again on Thursday.",
    )
    assert not report.conflicts
    for group in report.agreements:
        owners = {c.text for c in group.claims}
        assert len(owners) == 1  # 11 with 11, 4 with 4, 5 with 5, 10 with 10


def test_knockouts_written_three_ways_are_one_count() -> None:
    report = _groups(
        "Klitschko (52-3, 46 KOs) retained his titles on Saturday.",
        "Klitschko, 52-3, 47 KO's, retained his titles on Saturday.",
        "Klitschko (52-3, 46 knockouts) retained his titles on Saturday.",
    )
    [conflict] = [g for g in report.conflicts if "knockouts" in g.topic or "kos" in g.explanation.lower()]
    assert sorted(c.text for c in conflict.claims) == ["46 KOs", "46 knockouts", "47 KO's"]
