"""The pytest plugin, run inside throwaway pytest sessions (pytester): corpus, config, caching, failures."""

from __future__ import annotations

import importlib.metadata

import pytest

pytest_plugins = ["pytester"]

WIRE = (
    "Fire at the Harbor Street warehouse\n\n"
    "At least 40 people were killed when a fire swept through a warehouse on Harbor Street on Monday, "
    "police said.\nFirefighters brought the blaze under control after six hours, and 12 fire engines "
    "were sent to the scene.\n"
)
DAILY = (
    "Warehouse fire kills 12\n\n"
    "Twelve people were killed when a fire swept through a warehouse on Harbor Street on Monday, "
    "police said.\nAbout a dozen fire engines were sent to the scene, and firefighters needed six hours "
    "to bring the blaze under control.\n"
)
MANIFEST = """\
[files."wire.txt"]
source = "Wire service"
published = 2024-03-05

[files."daily.txt"]
source = "City Daily"
published = 2024-03-05
"""
FIRE_TESTS = """
from crosscheck.testing import assert_agreement, assert_conflict

def test_toll(crosscheck_report):
    assert_conflict(crosscheck_report, ("wire", "At least 40 people"), ("daily", "Twelve people"))

def test_engines(crosscheck_report):
    assert_agreement(crosscheck_report, ("wire", "12 fire engines"), ("daily", "a dozen fire engines"))
"""


def _run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run pytest in-process; hypothesis's plugin is left out (it re-imports hypothesis on every run)."""
    return pytester.runpytest("-p", "no:hypothesispytest", *args)


def _corpus(pytester: pytest.Pytester, folder: str = "corpus") -> None:
    """Two reports of one fire, with a manifest, in ``folder``."""
    path = pytester.path / folder
    path.mkdir(parents=True)
    (path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (path / "daily.txt").write_text(DAILY, encoding="utf-8")
    (path / "manifest.toml").write_text(MANIFEST, encoding="utf-8")


def test_installing_crosscheck_registers_the_plugin() -> None:
    """The pytest11 entry point names crosscheck.plugin, so no conftest or -p is needed."""
    points = importlib.metadata.entry_points(group="pytest11")
    assert "crosscheck.plugin" in {p.value for p in points if p.name == "crosscheck"}


def test_ini_corpus_feeds_the_report_fixture(pytester: pytest.Pytester) -> None:
    """crosscheck_corpus in the ini file is enough for crosscheck_report and the helpers."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    pytester.makepyfile(test_fire=FIRE_TESTS)
    result = _run(pytester)
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["crosscheck corpus (crosscheck_corpus ini key): *corpus"])


def test_ini_corpus_is_relative_to_the_ini_file(pytester: pytest.Pytester) -> None:
    """Running from a subfolder still finds the corpus named in the ini file."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    sub = pytester.mkdir("sub")
    (sub / "test_fire.py").write_text(FIRE_TESTS, encoding="utf-8")
    result = _run(pytester, str(sub))
    result.assert_outcomes(passed=2)


def test_pyproject_table_names_corpus_and_config(pytester: pytest.Pytester) -> None:
    """[tool.pytest.ini_options] in pyproject.toml works as well as pytest.ini, with TOML lists."""
    _corpus(pytester)
    pytester.makepyprojecttoml(
        '[tool.pytest.ini_options]\ncrosscheck_corpus = ["corpus"]\n'
        'crosscheck_config = ["conflict_bar = 80"]\n'
    )
    pytester.makepyfile(
        test_fire=FIRE_TESTS
        + "\ndef test_config(crosscheck_config):\n    assert crosscheck_config.conflict_bar == 80\n"
    )
    _run(pytester).assert_outcomes(passed=3)


def test_command_line_corpus_overrides_the_ini(pytester: pytest.Pytester) -> None:
    """--crosscheck-corpus wins over the ini key."""
    _corpus(pytester, "fire")
    pytester.makeini("[pytest]\ncrosscheck_corpus = nowhere\n")
    pytester.makepyfile(test_fire=FIRE_TESTS)
    result = _run(pytester, "--crosscheck-corpus", "fire")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["crosscheck corpus (--crosscheck-corpus): *fire"])


def test_marker_names_the_corpus_relative_to_the_test_file(pytester: pytest.Pytester) -> None:
    """@pytest.mark.crosscheck(corpus=...) works with --strict-markers and beats the ini key."""
    _corpus(pytester, "tests/fire")
    pytester.makeini("[pytest]\naddopts = --strict-markers\ncrosscheck_corpus = nowhere\n")
    (pytester.path / "tests" / "test_marked.py").write_text(
        "import pytest\npytestmark = pytest.mark.crosscheck(corpus='fire')\n" + FIRE_TESTS,
        encoding="utf-8",
    )
    result = _run(pytester)
    result.assert_outcomes(passed=2)


