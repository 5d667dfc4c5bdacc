"""What a fact-checker knows about the seed articles, asserted through the crosscheck pytest plugin alone.

The corpus is named once, in ``examples/pytest.ini`` (``crosscheck_corpus = ../seeds``); the
``crosscheck_report`` fixture cross-checks it once for the whole session. Run: ``pytest examples/``.
"""

from __future__ import annotations

import pytest

from crosscheck import Report
from crosscheck.testing import assert_agreement, assert_no_conflict, assert_single_source

# The documents, by the short prefix of their ids.
AP = "000"  # Associated Press, 2022-12-01: Russian and Chinese bombers over the Pacific
HERALD = "001"  # The Eastern Herald, 2023-07-17: the July 2023 joint naval patrol
NAVAL = "002"  # China and Russia hold joint naval exercises, December 2022
PATROL = "004"  # the July 2023 patrol, told by another outlet


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ((AP, "more than 2,000 troops"), (NAVAL, "more than 2,000 soldiers")),
        ((AP, "more than 300 military vehicles"), (NAVAL, "more than 300 military vehicles")),
        ((AP, "21 combat aircraft"), (NAVAL, "21 combat aircraft")),
        ((AP, "three warships"), (NAVAL, "three warships")),
        ((HERALD, "five warships"), (PATROL, "five warships")),
        ((HERALD, "sixth such joint patrol"), (PATROL, "sixth such patrol")),
        ((HERALD, "since 2019"), (PATROL, "since 2019")),
    ],
)
def test_two_outlets_agree(crosscheck_report: Report, one: tuple[str, str], other: tuple[str, str]) -> None:
    """Two outlets report the same figure about the same thing, and crosscheck says they agree."""
    assert_agreement(crosscheck_report, one, other)


@pytest.mark.parametrize("claim", [(AP, "eight-hour mission"), (NAVAL, "more than 50,000 soldiers")])
def test_only_one_outlet_says_it(crosscheck_report: Report, claim: tuple[str, str]) -> None:
    """A figure only one outlet gives stays single-source: nobody else backs it."""
    assert_single_source(crosscheck_report, claim)


def test_no_outlet_contradicts_another(crosscheck_report: Report) -> None:
    """The seed articles contain no contradiction, so crosscheck reports none."""
    assert_no_conflict(crosscheck_report)
