"""The assertion helpers of crosscheck.testing: they pass on what the report says and explain what it says instead."""

from __future__ import annotations

import datetime as dt

import pytest

import crosscheck
from crosscheck import Document, Report, Verdict
from crosscheck.testing import (
    assert_agreement,
    assert_conflict,
    assert_no_conflict,
    assert_single_source,
    find_claims,
)

WIRE = Document(
    id="wire",
    source="Wire service",
    published=dt.date(2024, 3, 5),
    text="Fire at the Harbor Street warehouse\n\n"
    "At least 40 people were killed when a fire swept through a warehouse on Harbor Street on Monday, "
    "police said.\nFirefighters brought the blaze under control after six hours, and 12 fire engines "
    "were sent to the scene.\n",
)
DAILY = Document(
    id="daily",
    source="City Daily",
    published=dt.date(2024, 3, 5),
    text="Warehouse fire kills 12\n\n"
    "Twelve people were killed when a fire swept through a warehouse on Harbor Street on Monday, "
    "police said.\nAbout a dozen fire engines were sent to the scene, and firefighters needed six hours "
    "to bring the blaze under control.\n",
)


@pytest.fixture(scope="module")
def fire() -> Report:
    """Two reports of one fire that disagree on the death toll."""
    return crosscheck.check([WIRE, DAILY])


def _message(excinfo: pytest.ExceptionInfo[AssertionError]) -> str:
    return str(excinfo.value)


def test_agreement_passes_and_returns_the_group(seed_report: Report) -> None:
    """Two outlets' matching figures pass, and the group returned holds both claims."""
    group = assert_agreement(
        seed_report, ("000_95279f800b99fdd1", "more than 2,000 troops"), ("002", "more than 2,000 soldiers")
    )
    assert group.verdict is Verdict.AGREEMENT
    figures = {c.text for c in group.claims if c.kind == "quantity"}
    assert figures == {"more than 2,000 troops", "more than 2,000 soldiers"}
    assert {c.kind for c in group.claims} == {"quantity", "event"}  # "Beijing sent …": one finding


def test_document_by_source_name_and_snippet_by_case_and_spacing(seed_report: Report) -> None:
    """A document can be named by its source; a snippet ignores case and line breaks."""
    group = assert_agreement(
        seed_report, ("associated press", "MORE THAN\n  300 military"), ("002", "300 military vehicles")
    )
    assert [c.text for c in group.claims] == ["more than 300 military vehicles"] * 2


def test_snippet_may_quote_words_around_the_claim(seed_report: Report) -> None:
    """A snippet wider than the claim ("Beijing sent more than 2,000 troops") still names it."""
    assert_agreement(
        seed_report, ("000", "Beijing sent more than 2,000 troops"), ("002", "China sent more than 2,000")
    )
    (claim,) = find_claims(seed_report, ("000", "sent more than 2,000 troops along"))
    assert claim.text == "more than 2,000 troops"


def test_snippet_from_the_sentence_names_its_claims(seed_report: Report) -> None:
    """Words of the claim's sentence that touch no claim fall back to the claims of that sentence."""
    group = assert_single_source(seed_report, ("000", "during an"))
    assert group.claims[0].text == "eight-hour mission"  # with the flight it measures (one finding)
    assert [c.kind for c in group.claims] == ["quantity", "event"]


def test_agreement_failure_names_the_groups_found_instead(seed_report: Report) -> None:
    """When the claims sit apart, the message gives each one's group, verdict, explanation and quotes."""
    with pytest.raises(AssertionError) as excinfo:
        assert_agreement(seed_report, ("000", "more than 2,000 troops"), ("002", "more than 50,000 soldiers"))
    message = _message(excinfo)
    assert message.startswith(
        'expected 000_95279f800b99fdd1 (Associated Press) "more than 2,000 troops" and '
        '002_802931a856429f27 "more than 50,000 soldiers" to agree, but they are not in one group:'
    )
    assert (
        "single_source: Only 002_802931a856429f27 gives a figure for soldiers · Russia · Sea of Japan · 2022: "
        '"more than 50,000 soldiers"; no claim of another document was aligned with it' in message
    )
    assert "agreement: 2 documents agree on troops" in message
    assert 'says "more than 2,000 soldiers" (characters 3576-3600) in: "In September, China sent' in message


