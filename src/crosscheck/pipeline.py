"""`check()`: the one place that knows the order of the stages.

documents -> readings (sentences, read once: claims and syndication share them) -> claims
-> aligned clusters -> verdicts -> Report
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import attrs

from .align import Cluster, align
from .config import Config
from .engines import ENGINES, MIN_PARALLEL_CHARS, DaskEngine, LocalEngine
from .errors import ConfigError, CrosscheckError, DocumentError
from .independence import Syndication, claim_origins, find_syndication
from .lexicon import Lexicon
from .model import Claim, Document, Group, Report, Sentence, Verdict
from .terms import Terms, default_terms, terms_of
from .verdict import fold_events, judge

__all__ = ["Progress", "check", "check_claims", "index_documents", "judge_clusters"]

# ``progress(stage, done, total)``: how far `check` is ("extract": documents, "align": claims).
Progress = Callable[[str, int, int], None]

_ORDER = {Verdict.CONFLICT: 0, Verdict.POSSIBLE_CONFLICT: 1, Verdict.AGREEMENT: 2, Verdict.SINGLE_SOURCE: 3}


def check(
    documents: Iterable[Document],
    *,
    config: Config | None = None,
    terms: Terms | None = None,
    lexicon: Lexicon | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Cross-check documents: extract their claims, align them across documents, and judge each group.

    ``jobs`` extracts in that many processes (the local engine); ``engine="dask"`` runs extraction and
    alignment on a Dask cluster (``scheduler`` its address, else a local cluster). The report is the
    same, byte for byte, whatever the engine and the number of jobs. ``lexicon``: the word lists to
    read with (`lexicon.load_lexicon`: the built-in ones extended by a user's files); ``terms``, the
    alias tables alone (`terms.load_terms`), is the older way to extend the ``[terms]`` section.

    ``progress``, when given, is called as ``progress(stage, done, total)``: ``("extract", n,
    documents)`` after each document extracted in this process (once, with ``n == documents``, when
    processes or Dask extract them all), then ``("align", 0, claims)`` before alignment and
    ``("align", claims, claims)`` after it. The report does not depend on it.
    """
    config = config or Config()
    if lexicon is not None and terms is not None:
        raise ConfigError("give check() a lexicon or terms, not both (a lexicon holds the terms)")
    terms = terms or (default_terms() if lexicon is None else terms_of(lexicon))
    docs, by_id = index_documents(documents)
    say: Progress = progress or (lambda stage, done, total: None)
    if engine == "dask":
        claims, clusters = DaskEngine(scheduler).run(docs, by_id, config, terms)
        say("extract", len(docs), len(docs))
        say("align", len(claims), len(claims))
        return _report(docs, claims, clusters, by_id, config)
    if engine != "local":
        raise CrosscheckError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    local = LocalEngine(jobs)
    sentences: dict[str, tuple[Sentence, ...]] = {}  # of the documents read here: split once
    if progress is None or (jobs > 1 and sum(len(d.text) for d in docs) >= MIN_PARALLEL_CHARS):
        claims = local.extract(docs, config, terms, sentences=sentences)
        say("extract", len(docs), len(docs))
    else:  # one document at a time, in this process (as the engine would), to say how far it is
        claims = []
        for n, doc in enumerate(docs, 1):
            claims.extend(local.extract([doc], config, terms, sentences=sentences))
            say("extract", n, len(docs))
    say("align", 0, len(claims))
    clusters = local.align(claims, by_id, config)
    say("align", len(claims), len(claims))
    return _report(docs, claims, clusters, by_id, config, sentences)


def check_claims(
    documents: Iterable[Document], claims: Iterable[Claim], *, config: Config | None = None
) -> Report:
    """Align and judge claims extracted earlier (by `claims.extract`) from these documents.

    The same report as `check` of the documents when ``claims`` are their extracted claims.
    """
    config = config or Config()
    docs, by_id = index_documents(documents)
    ordered = sorted(claims, key=lambda c: (c.document, c.span.start, c.span.end))
    clusters = align(ordered, by_id, config=config)
    return _report(docs, ordered, clusters, by_id, config)


def _report(
    docs: tuple[Document, ...],
    claims: Iterable[Claim],
    clusters: Iterable[Cluster],
    by_id: Mapping[str, Document],
    config: Config,
    sentences: Mapping[str, tuple[Sentence, ...]] | None = None,
) -> Report:
    syndication = find_syndication(docs, config, sentences=sentences)
    return Report(
        documents=docs,
        claims=tuple(claims),
        groups=judge_clusters(clusters, by_id, syndication, config),
        shared_passages=syndication.shared,
    )


def index_documents(documents: Iterable[Document]) -> tuple[tuple[Document, ...], dict[str, Document]]:
    """The documents sorted by id, and by id; a duplicate id is a `DocumentError`."""
    docs = tuple(sorted(documents, key=lambda d: d.id))
    by_id: dict[str, Document] = {}
    for doc in docs:
        if doc.id in by_id:
            raise DocumentError(f"{doc.path or doc.id}: duplicate document id {doc.id!r}", path=doc.path)
        by_id[doc.id] = doc
    return docs, by_id


def judge_clusters(
    clusters: Iterable[Cluster],
    by_id: Mapping[str, Document],
    syndication: Syndication,
    config: Config | None = None,
) -> tuple[Group, ...]:
    """Judge every cluster, fold each event into the figure or date it carries (one finding, one
    group: `verdict.fold_events`) and number the groups: conflicts, possible conflicts (most likely
    first), agreements, then single-source."""
    judged = [
        judge(members, scores, by_id, claim_origins(members, syndication), reasons, config)
        for members, scores, reasons in clusters
    ]
    groups = fold_events(judged, by_id, config)
    groups.sort(
        key=lambda g: (
            _ORDER[g.verdict],
            -(g.confidence or 0) if g.verdict is Verdict.POSSIBLE_CONFLICT else 0,
            g.claims[0].document,
            g.claims[0].span.start,
            g.claims[0].id,
        )
    )
    return tuple(attrs.evolve(g, id=f"g{i:04d}") for i, g in enumerate(groups, 1))
