"""What a user sees when a crosscheck assertion fails under pytest (issue 13, item 8).

Each test runs a failing user test in a throwaway pytest session (pytester) and reads its output:
the user's own line and the message, no frame of crosscheck's helpers, no chained-exception line, a
short `Report` repr, and documents named by outlet as well as by id prefix.
"""

from __future__ import annotations

import datetime as dt

import pytest

import crosscheck
from crosscheck import Document

from .test_plugin import DAILY, MANIFEST, WIRE

pytest_plugins = ["pytester"]

CHAINED = ("During handling of the above exception", "The above exception was the direct cause")
HELPER_FRAMES = ("crosscheck/testing.py", "def _", "tuple_iterator", "_Failure", "failure.kind")

EVENING = (
    "Warehouse toll rises\n\n"
    "Forty people were killed when a fire swept through a warehouse on Harbor Street on Monday, "
    "police said on Tuesday.\n"
)
THREE_MANIFEST = (
    MANIFEST
    + """
[files."evening.txt"]
source = "Wire service"
published = 2024-03-06
"""
)


def _corpus(pytester: pytest.Pytester, *, evening: bool = False) -> None:
    folder = pytester.path / "corpus"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "daily.txt").write_text(DAILY, encoding="utf-8")
    if evening:
        (folder / "evening.txt").write_text(EVENING, encoding="utf-8")
    (folder / "manifest.toml").write_text(THREE_MANIFEST if evening else MANIFEST, encoding="utf-8")
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")


def _failing(pytester: pytest.Pytester, body: str, *args: str) -> str:
    """Run one user test that must fail; the whole output the user reads."""
    pytester.makepyfile(
        test_user="from crosscheck.testing import *\nfrom crosscheck.testing import find_claims\n\n"
        "def test_user(crosscheck_report):\n    " + body + "\n"
    )
    result = pytester.runpytest("-p", "no:hypothesispytest", *args)
    result.assert_outcomes(failed=1)
    return result.stdout.str()


def _clean(out: str) -> None:
    """No helper frame, no chained exception, no long repr of the report (in the failures part)."""
    out = out[out.index("= FAILURES =") :] if "= FAILURES =" in out else out[out.index("= ERRORS =") :]
    for noise in (*HELPER_FRAMES, *CHAINED, "Report(documents="):
        assert noise not in out, f"{noise!r} in the failure output:\n{out}"


@pytest.mark.parametrize("style", ["auto", "long", "short"])
def test_a_failed_agreement_shows_the_user_line_and_what_was_found(
    pytester: pytest.Pytester, style: str
) -> None:
    """Expecting agreement on a disputed toll: the user's line, the expectation, the verdict found
    and both quotes; nothing of crosscheck's internals, in every traceback style."""
    _corpus(pytester)
    out = _failing(
        pytester,
        'assert_agreement(crosscheck_report, ("wire", "40 people"), ("daily", "Twelve people"))',
        f"--tb={style}",
    )
    _clean(out)
    assert 'assert_agreement(crosscheck_report, ("wire", "40 people"), ("daily", "Twelve people"))' in out
    assert (
        'AssertionError: expected wire (Wire service) "40 people" and daily (City Daily) "Twelve people" '
        "to agree, but crosscheck calls them a conflict:" in out
    )
    assert 'wire (Wire service) says "At least 40 people" (characters 37-55)' in out
    assert "12 is below at least 40: no value is both" in out


def test_the_report_argument_is_shown_by_its_counts(pytester: pytest.Pytester) -> None:
    """--tb=long and -l print the fixture's value: its counts, not 240 characters of documents."""
    _corpus(pytester)
    out = _failing(pytester, "assert_no_conflict(crosscheck_report)", "--tb=long", "-l")
    _clean(out)
    line = "crosscheck_report = <Report 2 documents, 1 conflict, 0 possible conflicts, 3 agreements, 0 single-source>"
    assert out.count(line) == 2  # the argument of the test (long) and its local (-l)
    assert "expected no conflict, but crosscheck found 1 conflict:" in out


def test_an_unknown_document_in_the_second_claim_hides_the_lookup(pytester: pytest.Pytester) -> None:
    """A name that is no document fails on the user's line with the documents there are; before,
    the lookup inside a list comprehension showed its own frame (``.0 = <tuple_iterator ...>``)."""
    _corpus(pytester)
    out = _failing(
        pytester,
        'assert_conflict(crosscheck_report, ("wire", "40 people"), ("Gazette", "Twelve people"))',
        "--tb=long",
    )
    _clean(out)
    assert (
        "AssertionError: no document 'Gazette' in the report; its documents are: daily (City Daily), "
        "wire (Wire service) (name one by its id, an id prefix or its outlet)" in out
    )


