"""The pytest plugin (entry point ``pytest11``): fixtures that cross-check a corpus once per session.

Installing crosscheck is enough; pytest loads this module at startup. Name the corpus (files or
folders of ``.txt``/``.md``) in one of three places, the first found wins:

1. ``@pytest.mark.crosscheck(corpus="articles/", agree_bar=70)`` on a test, class or module;
   the path is relative to the test file's folder; the other keywords are `crosscheck.Config` options;
2. ``--crosscheck-corpus PATH`` on the command line (repeatable), relative to where pytest runs;
3. ``crosscheck_corpus = seeds/`` in the ini file (one or more paths, relative to the ini file),
   with ``crosscheck_config`` lines such as ``agree_bar = 70`` (TOML values).

Word lists: ``--crosscheck-lexicon FILE`` (repeatable), else the ``crosscheck_lexicon`` ini key, extends
crosscheck's lexicon for the reports (`crosscheck.load_lexicon`).

Fixtures: ``crosscheck_config`` (the `Config`), ``crosscheck_documents`` and ``crosscheck_report``.
Documents are loaded once per corpus and reports computed once per (corpus, config) per session.
"""

from __future__ import annotations

import inspect
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .config import Config
    from .model import Document, Report

__all__ = [
    "crosscheck_config",
    "crosscheck_documents",
    "crosscheck_report",
    "pytest_addoption",
    "pytest_configure",
    "pytest_report_header",
]

_MARKER = "crosscheck"
_HELP_MARKER = (
    "crosscheck(corpus=None, **config): cross-check this corpus (a path or list of paths relative to "
    "the test file) with these crosscheck.Config options in the crosscheck_* fixtures"
)
_NO_CORPUS = (
    "crosscheck: no corpus named: set crosscheck_corpus in the ini file, pass --crosscheck-corpus PATH, "
    "or mark the test @pytest.mark.crosscheck(corpus=...)"
)


class _Cache:
    """What one pytest session has loaded and checked, keyed by corpus paths (and config)."""

    def __init__(self) -> None:
        self.documents: dict[tuple[str, ...], tuple[Document, ...]] = {}
        self.reports: dict[tuple[tuple[str, ...], Config, tuple[str, ...]], Report] = {}


_CACHE = pytest.StashKey[_Cache]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``--crosscheck-corpus`` option and the ``crosscheck_corpus``/``crosscheck_config`` ini keys."""
    group = parser.getgroup("crosscheck", "cross-check facts across documents")
    group.addoption(
        "--crosscheck-corpus",
        action="append",
        dest="crosscheck_corpus",
        metavar="PATH",
        default=None,
        help="file or folder of .txt/.md documents for the crosscheck_* fixtures (repeatable); "
        "overrides the crosscheck_corpus ini key",
    )
    group.addoption(
        "--crosscheck-lexicon",
        action="append",
        dest="crosscheck_lexicon",
        metavar="FILE",
        default=None,
        help="lexicon file extending crosscheck's word lists for the crosscheck_report fixture "
        "(repeatable); overrides the crosscheck_lexicon ini key",
    )
    parser.addini(
        "crosscheck_lexicon",
        type="paths",
        default=[],
        help="lexicon files extending crosscheck's word lists for the crosscheck_report fixture",
    )
    parser.addini(
        "crosscheck_corpus",
        type="paths",
        default=[],
        help="files or folders of .txt/.md documents for the crosscheck_* fixtures, relative to the ini file",
    )
    parser.addini(
        "crosscheck_config",
        type="linelist",
        default=[],
        help="crosscheck.Config options for the crosscheck_* fixtures, one 'name = value' (TOML) a line",
    )


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker and start an empty per-session cache."""
    config.addinivalue_line("markers", _HELP_MARKER)
    config.stash[_CACHE] = _Cache()


def pytest_report_header(config: pytest.Config) -> str | None:
    """Say which corpus the crosscheck fixtures use, when one is set for the whole session."""
    paths, origin = _session_corpus(config)
    if not paths:
        return None
    return f"crosscheck corpus ({origin}): {', '.join(str(p) for p in paths)}"


