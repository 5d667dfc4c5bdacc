"""`check()`: the one place that knows the order of the stages.

documents -> sentences -> claims -> aligned clusters -> verdicts -> Report
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .align import align
from .claims import extract
from .config import Config
from .errors import DocumentError, SpanError
from .model import Claim, Document, Report, Verdict
from .terms import Terms, default_terms
from .verdict import judge

__all__ = ["check"]

_ORDER = {Verdict.CONFLICT: 0, Verdict.AGREEMENT: 1, Verdict.SINGLE_SOURCE: 2}


def check(
    documents: Iterable[Document], *, config: Config | None = None, terms: Terms | None = None
) -> Report:
    """Cross-check documents: extract their claims, align them across documents, and judge each group."""
    config = config or Config()
    terms = terms or default_terms()
    docs = tuple(sorted(documents, key=lambda d: d.id))
    by_id: dict[str, Document] = {}
    for doc in docs:
        if doc.id in by_id:
            raise DocumentError(f"{doc.path or doc.id}: duplicate document id {doc.id!r}", path=doc.path)
        by_id[doc.id] = doc
    claims: list[Claim] = []
    for doc in docs:
        for claim in extract(doc, config=config, terms=terms):
            if doc.text[claim.span.start : claim.span.end] != claim.text:
                raise SpanError(f"{doc.id}: claim {claim.id} does not match its span (a bug)")
            claims.append(claim)
    groups = [judge(members, scores, by_id) for members, scores in align(claims, by_id, config=config)]
    groups.sort(
        key=lambda g: (_ORDER[g.verdict], g.claims[0].document, g.claims[0].span.start, g.claims[0].id)
    )
    numbered = tuple(attrs.evolve(g, id=f"g{i:04d}") for i, g in enumerate(groups, 1))
    return Report(documents=docs, claims=tuple(claims), groups=numbered)
