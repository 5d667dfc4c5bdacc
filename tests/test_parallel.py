"""Parallel extraction: the report is the same, byte for byte, whatever the number of jobs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import crosscheck
from crosscheck import Document
from crosscheck.cli import main
from crosscheck.engines import MIN_PARALLEL_CHARS, LocalEngine

from .conftest import SEEDS


def corpus(copies: int) -> tuple[Document, ...]:
    """The seeds several times over, each copy a month later, so alignment finds groups across copies."""
    seeds = crosscheck.load_documents(SEEDS)
    out = []
    for n in range(copies):
        for doc in seeds:
            published = None if doc.published is None else doc.published + dt.timedelta(days=3 * n)
            out.append(attrs.evolve(doc, id=f"{doc.id}_{n}", published=published))
    return tuple(out)


@pytest.fixture(scope="module")
def big() -> tuple[Document, ...]:
    docs = corpus(4)
    assert sum(len(d.text) for d in docs) >= MIN_PARALLEL_CHARS  # large enough to use the process pool
    return docs


@pytest.mark.parametrize("jobs", [2, 3])
def test_report_is_identical_whatever_the_number_of_jobs(big: tuple[Document, ...], jobs: int) -> None:
    """--jobs N gives the very same JSON report as one process."""
    one = crosscheck.render(crosscheck.check(big, jobs=1), "json")
    many = crosscheck.render(crosscheck.check(big, jobs=jobs), "json")
    assert '"verdict": "conflict"' in one or '"verdict": "agreement"' in one
    assert many == one


def test_pool_keeps_document_order_and_spans(big: tuple[Document, ...]) -> None:
    """Claims from worker processes come back in document and text order, each matching its span."""
    from crosscheck.config import Config
    from crosscheck.terms import default_terms

    claims = LocalEngine(2).extract(sorted(big, key=lambda d: d.id), Config(), default_terms())
    by_id = {d.id: d for d in big}
    assert claims == sorted(claims, key=lambda c: (c.document, c.span.start, c.span.end))
    assert all(by_id[c.document].text[c.span.start : c.span.end] == c.text for c in claims)


def test_worker_processes_hand_back_each_documents_sentences(big: tuple[Document, ...]) -> None:
    """With a process pool the parent keeps the sentences the workers split (for syndication), the
    same as one process splits: a document is split into sentences once whatever --jobs."""
    from crosscheck.config import Config
    from crosscheck.model import Sentence
    from crosscheck.terms import default_terms

    docs = sorted(big, key=lambda d: d.id)
    one: dict[str, tuple[Sentence, ...]] = {}
    many: dict[str, tuple[Sentence, ...]] = {}
    LocalEngine(1).extract(docs, Config(), default_terms(), sentences=one)
    LocalEngine(2).extract(docs, Config(), default_terms(), sentences=many)
    assert sorted(many) == sorted(d.id for d in docs)
    assert many == one


@pytest.mark.parametrize("jobs", [0, -1])
def test_bad_jobs_is_an_error(jobs: int) -> None:
    """A number of jobs below 1 is refused with a message, not ignored."""
    with pytest.raises(crosscheck.CrosscheckError, match="jobs"):
        crosscheck.check(corpus(1), jobs=jobs)


def test_cli_jobs_gives_identical_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`crosscheck report --jobs 2` prints the same JSON as `--jobs 1`."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc in corpus(4):
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8", newline="")
    outputs = []
    for jobs in ("1", "2"):
        assert main(["report", str(folder), "--format", "json", "--jobs", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].startswith("{")


def test_cli_rejects_zero_jobs(capsys: pytest.CaptureFixture[str]) -> None:
    """`--jobs 0` is a usage error: exit 2 with one line on stderr."""
    with pytest.raises(SystemExit) as exc:
        main(["report", str(SEEDS), "--jobs", "0"])
    assert exc.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_extraction_in_this_process_leaves_the_garbage_collector_as_it_found_it() -> None:
    """One-job extraction pauses the cyclic collector while it runs, and puts it back as it was,
    after claims and after an error alike."""
    import gc

    from crosscheck.config import Config
    from crosscheck.terms import default_terms

    docs = crosscheck.load_documents(SEEDS)
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert LocalEngine(1).extract(docs, Config(), default_terms())
            assert gc.isenabled() is enabled
            with pytest.raises(AttributeError):  # an error half-way: a document that is no document
                LocalEngine(1).extract([docs[0], "not a document"], Config(), default_terms())  # type: ignore[list-item]
            assert gc.isenabled() is enabled
    finally:
        gc.enable()