def test_marker_config_reaches_the_pipeline(pytester: pytest.Pytester) -> None:
    """Marker keywords become crosscheck.Config options; a strict threshold splits the agreement."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    pytester.makepyfile(
        """
        import pytest
        from crosscheck.testing import assert_agreement

        def test_default(crosscheck_config):
            assert crosscheck_config.agree_bar == 60.0

        @pytest.mark.crosscheck(agree_bar=100, conflict_bar=100)
        def test_strict(crosscheck_config, crosscheck_report):
            assert crosscheck_config.agree_bar == 100
            assert_agreement(crosscheck_report, ("wire", "12 fire engines"), ("daily", "a dozen fire engines"))
        """
    )
    result = _run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*to agree, but they are not in one group:*"])


def test_ini_config_lines_set_options(pytester: pytest.Pytester) -> None:
    """crosscheck_config lines in the ini file are read as TOML name = value pairs."""
    _corpus(pytester)
    pytester.makeini(
        "[pytest]\ncrosscheck_corpus = corpus\ncrosscheck_config =\n"
        "    agree_bar = 70\n    approx_tolerance = '0.2'\n"
    )
    pytester.makepyfile(
        """
        from decimal import Decimal

        def test_config(crosscheck_config):
            assert crosscheck_config.agree_bar == 70
            assert crosscheck_config.approx_tolerance == Decimal("0.2")
        """
    )
    _run(pytester).assert_outcomes(passed=1)


def test_a_misspelt_option_fails_naming_it(pytester: pytest.Pytester) -> None:
    """A typo in a marker keyword is an error that names it and lists the real options."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.crosscheck(min_contxt_score=70)
        def test_typo(crosscheck_report):
            pass
        """
    )
    result = _run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["*@pytest.mark.crosscheck: unknown crosscheck.Config option 'min_contxt_score'; the options are *"]
    )


def test_an_out_of_range_option_fails_with_the_config_message(pytester: pytest.Pytester) -> None:
    """A value Config refuses is reported with Config's own one-line reason."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    pytester.makepyfile(
        """
        import pytest

        @pytest.mark.crosscheck(agree_bar=120)
        def test_bad(crosscheck_report):
            pass
        """
    )
    result = _run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*agree_bar must be between 0 and 100, got 120*"])


def test_no_corpus_and_a_missing_corpus_say_what_to_do(pytester: pytest.Pytester) -> None:
    """Without a corpus the error says where to name one; a missing path is named in one line."""
    pytester.makepyfile(
        """
        import pytest

        def test_none(crosscheck_report):
            pass

        @pytest.mark.crosscheck(corpus="missing")
        def test_missing(crosscheck_documents):
            pass
        """
    )
    result = _run(pytester)
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*crosscheck: no corpus named: set crosscheck_corpus in the ini file*",
            "*crosscheck corpus (@pytest.mark.crosscheck): */missing: no such file or folder",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_report_is_computed_once_per_corpus_and_config(pytester: pytest.Pytester) -> None:
    """Tests sharing a corpus and config share one report object; another config gets its own."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    pytester.makepyfile(
        """
        import pytest

        SEEN = []

        @pytest.mark.parametrize("i", range(3))
        def test_same(crosscheck_report, crosscheck_documents, i):
            SEEN.append((crosscheck_report, crosscheck_documents))

        @pytest.mark.crosscheck(agree_bar=90)
        def test_other(crosscheck_report, crosscheck_documents):
            SEEN.append((crosscheck_report, crosscheck_documents))

        def test_check():
            reports = [r for r, _ in SEEN]
            assert reports[0] is reports[1] is reports[2]
            assert reports[3] is not reports[0]
            assert len({id(d) for _, d in SEEN}) == 1
        """
    )
    _run(pytester).assert_outcomes(passed=5)


def test_failure_shows_the_words_not_the_helper_internals(pytester: pytest.Pytester) -> None:
    """A failing helper prints what was found (verdict, quotes) and hides its own frames."""
    _corpus(pytester)
    pytester.makeini("[pytest]\ncrosscheck_corpus = corpus\n")
    pytester.makepyfile(
        """
        from crosscheck.testing import assert_agreement

        def test_toll(crosscheck_report):
            assert_agreement(crosscheck_report, ("wire", "40 people"), ("daily", "Twelve people"))
        """
    )
    result = _run(pytester, "--tb=long")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            '*expected wire (Wire service) "40 people" and daily (City Daily) "Twelve people" to agree, '
            "but crosscheck calls them a conflict:*",
            '*- daily (City Daily) says "Twelve people" (characters *',
        ]
    )
    assert "def _assert_together" not in result.stdout.str()


def test_marker_is_listed(pytester: pytest.Pytester) -> None:
    """pytest --markers documents the crosscheck marker."""
    result = _run(pytester, "--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.crosscheck(corpus=None, **config): *"])
