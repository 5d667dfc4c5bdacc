"""End to end on seeds/: the known agreements, the known non-conflicts, and no conflict at all."""

from __future__ import annotations

import pytest

import crosscheck
from crosscheck import Group, Report, Verdict

D000 = "000_95279f800b99fdd1"
D001 = "001_60c73da372959729"
D002 = "002_802931a856429f27"
D003 = "003_e54886f2d9290287"
D004 = "004_cf4388253398cd28"


def _group_of(report: Report, doc: str, text: str) -> list[Group]:
    """Groups holding a claim of ``doc`` whose text is exactly ``text``."""
    return [g for g in report.groups if any(c.document == doc and c.text == text for c in g.claims)]


@pytest.mark.parametrize(
    ("doc_a", "text_a", "doc_b", "text_b"),
    [
        (D000, "more than 2,000 troops", D002, "more than 2,000 soldiers"),
        (D000, "more than 300 military vehicles", D002, "more than 300 military vehicles"),
        (D000, "21 combat aircraft", D002, "21 combat aircraft"),
        (D000, "three warships", D002, "three warships"),
        (D001, "five warships", D004, "five warships"),
        (D001, "sixth such joint patrol", D004, "sixth such patrol"),
        (D001, "since 2019", D004, "since 2019"),
    ],
)
def test_known_agreements(seed_report: Report, doc_a: str, text_a: str, doc_b: str, text_b: str) -> None:
    """Each known agreement is one agreement group holding both documents' claims."""
    groups = _group_of(seed_report, doc_a, text_a)
    assert len(groups) == 1, f"{doc_a} {text_a!r} is in {len(groups)} groups"
    group = groups[0]
    assert group.verdict is Verdict.AGREEMENT, group.explanation
    assert any(c.document == doc_b and c.text == text_b for c in group.claims), group.explanation


@pytest.mark.parametrize(
    ("doc_a", "text_a", "doc_b", "text_b"),
    [
        (D001, "five warships", D000, "three warships"),
        (D000, "more than 2,000 troops", D002, "more than 50,000 soldiers"),
        (D000, "on Wednesday", D003, "Tuesday"),
    ],
)
def test_known_non_conflicts(seed_report: Report, doc_a: str, text_a: str, doc_b: str, text_b: str) -> None:
    """Claims about different events or scopes are never put in one group."""
    for group in _group_of(seed_report, doc_a, text_a):
        assert not any(c.document == doc_b and c.text == text_b for c in group.claims), group.explanation


@pytest.mark.parametrize(("doc", "text"), [(D000, "eight-hour mission"), (D002, "more than 50,000 soldiers")])
def test_known_single_source(seed_report: Report, doc: str, text: str) -> None:
    """Claims only one outlet makes come out single-source."""
    groups = _group_of(seed_report, doc, text)
    assert [g.verdict for g in groups] == [Verdict.SINGLE_SOURCE]


def test_clean_seeds_have_no_conflict(seed_report: Report) -> None:
    """The seeds contain no known conflict, so none is reported."""
    assert seed_report.conflicts == (), [g.explanation for g in seed_report.conflicts]


def test_every_claim_points_at_its_characters(seed_report: Report) -> None:
    """The span invariant holds for every claim of every seed, and claims sit inside their sentence."""
    docs = {d.id: d for d in seed_report.documents}
    assert seed_report.claims
    for claim in seed_report.claims:
        text = docs[claim.document].text
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end
        assert claim.id == f"{claim.document}:{claim.span.start}-{claim.span.end}"


def test_every_claim_is_in_exactly_one_group(seed_report: Report) -> None:
    """Groups partition the claims; single-source groups name one document, the others two or more."""
    seen = [c.id for g in seed_report.groups for c in g.claims]
    assert sorted(seen) == sorted(c.id for c in seed_report.claims)
    for group in seed_report.groups:
        n = len(group.documents)
        assert (n == 1) == (group.verdict is Verdict.SINGLE_SOURCE)
        assert group.explanation


def test_report_is_deterministic(seed_documents: tuple[crosscheck.Document, ...]) -> None:
    """Same input, same bytes, whatever order the documents come in."""
    a = crosscheck.render(crosscheck.check(seed_documents), "json")
    b = crosscheck.render(crosscheck.check(tuple(reversed(seed_documents))), "json")
    assert a == b
