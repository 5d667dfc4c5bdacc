"""A document read once: one Reading per document, shared by the finders and syndication."""

from __future__ import annotations

from pathlib import Path

import pytest

import crosscheck
from crosscheck import independence, reading
from crosscheck.config import Config
from crosscheck.independence import find_syndication
from crosscheck.reading import read
from crosscheck.segment import split_sentences
from crosscheck.tokens import tokenize

from .conftest import make_doc

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_a_reading_holds_the_sentences_lines_and_tokens_of_its_document() -> None:
    """Sentences, lines and tokens of a reading index the text as read; the lower-cased text keeps every offset."""
    text = "PARIS — Police said 12 people DIED.\r\nRescuers, who arrived late, found 3 more."
    r = read(make_doc("d", text))
    assert r.sentences == split_sentences("d", text)
    assert len(r.lower) == len(text) and r.lower == text.lower()
    second_line = text.index("\r\n") + 2
    assert r.line(0) == (0, second_line) and r.line(1) == (second_line, len(text))
    assert r.line(2) is None and r.line_number(second_line) == 1
    first = r.sentences[0].span
    assert r.tokens(first.start, first.end) == tokenize(text, first.start, first.end)
    second = r.sentences[1].span
    who = text.index("found")
    assert text[r.clause_start(second.start, who) :].startswith(" found")


def test_check_splits_each_document_into_sentences_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction and the syndication finder share one split of each document (in this process)."""
    calls: list[str] = []

    def counting(doc_id: str, text: str) -> tuple[crosscheck.model.Sentence, ...]:
        calls.append(doc_id)
        return split_sentences(doc_id, text)

    monkeypatch.setattr(reading, "split_sentences", counting)
    monkeypatch.setattr(independence, "split_sentences", counting)
    docs = crosscheck.load_documents(SEEDS)
    crosscheck.check(docs)
    assert sorted(calls) == sorted(d.id for d in docs)


def test_syndication_is_the_same_from_sentences_already_split() -> None:
    """Copies and origins do not depend on who split the sentences."""
    docs = crosscheck.load_documents(SEEDS)
    split = {d.id: read(d).sentences for d in docs}
    assert find_syndication(docs, Config(), sentences=split) == find_syndication(docs, Config())
