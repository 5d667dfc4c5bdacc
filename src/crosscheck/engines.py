"""Where extraction and alignment run: in this process, in a local process pool, or on a Dask cluster.

Every engine returns the same claims, in the same order, as extracting document after document in
this process, and the same clusters as `align.align`; so the report is byte-identical whatever the
engine and the number of jobs. Dask is imported only when the Dask engine is asked for
(``pip install "crosscheck[dask]"``).
"""

from __future__ import annotations

import gc
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .align import MAX_TIME_NEIGHBOURS, Cluster, Source, align, block_key, bridge_clusters, sources_of
from .claims import extract
from .config import Config
from .errors import CrosscheckError, SpanError
from .model import Claim, Document, Reason, Sentence
from .reading import Reading, read
from .terms import Terms

__all__ = ["ENGINES", "DaskEngine", "LocalEngine", "default_jobs", "extract_checked"]

ENGINES = ("local", "dask")
# Below this much text, starting worker processes costs more than it saves.
MIN_PARALLEL_CHARS = 50_000
# How many distinct texts extraction in this process keeps read: a copy of one of them (the same
# story syndicated word for word) takes over its reading's sentences, tokens and lines (`Reading`).
RECENT_TEXTS = 64


def default_jobs() -> int:
    """The number of cores this process may use (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_checked(
    doc: Document, config: Config, terms: Terms, *, reading: Reading | None = None
) -> tuple[Claim, ...]:
    """The claims of one document, each checked against its span (``text[start:end] == claim.text``)."""
    claims = extract(doc, config=config, terms=terms, reading=reading)
    for claim in claims:
        if doc.text[claim.span.start : claim.span.end] != claim.text:
            raise SpanError(f"{doc.id}: claim {claim.id} does not match its span (a bug)")
    return claims


# Set once per worker process by the pool's initializer, so config and terms cross over once.
_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, terms: Terms) -> None:
    _WORKER["config"], _WORKER["terms"] = config, terms


def _extract_in_worker(doc: Document) -> tuple[tuple[Claim, ...], tuple[Sentence, ...]]:
    """A document's claims and its sentences: the parent keeps the sentences for syndication, so a
    document is split once whatever ``--jobs``."""
    reading = read(doc)
    return extract_checked(doc, _WORKER["config"], _WORKER["terms"], reading=reading), reading.sentences


def _extract_here(
    docs: Sequence[Document],
    config: Config,
    terms: Terms,
    sentences: dict[str, tuple[Sentence, ...]] | None,
) -> list[Claim]:
    """Every claim of ``docs``, extracted in this process (`LocalEngine.extract` with one job).

    Python's cyclic garbage collector is paused while it runs (and resumed after, if it was on), as
    for `align.align`: extraction makes no cyclic garbage (every object it drops is freed by its
    reference count), but the tokens, spans and claims it keeps made the collector run hundreds of
    times over them, and its full collections walked every claim kept so far (0.35 s of the 7 s of
    /tmp/distinct's 432 texts)."""
    out: list[Claim] = []
    recent: dict[str, Reading] = {}  # the latest readings by text, for copies of a story
    for doc in docs:
        reading = read(doc, like=recent.pop(doc.text, None))
        recent[doc.text] = reading
        if len(recent) > RECENT_TEXTS:
            del recent[next(iter(recent))]  # the least recently read text
        out.extend(extract_checked(doc, config, terms, reading=reading))
        if sentences is not None:
            sentences[doc.id] = reading.sentences
    return out


class LocalEngine:
    """Extraction in this process (``jobs=1``) or in a pool of ``jobs`` processes; alignment here."""

    def __init__(self, jobs: int = 1) -> None:
        if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
            raise CrosscheckError(f"jobs must be a whole number >= 1, got {jobs!r}")
        self.jobs = jobs

    def extract(
        self,
        docs: Sequence[Document],
        config: Config,
        terms: Terms,
        *,
        sentences: dict[str, tuple[Sentence, ...]] | None = None,
    ) -> list[Claim]:
        """Every claim of every document, document by document in the given order.

        ``sentences``: each document's sentences are kept there by id, from this process or from the
        worker that read it (for `independence.find_syndication`: a document is split into sentences once)."""
        jobs = min(self.jobs, len(docs))
        if jobs <= 1 or sum(len(d.text) for d in docs) < MIN_PARALLEL_CHARS:
            enabled = gc.isenabled()
            gc.disable()  # see `_extract_here`
            try:
                return _extract_here(docs, config, terms, sentences)
            finally:
                if enabled:
                    gc.enable()
        chunk = max(1, len(docs) // (jobs * 8))
        try:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config, terms)) as pool:
                out: list[Claim] = []
                for doc, (claims, split) in zip(
                    docs, pool.map(_extract_in_worker, docs, chunksize=chunk), strict=True
                ):
                    out.extend(claims)
                    if sentences is not None:
                        sentences[doc.id] = split
                return out
        except BrokenProcessPool:  # a worker was killed (a signal, the out-of-memory killer) or crashed
            raise CrosscheckError(
                f"a worker process of --jobs {self.jobs} died while extracting claims (killed, or out "
                "of memory); stopped before writing anything: run again, or with fewer --jobs"
            ) from None

    def align(self, claims: Sequence[Claim], docs: Mapping[str, Document], config: Config) -> list[Cluster]:
        """`align.align` in this process."""
        return align(claims, docs, config=config)