def test_conflict_failure_says_crosscheck_calls_it_an_agreement(seed_report: Report) -> None:
    """Expecting a conflict where the sources agree fails, saying it is an agreement and quoting both."""
    with pytest.raises(AssertionError) as excinfo:
        assert_conflict(seed_report, ("000", "21 combat aircraft"), ("002", "21 combat aircraft"))
    message = _message(excinfo)
    assert "to conflict, but crosscheck calls them an agreement:" in message
    assert '000_95279f800b99fdd1 (Associated Press) says "21 combat aircraft" (characters' in message
    assert '002_802931a856429f27 says "21 combat aircraft" (characters' in message


def test_conflict_passes_on_a_death_toll_dispute(fire: Report) -> None:
    """ "At least 40" against "Twelve" people killed is a conflict."""
    group = assert_conflict(fire, ("wire", "At least 40 people"), ("City Daily", "Twelve people"))
    assert group.verdict is Verdict.CONFLICT


def test_agreement_failure_on_a_conflict_explains_why(fire: Report) -> None:
    """Expecting agreement on a disputed figure fails with crosscheck's reason and both quotes."""
    with pytest.raises(AssertionError) as excinfo:
        assert_agreement(fire, ("wire", "40 people"), ("daily", "Twelve people"))
    message = _message(excinfo)
    assert "but crosscheck calls them a conflict:" in message
    assert "12 is below at least 40: no value is both" in message
    assert 'wire (Wire service) says "At least 40 people"' in message
    assert 'daily (City Daily) says "Twelve people"' in message


def test_single_source_passes_and_fails_naming_the_other_source(seed_report: Report) -> None:
    """A claim one outlet makes passes; one two outlets make fails, quoting the other outlet."""
    assert_single_source(seed_report, ("002", "more than 50,000 soldiers"))
    with pytest.raises(AssertionError) as excinfo:
        assert_single_source(seed_report, ("001", "five warships"))
    message = _message(excinfo)
    assert "to be single-source, but other documents speak of it too" in message
    assert '004_cf4388253398cd28 says "five warships"' in message


def test_no_conflict_passes_on_the_seeds_and_lists_conflicts_otherwise(
    seed_report: Report, fire: Report
) -> None:
    """No conflict in the seeds; in the fire reports the failure quotes the disputed claims."""
    assert_no_conflict(seed_report)
    with pytest.raises(AssertionError) as excinfo:
        assert_no_conflict(fire)
    message = _message(excinfo)
    assert message.startswith("expected no conflict, but crosscheck found 1 conflict:")
    assert '"At least 40 people"' in message and '"Twelve people"' in message


def test_unknown_and_ambiguous_documents_list_the_documents(seed_report: Report) -> None:
    """A document name that matches none, or several, fails and lists what the report holds."""
    with pytest.raises(AssertionError, match=r"no document 'Reuters' in the report; its documents are: 000_"):
        assert_single_source(seed_report, ("Reuters", "troops"))
    with pytest.raises(AssertionError, match=r"document '00' is ambiguous: it could be 000_.* 004_"):
        assert_single_source(seed_report, ("00", "troops"))


def test_a_snippet_that_is_no_claim_shows_the_nearest_claims(seed_report: Report) -> None:
    """A snippet the text says but crosscheck did not extract is told apart from one it never says."""
    with pytest.raises(AssertionError) as excinfo:
        assert_single_source(seed_report, ("000", "a series of joint drills"))
    start = seed_report.documents[0].text.index("a series of joint drills")
    assert _message(excinfo).startswith(
        'expected 000_95279f800b99fdd1 (Associated Press) "a series of joint drills" to be single-source, '
        "but crosscheck extracted no claim where 000_95279f800b99fdd1 (Associated Press) says "
        f'"a series of joint drills" (characters {start}-{start + 24}); its nearest claims:'
    )
    with pytest.raises(AssertionError) as excinfo:
        assert_agreement(seed_report, ("000", "two million troops"), ("002", "soldiers"))
    message = _message(excinfo)
    assert 'has no claim matching "two million troops"; its nearest claims:' in message
    assert any(line.startswith('  - "more than 2,000 troops"') for line in message.splitlines()[1:4])


def test_a_claim_must_be_a_document_and_snippet_pair(seed_report: Report) -> None:
    """Passing a bare string instead of (document, snippet) is a TypeError that says what is expected."""
    with pytest.raises(TypeError, match=r"\(document, snippet\) pair"):
        assert_single_source(seed_report, "eight-hour mission")  # type: ignore[arg-type]
