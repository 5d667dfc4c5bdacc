"""The public API is exactly what `crosscheck.__all__` lists, sorted, and each name is importable."""

from __future__ import annotations

import crosscheck

EXPECTED = [
    "About",
    "Claim",
    "Config",
    "ConfigError",
    "ConflictType",
    "CrosscheckError",
    "DateValue",
    "Document",
    "DocumentError",
    "Group",
    "InputWarning",
    "Interval",
    "Lexicon",
    "LoadProblem",
    "LoadResult",
    "ManifestError",
    "Quantity",
    "Reason",
    "Report",
    "Sentence",
    "Span",
    "SpanError",
    "Verdict",
    "__version__",
    "check",
    "load_documents",
    "load_lexicon",
    "render",
    "try_load_documents",
]


def test_all_is_the_documented_api() -> None:
    """Adding or removing a public name is a deliberate change to this list."""
    assert crosscheck.__all__ == EXPECTED


def test_all_is_sorted_and_importable() -> None:
    """Every listed name exists on the package."""
    assert sorted(crosscheck.__all__) == crosscheck.__all__
    for name in crosscheck.__all__:
        assert hasattr(crosscheck, name), name


def test_errors_form_one_tree() -> None:
    """Every error crosscheck raises on purpose is a CrosscheckError and a ValueError."""
    for cls in (
        crosscheck.DocumentError,
        crosscheck.ManifestError,
        crosscheck.ConfigError,
        crosscheck.SpanError,
    ):
        assert issubclass(cls, crosscheck.CrosscheckError)
        assert issubclass(cls, ValueError)