class DaskEngine:
    """Extraction and alignment on a Dask cluster, in a few large tasks per worker.

    The documents go to the workers in ``partitions`` runs of consecutive documents (about equal in
    text; default four per worker), each extracted by one task; the blocks of claims go back in bins
    of about equal alignment work (two per worker), each aligned by one task. What every task reads
    (config and terms; the documents' `Source` for the pair rules) is scattered to every worker once,
    as one object. ``scheduler`` is the address of a running ``dask.distributed`` scheduler
    ("tcp://host:8786"); without one a `LocalCluster` is started for the run and closed after it.
    ``client`` (a ``dask.distributed.Client``) takes precedence over both.
    """

    def __init__(self, scheduler: str | None = None, *, client: Any = None, partitions: int | None = None):
        self.scheduler = scheduler
        self.client = client
        self.partitions = partitions

    def run(
        self, docs: Sequence[Document], by_id: Mapping[str, Document], config: Config, terms: Terms
    ) -> tuple[list[Claim], list[Cluster]]:
        """The claims of every document and their clusters, computed on the cluster."""
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise CrosscheckError('the dask engine needs Dask: pip install "crosscheck[dask]"') from None
        owned: list[Any] = []
        client = self.client
        try:
            if client is None and self.scheduler:
                try:
                    client = Client(self.scheduler, timeout="10s")  # type: ignore[no-untyped-call,unused-ignore]
                except (OSError, TimeoutError) as exc:
                    raise CrosscheckError(
                        f"cannot reach the Dask scheduler at {self.scheduler}: {exc}"
                    ) from None
                owned.append(client)
            elif client is None:
                cluster = LocalCluster(  # type: ignore[no-untyped-call,unused-ignore]
                    n_workers=default_jobs(), threads_per_worker=1, processes=True, dashboard_address=":0"
                )
                owned.append(cluster)
                client = Client(cluster)  # type: ignore[no-untyped-call,unused-ignore]
                owned.insert(0, client)
            workers = max(1, _workers(client))
            # Scattered as one object each (a dict or list given to `scatter` would become one future
            # per item), and passed as positional arguments: a large keyword argument of `Client.map`
            # becomes a graph node named after the keyword, which the scheduler cannot run
            # (``AssertionError(<TaskState 'sources' processing>)`` from 2,000 documents on).
            [context] = client.scatter([(config, terms)], broadcast=True, hash=False)
            parts = _runs(docs, self.partitions or 4 * workers)
            remote_parts = client.scatter(parts, hash=False)
            extracted = [client.submit(_extract_part, part, context, pure=False) for part in remote_parts]
            # what the pair rules read of each document: read here while the workers extract
            read = sources_of(by_id)
            [sources] = client.scatter([(read, config)], broadcast=True, hash=False)
            claims = [c for part_claims in client.gather(extracted) for c in part_claims]
            blocks: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
            for claim in claims:
                blocks[block_key(claim, config)].append(claim)
            bins = _bins([blocks[k] for k in sorted(blocks)], 2 * workers)
            remote_bins = client.scatter(bins, hash=False)
            aligned = [client.submit(_align_blocks, b, sources, pure=False) for b in remote_bins]
            # clusters come back as positions in their bin: the claims cross the wire once each way
            clusters: list[Cluster] = []
            for one_bin, found in zip(bins, client.gather(aligned), strict=True):
                flat = [c for block in one_bin for c in block]
                clusters.extend(
                    (tuple(flat[k] for k in members), scores, why) for members, scores, why in found
                )
            clusters.sort(key=lambda c: (c[0][0].document, c[0][0].span.start, c[0][0].span.end))
            return claims, bridge_clusters(clusters, read, config)  # across blocks, once
        finally:
            for thing in owned:
                thing.close()


def _workers(client: Any) -> int:
    info: Mapping[str, Any] = client.scheduler_info()
    return len(info.get("workers", {}))


def _runs(docs: Sequence[Document], count: int) -> list[list[Document]]:
    """``docs`` cut into at most ``count`` runs of consecutive documents, about equal in text."""
    count = max(1, min(count, len(docs)))
    total = sum(len(d.text) for d in docs) or 1
    runs: list[list[Document]] = [[]]
    done = 0
    for doc in docs:
        if runs[-1] and done * count >= total * len(runs):
            runs.append([])
        runs[-1].append(doc)
        done += len(doc.text)
    return runs


def _bins(blocks: Sequence[list[Claim]], count: int) -> list[list[list[Claim]]]:
    """The blocks in at most ``count`` bins of about equal alignment work (largest block first, each
    into the lightest bin); a block's work is its claims times the partners each may meet."""
    loads = [0] * max(1, min(count, len(blocks)))
    bins: list[list[list[Claim]]] = [[] for _ in loads]
    cost = [len(b) * min(len(b), MAX_TIME_NEIGHBOURS + 1) for b in blocks]
    for n in sorted(range(len(blocks)), key=lambda n: -cost[n]):
        lightest = min(range(len(loads)), key=lambda k: loads[k])
        bins[lightest].append(blocks[n])
        loads[lightest] += cost[n] + 1
    return [b for b in bins if b]


def _extract_part(docs: Sequence[Document], context: tuple[Config, Terms]) -> list[Claim]:
    config, terms = context
    return [c for doc in docs for c in extract_checked(doc, config, terms)]


# A cluster as the positions of its claims in the bin's blocks taken in order, its scores and reasons.
_Found = tuple[tuple[int, ...], tuple[tuple[str, str, float], ...], tuple[Reason, ...]]


def _align_blocks(
    blocks: Iterable[Sequence[Claim]], context: tuple[Mapping[str, Source], Config]
) -> list[_Found]:
    sources, config = context
    out: list[_Found] = []
    offset = 0
    for block in blocks:
        where = {id(c): offset + k for k, c in enumerate(block)}
        for members, scores, why in align(block, {}, config=config, sources=sources, bridged=False):
            out.append((tuple(where[id(c)] for c in members), scores, why))
        offset += len(block)
    return out