def test_a_document_named_by_its_outlet_passes(pytester: pytest.Pytester) -> None:
    """The manifest's outlet ('source'), in any case and spacing, names a document as its id does."""
    _corpus(pytester)
    pytester.makepyfile(
        """
        from crosscheck.testing import assert_agreement, assert_conflict

        def test_by_outlet(crosscheck_report):
            assert_conflict(crosscheck_report, ("wire service", "At least 40"), ("CITY  Daily", "Twelve"))
            assert_agreement(crosscheck_report, ("Wire Service", "12 fire engines"), ("dai", "a dozen"))
        """
    )
    pytester.runpytest("-p", "no:hypothesispytest").assert_outcomes(passed=1)


def test_an_outlet_with_two_documents_is_ambiguous_and_lists_them(pytester: pytest.Pytester) -> None:
    """Two articles of one outlet: its name fails, listing both documents with their ids."""
    _corpus(pytester, evening=True)
    out = _failing(pytester, 'assert_single_source(crosscheck_report, ("Wire service", "Forty people"))')
    _clean(out)
    assert (
        "AssertionError: document 'Wire service' is ambiguous: it could be evening (Wire service), "
        "wire (Wire service); name one by its id or a longer id prefix" in out
    )


def test_a_wrong_expectation_on_a_possible_conflict_says_so(pytester: pytest.Pytester) -> None:
    """A conflict scored below the conflict bar is 'a possible conflict' in the message (this used to
    raise a KeyError from inside the helper)."""
    _corpus(pytester)
    pytester.makepyfile(
        """
        import pytest
        from crosscheck.testing import assert_conflict

        @pytest.mark.crosscheck(conflict_bar=100, possible_bar=0)
        def test_possible(crosscheck_report):
            assert_conflict(crosscheck_report, ("wire", "At least 40 people"), ("daily", "Twelve people"))
        """
    )
    result = pytester.runpytest("-p", "no:hypothesispytest", "--tb=long")
    result.assert_outcomes(failed=1)
    out = result.stdout.str()
    _clean(out)
    assert "to conflict, but crosscheck calls them a possible conflict:" in out
    assert "KeyError" not in out


def test_a_claim_that_is_not_a_pair_is_a_type_error_on_the_user_line(pytester: pytest.Pytester) -> None:
    """A bare string for a claim: a TypeError saying what is expected, raised where the user wrote it."""
    _corpus(pytester)
    out = _failing(pytester, 'find_claims(crosscheck_report, "Twelve people")', "--tb=long")
    _clean(out)
    assert "TypeError: a claim is named by a (document, snippet) pair of strings, got 'Twelve people'" in out
    assert "test_user.py:5: TypeError" in out


def test_native_tracebacks_show_one_crosscheck_frame_and_no_chain(pytester: pytest.Pytester) -> None:
    """--tb=native ignores __tracebackhide__; the error is raised afresh by the public helper, so
    Python's own traceback holds one line of crosscheck, and no chained exception."""
    _corpus(pytester)
    out = _failing(
        pytester,
        'assert_conflict(crosscheck_report, ("nowhere", "40 people"), ("daily", "Twelve people"))',
        "--tb=native",
    )
    for noise in CHAINED:
        assert noise not in out
    assert out.count("crosscheck/testing.py") == 1
    assert "no document 'nowhere' in the report" in out


def test_a_missing_corpus_is_one_line_without_a_chain(pytester: pytest.Pytester) -> None:
    """A fixture that cannot load its corpus fails with crosscheck's line only."""
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.crosscheck(corpus="missing")
        def test_missing(crosscheck_report):
            pass
        """
    )
    result = pytester.runpytest("-p", "no:hypothesispytest", "--tb=long")
    result.assert_outcomes(errors=1)
    out = result.stdout.str()
    assert "crosscheck corpus (@pytest.mark.crosscheck): " in out and "missing: no such file or folder" in out
    for noise in CHAINED:
        assert noise not in out


def test_report_repr_is_short_deterministic_and_counts_in_words() -> None:
    """repr(report): the counts, singular where one; equal reports print alike."""
    doc = Document(id="a", source="A", published=dt.date(2024, 3, 5), text=WIRE)
    other = Document(id="b", source="B", published=dt.date(2024, 3, 5), text=DAILY)
    report = crosscheck.check([doc, other])
    text = repr(report)
    assert text == "<Report 2 documents, 1 conflict, 0 possible conflicts, 3 agreements, 0 single-source>"
    assert repr(crosscheck.check([doc, other])) == text
    alone = crosscheck.check([doc])
    assert repr(alone).startswith("<Report 1 document, 0 conflicts, 0 possible conflicts, 0 agreements, ")
