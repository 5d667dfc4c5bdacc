"""Property tests (hypothesis) over arbitrary Unicode text, document sets and file bytes.

For any input: no exception, every claim's span indexes its document, the same input gives the same
bytes in any order, the report's counts add up, and loading never loses or changes a byte.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import crosscheck
from crosscheck import Document, Report, Verdict

SETTINGS = settings(max_examples=50, deadline=None, database=None)

# Pieces of news prose, so that arbitrary text also carries claims, sentences and lines.
FRAGMENTS = [
    "More than 2,000 troops",
    " arrived on Monday",
    "1,500 soldiers",
    "the sixth such patrol",
    "since 2019",
    "on December 1, 2022",
    "about 300 ships",
    " said ",
    "Russia",
    "China",
    " did not send ",
    "No. 5",
    "U.S. ",
    "$10.2 billion",
    "12%",
    "two dozen aircraft",
    ". ",
    "! ",
    "…",
    "\n",
    "\r\n",
    "\n\n",
    "\u2028",
    "\ufeff",
    "“",
    "”",
    "\u00a0",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=16).map(
    "".join
)
DATES = st.sampled_from([None, dt.date(2022, 12, 1), dt.date(2023, 7, 17)])
SOURCES = st.sampled_from([None, "Associated Press", "PTI", "Reuters"])


@st.composite
def corpora(draw: st.DrawFn) -> list[Document]:
    """One to four documents with arbitrary text and metadata, ids d0, d1, ..."""
    texts = draw(st.lists(TEXT, min_size=1, max_size=4))
    return [
        Document(id=f"d{i}", text=text, source=draw(SOURCES), published=draw(DATES))
        for i, text in enumerate(texts)
    ]


def _json(report: Report) -> str:
    return crosscheck.render(report, "json")


@SETTINGS
@given(corpora())
def test_any_text_gives_a_report_whose_spans_index_their_documents(docs: list[Document]) -> None:
    """No exception on any Unicode text; every claim's span (inside its sentence) is its text."""
    report = crosscheck.check(docs, jobs=1)
    by_id = {d.id: d for d in docs}
    for claim in report.claims:
        text = by_id[claim.document].text
        assert text[claim.span.start : claim.span.end] == claim.text
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end


@SETTINGS
@given(corpora(), st.randoms(use_true_random=False))
def test_output_is_deterministic_and_independent_of_input_order(
    docs: list[Document], rng: random.Random
) -> None:
    """The same documents give the same JSON bytes, run again and in any order."""
    first = _json(crosscheck.check(docs, jobs=1))
    shuffled = list(docs)
    rng.shuffle(shuffled)
    assert _json(crosscheck.check(docs, jobs=1)) == first
    assert _json(crosscheck.check(shuffled, jobs=1)) == first


@SETTINGS
@given(corpora())
def test_the_report_counts_add_up(docs: list[Document]) -> None:
    """Summary counts match the lists, and every claim is in exactly one group of the right verdict."""
    report = crosscheck.check(docs, jobs=1)
    summary = report.to_dict()["summary"]
    assert summary["documents"] == len(docs)
    assert summary["claims"] == len(report.claims)
    counted = ("agreements", "conflicts", "possible_conflicts", "single_source")
    assert sum(summary[key] for key in counted) == len(report.groups)
    grouped = [c.id for g in report.groups for c in g.claims]
    assert sorted(grouped) == sorted(c.id for c in report.claims)
    for group in report.groups:
        sources = {c.document for c in group.claims}
        assert (group.verdict is Verdict.SINGLE_SOURCE) == (len(sources) == 1)


@SETTINGS
@given(st.binary(max_size=400))
def test_loading_any_bytes_loses_and_changes_nothing(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    """Any bytes: read whole (decoding back to exactly those bytes) or skipped with a message; file untouched."""
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / "x.txt"
    path.write_bytes(data)
    result = crosscheck.try_load_documents(path)
    assert path.read_bytes() == data
    if result.documents:
        (doc,) = result.documents
        assert doc.text == data.decode(doc.encoding)
        if doc.encoding in ("utf-8", "cp1252"):
            assert doc.text.encode(doc.encoding) == data
        assert all(not p.skipped for p in result.problems)
        crosscheck.check(result.documents, jobs=1)
    else:
        (problem,) = result.problems
        assert problem.skipped and problem.message.startswith(f"{path}: ") and "\n" not in problem.message
