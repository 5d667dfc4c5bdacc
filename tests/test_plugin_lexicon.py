"""The pytest plugin reads with a user's lexicon: --crosscheck-lexicon or the crosscheck_lexicon ini key."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

RATE_TEST = """
def test_rate(crosscheck_report):
    (claim,) = [c for c in crosscheck_report.claims if c.kind == "quantity"]
    assert claim.value.unit == {unit!r}
"""


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def _setup(pytester: pytest.Pytester, unit: str) -> None:
    corpus = pytester.mkdir("corpus")
    (corpus / "a.txt").write_text("The club paid $5 million per fortnight.\n", encoding="utf-8")
    (pytester.path / "newsroom.toml").write_text('[claims]\nrate_units = ["fortnight"]\n', encoding="utf-8")
    pytester.makepyfile(test_rate=RATE_TEST.format(unit=unit))


def test_the_ini_key_names_a_lexicon_the_report_reads_with(pytester: pytest.Pytester) -> None:
    """crosscheck_lexicon in the ini file extends the word lists: "per fortnight" becomes a rate."""
    _setup(pytester, "USD/fortnight")
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\ncrosscheck_lexicon = newsroom.toml\n")
    _run(pytester).assert_outcomes(passed=1)


def test_without_a_lexicon_the_built_in_one_is_read(pytester: pytest.Pytester) -> None:
    """No lexicon named: the built-in word lists, where a fortnight is no rate."""
    _setup(pytester, "USD")
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    _run(pytester).assert_outcomes(passed=1)


def test_the_option_names_a_lexicon_too(pytester: pytest.Pytester) -> None:
    """--crosscheck-lexicon FILE, relative to where pytest runs, overrides the ini key."""
    _setup(pytester, "USD/fortnight")
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    _run(pytester, "--crosscheck-lexicon", "newsroom.toml").assert_outcomes(passed=1)


def test_a_bad_lexicon_fails_the_test_in_one_line(pytester: pytest.Pytester) -> None:
    """A lexicon file of the wrong shape fails the test that needs the report, naming the file and the class."""
    _setup(pytester, "USD")
    (pytester.path / "newsroom.toml").write_text("[claims]\nopeners = 5\n", encoding="utf-8")
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\ncrosscheck_lexicon = newsroom.toml\n")
    result = _run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "*crosscheck lexicon (crosscheck_lexicon ini key): *newsroom.toml: [[]claims.openers[]] must be a list, not a whole number"
        ]
    )
    result.stdout.no_fnmatch_line("*Traceback*")