@pytest.fixture
def crosscheck_config(request: pytest.FixtureRequest) -> Config:
    """The `crosscheck.Config` for this test: ini ``crosscheck_config`` lines, then marker keywords."""
    from .config import Config
    from .errors import ConfigError
    from .settings import checked_config

    options = _ini_config(request.config)
    where = "crosscheck_config (ini)"
    for marker in reversed(list(request.node.iter_markers(_MARKER))):
        options.update({k: v for k, v in marker.kwargs.items() if k != "corpus"})
        if set(marker.kwargs) - {"corpus"}:
            where = "@pytest.mark.crosscheck"
    known = [p for p in inspect.signature(Config).parameters]
    unknown = sorted(set(options) - set(known))
    if unknown:
        pytest.fail(
            f"{where}: unknown crosscheck.Config option {', '.join(map(repr, unknown))}; "
            f"the options are {', '.join(known)}",
            pytrace=False,
        )
    try:
        return checked_config(options)  # a wrong type is named too: "agree_bar must be a number, got 'x'"
    except (ConfigError, TypeError, ValueError, ArithmeticError) as exc:
        problem = f"{where}: {exc}"
    pytest.fail(problem, pytrace=False)  # outside the except: no "During handling of ..." line


@pytest.fixture
def crosscheck_documents(request: pytest.FixtureRequest) -> tuple[Document, ...]:
    """The corpus's documents, loaded once per session (see the module docstring for naming the corpus)."""
    from .documents import load_documents
    from .errors import CrosscheckError

    paths, origin = _corpus(request)
    key = tuple(str(p) for p in paths)
    cache = request.config.stash[_CACHE]
    if key not in cache.documents:
        try:
            cache.documents[key] = load_documents(*paths)
        except CrosscheckError as exc:
            problem = f"crosscheck corpus ({origin}): {exc}"
        else:
            return cache.documents[key]
        pytest.fail(problem, pytrace=False)  # outside the except: no chained exception shown
    return cache.documents[key]


@pytest.fixture
def crosscheck_report(
    request: pytest.FixtureRequest,
    crosscheck_documents: tuple[Document, ...],
    crosscheck_config: Config,
) -> Report:
    """The corpus cross-checked with this test's config, computed once per (corpus, config) per session."""
    from .errors import CrosscheckError
    from .lexicon import load_lexicon
    from .pipeline import check

    paths, origin = _corpus(request)
    lexicon_paths, lexicon_origin = _session_lexicon(request.config)
    key = (tuple(str(p) for p in paths), crosscheck_config, tuple(str(p) for p in lexicon_paths))
    cache = request.config.stash[_CACHE]
    if key not in cache.reports:
        try:
            lexicon = load_lexicon(*lexicon_paths)
        except CrosscheckError as exc:
            pytest.fail(f"crosscheck lexicon ({lexicon_origin}): {exc}", pytrace=False)
        try:
            cache.reports[key] = check(crosscheck_documents, config=crosscheck_config, lexicon=lexicon)
        except CrosscheckError as exc:
            problem = f"crosscheck corpus ({origin}): {exc}"
        else:
            return cache.reports[key]
        pytest.fail(problem, pytrace=False)  # outside the except: no chained exception shown
    return cache.reports[key]


def _corpus(request: pytest.FixtureRequest) -> tuple[tuple[Path, ...], str]:
    """The corpus paths for this test and where they were named; fails the test when none is."""
    for marker in request.node.iter_markers(_MARKER):
        raw: Any = marker.kwargs.get("corpus", marker.args[0] if marker.args else None)
        if raw is None:
            continue
        items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
        base = request.node.path.parent
        return tuple(base / Path(p) for p in items), "@pytest.mark.crosscheck"
    paths, origin = _session_corpus(request.config)
    if not paths:
        pytest.fail(_NO_CORPUS, pytrace=False)
    return paths, origin


def _session_lexicon(config: pytest.Config) -> tuple[tuple[Path, ...], str]:
    """The lexicon files named on the command line, else in the ini file (none: the built-in lexicon)."""
    return _session_paths(config, "crosscheck_lexicon")


def _session_corpus(config: pytest.Config) -> tuple[tuple[Path, ...], str]:
    """The corpus named on the command line, else in the ini file; empty when neither names one."""
    return _session_paths(config, "crosscheck_corpus")


def _session_paths(config: pytest.Config, name: str) -> tuple[tuple[Path, ...], str]:
    """The paths of option ``name``: from the command line (relative to where pytest was started),
    else from the ini key of that name; and which of the two said so."""
    option: list[str] | None = config.getoption(name, default=None)
    if option:
        base = config.invocation_params.dir
        return tuple(base / p for p in option), "--" + name.replace("_", "-")
    ini: list[Path] = config.getini(name)
    return tuple(ini), f"{name} ini key"


def _ini_config(config: pytest.Config) -> dict[str, Any]:
    """The ``crosscheck_config`` ini lines as keyword arguments, each line read as TOML."""
    lines: list[str] = config.getini("crosscheck_config")
    try:
        return dict(tomllib.loads("\n".join(lines)))
    except tomllib.TOMLDecodeError as exc:
        raise pytest.UsageError(f"crosscheck_config (ini): not 'name = value' lines in TOML: {exc}") from None
