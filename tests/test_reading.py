"""A document read once: one Reading per document, shared by the finders and syndication."""

from __future__ import annotations

from pathlib import Path

import pytest

import crosscheck
from crosscheck import independence, reading
from crosscheck.config import Config
from crosscheck.engines import LocalEngine
from crosscheck.independence import find_syndication
from crosscheck.reading import read
from crosscheck.segment import split_sentences
from crosscheck.terms import default_terms
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


def test_a_copy_of_a_story_reads_as_if_it_were_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word-for-word copy (another id, outlet and date) takes over the sentences, tokens and lines of
    the reading of its text before it: the text is split once, and each copy's claims are those it has
    read alone, with its own id in every span and its own publication date resolving "Tuesday"."""
    text = "BEIJING — On Tuesday, 12 bombers flew over the sea, the ministry said.\nPhoto 3 of 12\nMore: 5 ships."
    docs = [
        make_doc("a", text, "2022-05-24"),
        make_doc("other", "Police said 3 people died on Monday."),
        make_doc("b", text, "2022-06-02", source="Copy Desk"),
    ]
    config, terms = Config(), default_terms()
    alone = [c for d in docs for c in LocalEngine(1).extract([d], config, terms)]
    calls: list[str] = []

    def counting(doc_id: str, text: str) -> tuple[crosscheck.model.Sentence, ...]:
        calls.append(doc_id)
        return split_sentences(doc_id, text)

    monkeypatch.setattr(reading, "split_sentences", counting)
    together = LocalEngine(1).extract(docs, config, terms)
    assert together == alone
    assert calls == ["a", "other"]
    by_doc = {d.id: [c for c in together if c.document == d.id] for d in docs}
    assert [c.text for c in by_doc["a"]] == [c.text for c in by_doc["b"]]
    assert all(c.span.doc_id == "b" and c.sentence.doc_id == "b" for c in by_doc["b"])
    (tuesday_a,) = [c.value for c in by_doc["a"] if c.text.endswith("Tuesday")]
    (tuesday_b,) = [c.value for c in by_doc["b"] if c.text.endswith("Tuesday")]
    assert tuesday_a != tuesday_b
