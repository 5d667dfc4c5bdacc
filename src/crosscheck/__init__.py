"""crosscheck: cross-check facts across documents at the level of single claims.

>>> import crosscheck
>>> report = crosscheck.check(crosscheck.load_documents("seeds/"))  # doctest: +SKIP
"""

from __future__ import annotations

from ._version import __version__
from .config import Config
from .documents import LoadProblem, LoadResult, load_documents, try_load_documents
from .errors import ConfigError, CrosscheckError, DocumentError, InputWarning, ManifestError, SpanError
from .lexicon import Lexicon, load_lexicon
from .model import (
    About,
    Claim,
    ConflictType,
    DateValue,
    Document,
    Group,
    Interval,
    Quantity,
    Reason,
    Report,
    Sentence,
    Span,
    Verdict,
)
from .pipeline import check
from .render import render

__all__ = [
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
