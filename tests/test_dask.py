"""The Dask engine: extraction as a bag, alignment per blocking key, the same report as the local engine."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck
from crosscheck.cli import main

from .test_parallel import corpus

distributed = pytest.importorskip(
    "dask.distributed", reason='the Dask engine needs the extra: pip install -e ".[dask]"'
)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A LocalCluster of two worker processes, as a real cluster would be reached: by its address."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_report_is_identical_to_local(scheduler: str) -> None:
    """check(engine="dask") on a cluster gives the very same JSON as the local engine."""
    docs = corpus(3)
    local = crosscheck.render(crosscheck.check(docs), "json")
    on_dask = crosscheck.render(crosscheck.check(docs, engine="dask", scheduler=scheduler), "json")
    assert '"verdict": "agreement"' in local
    assert on_dask == local


def test_cli_engine_dask_with_scheduler(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`crosscheck report --engine dask --scheduler ADDRESS` prints the local engine's JSON."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for doc in corpus(2):
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8", newline="")
    args = ["report", str(folder), "--format", "json"]
    assert main([*args, "--engine", "dask", "--scheduler", scheduler]) == 0
    on_dask = capsys.readouterr().out
    assert main(args) == 0
    assert on_dask == capsys.readouterr().out


def test_engine_dask_without_scheduler_starts_a_local_cluster() -> None:
    """Without a scheduler address the engine runs on a LocalCluster of its own and closes it."""
    docs = corpus(1)
    on_dask = crosscheck.check(docs, engine="dask")
    assert crosscheck.render(on_dask, "json") == crosscheck.render(crosscheck.check(docs), "json")


def test_dask_report_on_generated_corpus_is_identical_to_local(scheduler: str, tmp_path: Path) -> None:
    """100 documents of `benchmarks/generate.py` (stories, outlets, changed numbers): the same JSON."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from generate import write_corpus

    docs = crosscheck.load_documents(write_corpus(tmp_path / "corpus", 100))
    local = crosscheck.render(crosscheck.check(docs), "json")
    on_dask = crosscheck.render(crosscheck.check(docs, engine="dask", scheduler=scheduler), "json")
    assert '"verdict": "conflict"' in local
    assert on_dask == local


def test_dask_engine_with_many_documents(scheduler: str) -> None:
    """1,000 one-sentence documents: the documents' sources once passed as a keyword of `Client.map`
    grew past 100 kB, became a graph node the scheduler could not run ("AssertionError(<TaskState
    'sources' processing>)", issue 14); they are scattered once now, and the report is the local one."""
    docs = [
        crosscheck.Document(
            id=f"d{n:04d}",
            text=f"On Monday, {3 + n % 4} ships sailed near Okinawa, the ministry said.",
            published=dt.date(1900, 1, 1) + dt.timedelta(days=100 * n),  # far apart: little to align
        )
        for n in range(1000)
    ]
    local = crosscheck.render(crosscheck.check(docs), "json")
    assert crosscheck.render(crosscheck.check(docs, engine="dask", scheduler=scheduler), "json") == local


def test_unknown_engine_is_an_error() -> None:
    """An engine name that does not exist is refused with the names that do."""
    with pytest.raises(crosscheck.CrosscheckError, match="local, dask"):
        crosscheck.check(corpus(1), engine="spark")


def test_dask_bridges_across_blocks_like_the_local_engine(scheduler: str) -> None:
    """Blocks are aligned on different workers; clusters of two blocks that one rare figure joins
    (`align.bridge`) are joined once over all of them, as the local engine does."""
    from .conftest import make_doc

    docs = [
        make_doc(
            "a", "A total of 31 separate pieces of firefighting apparatus responded to the blaze on Friday."
        ),
        make_doc("b", "The fire chief said 31 fire apparatus responded to the blaze on Friday."),
        make_doc("c", "Three people were killed and 14 injured in the blaze on Friday, the fire chief said."),
        make_doc("d", "The blaze on Friday killed three people and injured 14, the fire chief said."),
    ]
    local = crosscheck.render(crosscheck.check(docs), "json")
    assert '"31 separate pieces"' in local
    on_dask = crosscheck.render(crosscheck.check(docs, engine="dask", scheduler=scheduler), "json")
    assert on_dask == local
    groups = crosscheck.check(docs, engine="dask", scheduler=scheduler).agreements
    assert any({c.text for c in g.claims} == {"31 separate pieces", "31 fire apparatus"} for g in groups)
